"""Admin screens: who sees which unit, the close and pay actions, downloads equal the command."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Role, UnitRole
from newsroom.provisioning import setup_roles
from royalties.models import Statement, StatementState
from royalties.services import statement_close, statement_for
from tests.english_labels import english_labels_in, visible_text

from .factories import make_post, make_unit, vn

pytestmark = pytest.mark.django_db

STATEMENT = reverse("royalties:statement")
SUMMARY = reverse("royalties:summary")
AUTHOR = reverse("royalties:author")


def refused(response) -> bool:
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def member_of(role, unit=None, username=None):
    """A user in the group `setup_roles` made for the role (and unit)."""
    user = get_user_model().objects.create_user(username or f"{role}-{unit.code if unit else 'lđlđ'}")
    user.groups.add(UnitRole.objects.get(role=role, unit=unit).group)
    return user


@pytest.fixture
def units(unit):
    """Two units of our own, each with a March 2017 post, and the roles of every unit."""
    other = make_unit()
    make_post(unit, vn(2017, 3, 3), title="Tin của đơn vị thứ nhất", authors=("Phan Văn Đức",))
    make_post(other, vn(2017, 3, 4), title="Tin của đơn vị thứ hai", authors=("Phan Văn Đức",))
    setup_roles()
    return unit, other


@pytest.fixture
def accountant(units):
    return member_of(Role.FINANCE, units[0])


def test_finance_sees_only_its_unit(client, units, accountant):
    mine, other = units
    client.force_login(accountant)
    response = client.get(STATEMENT, {"unit": mine.code, "month": "2017-03"})
    assert response.status_code == 200
    assert "Tin của đơn vị thứ nhất" in response.text
    assert [u.pk for u in response.context["form"].fields["unit"].queryset] == [mine.pk]

    response = client.get(STATEMENT, {"unit": other.code, "month": "2017-03"})
    assert response.status_code == 200
    assert response.context["report"] is None
    assert "Tin của đơn vị thứ hai" not in response.text
    download = client.get(STATEMENT, {"unit": other.code, "month": "2017-03", "format": "csv"})
    assert "Tin của đơn vị thứ hai" not in download.content.decode()

    summary = client.get(SUMMARY, {"month": "2017-03"})
    assert [r.unit for r in summary.context["summary"].reports] == [mine]

    author = client.get(AUTHOR, {"name": "phan van duc", "first": "2017-01", "last": "2017-12"})
    assert [row.report.unit for row in author.context["result"].rows] == [mine]


def test_board_sees_every_unit_but_does_not_close(client, units):
    mine, other = units
    board = member_of(Role.BOARD)
    client.force_login(board)
    response = client.get(STATEMENT, {"unit": other.code, "month": "2017-03"})
    assert "Tin của đơn vị thứ hai" in response.text
    assert not response.context["can_close"]
    assert refused(client.get(reverse("royalties:close", args=[other.code, "2017-03"])))
    author = client.get(AUTHOR, {"name": "Phan Văn Đức", "first": "2017-03", "last": "2017-03"})
    assert {row.report.unit for row in author.context["result"].rows} == {mine, other}
    assert author.context["result"].totals.gross == 2 * 217_800


def test_users_without_a_role_are_refused(client, units):
    writer = member_of(Role.WRITER, units[0])
    client.force_login(writer)
    for url in (STATEMENT, SUMMARY, AUTHOR, reverse("royalties:close", args=[units[0].code, "2017-03"])):
        assert refused(client.get(url))
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse("royalties:statement") not in home.text


def test_menu_shows_the_desk_to_finance(client, accountant):
    client.force_login(accountant)
    home = client.get(reverse("wagtailadmin_home"))
    assert reverse("royalties:statement") in home.text
    assert reverse("royalties:summary") in home.text


def test_close_and_mark_paid_through_the_screens(client, units, accountant):
    mine, _other = units
    client.force_login(accountant)
    page = client.get(STATEMENT, {"unit": mine.code, "month": "2017-03"})
    assert page.context["can_close"]
    close_url = reverse("royalties:close", args=[mine.code, "2017-03"])
    confirm = client.get(close_url)
    assert confirm.status_code == 200 and "Bằng chữ" in confirm.text

    refused = client.post(close_url, {"number": ""})
    assert refused.status_code == 200 and not Statement.objects.filter(unit=mine, month="2017-03").exists()

    response = client.post(close_url, {"number": "03/BK-NB"})
    assert response.status_code == 302
    statement = Statement.objects.get(unit=mine, month="2017-03")
    assert (statement.state, statement.closed_by) == (StatementState.CLOSED, accountant)

    page = client.get(STATEMENT, {"unit": mine.code, "month": "2017-03"})
    assert not page.context["can_close"] and page.context["can_mark_paid"]
    assert "Đã chốt bảng kê số 03/BK-NB: 1 dòng, thành tiền 217.800 đ" in page.text  # the log

    pay_url = reverse("royalties:mark_paid", args=[statement.pk])
    today = timezone.localdate()
    response = client.post(pay_url, {"paid_on": today.isoformat()})
    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.state, statement.paid_on, statement.paid_by) == (StatementState.PAID, today, accountant)

    again = client.post(close_url, {"number": "khác"}, follow=True)
    assert "đã chốt" in again.text
    statement.refresh_from_db()
    assert statement.number == "03/BK-NB"


def test_finance_cannot_act_on_another_unit(client, units, accountant):
    _mine, other = units
    client.force_login(accountant)
    assert refused(client.post(reverse("royalties:close", args=[other.code, "2017-03"]), {"number": "1"}))
    assert not Statement.objects.filter(unit=other).exists()


def test_open_month_cannot_be_closed_from_the_screen(client, units, accountant):
    client.force_login(accountant)
    month = timezone.localdate().strftime("%Y-%m")
    page = client.get(STATEMENT, {"unit": units[0].code, "month": month})
    assert not page.context["can_close"]


@pytest.mark.parametrize("fmt", ["csv", "text"])
def test_download_equals_the_command(admin_client, units, fmt):
    mine, _other = units
    response = admin_client.get(STATEMENT, {"unit": mine.code, "month": "2017-03", "format": fmt})
    out = io.StringIO()
    call_command("royalty_statement", "2017-03", "--unit", mine.code, "--format", fmt, stdout=out)
    assert response.content.decode("utf-8") == out.getvalue()
    assert response["Content-Type"].startswith("text/")


def test_xlsx_download(admin_client, units):
    response = admin_client.get(STATEMENT, {"unit": units[0].code, "month": "2017-03", "format": "xlsx"})
    assert response.status_code == 200
    assert response.content[:2] == b"PK"
    assert f"nhuan-but-{units[0].code}-2017-03.xlsx" in response["Content-Disposition"]


def test_summary_and_author_screens_render(admin_client, units):
    summary = admin_client.get(SUMMARY, {"month": "2017-03"})
    assert summary.status_code == 200
    assert "Tin của đơn vị" not in summary.text  # units, not posts
    assert units[0].name in summary.text
    assert admin_client.get(SUMMARY, {"month": "2017-03", "format": "xlsx"}).content[:2] == b"PK"
    author = admin_client.get(AUTHOR, {"name": "Phan Văn Đức", "first": "2017-01", "last": "2017-06"})
    assert author.status_code == 200 and "Tin của đơn vị thứ nhất" in author.text


def test_bad_month_shows_a_vietnamese_error(admin_client, units):
    response = admin_client.get(STATEMENT, {"unit": units[0].code, "month": "2017-13"})
    assert response.status_code == 200
    assert "không hợp lệ" in response.text


def test_snippets_for_reference_data(admin_client):
    for model in ("ratetable", "basesalary", "grade"):
        assert admin_client.get(reverse(f"wagtailsnippets_royalties_{model}:list")).status_code == 200
    salaries = admin_client.get(reverse("wagtailsnippets_royalties_basesalary:list"))
    assert "2.340.000 đ" in salaries.text or "2340000" in salaries.text


def test_unit_outside_the_unit_list_makes_new_unit_visible_to_admins(admin_client):
    unit = make_unit()
    response = admin_client.get(STATEMENT, {"unit": unit.code, "month": "2017-03"})
    assert response.context["report"].unit == unit


def test_screens_speak_vietnamese(admin_client, units):
    mine, _other = units
    statement = statement_close_for_test(mine)
    urls = [
        f"{STATEMENT}?unit={mine.code}&month=2017-03",
        f"{STATEMENT}?unit={mine.code}&month=2017-04",
        f"{SUMMARY}?month=2017-03",
        f"{AUTHOR}?name=Phan+V%C4%83n+%C4%90%E1%BB%A9c&first=2017-01&last=2017-06",
        reverse("royalties:close", args=[mine.code, "2017-04"]),
        reverse("royalties:mark_paid", args=[statement.pk]),
        reverse("wagtailsnippets_royalties_ratetable:list"),
    ]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert english_labels_in(visible_text(response.text)) == [], url


def statement_close_for_test(unit):
    return statement_close(statement_for(unit, "2017-03"), None, "03/BK")
