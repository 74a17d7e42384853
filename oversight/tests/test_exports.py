"""Exports opened again (csv, openpyxl, python-docx) and checked for their content."""

import csv
import datetime
import io
import json
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from oversight.documents import addressees, live_document
from oversight.exports.document import ReportDocument, notes_cell
from oversight.exports.letter import to_docx
from oversight.exports.tabular import CSV_HEADER, to_csv, to_text
from oversight.exports.workbook import to_xlsx
from oversight.models import LetterSettings
from oversight.rules import ReportRow

CASE = json.loads((Path(__file__).resolve().parent / "cases" / "q1_2017.json").read_text(encoding="utf-8"))
TITLE = "Kết quả đăng tin - bài tại trang Website Công đoàn Bình Thuận trong quý I/2017"
SUBTITLE = "(kèm theo Công văn số 435/LĐLĐ ngày 24/4/2017 của Ban Thường vụ Liên đoàn Lao động tỉnh)"


def letter_defaults() -> dict:
    return LetterSettings().as_dict()


def case_rows():
    return [
        ReportRow(r["tt"], r["tt"], r["unit"], r["news"], r["articles"], 6, 1, tuple(r["notes"]))
        for r in CASE["rows"]
    ]


def seed_document(**overrides) -> ReportDocument:
    values = {
        "period_code": "2017-Q1",
        "period_label": "quý I/2017",
        "rows": case_rows(),
        "letter": letter_defaults(),
        "addressees": [
            "Các ban Liên đoàn Lao động tỉnh",
            "Trung tâm Tư vấn Pháp luật Công đoàn tỉnh",
            "Trường trung cấp nghề Kinh tế - Kỹ thuật Công đoàn Bình Thuận",
            "Công đoàn cấp ngành",
            "Liên đoàn Lao động cấp huyện",
        ],
        "number": "435/LĐLĐ",
        "document_date": datetime.date(2017, 4, 24),
    }
    values.update(overrides)
    return ReportDocument(**values)


def test_headings_title_and_subtitle_follow_the_seed():
    document = seed_document()
    assert document.title == CASE["title"] == TITLE
    assert document.column_headings() == CASE["headings"]
    assert document.subtitle == SUBTITLE
    assert seed_document(number="").subtitle == ""


def test_csv():
    text = to_csv(seed_document())
    rows = list(csv.reader(io.StringIO(text)))
    assert text.splitlines()[0] == "TT,Đơn vị,Tin,Bài,Ghi chú"
    assert rows[0] == CSV_HEADER
    assert rows[1] == ["1", "Văn phòng", "1", "0", "Thiếu 5 tin, 1 bài"]
    assert rows[16] == [
        "16",
        "LĐLĐ huyện Bắc Bình",
        "0",
        "0",
        "Thiếu 6 tin, 1 bài; Chưa có tin - bài trên trang của huyện; "
        "Chưa có thông tin tại mục Giới thiệu công đoàn.",
    ]
    assert rows[14] == ["14", "CĐ Viên chức tỉnh", "7", "1", ""]
    assert len(rows) == 25


def test_csv_neutralises_formula_like_user_text():
    rows = [ReportRow(1, 1, '=HYPERLINK("http://x")', 0, 0, 6, 1, ("@chú ý", "Thiếu 6 tin, 1 bài"))]
    parsed = list(csv.reader(io.StringIO(to_csv(seed_document(rows=rows)))))
    assert parsed[1][1] == '\'=HYPERLINK("http://x")'
    assert parsed[1][4] == "'@chú ý; Thiếu 6 tin, 1 bài"


def test_text_table_is_aligned():
    text = to_text(seed_document())
    lines = text.splitlines()
    assert lines[0] == TITLE and lines[1] == SUBTITLE
    table = lines[3:]
    assert table[0].startswith("TT | Đơn vị")
    widths = {line.index("|") for line in table if "|" in line}
    assert widths == {3}  # the first column separator sits at the same place on every line
    assert " 6 | Ban Tuyên giáo" in text
    assert "- Chưa có tin - bài trên trang của huyện" in text


