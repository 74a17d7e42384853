"""sitemap.xml (an index of sections) and robots.txt."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from posts.models import PostPage, Topic
from public.models import TopicIndexPage

from .factories import make_post

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_sitemap_lists_live_pages_posts_and_topics(client, unit_page):
    draft = make_post(unit_page, "Bản nháp không có trong sơ đồ trang", live=False)
    index = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own response)
    sections = [loc.text for loc in index.findall("sm:sitemap/sm:loc", NS)]
    assert sections == ["http://testserver/sitemap-pages.xml"]

    response = client.get("/sitemap-pages.xml")
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).findall("sm:url/sm:loc", NS)]  # noqa: S314
    # Absolute URLs on the Wagtail Site's own host name (configuration, not the request's Host).
    assert all(url.startswith("http") for url in locations)
    paths = {urlsplit(url).path for url in locations}
    assert "/" in paths
    assert unit_page.url in paths
    for post in PostPage.objects.live().order_by("?")[:20]:
        assert post.url in paths
    topics_url = TopicIndexPage.objects.get().url
    for topic in Topic.objects.all():
        assert f"{topics_url}{topic.slug}/" in paths
    assert draft.url not in paths and not any(draft.slug in path for path in paths)
    assert len(paths) >= PostPage.objects.live().count()


def test_robots_txt(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
