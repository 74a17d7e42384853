"""In a real browser, our public policy blocks inline script but leaves JSON-LD data alone."""

import http.server
import shutil
import threading

import pytest
from csp.utils import build_policy

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

PAGE = b"""<!doctype html><html lang="vi"><head><title>ban dau</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Tin"}</script>
</head><body><p>Trang thu</p><script>document.title = "inline da chay";</script></body></html>"""


@pytest.fixture
def page_server():
    policy = build_policy()  # CONTENT_SECURITY_POLICY from the settings

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Security-Policy", policy)
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def test_inline_script_blocked_json_ld_untouched(page_server):
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            messages = []
            page.on("console", lambda m: messages.append(m.text))
            page.goto(page_server)
            page.wait_for_timeout(200)
            assert page.title() == "ban dau"  # the inline script did not run
            violations = [m for m in messages if "Content Security Policy" in m]
            assert len(violations) == 1 and "Executing inline script" in violations[0], messages
            data = page.evaluate("document.querySelector('script[type=\"application/ld+json\"]').textContent")
            assert "NewsArticle" in data
        finally:
            browser.close()