def test_xlsx_reopened():
    data = to_xlsx(seed_document())
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook.worksheets[0]
    assert sheet["A1"].value == TITLE
    assert sheet["A2"].value == SUBTITLE
    assert [sheet.cell(row=4, column=c).value for c in range(1, 6)] == CASE["headings"]
    body = [[sheet.cell(row=r, column=c).value for c in range(1, 6)] for r in range(5, 29)]
    for values, expected in zip(body, CASE["rows"], strict=True):
        assert values[:4] == [expected["tt"], expected["unit"], expected["news"], expected["articles"]]
        assert (values[4] or "") == notes_cell(expected["notes"])
    bac_binh = sheet.cell(row=5 + 15, column=5)
    assert bac_binh.value.startswith("- Thiếu 6 tin, 1 bài\n- Chưa có tin")
    assert bac_binh.alignment.wrap_text
    assert bac_binh.quotePrefix  # starts with "-": kept as text, never a formula
    assert sheet.cell(row=5, column=2).border.left.style == "thin"
    assert sheet.column_dimensions["E"].width >= 40
    assert sheet.row_dimensions[5 + 15].height > sheet.row_dimensions[5].height  # three notes, three lines
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    timing = workbook["Thời gian đăng tải"]
    assert timing.cell(row=4, column=4).value == "Đăng trễ quá 7 ngày"


def test_xlsx_user_text_never_becomes_a_formula():
    rows = [ReportRow(1, 1, "=1+1", 0, 0, 6, 1, ("+84 252",))]
    sheet = load_workbook(io.BytesIO(to_xlsx(seed_document(rows=rows, number="")))).worksheets[0]
    name = sheet.cell(row=4, column=2)
    assert (name.value, name.data_type, name.quotePrefix) == ("=1+1", "s", True)
    assert sheet.cell(row=4, column=5).value == "+84 252"


def paragraphs_text(container) -> list[str]:
    return [p.text for p in container.paragraphs]


