"""The reminder letter (công văn đôn đốc) as DOCX, with the quarterly table attached.

Layout after Decree 30/2020/NĐ-CP on administrative documents (Appendix I): A4, margins top
and bottom 20-25 mm, left 30-35 mm, right 15-20 mm; Times New Roman; the issuing body top
left (parent organisation upright, issuing body bold, a short rule below), the national title
top right (12-13 pt bold) over the motto (13-14 pt bold, ruled below), the place and date in
italics; number and "V/v" summary under the issuing body; "Nơi nhận:" 12 pt bold italic with
11 pt items; the signing authority, title and name in bold capitals on the right; page
numbers centred at the top from the second page. The words are those of Letter 435/LĐLĐ,
taken from the site's "Cài đặt công văn" settings.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from vietnamese.dates import format_document_date

from .document import ReportDocument

FONT = "Times New Roman"
BODY_PT = 14
TEXT_WIDTH_MM = 210 - 30 - 15
LEFT_HEADER_MM = 68
RIGHT_HEADER_MM = TEXT_WIDTH_MM - LEFT_HEADER_MM

# OOXML fixes the order of a property element's children (ECMA-376 Part 1, 17.3.1.26 pPr and
# 17.4.60 tblPr); Word refuses a file that breaks it, so borders go before these.
AFTER_P_BORDERS = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
AFTER_TBL_BORDERS = (
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)  # fmt: skip

# ***bold italic***, **bold**, *italic* — the emphasis Letter 435/LĐLĐ uses in its body.
_EMPHASIS = re.compile(r"(\*\*\*.+?\*\*\*|\*\*.+?\*\*|\*.+?\*)")


def _set_font(run, size=None, bold=None, italic=None, underline=None):
    run.font.name = FONT
    # Word picks the East Asian slot for some Vietnamese characters; name it too.
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    if size is not None:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if underline is not None:
        run.underline = underline
    return run


def _paragraph(
    container,
    text="",
    *,
    size=BODY_PT,
    bold=False,
    italic=False,
    underline=False,
    align=WD_ALIGN_PARAGRAPH.LEFT,
    before=0,
    after=0,
    first_line=None,
    left=None,
    hanging=None,
):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    paragraph.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0
    if first_line is not None:
        fmt.first_line_indent = first_line
    if left is not None:
        fmt.left_indent = left
    if hanging is not None:
        fmt.first_line_indent = -hanging
    if text:
        _set_font(paragraph.add_run(text), size, bold, italic, underline)
    return paragraph


def _rich(paragraph, text: str, size=BODY_PT):
    """Add text with the letter's ***bold italic*** / **bold** / *italic* emphasis."""
    for part in _EMPHASIS.split(text):
        if not part:
            continue
        if part.startswith("***") and part.endswith("***") and len(part) > 6:
            _set_font(paragraph.add_run(part[3:-3]), size, bold=True, italic=True)
        elif part.startswith("**") and part.endswith("**") and len(part) > 4:
            _set_font(paragraph.add_run(part[2:-2]), size, bold=True)
        elif part.startswith("*") and part.endswith("*") and len(part) > 2:
            _set_font(paragraph.add_run(part[1:-1]), size, italic=True)
        else:
            _set_font(paragraph.add_run(part), size)


