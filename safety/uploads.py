"""Image uploads: what we accept, and the location data we never keep.

- ``inspect_image`` reads the content (never the file name or the browser's content type) with Pillow
  and accepts only JPEG, PNG, WebP and, when this Pillow reads it, AVIF, within the size and pixel caps
  of the settings (WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILIMAGES_MAX_IMAGE_PIXELS). SVG (which can carry
  script) and everything else are refused with a Vietnamese message.
- ``without_location`` removes GPS coordinates (the EXIF GPS directory) and XMP packets (which repeat
  them) from an image file. JPEG is rewritten segment by segment, so the picture is not re-encoded and
  the rest of the EXIF data (orientation, date taken, camera) is kept; PNG is re-saved (lossless); WebP
  and AVIF are re-encoded at high quality, and only when they do carry a location. Wagtail's renditions
  copy the original's EXIF block, so cleaning the original cleans every rendition made from it.

safety/signals.py applies ``without_location`` to every new image file, whichever way it arrives (the
admin, the chooser, the multiple uploader, the demo loader, a command).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError, features

GPS_IFD = 0x8825
XMP_JPEG_PREFIXES = (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp/extension/\x00")


def allowed_formats() -> tuple[str, ...]:
    formats = ["JPEG", "PNG", "WEBP"]
    if features.check("avif"):
        formats.append("AVIF")
    return tuple(formats)


FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "AVIF": "AVIF"}


class UploadRefused(ValueError):
    """An upload we do not store; the message is Vietnamese, for the person uploading."""


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int


def _formats_text() -> str:
    return ", ".join(FORMAT_NAMES[f] for f in allowed_formats())


def refused_format_message() -> str:
    return _("Chỉ nhận ảnh %(formats)s. Tệp này không phải là ảnh thuộc các định dạng đó.") % {
        "formats": _formats_text()
    }


def svg_message() -> str:
    return _(
        "Không nhận ảnh SVG: loại tệp này có thể chứa mã chạy trên trình duyệt. "
        "Hãy xuất ảnh sang %(formats)s rồi tải lên lại."
    ) % {"formats": _formats_text()}


def too_large_message(size: int | None) -> str:
    limit = filesizeformat(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    if size is None:
        return _("Tệp quá lớn. Dung lượng tối đa là %(limit)s.") % {"limit": limit}
    return _("Tệp quá lớn (%(size)s). Dung lượng tối đa là %(limit)s.") % {
        "size": filesizeformat(size),
        "limit": limit,
    }


def too_many_pixels_message(pixels: int | None = None) -> str:
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    megapixels = f"{limit / 1_000_000:g}"
    if pixels is None:
        return _("Ảnh quá lớn: tối đa %(limit)s triệu điểm ảnh.") % {"limit": megapixels}
    return _("Ảnh quá lớn (%(pixels)s triệu điểm ảnh): tối đa %(limit)s triệu điểm ảnh.") % {
        "pixels": f"{pixels / 1_000_000:.1f}".replace(".", ","),
        "limit": megapixels,
    }


def _looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg", b"<!--")) and b"<svg" in head.lower()


def inspect_image(fileobj) -> ImageInfo:
    """Check an uploaded image by its content; raise UploadRefused with a Vietnamese message."""
    max_size = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    size = getattr(fileobj, "size", None)
    if max_size is not None and size is not None and size > max_size:
        raise UploadRefused(too_large_message(size))
    fileobj.seek(0)
    head = fileobj.read(4096)
    fileobj.seek(0)
    if _looks_like_svg(head):
        raise UploadRefused(svg_message())
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        # formats=: Pillow tries only these decoders, so nothing else is even parsed.
        with Image.open(fileobj, formats=list(allowed_formats())) as image:
            fmt = image.format
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
            if max_pixels is not None and width * height * frames > max_pixels:
                raise UploadRefused(too_many_pixels_message(width * height * frames))
            image.verify()  # structure check without decoding every pixel
    except UploadRefused:
        raise
    except Image.DecompressionBombError:
        raise UploadRefused(too_many_pixels_message()) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        raise UploadRefused(refused_format_message()) from None
    finally:
        fileobj.seek(0)
    if fmt not in allowed_formats():
        raise UploadRefused(refused_format_message())
    return ImageInfo(fmt, width, height)


# -- location metadata ------------------------------------------------------------------------------


def _xmp_has_location(xmp) -> bool:
    if not xmp:
        return False
    data = xmp if isinstance(xmp, bytes) else str(xmp).encode("utf-8", "replace")
    return b"GPS" in data or b"LocationShown" in data or b"LocationCreated" in data


def _clean_exif(image: Image.Image) -> tuple[bytes | None, bool]:
    """EXIF bytes without the GPS directory, and whether there was one."""
    exif = image.getexif()
    if GPS_IFD not in exif:
        return None, False
    # Read the sub-directories first so that tobytes() writes them out again.
    for tag in (0x8769, 0xA005):  # Exif IFD, Interoperability IFD
        if tag in exif:
            exif.get_ifd(tag)
    del exif[GPS_IFD]
    return exif.tobytes(), True


def _jpeg_segments(data: bytes):
    """Yield (marker, segment bytes) up to the start of scan, then (None, the rest)."""
    if data[:2] != b"\xff\xd8":
        raise ValueError("not a JPEG")
    yield 0xD8, data[:2]
    i = 2
    while i < len(data):
        if data[i] != 0xFF:
            raise ValueError("bad JPEG marker")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xDA:  # start of scan: entropy-coded data follows, copy the rest as is
            yield None, data[i:]
            return
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            yield marker, data[i : i + 2]
            i += 2
            continue
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        yield marker, data[i : i + 2 + length]
        i += 2 + length


def _jpeg_without_location(data: bytes, exif: bytes | None) -> bytes:
    out = []
    for marker, segment in _jpeg_segments(data):
        payload = segment[4:]
        if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
            if exif:
                body = exif if exif.startswith(b"Exif\x00\x00") else b"Exif\x00\x00" + exif
                if len(body) + 2 <= 0xFFFF:
                    out.append(b"\xff\xe1" + (len(body) + 2).to_bytes(2, "big") + body)
            continue
        if marker == 0xE1 and payload.startswith(XMP_JPEG_PREFIXES):
            continue
        out.append(segment)
    return b"".join(out)


def without_location(data: bytes) -> bytes | None:
    """The same image without GPS/XMP location data, or None when it carries none (or isn't ours)."""
    try:
        with Image.open(io.BytesIO(data), formats=list(allowed_formats())) as image:
            fmt = image.format
            exif, had_gps = _clean_exif(image)
            xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
            if fmt == "JPEG":
                xmp_present = any(
                    marker == 0xE1 and seg[4:].startswith(XMP_JPEG_PREFIXES) and _xmp_has_location(seg)
                    for marker, seg in _jpeg_segments(data)
                )
                if not (had_gps or xmp_present):
                    return None
                return _jpeg_without_location(data, exif)
            if not (had_gps or _xmp_has_location(xmp)):
                return None
            if exif is None:
                exif = image.getexif().tobytes() if image.getexif() else b""
            return _resave(image, fmt, exif)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
        return None


def _resave(image: Image.Image, fmt: str, exif: bytes) -> bytes:
    buffer = io.BytesIO()
    options: dict = {"format": fmt}
    if exif:
        options["exif"] = exif
    if image.info.get("icc_profile"):
        options["icc_profile"] = image.info["icc_profile"]
    if getattr(image, "n_frames", 1) > 1:
        options["save_all"] = True
    if fmt in {"WEBP", "AVIF"}:
        options["quality"] = 92
    image.save(buffer, **options)
    return buffer.getvalue()
