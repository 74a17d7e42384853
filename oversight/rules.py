"""Publishing compliance as plain functions: facts per unit in, the quarterly table out.

The table is the one attached to Letter 435/LĐLĐ (24/4/2017), "Kết quả đăng tin - bài tại
trang Website Công đoàn Bình Thuận trong quý I/2017": TT, Đơn vị, Tin, Bài, Ghi chú. The
notes' wording is the letter's. No Django here: the selector gathers the facts with a fixed
number of queries and every front end (command, admin screen, XLSX, DOCX, reminders) renders
the rows this module returns.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from fractions import Fraction

# Letter 435/LĐLĐ item 1 asks units to "bảo đảm thời gian đăng tải"; a post published more
# than a week after its event counts as late on the report screen and in the exports.
LATE_AFTER_DAYS = 7

# The wording of the notes in the table attached to Letter 435/LĐLĐ.
SHORTFALL_NOTE = "Thiếu {parts}"
NO_POSTS_NOTE = "Chưa có tin - bài trên trang của {name}"
NO_INTRODUCTION_NOTE = "Chưa có thông tin tại mục Giới thiệu công đoàn."

MONTHS_PER_PERIOD = {"month": 1, "quarter": 3, "year": 12}


# -- quotas --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quota:
    """Targets for one unit over one reporting period."""

    news: int
    articles: int

    @property
    def is_empty(self) -> bool:
        return self.news <= 0 and self.articles <= 0


@dataclass(frozen=True)
class QuotaRuleFacts:
    """One quota rule as stored: a scope (unit, kind, or every unit), targets, validity."""

    rule_id: int
    period_kind: str  # "month" | "quarter" | "year"
    news: int
    articles: int
    valid_from: date
    valid_to: date | None = None  # inclusive; None = still in force
    unit_id: int | None = None
    kind_code: str | None = None
    exempt: bool = False

    @property
    def specificity(self) -> int:
        """A unit rule beats a kind rule, which beats a rule for every unit."""
        if self.unit_id is not None:
            return 2
        if self.kind_code:
            return 1
        return 0

    def applies_to(self, unit_id: int, kind_code: str) -> bool:
        if self.unit_id is not None:
            return self.unit_id == unit_id
        if self.kind_code:
            return self.kind_code == kind_code
        return True

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


def month_starts(start: date, end: date) -> list[date]:
    """First day of every month in [start, end] (start is a period's first day)."""
    months = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_end(first: date) -> date:
    following = date(first.year + 1, 1, 1) if first.month == 12 else date(first.year, first.month + 1, 1)
    return following - timedelta(days=1)


def rule_for_month(rules: Iterable[QuotaRuleFacts], unit_id: int, kind_code: str, first: date):
    """The rule governing a unit in the month starting on ``first``, or None.

    The rule in force on the month's first day, else one taking effect later that month;
    the most specific scope wins (unit, then kind, then every unit), then the latest start.
    """
    applicable = [rule for rule in rules if rule.applies_to(unit_id, kind_code)]
    last = _month_end(first)
    for day in (first, last):
        in_force = [rule for rule in applicable if rule.in_force_on(day)]
        if in_force:
            return max(in_force, key=lambda r: (r.specificity, r.valid_from, r.rule_id))
    return None


def resolve_quota(
    rules: Iterable[QuotaRuleFacts], unit_id: int, kind_code: str, start: date, end: date
) -> Quota | None:
    """A unit's targets over [start, end] (a reporting period), or None if it has none.

    Rules are stated per month, quarter or year. Each month of the period takes the rule
    governing it (see `rule_for_month`), pro rata (a quarterly 6 tin is 2 tin a month); the
    months are summed and rounded up. So a quarter under a quarterly rule gets exactly that
    rule's targets, a year whose rule changed on 1 July gets half of each, and a change in
    the middle of a quarter counts from the month it takes effect. Exempt rules and rules
    with zero targets give no quota for their months; a period with no quota in any month
    has none (the unit is not listed).
    """
    rules = list(rules)
    news = Fraction(0)
    articles = Fraction(0)
    governed = False
    for first in month_starts(start, end):
        rule = rule_for_month(rules, unit_id, kind_code, first)
        if rule is None or rule.exempt or (rule.news <= 0 and rule.articles <= 0):
            continue
        governed = True
        months = MONTHS_PER_PERIOD[rule.period_kind]
        news += Fraction(rule.news, months)
        articles += Fraction(rule.articles, months)
    if not governed:
        return None
    quota = Quota(math.ceil(news), math.ceil(articles))
    return None if quota.is_empty else quota


# -- report rows ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitFacts:
    """What the report needs to know about one unit for one period."""

    unit_id: int
    name: str
    display_name: str
    order: int
    kind_code: str
    news: int
    articles: int
    quota: Quota | None  # None: exempt, no row
    has_own_page: bool = False
    note_name: str = ""
    has_introduction: bool = True
    # Whether the unit's page had a (still live) post first published before the period ended.
    ever_published: bool = True
    remark: str = ""
    # The oversight office may write a remark that says the shortfall in its own words (the
    # seed's Ban Tuyên giáo row: "... Thiếu 1 bài ở Website Công đoàn Bình Thuận"), in which
    # case the computed "Thiếu ..." note is left out.
    remark_replaces_shortfall: bool = False
    # Days between each post's event and its first publication (Vietnam dates).
    delays: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReportRow:
    """One line of the quarterly table, plus the timeliness columns of the screen."""

    tt: int
    unit_id: int
    unit_name: str
    news: int
    articles: int
    quota_news: int
    quota_articles: int
    notes: tuple[str, ...] = ()
    late: int = 0
    median_delay: float | None = None
    timed_posts: int = 0
    kind_code: str = ""

    @property
    def missing_news(self) -> int:
        return max(self.quota_news - self.news, 0)

    @property
    def missing_articles(self) -> int:
        return max(self.quota_articles - self.articles, 0)

    @property
    def is_short(self) -> bool:
        return bool(self.missing_news or self.missing_articles)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["notes"] = list(self.notes)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> ReportRow:
        known = {name: data[name] for name in cls.__dataclass_fields__ if name in data}
        known["notes"] = tuple(known.get("notes", ()))
        return cls(**known)


def shortfall_parts(missing_news: int, missing_articles: int) -> str:
    """ "5 tin, 1 bài", "1 bài", "5 tin" (a zero part omitted); "" when nothing is missing."""
    parts = []
    if missing_news > 0:
        parts.append(f"{missing_news} tin")
    if missing_articles > 0:
        parts.append(f"{missing_articles} bài")
    return ", ".join(parts)


def shortfall_note(missing_news: int, missing_articles: int) -> str | None:
    """ "Thiếu 5 tin, 1 bài", "Thiếu 1 bài", "Thiếu 5 tin"; None when nothing is missing."""
    parts = shortfall_parts(missing_news, missing_articles)
    return SHORTFALL_NOTE.format(parts=parts) if parts else None


def notes_for(facts: UnitFacts) -> tuple[str, ...]:
    """The "Ghi chú" cell: shortfall, empty page, empty introduction, then the remark."""
    quota = facts.quota or Quota(0, 0)
    notes = []
    shortfall = shortfall_note(quota.news - facts.news, quota.articles - facts.articles)
    if shortfall and not (facts.remark.strip() and facts.remark_replaces_shortfall):
        notes.append(shortfall)
    if facts.has_own_page:
        if not facts.ever_published:
            notes.append(NO_POSTS_NOTE.format(name=facts.note_name or facts.display_name))
        if not facts.has_introduction:
            notes.append(NO_INTRODUCTION_NOTE)
    if facts.remark.strip():
        notes.append(facts.remark.strip())
    return tuple(notes)


@dataclass(frozen=True)
class Timeliness:
    late: int
    median_delay: float | None
    posts: int


def timeliness(delays: Iterable[int], late_after: int = LATE_AFTER_DAYS) -> Timeliness:
    """Posts published more than ``late_after`` days after their event, and the median delay.

    An event dated after publication (an announcement) counts as no delay.
    """
    days = [max(int(d), 0) for d in delays]
    if not days:
        return Timeliness(0, None, 0)
    return Timeliness(sum(1 for d in days if d > late_after), float(statistics.median(days)), len(days))


def report_rows(units: Iterable[UnitFacts]) -> list[ReportRow]:
    """The table: units with a quota, in report order, numbered TT 1..n."""
    listed = sorted((u for u in units if u.quota is not None), key=lambda u: (u.order, u.display_name))
    rows = []
    for tt, facts in enumerate(listed, start=1):
        timing = timeliness(facts.delays)
        rows.append(
            ReportRow(
                tt=tt,
                unit_id=facts.unit_id,
                unit_name=facts.display_name,
                news=facts.news,
                articles=facts.articles,
                quota_news=facts.quota.news,
                quota_articles=facts.quota.articles,
                notes=notes_for(facts),
                late=timing.late,
                median_delay=timing.median_delay,
                timed_posts=timing.posts,
                kind_code=facts.kind_code,
            )
        )
    return rows


# -- totals, progress, comparison ----------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    news: int = 0
    articles: int = 0
    quota_news: int = 0
    quota_articles: int = 0
    units: int = 0
    units_short: int = 0


def totals(rows: Sequence[ReportRow]) -> Totals:
    return Totals(
        news=sum(r.news for r in rows),
        articles=sum(r.articles for r in rows),
        quota_news=sum(r.quota_news for r in rows),
        quota_articles=sum(r.quota_articles for r in rows),
        units=len(rows),
        units_short=sum(1 for r in rows if r.is_short),
    )


def common_quota(rows: Sequence[ReportRow]) -> Quota | None:
    """The quota every row shares (for headers like "Tin (số lượng 6)"), or None if they differ."""
    quotas = {(r.quota_news, r.quota_articles) for r in rows}
    if len(quotas) != 1:
        return None
    news, articles = quotas.pop()
    return Quota(news, articles)


def elapsed_share(start: date, end: date, today: date) -> float:
    """How much of the period [start, end] has passed by the end of ``today`` (0..1)."""
    if today < start:
        return 0.0
    if today >= end:
        return 1.0
    return ((today - start).days + 1) / ((end - start).days + 1)


@dataclass(frozen=True)
class Progress:
    """A progress bar: the count, the target, how full the bar is and where 'today' sits."""

    count: int
    target: int
    percent: float  # of the target, capped at 100
    expected: float  # posts expected by today at an even pace
    expected_percent: float
    behind: bool

    @property
    def done(self) -> bool:
        return self.count >= self.target


def progress(count: int, target: int, share: float) -> Progress:
    if target <= 0:
        return Progress(count, target, 100.0, 0.0, 100.0, False)
    expected = target * share
    return Progress(
        count=count,
        target=target,
        percent=min(count / target, 1.0) * 100,
        expected=expected,
        expected_percent=min(share, 1.0) * 100,
        behind=count < math.floor(expected),
    )


@dataclass(frozen=True)
class RowChange:
    """A unit whose row differs between an issued report and the live computation."""

    unit_id: int
    unit_name: str
    issued: ReportRow | None
    live: ReportRow | None
    fields: tuple[str, ...] = field(default=())


COMPARED_FIELDS = ("unit_name", "news", "articles", "quota_news", "quota_articles", "notes")


def compare_rows(issued: Sequence[ReportRow], live: Sequence[ReportRow]) -> list[RowChange]:
    """Units added, removed or changed since a report was issued, in the issued order."""
    by_unit_live = {r.unit_id: r for r in live}
    by_unit_issued = {r.unit_id: r for r in issued}
    changes = []
    for row in issued:
        now = by_unit_live.get(row.unit_id)
        if now is None:
            changes.append(RowChange(row.unit_id, row.unit_name, row, None, ("unit",)))
            continue
        differing = tuple(name for name in COMPARED_FIELDS if getattr(row, name) != getattr(now, name))
        if differing:
            changes.append(RowChange(row.unit_id, row.unit_name, row, now, differing))
    for row in live:
        if row.unit_id not in by_unit_issued:
            changes.append(RowChange(row.unit_id, row.unit_name, None, row, ("unit",)))
    return changes
