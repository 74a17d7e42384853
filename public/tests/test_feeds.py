"""RSS 2.0 of the whole site and of each unit: valid XML, the right items."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from wagtail.models import PageViewRestriction

from posts.models import PostPage
from public.feeds import FEED_LENGTH

from .factories import make_post

DC = "{http://purl.org/dc/elements/1.1/}"


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert root.tag == "rss" and root.attrib["version"] == "2.0"
    return root.find("channel")


def test_site_feed(client, home):
    channel = read_feed(client, "/rss/")
    assert channel.findtext("title") == "Công đoàn Bình Thuận"
    assert channel.findtext("language") == "vi"
    items = channel.findall("item")
    live = PostPage.objects.live()
    assert len(items) == min(FEED_LENGTH, live.count())
    newest = live.order_by("-first_published_at", "-pk").first()
    first = items[0]
    assert first.findtext("title") == newest.title
    assert first.findtext("description") == newest.lead
    assert first.findtext("link") == f"http://testserver{newest.url}"
    assert parsedate_to_datetime(first.findtext("pubDate")) == newest.first_published_at.replace(
        microsecond=0
    )
    assert first.findtext("category") == newest.unit.display_name
    assert first.findtext(f"{DC}creator") == ", ".join(a.name for a in newest.authors.all())
    enclosure = first.find("enclosure")
    assert enclosure.attrib["type"] == "image/jpeg"
    assert enclosure.attrib["url"].startswith("http://testserver/")
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)


def test_unit_feed_lists_only_that_unit(client, unit_page):
    other = PostPage.objects.live().exclude(unit=unit_page.unit).order_by("-first_published_at").first()
    draft = make_post(unit_page, "Tin nháp không được vào RSS", live=False)
    channel = read_feed(client, f"/rss/don-vi/{unit_page.unit.code}/")
    assert unit_page.unit.name in channel.findtext("title")
    assert channel.findtext("link") == f"http://testserver{unit_page.url}"
    titles = [item.findtext("title") for item in channel.findall("item")]
    expected = PostPage.objects.live().filter(unit=unit_page.unit).order_by("-first_published_at", "-pk")
    assert titles == [post.title for post in expected[:FEED_LENGTH]]
    assert other.title not in titles and draft.title not in titles
    assert {item.findtext("category") for item in channel.findall("item")} == {unit_page.unit.display_name}


def test_unit_feed_of_a_unit_without_posts_is_empty(client, empty_unit_page):
    channel = read_feed(client, f"/rss/don-vi/{empty_unit_page.unit.code}/")
    assert channel.findall("item") == []


@pytest.mark.parametrize("url", ["/rss/don-vi/khong-co-don-vi/", "/rss/don-vi/"])
def test_unknown_unit_feed_is_not_found(client, home, url):
    assert client.get(url).status_code == 404


def test_posts_of_a_private_section_stay_out_of_every_list(client, unit_page):
    post = make_post(unit_page, "Tin nội bộ Xyzabc", featured=True)
    PageViewRestriction.objects.create(
        page=unit_page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
    )
    for url in ("/", "/rss/", f"/rss/don-vi/{unit_page.unit.code}/", "/tim-kiem/?q=xyzabc"):
        assert post.title not in client.get(url).content.decode(), url
    assert client.get(post.url).status_code == 200  # Wagtail's password form, not the post
    assert post.lead not in client.get(post.url).content.decode()
