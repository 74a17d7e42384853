"""One-file backups of an installation and their restore (`manage.py backup` / `manage.py restore`).

An archive is a .tar.gz holding:

- ``manifest.json``: format version, creation time, database engine, the applied migrations, the number
  of rows per model, and the SHA-256 and size of every other member;
- ``db/data.json``: the whole database as Django JSON fixtures (what ``dumpdata`` writes, with natural
  keys for content types and permissions), the portable dump: it restores on SQLite and on PostgreSQL
  alike, whatever the server versions;
- ``db/postgresql.dump`` (PostgreSQL only, when a ``pg_dump`` at least as new as the server is
  installed): ``pg_dump --format=custom``, an exact copy for the DBA's own ``pg_restore``;
- ``media/...``: every uploaded file (original images, renditions, documents).

Why restore reads the JSON dump, also on PostgreSQL: it goes through the migrations of the code being
restored into (so an archive restores into a newer release of the portal after its migrations ran),
it does not depend on matching pg_dump/pg_restore and server versions, and one path is tested on both
engines. The pg_dump file is there for the cases it is better at (a very large database, a server
migration done by a DBA).

Left out of the dump, because they are rebuilt or must not come back: content types and permissions
(recreated by ``migrate``; referenced by natural key), sessions (a restore signs everybody out), the
search index (rebuilt by ``update_index`` after the load) and django-axes' login attempts.

The archive holds password hashes and two-factor secrets: it is written readable by its owner only.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import os
import shutil
import subprocess  # nosec B404
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils.timezone import is_aware
from django.utils.translation import gettext as _

FORMAT = "congdoan-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATA = "db/data.json"
PG_DUMP = "db/postgresql.dump"
MEDIA_PREFIX = "media/"

EXCLUDED_FROM_DUMP = ["contenttypes", "auth.permission", "sessions", "wagtailsearch", "axes"]
NATURAL_KEY_MODELS = {"contenttypes.contenttype", "auth.permission"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is Vietnamese, for the operator."""


Progress = Callable[[str], None]


def _quiet(message: str) -> None:
    pass


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def dumped_models() -> list:
    excluded_apps = {e for e in EXCLUDED_FROM_DUMP if "." not in e}
    excluded_models = {e.lower() for e in EXCLUDED_FROM_DUMP if "." in e}
    models = []
    for model in apps.get_models():
        meta = model._meta
        if meta.app_label in excluded_apps or meta.label_lower in excluded_models:
            continue
        if meta.proxy or not meta.managed:
            continue
        models.append(model)
    return sorted(models, key=lambda m: m._meta.label_lower)


def row_counts() -> dict[str, int]:
    return {m._meta.label_lower: m._default_manager.count() for m in dumped_models()}


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def media_files(root: Path) -> Iterable[Path]:
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


# -- backup -------------------------------------------------------------------------------------


class _DumpSerializer(JSONSerializer):
    """Django's JSON fixtures, every row with its primary key, and natural keys only for references to
    content types and permissions (the rows `migrate` recreates with new ids).

    ``dumpdata --natural-primary`` would drop the ids of pages (Wagtail gives Page a natural key, its
    URL path) and so break revisions and log entries that name pages by id; ``--natural-foreign`` fails
    on Wagtail's log entries of deleted pages (a foreign key without a database constraint).
    """

    def _natural_for(self, field) -> bool:
        return field.remote_field.model._meta.label_lower in NATURAL_KEY_MODELS

    def handle_fk_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural_for(field)
        super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        self.use_natural_foreign_keys = self._natural_for(field)
        super().handle_m2m_field(obj, field)


