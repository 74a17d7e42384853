"""Statements and summaries as text, CSV and XLSX: renderers of the selector's rows.

Nothing here queries the database; the command and the admin screen pass in what
`royalties.selectors` returned, so every format shows the same numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from safety.exports import neutralise_cell, write_text_cell
from vietnamese.dates import format_date, format_document_date
from vietnamese.money import format_number, format_vnd

from .selectors import AuthorReport, FederationSummary, Line, StatementReport

FORMATS = ("text", "csv", "xlsx")
CONTENT_TYPES = {
    "text": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXTENSIONS = {"text": "txt", "csv": "csv", "xlsx": "xlsx"}


def safe_text(value) -> str:
    """CSV text that a spreadsheet never runs as a formula (safety.exports, OWASP "CSV injection")."""
    return neutralise_cell("" if value is None else str(value))


def csv_headers() -> list[str]:
    """The CSV statement's columns: the first five of the statement's, then coefficient, photos, amount."""
    return [*statement_headers()[:5], _("Hệ số"), _("Số ảnh"), _("Thành tiền")]


def statement_headers() -> list[str]:
    """The post lines' columns of the text and XLSX statements (the XLSX adds “Ghi chú”)."""
    return [
        _("TT"),
        _("Tiêu đề"),
        _("Loại"),
        _("Ngày đăng"),
        _("Tác giả"),
        _("Xếp loại"),
        _("Số ảnh"),
        _("Hệ số"),
        _("Thành tiền"),
    ]


def summary_headers() -> list[str]:
    """The federation summary's columns (CSV and XLSX)."""
    return [
        _("TT"),
        _("Đơn vị"),
        _("Trạng thái"),
        _("Số bảng kê"),
        _("Số tin - bài"),
        _("Thành tiền"),
        _("Thuế TNCN"),
        _("Thực nhận"),
    ]


def summary_row(number: int, report: StatementReport, text=lambda value: value) -> list:
    """One unit's row of the federation summary (CSV and XLSX); `text` is applied to its text cells."""
    return [
        number,
        text(report.unit.name),
        report.state_label,
        text(report.statement.number if report.statement else ""),
        report.posts,
        report.totals.gross,
        report.totals.tax,
        report.totals.net,
    ]


def line_title(line: Line) -> str:
    """The title cell; an adjustment line says what it adjusts."""
    return f"{line.title} ({line.note})" if line.is_adjustment and line.note else line.title


def filename(report: StatementReport, fmt: str) -> str:
    return f"nhuan-but-{report.unit.code}-{report.period.code}.{EXTENSIONS[fmt]}"


def summary_filename(summary: FederationSummary, fmt: str) -> str:
    return f"nhuan-but-tong-hop-{summary.period.code}.{EXTENSIONS[fmt]}"


# -- CSV ----------------------------------------------------------------------------


