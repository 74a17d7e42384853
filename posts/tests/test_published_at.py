"""`PostPage.published_at` is always Wagtail's first publication date, whatever publishes a post.

Listings sort by it (public.models.NEWEST_FIRST, the unit page, search), so a post edited and
republished, unpublished or copied must keep the place its first publication gave it.
"""

import datetime
import importlib
from types import SimpleNamespace
from unittest import mock

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from posts.models import PostPage
from public.tests.factories import make_image, make_post
from units.models import UnitPage

DAY = datetime.timedelta(days=1)


def stored(post):
    """(published_at, first_published_at) as the database holds them."""
    return PostPage.objects.values_list("published_at", "first_published_at").get(pk=post.pk)


def publish_at(post, moment):
    """Publish the post's latest content through Wagtail's own action, as if at `moment`."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        post.save_revision().publish()


@pytest.fixture
def unit_page(db):
    return UnitPage.objects.get(unit__code="van-phong")


def test_set_by_a_post_created_published(unit_page):
    moment = timezone.now() - 3 * DAY
    post = make_post(unit_page, "Tin đăng sẵn", published_at=moment)
    assert stored(post) == (moment, moment)


def test_publish_unpublish_republish_keep_the_first_date(unit_page):
    post = make_post(unit_page, "Tin chờ duyệt", live=False)
    assert stored(post) == (None, None)

    first = timezone.now() - 10 * DAY
    publish_at(post, first)
    assert stored(post) == (first, first)

    post.refresh_from_db()
    post.unpublish()
    assert stored(post) == (first, first)

    post.refresh_from_db()
    post.title = "Tin chờ duyệt (đã sửa)"
    later = timezone.now() - DAY
    publish_at(post, later)
    post.refresh_from_db()
    assert post.live
    assert post.last_published_at == later
    assert stored(post) == (first, first)


def test_a_republished_old_post_keeps_its_place_on_the_unit_page(client, unit_page):
    image = make_image()
    old = make_post(unit_page, "Tin cũ Ômega được sửa", image=image, published_at=timezone.now() - 9 * DAY)
    new = make_post(unit_page, "Tin mới Ômega", image=image, published_at=timezone.now() - 2 * DAY)
    old.lead = "Sa-pô đã sửa lại."
    publish_at(old, timezone.now())

    html = client.get(unit_page.url).content.decode()
    assert html.index(new.title) < html.index(old.title)


def test_copies_take_their_own_date(unit_page):
    original = make_post(unit_page, "Tin gốc", published_at=timezone.now() - 5 * DAY)
    original.save_revision()

    draft_copy = original.copy(
        keep_live=False, update_attrs={"title": "Tin gốc (bản nháp)", "slug": "tin-goc-ban-nhap"}
    )
    assert stored(draft_copy) == (None, None)

    live_copy = original.copy(
        keep_live=True, update_attrs={"title": "Tin gốc (bản sao)", "slug": "tin-goc-ban-sao"}
    )
    published_at, first_published_at = stored(live_copy)
    assert published_at == first_published_at
    assert published_at > original.first_published_at


def test_the_migration_fills_the_dates_of_existing_posts(unit_page):
    """Migration 0005's data step copies every post's first publication date; drafts stay empty."""
    published = make_post(unit_page, "Tin đã đăng từ trước", published_at=timezone.now() - 7 * DAY)
    draft = make_post(unit_page, "Bản nháp từ trước", live=False)
    PostPage.objects.update(published_at=None)

    migration = importlib.import_module("posts.migrations.0005_published_at")
    migration.copy_dates(apps, SimpleNamespace(connection=connection))

    assert stored(published) == (published.first_published_at, published.first_published_at)
    assert stored(draft) == (None, None)
    assert not PostPage.objects.filter(first_published_at__isnull=False, published_at__isnull=True).exists()
    assert PostPage.objects.filter(published_at__isnull=False).count() == (
        PostPage.objects.filter(first_published_at__isnull=False).count()
    )