class _ExactJSONEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder cuts datetimes and times to milliseconds (ECMA-262); a backup keeps microseconds."""

    def default(self, o):
        if isinstance(o, datetime | time):
            if isinstance(o, datetime) and is_aware(o):
                return o.isoformat().replace("+00:00", "Z")
            return o.isoformat()
        return super().default(o)


def write_data_dump(path: Path) -> None:
    rows = itertools.chain.from_iterable(
        model._base_manager.order_by("pk").iterator(chunk_size=2000) for model in dumped_models()
    )
    with open(path, "w", encoding="utf-8") as stream:
        _DumpSerializer().serialize(
            rows,
            stream=stream,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=False,
            cls=_ExactJSONEncoder,
        )


def _pg_dump(target: Path, progress: Progress) -> bool:
    """pg_dump --format=custom of the current database; False (with a note) when it can't be made."""
    executable = shutil.which("pg_dump")
    if executable is None:
        progress(_("Không có pg_dump: chỉ lưu bản sao JSON của cơ sở dữ liệu."))
        return False
    try:
        # pg_dump found on PATH, fixed arguments, no shell.
        version = subprocess.run(  # noqa: S603  # nosec B603
            [executable, "--version"], capture_output=True, text=True, check=True, timeout=30
        ).stdout
        client_major = int(version.split()[-1].split(".")[0])
    except (subprocess.SubprocessError, ValueError, IndexError):
        client_major = 0
    server_major = connection.pg_version // 10000
    if client_major < server_major:
        progress(
            _("pg_dump %(client)s cũ hơn máy chủ PostgreSQL %(server)s: chỉ lưu bản sao JSON.")
            % {"client": client_major, "server": server_major}
        )
        return False
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    command = [executable, "--format=custom", "--no-owner", "--file", str(target), "--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command += [option, str(db[key])]
    result = subprocess.run(  # noqa: S603  # nosec B603
        command, env=env, capture_output=True, text=True, timeout=3600
    )
    if result.returncode != 0:
        raise BackupError(_("pg_dump thất bại: %(error)s") % {"error": result.stderr.strip()})
    return True


def create_backup(output: Path, progress: Progress = _quiet) -> dict:
    """Write the archive to ``output`` (atomically: a temporary file renamed at the end)."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="congdoan-backup-") as tmp:
        tmpdir = Path(tmp)
        data_path = tmpdir / "data.json"
        progress(_("Đang xuất cơ sở dữ liệu..."))
        write_data_dump(data_path)
        members: list[tuple[str, Path]] = [(DATA, data_path)]
        if connection.vendor == "postgresql":
            pg_path = tmpdir / "postgresql.dump"
            if _pg_dump(pg_path, progress):
                members.append((PG_DUMP, pg_path))
        files = list(media_files(media_root))
        progress(_("Đang tính tổng kiểm SHA-256 của %(count)s tệp media...") % {"count": len(files)})
        members += [(MEDIA_PREFIX + p.relative_to(media_root).as_posix(), p) for p in files]

        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "engine": connection.vendor,
            "migrations": applied_migrations(),
            "counts": row_counts(),
            "files": {
                name: {"sha256": sha256_file(path), "size": path.stat().st_size} for name, path in members
            },
        }
        partial = output.with_name(output.name + ".partial")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            body = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(body), int(datetime.now(UTC).timestamp()), 0o600
            tar.addfile(info, io.BytesIO(body))
            for index, (name, path) in enumerate(members, start=1):
                tar.add(path, arcname=name, recursive=False)
                if index % 200 == 0:
                    progress(
                        _("Đã đóng gói %(done)s/%(total)s tệp...") % {"done": index, "total": len(members)}
                    )
        os.replace(partial, output)
    return manifest


# -- restore ------------------------------------------------------------------------------------


@dataclass
class Archive:
    path: Path
    manifest: dict


def _safe_member_name(name: str) -> bool:
    pure = PurePosixPath(name)
    return not pure.is_absolute() and ".." not in pure.parts and name == pure.as_posix()


def read_and_verify(path: Path, progress: Progress = _quiet) -> Archive:
    """Open an archive and check every member against the manifest before anything is written."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(_("Không tìm thấy tệp sao lưu «%(path)s».") % {"path": path})
    try:
        with tarfile.open(path, mode="r:gz") as tar:
            try:
                manifest = json.load(tar.extractfile(MANIFEST))
            except (KeyError, AttributeError, ValueError):
                raise BackupError(
                    _("Tệp «%(path)s» không phải bản sao lưu hợp lệ: thiếu bảng kê.") % {"path": path}
                ) from None
            if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
                raise BackupError(
                    _("Tệp «%(path)s» không phải bản sao lưu của cổng thông tin này.") % {"path": path}
                )
            expected = dict(manifest.get("files", {}))
            progress(_("Đang kiểm tra tổng kiểm SHA-256 của %(count)s tệp...") % {"count": len(expected)})
            for member in tar:
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not _safe_member_name(member.name):
                    raise BackupError(
                        _("Bản sao lưu có mục không hợp lệ: «%(name)s».") % {"name": member.name}
                    )
                entry = expected.pop(member.name, None)
                if entry is None:
                    raise BackupError(
                        _("Bản sao lưu có tệp ngoài bảng kê: «%(name)s».") % {"name": member.name}
                    )
                digest = hashlib.sha256()
                f = tar.extractfile(member)
                for chunk in iter(lambda f=f: f.read(CHUNK), b""):
                    digest.update(chunk)
                if digest.hexdigest() != entry["sha256"] or member.size != entry["size"]:
                    raise BackupError(
                        _("Tổng kiểm không khớp ở «%(name)s»: bản sao lưu đã bị hỏng hoặc bị sửa.")
                        % {"name": member.name}
                    )
            if expected:
                raise BackupError(
                    _("Bản sao lưu thiếu %(count)s tệp, ví dụ «%(name)s».")
                    % {"count": len(expected), "name": next(iter(expected))}
                )
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise BackupError(
            _("Không đọc được tệp sao lưu «%(path)s»: %(error)s") % {"path": path, "error": exc}
        ) from None
    return Archive(path, manifest)


def installation_is_empty() -> bool:
    """True for a database that has only what `migrate` creates (Wagtail's root page and welcome page)."""
    from django.contrib.auth import get_user_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from units.models import Unit

    return (
        not get_user_model().objects.exists()
        and not Unit.objects.exists()
        and not get_image_model().objects.exists()
        and Page.objects.count() <= 2
    )


def _check_migrations(manifest: dict) -> None:
    from django.db.migrations.loader import MigrationLoader

    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app}.{name}"
        for app, names in manifest.get("migrations", {}).items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            _(
                "Bản sao lưu được tạo từ phiên bản mới hơn của phần mềm (có %(count)s bước chuyển đổi "
                "dữ liệu mà bản này không có, ví dụ %(example)s). Hãy cập nhật phần mềm rồi khôi phục."
            )
            % {"count": len(unknown), "example": unknown[0]}
        )


