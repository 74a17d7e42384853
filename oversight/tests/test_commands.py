"""`compliance_report`: the seed's table from the command line, in every format."""

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from oversight.services import issue_report

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quotas")]

CASE = json.loads((Path(__file__).resolve().parent / "cases" / "q1_2017.json").read_text(encoding="utf-8"))


def run(*args) -> str:
    out = io.StringIO()
    call_command("compliance_report", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_csv_reproduces_the_seed_table():
    rows = list(csv.reader(io.StringIO(run("2017-Q1", "--format", "csv"))))
    assert rows[0] == ["TT", "Đơn vị", "Tin", "Bài", "Ghi chú"]
    expected = [
        [str(r["tt"]), r["unit"], str(r["news"]), str(r["articles"]), "; ".join(r["notes"])]
        for r in CASE["rows"]
    ]
    assert rows[1:] == expected


def test_text_is_the_default_format():
    text = run("quý I/2017")
    assert text.splitlines()[0] == CASE["title"]
    for expected in CASE["rows"]:
        assert expected["unit"] in text


@pytest.mark.parametrize("period", ["quý 5/2017", "2017-13", "hôm qua"])
def test_bad_period_is_a_vietnamese_command_error(period):
    with pytest.raises(CommandError, match="Kỳ báo cáo không hợp lệ"):
        run(period)


def test_binary_formats_need_an_output_file():
    with pytest.raises(CommandError, match="--output"):
        run("2017-Q1", "--format", "xlsx")


def test_xlsx_and_docx_files(tmp_path):
    xlsx, docx = tmp_path / "bang.xlsx", tmp_path / "cong-van.docx"
    run("2017-Q1", "--format", "xlsx", "--output", str(xlsx))
    run("2017-Q1", "--format", "docx", "--output", str(docx), "--number", "435/LĐLĐ", "--date", "2017-04-24")
    sheet = load_workbook(xlsx).worksheets[0]
    assert sheet["A1"].value == CASE["title"]
    assert sheet["A2"].value is None  # a live table has no "(kèm theo Công văn ...)" line
    document = Document(str(docx))
    assert "Số: 435/LĐLĐ" in [p.text for p in document.tables[0].rows[0].cells[0].paragraphs]
    assert [c.text for c in document.tables[2].rows[6].cells[:4]] == ["6", "Ban Tuyên giáo", "8", "0"]


def test_bad_date_and_unwritable_output(tmp_path):
    with pytest.raises(CommandError, match="Ngày công văn không hợp lệ"):
        run("2017-Q1", "--format", "docx", "--output", str(tmp_path / "x.docx"), "--date", "24/4/2017")
    with pytest.raises(CommandError, match="Không ghi được tệp"):
        run("2017-Q1", "--format", "csv", "--output", str(tmp_path / "khong-co" / "x.csv"))


def test_issued_snapshot_from_the_command(tmp_path):
    with pytest.raises(CommandError, match="Chưa ban hành"):
        run("2017-Q1", "--issued")
    issue_report("2017-Q1", "435/LĐLĐ", datetime.date(2017, 4, 24))
    text = run("2017-Q1", "--issued")
    assert "(kèm theo Công văn số 435/LĐLĐ ngày 24/4/2017 của Ban Thường vụ Liên đoàn Lao động tỉnh)" in text
