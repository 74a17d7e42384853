"""The anonymous readers' page cache: hits without queries, invalidation on publishing, never for staff."""

import socket
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from pagecache import generation
from pagecache.middleware import HIT_HEADER
from posts.models import PostPage, Topic
from public.models import FederationContact
from units.models import UnitPage

REDIS = ("127.0.0.1", 6379)


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


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries.captured_queries)


def test_second_anonymous_get_is_served_from_the_cache_without_queries(client, page_cache, post):
    for url in listing_urls(post):
        first, _ = get(client, url)
        assert first.status_code == 200, url
        assert first[HIT_HEADER] == "miss", url
        second, queries = get(client, url)
        assert second[HIT_HEADER] == "hit", url
        assert queries == 0, url
        assert second.content == first.content


def test_publishing_an_edit_invalidates_home_unit_topic_pages_and_feed(client, page_cache, post):
    urls = listing_urls(post)
    for url in urls:
        get(client, url)
    new_title = f"Tiêu đề mới {uuid.uuid4().hex[:6]}"
    post.title = new_title
    post.save_revision().publish()
    for url in urls:
        response, _ = get(client, url)
        assert response[HIT_HEADER] == "miss", url
        assert new_title in response.content.decode(), url


def test_unpublishing_and_deleting_invalidate(client, page_cache, post):
    get(client, "/")
    post.unpublish()
    response, _ = get(client, "/")
    assert response[HIT_HEADER] == "miss"
    get(client, "/")
    other = PostPage.objects.live().exclude(pk=post.pk).first()
    other.delete()
    assert get(client, "/")[0][HIT_HEADER] == "miss"


def test_topic_change_invalidates(client, page_cache, post):
    get(client, "/")
    topic = Topic.objects.first()
    topic.name = "Chủ đề đổi tên"
    topic.save()
    assert get(client, "/")[0][HIT_HEADER] == "miss"


def test_signed_in_users_never_get_nor_fill_cached_pages(client, page_cache, post):
    anonymous = client.get("/")
    assert anonymous[HIT_HEADER] == "miss"
    client.force_login(get_user_model().objects.get(username="admin"))
    response, queries = get(client, "/")
    assert HIT_HEADER not in response
    assert queries > 0
    client.logout()
    # The signed-in view did not replace the anonymous copy.
    assert client.get("/")[HIT_HEADER] == "hit"


def test_admin_and_non_get_are_not_cached(client, page_cache):
    response = client.get("/admin/login/")
    assert HIT_HEADER not in response
    response = client.post("/tim-kiem/", {"q": "x"})
    assert HIT_HEADER not in response


def test_search_is_cached_for_a_short_time(client, page_cache, settings):
    settings.PAGECACHE_SHORT_TIMEOUT = 60
    url = "/tim-kiem/?q=cong+doan"
    assert client.get(url)[HIT_HEADER] == "miss"
    assert client.get(url)[HIT_HEADER] == "hit"
    assert client.get("/tim-kiem/?q=dai+hoi")[HIT_HEADER] == "miss"


@pytest.mark.parametrize("enabled", [True, False])
def test_conditional_get_answers_304(db, client, settings, tmp_path, enabled):
    settings.PAGECACHE_ENABLED = enabled
    settings.PAGECACHE_GENERATION_FILE = str(tmp_path / "generation")
    FederationContact.load()
    caches["default"].clear()
    for url in ("/", "/rss/"):
        response = client.get(url)
        assert response.status_code == 200
        etag, last_modified = response["ETag"], response["Last-Modified"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
        assert client.get(url, HTTP_IF_NONE_MATCH='"other"').status_code == 200
        if enabled:  # the cached copy keeps its Last-Modified
            assert client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    caches["default"].clear()


def test_generation_changes_on_bump(page_cache):
    before = generation.current()
    generation.bump()
    assert generation.current() != before


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_reachable(), reason="Redis không chạy ở 127.0.0.1:6379 (bỏ qua phép thử Redis)")
def test_with_redis_backend(client, post):
    prefix = f"congdoan-test-{uuid.uuid4().hex[:8]}"
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": prefix,
        }
    }
    FederationContact.load()
    with override_settings(CACHES=redis_cache, PAGECACHE_ENABLED=True):
        caches["default"].clear()
        try:
            assert generation._file() is None  # the number lives in Redis, shared by every worker
            assert client.get("/")[HIT_HEADER] == "miss"
            response, queries = get(client, "/")
            assert response[HIT_HEADER] == "hit"
            assert queries == 0
            before = generation.current()
            post.save_revision().publish()
            assert generation.current() != before
            assert client.get("/")[HIT_HEADER] == "miss"
        finally:
            caches["default"].clear()
