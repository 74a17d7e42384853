"""What the benchmark scripts share: paths, the environment of the production-like settings, databases."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results"
PG_HOST = os.environ.get("BENCH_PG_HOST", "127.0.0.1")
PG_PORT = os.environ.get("BENCH_PG_PORT", "5432")
PG_USER = os.environ.get("BENCH_PG_USER", "postgres")


def database_url(db: str, size: int) -> str:
    if db == "postgres":
        return f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/congdoan_bench_{size}"
    return f"sqlite:///{RESULTS / f'bench_{size}.sqlite3'}"


def settings_env(db: str, size: int, *, pagecache: bool = False, redis_url: str = "") -> dict[str, str]:
    """The production settings (congdoan.settings.production) on loopback, without TLS."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="congdoan.settings.production",
        DATABASE_URL=database_url(db, size),
        DB_CONN_MAX_AGE="600",
        SECRET_KEY="bench-only-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        TRUSTED_PROXY_COUNT="0",
        STATIC_ROOT=str(RESULTS / "static"),
        MEDIA_ROOT=str(RESULTS / f"media_{db}_{size}"),
        PAGECACHE_ENABLED="1" if pagecache else "0",
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


def manage(env: dict[str, str], *args: str, log: Path | None = None) -> None:
    command = [sys.executable, str(BASE_DIR / "manage.py"), *args]
    if log is None:
        subprocess.run(command, cwd=BASE_DIR, env=env, check=True)
        return
    with log.open("ab") as out:
        subprocess.run(command, cwd=BASE_DIR, env=env, check=True, stdout=out, stderr=subprocess.STDOUT)


def recreate_database(db: str, size: int) -> None:
    """An empty database for this size (the SQLite file removed, the PostgreSQL database recreated)."""
    if db == "postgres":
        import psycopg

        with psycopg.connect(
            host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True
        ) as conn:
            name = f"congdoan_bench_{size}"
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        return
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = RESULTS / f"bench_{size}.sqlite3{suffix}"
        if path.exists():
            path.unlink()


def analyze(db: str, size: int) -> None:
    """Refresh the planner's statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` would."""
    if db == "postgres":
        import psycopg

        with psycopg.connect(
            host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=f"congdoan_bench_{size}", autocommit=True
        ) as conn:
            conn.execute("VACUUM ANALYZE")
        return
    import sqlite3

    with sqlite3.connect(RESULTS / f"bench_{size}.sqlite3") as conn:
        conn.execute("ANALYZE")


def free_port() -> int:
    """A free TCP port on the loopback interface (the load tools never listen elsewhere)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    """Until `url` answers (a server just started); its last error after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
                response.read()
                return
        except OSError:  # URLError included
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@contextlib.contextmanager
def process_group(command: list[str], *, env: dict | None = None, log: Path | None = None, grace: float = 15):
    """`command` started in its own session (process group), output appended to `log` (or dropped).

    At the end of the block, also on failure, the whole group gets SIGTERM (gunicorn's or nginx's
    workers included), then SIGKILL when it has not exited within `grace` seconds.
    """
    out = log.open("ab") if log else subprocess.DEVNULL
    try:
        proc = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            yield proc
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    finally:
        if log:
            out.close()
