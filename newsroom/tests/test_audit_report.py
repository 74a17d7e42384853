"""“Nhật ký duyệt tin - bài”: the rows, the filters, who may read it, the XLSX export."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import PageLogEntry

from newsroom.actions import unpublish_with_reason
from newsroom.selectors import approval_log_rows
from posts.models import PostPage
from units.models import Unit
from vietnamese.dates import VIETNAM_TZ
from vietnamese.periods import Period

from .support import Editor, make_post, user

URL = reverse("newsroom:approval_log")


@pytest.fixture
def history(client):
    """A department post returned then approved, a district post published then taken down."""
    Editor(client, "vanphong").create("van-phong", "Nhật ký: tin Văn phòng", action="submit")
    office = PostPage.objects.get(title="Nhật ký: tin Văn phòng")
    Editor(client, "bbt").workflow_action(office, "reject", comment="Sửa tiêu đề.")
    Editor(client, "vanphong").edit(office, action="submit")
    Editor(client, "bbt").workflow_action(office, "approve", comment="Được.")
    district = make_post("tuy-phong", "Nhật ký: tin Tuy Phong", live=True)
    unpublish_with_reason(district, user=user("bbt"), reason="Trùng tin.")
    return office, district


def test_rows_tell_who_did_what_with_which_comment(history):
    office, district = history
    rows = approval_log_rows()
    office_rows = [(r.user_name, r.action_label, r.comment) for r in rows if r.page_id == office.pk]
    assert list(reversed(office_rows)) == [
        ("Phạm Thị Hoa", "Gửi duyệt", ""),
        ("Nguyễn Văn Minh", "Trả lại", "Sửa tiêu đề."),
        ("Phạm Thị Hoa", "Gửi duyệt lại", ""),
        ("Nguyễn Văn Minh", "Duyệt", "Được."),
        ("Nguyễn Văn Minh", "Xuất bản", ""),
    ]
    [unpublished] = [r for r in rows if r.page_id == district.pk and r.action_label == "Gỡ xuống (có lý do)"]
    assert (unpublished.user_name, unpublished.comment, unpublished.unit_name) == (
        "Nguyễn Văn Minh",
        "Trùng tin.",
        "Liên đoàn Lao động huyện Tuy Phong",
    )
    assert all(row.time.tzinfo is not None for row in rows)


def test_filters_by_unit_and_period(history):
    office, district = history
    tuy_phong = Unit.objects.get(code="tuy-phong")
    assert {row.page_id for row in approval_log_rows(unit=tuy_phong)} >= {district.pk}
    assert office.pk not in {row.page_id for row in approval_log_rows(unit=tuy_phong)}
    # Move one entry to Q1/2017 (Vietnam time): only it is in that quarter.
    entry = PageLogEntry.objects.filter(page=office, action="wagtail.workflow.start").get()
    entry.timestamp = datetime.datetime(2017, 3, 31, 23, 30, tzinfo=VIETNAM_TZ)
    entry.save()
    q1 = approval_log_rows(period=Period("quarter", 2017, 1))
    assert [(row.page_id, row.action) for row in q1 if row.page_id in (office.pk, district.pk)] == [
        (office.pk, "wagtail.workflow.start")
    ]
    assert all(Period("quarter", 2017, 1).contains(row.time) for row in q1)
    assert [row.time_label for row in q1 if row.page_id == office.pk] == ["31/03/2017 23:30"]


def test_screen_lists_rows_for_the_board(client, history):
    client.force_login(user("bbt"))
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Nhật ký duyệt tin - bài",
        "Nhật ký: tin Văn phòng",
        "Trả lại",
        "Sửa tiêu đề.",
        "Trùng tin.",
    ):
        assert text in html
    unit = Unit.objects.get(code="van-phong")
    office, district = history
    shown = {row.page_id for row in client.get(URL, {"unit": unit.pk}).context["object_list"]}
    assert office.pk in shown and district.pk not in shown
    bad = client.get(URL, {"period": "quý V/2017"})
    assert bad.status_code == 200
    assert "Kỳ báo cáo không hợp lệ" in bad.content.decode()


def test_xlsx_export(client, history):
    client.force_login(user("giamsat"))
    response = client.get(URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="nhat-ky-duyet-tin-bai-')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Thời gian", "Người thực hiện", "Thao tác", "Tin - bài", "Đơn vị", "Ý kiến, lý do")
    assert (
        "Nguyễn Văn Minh",
        "Trả lại",
        "Nhật ký: tin Văn phòng",
        "Văn phòng LĐLĐ tỉnh",
        "Sửa tiêu đề.",
    ) in [row[1:] for row in rows[1:]]
    # Times are written in Vietnam time, as the screen shows them.
    first = next(row for row in rows[1:] if row[3] == "Nhật ký: tin Văn phòng")
    screen = approval_log_rows()[0]
    assert isinstance(first[0], datetime.datetime) and first[0].tzinfo is None
    assert abs(first[0] - screen.time.replace(tzinfo=None)) < datetime.timedelta(minutes=5)


@pytest.mark.parametrize(
    "username, allowed",
    [
        ("bbt", True),
        ("thuky", True),
        ("giamsat", True),
        ("tuyphong.duyet", True),
        ("vanphong", False),
        ("ketoan.tuyphong", False),
    ],
)
def test_who_may_read_the_log(client, username, allowed):
    client.force_login(user(username))
    response = client.get(URL)
    assert (response.status_code == 200) == allowed


def test_unit_approvers_read_only_their_units_log(client, history):
    office, district = history
    client.force_login(user("tuyphong.duyet"))
    shown = {row.page_id for row in client.get(URL).context["object_list"]}
    assert district.pk in shown
    assert office.pk not in shown


def test_reports_menu_lists_the_log_for_readers_only(client):
    client.force_login(user("giamsat"))
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(user("vanphong"))
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()
