"""The queries behind the quarterly table: facts per unit in a fixed number of queries.

Every front end (the `compliance_report` command, the admin screen, the XLSX and DOCX
exports, the reminders) calls `compliance_rows`; `oversight.rules` turns the facts into rows.
The number of queries is the same for 24 units or 2 400, for 10 posts or 100 000.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from posts.models import PostKind, PostPage
from units.models import Unit
from vietnamese.dates import to_local
from vietnamese.periods import Period, parse_period

from .models import QuotaRule, Remark
from .rules import Quota, ReportRow, UnitFacts, report_rows, resolve_quota


def _live_posts():
    # Unpublished posts keep their first_published_at but are no longer live; deleted ones
    # are gone: neither counts in a report made afterwards (DESIGN.md).
    return PostPage.objects.filter(live=True, first_published_at__isnull=False)


def _in_period(queryset, period: Period):
    # Period boundaries are aware datetimes at 00:00 Vietnam time: a post published at 00:30
    # on 1 April in Vietnam (17:30 UTC on 31 March) belongs to the second quarter.
    return queryset.filter(first_published_at__gte=period.start, first_published_at__lt=period.end)


def unit_facts(period: Period | str) -> list[UnitFacts]:
    """The facts `rules.report_rows` needs, for every unit existing in the period (5 queries)."""
    period = parse_period(period)
    # Whether each unit's page had a live post by the period's end: an EXISTS per unit stops at
    # the first such post, so it costs the same for 10 posts or 100 000.
    units = list(
        Unit.objects.existing_between(period.start_date, period.end_date)
        .select_related("kind", "page")
        .annotate(
            ever_published=Exists(
                _live_posts().filter(unit=OuterRef("pk"), first_published_at__lt=period.end)
            )
        )
        .order_by("report_order", "name")
    )
    unit_ids = [unit.pk for unit in units]
    rules = QuotaRule.objects.overlapping(period.start_date, period.end_date).as_facts()

    counts: dict[int, dict[str, int]] = defaultdict(dict)
    # Posts are selected by the period alone (the first_published_at index); rows of units not
    # listed are simply not looked up. Filtering by unit too made SQLite walk every post of
    # every unit.
    for row in _in_period(_live_posts(), period).values("unit_id", "kind").annotate(n=Count("pk")).order_by():
        counts[row["unit_id"]][row["kind"]] = row["n"]

    delays: dict[int, list[int]] = defaultdict(list)
    for unit_id, published_at, event_date in (
        _in_period(_live_posts(), period)
        .filter(event_date__isnull=False)
        .values_list("unit_id", "first_published_at", "event_date")
        .order_by()
    ):
        delays[unit_id].append((to_local(published_at).date() - event_date).days)

    remarks = {
        row["unit_id"]: row
        for row in Remark.objects.filter(period_code=period.code, unit_id__in=unit_ids).values(
            "unit_id", "text", "replaces_shortfall"
        )
    }

    facts = []
    for unit in units:
        page = getattr(unit, "page", None)
        quota = (
            resolve_quota(rules, unit.pk, unit.kind.code, period.start_date, period.end_date)
            if unit.quota_applies
            else None
        )
        remark = remarks.get(unit.pk, {})
        facts.append(
            UnitFacts(
                unit_id=unit.pk,
                name=unit.name,
                display_name=unit.display_name,
                order=unit.report_order,
                kind_code=unit.kind.code,
                news=counts[unit.pk].get(PostKind.NEWS, 0),
                articles=counts[unit.pk].get(PostKind.ARTICLE, 0),
                quota=quota,
                has_own_page=unit.has_own_page,
                note_name=unit.note_name,
                has_introduction=bool(page and page.has_introduction),
                ever_published=unit.ever_published,
                remark=remark.get("text", ""),
                remark_replaces_shortfall=remark.get("replaces_shortfall", False),
                delays=tuple(delays[unit.pk]),
            )
        )
    return facts


def compliance_rows(period: Period | str) -> list[ReportRow]:
    """The quarterly table of Letter 435/LĐLĐ for any period: one row per unit with a quota."""
    return report_rows(unit_facts(period))


@dataclass(frozen=True)
class PeriodTotal:
    period: Period
    news: int
    articles: int


def federation_totals(periods: list[Period]) -> list[PeriodTotal]:
    """Tin and bài first published in each period by the whole federation (one query)."""
    if not periods:
        return []
    aggregates = {}
    for index, period in enumerate(periods):
        in_period = Q(first_published_at__gte=period.start, first_published_at__lt=period.end)
        aggregates[f"news_{index}"] = Count("pk", filter=in_period & Q(kind=PostKind.NEWS))
        aggregates[f"articles_{index}"] = Count("pk", filter=in_period & Q(kind=PostKind.ARTICLE))
    first = min(p.start for p in periods)
    last = max(p.end for p in periods)
    result = (
        _live_posts()
        .filter(first_published_at__gte=first, first_published_at__lt=last)
        .aggregate(**aggregates)
    )
    return [
        PeriodTotal(period, result[f"news_{index}"] or 0, result[f"articles_{index}"] or 0)
        for index, period in enumerate(periods)
    ]


def recent_periods(last: Period, count: int = 8) -> list[Period]:
    """``count`` periods ending with ``last``, oldest first."""
    periods = [last]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return list(reversed(periods))


def quota_for(unit: Unit, period: Period | str) -> Quota | None:
    """One unit's targets for one period (None when exempt); one query for the rules."""
    period = parse_period(period)
    if not unit.quota_applies:
        return None
    rules = (
        QuotaRule.objects.filter(
            Q(unit=unit) | Q(unit_kind_id=unit.kind_id) | Q(unit__isnull=True, unit_kind__isnull=True)
        )
        .overlapping(period.start_date, period.end_date)
        .as_facts()
    )
    kind_code = unit.kind.code
    return resolve_quota(rules, unit.pk, kind_code, period.start_date, period.end_date)
