"""The royalty desk's one query module: statements as plain rows.

`statement_rows(unit, month)` is what the command, the admin screens and every export show.
Open statements are computed live from the published posts; closed ones are read back from
their frozen lines. Both come out as the same `StatementReport`.

The number of queries does not grow with the number of posts, units or months: reference
data, statements, frozen lines, posts and authors are each read in one query, and the rows
are built in Python by `royalties.rules`.

Adjustments (DESIGN.md: a closed statement never changes; corrections are new lines later).
For each unit, the month after its latest closed statement carries the adjustments: for every
(post, author) of the unit's closed months, what is due now minus what the closed statements
already gave. A post unpublished, moved or deleted is due nothing now; a post regraded, or
whose photos, authors or shares changed, is due its new amount.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from posts.models import PostAuthor, PostPage
from units.models import Unit
from vietnamese.dates import VIETNAM_TZ, format_date, to_local
from vietnamese.numwords import amount_in_words
from vietnamese.periods import Period, PeriodError, parse_period
from vietnamese.sorting import people_sorted
from vietnamese.text import fold

from . import rules
from .models import (
    BaseSalary,
    Grade,
    PostKindChoice,
    RateTable,
    RoyaltySettings,
    SalaryBasis,
    Statement,
    StatementLine,
    StatementState,
)

# -- reference data ---------------------------------------------------------------


@dataclass(frozen=True)
class TableData:
    name: str
    decision: str
    valid_from: datetime.date
    is_example: bool
    rates: dict[tuple[str, str], rules.Rate]
    photo_extra: rules.PhotoExtra


@dataclass
class Policy:
    """Settings and reference data as plain values, read once per computation."""

    start_date: datetime.date
    salary_basis: str
    step: int
    tax: rules.TaxPolicy
    organisation_name: str
    place: str
    tables: list[TableData]  # newest first
    salaries: list[tuple[datetime.date, int]]  # newest first
    grades: dict[str, str]

    @property
    def start(self) -> datetime.datetime:
        return datetime.datetime.combine(self.start_date, datetime.time.min, tzinfo=VIETNAM_TZ)

    def table_for(self, day: datetime.date) -> TableData | None:
        return next((t for t in self.tables if t.valid_from <= day), None)

    def salary_for(self, day: datetime.date) -> int | None:
        return next((amount for valid_from, amount in self.salaries if valid_from <= day), None)


def load_policy() -> Policy:
    settings = RoyaltySettings.load()
    tables = list(RateTable.objects.prefetch_related("entries__grade").order_by("-valid_from"))
    return Policy(
        start_date=settings.start_date,
        salary_basis=settings.salary_basis,
        step=settings.rounding_step or 1,
        tax=settings.tax_policy(),
        organisation_name=settings.organisation_name,
        place=settings.place,
        tables=[
            TableData(
                name=table.name,
                decision=table.decision,
                valid_from=table.valid_from,
                is_example=table.is_example,
                rates={(entry.kind, entry.grade.code): entry.rate() for entry in table.entries.all()},
                photo_extra=table.photo_extra(),
            )
            for table in tables
        ],
        salaries=list(BaseSalary.objects.order_by("-valid_from").values_list("valid_from", "amount")),
        grades=dict(Grade.objects.values_list("code", "name")),
    )


# -- rows -------------------------------------------------------------------------


@dataclass
class Line:
    """One post-author row of a statement (live or frozen)."""

    post_id: int
    title: str
    kind: str
    first_published_at: datetime.datetime | None
    post_month: str
    author: str
    author_key: str
    share: Fraction | None = None
    grade: str = ""
    photos: int = 0
    coefficient: Fraction | Decimal | None = None
    base_salary: int | None = None
    post_amount: int = 0
    amount: int = 0
    tax: int = 0
    is_adjustment: bool = False
    note: str = ""
    position: int = 0
    problem: str = ""

    @property
    def net(self) -> int:
        return self.amount - self.tax

    @property
    def kind_label(self) -> str:
        return str(PostKindChoice(self.kind).label) if self.kind in PostKindChoice.values else ""

    @property
    def coefficient_text(self) -> str:
        return rules.coefficient_text(self.coefficient)

    @property
    def published_on(self) -> str:
        return format_date(self.first_published_at) if self.first_published_at else ""

    @property
    def share_percent(self) -> Decimal | None:
        if self.share is None:
            return None
        value = Fraction(self.share) * 100
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))


class _NetOfTax:
    """What is paid out of a `gross` amount once its `tax` is withheld."""

    gross: int
    tax: int

    @property
    def net(self) -> int:
        return self.gross - self.tax


class _InWords:
    """The Vietnamese words of the `totals`' gross amount (the line under a table of money)."""

    totals: rules.Totals

    @property
    def amount_in_words(self) -> str:
        return amount_in_words(self.totals.gross)