def test_docx_letter_reopened():
    document = Document(io.BytesIO(to_docx(seed_document())))
    section = document.sections[0]
    # Stored in twentieths of a point: compare in whole millimetres.
    sizes = [section.page_width, section.page_height, section.top_margin, section.bottom_margin]
    sizes += [section.left_margin, section.right_margin]
    assert [round(size.mm) for size in sizes] == [210, 297, 20, 20, 30, 15]
    header = document.tables[0]
    left, right = header.rows[0].cells
    assert paragraphs_text(left)[:2] == ["TỔNG LĐLĐ VIỆT NAM", "LĐLĐ TỈNH BÌNH THUẬN"]
    assert "Số: 435/LĐLĐ" in paragraphs_text(left)
    assert any(t.startswith("V/v chỉ đạo, đôn đốc các cấp công đoàn") for t in paragraphs_text(left))
    assert left.paragraphs[1].runs[0].bold
    right_text = paragraphs_text(right)
    assert right_text[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right.paragraphs[0].runs[0].bold and right.paragraphs[1].runs[0].bold
    date_paragraph = next(p for p in right.paragraphs if p.text.startswith("Bình Thuận"))
    assert date_paragraph.text == "Bình Thuận, ngày 24 tháng 4 năm 2017"
    assert date_paragraph.runs[0].italic
    # No borders on the header table.
    assert 'w:val="nil"' in header._tbl.xml

    body = paragraphs_text(document)
    start = body.index("Kính gửi:")
    assert body[start + 1 : start + 6] == [
        "- Các ban Liên đoàn Lao động tỉnh;",
        "- Trung tâm Tư vấn Pháp luật Công đoàn tỉnh;",
        "- Trường trung cấp nghề Kinh tế - Kỹ thuật Công đoàn Bình Thuận;",
        "- Công đoàn cấp ngành;",
        "- Liên đoàn Lao động cấp huyện.",
    ]
    first = next(t for t in body if t.startswith("Qua kết quả"))
    assert "trong quý I/2017 vừa qua" in first
    assert first.endswith("(Kết quả cụ thể theo bảng tổng hợp đính kèm).")
    emphasis = next(p for p in document.paragraphs if p.text.startswith("Qua kết quả"))
    bold_italic = [r.text for r in emphasis.runs if r.bold and r.italic]
    assert bold_italic == ["Kết quả cụ thể theo bảng tổng hợp đính kèm"]
    assert any(t.endswith("nghiêm túc triển khai thực hiện./.") for t in body)
    assert all(run.font.name == "Times New Roman" for p in document.paragraphs for run in p.runs if run.text)

    signature = document.tables[1]
    copies, signer = signature.rows[0].cells
    assert paragraphs_text(copies) == [
        "Nơi nhận:",
        "- Như trên;",
        "- Thường trực LĐLĐ tỉnh;",
        "- Lưu: VT, TG.",
    ]
    heading = copies.paragraphs[0].runs[0]
    assert heading.bold and heading.italic and heading.font.size.pt == 12
    assert copies.paragraphs[1].runs[0].font.size.pt == 11
    signer_text = [t for t in paragraphs_text(signer) if t]
    assert signer_text == ["TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Phạm Quốc Luy"]

    # The attachment, after a page break.
    assert 'w:type="page"' in document.element.xml
    assert TITLE in body and SUBTITLE in body
    table = document.tables[2]
    assert [c.text for c in table.rows[0].cells] == CASE["headings"]
    assert len(table.rows) == 1 + len(CASE["rows"])
    for docx_row, expected in zip(table.rows[1:], CASE["rows"], strict=True):
        cells = [c.text for c in docx_row.cells]
        assert cells[:4] == [
            str(expected["tt"]),
            expected["unit"],
            str(expected["news"]),
            str(expected["articles"]),
        ]
        assert cells[4] == notes_cell(expected["notes"])


def test_docx_draft_has_blanks_for_number_and_date():
    document = Document(io.BytesIO(to_docx(seed_document(number="", document_date=None))))
    left, right = document.tables[0].rows[0].cells
    assert any(t.startswith("Số:") and t.endswith("/LĐLĐ") and "435" not in t for t in paragraphs_text(left))
    assert any(t.startswith("Bình Thuận, ngày") and t.endswith("năm 2017") for t in paragraphs_text(right))
    assert any(t.startswith("(kèm theo Công văn số") for t in paragraphs_text(document))


def test_docx_single_addressee_on_one_line():
    document = Document(io.BytesIO(to_docx(seed_document(addressees=["Liên đoàn Lao động cấp huyện"]))))
    assert "Kính gửi: Liên đoàn Lao động cấp huyện." in paragraphs_text(document)


@pytest.mark.django_db
def test_letter_settings_drive_the_letter():
    from wagtail.models import Site

    settings = LetterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.signer_name = "Nguyễn Thị Bình"
    settings.signer_title = "Chủ tịch"
    settings.body = "Đoạn một về {ky_bao_cao}.\nĐoạn hai (***{bang_kem_theo}***)."
    settings.save()
    document = Document(io.BytesIO(to_docx(live_document("2017-Q1"))))
    text = paragraphs_text(document)
    assert "Đoạn một về quý I/2017." in text
    assert "Đoạn hai (Kết quả cụ thể theo bảng tổng hợp đính kèm)." in text
    signer = [t for t in paragraphs_text(document.tables[1].rows[0].cells[1]) if t]
    assert signer == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Thị Bình"]


@pytest.mark.django_db
def test_addressees_come_from_unit_kinds():
    assert addressees("2017-Q1") == [
        "Các ban Liên đoàn Lao động tỉnh",
        "Trung tâm Tư vấn Pháp luật Công đoàn tỉnh",
        "Trường trung cấp nghề Kinh tế - Kỹ thuật Công đoàn Bình Thuận",
        "Công đoàn cấp ngành",
        "Liên đoàn Lao động cấp huyện",
    ]
