"""Arguments the oversight commands share, read into values or refused with a `CommandError` in Vietnamese."""

from __future__ import annotations

import datetime

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from oversight.documents import issued_report
from oversight.models import IssuedReport
from vietnamese.periods import Period, PeriodError, parse_period


def period_argument(value: str) -> Period:
    """A reporting period as the operator writes it: 2017-Q1, quý I/2017, 2017-03, 2017."""
    try:
        return parse_period(value)
    except PeriodError as exc:
        raise CommandError(str(exc)) from exc


def letter_date_argument(value: str) -> datetime.date:
    """The date of the letter that carries a report (`--date 2017-04-24`)."""
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(
            _("Ngày công văn không hợp lệ: «%(value)s». Hãy nhập dạng 2017-04-24.") % {"value": value}
        ) from exc


def report_in_force(period: Period) -> IssuedReport:
    """The period's issued report in force; a period not issued yet is refused."""
    issued = issued_report(period)
    if issued is None:
        raise CommandError(_("Chưa ban hành bảng kết quả %(period)s.") % {"period": period.label})
    return issued
