"""backup / restore: the demo federation survives a round trip into an empty installation, row for row."""

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from safety.backup import BackupError, database_fingerprint, media_files, read_and_verify

pytestmark = pytest.mark.django_db


def manage(*args, env, timeout=600):
    return subprocess.run(  # noqa: S603 (our manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def media_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in media_files(root)
    }


@pytest.fixture
def own_media(settings, tmp_path):
    """A private copy of the media folder, so that other test workers' files don't move under us."""
    source = Path(settings.MEDIA_ROOT)
    target = tmp_path / "media"
    if source.exists():
        shutil.copytree(source, target, dirs_exist_ok=True)
    target.mkdir(exist_ok=True)
    settings.MEDIA_ROOT = target
    return target


def test_backup_and_restore_into_an_empty_installation(own_media, tmp_path, demo_template):
    from posts.models import PostPage
    from units.models import Unit

    assert Unit.objects.exists() and PostPage.objects.exists(), "the demo data is loaded"
    archive = tmp_path / "sao-luu.tar.gz"
    out = io.StringIO()
    call_command("backup", output=str(archive), stdout=out)
    assert "Đã sao lưu" in out.getvalue()
    assert archive.stat().st_mode & 0o077 == 0  # owner only: it holds password hashes
    expected = database_fingerprint()
    expected_media = media_digest(own_media)

    restored_media = tmp_path / "media-restored"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "safety.tests.restore_settings",
        # The empty installation: a copy of the freshly migrated SQLite file of tests/demo_template.py.
        "DATABASE_URL": demo_template.empty_sqlite_copy(tmp_path / "empty.sqlite3"),
        "MEDIA_ROOT": str(restored_media),
    }
    result = manage("restore", str(archive), env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    for step in ["Đang kiểm tra tổng kiểm SHA-256", "Đang nạp cơ sở dữ liệu", "Đã khôi phục"]:
        assert step in result.stdout

    script = "import json; from safety.backup import database_fingerprint as f; print(json.dumps(f()))"
    result = manage("shell", "-c", script, env=env)
    assert result.returncode == 0, result.stderr
    restored = json.loads(result.stdout.strip().splitlines()[-1])
    differing = sorted(label for label in expected if expected[label] != restored.get(label))
    assert differing == [], differing
    for label in ["units.unit", "posts.postpage", "posts.newspage", "posts.articlepage", "wagtailcore.page"]:
        assert restored[label]["count"] == expected[label]["count"] > 0, label
    for app in ["royalties", "oversight"]:  # statements, issued reports... whatever those apps store
        assert all(restored[k] == v for k, v in expected.items() if k.startswith(app + "."))
    assert media_digest(restored_media) == expected_media

    # A second restore into what is now a full installation is refused.
    result = manage("restore", str(archive), env=env)
    assert result.returncode != 0
    assert "đã có dữ liệu" in result.stderr and "--force" in result.stderr


def _archive_with(tmp_path, members: dict[str, bytes], manifest_files=None) -> Path:
    files = manifest_files
    if files is None:
        files = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)} for n, d in members.items()}
    manifest = {"format": "congdoan-backup", "version": 1, "files": files, "counts": {}, "migrations": {}}
    path = tmp_path / "x.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        for name, data in {"manifest.json": json.dumps(manifest).encode(), **members}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def test_verification_accepts_a_sound_archive(tmp_path):
    archive = read_and_verify(_archive_with(tmp_path, {"db/data.json": b"[]", "media/a.jpg": b"x"}))
    assert set(archive.manifest["files"]) == {"db/data.json", "media/a.jpg"}


def test_a_changed_byte_is_caught(tmp_path):
    good = {"db/data.json": {"sha256": hashlib.sha256(b"[]").hexdigest(), "size": 2}}
    path = _archive_with(tmp_path, {"db/data.json": b"{}"}, manifest_files=good)
    with pytest.raises(BackupError, match="Tổng kiểm không khớp"):
        read_and_verify(path)


def test_files_outside_the_manifest_or_missing_are_refused(tmp_path):
    extra = {"db/data.json": {"sha256": hashlib.sha256(b"[]").hexdigest(), "size": 2}}
    with pytest.raises(BackupError, match="ngoài bảng kê"):
        read_and_verify(
            _archive_with(tmp_path, {"db/data.json": b"[]", "media/x": b"1"}, manifest_files=extra)
        )
    missing = {**extra, "media/y": {"sha256": "0" * 64, "size": 1}}
    with pytest.raises(BackupError, match="thiếu 1 tệp"):
        read_and_verify(_archive_with(tmp_path, {"db/data.json": b"[]"}, manifest_files=missing))


def test_path_traversal_is_refused(tmp_path):
    with pytest.raises(BackupError, match="không hợp lệ"):
        read_and_verify(_archive_with(tmp_path, {"media/../../etc/evil": b"x"}))


def test_not_an_archive(tmp_path):
    bogus = tmp_path / "khong-phai.tar.gz"
    bogus.write_bytes(b"not a tarball")
    with pytest.raises(BackupError, match="Không đọc được"):
        read_and_verify(bogus)
    with pytest.raises(BackupError, match="Không tìm thấy"):
        read_and_verify(tmp_path / "khong-co.tar.gz")
