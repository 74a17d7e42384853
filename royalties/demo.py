"""Demo step of `load_demo`: example rate tables, grades on the demo posts, and closed and paid
statements for past months, with one regrade after closing to show an adjustment line.

The rates are an EXAMPLE: Quyết định 128/QĐ-LĐLĐ of 20/9/2016 is not public, so the tables
are marked `is_example` and every statement computed with them says so. Values are chosen
inside the frame of Decree 18/2014/NĐ-CP (online news up to 10, articles up to 30 coefficient
units): tin A 2 / B 1.5 / C 1, bài A 6 / B 4.5 / C 3, plus 0.3 per photo, at most 3 photos.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from posts.models import PostPage
from units.models import Unit
from vietnamese.dates import VIETNAM_TZ
from vietnamese.periods import Period

from .models import Grade, RateEntry, RateTable, Statement, StatementState
from .services import statement_close, statement_for, statement_mark_paid

EXAMPLE_DECISION = "Quyết định 128/QĐ-LĐLĐ ngày 20/9/2016 (mức minh họa)"
EXAMPLE_TABLES = [
    {
        "name": "Bảng mức ví dụ 2016",
        "valid_from": datetime.date(2016, 10, 11),
        "photo_coefficient": Decimal("0.3"),
        "photo_cap": 3,
        "rates": {
            ("news", "A"): Decimal("2"),
            ("news", "B"): Decimal("1.5"),
            ("news", "C"): Decimal("1"),
            ("article", "A"): Decimal("6"),
            ("article", "B"): Decimal("4.5"),
            ("article", "C"): Decimal("3"),
        },
    },
    {
        # A later version, to show that a table applies from its date on.
        "name": "Bảng mức ví dụ 2020",
        "valid_from": datetime.date(2020, 1, 1),
        "photo_coefficient": Decimal("0.5"),
        "photo_cap": 4,
        "rates": {
            ("news", "A"): Decimal("2.5"),
            ("news", "B"): Decimal("2"),
            ("news", "C"): Decimal("1.2"),
            ("article", "A"): Decimal("8"),
            ("article", "B"): Decimal("6"),
            ("article", "C"): Decimal("4"),
        },
    },
]

# Closed months (all units with posts); the first PAID_UNTIL of them are also paid.
CLOSED_FROM = Period("month", 2016, 10)
CLOSED_UNTIL = Period("month", 2017, 5)
PAID_UNTIL = Period("month", 2017, 3)
REGRADED_UNIT = "cd-vien-chuc"


def ensure_example_tables() -> int:
    created = 0
    grades = {grade.code: grade for grade in Grade.objects.all()}
    for spec in EXAMPLE_TABLES:
        table, was_created = RateTable.objects.get_or_create(
            valid_from=spec["valid_from"],
            defaults={
                "name": spec["name"],
                "decision": EXAMPLE_DECISION,
                "is_example": True,
                "photo_coefficient": spec["photo_coefficient"],
                "photo_cap": spec["photo_cap"],
                "note": "Mức minh họa cho dữ liệu mẫu; hãy thay bằng mức của Quyết định 128/QĐ-LĐLĐ.",
            },
        )
        if was_created:
            created += 1
            RateEntry.objects.bulk_create(
                RateEntry(table=table, kind=kind, grade=grades[grade], coefficient=value, sort_order=i)
                for i, ((kind, grade), value) in enumerate(spec["rates"].items())
            )
    return created


def grade_demo_posts() -> None:
    """About one post in five graded A and one in six C; the rest keep the default B."""
    ids = list(PostPage.objects.order_by("pk").values_list("pk", flat=True))
    PostPage.objects.filter(pk__in=[pk for pk in ids if pk % 5 == 0]).update(grade="A")
    PostPage.objects.filter(pk__in=[pk for pk in ids if pk % 6 == 1]).update(grade="C")


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=VIETNAM_TZ)


def close_past_months(user) -> tuple[int, int]:
    closed = paid = 0
    month = CLOSED_FROM
    while month <= CLOSED_UNTIL:
        unit_ids = set(
            PostPage.objects.live()
            .filter(first_published_at__gte=month.start, first_published_at__lt=month.end)
            .values_list("unit_id", flat=True)
        )
        for unit in Unit.objects.filter(pk__in=unit_ids).order_by("report_order"):
            statement = statement_for(unit, month)
            if statement.state == StatementState.OPEN:
                number = f"{month.number:02d}/{month.year}/BK-NB"
                statement_close(
                    statement, user, number, now=_at(month.end_date + datetime.timedelta(days=5), 9)
                )
                closed += 1
            statement.refresh_from_db()
            if month <= PAID_UNTIL and statement.state == StatementState.CLOSED:
                statement_mark_paid(statement, user, month.end_date + datetime.timedelta(days=10))
                paid += 1
        month = month.next()
    return closed, paid


def regrade_after_closing() -> str | None:
    """The board raises a March 2017 post to grade A after March was closed: June shows the difference."""
    march = Period("month", 2017, 3)
    post = (
        PostPage.objects.live()
        .filter(
            unit__code=REGRADED_UNIT, first_published_at__gte=march.start, first_published_at__lt=march.end
        )
        .exclude(grade="A")
        .order_by("first_published_at")
        .first()
    )
    if post is None:
        return None
    PostPage.objects.filter(pk=post.pk).update(grade="A")
    return post.title


def load_demo_royalties() -> str:
    """Idempotent: once the example tables exist, nothing more is done."""
    if RateTable.objects.filter(is_example=True).exists() or Statement.objects.exists():
        return "đã có bảng mức và bảng kê, bỏ qua"
    user = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    with transaction.atomic():
        tables = ensure_example_tables()
        grade_demo_posts()
        closed, paid = close_past_months(user)
        regraded = regrade_after_closing()
    summary = f"{tables} bảng mức ví dụ, {closed} bảng kê đã chốt, {paid} đã chi trả"
    if regraded:
        summary += ", 1 tin - bài đổi xếp loại sau khi chốt (dòng điều chỉnh)"
    return summary
