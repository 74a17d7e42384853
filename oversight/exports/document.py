"""What every export needs: the rows, the period, and the letter's number, date and settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..rules import ReportRow, common_quota

# Cells a spreadsheet program could take for a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class ReportDocument:
    period_code: str
    period_label: str  # "quý I/2017"
    rows: list[ReportRow]
    letter: dict  # LetterSettings.as_dict()
    addressees: list[str] = field(default_factory=list)
    number: str = ""  # "435/LĐLĐ"; empty for a draft
    document_date: date | None = None
    issued: bool = False

    @property
    def website_name(self) -> str:
        return self.letter.get("website_name", "")

    @property
    def title(self) -> str:
        """ "Kết quả đăng tin - bài tại trang Website Công đoàn Bình Thuận trong quý I/2017"."""
        return f"Kết quả đăng tin - bài tại trang {self.website_name} trong {self.period_label}"

    @property
    def number_line(self) -> str:
        """ "Số: 435/LĐLĐ", or "Số:       /LĐLĐ" for a draft still to be numbered."""
        if self.number:
            return f"Số: {self.number}"
        return f"Số:{' ' * 8}/{self.letter.get('number_suffix', '')}"

    @property
    def short_date(self) -> str:
        """ "24/4/2017", as the attachment's heading writes it."""
        d = self.document_date
        return f"{d.day}/{d.month}/{d.year}" if d else ""

    @property
    def subtitle(self) -> str:
        """ "(kèm theo Công văn số 435/LĐLĐ ngày 24/4/2017 của Ban Thường vụ ...)" or ""."""
        if not self.number:
            return ""
        when = f" ngày {self.short_date}" if self.document_date else ""
        body = self.letter.get("issuing_body", "")
        by = f" của {body}" if body else ""
        return f"(kèm theo Công văn số {self.number}{when}{by})"

    def column_headings(self) -> list[str]:
        """ "TT | Đơn vị | Tin (số lượng 6) | Bài (số lượng 1) | Ghi chú" when all share one quota."""
        quota = common_quota(self.rows)
        news, articles = "Tin", "Bài"
        if quota is not None:
            news = f"Tin (số lượng {quota.news})"
            articles = f"Bài (số lượng {quota.articles})"
        return ["TT", "Đơn vị", news, articles, "Ghi chú"]


def notes_cell(notes) -> str:
    """One note as is; several as "- a" lines, as the letter's table writes them."""
    notes = list(notes)
    if len(notes) <= 1:
        return notes[0] if notes else ""
    return "\n".join(f"- {note}" for note in notes)


def format_days(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}".replace(".", ",")


def neutralise(value: str) -> str:
    """Prefix an apostrophe to user text a spreadsheet could run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
