"""The ASGI front gunicorn runs (pagecache/asgi.py): stored pages from the event loop, everything
else from the WSGI stack in the worker's Django thread, streamed and closed; and gunicorn itself
with deploy/gunicorn.conf.py serving the demo site."""

import asyncio
import contextvars
import os
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection, connections
from django.test.utils import CaptureQueriesContext

from pagecache import asgi
from pagecache.asgi import PageCacheASGI, environ_from_scope
from pagecache.wsgi import HIT_HEADER, PageCacheApp
from tests.browser_support import BASE_DIR, free_port, wait_until_serving

from .test_pagecache import listing_urls, page_cache, post  # noqa: F401 - fixtures


@dataclass
class Answer:
    status: int
    headers: dict
    content: bytes
    messages: list

    def __getitem__(self, name):
        return self.headers[name.lower().encode()].decode()


def scope_for(path, method="GET", query=b"", headers=()):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "server": ("testserver", 80),
        "client": ("127.0.0.1", 50000),
    }


def call(app, scope, body=b"") -> Answer:
    messages = []

    async def receive():
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message):
        messages.append(message)

    asyncio.run(app(scope, receive, send))
    start = messages[0]
    assert start["type"] == "http.response.start"
    return Answer(
        status=start["status"],
        headers=dict(start["headers"]),
        content=b"".join(m.get("body", b"") for m in messages[1:]),
        messages=messages,
    )


@pytest.fixture
def front():
    """PageCacheASGI around the real stack; its Django thread uses this test's connection (and so
    sees the test's data, in the test's transaction), as Django's LiveServerThread shares one."""
    shared = connections["default"]
    shared.inc_thread_sharing()

    def use_test_connection():
        connections["default"] = shared

    app = PageCacheASGI(PageCacheApp(WSGIHandler()))
    app.executor = ThreadPoolExecutor(max_workers=1, initializer=use_test_connection)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield app
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        app.executor.shutdown()
        shared.dec_thread_sharing()


def test_pages_are_stored_then_answered_from_the_event_loop_without_queries(front, page_cache, post):  # noqa: F811
    for url in listing_urls(post):
        first = call(front, scope_for(url))
        assert first.status == 200, url
        assert first[HIT_HEADER] == "miss", url
        with CaptureQueriesContext(connection) as queries:
            second = call(front, scope_for(url))
        assert second[HIT_HEADER] == "hit", url
        assert len(queries.captured_queries) == 0, url
        assert second.content == first.content
        assert second["content-length"] == str(len(first.content))
    assert front.served == {"django": len(listing_urls(post)), "stored": len(listing_urls(post))}


def test_head_and_conditional_get_of_a_stored_page(front, page_cache):  # noqa: F811
    page = call(front, scope_for("/"))
    head = call(front, scope_for("/", method="HEAD"))
    assert (head.status, head[HIT_HEADER], head.content) == (200, "hit", b"")
    assert head["content-length"] == str(len(page.content))
    again = call(front, scope_for("/", headers=[(b"if-none-match", page["etag"].encode())]))
    assert (again.status, again.content) == (304, b"")


def test_a_missing_page_is_django_s_404_and_never_stored(front, page_cache):  # noqa: F811
    for _ in range(2):
        answer = call(front, scope_for("/khong-co-trang-nay/"))
        assert answer.status == 404
        assert HIT_HEADER.lower().encode() not in answer.headers
        assert "Không tìm thấy".encode() in answer.content


class Streamed:
    """A streamed WSGI answer (as Django's StreamingHttpResponse, FileResponse) in several chunks
    that records its close()."""

    streaming = True

    def __init__(self, chunks):
        self.chunks = chunks
        self.closed = False

    def __iter__(self):
        return iter(self.chunks)

    def close(self):
        self.closed = True


class EchoFront:
    """Stands for PageCacheApp: nothing stored, every request answered by echoing its body."""

    def __init__(self):
        self.answers = []

    def lookup(self, environ):
        return None

    def respond(self, environ, start_response, found):
        start_response("200 OK", [("Content-Type", "text/plain")])
        body = environ["wsgi.input"].read()
        answer = Streamed([b"you sent: ", body, b"", b"."])
        self.answers.append(answer)
        return answer


def test_django_s_answer_streams_chunk_by_chunk_and_is_closed():
    echo = EchoFront()
    answer = call(PageCacheASGI(echo), scope_for("/gui/", method="POST"), body=b"noi dung")
    assert answer.content == b"you sent: noi dung."
    bodies = [m for m in answer.messages if m["type"] == "http.response.body"]
    assert [m["body"] for m in bodies] == [b"you sent: ", b"noi dung", b".", b""]
    assert [m.get("more_body", False) for m in bodies] == [True, True, True, False]
    assert echo.answers[0].closed


