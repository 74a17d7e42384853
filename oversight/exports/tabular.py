"""The table as CSV (UTF-8, header `TT,Đơn vị,Tin,Bài,Ghi chú`) and as aligned plain text."""

from __future__ import annotations

import csv
import io
import textwrap
import unicodedata

from .document import ReportDocument, format_days, neutralise

CSV_HEADER = ["TT", "Đơn vị", "Tin", "Bài", "Ghi chú"]
NOTES_SEPARATOR = "; "


def to_csv(document: ReportDocument) -> str:
    """One row per unit; several notes joined by "; "; user text neutralised for spreadsheets."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in document.rows:
        writer.writerow(
            [
                row.tt,
                neutralise(row.unit_name),
                row.news,
                row.articles,
                neutralise(NOTES_SEPARATOR.join(row.notes)),
            ]
        )
    return buffer.getvalue()


def display_width(text: str) -> int:
    """Columns a string takes in a terminal (combining marks take none)."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def _pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(width - display_width(text), 0)
    return gap + text if right else text + gap


TEXT_HEADER = ["TT", "Đơn vị", "Tin", "Bài", "Ghi chú", "Trễ >7 ngày", "Trung vị (ngày)"]
NOTES_WIDTH = 60


def to_text(document: ReportDocument, notes_width: int = NOTES_WIDTH) -> str:
    """An aligned table for the terminal; long notes wrap inside their column."""
    headings = document.column_headings()[:4] + TEXT_HEADER[4:]
    cells = []
    for row in document.rows:
        notes = []
        for note in row.notes:
            lines = textwrap.wrap(note, notes_width) or [""]
            prefix = "- " if len(row.notes) > 1 else ""
            notes.append(prefix + lines[0])
            notes.extend(("  " if prefix else "") + line for line in lines[1:])
        cells.append(
            (
                [str(row.tt), row.unit_name, str(row.news), str(row.articles)],
                notes or [""],
                [str(row.late) if row.timed_posts else "", format_days(row.median_delay)],
            )
        )
    widths = [display_width(h) for h in headings]
    for first, notes, last in cells:
        for index, value in enumerate(first + [None] + last):
            if value is not None:
                widths[index] = max(widths[index], display_width(value))
        widths[4] = max([widths[4]] + [display_width(line) for line in notes])
    right = {0, 2, 3, 5, 6}

    def line(values):
        return " | ".join(_pad(v, widths[i], i in right) for i, v in enumerate(values)).rstrip()

    rule = "-+-".join("-" * w for w in widths)
    out = [document.title]
    if document.subtitle:
        out.append(document.subtitle)
    out += ["", line(headings), rule]
    for first, notes, last in cells:
        out.append(line(first + [notes[0]] + last))
        for extra in notes[1:]:
            out.append(line(["", "", "", "", extra, "", ""]))
    return "\n".join(out) + "\n"
