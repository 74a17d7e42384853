"""A unit's page lists its posts newest first over a bounded page range, like the topic listings."""

import datetime

from django.utils import timezone

import units.models as unit_models

from .factories import make_post


def test_unit_page_offers_at_most_listing_pages(client, empty_unit_page, image, monkeypatch):
    monkeypatch.setattr(unit_models, "LISTING_PAGES", 2)
    now = timezone.now()
    for number in range(1, 30):  # 29 posts: three pages of 12, two offered
        make_post(
            empty_unit_page,
            f"Tin Sigma số {number:02d}",
            image=image,
            published_at=now - datetime.timedelta(hours=number),
        )
    first = client.get(empty_unit_page.url).content.decode()
    assert 'aria-label="Trang 2"' in first and 'aria-label="Trang 3"' not in first
    second = client.get(empty_unit_page.url + "?trang=2").content.decode()
    assert "Tin Sigma số 13" in second and "Tin Sigma số 24" in second
    assert "Tin Sigma số 25" not in second
    # Past the pages offered: the last one offered, never the unlisted oldest posts.
    beyond = client.get(empty_unit_page.url + "?trang=3")
    assert beyond.status_code == 200
    assert "Tin Sigma số 24" in beyond.content.decode()
    assert "Tin Sigma số 25" not in beyond.content.decode()


def test_unit_page_rejects_junk_page_numbers(client, empty_unit_page, image):
    make_post(empty_unit_page, "Tin Sigma duy nhất", image=image)
    assert client.get(empty_unit_page.url + "?trang=abc").status_code == 404
    assert client.get(empty_unit_page.url + "?trang=0").status_code == 404
    # Digits to str.isdigit() that int() refuses (found by hypothesis): a 404, not a server error.
    for number in ("¹", "²", "٣x"):
        assert client.get(empty_unit_page.url, {"trang": number}).status_code == 404
    assert "Tin Sigma duy nhất" in client.get(empty_unit_page.url + "?trang=7").content.decode()
