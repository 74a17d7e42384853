"""Spreadsheet-safe cells for every XLSX/CSV export (OWASP "CSV injection").

A spreadsheet program runs a cell that starts with = + - @ (or tab / carriage return, which some
programs skip before looking for one) as a formula, so a unit name, a post title, an author or a
remark typed as ``=HYPERLINK("http://evil", "Bấm vào đây")`` would become a live formula in the
office's Excel. ``neutralise_cell`` prefixes such text with an apostrophe, which spreadsheets show as
plain text. Numbers, dates and None are data, not text typed by a user, and pass through unchanged.

oversight/exports/document.py has the same rule (``neutralise``, FORMULA_TRIGGERS); a test keeps the
two in agreement. In openpyxl, prefer writing the string unchanged with ``cell.quotePrefix = True``
(what oversight/exports/workbook.py does): see ``write_text_cell``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralise_cell(value: Any) -> Any:
    """ "=1+1" -> "'=1+1"; other strings, numbers, dates and None unchanged."""
    if is_formula_like(value):
        return "'" + value
    return value


def neutralise_row(values: Iterable[Any]) -> list[Any]:
    """``neutralise_cell`` over a CSV row."""
    return [neutralise_cell(v) for v in values]


def write_text_cell(cell, value: Any) -> None:
    """Write a value into an openpyxl cell so that text never becomes a formula.

    The text is stored unchanged, as a string, with Excel's quote prefix (the cell shows exactly what
    was typed, and a formula-looking text stays text when the cell is edited).
    """
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
