"""The command and the exports: one selector behind every format (EXAMPLES.md habits 6 and 8)."""

import csv
import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from royalties.exports import csv_headers, statement_csv, statement_text, statement_xlsx
from royalties.selectors import statement_rows
from royalties.services import statement_close, statement_for

from .factories import make_post, make_unit, vn

pytestmark = pytest.mark.django_db

HEADER = "TT,Tiêu đề,Loại,Ngày đăng,Tác giả,Hệ số,Số ảnh,Thành tiền"


def run(*args) -> str:
    out = io.StringIO()
    call_command("royalty_statement", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def march(unit):
    make_post(
        unit,
        vn(2017, 3, 2),
        photos=2,
        authors=("Nguyễn Văn An", "Trần Thị Bích"),
        title="Hội nghị người lao động",
    )
    make_post(unit, vn(2017, 3, 15), kind="article", grade="A", photos=1, title='=HYPERLINK("http://x")')
    return unit


# -- CSV -----------------------------------------------------------------------------------


def test_csv_header_lines_and_total(march):
    rows = list(csv.reader(io.StringIO(run("2017-03", "--unit", march.code, "--format", "csv"))))
    assert ",".join(rows[0]) == HEADER == ",".join(csv_headers())
    assert rows[1] == [
        "1",
        "Hội nghị người lao động",
        "Tin",
        "02/03/2017",
        "Nguyễn Văn An",
        "2,1",
        "2",
        "127100",
    ]
    assert rows[2] == [
        "2",
        "Hội nghị người lao động",
        "Tin",
        "02/03/2017",
        "Trần Thị Bích",
        "2,1",
        "2",
        "127000",
    ]
    assert rows[3][1] == '\'=HYPERLINK("http://x")'  # never a formula
    assert rows[3][5:] == ["6,3", "1", "762300"]
    assert rows[-1] == ["", "Tổng cộng", "", "", "", "", "", str(127_100 + 127_000 + 762_300)]
    assert len(rows) == 5


def test_csv_total_equals_the_sum_of_lines(march):
    rows = list(csv.reader(io.StringIO(statement_csv(statement_rows(march, "2017-03")))))
    assert sum(int(row[7]) for row in rows[1:-1]) == int(rows[-1][7])


def test_unit_by_name_accents_and_case_ignored(march):
    assert run("3/2017", "--unit", march.name.upper(), "--format", "csv") == run(
        "2017-03", "--unit", march.code, "--format", "csv"
    )


def test_csv_adjustment_line_says_what_it_adjusts(march):
    statement_close(statement_for(march, "2017-03"), None, "03")
    march.posts.filter(title="Hội nghị người lao động").update(grade="A")
    rows = list(csv.reader(io.StringIO(run("2017-04", "--unit", march.code, "--format", "csv"))))
    assert "Điều chỉnh tháng 3/2017: xếp loại B → A" in rows[1][1]
    assert int(rows[-1][7]) == sum(int(row[7]) for row in rows[1:-1]) > 0


# -- text and XLSX ---------------------------------------------------------------------------


def test_text_statement_has_totals_words_and_authors(march):
    text = run("2017-03", "--unit", march.code)
    assert "BẢNG KÊ CHI TRẢ NHUẬN BÚT THÁNG 3/2017" in text
    assert "Tổng cộng: 1.016.400 đ" in text
    assert "Bằng chữ: Một triệu không trăm mười sáu nghìn bốn trăm đồng chẵn" in text
    assert "Trần Thị Bích" in text
    assert text == statement_text(statement_rows(march, "2017-03"))


def test_xlsx_payment_list(march, tmp_path):
    path = tmp_path / "bang-ke.xlsx"
    run("2017-03", "--unit", march.code, "--format", "xlsx", "--output", str(path))
    sheet = load_workbook(path).active
    cells = {cell.value: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert "BẢNG KÊ CHI TRẢ NHUẬN BÚT THÁNG 3/2017" in cells
    for signature in ("Người lập biểu", "Kế toán", "Thủ trưởng đơn vị"):
        assert signature in cells
    assert "Bằng chữ: Một triệu không trăm mười sáu nghìn bốn trăm đồng chẵn" in cells
    assert 1_016_400 in cells
    # Text that looks like a formula stays text.
    formula_like = cells['=HYPERLINK("http://x")']
    assert formula_like.data_type == "s" and formula_like.quotePrefix
    assert not any(isinstance(v, str) and v.startswith("=") and c.data_type == "f" for v, c in cells.items())


def test_xlsx_bytes_match_the_admin_download(march):
    data = statement_xlsx(statement_rows(march, "2017-03"))
    assert data[:2] == b"PK"


def test_xlsx_needs_an_output_file(march):
    with pytest.raises(CommandError, match="--output"):
        run("2017-03", "--unit", march.code, "--format", "xlsx")


# -- the federation summary ----------------------------------------------------------------


def test_all_units_summary_lists_every_unit(march):
    text = run("2017-03", "--all-units")
    assert "TỔNG HỢP NHUẬN BÚT THÁNG 3/2017" in text
    assert march.name in text
    assert "Văn phòng" in text  # a demo unit


def test_all_units_csv_total(march):
    rows = list(csv.reader(io.StringIO(run("2017-03", "--all-units", "--format", "csv"))))
    assert rows[0][:2] == ["TT", "Đơn vị"]
    assert int(rows[-1][5]) == sum(int(row[5]) for row in rows[1:-1])


# -- errors: clear Vietnamese messages ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("2017-13", "--unit", "van-phong"), "Số tháng không hợp lệ|Kỳ báo cáo không hợp lệ"),
        (("tháng ba", "--unit", "van-phong"), "Kỳ báo cáo không hợp lệ"),
        (("2017-Q1", "--unit", "van-phong"), "lập theo tháng"),
        (("2017-03", "--unit", "khong-co"), "Không tìm thấy đơn vị «khong-co»"),
    ],
)
def test_bad_input_is_a_clear_command_error(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_unit_or_all_units_is_required():
    with pytest.raises(CommandError):
        run("2017-03")


# -- one variant per format: the same numbers in each -----------------------------------------


class TestFormatsAgree:
    fmt = "text"

    def output(self, unit, tmp_path):
        path = tmp_path / f"out.{self.fmt}"
        run("2017-03", "--unit", unit.code, "--format", self.fmt, "--output", str(path))
        return path

    def test_total_appears(self, march, tmp_path):
        path = self.output(march, tmp_path)
        assert self.total(path) == 1_016_400

    def total(self, path):
        text = path.read_text(encoding="utf-8")
        return 1_016_400 if "Tổng cộng: 1.016.400 đ" in text else None


class TestFormatsAgreeCSV(TestFormatsAgree):
    fmt = "csv"

    def total(self, path):
        return int(list(csv.reader(path.open(encoding="utf-8")))[-1][7])


class TestFormatsAgreeXLSX(TestFormatsAgree):
    fmt = "xlsx"

    def total(self, path):
        sheet = load_workbook(path).active
        for row in sheet.iter_rows(values_only=True):
            if row[1] == "Tổng cộng":
                return row[8]
        return None


def test_unit_with_no_posts_prints_an_empty_statement():
    unit = make_unit()
    assert run("2017-03", "--unit", unit.code, "--format", "csv").splitlines() == [
        HEADER,
        ",Tổng cộng,,,,,,0",
    ]
