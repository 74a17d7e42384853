"""The demo federation: the Q1/2017 table of Letter 435/LĐLĐ, the units' pages, idempotency."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count

from demo.plan import VIETNAM_TZ, read_counts
from posts.models import PostImage, PostPage
from units.models import UnitPage

pytestmark = pytest.mark.django_db

Q1_START = datetime.datetime(2017, 1, 1, tzinfo=VIETNAM_TZ)
Q1_END = datetime.datetime(2017, 4, 1, tzinfo=VIETNAM_TZ)


def q1_counts() -> dict[str, dict[str, int]]:
    rows = (
        PostPage.objects.live()
        .filter(first_published_at__gte=Q1_START, first_published_at__lt=Q1_END)
        .order_by()  # Page's default ordering by path would split the groups
        .values("unit__code", "kind")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, dict[str, int]] = {}
    for row in rows:
        counts.setdefault(row["unit__code"], {"news": 0, "article": 0})[row["kind"]] = row["n"]
    return counts


def test_q1_2017_counts_per_unit_are_the_table_of_letter_435():
    expected = read_counts().counts
    actual = q1_counts()
    for code, wanted in expected.items():
        assert actual.get(code, {"news": 0, "article": 0}) == wanted, code
    assert set(actual) <= set(expected)


def test_units_without_posts_on_their_page_never_had_a_published_post():
    never = read_counts().never_published
    assert never == {"bac-binh", "ham-thuan-nam", "lagi"}
    assert not PostPage.objects.filter(unit__code__in=never, first_published_at__isnull=False).exists()
    assert not PostPage.objects.live().filter(unit__code__in=never).exists()


def test_empty_introductions_are_exactly_the_two_units_of_the_table():
    empty = {page.unit.code for page in UnitPage.objects.select_related("unit") if not page.has_introduction}
    assert empty == {"bac-binh", "ham-thuan-bac"}


def test_every_live_post_has_an_image_with_a_caption():
    live = PostPage.objects.live()
    assert live.count() > 200
    assert not live.exclude(images__isnull=False).exists()
    assert not PostImage.objects.filter(page__live=True, caption="").exists()


def test_running_twice_creates_nothing():
    before = {model: model.objects.count() for model in (PostPage, UnitPage, PostImage)}
    call_command("load_demo", verbosity=0)
    assert {model: model.objects.count() for model in before} == before
