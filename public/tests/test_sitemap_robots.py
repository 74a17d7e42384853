"""sitemap.xml (an index of sections) and robots.txt."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from posts.models import PostPage, Topic
from public.models import TopicIndexPage
from public.sitemaps import PostSitemap

from .factories import make_post

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def read_locations(client, url, tag):
    response = client.get(url)
    assert response.status_code == 200, url
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return [loc.text for loc in root.findall(f"sm:{tag}/sm:loc", NS)]


def test_sitemap_lists_live_pages_posts_and_topics(client, unit_page):
    draft = make_post(unit_page, "Bản nháp không có trong sơ đồ trang", live=False)
    sections = read_locations(client, "/sitemap.xml", "sitemap")
    assert sections[:2] == ["http://testserver/sitemap-pages.xml", "http://testserver/sitemap-posts.xml"]
    locations = []
    for section in sections:
        locations += read_locations(client, urlsplit(section)._replace(scheme="", netloc="").geturl(), "url")
    # Absolute URLs on the Wagtail Site's own host name (configuration, not the request's Host).
    assert all(url.startswith("http") for url in locations)
    paths = [urlsplit(url).path for url in locations]
    assert len(paths) == len(set(paths))
    assert "/" in paths
    assert unit_page.url in paths
    live = PostPage.objects.live()
    assert set(paths) >= {post.url for post in live}
    topics_url = TopicIndexPage.objects.get().url
    for topic in Topic.objects.all():
        assert f"{topics_url}{topic.slug}/" in paths
    assert draft.url not in paths and not any(draft.slug in path for path in paths)


def test_posts_sitemap_is_split_in_files(client, home, monkeypatch):
    monkeypatch.setattr(PostSitemap, "limit", 100)
    sections = read_locations(client, "/sitemap.xml", "sitemap")
    pages = -(-PostPage.objects.live().count() // 100)
    assert len(sections) == 1 + pages
    assert sections[-1] == f"http://testserver/sitemap-posts.xml?p={pages}"
    assert len(read_locations(client, "/sitemap-posts.xml?p=2", "url")) == 100


def test_robots_txt(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
