"""The anonymous readers' page cache, through the WSGI application the servers run.

Hits without queries, invalidation on publishing (also from another process), never for staff,
304s, and the same behaviour on Redis.
"""

import io
import json
import os
import socket
import subprocess
import sys
import uuid
from dataclasses import dataclass

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext, override_settings

from pagecache import generation
from pagecache.wsgi import HIT_HEADER, PageCacheApp, cache_key
from posts.models import PostPage, Topic
from public.models import FederationContact
from units.models import UnitPage

REDIS = ("127.0.0.1", 6379)


@dataclass
class Result:
    status: int
    headers: dict
    content: bytes
    queries: int

    def __getitem__(self, name):
        return self.headers[name.lower()]

    def __contains__(self, name):
        return name.lower() in self.headers


class Server:
    """Requests through congdoan.wsgi's stack (PageCacheApp around Django), as gunicorn sends them.

    Like Django's test client, it keeps the test's database connection open across requests (the
    test runs inside a transaction that is rolled back at its end).
    """

    def __init__(self):
        self.app = PageCacheApp(WSGIHandler())

    def request(self, path, method="GET", query="", scheme="http", **headers) -> Result:
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": "testserver",
            "REMOTE_ADDR": "127.0.0.1",
            "wsgi.url_scheme": scheme,
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            **headers,
        }
        sent = {}

        def start_response(status, response_headers, exc_info=None):
            sent.update(status=status, headers=response_headers)

        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            with CaptureQueriesContext(connection) as queries:
                body = self.app(environ, start_response)
                content = b"".join(body)
                if hasattr(body, "close"):
                    body.close()
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return Result(
            status=int(sent["status"].split()[0]),
            headers={name.lower(): value for name, value in sent["headers"]},
            content=content,
            queries=len(queries.captured_queries),
        )

    def get(self, path, **kwargs) -> Result:
        path, _, query = path.partition("?")
        return self.request(path, query=query, **kwargs)


@pytest.fixture
def server():
    return Server()


@pytest.fixture
def page_cache(db, settings, tmp_path):
    """The page cache on, in local memory, with a generation file of this test's own."""
    settings.PAGECACHE_ENABLED = True
    settings.PAGECACHE_GENERATION_FILE = str(tmp_path / "generation")
    # The footer's settings row is created on first use (a save, so a new generation): done here.
    FederationContact.load()
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def post(db):
    return (
        PostPage.objects.live()
        .filter(unit__code="van-phong", topics__isnull=False)
        .order_by("-first_published_at")
        .first()
        .specific
    )


def listing_urls(post):
    topic = post.topics.order_by("order").first()
    return ["/", UnitPage.objects.get(unit=post.unit).url, f"/chu-de/{topic.slug}/", "/rss/", post.url]


def test_second_anonymous_get_is_served_from_the_cache_without_queries(server, page_cache, post):
    for url in listing_urls(post):
        first = server.get(url)
        assert first.status == 200, url
        assert first[HIT_HEADER] == "miss", url
        assert first.queries > 0, url
        second = server.get(url)
        assert second[HIT_HEADER] == "hit", url
        assert second.queries == 0, url
        assert second.content == first.content
        # Every header Django sent (content type, ETag, security headers, CSP...) comes back.
        assert {k: v for k, v in second.headers.items() if k != HIT_HEADER.lower()} == {
            k: v for k, v in first.headers.items() if k != HIT_HEADER.lower()
        }


def test_head_is_answered_from_the_stored_get_without_a_body(server, page_cache):
    page = server.get("/")
    head = server.request("/", method="HEAD")
    assert head.status == 200
    assert head[HIT_HEADER] == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(page.content))


def test_query_strings_and_schemes_are_separate_pages(server, page_cache):
    server.get("/tim-kiem/?q=cong+doan")
    assert server.get("/tim-kiem/?q=cong+doan")[HIT_HEADER] == "hit"
    assert server.get("/tim-kiem/?q=dai+hoi")[HIT_HEADER] == "miss"
    server.get("/")
    assert server.get("/", scheme="https")[HIT_HEADER] == "miss"
    assert server.get("/", HTTP_HOST="127.0.0.1")[HIT_HEADER] == "miss"


def test_search_results_are_kept_only_for_their_short_time(server, page_cache, settings):
    """PAGECACHE_SHORT_TIMEOUT applies to the copy each worker keeps in memory too."""
    settings.PAGECACHE_SHORT_TIMEOUT = 0  # already out of date when stored
    for _ in range(2):
        assert server.get("/tim-kiem/?q=cong+doan")[HIT_HEADER] == "miss"
    server.get("/")
    assert server.get("/")[HIT_HEADER] == "hit"


def test_publishing_an_edit_invalidates_home_unit_topic_pages_and_feed(server, page_cache, post):
    urls = listing_urls(post)
    for url in urls:
        server.get(url)
    new_title = f"Tiêu đề mới {uuid.uuid4().hex[:6]}"
    post.title = new_title
    post.save_revision().publish()
    for url in urls:
        response = server.get(url)
        assert response[HIT_HEADER] == "miss", url
        assert new_title in response.content.decode(), url


def test_unpublishing_and_deleting_invalidate(server, page_cache, post):
    server.get("/")
    post.unpublish()
    response = server.get("/")
    assert response[HIT_HEADER] == "miss"
    assert post.title not in response.content.decode()
    assert server.get("/")[HIT_HEADER] == "hit"
    other = PostPage.objects.live().exclude(pk=post.pk).first()
    other.delete()
    assert server.get("/")[HIT_HEADER] == "miss"


