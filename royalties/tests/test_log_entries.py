"""Statement log entries: who sees them in Wagtail's site history, and the move out of ModelLogEntry.

Closing and payment entries carry the unit's name and the amounts; the site history (page, CSV
and XLSX) shows them only to users who may read that unit's statements (royalties.access).
"""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from newsroom.models import Role
from royalties.models import Statement, StatementLogEntry
from royalties.services import CLOSE_ACTION, PAY_ACTION, statement_close, statement_for, statement_mark_paid

from .factories import make_post, vn
from .test_admin import member_of

pytestmark = pytest.mark.django_db

SITE_HISTORY = reverse("wagtailadmin_reports:site_history")
move = importlib.import_module("royalties.migrations.0005_move_statement_log_entries")


@pytest.fixture
def closed(units):
    """Both units' March 2017 statements closed (numbers unique to this test), the first one paid."""
    mine, other = units
    closer = get_user_model().objects.create_superuser("chot-thu")
    first = statement_close(statement_for(mine, "2017-03"), closer, "77/BK-MOT")
    second = statement_close(statement_for(other, "2017-03"), closer, "88/BK-HAI")
    statement_mark_paid(first, closer, timezone.localdate())
    return first, second


@pytest.fixture
def units(unit):
    from newsroom.provisioning import setup_roles

    from .factories import make_unit

    other = make_unit()
    make_post(unit, vn(2017, 3, 3), title="Tin đơn vị một")
    make_post(other, vn(2017, 3, 4), title="Tin đơn vị hai")
    setup_roles()
    return unit, other


def viewable(user, *statements):
    entries = StatementLogEntry.objects.viewable_by_user(user).filter(statement__in=statements)
    return set(entries.values_list("statement__number", "action"))


def test_statements_log_into_their_own_model(closed):
    first, second = closed
    assert log_registry.get_log_model_for_model(Statement) is StatementLogEntry
    assert set(StatementLogEntry.objects.for_instance(first).values_list("action", flat=True)) == {
        CLOSE_ACTION,
        PAY_ACTION,
    }
    entry = StatementLogEntry.objects.for_instance(second).get()
    assert (entry.object_id, entry.data["number"], entry.label) == (second.pk, "88/BK-HAI", str(second))
    assert not ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Statement)
    ).exists()


def test_finance_sees_only_its_own_units_entries(units, closed):
    first, second = closed
    mine_only = {("77/BK-MOT", CLOSE_ACTION), ("77/BK-MOT", PAY_ACTION)}
    assert viewable(member_of(Role.FINANCE, units[0]), first, second) == mine_only
    assert viewable(member_of(Role.FINANCE, units[1]), first, second) == {("88/BK-HAI", CLOSE_ACTION)}
    everything = mine_only | {("88/BK-HAI", CLOSE_ACTION)}
    assert viewable(member_of(Role.BOARD), first, second) == everything
    assert viewable(get_user_model().objects.create_superuser("quan-tri-thu"), first, second) == everything
    assert viewable(member_of(Role.WRITER, units[0]), first, second) == set()
    assert viewable(AnonymousUser(), first, second) == set()


@pytest.mark.parametrize("export", ["", "csv", "xlsx"])
def test_site_history_of_a_units_accountant(client, units, closed, export):
    client.force_login(member_of(Role.FINANCE, units[0]))
    response = client.get(SITE_HISTORY, {"export": export} if export else {})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "xlsx":
        import io

        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(body)).active
        body = "\n".join(" ".join(str(cell) for cell in row) for row in sheet.iter_rows(values_only=True))
    else:
        body = body.decode()
    assert str(closed[0]) in body
    assert str(closed[1]) not in body


def test_statement_screen_shows_its_history(client, units, closed):
    client.force_login(member_of(Role.FINANCE, units[0]))
    response = client.get(reverse("royalties:statement"), {"unit": units[0].code, "month": "2017-03"})
    assert response.status_code == 200
    assert [entry.action for entry in response.context["history"]] == [PAY_ACTION, CLOSE_ACTION]
    assert "Đã chốt bảng kê số 77/BK-MOT" in response.text
    assert "Đã xác nhận chi trả ngày" in response.text


def test_migration_moves_existing_entries_out_of_model_log_entry(closed):
    """What 0005 does on an installation upgraded from the ModelLogEntry days, and its reverse."""
    first, second = closed
    fields = ("action", "timestamp", "data", "user_id", "label", "content_type_id")
    before = sorted(StatementLogEntry.objects.values_list("statement_id", *fields))
    move.backwards(django_apps, None)
    assert not StatementLogEntry.objects.exists()
    old = ModelLogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Statement))
    restored = sorted((int(object_id), *rest) for object_id, *rest in old.values_list("object_id", *fields))
    assert restored == before
    move.forwards(django_apps, None)
    assert not old.exists()
    assert sorted(StatementLogEntry.objects.values_list("statement_id", *fields)) == before
    assert StatementLogEntry.objects.for_instance(first).count() == 2