def _csv(headers: list[str], rows: Iterable[list], total: list) -> str:
    """A CSV table: the headers, the rows, the total line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows(rows)
    writer.writerow(total)
    return out.getvalue()


def statement_csv(report: StatementReport) -> str:
    """UTF-8 text: one line per post-author, then the total line."""
    return _csv(
        csv_headers(),
        (
            [
                line.position,
                safe_text(line_title(line)),
                line.kind_label,
                line.published_on,
                safe_text(line.author),
                line.coefficient_text,
                line.photos if not line.is_adjustment or line.photos else "",
                line.amount,
            ]
            for line in report.lines
        ),
        ["", _("Tổng cộng"), "", "", "", "", "", report.totals.gross],
    )


def _summary_total(summary: FederationSummary) -> list:
    return ["", _("Tổng cộng"), "", "", "", summary.totals.gross, summary.totals.tax, summary.totals.net]


def summary_csv(summary: FederationSummary) -> str:
    rows = (summary_row(number, report, safe_text) for number, report in enumerate(summary.reports, start=1))
    return _csv(summary_headers(), rows, _summary_total(summary))


# -- text ---------------------------------------------------------------------------


def _table(headers: list[str], rows: Iterable[list[str]], right: set[int]) -> list[str]:
    rows = [headers, *rows]
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(headers))]

    def fmt(row):
        cells = [
            str(cell).rjust(widths[i]) if i in right else str(cell).ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [fmt(rows[0]), rule, *(fmt(row) for row in rows[1:]), rule]


def statement_text(report: StatementReport) -> str:
    lines = [
        report.organisation_name,
        report.unit.name,
        "",
        report.title.upper(),
        _("Trạng thái: %(state)s") % {"state": report.state_label} + _state_details(report),
    ]
    if report.tables:
        lines.append(_("Bảng mức: %(tables)s") % {"tables": "; ".join(report.tables)})
    if report.is_example:
        lines.append(_("Lưu ý: tính theo bảng mức ví dụ, không phải mức chính thức."))
    lines.append("")
    rows = [
        [
            str(line.position),
            line_title(line)[:70],
            line.kind_label,
            line.published_on,
            line.author,
            line.grade,
            str(line.photos),
            line.coefficient_text,
            format_number(line.amount),
        ]
        for line in report.lines
    ]
    lines += _table(statement_headers(), rows, right={0, 6, 7, 8})
    lines.append(_("Tổng cộng: %(amount)s") % {"amount": format_vnd(report.totals.gross)})
    lines.append(_("Bằng chữ: %(words)s") % {"words": report.amount_in_words})
    lines.append("")
    lines.append(_("Chi trả theo tác giả:"))
    author_rows = [
        [str(i), a.name, format_number(a.gross), format_number(a.tax), format_number(a.net)]
        for i, a in enumerate(report.authors, start=1)
    ]
    lines += _table(
        [_("TT"), _("Họ và tên"), _("Thành tiền"), _("Thuế TNCN"), _("Thực nhận")],
        author_rows,
        right={0, 2, 3, 4},
    )
    lines.append(
        _("Cộng: thành tiền %(gross)s, thuế TNCN %(tax)s, thực nhận %(net)s")
        % {
            "gross": format_vnd(report.totals.gross),
            "tax": format_vnd(report.totals.tax),
            "net": format_vnd(report.totals.net),
        }
    )
    if report.problems:
        lines.append("")
        lines.append(_("Cần xử lý trước khi chốt:"))
        lines += [f"- {problem}" for problem in report.problems]
    return "\n".join(lines) + "\n"


def _state_details(report: StatementReport) -> str:
    statement = report.statement
    if not statement or report.is_open:
        return ""
    parts = [_("số %(number)s") % {"number": statement.number}]
    if statement.closed_at:
        parts.append(_("chốt ngày %(day)s") % {"day": format_date(statement.closed_at)})
    if statement.paid_on:
        parts.append(_("chi trả ngày %(day)s") % {"day": format_date(statement.paid_on)})
    return " (" + ", ".join(parts) + ")"


def summary_text(summary: FederationSummary) -> str:
    lines = [
        _("TỔNG HỢP NHUẬN BÚT %(period)s") % {"period": summary.period.label.upper()},
        "",
    ]
    # The summary's row as text: its three amounts (from column 6 on) with thousands separators.
    rows = [
        [*map(str, row[:5]), *map(format_number, row[5:])]
        for row in (summary_row(number, report) for number, report in enumerate(summary.reports, start=1))
    ]
    headers = summary_headers()
    headers[4] = _("Tin - bài")  # the narrower heading of the text table
    lines += _table(headers, rows, right={0, 4, 5, 6, 7})
    lines.append(
        _("Tổng cộng: thành tiền %(gross)s, thuế TNCN %(tax)s, thực nhận %(net)s")
        % {
            "gross": format_vnd(summary.totals.gross),
            "tax": format_vnd(summary.totals.tax),
            "net": format_vnd(summary.totals.net),
        }
    )
    lines.append(_("Bằng chữ: %(words)s") % {"words": summary.amount_in_words})
    return "\n".join(lines) + "\n"


# -- XLSX ---------------------------------------------------------------------------

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)
MONEY = "#,##0"
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
TOP = Alignment(vertical="top")


class _Sheet:
    """A worksheet written row by row; text is stored as text, never as a formula."""

    def __init__(self, sheet, columns: int):
        self.ws = sheet
        self.columns = columns
        self.row = 1
        self.column_widths: list[float] = []
        # Landscape, one page wide: a payment list is printed and signed.
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True

    def write(self, values, *, bold=False, border=False, money_from=None, align=None):
        for col, value in enumerate(values, start=1):
            cell = self.ws.cell(row=self.row, column=col)
            write_text_cell(cell, value)
            if bold:
                cell.font = BOLD
            if border:
                cell.border = BOX
            if money_from is not None and col >= money_from and isinstance(value, int):
                cell.number_format = MONEY
            if align is not None:
                cell.alignment = align
            else:
                cell.alignment = WRAP if isinstance(value, str) else TOP
        self._fit_height(values)
        self.row += 1

    def _fit_height(self, values):
        """Spreadsheets do not grow a row for wrapped text written by openpyxl: estimate it."""
        lines = 1
        for col, value in enumerate(values):
            if isinstance(value, str) and col < len(self.column_widths):
                per_line = max(int(self.column_widths[col] * 1.1) - 1, 1)
                lines = max(lines, -(-len(value) // per_line))
        if lines > 1:
            self.ws.row_dimensions[self.row].height = 15 * lines

    def table(
        self, headers, rows: Iterable[list], total, *, money_from: int, merge: tuple[int, int] | None = None
    ):
        """A bordered table: bold centred headers, the rows, a bold total row; amounts from column
        `money_from` on; `merge` = (first, last) columns merged into one cell on every row."""
        self.write(headers, bold=True, border=True, align=CENTER)
        self._merge_row(merge)
        for values in rows:
            self.write(values, border=True, money_from=money_from)
            self._merge_row(merge)
        self.write(total, bold=True, border=True, money_from=money_from)
        self._merge_row(merge)

    def _merge_row(self, merge):
        """Merge columns of the row just written."""
        if merge:
            first, last = merge
            self.ws.merge_cells(
                start_row=self.row - 1, start_column=first, end_row=self.row - 1, end_column=last
            )

    def merged(self, text, *, first=1, last=None, bold=False, italic=False, size=None, align=CENTER):
        last = last or self.columns
        cell = self.ws.cell(row=self.row, column=first)
        write_text_cell(cell, text)
        cell.font = Font(bold=bold, italic=italic, size=size)
        cell.alignment = align
        if last > first:
            self.ws.merge_cells(start_row=self.row, start_column=first, end_row=self.row, end_column=last)

    def next(self, count=1):
        self.row += count

    def widths(self, widths):
        self.column_widths = list(widths)
        for col, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(col)].width = width


def _heading(sheet: _Sheet, organisation: str, unit_name: str, number: str):
    half = sheet.columns // 2
    sheet.merged(organisation.upper(), last=half, bold=True)
    sheet.merged(_("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), first=half + 1, bold=True)
    sheet.next()
    sheet.merged(unit_name.upper(), last=half, bold=True)
    sheet.merged(_("Độc lập - Tự do - Hạnh phúc"), first=half + 1, bold=True)
    sheet.next()
    if number:
        sheet.merged(_("Số: %(number)s") % {"number": number}, last=half)
    sheet.next(2)


def _signatures(sheet: _Sheet, place: str, when):
    sheet.next()
    sheet.merged(format_document_date(when, place), first=sheet.columns - 3, italic=True)
    sheet.next()
    thirds = [(1, 3), (4, 6), (7, sheet.columns)]
    for (first, last), title in zip(
        thirds, [_("Người lập biểu"), _("Kế toán"), _("Thủ trưởng đơn vị")], strict=True
    ):
        sheet.merged(title, first=first, last=last, bold=True)
    sheet.next()
    for first, last in thirds:
        sheet.merged(_("(Ký, ghi rõ họ tên)"), first=first, last=last, italic=True)
    sheet.next()


def statement_xlsx(report: StatementReport) -> bytes:
    """The payment list: heading, post lines, totals in words, payment by author, signatures."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = report.period.code
    sheet = _Sheet(ws, columns=10)
    # Columns F-I also hold the author table's amounts, hence their width.
    sheet.widths([5, 42, 7, 12, 24, 13, 13, 13, 14, 24])
    statement = report.statement
    _heading(sheet, report.organisation_name, report.unit.name, statement.number if statement else "")
    sheet.merged(report.title.upper(), bold=True, size=14)
    sheet.next()
    sub = [_("Tin - bài đăng trên Website")]
    if report.tables:
        sub.append(_("theo %(tables)s") % {"tables": "; ".join(report.tables)})
    sheet.merged("(" + " ".join(sub) + ")", italic=True)
    sheet.next()
    if report.is_example:
        sheet.merged(_("Lưu ý: tính theo bảng mức ví dụ, không phải mức chính thức."), italic=True)
        sheet.next()
    if report.is_open:
        sheet.merged(_("BẢN TẠM TÍNH – bảng kê chưa chốt"), bold=True)
        sheet.next()
    sheet.next()
    sheet.table(
        [*statement_headers(), _("Ghi chú")],
        (
            [
                line.position,
                line.title,
                line.kind_label,
                line.published_on,
                line.author,
                line.grade,
                line.photos,
                line.coefficient_text,
                line.amount,
                line.note,
            ]
            for line in report.lines
        ),
        ["", _("Tổng cộng"), "", "", "", "", "", "", report.totals.gross, ""],
        money_from=9,
    )
    sheet.merged(_("Bằng chữ: %(words)s") % {"words": report.amount_in_words}, italic=True, align=WRAP)
    sheet.next(2)

    sheet.merged(_("CHI TRẢ THEO TÁC GIẢ"), bold=True)
    sheet.next()
    # Columns reused: TT | Họ và tên (2 cols merged into B) | Thành tiền | Thuế | Thực nhận | Ký nhận
    sheet.table(
        [
            _("TT"),
            _("Họ và tên"),
            "",
            "",
            "",
            "",
            _("Thành tiền"),
            _("Thuế TNCN"),
            _("Thực nhận"),
            _("Ký nhận"),
        ],
        (
            [number, author.name, "", "", "", "", author.gross, author.tax, author.net, ""]
            for number, author in enumerate(report.authors, start=1)
        ),
        ["", _("Cộng"), "", "", "", "", report.totals.gross, report.totals.tax, report.totals.net, ""],
        money_from=7,
        merge=(2, 6),
    )
    when = statement.closed_at if statement and statement.closed_at else timezone.now()
    _signatures(sheet, report.place, when)
    return _save(workbook)


