"""Hypothesis drives the public pages' page numbers, search words and filters: the answer is a
page (200), a Vietnamese 404 or a Vietnamese 400, never a server error. Extends the fixed list of
safety/tests/test_bad_input.py with generated values."""

from urllib.parse import quote

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safety.tests.test_bad_input import BAD_REQUEST_TEXT, NOT_FOUND_TEXT

pytestmark = pytest.mark.django_db

SOME = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

page_numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.sampled_from(["-1", "0", "abc", "1e10", "1.5", "", " ", "١", "Ⅳ", "10" * 50, "last", "%00"]),
    st.text(max_size=40),
)
search_words = st.one_of(
    st.text(max_size=50),
    st.text(alphabet="công đoàn Tuy Phong huyện ơưđ*%_'\"<>&;", max_size=200),
    st.integers(1000, 6000).map(lambda n: "đoàn " * (n // 5)),
)


@pytest.fixture
def anon():
    return Client(raise_request_exception=False)


def listing_paths():
    from units.models import UnitPage

    paths = ["/", "/tim-kiem/", "/don-vi/"]
    unit_page = UnitPage.objects.live().first()
    if unit_page:
        paths.append(unit_page.url)
    return paths


def get(client, target):
    """One request in its own savepoint: like a request in production (autocommit), a database
    error in one example cannot poison the next ones of the same test transaction."""
    with transaction.atomic():
        return client.get(target)


def check(response, target):
    assert response.status_code in {200, 301, 302, 400, 404}, (target[:150], response.status_code)
    body = response.content.decode("utf-8", "replace")
    if response.status_code == 404 and response.get("Content-Type", "").startswith("text/html"):
        assert NOT_FOUND_TEXT in body, target[:150]
    if response.status_code == 400:
        assert BAD_REQUEST_TEXT in body, target[:150]


@SOME
@given(page=page_numbers, words=search_words)
def test_search_page_and_words(anon, page, words):
    target = f"/tim-kiem/?q={quote(words)}&trang={quote(page)}"
    check(get(anon, target), target)


@SOME
@given(page=page_numbers, data=st.data())
def test_listing_page_numbers(anon, page, data):
    path = data.draw(st.sampled_from(listing_paths()))
    target = f"{path}?trang={quote(page)}"
    check(get(anon, target), target)


@SOME
@given(query=st.text(alphabet="=&?%;+#[]a0ơ\x7f", max_size=60))
def test_malformed_query_strings(anon, query):
    target = f"/tim-kiem/?{query}"
    check(get(anon, target), target)