def test_a_page_in_memory_goes_to_the_event_loop_whole_and_is_closed():
    answers = []

    class PageFront(EchoFront):
        def respond(self, environ, start_response, found):
            start_response("200 OK", [("Content-Type", "text/html")])
            answers.append(Streamed([b"<p>", b"trang", b"</p>"]))
            answers[-1].streaming = False  # as Django's HttpResponse
            return answers[-1]

    answer = call(PageCacheASGI(PageFront()), scope_for("/"))
    assert [m.get("body") for m in answer.messages[1:]] == [b"<p>trang</p>"]
    assert answers[0].closed


def test_connections_are_closed_now_and_then_so_workers_share_them(monkeypatch):
    app = PageCacheASGI(EchoFront())
    closing = [b"connection" in call(app, scope_for("/")).headers for _ in range(2 * asgi.DJANGO_KEEPALIVE)]
    assert closing == ([False] * (asgi.DJANGO_KEEPALIVE - 1) + [True]) * 2


def test_environ_is_what_a_wsgi_server_gives():
    scope = scope_for(
        "/tìm-kiếm/",
        method="POST",
        query=b"q=lao+%C4%91%E1%BB%99ng",
        headers=[
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", b"12"),
            (b"cookie", b"a=1"),
            (b"cookie", b"b=2"),
            (b"x-forwarded-for", b"203.0.113.9"),
        ],
    )
    environ = environ_from_scope(scope, body=None)
    assert environ["PATH_INFO"] == "/tìm-kiếm/".encode().decode("latin-1")
    assert environ["QUERY_STRING"] == "q=lao+%C4%91%E1%BB%99ng"
    assert environ["CONTENT_TYPE"] == "application/x-www-form-urlencoded"
    assert environ["CONTENT_LENGTH"] == "12"
    assert environ["HTTP_COOKIE"] == "a=1; b=2"
    assert environ["HTTP_X_FORWARDED_FOR"] == "203.0.113.9"
    assert environ["HTTP_HOST"] == "testserver"
    assert (environ["REMOTE_ADDR"], environ["SERVER_NAME"], environ["SERVER_PORT"]) == (
        "127.0.0.1",
        "testserver",
        "80",
    )


def test_lifespan_startup_and_shutdown_complete():
    sent = []
    incoming = iter([{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}])

    async def receive():
        return next(incoming)

    async def send(message):
        sent.append(message["type"])

    asyncio.run(PageCacheASGI(EchoFront())({"type": "lifespan"}, receive, send))
    assert sent == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def fetch(url, method="GET"):
    request = urllib.request.Request(url, method=method)  # noqa: S310 - http://127.0.0.1 only
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.headers, response.read()


def test_gunicorn_with_the_deploy_configuration_serves_and_stores_pages(tmp_path, demo_template):
    """The production set-up end to end: gunicorn, its asgi worker, production settings."""
    with demo_template.database_copy("demo", tmp_path, "gunicorn") as database_url:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "congdoan.settings.production",
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-only-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "TRUSTED_PROXY_COUNT": "0",
            "MEDIA_ROOT": str(demo_template.copy_media(tmp_path / "media")),
            "STATIC_ROOT": str(tmp_path / "static"),
            "PAGECACHE_GENERATION_FILE": str(tmp_path / "generation"),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": "1",
        }
        env.pop("REDIS_URL", None)
        # Production settings serve hashed static names: the manifest comes from collectstatic.
        subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=BASE_DIR,
            env=env,
            check=True,
        )
        log = tmp_path / "gunicorn.log"
        with log.open("ab") as out:
            process = subprocess.Popen(  # noqa: S603 - this interpreter, the repository's config
                [sys.executable, "-m", "gunicorn", "-c", str(BASE_DIR / "deploy" / "gunicorn.conf.py")],
                cwd=BASE_DIR,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_serving(base + "/", process, log)
            status, headers, first = fetch(base + "/")
            assert status == 200
            status, headers, second = fetch(base + "/")
            assert (status, headers[HIT_HEADER], second) == (200, "hit", first)
            status, headers, body = fetch(base + "/", method="HEAD")
            assert (status, headers["Content-Length"], body) == (200, str(len(first)), b"")
            with pytest.raises(urllib.error.HTTPError) as missing:
                fetch(base + "/khong-co-trang-nay/")
            assert missing.value.code == 404
        finally:
            process.terminate()
            process.wait(timeout=30)
        assert "Traceback" not in log.read_text()


def test_lookups_in_the_event_loop_share_one_cache_client():
    """Each request is a task with a context of its own, where Django would build a new cache
    client (with Redis, a new connection per request): the lookups run in one context instead."""
    seen = []

    class Probe(EchoFront):
        def lookup(self, environ):
            seen.append(caches["default"])
            return None

    app = PageCacheASGI(Probe())

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        pass

    async def three_requests():
        await asyncio.gather(*(app(scope_for("/"), receive, send) for _ in range(3)))

    contextvars.Context().run(asyncio.run, three_requests())
    assert len(seen) == 3
    assert seen[0] is seen[1] is seen[2]
