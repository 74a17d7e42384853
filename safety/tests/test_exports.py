"""Spreadsheet cells never become formulas."""

import csv
import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from safety.exports import FORMULA_TRIGGERS, neutralise_cell, neutralise_row, write_text_cell

DANGEROUS = [
    "=1+1",
    '=HYPERLINK("http://evil.example","Bấm vào đây")',
    "+84 252 3822 111",
    "-5 tin",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("text", DANGEROUS)
def test_formula_like_text_is_prefixed(text):
    assert neutralise_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Ban Tuyên giáo", "Thiếu 5 tin, 1 bài", "", " =1", 1234000, -5, 0.5, None])
def test_other_values_unchanged(value):
    assert neutralise_cell(value) == value


def test_dates_unchanged():
    assert neutralise_cell(date(2017, 4, 24)) == date(2017, 4, 24)


@given(st.text())
def test_never_starts_with_a_trigger_and_keeps_the_text(text):
    result = neutralise_cell(text)
    assert not result.startswith(FORMULA_TRIGGERS)
    assert result.endswith(text) and len(result) - len(text) in (0, 1)


@given(st.text())
def test_agrees_with_the_oversight_exports(text):
    document = pytest.importorskip("oversight.exports.document")
    assert document.neutralise(text) == neutralise_cell(text)
    assert tuple(document.FORMULA_TRIGGERS) == FORMULA_TRIGGERS


def test_csv_round_trip_keeps_text_as_text():
    buffer = io.StringIO()
    csv.writer(buffer).writerow(neutralise_row(["=1+1", "LĐLĐ huyện Tuy Phong", 6]))
    row = next(csv.reader(io.StringIO(buffer.getvalue())))
    assert row == ["'=1+1", "LĐLĐ huyện Tuy Phong", "6"]


def test_xlsx_cell_keeps_the_text_and_is_not_a_formula(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    for row, text in enumerate(DANGEROUS, start=1):
        write_text_cell(sheet.cell(row=row, column=1), text)
    write_text_cell(sheet.cell(row=len(DANGEROUS) + 1, column=1), 1_234_000)
    path = tmp_path / "bao-cao.xlsx"
    workbook.save(path)
    loaded = load_workbook(path).active
    for row, text in enumerate(DANGEROUS, start=1):
        cell = loaded.cell(row=row, column=1)
        assert cell.value == text
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert loaded.cell(row=len(DANGEROUS) + 1, column=1).value == 1_234_000