def _rule(cell, width_mm: float, cell_mm: float):
    """A short centred solid line (under the issuing body and the motto)."""
    paragraph = _paragraph(cell, size=2, align=WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.line_spacing = Pt(3)
    side = max((cell_mm - width_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    # Drawn under a tiny empty paragraph, so it sits clear of the text above.
    line = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        line.set(qn(key), value)
    borders.append(line)
    ppr.insert_element_before(borders, *AFTER_P_BORDERS)
    _set_font(paragraph.add_run(""), 2)
    return paragraph


def _no_borders(table):
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.insert_element_before(borders, *AFTER_TBL_BORDERS)


def _fix_widths(table, widths_mm):
    """Column widths every word processor honours: a fixed layout, the grid and each cell."""
    table.autofit = False  # <w:tblLayout w:type="fixed"/>
    tbl_pr = table._tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.append(width)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(int(sum(widths_mm) * 1440 / 25.4)))
    for column, mm in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(mm)
    for row in table.rows:
        for cell, mm in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(mm)


def _layout_table(document, widths_mm):
    table = document.add_table(rows=1, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _fix_widths(table, widths_mm)
    for cell in table.rows[0].cells:
        # A new cell holds one empty paragraph; drop it so content starts at the top.
        cell._tc.remove(cell.paragraphs[0]._p)
    return table.rows[0].cells


def _row_flag(row, tag: str):
    """<w:cantSplit/> keeps a row on one page; <w:tblHeader/> repeats it on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement(tag)
    flag.set(qn("w:val"), "true")
    # trPr's children come in schema order: cantSplit before tblHeader.
    if tag == "w:cantSplit" and len(tr_pr):
        tr_pr.insert(0, flag)
    else:
        tr_pr.append(flag)


def _page_number_header(section):
    """Page numbers centred at the top, not on the first page (Decree 30/2020)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _set_font(paragraph.add_run(), 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _setup(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    _page_number_header(section)


def _date_line(report: ReportDocument) -> str:
    place = report.letter.get("place", "")
    if report.document_date:
        return format_document_date(report.document_date, place)
    year = report.period_code[:4]
    blanks = " " * 6
    text = f"ngày{blanks}tháng{blanks}năm {int(year) if year.isdigit() else ''}".rstrip()
    return f"{place}, {text}" if place else text


def _header(document, report: ReportDocument):
    letter = report.letter
    left, right = _layout_table(document, [LEFT_HEADER_MM, RIGHT_HEADER_MM])
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(left, letter.get("parent_organisation", "").upper(), size=13, align=centre)
    _paragraph(left, letter.get("federation_name", "").upper(), size=13, bold=True, align=centre)
    _rule(left, 25, LEFT_HEADER_MM)
    _paragraph(left, report.number_line, size=13, align=centre, before=2)
    subject = letter.get("subject", "")
    if subject:
        _paragraph(left, f"V/v {subject}", size=12, align=centre, before=4)

    _paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True, align=centre)
    _paragraph(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True, align=centre)
    _rule(right, 60, RIGHT_HEADER_MM)
    _paragraph(right, _date_line(report), size=14, italic=True, align=centre, before=8)


def _addressees(document, report: ReportDocument):
    names = [name for name in report.addressees if name]
    if not names:
        return
    if len(names) == 1:
        paragraph = _paragraph(document, size=BODY_PT, align=WD_ALIGN_PARAGRAPH.CENTER, before=12)
        _set_font(paragraph.add_run(f"Kính gửi: {names[0]}."), BODY_PT)
        return
    _paragraph(document, "Kính gửi:", left=Mm(25), before=12)
    for index, name in enumerate(names):
        end = "." if index == len(names) - 1 else ";"
        _paragraph(document, f"- {name}{end}", left=Mm(45), hanging=Mm(3))


def _body(document, report: ReportDocument):
    letter = report.letter
    text = letter.get("body", "")
    text = text.replace("{ky_bao_cao}", report.period_label)
    text = text.replace("{bang_kem_theo}", letter.get("attachment_reference", ""))
    for index, line in enumerate(part.strip() for part in text.splitlines()):
        if not line:
            continue
        paragraph = _paragraph(
            document, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_line=Mm(12.7), before=12 if index == 0 else 6
        )
        paragraph.paragraph_format.line_spacing = 1.15
        _rich(paragraph, line)


def _signature(document, report: ReportDocument):
    letter = report.letter
    left, right = _layout_table(document, [80, TEXT_WIDTH_MM - 80])
    heading = _paragraph(left, before=12)
    _set_font(heading.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for line in (part.strip() for part in letter.get("copies_to", "").splitlines()):
        if line:
            _paragraph(left, f"- {line}", size=11)
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(
        right, letter.get("signing_authority", "").upper(), size=14, bold=True, align=centre, before=12
    )
    _paragraph(right, letter.get("signer_title", "").upper(), size=14, bold=True, align=centre)
    for _ in range(4):
        _paragraph(right, "", size=14)
    _paragraph(right, letter.get("signer_name", ""), size=14, bold=True, align=centre)


def _cell_spacing(paragraph):
    paragraph.paragraph_format.space_before = Pt(1)
    paragraph.paragraph_format.space_after = Pt(1)


def attachment_subtitle(report: ReportDocument) -> str:
    if report.subtitle:
        return report.subtitle
    suffix = report.letter.get("number_suffix", "")
    body = report.letter.get("issuing_body", "")
    year = report.period_code[:4]
    return f"(kèm theo Công văn số{' ' * 8}/{suffix} ngày{' ' * 4}/{' ' * 4}/{year} của {body})"


ATTACHMENT_WIDTHS_MM = (10, 57, 21, 21, TEXT_WIDTH_MM - 10 - 57 - 21 - 21)


def _attachment(document, report: ReportDocument):
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, report.title, size=14, bold=True, align=centre)
    _paragraph(document, attachment_subtitle(report), size=13, italic=True, align=centre, after=12)
    table = document.add_table(rows=1, cols=5)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = table.rows[0]
    _row_flag(header, "w:cantSplit")
    _row_flag(header, "w:tblHeader")
    for cell, text in zip(header.cells, report.column_headings(), strict=True):
        paragraph = cell.paragraphs[0]
        paragraph.alignment = centre
        _cell_spacing(paragraph)
        _set_font(paragraph.add_run(text), 12, bold=True)
    for row in report.rows:
        table_row = table.add_row()
        _row_flag(table_row, "w:cantSplit")
        cells = table_row.cells
        values = [str(row.tt), row.unit_name, str(row.news), str(row.articles)]
        for index, (cell, value) in enumerate(zip(cells, values, strict=False)):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if index == 1 else centre
            _cell_spacing(paragraph)
            _set_font(paragraph.add_run(value), 12)
        notes_cell = cells[4]
        notes = list(row.notes)
        for index, note in enumerate(notes):
            paragraph = notes_cell.paragraphs[0] if index == 0 else notes_cell.add_paragraph()
            text = f"- {note}" if len(notes) > 1 else note
            _cell_spacing(paragraph)
            _set_font(paragraph.add_run(text), 12)
    _fix_widths(table, ATTACHMENT_WIDTHS_MM)


def to_docx(report: ReportDocument) -> bytes:
    document = Document()
    _setup(document)
    _header(document, report)
    _addressees(document, report)
    _body(document, report)
    _signature(document, report)
    page_break = document.add_paragraph()
    page_break.add_run().add_break(WD_BREAK.PAGE)
    _attachment(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
