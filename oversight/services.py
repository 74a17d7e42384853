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


def _check_letter(number: str, document_date: date | None) -> None:
    """Every issued report is carried by a letter with a number and a date."""
    if not number.strip():
        raise IssueError(_("Hãy nhập số công văn (ví dụ 435/LĐLĐ)."))
    if document_date is None:
        raise IssueError(_("Hãy nhập ngày công văn."))


def check_issue(period: Period, number: str, document_date: date | None) -> None:
    _check_letter(number, document_date)
    if document_date < period.start_date:
        raise IssueError(
            _("Ngày công văn không thể trước ngày bắt đầu của %(period)s.") % {"period": period.label}
        )
    if IssuedReport.objects.filter(period_code=period.code).exists():
        raise IssueError(_("Bảng kết quả %(period)s đã được ban hành.") % {"period": period.label})


def _issuer(user) -> tuple:
    if getattr(user, "pk", None):
        return user, (user.get_full_name() or user.get_username())
    return None, ""


def _current_letter(period: Period) -> dict:
    """The letter's settings and addressees as they are now, to be frozen with the report."""
    letter = letter_settings().as_dict()
    letter["addressees"] = addressees(period)
    return letter


def _freeze(period: Period, number: str, document_date: date, letter: dict, user, **extra) -> IssuedReport:
    """Store the period's table as it is now with its letter; `extra` links a correction to the old report.

    Runs inside the caller's transaction, so that the rows are read where the write is checked.
    """
    issued_by, issued_by_name = _issuer(user)
    return IssuedReport.objects.create(
        period_code=period.code,
        period_label=period.label,
        number=number,
        document_date=document_date,
        issued_by=issued_by,
        issued_by_name=issued_by_name,
        issued_at=timezone.now(),
        rows=[row.to_dict() for row in compliance_rows(period)],
        letter=letter,
        **extra,
    )


def issue_report(period: Period | str, number: str, document_date: date, user=None) -> IssuedReport:
    """Freeze a period's table with the letter that carries it (e.g. 435/LĐLĐ of 24/4/2017).

    The rows, the letter's settings and its addressees are copied as they are now; later
    posts, unpublications and setting changes never alter the issued report.
    """
    period = parse_period(period)
    number = number.strip()
    check_issue(period, number, document_date)
    letter = _current_letter(period)
    try:
        with transaction.atomic():
            return _freeze(period, number, document_date, letter, user)
    except IntegrityError as exc:  # issued by someone else a moment ago (unique first issue per period)
        raise IssueError(_("Bảng kết quả %(period)s đã được ban hành.") % {"period": period.label}) from exc


def supersede_report(
    issued: IssuedReport, number: str, document_date: date, reason: str, user=None
) -> IssuedReport:
    """Correct an issued report with a new letter; the old report stays exactly as it was.

    The new record freezes the period's table as it is now, with today's letter settings,
    and points to the report it replaces (`supersedes`) with the reason. From then on the
    period's screens and downloads use the new report (`documents.issued_report`); the old
    one stays readable. Only the report in force can be superseded, once.
    """
    number = (number or "").strip()
    reason = (reason or "").strip()
    if not reason:
        raise IssueError(_("Hãy ghi lý do ban hành lại."))
    period = parse_period(issued.period_code)
    _check_letter(number, document_date)
    if document_date < issued.document_date:
        raise IssueError(_("Công văn ban hành lại không thể trước công văn được thay thế."))
    letter = _current_letter(period)
    already = _("Báo cáo này đã được thay thế bằng một báo cáo khác.")
    try:
        with transaction.atomic():
            # Locked: of two corrections made at once, the second finds the first and stops.
            old = IssuedReport.objects.select_for_update().get(pk=issued.pk)
            if IssuedReport.objects.filter(supersedes=old).exists():
                raise IssueError(already)
            return _freeze(period, number, document_date, letter, user, supersedes=old, reason=reason)
    except IntegrityError as exc:  # `supersedes` is one-to-one
        raise IssueError(already) from exc
