"""Faults while working: the disk full during an upload, the database away during a request.

The disk is "full" through the storage: the first chunk of a file is written, the next write fails
with ENOSPC, exactly where Django's FileSystemStorage meets a full disk.
"""

import errno
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from wagtail.images import get_image_model
from wagtail.models import Collection, Revision

from newsroom.tests import support
from newsroom.tests.support import Editor
from posts.models import PostImage, PostPage
from safety.tests.images import image_bytes

pytestmark = pytest.mark.django_db
Image = get_image_model()
DISK_FULL_MESSAGE = "Máy chủ đã hết chỗ lưu trữ nên tệp chưa được lưu"


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def disk_full(monkeypatch):
    """Every file written to the media storage fails after its first chunk with ENOSPC."""
    original = FileSystemStorage._save

    class FirstChunkOnly:
        def __init__(self, content):
            self.content = content

        def chunks(self, chunk_size=None):
            yield next(iter(self.content.chunks()))
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(
        FileSystemStorage, "_save", lambda self, name, content: original(self, name, FirstChunkOnly(content))
    )


@pytest.fixture
def writer_client(client):
    client.raise_request_exception = False  # what a browser sees, not the test's exception
    return client


def stored_files(settings) -> list[Path]:
    return [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]


def counts():
    if connection.needs_rollback:
        # An atomic block of the view without a savepoint of its own met the error and marked the
        # test's transaction for rollback, as it rolls back a real request. Reading on shows what
        # was written before the error, if anything (stricter than the real request).
        connection.needs_rollback = False
    return (
        Image.objects.count(),
        PostPage.objects.count(),
        PostImage.objects.count(),
        Revision.objects.count(),
    )


def test_a_photo_upload_on_a_full_disk_stores_nothing_and_says_so(writer_client, disk_full, settings):
    Editor(writer_client, "tuyphong")  # signs the writer in
    before = counts()

    response = writer_client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh hội nghị",
            "file": SimpleUploadedFile("hoi-nghi.jpg", image_bytes()),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 507
    text = response.content.decode()
    assert DISK_FULL_MESSAGE in text
    assert "Traceback" not in text and "OSError" not in text
    assert counts() == before
    assert stored_files(settings) == []  # no truncated file left behind


def test_the_editors_upload_dialog_gets_the_message_as_json(writer_client, disk_full, settings):
    Editor(writer_client, "tuyphong")
    before = counts()

    response = writer_client.post(
        "/admin/images/chooser/create/",
        {
            "image-chooser-upload-title": "Ảnh hội nghị",
            "image-chooser-upload-file": SimpleUploadedFile("hoi-nghi.jpg", image_bytes()),
            "image-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
        headers={"X-Requested-With": "XMLHttpRequest"},
    )

    assert response.status_code == 507
    assert response.json()["success"] is False
    assert DISK_FULL_MESSAGE in response.json()["error_message"]
    assert counts() == before
    assert stored_files(settings) == []


def test_a_post_submitted_while_the_disk_is_full_is_whole_or_absent(writer_client, settings, monkeypatch):
    """Creating and submitting a post writes no file: it completes, with its photo, revision and workflow."""
    photo = support.make_image()  # uploaded while there was room
    monkeypatch.setattr(support, "make_image", lambda *args: photo)
    monkeypatch.setattr(
        FileSystemStorage, "_save", lambda *args: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full"))
    )
    editor = Editor(writer_client, "tuyphong")

    response = editor.create("tuy-phong", "Hội nghị người lao động khi ổ đĩa đầy", action="submit")

    assert response.status_code == 302
    post = PostPage.objects.get(title="Hội nghị người lao động khi ổ đĩa đầy")
    assert [i.image_id for i in post.images.all()] == [photo.pk]
    assert post.revisions.count() == 1
    assert post.workflow_in_progress


def test_a_database_outage_answers_503_in_vietnamese(writer_client, monkeypatch):
    """Every query failing as with PostgreSQL stopped: a short Vietnamese page that needs no query."""
    from django.db.backends.utils import CursorWrapper

    def unreachable(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(CursorWrapper, "execute", unreachable)
    monkeypatch.setattr(CursorWrapper, "executemany", unreachable)
    responses = [writer_client.get(path) for path in ("/", "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n", "/rss/")]
    monkeypatch.undo()

    for response in responses:
        assert response.status_code == 503
        assert response["Retry-After"] == "30"
        text = response.content.decode()
        assert "Trang web tạm gián đoạn" in text
        assert "OperationalError" not in text and "5432" not in text


def test_other_server_errors_keep_the_500_page(writer_client, monkeypatch):
    from public.models import HomePage

    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr(HomePage, "serve", broken)
    response = writer_client.get("/")

    assert response.status_code == 500
    assert "Xin lỗi, trang web đang gặp sự cố" in response.content.decode()
