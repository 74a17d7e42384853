"""Public pages cost a fixed number of queries, whatever the number of posts (≤ 15 each).

Measured with an empty cache (no page cache exists; Wagtail's site-root-path cache is cold too),
after one warm-up request that creates the image renditions.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from posts.models import PostPage, Topic
from public.models import TopicIndexPage

from .factories import make_post

MAX_QUERIES = 15


def count_queries(client, url):
    assert client.get(url).status_code == 200, url  # renditions are made on the first view
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def crowd(empty_unit_page, image):
    """A unit whose number of posts grows on demand; its posts carry a topic, some are featured."""
    topic = Topic.objects.order_by("order").first()

    def grow_to(total):
        existing = PostPage.objects.filter(unit=empty_unit_page.unit).count()
        for number in range(existing, total):
            make_post(
                empty_unit_page,
                f"Tin kiểm thử truy vấn số {number}",
                kind="article" if number % 5 == 0 else "news",
                image=image,
                topics=[topic],
                featured=number % 50 == 0,
            )
        return PostPage.objects.filter(unit=empty_unit_page.unit).order_by("-first_published_at").first()

    return empty_unit_page, topic, grow_to


def public_urls(unit_page, topic, post):
    topics = TopicIndexPage.objects.get().url
    return {
        "home": "/",
        "unit": unit_page.url,
        "unit, page 2": unit_page.url + "?trang=2",
        "unit, past the last page": unit_page.url + "?trang=999",
        "post": post.url,
        "topic": f"{topics}{topic.slug}/",
        "topic, page 2": f"{topics}{topic.slug}/?trang=2",
        "topics": topics,
        "search": "/tim-kiem/?q=tin+kiem+thu",
        "search, page 2": "/tim-kiem/?q=tin+kiem+thu&trang=2",
        "site feed": "/rss/",
        "unit feed": f"/rss/don-vi/{unit_page.unit.code}/",
        "units": unit_page.get_parent().url,
        "about": "/gioi-thieu/",
    }


def test_query_counts_do_not_grow_with_posts(client, crowd):
    """The same count with 10 and with 200 posts in the unit, never above the limit."""
    unit_page, topic, grow_to = crowd
    post = grow_to(10)
    with_10 = {name: count_queries(client, url) for name, url in public_urls(unit_page, topic, post).items()}
    post = grow_to(200)
    with_200 = {name: count_queries(client, url) for name, url in public_urls(unit_page, topic, post).items()}
    assert with_10 == with_200
    over = {name: count for name, count in with_200.items() if count > MAX_QUERIES}
    assert not over, with_200


def test_limit_holds_for_a_post_with_many_photos(client, unit_page, image, django_assert_max_num_queries):
    post = make_post(unit_page, "Tin nhiều ảnh", image=image)
    for number in range(2, 9):
        post.images.create(image=image, caption=f"Ảnh số {number}")
    client.get(post.url)
    cache.clear()
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(post.url).status_code == 200
