"""The soak's server side: the database with the demo data, gunicorn under the production settings.

Loopback only. Every process started here is stopped when the context ends, also on failure.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
from pathlib import Path

from bench.common import free_port, process_group, wait_for  # noqa: F401 - free_port is soak.run's too

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "soak" / "results"
PG_HOST = "127.0.0.1"
PG_PORT = "5432"
PG_USER = "postgres"


def database_url(name: str) -> str:
    if name.startswith("sqlite:"):
        return name
    return f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{name}"


def settings_env(db_url: str, results: Path = RESULTS) -> dict[str, str]:
    """congdoan.settings.production over plain http on 127.0.0.1 (no TLS proxy in front).

    Only switches production.py reads from the environment: no redirect to https, no HSTS, the
    client address from the socket. Cookies stay `Secure`; the soak's client sends them anyway.
    """
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="congdoan.settings.production",
        DATABASE_URL=db_url,
        SECRET_KEY="soak-" + secrets.token_urlsafe(48),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        TRUSTED_PROXY_COUNT="0",
        STATIC_ROOT=str(results / "static"),
        MEDIA_ROOT=str(results / "media"),
        PAGECACHE_GENERATION_FILE=str(results / "pagecache-generation"),
        PYTHONUNBUFFERED="1",
    )
    for name in ("REDIS_URL", "AWS_STORAGE_BUCKET_NAME", "FRONTEND_CACHE_PURGE_URL", "CLOUDFLARE_ZONEID"):
        env.pop(name, None)
    return env


def manage(env: dict[str, str], *args: str, log: Path) -> None:
    with log.open("ab") as out:
        subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
            [sys.executable, str(BASE_DIR / "manage.py"), *args],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres") as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def create_database(name: str) -> None:
    import psycopg

    with psycopg.connect(
        host=PG_HOST, port=PG_PORT, user=PG_USER, dbname="postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def prepare(db_url: str, env: dict[str, str], *, fresh_database: bool) -> None:
    """Migrate (a new PostgreSQL database created first), demo data, static files."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    log = RESULTS / "prepare.log"
    if fresh_database and db_url.startswith("postgres"):
        create_database(db_url.rsplit("/", 1)[1])
    print("migrate + load_demo + collectstatic ...", flush=True)
    manage(env, "migrate", "--no-input", "-v", "0", log=log)
    manage(env, "load_demo", "-v", "0", log=log)  # idempotent: a reused database gains nothing
    manage(env, "collectstatic", "--no-input", "-v", "0", log=log)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, workers: int, log: Path):
    """gunicorn with deploy/gunicorn.conf.py on 127.0.0.1:port; killed (its whole group) at the end."""
    env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_LOGLEVEL": "warning",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-c",
        str(BASE_DIR / "deploy" / "gunicorn.conf.py"),
    ]
    with process_group(command, env=env, log=log, grace=20) as proc:
        wait_for(f"http://127.0.0.1:{port}/", seconds=90)
        yield proc
