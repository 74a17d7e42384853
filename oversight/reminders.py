"""Reminders before a period ends: one e-mail per unit still short of its quota, once a day.

The `send_quota_reminders` command and the report screen's button call `send_reminders`.
Counts and shortfalls come from the same `compliance_rows` as the table, so a reminder never
disagrees with the report.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from newsroom.models import Role
from units.models import Unit
from vietnamese.periods import Period, parse_period

from .documents import letter_settings
from .models import ReminderLog
from .rules import ReportRow, shortfall_note, shortfall_parts
from .selectors import compliance_rows

DEFAULT_DAYS_BEFORE_END = 15


@dataclass
class Reminder:
    unit_id: int
    unit_name: str
    row: ReportRow
    recipients: list[str]
    subject: str
    body: str


@dataclass
class ReminderRun:
    period: Period
    today: date
    days_left: int
    in_window: bool = True
    dry_run: bool = False
    sent: list[Reminder] = field(default_factory=list)
    would_send: list[Reminder] = field(default_factory=list)
    already_sent: list[str] = field(default_factory=list)
    without_address: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def recipients_by_unit(units: list[Unit]) -> dict[int, list[str]]:
    """Addresses of each unit's writers and approvers (one query), else the unit's own address.

    Writers and approvers are the members of the groups `setup_roles` gives each unit
    (`newsroom.models.UnitRole`); inactive users and users without an address are skipped.
    """
    found: dict[int, list[str]] = defaultdict(list)
    if units:
        rows = (
            get_user_model()
            .objects.filter(
                is_active=True,
                groups__unit_role__unit__in=units,
                groups__unit_role__role__in=[Role.WRITER, Role.APPROVER],
            )
            .exclude(email="")
            .values_list("groups__unit_role__unit_id", "email")
            .order_by("groups__unit_role__unit_id", "email")
            .distinct()
        )
        for unit_id, email in rows:
            if email not in found[unit_id]:
                found[unit_id].append(email)
    for unit in units:
        if not found[unit.pk]:
            page = getattr(unit, "page", None)
            fallback = unit.email or (page.email if page is not None else "")
            if fallback:
                found[unit.pk].append(fallback)
    return found


def days_left(period: Period, today: date) -> int:
    """Days after ``today`` until the period's last day (0 on the last day, negative after)."""
    return (period.end_date - today).days


def compose(unit: Unit, row: ReportRow, period: Period, today: date, website_name: str) -> tuple[str, str]:
    context = {
        "unit": unit,
        "row": row,
        "period": period,
        "today": today,
        "days_left": days_left(period, today),
        "missing": shortfall_parts(row.missing_news, row.missing_articles),
        # The page and introduction notes and the remark; the shortfall is said above.
        "other_notes": [
            note for note in row.notes if note != shortfall_note(row.missing_news, row.missing_articles)
        ],
        "website_name": website_name,
    }
    subject = " ".join(render_to_string("oversight/email/reminder_subject.txt", context).split())
    body = render_to_string("oversight/email/reminder_body.txt", context)
    return subject, body


def send_reminders(
    period: Period | str | None = None,
    *,
    today: date | None = None,
    days_before_end: int = DEFAULT_DAYS_BEFORE_END,
    dry_run: bool = False,
) -> ReminderRun:
    """E-mail every unit short of its quota for ``period`` (default: the current quarter).

    Without an explicit period, nothing is sent unless the current quarter ends within
    ``days_before_end`` days (so a daily cron job only speaks near the end of a quarter). An
    explicit period is always processed. A unit reminded today is not reminded again today.
    """
    today = today or timezone.localdate()
    explicit = period is not None
    period = parse_period(period) if explicit else Period.containing(today, "quarter")
    run = ReminderRun(period=period, today=today, days_left=days_left(period, today), dry_run=dry_run)
    if not explicit and not 0 <= run.days_left <= days_before_end:
        run.in_window = False
        return run

    short = [row for row in compliance_rows(period) if row.is_short]
    units = Unit.objects.select_related("page").in_bulk([row.unit_id for row in short])
    addresses = recipients_by_unit(list(units.values()))
    reminded_today = set(
        ReminderLog.objects.filter(period_code=period.code, sent_on=today).values_list("unit_id", flat=True)
    )
    website_name = letter_settings().website_name
    connection = None if dry_run else get_connection()
    for row in short:
        unit = units[row.unit_id]
        if row.unit_id in reminded_today:
            run.already_sent.append(row.unit_name)
            continue
        recipients = addresses.get(row.unit_id, [])
        if not recipients:
            run.without_address.append(row.unit_name)
            continue
        subject, body = compose(unit, row, period, today, website_name)
        reminder = Reminder(row.unit_id, row.unit_name, row, recipients, subject, body)
        if dry_run:
            run.would_send.append(reminder)
            continue
        try:
            with transaction.atomic():
                _log, created = ReminderLog.objects.get_or_create(
                    unit=unit,
                    period_code=period.code,
                    sent_on=today,
                    defaults={
                        "recipients": ", ".join(recipients),
                        "news": row.news,
                        "articles": row.articles,
                        "missing": shortfall_note(row.missing_news, row.missing_articles) or "",
                    },
                )
                if not created:  # another run got there first
                    run.already_sent.append(row.unit_name)
                    continue
                EmailMessage(subject, body, to=recipients, connection=connection).send()
        except Exception as exc:  # noqa: BLE001 - one unit's bad address must not stop the others
            run.failed.append((row.unit_name, str(exc)))
            continue
        run.sent.append(reminder)
    return run
