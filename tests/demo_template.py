"""The demo federation built once per test session, and copied wherever a test needs it.

`migrate` followed by `load_demo` is the slowest thing the suite does. It used to run once per test
worker (the root conftest's test database), once more per worker in a subprocess for the browser
tests' site, and `migrate` again for the empty installation a backup is restored into. Now the
first worker that needs it builds, in a subprocess with the test settings:

- the *demo* template: a database after `migrate` and `load_demo`, with its media folder (photos
  and renditions): each worker's test database and the browser tests' site are copies of it;
- the *empty* template: an SQLite file straight after `migrate`, the empty installation a backup is
  restored into (on SQLite, a copy taken on the way; on PostgreSQL, migrated when first asked for).

On SQLite a template is a file, copied with SQLite's backup API (into the in-memory test database
of a worker, or into a file for a subprocess); on PostgreSQL the demo template is a database, copied
with `CREATE DATABASE … TEMPLATE …`. Every copy is private: the workers stay isolated.

The workers of one session share the templates through their common temporary folder, under a file
lock; they count themselves in and out, and the last one out removes the templates (the PostgreSQL
database, the files). Nothing outlives the session, so the templates always come from the code
being tested.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
SETTINGS = "tests.subprocess_settings"
BUILD_SECONDS = 1800
STATE = "state.json"


def _manage(env: dict[str, str], *args: str, log: Path) -> None:
    with log.open("ab") as out:
        result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, str(BASE_DIR / "manage.py"), *args],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=BUILD_SECONDS,
        )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{log.read_text()[-3000:]}")


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite file (its WAL included) through SQLite's backup API."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class DemoTemplate:
    """Where a session's templates are. `vendor` is the engine of the suite's database."""

    root: Path
    vendor: str
    database_url: str  # the suite's DATABASE_URL ("" for the SQLite default)

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def token(self) -> str:
        return self.root.name.rsplit("-", 1)[-1]

    # -- names -----------------------------------------------------------------------------------

    def sqlite_file(self, kind: str) -> Path:
        return self.root / f"{kind}.sqlite3"

    def pg_name(self, kind: str) -> str:
        base = (urlsplit(self.database_url).path.lstrip("/") or "congdoan")[:20]
        return f"test_{base}_tpl{self.token}_{kind}"

    def pg_url(self, name: str) -> str:
        parts = urlsplit(self.database_url)
        return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))

    # -- PostgreSQL administration (through the maintenance database, as Django's test runner does) --

    def _pg_admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.pg_url("postgres"), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def pg_clone(self, kind: str, name: str) -> None:
        with self.locked():
            self._pg_admin(
                f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)",
                f"CREATE DATABASE {_quote(name)} TEMPLATE {_quote(self.pg_name(kind))}",
            )

    def pg_drop(self, name: str) -> None:
        self._pg_admin(f"DROP DATABASE IF EXISTS {_quote(name)} WITH (FORCE)")

    # -- copies ------------------------------------------------------------------------------------

    def copy_media(self, target: Path) -> Path:
        shutil.copytree(self.media, target, dirs_exist_ok=True)
        return target

    def empty_sqlite_copy(self, target: Path) -> str:
        """A DATABASE_URL for a subprocess: a private SQLite copy of the empty template (whatever the
        suite's engine; on PostgreSQL the SQLite one is migrated when first asked for)."""
        with self.locked():
            if not self.sqlite_file("empty").exists():
                env = self._environment(f"sqlite:///{self.sqlite_file('empty')}")
                _manage(env, "migrate", "--no-input", "-v", "0", log=self.root / "build.log")
        copy_sqlite(self.sqlite_file("empty"), target)
        return f"sqlite:///{target}"

    @contextmanager
    def database_copy(self, kind: str, workdir: Path, label: str):
        """A DATABASE_URL for a subprocess: a private copy of the `kind` template, removed afterwards."""
        if self.vendor == "postgresql":
            name = f"{self.pg_name(label)}_{secrets.token_hex(3)}"
            self.pg_clone(kind, name)
            try:
                yield self.pg_url(name)
            finally:
                self.pg_drop(name)
        else:
            target = workdir / f"{label}.sqlite3"
            copy_sqlite(self.sqlite_file(kind), target)
            yield f"sqlite:///{target}"

    def install_test_database(self, connection) -> str:
        """Make `connection` the test database, a copy of the demo template (what Django's
        `create_test_db` does, with the copy in place of `migrate`). Returns its name."""
        from django.conf import settings

        creation = connection.creation
        name = creation._get_test_db_name()
        if self.vendor == "postgresql":
            self.pg_clone("demo", name)
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = name
        connection.settings_dict["NAME"] = name
        if self.vendor == "sqlite":
            if connection.is_in_memory_db():
                connection.ensure_connection()
                with closing(sqlite3.connect(self.sqlite_file("demo"))) as src:
                    src.backup(connection.connection)
            else:
                Path(name).unlink(missing_ok=True)
                copy_sqlite(self.sqlite_file("demo"), Path(name))
        connection.ensure_connection()
        return name

    def remove_test_database(self, connection, name: str) -> None:
        connection.close()
        if self.vendor == "postgresql":
            self.pg_drop(name)
        elif not connection.is_in_memory_db():
            Path(name).unlink(missing_ok=True)

    # -- building, sharing, removing -------------------------------------------------------------

    @contextmanager
    def locked(self):
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _state(self) -> dict:
        path = self.root / STATE
        return json.loads(path.read_text()) if path.exists() else {"users": 0, "built": False}

    def _save_state(self, state: dict) -> None:
        (self.root / STATE).write_text(json.dumps(state))

    def acquire(self) -> None:
        """Count this worker in; the first one builds the templates (the others wait for it)."""
        with self.locked():
            state = self._state()
            if not state["built"]:
                self._build()
                state["built"] = True
            state["users"] += 1
            self._save_state(state)

    def release(self) -> None:
        """Count this worker out; the last one removes the templates."""
        with self.locked():
            state = self._state()
            state["users"] -= 1
            if state["users"] <= 0:
                self._remove()
                state = {"users": 0, "built": False}
            self._save_state(state)

    def _environment(self, database_url: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(DJANGO_SETTINGS_MODULE=SETTINGS, DATABASE_URL=database_url, MEDIA_ROOT=str(self.media))
        env.pop("REDIS_URL", None)  # the build's cache is of no use to anyone
        return env

    def _build(self) -> None:
        log = self.root / "build.log"
        shutil.rmtree(self.media, ignore_errors=True)
        if self.vendor == "postgresql":
            demo = self.pg_name("demo")
            self._pg_admin(
                f"DROP DATABASE IF EXISTS {_quote(demo)} WITH (FORCE)", f"CREATE DATABASE {_quote(demo)}"
            )
            env = self._environment(self.pg_url(demo))
            _manage(env, "migrate", "--no-input", "-v", "0", log=log)
            _manage(env, "load_demo", "-v", "0", log=log)
        else:
            empty, demo = self.sqlite_file("empty"), self.sqlite_file("demo")
            for path in (empty, demo):
                path.unlink(missing_ok=True)
            env = self._environment(f"sqlite:///{demo}")
            _manage(env, "migrate", "--no-input", "-v", "0", log=log)
            copy_sqlite(demo, empty)
            _manage(env, "load_demo", "-v", "0", log=log)

    def _remove(self) -> None:
        if self.vendor == "postgresql":
            self._pg_admin(f"DROP DATABASE IF EXISTS {_quote(self.pg_name('demo'))} WITH (FORCE)")
        for kind in ("empty", "demo"):
            self.sqlite_file(kind).unlink(missing_ok=True)
        shutil.rmtree(self.media, ignore_errors=True)


def session_template(tmp_path_factory, vendor: str) -> DemoTemplate:
    """The templates of this test session: in the temporary folder shared by its xdist workers."""
    basetemp = tmp_path_factory.getbasetemp()
    shared = basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp
    # A name of its own per session: several sessions (and people) may share the PostgreSQL server.
    marker = shared / "demo-template-token"
    with open(shared / "demo-template-token.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not marker.exists():
            marker.write_text(secrets.token_hex(4))
        token = marker.read_text().strip()
    return DemoTemplate(
        root=shared / f"demo-template-{token}",
        vendor=vendor,
        database_url=os.environ.get("DATABASE_URL", "") if vendor == "postgresql" else "",
    )
