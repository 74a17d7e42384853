"""Writes of the oversight office, one named entry point each (admin views and commands call them)."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vietnamese.periods import Period, parse_period

from .documents import addressees, letter_settings
from .models import IssuedReport
from .selectors import compliance_rows


class IssueError(ValueError):
    """The report cannot be issued; the message (Vietnamese) says why."""


def check_issue(period: Period, number: str, document_date: date | None) -> None:
    if not number.strip():
        raise IssueError(_("Hãy nhập số công văn (ví dụ 435/LĐLĐ)."))
    if document_date is None:
        raise IssueError(_("Hãy nhập ngày công văn."))
    if document_date < period.start_date:
        raise IssueError(
            _("Ngày công văn không thể trước ngày bắt đầu của %(period)s.") % {"period": period.label}
        )
    if IssuedReport.objects.filter(period_code=period.code).exists():
        raise IssueError(_("Bảng kết quả %(period)s đã được ban hành.") % {"period": period.label})


def issue_report(period: Period | str, number: str, document_date: date, user=None) -> IssuedReport:
    """Freeze a period's table with the letter that carries it (e.g. 435/LĐLĐ of 24/4/2017).

    The rows, the letter's settings and its addressees are copied as they are now; later
    posts, unpublications and setting changes never alter the issued report.
    """
    period = parse_period(period)
    number = number.strip()
    check_issue(period, number, document_date)
    letter = letter_settings().as_dict()
    letter["addressees"] = addressees(period)
    try:
        with transaction.atomic():
            return IssuedReport.objects.create(
                period_code=period.code,
                period_label=period.label,
                number=number,
                document_date=document_date,
                issued_by=user if getattr(user, "pk", None) else None,
                issued_by_name=(user.get_full_name() or user.get_username())
                if getattr(user, "pk", None)
                else "",
                issued_at=timezone.now(),
                rows=[row.to_dict() for row in compliance_rows(period)],
                letter=letter,
            )
    except IntegrityError as exc:  # issued by someone else a moment ago
        raise IssueError(_("Bảng kết quả %(period)s đã được ban hành.") % {"period": period.label}) from exc