@dataclass
class AuthorPayment(_NetOfTax):
    name: str
    key: str
    gross: int
    tax: int
    lines: int


@dataclass
class StatementReport(_InWords):
    unit: Unit
    period: Period
    state: str
    statement: Statement | None
    lines: list[Line]
    authors: list[AuthorPayment]
    totals: rules.Totals
    problems: list[str] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    is_example: bool = False
    organisation_name: str = ""
    place: str = ""

    @property
    def is_open(self) -> bool:
        return self.state == StatementState.OPEN

    @property
    def state_label(self) -> str:
        return str(StatementState(self.state).label)

    @property
    def posts(self) -> int:
        return len({line.post_id for line in self.lines if not line.is_adjustment})

    @property
    def adjustments(self) -> list[Line]:
        return [line for line in self.lines if line.is_adjustment]

    @property
    def title(self) -> str:
        return _("Bảng kê chi trả nhuận bút %(period)s") % {"period": self.period.label}

    @property
    def can_close(self) -> bool:
        return self.is_open and not self.problems and month_has_ended(self.period)


# -- helpers ----------------------------------------------------------------------


def month_period(month: str | Period) -> Period:
    """A month from "2017-03", "3/2017", "tháng 3/2017" (PeriodError with a Vietnamese message)."""
    period = parse_period(month)
    if period.kind != "month":
        raise PeriodError(
            _("Bảng kê nhuận bút lập theo tháng: hãy nhập dạng 2017-03 (nhận được «%(text)s»).")
            % {"text": month}
        )
    return period


def month_has_ended(period: Period, now: datetime.datetime | None = None) -> bool:
    return (now or timezone.now()) >= period.end


def _in_report_order(units: Iterable[Unit] | None) -> list[Unit]:
    """The units asked for (every unit when None), in the order of the federation's reports."""
    units = list(units if units is not None else Unit.objects.all())
    units.sort(key=lambda u: (u.report_order, u.name))
    return units


def find_unit(text: str) -> Unit:
    """A unit by code, name or short name (accents and case ignored). Unit.DoesNotExist otherwise."""
    text = (text or "").strip()
    unit = Unit.objects.filter(code=text).first()
    if unit:
        return unit
    wanted = fold(text)
    matches = [u for u in Unit.objects.all() if wanted and wanted in (fold(u.name), fold(u.short_name))]
    if len(matches) != 1:
        raise Unit.DoesNotExist(text)
    return matches[0]


def _frozen(path: str = "") -> Q:
    """Closed or paid statements (`Statement.is_frozen`), reached through `path` ("statement__")."""
    return ~Q(**{f"{path}state": StatementState.OPEN})


def _month_code(moment: datetime.datetime) -> str:
    return Period.containing(moment, "month").code


def _exact_percent(value) -> int | None:
    return None if value is None else int(value)


@dataclass
class _Post:
    id: int
    title: str
    kind: str
    unit_id: int
    first_published_at: datetime.datetime
    grade: str
    photos: int
    authors: list[tuple[str, int | None]]

    @property
    def month(self) -> str:
        return _month_code(self.first_published_at)


def _read_posts(queryset) -> list[_Post]:
    """Posts with their photo count and authors: two queries whatever their number."""
    rows = list(
        queryset.annotate(photo_count=Count("images", distinct=True))
        .order_by("first_published_at", "pk")
        .values("pk", "title", "kind", "unit_id", "first_published_at", "grade", "photo_count")
    )
    authors: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    for page_id, name, share in (
        PostAuthor.objects.filter(page__in=queryset.values("pk"))
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "name", "share_percent")
    ):
        authors[page_id].append((name, share))
    return [
        _Post(
            id=row["pk"],
            title=row["title"],
            kind=row["kind"],
            unit_id=row["unit_id"],
            first_published_at=row["first_published_at"],
            grade=row["grade"] or "",
            photos=row["photo_count"],
            authors=authors.get(row["pk"], []),
        )
        for row in rows
    ]


