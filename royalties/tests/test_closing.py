"""Closing freezes a statement; later changes become adjustment lines, never silent edits."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from posts.models import PostAuthor, PostPage
from royalties.models import (
    BaseSalary,
    FrozenStatementError,
    RateEntry,
    Statement,
    StatementLine,
    StatementLogEntry,
    StatementState,
)
from royalties.selectors import post_month_is_closed, statement_rows
from royalties.services import (
    CLOSE_ACTION,
    PAY_ACTION,
    StatementError,
    statement_close,
    statement_for,
    statement_mark_paid,
)

from .factories import make_post, make_unit, reset_settings, vn

pytestmark = pytest.mark.django_db


@pytest.fixture
def accountant(db):
    return get_user_model().objects.create_user("ketoan-thu", first_name="Kế toán", last_name="Thử")


def close(unit, month, user=None, number="01/BK"):
    return statement_close(statement_for(unit, month), user, number)


def snapshot(report):
    return [
        (line.position, line.post_id, line.title, line.author, line.grade, line.photos, line.amount, line.tax)
        for line in report.lines
    ], report.totals


# -- closing ------------------------------------------------------------------------------


def test_close_freezes_the_rows_shown_while_open(unit, accountant):
    make_post(unit, vn(2017, 3, 1), photos=2, authors=("An", "Bình"))
    make_post(unit, vn(2017, 3, 20), kind="article", grade="A")
    live = statement_rows(unit, "2017-03")
    statement = close(unit, "2017-03", accountant, "03/BK-NB")
    assert statement.state == StatementState.CLOSED
    assert statement.number == "03/BK-NB"
    assert statement.closed_by == accountant
    assert statement.closed_by_name == "Kế toán Thử"
    frozen = statement_rows(unit, "2017-03")
    assert frozen.state == StatementState.CLOSED
    assert snapshot(frozen) == snapshot(live)
    assert StatementLine.objects.filter(statement=statement).count() == 3
    entry = StatementLogEntry.objects.for_instance(statement).get()
    assert entry.action == CLOSE_ACTION
    assert entry.data["gross"] == live.totals.gross


def test_a_closed_statement_never_changes(unit, accountant, policy):
    post = make_post(unit, vn(2017, 3, 1), photos=2, authors=("An", "Bình"))
    other = make_post(unit, vn(2017, 3, 2))
    close(unit, "2017-03", accountant)
    before = snapshot(statement_rows(unit, "2017-03"))

    PostPage.objects.filter(pk=post.pk).update(grade="A", title="Tiêu đề đã sửa")
    PostAuthor.objects.filter(page=post, name="Bình").update(name="Chi")
    other.unpublish()
    RateEntry.objects.filter(table=policy).update(coefficient=Decimal("9"))
    BaseSalary.objects.filter(valid_from=datetime.date(2016, 5, 1)).update(amount=5_000_000)
    make_post(unit, vn(2017, 3, 3))

    assert snapshot(statement_rows(unit, "2017-03")) == before


def test_frozen_rows_refuse_every_write(unit, accountant):
    make_post(unit, vn(2017, 3, 1))
    statement = close(unit, "2017-03", accountant)
    line = StatementLine.objects.get(statement=statement)
    line.amount = 1
    with pytest.raises(FrozenStatementError):
        line.save()
    with pytest.raises(FrozenStatementError):
        line.delete()
    with pytest.raises(FrozenStatementError):
        StatementLine.objects.filter(pk=line.pk).update(amount=1)
    with pytest.raises(FrozenStatementError):
        StatementLine.objects.filter(pk=line.pk).delete()
    statement.number = "khác"
    with pytest.raises(FrozenStatementError):
        statement.save()
    with pytest.raises(FrozenStatementError):
        statement.delete()
    assert StatementLine.objects.get(pk=line.pk).amount != 1


def test_close_refuses_twice(unit, accountant):
    make_post(unit, vn(2017, 3, 1))
    statement = close(unit, "2017-03", accountant)
    with pytest.raises(StatementError, match="đã chốt"):
        statement_close(statement, accountant, "02")


def test_close_refuses_a_month_not_over(unit, accountant):
    month = timezone.localdate().strftime("%Y-%m")
    with pytest.raises(StatementError, match="Chưa hết"):
        close(unit, month, accountant)


def test_close_needs_a_number(unit, accountant):
    with pytest.raises(StatementError, match="số bảng kê"):
        close(unit, "2017-03", accountant, number="  ")


def test_close_refuses_while_there_are_problems(unit, accountant):
    make_post(unit, vn(2017, 3, 1), grade="Z")
    with pytest.raises(StatementError, match="loại Z"):
        close(unit, "2017-03", accountant)
    assert statement_for(unit, "2017-03").state == StatementState.OPEN


def test_an_empty_month_can_be_closed(unit, accountant):
    statement = close(unit, "2017-03", accountant)
    assert statement.state == StatementState.CLOSED
    assert statement_rows(unit, "2017-03").totals.gross == 0


# -- paying -----------------------------------------------------------------------------


def test_mark_paid(unit, accountant):
    make_post(unit, vn(2017, 3, 1))
    statement = close(unit, "2017-03", accountant)
    paid_on = timezone.localdate()
    statement = statement_mark_paid(statement, accountant, paid_on)
    assert (statement.state, statement.paid_on, statement.paid_by) == (
        StatementState.PAID,
        paid_on,
        accountant,
    )
    assert statement_rows(unit, "2017-03").state == StatementState.PAID
    assert StatementLogEntry.objects.for_instance(statement).filter(action=PAY_ACTION).exists()
    with pytest.raises(StatementError, match="đã được xác nhận chi trả"):
        statement_mark_paid(statement, accountant, paid_on)


def test_mark_paid_needs_a_closed_statement(unit, accountant):
    with pytest.raises(StatementError, match="chưa chốt"):
        statement_mark_paid(statement_for(unit, "2017-03"), accountant, timezone.localdate())


@pytest.mark.parametrize(
    ("days", "message"), [(-1, "trước ngày chốt"), (1, "sau hôm nay")], ids=["before closing", "future"]
)
def test_mark_paid_date_checks(unit, accountant, days, message):
    statement = close(unit, "2017-03", accountant)
    with pytest.raises(StatementError, match=message):
        statement_mark_paid(statement, accountant, timezone.localdate() + datetime.timedelta(days=days))


# -- adjustments ---------------------------------------------------------------------------


def test_regrade_after_closing_is_an_adjustment_in_the_next_month(unit, accountant):
    post = make_post(unit, vn(2017, 3, 10))  # B: 217 800
    close(unit, "2017-03", accountant)
    PostPage.objects.filter(pk=post.pk).update(grade="A")  # A: 278 300
    april = statement_rows(unit, "2017-04")
    [line] = april.adjustments
    assert (line.post_id, line.amount, line.is_adjustment) == (post.pk, 60_500, True)
    assert "tháng 3/2017" in line.note and "B → A" in line.note
    assert april.totals.gross == 60_500
    # Only the next open statement carries it, not any later month.
    assert statement_rows(unit, "2017-05").adjustments == []
    # The March statement is untouched.
    assert statement_rows(unit, "2017-03").totals.gross == 217_800


def test_adjustments_are_settled_once_frozen(unit, accountant):
    post = make_post(unit, vn(2017, 3, 10))
    close(unit, "2017-03", accountant)
    PostPage.objects.filter(pk=post.pk).update(grade="C")  # C: 157 300 → -60 500
    assert [line.amount for line in statement_rows(unit, "2017-04").lines] == [-60_500]
    close(unit, "2017-04", accountant, "04/BK")
    assert [line.amount for line in statement_rows(unit, "2017-04").lines] == [-60_500]
    assert statement_rows(unit, "2017-05").lines == []


def test_unpublished_after_closing_gives_a_negative_line(unit, accountant):
    post = make_post(unit, vn(2017, 3, 10), authors=("An", "Bình"))
    close(unit, "2017-03", accountant)
    post.unpublish()
    april = statement_rows(unit, "2017-04")
    assert [(line.author, line.amount) for line in april.lines] == [("An", -108_900), ("Bình", -108_900)]
    assert all("gỡ xuống" in line.note for line in april.lines)
    assert april.totals.gross == -217_800


def test_deleted_after_closing_gives_a_negative_line(unit, accountant):
    post = make_post(unit, vn(2017, 3, 10))
    close(unit, "2017-03", accountant)
    PostPage.objects.get(pk=post.pk).delete()
    [line] = statement_rows(unit, "2017-04").lines
    assert line.amount == -217_800 and "xóa" in line.note


def test_late_post_in_a_closed_month_is_an_adjustment(unit, accountant):
    close(unit, "2017-03", accountant)
    late = make_post(unit, vn(2017, 3, 31, 22))  # e.g. imported after the statement was closed
    [line] = statement_rows(unit, "2017-04").lines
    assert (line.post_id, line.amount, line.is_adjustment) == (late.pk, 217_800, True)


def test_moved_post_leaves_its_old_unit_with_a_negative_line(unit, accountant):
    post = make_post(unit, vn(2017, 3, 10))
    close(unit, "2017-03", accountant)
    other = make_unit()
    PostPage.objects.filter(pk=post.pk).update(unit=other)
    [line] = statement_rows(unit, "2017-04").lines
    assert line.amount == -217_800 and "đơn vị khác" in line.note
    # The new unit's March is still open: the post is simply in it.
    assert [line.post_id for line in statement_rows(other, "2017-03").lines] == [post.pk]


def test_share_change_after_closing(unit, accountant):
    post = make_post(unit, vn(2017, 3, 10), authors=("An", "Bình"))  # 108 900 each
    close(unit, "2017-03", accountant)
    PostAuthor.objects.filter(page=post, name="An").update(share_percent=75)
    PostAuthor.objects.filter(page=post, name="Bình").update(share_percent=25)
    lines = statement_rows(unit, "2017-04").lines
    assert [(line.author, line.amount) for line in lines] == [("An", 54_500), ("Bình", -54_500)]
    assert sum(line.amount for line in lines) == 0


def test_adjustment_waits_for_the_month_after_the_latest_closed_one(unit, accountant):
    post = make_post(unit, vn(2017, 3, 10))
    close(unit, "2017-03", accountant)
    close(unit, "2017-04", accountant, "04/BK")
    PostPage.objects.filter(pk=post.pk).update(grade="A")
    assert statement_rows(unit, "2017-04").adjustments == []  # closed: never changes
    assert [line.amount for line in statement_rows(unit, "2017-05").adjustments] == [60_500]


def test_adjustment_lines_count_toward_the_tax_of_that_payment(unit, accountant):
    for day in (1, 2):
        make_post(unit, vn(2017, 3, day), kind="article", grade="A", photos=3, authors=("Bích",))  # 834 900
    close(unit, "2017-03", accountant)
    make_post(unit, vn(2017, 4, 3), kind="article", grade="A", photos=3, authors=("Bích",))
    later = make_post(unit, vn(2017, 3, 30, 20), kind="article", grade="A", photos=3, authors=("Bích",))
    april = statement_rows(unit, "2017-04")
    assert {line.post_id for line in april.adjustments} == {later.pk}
    [author] = april.authors
    assert (author.gross, author.tax) == (1_669_800, 0)
    make_post(unit, vn(2017, 4, 4), kind="news", grade="A", photos=3, authors=("Bích",))  # 350 900
    april = statement_rows(unit, "2017-04")
    [author] = april.authors
    assert (author.gross, author.tax) == (2_020_700, 202_070)


def test_statement_rows_in_a_unit_with_demo_closed_months_stay_consistent():
    """The demo's closed statements: totals equal their lines, and the paid ones are paid."""
    paid = Statement.objects.filter(state=StatementState.PAID).select_related("unit").first()
    if paid is None:
        pytest.skip("demo data without statements")
    report = statement_rows(paid.unit, paid.month)
    assert report.state == StatementState.PAID
    assert report.totals.gross == sum(line.amount for line in report.lines) > 0


def test_payment_basis_keeps_the_salary_of_the_first_payment_in_adjustments(unit, accountant):
    reset_settings(salary_basis="payment")
    post = make_post(unit, vn(2017, 6, 12))
    statement = statement_for(unit, "2017-06")
    statement_close(statement, accountant, "06/BK", now=vn(2017, 7, 5))  # paid at 1 300 000: 234 000
    assert statement_rows(unit, "2017-06").totals.gross == 234_000
    PostPage.objects.filter(pk=post.pk).update(grade="A")  # 2.3 × 130 000 = 299 000
    [line] = statement_rows(unit, "2017-07").adjustments
    assert line.amount == 65_000  # not recomputed at today's base salary


def test_post_month_is_closed(unit, accountant):
    post = make_post(unit, vn(2017, 3, 10))
    assert not post_month_is_closed(post)
    close(unit, "2017-03", accountant)
    assert post_month_is_closed(PostPage.objects.get(pk=post.pk))
