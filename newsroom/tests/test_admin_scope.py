"""A unit's room: writers find only their own unit's posts anywhere in the admin."""

from django.urls import reverse

from units.models import UnitPage

from .support import make_post, unit_page, user


def test_the_explorer_opens_on_the_writers_unit_and_stays_there(client):
    client.force_login(user("tuyphong"))
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response["Location"] == reverse("wagtailadmin_explore", args=(unit_page("tuy-phong").pk,))
    other = client.get(reverse("wagtailadmin_explore", args=(unit_page("van-phong").pk,)))
    assert other.status_code == 302
    assert other["Location"] == reverse("wagtailadmin_explore", args=(unit_page("tuy-phong").pk,))


def test_admin_search_finds_only_the_writers_unit(client):
    make_post("tuy-phong", "Hội nghị tìm kiếm phạm vi Tuy Phong")
    make_post("van-phong", "Hội nghị tìm kiếm phạm vi Văn phòng")
    client.force_login(user("tuyphong"))
    html = client.get(reverse("wagtailadmin_pages:search"), {"q": "phạm vi"}).content.decode()
    assert "Hội nghị tìm kiếm phạm vi Tuy Phong" in html
    assert "Hội nghị tìm kiếm phạm vi Văn phòng" not in html


def test_the_board_explores_every_unit(client):
    client.force_login(user("bbt"))
    response = client.get(reverse("wagtailadmin_explore_root"))
    index = unit_page("van-phong").get_parent()
    assert response["Location"] == reverse("wagtailadmin_explore", args=(index.pk,))
    listing = client.get(response["Location"]).content.decode()
    assert all(page.title in listing for page in UnitPage.objects.all()[:5])


def test_finance_and_oversight_have_no_pages_to_explore(client):
    explore = reverse("wagtailadmin_explore", args=(unit_page("tuy-phong").pk,))
    for username in ("ketoan.tuyphong", "giamsat"):
        client.force_login(user(username))
        assert client.get(reverse("wagtailadmin_home")).status_code == 200  # they reach the admin
        assert client.get(explore).status_code == 302
