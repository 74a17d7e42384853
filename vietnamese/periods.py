"""Reporting periods (quarter, month, year) in Vietnam time."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import total_ordering
from typing import Literal

from vietnamese.dates import VIETNAM_TZ, to_local

PeriodKind = Literal["quarter", "month", "year"]

MIN_YEAR = 1900
MAX_YEAR = 2999

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_FROM_ROMAN = {v.lower(): k for k, v in _ROMAN.items()}
_MAX_NUMBER = {"quarter": 4, "month": 12, "year": 1}
_MONTHS_PER = {"quarter": 3, "month": 1, "year": 12}
_KIND_VI = {"quarter": "quý", "month": "tháng", "year": "năm"}

_HELP = "Hãy nhập dạng 2017-Q1, 2017-03, 2017, quý I/2017 hoặc tháng 3/2017."


class PeriodError(ValueError):
    """Invalid reporting period; the message is Vietnamese, for end users."""


def roman(n: int) -> str:
    """Roman numeral for a quarter number 1..4."""
    try:
        return _ROMAN[n]
    except KeyError:
        raise ValueError(f"Quarter number must be 1..4, got {n!r}") from None


@total_ordering
@dataclass(frozen=True)
class Period:
    """A reporting period; ``number`` is the quarter (1-4), month (1-12) or 1."""

    kind: PeriodKind
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        if self.kind not in _MAX_NUMBER:
            raise PeriodError(f"Loại kỳ báo cáo không hợp lệ: «{self.kind}».")
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise PeriodError(f"Năm phải trong khoảng {MIN_YEAR}–{MAX_YEAR}: «{self.year}».")
        if not 1 <= self.number <= _MAX_NUMBER[self.kind]:
            raise PeriodError(f"Số {_KIND_VI[self.kind]} không hợp lệ: «{self.number}».")

    # -- boundaries -------------------------------------------------------
    @property
    def first_month(self) -> int:
        return (self.number - 1) * _MONTHS_PER[self.kind] + 1

    @property
    def start_date(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end_date(self) -> date:
        """Last day of the period (inclusive)."""
        return self._next_start_date() - timedelta(days=1)

    @property
    def start(self) -> datetime:
        """Start as an aware datetime at 00:00 Vietnam time."""
        return datetime.combine(self.start_date, datetime.min.time(), tzinfo=VIETNAM_TZ)

    @property
    def end(self) -> datetime:
        """Exclusive end: 00:00 Vietnam time on the first day of the next period."""
        return datetime.combine(self._next_start_date(), datetime.min.time(), tzinfo=VIETNAM_TZ)

    def _next_start_date(self) -> date:
        months = self.year * 12 + self.first_month - 1 + _MONTHS_PER[self.kind]
        return date(months // 12, months % 12 + 1, 1)

    # -- names ------------------------------------------------------------
    @property
    def code(self) -> str:
        """ "2017-Q1", "2017-03" or "2017"."""
        if self.kind == "quarter":
            return f"{self.year}-Q{self.number}"
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        return str(self.year)

    @property
    def label(self) -> str:
        """ "quý I/2017", "tháng 3/2017" or "năm 2017"."""
        if self.kind == "quarter":
            return f"quý {roman(self.number)}/{self.year}"
        if self.kind == "month":
            return f"tháng {self.number}/{self.year}"
        return f"năm {self.year}"

    def __str__(self) -> str:
        return self.code

    # -- navigation -------------------------------------------------------
    def _shift(self, step: int) -> Period:
        index = self.year * _MAX_NUMBER[self.kind] + self.number - 1 + step
        year, number = divmod(index, _MAX_NUMBER[self.kind])
        return Period(self.kind, year, number + 1)

    def next(self) -> Period:
        return self._shift(1)

    def previous(self) -> Period:
        return self._shift(-1)

    def contains(self, value: date | datetime) -> bool:
        """Whether a date, or a datetime (naive = Vietnam local), falls in the period."""
        if isinstance(value, datetime):
            return self.start <= to_local(value) < self.end
        return self.start_date <= value <= self.end_date

    @classmethod
    def containing(cls, value: date | datetime, kind: PeriodKind) -> Period:
        """The period of ``kind`` that contains a date or datetime (Vietnam time)."""
        d = to_local(value).date() if isinstance(value, datetime) else value
        if kind == "quarter":
            return cls(kind, d.year, (d.month - 1) // 3 + 1)
        if kind == "month":
            return cls(kind, d.year, d.month)
        return cls(kind, d.year, 1)

    for_date = containing

    # Ordered by time span, so periods of different kinds still compare sanely
    # (a month sorts before the quarter that starts on the same day).
    def _sort_key(self) -> tuple[date, date]:
        return (self.start_date, self.end_date)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()


_YEAR = r"(?P<year>\d{4})"
_PATTERNS = [
    ("quarter", re.compile(rf"{_YEAR}\s*-\s*q(?P<number>\d{{1,2}})")),
    ("quarter", re.compile(rf"q(?P<number>\d{{1,2}})\s*/\s*{_YEAR}")),
    ("quarter", re.compile(rf"quý\s*(?P<number>\d{{1,2}}|[ivx]+)\s*(?:/|năm)\s*{_YEAR}")),
    ("month", re.compile(rf"{_YEAR}\s*-\s*(?P<number>\d{{1,2}})")),
    ("month", re.compile(rf"(?P<number>\d{{1,2}})\s*/\s*{_YEAR}")),
    ("month", re.compile(rf"tháng\s*(?P<number>\d{{1,2}})\s*(?:/|năm)\s*{_YEAR}")),
    ("year", re.compile(rf"(?:năm\s*)?{_YEAR}")),
]


def parse_period(text: str | Period) -> Period:
    """Parse "2017-Q1", "Q1/2017", "quý I/2017", "2017-03", "tháng 3/2017", "năm 2017"...

    Raises PeriodError with a Vietnamese message on bad input.
    """
    if isinstance(text, Period):
        return text
    if not isinstance(text, str):
        raise PeriodError(f"Kỳ báo cáo không hợp lệ: «{text}». {_HELP}")
    shown = unicodedata.normalize("NFC", text).strip()
    cleaned = " ".join(shown.lower().split())
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(cleaned)
        if not match:
            continue
        raw = match.group("number") if kind != "year" else "1"
        number = int(raw) if raw.isdigit() else _FROM_ROMAN.get(raw, 0)
        try:
            return Period(kind, int(match.group("year")), number)  # type: ignore[arg-type]
        except PeriodError:
            break
    raise PeriodError(f"Kỳ báo cáo không hợp lệ: «{shown}». {_HELP}")
