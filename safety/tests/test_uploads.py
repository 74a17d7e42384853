"""Image uploads: content-checked formats, size and pixel caps, nothing stored when refused, no GPS."""

import io
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from safety.tests.images import SVG, has_gps, image_bytes
from safety.uploads import UploadRefused, allowed_formats, inspect_image, without_location

pytestmark = pytest.mark.django_db
Image = get_image_model()


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    """A private media folder: other tests (and other workers) store images in the shared one."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("it_admin", "it@congdoan.local", "Mat-khau-2017!")
    client.force_login(user)
    return client


def stored_files(settings) -> set[Path]:
    root = Path(settings.MEDIA_ROOT) / "original_images"
    return set(root.glob("*")) if root.exists() else set()


def upload(client, name: str, data: bytes, title: str = "Ảnh hoạt động"):
    return client.post(
        "/admin/images/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def multiple_upload(client, name: str, data: bytes):
    return client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data), "collection": Collection.get_first_root_node().pk},
    )


def assert_refused(response, settings, before_files, before_count, words):
    assert response.status_code == 200
    text = response.content.decode()
    for word in words:
        assert word in text, text[:2000]
    assert Image.objects.count() == before_count
    assert stored_files(settings) == before_files


@pytest.mark.parametrize("fmt,name", [("JPEG", "anh.jpg"), ("PNG", "anh.png"), ("WEBP", "anh.webp")])
def test_accepts_jpeg_png_webp(admin_client, fmt, name):
    response = upload(admin_client, name, image_bytes(fmt))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Image.objects.filter(title="Ảnh hoạt động").exists()


def test_accepts_avif_when_pillow_reads_it(admin_client):
    if "AVIF" not in allowed_formats():
        pytest.skip("this Pillow has no AVIF support")
    response = upload(admin_client, "anh.avif", image_bytes("AVIF"))
    assert response.status_code == 302


@pytest.mark.parametrize("name", ["logo.svg", "logo.jpg", "logo.png"])
def test_refuses_svg_whatever_its_name(admin_client, settings, name):
    before_files, before_count = stored_files(settings), Image.objects.count()
    response = upload(admin_client, name, SVG)
    assert_refused(response, settings, before_files, before_count, ["Không nhận ảnh SVG"])


def test_refuses_other_formats_by_content(admin_client, settings):
    before_files, before_count = stored_files(settings), Image.objects.count()
    for name, data in [
        ("anh.gif", image_bytes("GIF")),
        ("anh.jpg", image_bytes("GIF")),  # a GIF pretending to be a JPEG
        ("anh.jpg", image_bytes("BMP")),
        ("anh.jpg", b"%PDF-1.4 not an image"),
        ("anh.png", b"<html><script>alert(1)</script></html>"),
        ("anh.jpg", image_bytes("JPEG")[:100]),  # truncated
    ]:
        response = upload(admin_client, name, data)
        assert_refused(response, settings, before_files, before_count, ["Chỉ nhận ảnh JPEG, PNG, WebP"])


def test_refuses_a_real_image_with_the_wrong_extension(admin_client, settings):
    before_files, before_count = stored_files(settings), Image.objects.count()
    response = upload(admin_client, "anh.jpg", image_bytes("PNG"))
    assert_refused(response, settings, before_files, before_count, ["không phải ảnh .jpeg thật"])


def test_size_cap(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    before_files, before_count = stored_files(settings), Image.objects.count()
    response = upload(admin_client, "to.png", image_bytes("PNG", size=(400, 400), mode="RGB") + b"\0" * 2000)
    assert_refused(response, settings, before_files, before_count, ["Tệp quá lớn", "Dung lượng tối đa"])


def test_pixel_cap(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100 * 100
    before_files, before_count = stored_files(settings), Image.objects.count()
    response = upload(admin_client, "rong.png", image_bytes("PNG", size=(200, 200)))
    assert_refused(response, settings, before_files, before_count, ["Ảnh quá lớn", "triệu điểm ảnh"])


def test_decompression_bomb_is_refused_without_decoding():
    # 15000 x 15000 one-bit pixels: a 30 kB PNG that would need 225 million pixels in memory.
    data = image_bytes("PNG", size=(15000, 15000), mode="1")
    assert len(data) < 100_000
    with pytest.raises(UploadRefused, match="Ảnh quá lớn"):
        inspect_image(io.BytesIO(data))


def test_multiple_uploader_refuses_svg_and_stores_nothing(admin_client, settings):
    before_files, before_count = stored_files(settings), Image.objects.count()
    response = multiple_upload(admin_client, "logo.svg", SVG)
    payload = response.json()
    assert payload["success"] is False
    assert "Không nhận ảnh SVG" in payload["error_message"]
    assert Image.objects.count() == before_count
    assert stored_files(settings) == before_files


def test_gps_is_removed_from_the_stored_original_and_renditions(admin_client):
    data = image_bytes("JPEG", size=(400, 300), gps=True)
    assert has_gps(data)
    response = upload(admin_client, "co-toa-do.jpg", data, title="Ảnh có tọa độ")
    assert response.status_code == 302
    image = Image.objects.get(title="Ảnh có tọa độ")
    with image.open_file() as f:
        stored = f.read()
    assert not has_gps(stored)
    assert image.file_size == len(stored)
    for spec in ["original", "width-200", "fill-100x100", "width-200|format-webp", "width-200|format-png"]:
        rendition = image.get_rendition(spec)
        with rendition.file.open("rb") as f:
            assert not has_gps(f.read()), spec


def test_images_created_in_code_lose_gps_too():
    data = image_bytes("PNG", size=(120, 90), gps=True)
    image = Image(title="Ảnh từ lệnh", file=ImageFile(io.BytesIO(data), name="lenh.png"))
    image.save()
    with image.open_file() as f:
        assert not has_gps(f.read())


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_without_location_keeps_the_rest_of_the_exif(fmt):
    from PIL import Image as PILImage

    cleaned = without_location(image_bytes(fmt, gps=True))
    with PILImage.open(io.BytesIO(cleaned)) as image:
        exif = image.getexif()
        assert 0x8825 not in exif
        assert exif[0x010F] == "Canon"
        assert exif.get_ifd(0x8769)[0x9003] == "2017:03:15 08:30:00"
    assert without_location(image_bytes(fmt)) is None  # nothing to remove: left untouched


def test_jpeg_pixels_are_not_re_encoded():
    original = image_bytes("JPEG", size=(64, 48), gps=True)
    cleaned = without_location(original)
    scan = original.index(b"\xff\xda")
    assert cleaned.endswith(original[scan:])


def test_command_cleans_images_stored_before(capsys):
    from django.core.management import call_command
    from django.db.models.signals import pre_save

    from safety.signals import strip_location_before_storing

    pre_save.disconnect(strip_location_before_storing, sender=Image, dispatch_uid="safety_strip_location")
    try:
        image = Image(
            title="Ảnh cũ", file=ImageFile(io.BytesIO(image_bytes("JPEG", gps=True)), name="cu.jpg")
        )
        image.save()
    finally:
        pre_save.connect(strip_location_before_storing, sender=Image, dispatch_uid="safety_strip_location")
    image.get_rendition("width-20")
    call_command("strip_image_locations", "--dry-run")
    image.refresh_from_db()
    with image.open_file() as f:
        assert has_gps(f.read())
    call_command("strip_image_locations")
    image.refresh_from_db()
    with image.open_file() as f:
        data = f.read()
    assert not has_gps(data) and image.file_size == len(data)
    with image.get_rendition("width-20").file.open("rb") as f:
        assert not has_gps(f.read())
    assert "đã xóa dữ liệu vị trí ở" in capsys.readouterr().out