def _due_posts(
    policy: Policy, unit_ids: Iterable[int], start: datetime.datetime, end: datetime.datetime
) -> list[_Post]:
    """Live posts of the units first published in [start, end), not before the start date."""
    return _read_posts(
        PostPage.objects.live().filter(
            unit_id__in=list(unit_ids),
            first_published_at__gte=max(start, policy.start),
            first_published_at__lt=end,
        )
    )


def _share_problem(error: rules.RuleError) -> str:
    if error.code == "no_authors":
        return _("Chưa ghi tác giả.")
    if error.code == "shares_not_100":
        return _("Tỷ lệ nhuận bút của các tác giả cộng lại là %(total)s%%, phải bằng 100%%.") % error.params
    return _("Tỷ lệ nhuận bút của tác giả không hợp lệ.")


def post_lines(
    post: _Post, policy: Policy, payment_day: datetime.date, salary: int | None = None
) -> list[Line]:
    """What a post is due now, one line per author (amount 0 and a problem when it cannot be computed)."""
    day = to_local(post.first_published_at).date()
    base = {
        "post_id": post.id,
        "title": post.title,
        "kind": post.kind,
        "first_published_at": post.first_published_at,
        "post_month": post.month,
        "grade": post.grade,
        "photos": post.photos,
    }
    authors = post.authors or [("", None)]
    problem = ""
    amount = None
    table = policy.table_for(day)
    if table is None:
        problem = _("Chưa có bảng mức nhuận bút áp dụng cho ngày %(day)s.") % {"day": format_date(day)}
    else:
        rate = table.rates.get((post.kind, post.grade))
        if rate is None:
            problem = _("Bảng mức “%(table)s” chưa có mức cho %(kind)s loại %(grade)s.") % {
                "table": table.name,
                "kind": str(PostKindChoice(post.kind).label).lower()
                if post.kind in PostKindChoice.values
                else "",
                "grade": post.grade or "?",
            }
        else:
            if salary is None:
                salary_day = day if policy.salary_basis == SalaryBasis.PUBLICATION else payment_day
                salary = policy.salary_for(salary_day)
            try:
                amount = rules.post_amount(rate, post.photos, table.photo_extra, salary, policy.step)
            except rules.RuleError:
                problem = _("Chưa có mức lương cơ sở áp dụng cho ngày %(day)s.") % {"day": format_date(day)}
    shares: list[Fraction | None] = [None] * len(authors)
    parts = [0] * len(authors)
    if amount is not None:
        try:
            shares = list(rules.resolve_shares([_exact_percent(share) for _name, share in post.authors]))
            parts = rules.allocate(amount.amount, shares, quantum=policy.step)
        except rules.RuleError as error:
            problem = _share_problem(error)
            shares, parts = [None] * len(authors), [0] * len(authors)
    lines = []
    for (name, _share), share, part in zip(authors, shares, parts, strict=True):
        lines.append(
            Line(
                **base,
                author=name or _("(chưa ghi tác giả)"),
                author_key=fold(name),
                share=share,
                coefficient=amount.coefficient if amount else None,
                base_salary=amount.base_salary if amount else None,
                post_amount=amount.amount if amount and not problem else 0,
                amount=part,
                problem=problem,
                note=problem,
            )
        )
    return lines


# The fields a `StatementLine` shares with a `Line`, by name: closing copies them from the line
# (`services.statement_close`), a frozen statement reads them back (`_frozen_line`). The share is
# a percentage on one and a fraction on the other; `net` is stored, not a field of the line.
LINE_FIELDS = (
    "position",
    "post_id",
    "title",
    "kind",
    "first_published_at",
    "post_month",
    "author",
    "author_key",
    "grade",
    "photos",
    "coefficient",
    "base_salary",
    "post_amount",
    "amount",
    "tax",
    "is_adjustment",
    "note",
)


def line_values(source: Line | StatementLine) -> dict:
    """The `LINE_FIELDS` of a line, live or frozen, as keyword arguments for the other kind."""
    return {name: getattr(source, name) for name in LINE_FIELDS}


def _frozen_line(row: StatementLine) -> Line:
    share = None if row.share_percent is None else Fraction(row.share_percent) / 100
    return Line(**line_values(row), share=share)


# -- adjustments ------------------------------------------------------------------


@dataclass
class _Frozen:
    amount: int = 0
    last: StatementLine | None = None