def restore_backup(path: Path, force: bool = False, progress: Progress = _quiet) -> dict:
    """Rebuild this installation from an archive: verify, migrate, load the data, copy the media."""
    archive = read_and_verify(path, progress)
    manifest = archive.manifest
    _check_migrations(manifest)
    progress(_("Đang cập nhật cấu trúc cơ sở dữ liệu (migrate)..."))
    call_command("migrate", interactive=False, verbosity=0)
    if not force and not installation_is_empty():
        raise BackupError(
            _(
                "Cơ sở dữ liệu này đã có dữ liệu. Chỉ khôi phục vào một cài đặt trống; "
                "dùng --force để xóa hết dữ liệu hiện có và thay bằng bản sao lưu."
            )
        )
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="congdoan-restore-") as tmp:
        tmpdir = Path(tmp)
        with tarfile.open(archive.path, mode="r:gz") as tar:
            tar.extract(tar.getmember(DATA), tmpdir, filter="data")
            media = [m for m in tar.getmembers() if m.name.startswith(MEDIA_PREFIX)]
            progress(
                _("Đang nạp cơ sở dữ liệu (%(rows)s dòng)...")
                % {"rows": sum(manifest.get("counts", {}).values())}
            )
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(tmpdir / DATA), verbosity=0)
            progress(_("Đang chép %(count)s tệp media...") % {"count": len(media)})
            media_root.mkdir(parents=True, exist_ok=True)
            for member in media:  # names checked by read_and_verify: relative, no "..", regular files
                target = media_root / member.name[len(MEDIA_PREFIX) :]
                target.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as source, open(target, "wb") as dest:
                    shutil.copyfileobj(source, dest, CHUNK)
    progress(_("Đang dựng lại chỉ mục tìm kiếm..."))
    call_command("update_index", verbosity=0)
    counts = row_counts()
    missing = {label: n for label, n in manifest.get("counts", {}).items() if counts.get(label, 0) != n}
    if missing:
        raise BackupError(
            _("Số dòng sau khi khôi phục không khớp bảng kê: %(details)s")
            % {"details": ", ".join(f"{k} {counts.get(k, 0)}/{v}" for k, v in sorted(missing.items()))}
        )
    return manifest


def database_fingerprint() -> dict[str, dict]:
    """Row count and a SHA-256 of every row's values, per dumped model (to compare two installations)."""

    def normal(value):
        if isinstance(value, str):
            try:
                parsed = json.loads(value)
            except ValueError:
                return value
            return parsed if isinstance(parsed, dict | list) else value
        return value

    natural = {}  # ids of content types and permissions differ between installations: compare names
    for label in NATURAL_KEY_MODELS:
        model = apps.get_model(label)
        natural[label] = {obj.pk: ".".join(obj.natural_key()) for obj in model._base_manager.all()}

    result = {}
    for model in dumped_models():
        mapped = {
            f.attname: natural[f.remote_field.model._meta.label_lower]
            for f in model._meta.concrete_fields
            if f.remote_field is not None and f.remote_field.model._meta.label_lower in natural
        }
        m2m = [
            f.name
            for f in model._meta.local_many_to_many
            if f.remote_field.model._meta.label_lower in natural
        ]
        digest = hashlib.sha256()
        count = 0
        for obj in model._base_manager.order_by("pk").prefetch_related(*m2m).iterator(chunk_size=2000):
            row = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
            clean = {k: mapped[k].get(v, v) if k in mapped else normal(v) for k, v in row.items()}
            for name in m2m:
                clean[name] = sorted(".".join(o.natural_key()) for o in getattr(obj, name).all())
            digest.update(json.dumps(clean, sort_keys=True, default=str, ensure_ascii=False).encode())
            count += 1
        result[model._meta.label_lower] = {"count": count, "sha256": digest.hexdigest()}
    return result