def summary_xlsx(summary: FederationSummary, organisation: str = "", place: str = "") -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = summary.period.code
    sheet = _Sheet(ws, columns=8)
    sheet.widths([5, 40, 14, 16, 10, 16, 14, 16])
    organisation = organisation or (summary.reports[0].organisation_name if summary.reports else "")
    place = place or (summary.reports[0].place if summary.reports else "")
    _heading(sheet, organisation, "", "")
    sheet.merged(
        _("TỔNG HỢP NHUẬN BÚT %(period)s") % {"period": summary.period.label.upper()}, bold=True, size=14
    )
    sheet.next(2)
    sheet.table(
        summary_headers(),
        (summary_row(number, report) for number, report in enumerate(summary.reports, start=1)),
        _summary_total(summary),
        money_from=6,
    )
    sheet.merged(_("Bằng chữ: %(words)s") % {"words": summary.amount_in_words}, italic=True, align=WRAP)
    sheet.next()
    _signatures(sheet, place, timezone.now())
    return _save(workbook)


def author_csv(report: AuthorReport) -> str:
    return _csv(
        [_("Tháng"), _("Đơn vị"), _("Trạng thái"), _("Thành tiền"), _("Thuế TNCN"), _("Thực nhận")],
        (
            [
                row.report.period.code,
                safe_text(row.report.unit.name),
                row.report.state_label,
                row.gross,
                row.tax,
                row.net,
            ]
            for row in report.rows
        ),
        [_("Tổng cộng"), "", "", report.totals.gross, report.totals.tax, report.totals.net],
    )


def _save(workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def render_statement(report: StatementReport, fmt: str) -> bytes:
    """One entry point for the command and the download button."""
    if fmt == "xlsx":
        return statement_xlsx(report)
    if fmt == "csv":
        return statement_csv(report).encode("utf-8")
    return statement_text(report).encode("utf-8")


def render_summary(summary: FederationSummary, fmt: str) -> bytes:
    if fmt == "xlsx":
        return summary_xlsx(summary)
    if fmt == "csv":
        return summary_csv(summary).encode("utf-8")
    return summary_text(summary).encode("utf-8")