def _adjustment_note(unit_id: int, frozen: _Frozen | None, due: Line | None, gone: dict[int, dict]) -> str:
    last = frozen.last if frozen else None
    month = parse_period(last.post_month if last else due.post_month).label
    prefix = _("Điều chỉnh %(month)s") % {"month": month}
    if due is None:
        info = gone.get(last.post_id)
        if info is None:
            reason = _("tin - bài đã bị xóa")
        elif not info["live"]:
            reason = _("tin - bài đã gỡ xuống")
        elif info["unit_id"] != unit_id:
            reason = _("tin - bài đã chuyển sang đơn vị khác")
        else:
            reason = _("tác giả không còn trong tin - bài")
    elif last is None:
        reason = _("chưa có trong bảng kê đã chốt")
    elif last.grade != due.grade:
        reason = _("xếp loại %(old)s → %(new)s") % {"old": last.grade, "new": due.grade}
    elif last.photos != due.photos:
        reason = _("số ảnh %(old)s → %(new)s") % {"old": last.photos, "new": due.photos}
    elif (last.share_percent is None) != (due.share is None) or (
        last.share_percent is not None and Decimal(last.share_percent) != due.share_percent
    ):
        reason = _("tỷ lệ chia giữa các tác giả thay đổi")
    else:
        reason = _("mức nhuận bút thay đổi")
    return f"{prefix}: {reason}"


def _adjustment_lines(
    unit_id: int,
    closed_months: set[str],
    frozen_rows: Sequence[StatementLine],
    due_posts: Sequence[_Post],
    gone: dict[int, dict],
    policy: Policy,
    payment_day: datetime.date,
) -> list[Line]:
    frozen: dict[tuple[int, str], _Frozen] = {}
    salary_of_post: dict[int, int] = {}
    for row in frozen_rows:
        entry = frozen.setdefault((row.post_id, row.author_key), _Frozen())
        entry.amount += row.amount
        if not row.is_adjustment or entry.last is None:
            entry.last = row
        if row.base_salary and not row.is_adjustment:
            salary_of_post[row.post_id] = row.base_salary
    due: dict[tuple[int, str], Line] = {}
    for post in due_posts:
        if post.month not in closed_months:
            continue
        # Paid at the salary of the day it was first paid, when the setting says so.
        salary = salary_of_post.get(post.id) if policy.salary_basis == SalaryBasis.PAYMENT else None
        for line in post_lines(post, policy, payment_day, salary):
            if line.problem:
                continue  # shown as a problem, not as money, until fixed
            key = (line.post_id, line.author_key)
            if key in due:
                due[key].amount += line.amount
            else:
                due[key] = line
    lines = []
    for key in sorted(set(frozen) | set(due), key=lambda k: (_sort_moment(frozen.get(k), due.get(k)), k)):
        before = frozen.get(key)
        now = due.get(key)
        difference = (now.amount if now else 0) - (before.amount if before else 0)
        if difference == 0:
            continue
        if now is not None:
            line = replace(now)
        else:
            line = replace(_frozen_line(before.last), grade="", photos=0, coefficient=None, share=None)
        line.tax = 0
        line.post_amount = 0
        line.base_salary = None
        line.amount = difference
        line.is_adjustment = True
        line.note = _adjustment_note(unit_id, before, now, gone)
        lines.append(line)
    return lines


def _sort_moment(frozen: _Frozen | None, due: Line | None):
    moment = due.first_published_at if due else (frozen.last.first_published_at if frozen else None)
    return moment or datetime.datetime.min.replace(tzinfo=datetime.UTC)


# -- statements -------------------------------------------------------------------