def test_topic_change_invalidates(server, page_cache, post):
    server.get("/")
    topic = Topic.objects.first()
    topic.name = "Chủ đề đổi tên"
    topic.save()
    response = server.get("/")
    assert response[HIT_HEADER] == "miss"


def test_a_bump_by_another_worker_invalidates_here(server, page_cache, settings):
    """Local memory: the workers of one server share the generation file's modification time."""
    server.get("/")
    assert server.get("/")[HIT_HEADER] == "hit"
    code = (
        "import django; django.setup(); from pagecache import generation; "
        "assert generation._file() is not None; generation.bump()"
    )
    run_elsewhere(code, PAGECACHE_GENERATION_FILE=settings.PAGECACHE_GENERATION_FILE)
    assert server.get("/")[HIT_HEADER] == "miss"


def test_signed_in_users_never_get_nor_fill_cached_pages(client, server, page_cache, post):
    assert server.get("/")[HIT_HEADER] == "miss"
    client.force_login(get_user_model().objects.get(username="admin"))
    session = (
        f"{django_settings.SESSION_COOKIE_NAME}={client.cookies[django_settings.SESSION_COOKIE_NAME].value}"
    )
    response = server.get("/", HTTP_COOKIE=f"theme=dark; {session}")
    assert response.status == 200
    assert HIT_HEADER not in response
    assert response.queries > 0
    # The signed-in view did not replace the anonymous copy; other cookies do not matter.
    assert server.get("/", HTTP_COOKIE="theme=dark")[HIT_HEADER] == "hit"


def test_admin_post_and_pages_setting_cookies_are_not_cached(server, page_cache):
    for _ in range(2):
        response = server.get("/admin/login/")
        assert HIT_HEADER not in response
    response = server.request("/tim-kiem/", method="POST")
    assert HIT_HEADER not in response
    missing = server.get("/khong-co-trang-nay/")
    assert missing.status == 404
    assert HIT_HEADER not in server.get("/khong-co-trang-nay/")


def test_conditional_get_of_a_cached_page_answers_304(server, page_cache):
    page = server.get("/")
    etag, last_modified = page["ETag"], page["Last-Modified"]
    response = server.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response.queries == 0
    assert server.get("/", HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status == 304
    assert server.get("/", HTTP_IF_NONE_MATCH='"other"').status == 200
    assert server.get("/", HTTP_IF_MODIFIED_SINCE=last_modified).status == 304
    assert server.get("/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status == 200


def test_rendered_pages_carry_validators_and_answer_304(db, client):
    """Django's side (what the front stores, or serves with the cache off): ETag, Last-Modified, 304."""
    FederationContact.load()
    for url in ("/", "/rss/"):
        response = client.get(url)
        assert response.status_code == 200
        etag, last_modified = response["ETag"], response["Last-Modified"]
        assert "max-age=0" in response["Cache-Control"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code in (200, 304)
        assert client.get(url, HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200


def test_cache_off_serves_every_request_from_django(server, page_cache, settings):
    settings.PAGECACHE_ENABLED = False
    server.get("/")
    response = server.get("/")
    assert HIT_HEADER not in response
    assert response.queries > 0


def test_generation_changes_on_bump(page_cache):
    before = generation.current()
    generation.bump()
    assert generation.current() != before


def run_elsewhere(code: str, **overrides) -> None:
    """`code` in another Python process with the test settings and `overrides` (another worker)."""
    code = (
        "import json, django; django.setup(); from django.test.utils import override_settings; "
        f"override_settings(**json.loads({json.dumps(json.dumps(overrides))})).enable(); " + code
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code],
        cwd=django_settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "congdoan.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


def redis_caches(prefix: str, location: str = "redis://127.0.0.1:6379/15") -> dict:
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
        }
    }


@pytest.mark.skipif(not redis_reachable(), reason="Redis không chạy ở 127.0.0.1:6379 (bỏ qua phép thử Redis)")
def test_with_redis_backend_across_processes(server, post):
    """Redis (REDIS_URL): hits without queries; a publish here or a bump in another process invalidates."""
    cache_settings = redis_caches(f"congdoan-test-{uuid.uuid4().hex[:8]}")
    FederationContact.load()
    with override_settings(CACHES=cache_settings, PAGECACHE_ENABLED=True):
        try:
            assert generation._file() is None  # the number lives in Redis, shared by every worker
            assert server.get("/")[HIT_HEADER] == "miss"
            response = server.get("/")
            assert response[HIT_HEADER] == "hit"
            assert response.queries == 0
            before = generation.current()
            post.save_revision().publish()
            assert generation.current() != before
            assert server.get("/")[HIT_HEADER] == "miss"
            assert server.get("/")[HIT_HEADER] == "hit"
            run_elsewhere(
                "from pagecache import generation; generation.bump()",
                CACHES=cache_settings,
            )
            assert server.get("/")[HIT_HEADER] == "miss"
        finally:
            home = {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": "/",
                "HTTP_HOST": "testserver",
                "wsgi.url_scheme": "http",
            }
            caches["default"].delete_many([generation.KEY, cache_key(home)])


def test_without_the_cache_server_pages_come_from_django(server, db, settings):
    """The page cache's Redis down (nothing listens on its port): readers get pages rendered each time."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    FederationContact.load()
    down = redis_caches("down", f"redis://127.0.0.1:{port}/0")["default"]
    cache_settings = {**django_settings.CACHES, "pages": down}
    with override_settings(CACHES=cache_settings, PAGECACHE_CACHE_ALIAS="pages", PAGECACHE_ENABLED=True):
        for _ in range(2):
            response = server.get("/")
            assert response.status == 200
            assert HIT_HEADER not in response
            assert response.queries > 0
