"""A closed statement cannot be changed by any route: ORM bulk writes, the admin, the commands.

What a closed statement may still become: paid (services only). What corrects it: adjustment
lines in the unit's next statement (README, "Statements"); the closed one is never reopened.
"""

import io

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from royalties.models import (
    FrozenStatementError,
    Statement,
    StatementLine,
    StatementLogEntry,
    StatementState,
)
from royalties.selectors import statement_rows
from royalties.services import statement_close, statement_for

from .factories import make_post, vn

pytestmark = pytest.mark.django_db


def closed_statement(unit, month="2017-03", number="03/BK"):
    make_post(unit, vn(2017, 3, 1), authors=("An", "Bình"))
    return statement_close(statement_for(unit, month), None, number)


def frozen_state(statement):
    """Everything stored about a statement and its lines, to compare before and after."""
    row = Statement.objects.filter(pk=statement.pk).values().get()
    lines = list(StatementLine.objects.filter(statement_id=statement.pk).order_by("position").values())
    return row, lines


# -- the ORM's bulk paths, which skip save() and delete() ---------------------------------------------


def test_queryset_update_and_delete_of_a_closed_statement_are_refused(unit):
    statement = closed_statement(unit)
    before = frozen_state(statement)
    with pytest.raises(FrozenStatementError):
        Statement.objects.filter(pk=statement.pk).update(number="khác")
    with pytest.raises(FrozenStatementError):
        Statement.objects.filter(unit=unit).update(state=StatementState.OPEN)
    with pytest.raises(FrozenStatementError):
        Statement.objects.filter(pk=statement.pk).delete()
    # bulk_update runs in a transaction of its own: a savepoint keeps the test's usable.
    with pytest.raises(FrozenStatementError), transaction.atomic():
        Statement.objects.bulk_update([statement], ["number"])
    assert frozen_state(statement) == before


def test_a_closed_empty_month_cannot_be_deleted_either(unit):
    # No lines protect it through the foreign key: the guard alone does.
    statement = statement_close(statement_for(unit, "2017-04"), None, "04/BK")
    assert not statement.lines.exists()
    with pytest.raises(FrozenStatementError):
        Statement.objects.filter(pk=statement.pk).delete()
    assert Statement.objects.filter(pk=statement.pk, state=StatementState.CLOSED).exists()


def test_no_closed_statement_is_created_around_the_service(unit):
    with pytest.raises(FrozenStatementError):
        Statement.objects.bulk_create([Statement(unit=unit, month="2017-05", state=StatementState.CLOSED)])
    with pytest.raises(FrozenStatementError):
        Statement.objects.filter(unit=unit, month="2017-05").update(state=StatementState.CLOSED)
    assert not Statement.objects.filter(unit=unit, month="2017-05").exists()


def test_no_line_is_added_to_or_upserted_into_a_closed_statement(unit):
    statement = closed_statement(unit)
    before = frozen_state(statement)
    extra = StatementLine(
        statement=statement,
        position=99,
        post_id=1,
        title="Dòng thêm",
        kind="news",
        post_month="2017-03",
        author="Ai đó",
        author_key="ai do",
        amount=1_000_000,
        net=1_000_000,
    )
    with pytest.raises(FrozenStatementError):
        extra.save()
    with pytest.raises(FrozenStatementError):
        StatementLine.objects.bulk_create([extra])
    # bulk_update runs in a transaction of its own: a savepoint keeps the test's usable.
    with pytest.raises(FrozenStatementError), transaction.atomic():
        StatementLine.objects.bulk_update(list(statement.lines.all()), ["amount"])
    assert frozen_state(statement) == before


def test_open_statements_stay_editable_in_bulk(unit):
    """The guards are about frozen rows only: an open statement's number can still be typed."""
    statement = statement_for(unit, "2017-03")
    assert Statement.objects.filter(pk=statement.pk).update(number="nháp") == 1


def test_a_statement_cannot_be_frozen_twice(unit):
    """The database keeps one line per position: a second copy of the frozen rows is refused."""
    make_post(unit, vn(2017, 3, 1))
    statement = statement_for(unit, "2017-03")
    line = statement_rows(unit, "2017-03").lines[0]
    row = {
        "statement": statement,
        "position": line.position,
        "post_id": line.post_id,
        "title": line.title,
        "kind": line.kind,
        "post_month": line.post_month,
        "author": line.author,
        "author_key": line.author_key,
        "amount": line.amount,
        "net": line.net,
    }
    StatementLine.objects.create(**row)
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementLine.objects.create(**row)


# -- the admin --------------------------------------------------------------------------------------


def test_no_admin_screen_edits_or_deletes_statements(admin_client):
    """Neither Django's admin nor Wagtail's snippets list statements or their lines."""
    for path in (
        "/django-admin/royalties/statement/",
        "/django-admin/royalties/statementline/",
        "/admin/snippets/royalties/statement/",
        "/admin/snippets/royalties/statementline/",
    ):
        assert admin_client.get(path).status_code == 404, path


def test_a_closed_statement_screen_offers_no_close_and_a_second_close_changes_nothing(admin_client):
    """One of the demo's closed, not yet paid statements, in front of an IT administrator."""
    statement = Statement.objects.filter(state=StatementState.CLOSED).select_related("unit").first()
    before = frozen_state(statement)
    logged = StatementLogEntry.objects.for_instance(statement).count()
    close_url = reverse("royalties:close", args=(statement.unit.code, statement.month))
    screen = admin_client.get(
        reverse("royalties:statement"), {"unit": statement.unit.code, "month": statement.month}
    )
    assert screen.status_code == 200
    assert statement.number in screen.content.decode()
    assert close_url not in screen.content.decode()

    response = admin_client.post(close_url, {"number": "99/BK"}, follow=True)
    assert "đã chốt, không chốt lại được" in response.content.decode()
    assert frozen_state(statement) == before
    assert StatementLogEntry.objects.for_instance(statement).count() == logged


def test_a_paid_statement_cannot_be_paid_again_from_the_screen(admin_client):
    statement = Statement.objects.filter(state=StatementState.PAID).first()
    before = frozen_state(statement)
    response = admin_client.post(
        reverse("royalties:mark_paid", args=(statement.pk,)),
        {"paid_on": statement.paid_on.strftime("%d/%m/%Y")},
        follow=True,
    )
    assert "đã được xác nhận chi trả" in response.content.decode()
    assert frozen_state(statement) == before


# -- the commands -----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "csv", "xlsx"])
def test_the_statement_command_only_reads(fmt, tmp_path):
    before = [frozen_state(statement) for statement in Statement.objects.exclude(state=StatementState.OPEN)]
    count = Statement.objects.count()
    call_command(
        "royalty_statement",
        "2017-03",
        "--unit",
        "tuy-phong",
        "--format",
        fmt,
        stdout=io.StringIO(),
        output=str(tmp_path / f"bang-ke.{fmt}"),
    )
    call_command(
        "royalty_statement",
        "2017-03",
        "--all-units",
        "--format",
        fmt,
        stdout=io.StringIO(),
        output=str(tmp_path / f"tong-hop.{fmt}"),
    )
    assert Statement.objects.count() == count
    assert [
        frozen_state(statement) for statement in Statement.objects.exclude(state=StatementState.OPEN)
    ] == before
