"""An issued report is never changed, by any route; a mistake is corrected by a new letter that
supersedes it (`services.supersede_report`), and the old record stays exactly as it was."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from oversight.documents import issued_report, report_document
from oversight.models import IssuedReport, IssuedReportLocked
from oversight.services import IssueError, issue_report, supersede_report
from units.models import Unit

from .factories import make_post, make_user, vn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quotas")]

LETTER_DAY = datetime.date(2017, 4, 24)
ISSUE = "oversight.issue_compliance_report"
VIEW = "oversight.view_compliance_report"


@pytest.fixture
def issued():
    return issue_report("2017-Q1", "435/LĐLĐ", LETTER_DAY, make_user("kt-giamsat", VIEW, ISSUE))


def stored(report):
    return IssuedReport.objects.filter(pk=report.pk).values().get()


# -- the ORM ------------------------------------------------------------------------------------------


def test_bulk_paths_cannot_rewrite_an_issued_report(issued):
    before = stored(issued)
    issued.number = "999/LĐLĐ"
    # bulk_update runs in a transaction of its own: a savepoint keeps the test's usable.
    with pytest.raises(IssuedReportLocked), transaction.atomic():
        IssuedReport.objects.bulk_update([issued], ["number"])
    with pytest.raises(IssuedReportLocked):
        IssuedReport.objects.bulk_create(
            [IssuedReport(**{**before, "id": None, "number": "999/LĐLĐ"})],
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["number"],
        )
    # Written as new, it is a second first issue of the period: the database refuses it.
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedReport.objects.create(**{**before, "id": None, "number": "999/LĐLĐ"})
    assert stored(issued) == before


# -- superseding ----------------------------------------------------------------------------------------


def test_a_correction_supersedes_and_leaves_the_original_untouched(issued):
    before = stored(issued)
    make_post(Unit.objects.get(code="cdn-y-te"), vn(2017, 3, 20), kind="article")  # reported late
    officer = make_user("kt-giamsat-2", VIEW, ISSUE)

    correction = supersede_report(
        issued, "512/LĐLĐ", datetime.date(2017, 5, 12), "Bổ sung bài CĐN Y tế đăng ngày 20/3/2017.", officer
    )

    assert stored(issued) == before
    assert correction.supersedes == issued and issued.superseded_by == correction
    assert (correction.period_code, correction.number, correction.reason) == (
        "2017-Q1",
        "512/LĐLĐ",
        "Bổ sung bài CĐN Y tế đăng ngày 20/3/2017.",
    )
    assert correction.issued_by_name == "kt-giamsat-2"
    # The period's screens and downloads now use the correction; the original stays readable.
    assert issued_report("2017-Q1") == correction
    assert report_document("2017-Q1").rows == correction.report_rows != issued.report_rows
    assert list(IssuedReport.objects.current().filter(period_code="2017-Q1")) == [correction]


def test_only_the_report_in_force_is_superseded_and_only_once(issued):
    correction = supersede_report(issued, "512/LĐLĐ", datetime.date(2017, 5, 12), "Sửa số liệu.")
    with pytest.raises(IssueError, match="đã được thay thế"):
        supersede_report(issued, "513/LĐLĐ", datetime.date(2017, 5, 13), "Lần nữa.")
    second = supersede_report(correction, "520/LĐLĐ", datetime.date(2017, 5, 20), "Sửa lần hai.")
    assert issued_report("2017-Q1") == second
    assert IssuedReport.objects.filter(period_code="2017-Q1").count() == 3
    # The normal issue path still says the period is issued.
    with pytest.raises(IssueError, match="đã được ban hành"):
        issue_report("2017-Q1", "600/LĐLĐ", datetime.date(2017, 6, 1))


def test_the_database_keeps_a_single_chain(issued):
    supersede_report(issued, "512/LĐLĐ", datetime.date(2017, 5, 12), "Sửa số liệu.")
    with pytest.raises(IntegrityError), transaction.atomic():
        IssuedReport.objects.create(
            **{**stored(issued), "id": None, "number": "513/LĐLĐ", "supersedes": issued}
        )


@pytest.mark.parametrize(
    ("number", "day", "reason", "message"),
    [
        ("512/LĐLĐ", datetime.date(2017, 5, 12), "  ", "lý do"),
        ("", datetime.date(2017, 5, 12), "Sửa.", "số công văn"),
        ("512/LĐLĐ", None, "Sửa.", "ngày công văn"),
        ("512/LĐLĐ", datetime.date(2017, 4, 1), "Sửa.", "trước công văn được thay thế"),
    ],
)
def test_a_correction_checks_its_input(issued, number, day, reason, message):
    with pytest.raises(IssueError, match=message):
        supersede_report(issued, number, day, reason)
    assert issued_report("2017-Q1") == issued


# -- the admin and the commands -------------------------------------------------------------------------


def test_no_admin_screen_edits_or_deletes_issued_reports(admin_client, issued):
    for path in ("/django-admin/oversight/issuedreport/", "/admin/snippets/oversight/issuedreport/"):
        assert admin_client.get(path).status_code == 404, path
    # The issued report's screen reads only: no form on it posts to the oversight desk.
    page = BeautifulSoup(
        admin_client.get(reverse("oversight:issued", args=[issued.pk])).content, "html.parser"
    )
    posting = [form for form in page.find_all("form") if (form.get("method") or "get").lower() == "post"]
    assert not [form for form in posting if "/giam-sat/" in (form.get("action") or "/giam-sat/")]
    assert page.find(string=lambda text: text and "Bảng đã ban hành là bản lưu cố định" in text)


def test_issuing_an_issued_period_again_from_the_screen_changes_nothing(client, issued):
    before = stored(issued)
    client.force_login(make_user("kt-giamsat-2", VIEW, ISSUE))
    url = reverse("oversight:issue", args=["2017-Q1"])
    response = client.post(url, {"number": "436/LĐLĐ", "document_date": "2017-04-25", "confirmed": "True"})
    assert response.status_code == 200
    assert "Bảng kết quả quý I/2017 đã được ban hành." in response.content.decode()
    assert list(IssuedReport.objects.values_list("pk", flat=True)) == [issued.pk]
    assert stored(issued) == before


def test_the_superseded_report_screen_points_to_its_correction(client, issued):
    correction = supersede_report(issued, "512/LĐLĐ", datetime.date(2017, 5, 12), "Sửa số liệu.")
    client.force_login(make_user("kt-bbt", VIEW))
    old = client.get(reverse("oversight:issued", args=[issued.pk])).content.decode()
    assert "Đã được thay thế bởi Công văn số 512/LĐLĐ" in old
    assert reverse("oversight:issued", args=[correction.pk]) in old
    new = client.get(reverse("oversight:issued", args=[correction.pk])).content.decode()
    assert "Thay thế Công văn số 435/LĐLĐ" in new and "Sửa số liệu." in new


@pytest.mark.parametrize("fmt", ["text", "csv", "xlsx", "docx"])
def test_the_report_command_only_reads(issued, fmt, tmp_path):
    before = stored(issued)
    call_command(
        "compliance_report",
        "2017-Q1",
        "--format",
        fmt,
        "--output",
        str(tmp_path / f"bao-cao.{fmt}"),
        stdout=io.StringIO(),
    )
    assert list(IssuedReport.objects.values_list("pk", flat=True)) == [issued.pk]
    assert stored(issued) == before


def test_the_supersede_command_issues_a_correction(issued):
    make_user("kt-giamsat-2", VIEW, ISSUE)
    out = io.StringIO()
    call_command(
        "supersede_report",
        "quý I/2017",
        "--number",
        "512/LĐLĐ",
        "--date",
        "2017-05-12",
        "--reason",
        "Bổ sung số liệu.",
        "--user",
        "kt-giamsat-2",
        stdout=out,
    )
    correction = issued_report("2017-Q1")
    assert correction.supersedes == issued and correction.issued_by.username == "kt-giamsat-2"
    assert "Công văn số 512/LĐLĐ thay thế Công văn số 435/LĐLĐ" in out.getvalue()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["2017-Q2", "--date", "2017-07-10"], "Chưa ban hành bảng kết quả quý II/2017"),
        (["2017-Q1", "--date", "12/5/2017"], "Ngày công văn không hợp lệ"),
        (["2017-Q1", "--date", "2017-05-12", "--user", "khong-co"], "Không có tài khoản"),
        (["2017-Q1", "--date", "2017-04-01"], "trước công văn được thay thế"),
        (["quý V/2017", "--date", "2017-05-12"], "Kỳ báo cáo không hợp lệ"),
    ],
)
def test_the_supersede_command_refuses_with_a_message(issued, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("supersede_report", *arguments, "--number", "512/LĐLĐ", "--reason", "Sửa.")
    assert issued_report("2017-Q1") == issued


def test_an_officer_supersedes_from_the_issued_report_screen(client, issued):
    before = stored(issued)
    client.force_login(make_user("kt-giamsat-2", VIEW, ISSUE))
    url = reverse("oversight:supersede", args=[issued.pk])
    assert url in client.get(reverse("oversight:issued", args=[issued.pk])).content.decode()
    form = client.get(url)
    assert (
        form.status_code == 200 and "Công văn mới sẽ thay thế Công văn số 435/LĐLĐ" in form.content.decode()
    )

    missing = client.post(url, {"number": "512/LĐLĐ", "document_date": "12/05/2017"})
    assert missing.status_code == 200 and missing.context["form"].errors["reason"]
    response = client.post(
        url, {"number": "512/LĐLĐ", "document_date": "12/05/2017", "reason": "Sửa số liệu."}
    )
    correction = issued_report("2017-Q1")
    assert response.url == reverse("oversight:issued", args=[correction.pk])
    assert (correction.number, correction.supersedes_id, correction.reason) == (
        "512/LĐLĐ",
        issued.pk,
        "Sửa số liệu.",
    )
    assert stored(issued) == before

    # The replaced report offers no second correction, and a posted one is refused with the reason.
    assert url not in client.get(reverse("oversight:issued", args=[issued.pk])).content.decode()
    again = client.post(url, {"number": "513/LĐLĐ", "document_date": "13/05/2017", "reason": "Lần nữa."})
    assert "đã được thay thế bằng một báo cáo khác" in again.content.decode()
    assert IssuedReport.objects.count() == 2


def test_superseding_needs_the_issue_permission(client, issued):
    client.force_login(make_user("kt-bbt", VIEW))
    url = reverse("oversight:supersede", args=[issued.pk])
    assert url not in client.get(reverse("oversight:issued", args=[issued.pk])).content.decode()
    response = client.post(url, {"number": "512/LĐLĐ", "document_date": "12/05/2017", "reason": "Sửa."})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert list(IssuedReport.objects.values_list("pk", flat=True)) == [issued.pk]