def _assemble(unit, period, state, statement, lines, policy, frozen=False) -> StatementReport:
    if not frozen:
        # Posts in publication order come first, then the adjustments.
        by_author: dict[str, list[Line]] = defaultdict(list)
        for line in lines:
            by_author[line.author_key].append(line)
        for author_lines in by_author.values():
            _payment, taxes = rules.payment([line.amount for line in author_lines], policy.tax)
            for line, tax in zip(author_lines, taxes, strict=True):
                line.tax = tax
        for position, line in enumerate(lines, start=1):
            line.position = position
    authors: dict[str, AuthorPayment] = {}
    for line in lines:
        payment = authors.get(line.author_key)
        if payment is None:
            payment = authors[line.author_key] = AuthorPayment(line.author, line.author_key, 0, 0, 0)
        payment.gross += line.amount
        payment.tax += line.tax
        payment.lines += 1
    problems = []
    for line in lines:
        problem = f"{line.title}: {line.problem}" if line.problem else ""
        if problem and problem not in problems:
            problems.append(problem)
    tables = []
    is_example = bool(statement and statement.is_example)
    if not frozen:
        for line in lines:
            if line.first_published_at is None:
                continue
            table = policy.table_for(to_local(line.first_published_at).date())
            if table and table.name not in tables:
                tables.append(table.name)
                is_example = is_example or table.is_example
    return StatementReport(
        unit=unit,
        period=period,
        state=state,
        statement=statement,
        lines=lines,
        authors=sorted(authors.values(), key=lambda a: _author_order(a, lines)),
        totals=rules.totals([(line.amount, line.tax) for line in lines]),
        problems=problems,
        tables=tables,
        is_example=is_example,
        organisation_name=policy.organisation_name,
        place=policy.place,
    )


def _author_order(author: AuthorPayment, lines: list[Line]) -> int:
    return next(line.position for line in lines if line.author_key == author.key)


def compute_statements(
    units: Sequence[Unit], periods: Sequence[Period], *, payment_day: datetime.date | None = None
) -> dict[tuple[int, str], StatementReport]:
    """Every (unit, month) statement asked for, live or frozen, in a fixed number of queries."""
    units = list(units)
    periods = sorted(set(periods))
    if not units or not periods:
        return {}
    payment_day = payment_day or timezone.localdate()
    policy = load_policy()
    unit_ids = [unit.pk for unit in units]
    statements = {
        (s.unit_id, s.month): s for s in Statement.objects.filter(unit_id__in=unit_ids).select_related("unit")
    }
    closed_months: dict[int, set[str]] = defaultdict(set)
    for (unit_id, month), statement in statements.items():
        if statement.is_frozen:
            closed_months[unit_id].add(month)
    wanted = {(unit_id, period.code) for unit_id in unit_ids for period in periods}

    # Frozen statements: their lines, as stored.
    frozen_wanted = [statements[key].pk for key in wanted if key in statements and statements[key].is_frozen]
    frozen_lines: dict[int, list[Line]] = defaultdict(list)
    for row in StatementLine.objects.filter(statement_id__in=frozen_wanted).order_by(
        "statement_id", "position"
    ):
        frozen_lines[row.statement_id].append(_frozen_line(row))

    # Open statements: the live posts of their month.
    live_lines: dict[tuple[int, str], list[Line]] = defaultdict(list)
    open_units = {unit_id for unit_id, code in wanted if code not in closed_months[unit_id]}
    if open_units:
        posts = _due_posts(policy, open_units, periods[0].start, periods[-1].end)
        for post in posts:
            key = (post.unit_id, post.month)
            if key in wanted and post.month not in closed_months[post.unit_id]:
                live_lines[key].extend(post_lines(post, policy, payment_day))

    # Adjustments: in the month after each unit's latest closed statement.
    adjustment_month = {
        unit_id: parse_period(max(months)).next().code for unit_id, months in closed_months.items() if months
    }
    adjusting = [u for u in unit_ids if (u, adjustment_month.get(u)) in wanted]
    if adjusting:
        rows = list(
            StatementLine.objects.filter(_frozen("statement__"), statement__unit_id__in=adjusting).order_by(
                "statement__month", "position"
            )
        )
        statement_units = {s.pk: s.unit_id for s in statements.values()}
        rows_by_unit: dict[int, list[StatementLine]] = defaultdict(list)
        for row in rows:
            rows_by_unit[statement_units[row.statement_id]].append(row)
        latest_end = max(parse_period(adjustment_month[u]).start for u in adjusting)
        due_posts = _due_posts(policy, adjusting, policy.start, latest_end)
        posts_by_unit: dict[int, list[_Post]] = defaultdict(list)
        for post in due_posts:
            posts_by_unit[post.unit_id].append(post)
        due_ids = {post.id for post in due_posts}
        missing = {row.post_id for row in rows} - due_ids
        gone = (
            {
                row["pk"]: row
                for row in PostPage.objects.filter(pk__in=missing).values("pk", "live", "unit_id")
            }
            if missing
            else {}
        )
        for unit_id in adjusting:
            live_lines[(unit_id, adjustment_month[unit_id])].extend(
                _adjustment_lines(
                    unit_id,
                    closed_months[unit_id],
                    rows_by_unit[unit_id],
                    posts_by_unit[unit_id],
                    gone,
                    policy,
                    payment_day,
                )
            )

    reports = {}
    for unit in units:
        for period in periods:
            statement = statements.get((unit.pk, period.code))
            if statement is not None and statement.is_frozen:
                reports[(unit.pk, period.code)] = _assemble(
                    unit, period, statement.state, statement, frozen_lines[statement.pk], policy, frozen=True
                )
            else:
                reports[(unit.pk, period.code)] = _assemble(
                    unit, period, StatementState.OPEN, statement, live_lines[(unit.pk, period.code)], policy
                )
    return reports


