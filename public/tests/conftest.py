"""Fixtures of the public-site tests: the demo federation's pages, and builders for more."""

import pytest
from django.core.cache import cache

from posts.models import PostPage
from public.models import HomePage
from units.models import Unit, UnitIndexPage, UnitKind, UnitPage

from .factories import build_minimal_site, make_image


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail keeps site root paths and renditions in the cache; rows made in one test are rolled
    # back, their cached copies must not leak into the next.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home(db):
    return build_minimal_site() if not HomePage.objects.exists() else HomePage.objects.get()


@pytest.fixture
def post(home):
    """A live post of a unit with several posts (the demo's Văn phòng)."""
    return (
        PostPage.objects.live()
        .filter(unit__code="van-phong")
        .order_by("-first_published_at")
        .first()
        .specific
    )


@pytest.fixture
def unit_page(home):
    return UnitPage.objects.get(unit__code="van-phong")


@pytest.fixture
def image(db):
    return make_image()


@pytest.fixture
def empty_unit_page(home):
    """A new unit with its own page, no posts and no introduction."""
    index = UnitIndexPage.objects.get()
    unit = Unit.objects.create(
        code="cd-thu-nghiem",
        name="Công đoàn Thử nghiệm",
        kind=UnitKind.objects.get(code="sector"),
        report_order=99,
    )
    page = UnitPage(title=unit.name, slug=unit.code, unit=unit)
    index.add_child(instance=page)
    return page
