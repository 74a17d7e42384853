"""Browser tests for any app: the site running in a subprocess, and Debian's chromium via Playwright.

Registered for the whole suite by the root conftest (`pytest_plugins`), so any test can ask for:

- `live_site`: the base URL of the site served by `manage.py runserver` (dev settings, see
  tests/browser_settings.py) on a free port, over its own copy of the session's demo template
  (tests/demo_template.py: an SQLite file, or a PostgreSQL database when the suite runs on one) and
  of its media — never the test database, which other tests roll back (TEAM.md: no `live_server` /
  `transaction=True` in normal tests).
- `browser`: a headless chromium (module scope: Playwright's event loop must not outlive the
  module, or later database tests in the same worker would see a running loop).
- `save_screenshot(page, name)`: a PNG under artifacts/screenshots/ (git-ignored), kept as a
  test artifact.

Mark such tests `@pytest.mark.browser`. They skip, with the reason, only when chromium is absent
(`make browser` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

BASE_DIR = Path(__file__).resolve().parent.parent
SCREENSHOTS = BASE_DIR / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_SECONDS = 60


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(database_url: str, media: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="tests.browser_settings",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media),
        PYTHONUNBUFFERED="1",
    )
    env.pop("REDIS_URL", None)  # the subprocess keeps its cache to itself
    return env


def wait_until_serving(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"runserver stopped (code {process.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - http://127.0.0.1 only
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    raise RuntimeError(
        f"runserver did not answer {url} in {SERVER_START_SECONDS}s:\n{log.read_text()[-3000:]}"
    )


@pytest.fixture(scope="session")
def live_site(tmp_path_factory, demo_template):
    """Base URL ("http://127.0.0.1:<port>") of the demo site served in a subprocess."""
    workdir = tmp_path_factory.mktemp("browser-site")
    with demo_template.database_copy("demo", workdir, "site") as database_url:
        media = demo_template.copy_media(workdir / "media")
        yield from serve(site_environment(database_url, media), workdir / "server.log")


def serve(env: dict[str, str], log: Path):
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(  # noqa: S603
            [sys.executable, str(BASE_DIR / "manage.py"), "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base_url + "/", process, log)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("Không tìm thấy chromium (/usr/bin/chromium hoặc biến CHROMIUM); cài: `make browser`.")

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def save_screenshot():
    """save_screenshot(page, "home-phone") -> artifacts/screenshots/home-phone.png (full page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def save(page, name: str, full_page: bool = True) -> Path:
        if full_page:
            # Lazy images load only near the viewport: walk down the page first, then back up.
            page.evaluate(
                """async () => {
                    for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
                        window.scrollTo(0, y);
                        await new Promise(resolve => setTimeout(resolve, 50));
                    }
                    window.scrollTo(0, 0);
                }"""
            )
            page.wait_for_load_state("networkidle")
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return save
