"""The only ways a statement changes state: close it, then mark it paid.

Each verb checks the state it starts from, works in one transaction on a locked row and
writes a log entry (`StatementLogEntry`, through Wagtail's `log()`), so the admin screen, the
command line and the demo loader behave identically.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from units.models import Unit
from vietnamese.dates import format_date
from vietnamese.periods import Period

from .models import Statement, StatementLine, StatementState
from .selectors import Line, line_values, month_has_ended, month_period, statement_rows

CLOSE_ACTION = "royalties.statement.close"
PAY_ACTION = "royalties.statement.mark_paid"


class StatementError(ValidationError):
    """A state change that is not allowed now; the message is Vietnamese, for the user."""


def _user_name(user) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or user.get_username()).strip()


def statement_for(unit: Unit, month: str | Period) -> Statement:
    """The unit's statement row for a month, created open when it does not exist yet."""
    period = month_period(month)
    statement, _created = Statement.objects.get_or_create(unit=unit, month=period.code)
    return statement


def statement_close(
    statement: Statement, user, number: str, *, now: datetime.datetime | None = None
) -> Statement:
    """Freeze an open statement: its live rows become StatementLines that never change."""
    number = (number or "").strip()
    if not number:
        raise StatementError(_("Hãy nhập số bảng kê."))
    now = now or timezone.now()
    with transaction.atomic():
        statement = Statement.objects.select_for_update().select_related("unit").get(pk=statement.pk)
        if statement.state != StatementState.OPEN:
            raise StatementError(
                _("Bảng kê %(period)s của %(unit)s đã chốt, không chốt lại được.")
                % {"period": statement.period.label, "unit": statement.unit}
            )
        period = statement.period
        if not month_has_ended(period, now):
            raise StatementError(
                _("Chưa hết %(period)s: chỉ chốt bảng kê sau ngày cuối tháng.") % {"period": period.label}
            )
        report = statement_rows(statement.unit, period, payment_day=timezone.localdate(now))
        if report.problems:
            raise StatementError(_("Chưa chốt được: %(problems)s") % {"problems": "; ".join(report.problems)})
        StatementLine.objects.bulk_create(_stored_line(statement, line) for line in report.lines)
        statement.state = StatementState.CLOSED
        statement.number = number
        statement.is_example = report.is_example
        statement.closed_at = now
        statement.closed_by = user
        statement.closed_by_name = _user_name(user)
        statement.save()
        log(
            instance=statement,
            action=CLOSE_ACTION,
            user=user,
            data={
                "number": number,
                "lines": len(report.lines),
                "gross": report.totals.gross,
                "tax": report.totals.tax,
                "net": report.totals.net,
            },
        )
    return statement


def statement_mark_paid(statement: Statement, user, paid_on: datetime.date) -> Statement:
    """Record that a closed statement has been paid out, on which day and by whom."""
    if paid_on is None:
        raise StatementError(_("Hãy nhập ngày chi trả."))
    with transaction.atomic():
        statement = Statement.objects.select_for_update().select_related("unit").get(pk=statement.pk)
        if statement.state != StatementState.CLOSED:
            if statement.state == StatementState.PAID:
                message = _("Bảng kê đã được xác nhận chi trả ngày %(day)s.") % {
                    "day": format_date(statement.paid_on)
                }
            else:
                message = _("Bảng kê chưa chốt: hãy chốt trước khi xác nhận chi trả.")
            raise StatementError(message)
        closed_on = timezone.localdate(statement.closed_at)
        if paid_on < closed_on:
            raise StatementError(
                _("Ngày chi trả không được trước ngày chốt bảng kê (%(day)s).")
                % {"day": format_date(closed_on)}
            )
        if paid_on > timezone.localdate():
            raise StatementError(_("Ngày chi trả không được sau hôm nay."))
        statement.state = StatementState.PAID
        statement.paid_on = paid_on
        statement.paid_by = user
        statement.paid_by_name = _user_name(user)
        statement.save(update_fields=["state", "paid_on", "paid_by", "paid_by_name"])
        log(instance=statement, action=PAY_ACTION, user=user, data={"paid_on": paid_on.isoformat()})
    return statement


# Texts cut to their column's size when frozen (`StatementLine` field max_length).
_CUT_TEXTS = ("title", "author", "author_key", "note")


def _stored_line(statement: Statement, line: Line) -> StatementLine:
    """The frozen copy of one line of a statement being closed."""
    values = line_values(line)
    for name in _CUT_TEXTS:
        values[name] = values[name][: StatementLine._meta.get_field(name).max_length]
    values["coefficient"] = _two_places(values["coefficient"])
    return StatementLine(statement=statement, **values, share_percent=line.share_percent, net=line.net)


def _two_places(value) -> Decimal | None:
    if value is None:
        return None
    value = Decimal(value.numerator) / Decimal(value.denominator) if hasattr(value, "numerator") else value
    return Decimal(value).quantize(Decimal("0.01"))