def statement_rows(unit: Unit, month: str | Period, **kwargs) -> StatementReport:
    """One unit's statement for one month: the rows the screen, the command and the exports show."""
    period = month_period(month)
    return compute_statements([unit], [period], **kwargs)[(unit.pk, period.code)]


# -- federation summary and author view -----------------------------------------


@dataclass
class FederationSummary(_InWords):
    period: Period
    reports: list[StatementReport]
    totals: rules.Totals


def federation_summary(month: str | Period, units: Iterable[Unit] | None = None) -> FederationSummary:
    """Every unit's statement for a month, in report order, with the federation's totals."""
    period = month_period(month)
    units = _in_report_order(units)
    reports = compute_statements(units, [period])
    rows = [reports[(unit.pk, period.code)] for unit in units]
    return FederationSummary(
        period=period,
        reports=rows,
        totals=rules.totals([(r.totals.gross, r.totals.tax) for r in rows]),
    )


@dataclass
class AuthorStatementRow(_NetOfTax):
    report: StatementReport
    lines: list[Line]
    gross: int
    tax: int


@dataclass
class AuthorReport:
    name: str
    first: Period
    last: Period
    rows: list[AuthorStatementRow]
    totals: rules.Totals


def months_between(first: Period, last: Period) -> list[Period]:
    if last < first:
        first, last = last, first
    months, current = [], first
    while current <= last:
        months.append(current)
        current = current.next()
    return months


def author_rows(
    name: str, first: str | Period, last: str | Period, units: Iterable[Unit] | None = None
) -> AuthorReport:
    """Everything one person (matched by folded name) earned across units, month by month.

    One statement is one payment: the tax shown is what each statement withheld.
    """
    first_period, last_period = month_period(first), month_period(last)
    months = months_between(first_period, last_period)
    units = _in_report_order(units)
    key = fold(name)
    reports = compute_statements(units, months)
    rows = []
    for period in months:
        for unit in units:
            report = reports[(unit.pk, period.code)]
            lines = [line for line in report.lines if line.author_key == key]
            if lines:
                rows.append(
                    AuthorStatementRow(
                        report=report,
                        lines=lines,
                        gross=sum(line.amount for line in lines),
                        tax=sum(line.tax for line in lines),
                    )
                )
    return AuthorReport(
        name=name,
        first=months[0],
        last=months[-1],
        rows=rows,
        totals=rules.totals([(row.gross, row.tax) for row in rows]),
    )


def author_names(units: Iterable[Unit] | None = None) -> list[str]:
    """Distinct author names (for suggestions), one spelling per folded name, in the Vietnamese
    order of lists of people (given name first, see vietnamese.sorting.person_sort_key)."""
    queryset = PostAuthor.objects.all()
    if units is not None:
        queryset = queryset.filter(page__unit__in=list(units))
    seen: dict[str, str] = {}
    for name in queryset.order_by("name").values_list("name", flat=True).distinct():
        seen.setdefault(fold(name), name)
    return people_sorted(seen.values())


def post_month_is_closed(post: PostPage) -> bool:
    """Whether the statement of the post's month is closed: its grade then no longer changes
    that statement (a change becomes an adjustment line in a later month)."""
    if not post.first_published_at or not post.unit_id:
        return False
    return Statement.objects.filter(
        _frozen(), unit_id=post.unit_id, month=_month_code(post.first_published_at)
    ).exists()


__all__ = [
    "AuthorReport",
    "FederationSummary",
    "Line",
    "StatementReport",
    "author_rows",
    "compute_statements",
    "federation_summary",
    "find_unit",
    "month_period",
    "post_month_is_closed",
    "statement_rows",
]
