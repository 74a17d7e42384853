"""Post cards from plain values (public.cards): the same links, photos and text as the pages'
own objects would give, whether a list is read from a queryset or by ids."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.images.rect import Rect
from wagtail.models import Page, PageViewRestriction, Site

from pagecache import memo
from posts.models import PostPage
from public import renditions
from public.cards import make_cards
from public.models import AboutPage
from public.page_urls import PageUrls
from public.prepared import PreparedValues

from .factories import make_image, make_post


def request_for(host="localhost"):
    return RequestFactory().get("/", HTTP_HOST=host)


def test_page_urls_are_wagtails_urls_for_every_page(home):
    request = request_for()
    urls = PageUrls(request)
    pages = list(Page.objects.filter(depth__gt=1))
    assert len(pages) > 50
    for page in pages:
        assert urls(page.url_path) == page.get_url(request), page.url_path


def test_page_urls_with_two_sites_follow_wagtail(home):
    """A second site rooted at “Giới thiệu”: links into it are absolute from the main site."""
    about = AboutPage.objects.get()
    Site.objects.create(hostname="gioithieu.example", port=80, root_page=about, site_name="Giới thiệu")
    for host in ("localhost", "gioithieu.example"):
        request = request_for(host)
        urls = PageUrls(request)
        for page in Page.objects.filter(depth__gt=1):
            assert urls(page.url_path) == page.get_url(request), (host, page.url_path)


def test_cards_by_ids_equal_cards_from_a_queryset(home):
    posts = PostPage.objects.live().order_by("-published_at", "-pk")[:12]
    request = request_for()
    from_queryset = make_cards(posts, request)
    from_ids = make_cards([card.pk for card in from_queryset], request)
    assert from_ids == from_queryset
    assert len(from_ids) == 12
    # Another number of ids: another compiled query, still the right rows in the given order.
    reversed_ids = [card.pk for card in reversed(from_queryset[:5])]
    assert [card.pk for card in make_cards(reversed_ids, request)] == reversed_ids


def test_a_card_shows_what_the_post_page_links_to(home):
    post = PostPage.objects.live().filter(images__isnull=False).order_by("-published_at").first()
    card = make_cards([post.pk], request_for())[0]
    assert card.url == post.get_url(request_for())
    assert card.title == post.title
    assert card.unit_name == post.unit.display_name
    assert card.unit_url == post.unit.page.get_url(request_for())
    first = post.images.order_by("sort_order", "pk").first()
    assert card.photo.caption == first.caption
    webp = first.image.get_rendition(renditions.specs("card")[-1])
    assert card.photo.srcset.endswith(f"{webp.url} {webp.width}w")


def test_a_new_photo_gets_its_renditions_and_a_moved_focal_point_new_ones(unit_page):
    image = make_image(size=(1200, 600))
    post = make_post(unit_page, "Tin có ảnh mới", image=image)
    card = make_cards([post.pk], request_for())[0]
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert set(renditions.specs("card")) <= made
    assert card.photo.width == 480 and card.photo.height == 300

    image.set_focal_point(Rect(75, 275, 125, 325))
    image.save()
    moved = make_cards([post.pk], request_for())[0]
    assert moved.photo.src != card.photo.src  # cut around the new focal point


def test_prepared_values_refuse_a_query_whose_placeholders_do_not_all_appear():
    with pytest.raises(ValueError):
        PreparedValues(lambda ids: PostPage.objects.filter(pk__in=ids[:1]).values("pk"), 2)


def test_a_new_private_section_leaves_the_home_page_at_once(client, home):
    """Remembered lookups (pagecache/memo.py) follow the data: a view restriction saved on a unit
    page takes its posts off the home page on the next request."""
    post = PostPage.objects.live().order_by("-published_at", "-pk").first()
    assert post.title in client.get("/").content.decode()
    unit_page = post.get_parent()
    PageViewRestriction.objects.create(page=unit_page, restriction_type=PageViewRestriction.LOGIN)
    assert post.title not in client.get("/").content.decode()


def test_a_renamed_site_shows_its_new_name_on_the_next_request(client, home):
    memo.clear()
    client.get("/")
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Cổng thông tin thử nghiệm"
    site.save()
    assert "Cổng thông tin thử nghiệm" in client.get("/").content.decode()


def test_a_private_section_still_asks_for_a_login(client, home):
    """Without any view restriction Wagtail's check costs no query; once one exists, the pages
    below it ask anonymous readers to sign in (pagecache.memo.RememberedViewRestrictionsMixin)."""
    post = PostPage.objects.live().order_by("-published_at", "-pk").first()
    assert client.get(post.url).status_code == 200
    assert not post.get_view_restrictions().exists()
    PageViewRestriction.objects.create(page=post.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    response = client.get(post.url)
    assert response.status_code == 302
    # Wagtail's own front-end login view (wagtailcore_login), back to the post afterwards.
    assert response["Location"] == f"{reverse('wagtailcore_login')}?next={post.url}"
    assert post.get_view_restrictions().exists()


def test_an_edited_post_shows_its_new_title_lead_and_photo_caption_in_every_list(client, home):
    """A card's markup is remembered by everything it shows (public.list_markup): an edit,
    published, changes the home page and the unit page on the next request."""
    post = PostPage.objects.live().filter(images__isnull=False).order_by("-published_at", "-pk").first()
    post = post.specific
    unit_url = post.get_parent().url
    for url in ("/", unit_url):
        assert post.title in client.get(url).content.decode()
    post.title = "Tiêu đề đã sửa của tin mới nhất"
    post.lead = "Tóm tắt đã sửa, đăng lại."
    photos = list(post.images.all())
    photos[0].caption = "Chú thích ảnh đã sửa"
    post.images = photos
    post.save_revision().publish()
    for url in ("/", unit_url):
        html = client.get(url).content.decode()
        assert "Tiêu đề đã sửa của tin mới nhất" in html, url
        assert 'alt="Chú thích ảnh đã sửa"' in html, url
    assert "Tóm tắt đã sửa, đăng lại." in client.get(unit_url).content.decode()


def test_the_same_card_in_two_lists_takes_each_lists_heading_and_photo_loading(home):
    """The remembered markup of a card depends on the list it is in, not only on the card."""
    from public.list_markup import cards_html

    post = PostPage.objects.live().filter(images__isnull=False).order_by("-published_at").first()
    cards = make_cards([post.pk], request_for())
    featured = cards_html(cards, heading_level=2, layout="featured", eager_first=True)
    grid = cards_html(cards, heading_level=3, layout="grid", show_lead=False)
    assert '<h2 class="card__title">' in featured and 'fetchpriority="high"' in featured
    assert '<h3 class="card__title">' in grid and 'loading="lazy"' in grid
    assert 'class="card__lead"' in featured and 'class="card__lead"' not in grid
    # Asked again, each list gives what it gave the first time.
    assert cards_html(cards, heading_level=2, layout="featured", eager_first=True) == featured
    assert cards_html(cards, heading_level=3, layout="grid", show_lead=False) == grid


def test_the_unit_directory_follows_a_renamed_unit_and_an_unpublished_unit_page(client, home):
    """The directory's markup is remembered by the units' names and addresses: a renamed unit and
    a unit page taken offline show on the next request (the name stays, the link goes)."""
    from units.models import UnitPage

    unit_page = UnitPage.objects.live().select_related("unit").order_by("pk").first()
    unit = unit_page.unit
    link = f'<a href="{unit_page.url}">{unit.name}</a>'
    assert link in client.get("/").content.decode()
    unit.name = "Công đoàn cơ sở đổi tên thử"
    unit.save()
    html = client.get("/").content.decode()
    assert f'<a href="{unit_page.url}">Công đoàn cơ sở đổi tên thử</a>' in html
    unit_page.unpublish()
    html = client.get("/").content.decode()
    assert "<li>Công đoàn cơ sở đổi tên thử</li>" in html
    # Nowhere a link to the page taken offline: not in the directory, not on the posts' cards,
    # not on the unit's posts, which stay online.
    assert f'href="{unit_page.url}"' not in html
    post = PostPage.objects.live().child_of(unit_page).first()
    html = client.get(post.url).content.decode()
    assert unit.name in html and f'href="{unit_page.url}"' not in html
