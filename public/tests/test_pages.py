"""Every public page type renders, in Vietnamese, from the demo federation."""

import re

import pytest
from django.template.loader import render_to_string

from posts.models import PostPage, Topic
from public import models as public_models
from public.models import AboutPage, TopicIndexPage
from units.models import UnitIndexPage, UnitPage

from .factories import make_post
from .html import parse

VN_DATETIME = re.compile(r"(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d/\d\d/\d{4} \d\d:\d\d")


def get_ok(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def assert_accessible_basics(response):
    """lang="vi", one h1, a skip link to main, every image with alt (content images non-empty)."""
    html = response.content.decode()
    document = parse(response)
    assert '<html lang="vi">' in html
    assert len(document.find_all("h1")) == 1
    assert document.find_all("a", class_="skip-link")[0].attrs["href"] == "#noi-dung"
    assert document.find_all("main", id="noi-dung")
    for img in document.find_all("img"):
        assert "alt" in img.attrs, img
        assert img.attrs.get("width") and img.attrs.get("height"), img
        if "brand__logo" not in img.attrs.get("class", ""):
            assert img.attrs["alt"].strip(), img
    # No external assets: every stylesheet, script and image comes from this site.
    for element in document.elements:
        for attr in ("src", "href", "srcset"):
            value = element.attrs.get(attr) or ""
            if element.tag in ("link", "script", "img", "source") and element.attrs.get("rel") not in (
                ["canonical"],
                "canonical",
            ):
                assert not value.startswith(("http://", "https://", "//")) or "testserver" in value, value
    return document


def test_home(client, home):
    response = get_ok(client, "/")
    document = assert_accessible_basics(response)
    html = response.content.decode()
    for heading in ("Tin nổi bật", "Tin mới", "Bài viết", "Các đơn vị"):
        assert heading in html
    for topic in Topic.objects.filter(posts__live=True).distinct():
        assert topic.name in html
    assert "Văn phòng LĐLĐ tỉnh" in html  # the unit directory
    assert "Liên đoàn Lao động huyện Tuy Phong" in html or "LĐLĐ huyện Tuy Phong" in html
    assert VN_DATETIME.search(html)
    # The first (hero) image loads at once, the others lazily.
    images = [img for img in document.find_all("img") if "brand__logo" not in img.attrs.get("class", "")]
    assert images[0].attrs.get("loading") == "eager"
    assert all(img.attrs.get("loading") == "lazy" for img in images[1:])
    assert document.find_all("link", rel="alternate", type_="application/rss+xml")[0].attrs["href"] == "/rss/"
    assert 'rel="stylesheet" href="/static/css/site.css"' in html


def test_home_lists_only_live_posts(client, unit_page):
    draft = make_post(unit_page, "Bản nháp chưa đăng về đại hội", live=False, featured=True)
    html = get_ok(client, "/").content.decode()
    assert draft.title not in html


def test_unit_index(client, home):
    index = UnitIndexPage.objects.get()
    response = get_ok(client, index.url)
    assert_accessible_basics(response)
    html = response.content.decode()
    for kind_name in ("Công đoàn ngành", "LĐLĐ huyện"):
        assert kind_name in html
    assert UnitPage.objects.get(unit__code="lagi").url in html


def test_unit_page(client, unit_page):
    response = get_ok(client, unit_page.url)
    document = assert_accessible_basics(response)
    html = response.content.decode()
    assert unit_page.title in html
    assert "Giới thiệu công đoàn" in html
    newest = PostPage.objects.live().filter(unit=unit_page.unit).order_by("-first_published_at").first()
    assert newest.title in html
    feed = document.find_all("link", rel="alternate", type_="application/rss+xml")
    assert [link.attrs["href"] for link in feed] == ["/rss/", f"/rss/don-vi/{unit_page.unit.code}/"]


def test_unit_page_without_posts_or_introduction(client, empty_unit_page):
    html = get_ok(client, empty_unit_page.url).content.decode()
    assert "Chưa có tin - bài." in html
    assert "Chưa có thông tin giới thiệu." in html


def test_unit_page_paginates_newest_first(client, empty_unit_page, image):
    for number in range(1, 15):
        make_post(empty_unit_page, f"Tin thử số {number:02d}", image=image)
    html = get_ok(client, empty_unit_page.url).content.decode()
    assert "Trang sau" in html and "Trang trước" in html
    assert html.index("Tin thử số 01") < html.index("Tin thử số 12")  # newest first
    assert "Tin thử số 13" not in html
    second = get_ok(client, empty_unit_page.url + "?trang=2").content.decode()
    assert "Tin thử số 13" in second and "Tin thử số 14" in second
    # Past the end: the last page; junk: not found, never a server error.
    assert "Tin thử số 14" in get_ok(client, empty_unit_page.url + "?trang=99").content.decode()
    assert client.get(empty_unit_page.url + "?trang=abc").status_code in (200, 404)


def test_post_page(client, post):
    response = get_ok(client, post.url)
    document = assert_accessible_basics(response)
    html = response.content.decode()
    assert document.find_all("h1")[0] and post.title in html
    assert post.lead in html
    assert VN_DATETIME.search(html)
    first_image = post.images.first()
    assert f"<figcaption>{first_image.caption}</figcaption>" in html or first_image.caption in html
    figure_img = [img for img in document.find_all("img") if img.attrs.get("alt") == first_image.caption]
    assert figure_img and figure_img[0].attrs["loading"] == "eager"
    assert "format-webp" in figure_img[0].attrs["src"] and figure_img[0].attrs.get("srcset")
    authors = ", ".join(author.name for author in post.authors.all())
    assert f"Tác giả: {authors}" in html
    # Breadcrumb: Trang chủ › Đơn vị › the unit, linked.
    breadcrumb = html[
        html.index('class="breadcrumb"') : html.index("</nav>", html.index('class="breadcrumb"'))
    ]
    assert "Trang chủ" in breadcrumb and "Đơn vị" in breadcrumb and post.unit.page.url in breadcrumb
    assert str(post.kind_label) in html
    assert "Tin - bài cùng đơn vị" in html
    feeds = [link.attrs["href"] for link in document.find_all("link", rel="alternate")]
    assert f"/rss/don-vi/{post.unit.code}/" in feeds


def test_post_page_escapes_text(client, unit_page):
    post = make_post(unit_page, "Tiêu đề <script>alert(1)</script>", lead="Sa-pô <b>đậm</b>")
    html = get_ok(client, post.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_draft_post_is_not_found(client, unit_page):
    draft = make_post(unit_page, "Tin chưa xuất bản", live=False)
    assert client.get(draft.url or f"{unit_page.url}{draft.slug}/").status_code == 404


def test_about_page(client, home):
    about = AboutPage.objects.get()
    response = get_ok(client, about.url)
    assert_accessible_basics(response)
    html = response.content.decode()
    assert "Lịch sử hình thành và phát triển" in html
    assert "Sơ đồ tổ chức" in html
    if about.org_chart_caption:
        assert about.org_chart_caption in html
    assert "Văn phòng LĐLĐ tỉnh" in html  # the list of units generated from the unit data


def test_topic_pages(client, home):
    index = TopicIndexPage.objects.get()
    html = get_ok(client, index.url).content.decode()
    topic = Topic.objects.filter(posts__live=True).first()
    assert topic.name in html
    response = get_ok(client, f"{index.url}{topic.slug}/")
    assert_accessible_basics(response)
    topic_html = response.content.decode()
    assert f"<h1>{topic.name}</h1>" in topic_html
    newest = PostPage.objects.live().filter(topics=topic).order_by("-first_published_at").first()
    assert newest.title in topic_html
    assert client.get(f"{index.url}khong-co-chu-de-nay/").status_code == 404
    assert client.get(f"{index.url}{topic.slug}/?trang=abc").status_code == 404


@pytest.mark.parametrize("path", ["/khong-co-trang-nay/", "/don-vi/khong-co/", "/don-vi/van-phong/khong-co/"])
def test_not_found_page_in_vietnamese(client, home, path):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html
    assert 'action="/tim-kiem/"' in html and "Về trang chủ" in html


def test_server_error_template_needs_no_context():
    html = render_to_string("500.html")
    assert "Xin lỗi" in html and 'lang="vi"' in html and "/static/css/site.css" in html


def test_topic_listing_offers_at_most_listing_pages(client, home, monkeypatch):
    monkeypatch.setattr(public_models, "LISTING_PAGES", 2)
    index = TopicIndexPage.objects.get()
    topic = Topic.objects.filter(posts__live=True).first()
    total = PostPage.objects.live().filter(topics=topic).count()
    assert total > 2 * public_models.POSTS_PER_PAGE
    html = client.get(f"{index.url}{topic.slug}/").content.decode()
    assert 'aria-label="Trang 2"' in html and 'aria-label="Trang 3"' not in html
    assert client.get(f"{index.url}{topic.slug}/?trang=9").status_code == 200  # the last page offered
