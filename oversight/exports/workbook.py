"""The table as an XLSX workbook ready to print: the letter's table, then timeliness."""

from __future__ import annotations

import io
import math

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .document import FORMULA_TRIGGERS, ReportDocument, format_days, notes_cell

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _text(cell, value: str) -> None:
    """Write user text as text, never as a formula.

    A string starting with = + - @ is stored as a string with Excel's quote prefix (what
    typing an apostrophe before it does), so unit names and remarks cannot run as formulas.
    """
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True


def _title(ws: Worksheet, row: int, text: str, last_col: str, *, bold=True, italic=False, size=13) -> None:
    ws.merge_cells(f"A{row}:{last_col}{row}")
    cell = ws[f"A{row}"]
    _text(cell, text)
    cell.font = Font(name=FONT, size=size, bold=bold, italic=italic)
    cell.alignment = CENTRE


LINE_HEIGHT = 16  # points, for 12 pt Times New Roman


def _lines(value, width: float) -> int:
    """Lines a wrapped cell takes: spreadsheet programs do not grow rows written by openpyxl."""
    if not isinstance(value, str) or not value:
        return 1
    per_line = max(int(width * 1.15), 1)
    return sum(max(math.ceil(len(part) / per_line), 1) for part in value.split("\n"))


def _table(ws: Worksheet, top: int, headings: list[str], body: list[list], widths: list[float]) -> None:
    for col, heading in enumerate(headings, start=1):
        cell = ws.cell(row=top, column=col)
        _text(cell, heading)
        cell.font = Font(name=FONT, size=12, bold=True)
        cell.alignment = CENTRE
        cell.border = BORDER
    header_lines = max(_lines(h, w) for h, w in zip(headings, widths, strict=True))
    ws.row_dimensions[top].height = LINE_HEIGHT * header_lines + 4
    for offset, values in enumerate(body, start=1):
        lines = max(_lines(v, w) for v, w in zip(values, widths, strict=True))
        ws.row_dimensions[top + offset].height = LINE_HEIGHT * lines + 4
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=top + offset, column=col)
            _text(cell, value)
            cell.font = Font(name=FONT, size=12)
            cell.border = BORDER
            cell.alignment = (
                WRAP_TOP if isinstance(value, str) else Alignment(horizontal="center", vertical="top")
            )
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.print_title_rows = f"{top}:{top}"


def _print_setup(ws: Worksheet, landscape: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE if landscape else ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6


def to_xlsx(document: ReportDocument) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = document.period_code
    _title(ws, 1, document.title, "E")
    top = 3
    if document.subtitle:
        _title(ws, 2, document.subtitle, "E", bold=False, italic=True, size=12)
        top = 4
    body = [[r.tt, r.unit_name, r.news, r.articles, notes_cell(r.notes)] for r in document.rows]
    _table(ws, top, document.column_headings(), body, [6, 30, 11, 11, 48])
    ws.row_dimensions[1].height = 36
    _print_setup(ws, landscape=False)

    timing = wb.create_sheet("Thời gian đăng tải")
    _title(timing, 1, f"Thời gian đăng tải tin - bài trong {document.period_label}", "F")
    _title(
        timing,
        2,
        "(số tin - bài đăng sau ngày diễn ra sự kiện quá 7 ngày và số ngày trễ ở giữa)",
        "F",
        bold=False,
        italic=True,
        size=12,
    )
    headings = ["TT", "Đơn vị", "Số tin - bài", "Đăng trễ quá 7 ngày", "Trung vị số ngày trễ", "Ghi chú"]
    body = [
        [
            r.tt,
            r.unit_name,
            r.timed_posts,
            r.late,
            format_days(r.median_delay),
            "" if r.timed_posts else "Không có tin - bài trong kỳ",
        ]
        for r in document.rows
    ]
    _table(timing, 4, headings, body, [6, 32, 12, 14, 14, 30])
    _print_setup(timing, landscape=False)

    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
