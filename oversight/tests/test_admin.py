"""The admin screens: who may see them, the table, downloads, issuing, comparison, reminders."""

import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from oversight.models import IssuedReport, QuotaRule, Remark
from oversight.reminders import recipients_by_unit
from units.models import Unit

from .factories import make_post, make_user, vn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quotas")]

VIEW = "oversight.view_compliance_report"
ISSUE = "oversight.issue_compliance_report"
REMIND = "oversight.send_reminders"


@pytest.fixture
def viewer(client):
    client.force_login(make_user("kt-bbt", VIEW))
    return client


@pytest.fixture
def officer(client):
    client.force_login(make_user("kt-giamsat", VIEW, ISSUE, REMIND))
    return client


def test_menu_and_screen_need_the_view_permission(client):
    url = reverse("oversight:report")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user("kt-bientap"))
    response = client.get(url)
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert "compliance-report" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_report_screen_shows_the_table(viewer):
    response = viewer.get(reverse("oversight:report"), {"ky": "2017-Q1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kết quả đăng tin - bài trong quý I/2017" in html
    assert "LĐLĐ huyện Bắc Bình" in html and "Chưa có thông tin tại mục Giới thiệu công đoàn." in html
    assert "<svg" in html and "Tin - bài toàn Liên đoàn theo quý" in html
    rows = response.context["rows"]
    assert [item.row.unit_name for item in rows][:2] == ["Văn phòng", "Ủy ban kiểm tra"]
    assert rows[5].news.percent == 100  # Ban Tuyên giáo, 8 of 6
    # A past period: no "expected by today" marker; no issue or reminder buttons for a viewer.
    assert not response.context["running"]
    assert reverse("oversight:issue", args=["2017-Q1"]) not in html
    assert reverse("oversight:download", args=["2017-Q1", "xlsx"]) in html


def test_period_picker_accepts_vietnamese_and_reports_bad_input(viewer):
    response = viewer.get(reverse("oversight:report"), {"ky": "2017-Q1", "ky_khac": "tháng 2/2017"})
    assert response.context["period"].code == "2017-02"
    response = viewer.get(reverse("oversight:report"), {"ky": "quý 9/2017"})
    assert response.status_code == 200
    assert any("Kỳ báo cáo không hợp lệ" in str(m) for m in response.context["messages"])


def test_current_quarter_has_the_expected_marker(viewer):
    response = viewer.get(reverse("oversight:report"))
    assert response.context["running"]
    assert 'stroke="#c0392b"' in response.content.decode()


def test_menu_item_for_viewers(viewer):
    html = viewer.get(reverse("wagtailadmin_home")).content.decode()
    assert "compliance-report" in html


def test_downloads(viewer):
    response = viewer.get(reverse("oversight:download", args=["2017-Q1", "xlsx"]))
    assert response["Content-Disposition"] == 'attachment; filename="ket-qua-dang-tin-bai-2017-Q1.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert sheet["A1"].value.endswith("trong quý I/2017")
    response = viewer.get(reverse("oversight:download", args=["2017-Q1", "docx"]))
    document = Document(io.BytesIO(response.content))
    assert document.tables[0].rows[0].cells[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert viewer.get(reverse("oversight:download", args=["2017-Q1", "pdf"])).status_code == 404
    assert viewer.get(reverse("oversight:download", args=["quy-9", "xlsx"])).status_code == 404


def test_issue_needs_its_permission(viewer):
    response = viewer.get(reverse("oversight:issue", args=["2017-Q1"]))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    response = viewer.post(
        reverse("oversight:issue", args=["2017-Q1"]),
        {"number": "435/LĐLĐ", "document_date": "2017-04-24", "confirmed": "True"},
    )
    assert not IssuedReport.objects.exists()


def test_issue_in_two_steps_then_compare(officer):
    url = reverse("oversight:issue", args=["2017-Q1"])
    assert officer.get(url).status_code == 200
    # Step one: the form, then a confirmation listing the rows; nothing stored yet.
    response = officer.post(
        url, {"number": "435/LĐLĐ", "document_date": "24/04/2017"}
    )  # as the picker writes it
    assert response.status_code == 200 and response.context["confirming"]
    assert "không sửa và không xóa được" in response.content.decode()
    assert not IssuedReport.objects.exists()
    # Step two: confirmed.
    response = officer.post(url, {"number": "435/LĐLĐ", "document_date": "2017-04-24", "confirmed": "True"})
    issued = IssuedReport.objects.get()
    assert response.url == reverse("oversight:issued", args=[issued.pk])
    assert (issued.number, issued.document_date, issued.issued_by.username) == (
        "435/LĐLĐ",
        datetime.date(2017, 4, 24),
        "kt-giamsat",
    )
    # Issuing again sends the user to the issued report.
    assert officer.get(url).url == reverse("oversight:issued", args=[issued.pk])

    detail = reverse("oversight:issued", args=[issued.pk])
    assert "trùng khớp" in officer.get(detail).content.decode()
    make_post(Unit.objects.get(code="van-phong"), vn(2017, 3, 2))
    response = officer.get(detail)
    assert [c.unit_name for c in response.context["changes"]] == ["Văn phòng"]
    docx = officer.get(reverse("oversight:issued_download", args=[issued.pk, "docx"]))
    assert "Số: 435/LĐLĐ" in [
        p.text for p in Document(io.BytesIO(docx.content)).tables[0].rows[0].cells[0].paragraphs
    ]
    xlsx = officer.get(reverse("oversight:issued_download", args=[issued.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).worksheets[0]
    assert sheet["A2"].value.startswith("(kèm theo Công văn số 435/LĐLĐ ngày 24/4/2017")
    assert sheet.cell(row=5, column=3).value == 1  # Văn phòng as issued, not the live 2


def test_issue_form_errors(officer):
    url = reverse("oversight:issue", args=["2017-Q1"])
    response = officer.post(url, {"number": "", "document_date": "24/04/2017x"})
    assert response.status_code == 200 and response.context["form"].errors
    response = officer.post(url, {"number": "1/LĐLĐ", "document_date": "2016-01-01", "confirmed": "True"})
    assert "trước ngày bắt đầu" in response.content.decode()


def test_remind_preview_then_send(officer):
    Unit.objects.filter(code="van-phong").update(email="vanphong@example.vn")
    unit = Unit.objects.get(code="van-phong")
    # Its writers when the demo gave it some, else the unit's own address.
    recipients = recipients_by_unit([unit])[unit.pk]
    assert recipients
    url = reverse("oversight:remind", args=["2017-Q1"])
    response = officer.get(url)
    assert recipients[0] in response.content.decode() and mail.outbox == []
    response = officer.post(url)
    assert response.status_code == 302
    assert any(m.to == recipients for m in mail.outbox)


def test_snippets_for_quotas_and_remarks(admin_client):
    assert admin_client.get(reverse("wagtailsnippets_oversight_quotarule:list")).status_code == 200
    response = admin_client.post(
        reverse("wagtailsnippets_oversight_remark:add"),
        {
            "unit": Unit.objects.get(code="ban-to-chuc").pk,
            "period_code": "quý II/2017",
            "text": "Ghi chú thử.",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    remark = Remark.objects.get(unit__code="ban-to-chuc")
    assert remark.period_code == "2017-Q2" and remark.author.is_superuser
    response = admin_client.post(
        reverse("wagtailsnippets_oversight_quotarule:add"),
        {
            "name": "Sai",
            "unit_kind": Unit.objects.get(code="ban-to-chuc").kind_id,
            "unit": Unit.objects.get(code="ban-to-chuc").pk,
            "period_kind": "quarter",
            "target_news": 6,
            "target_articles": 1,
            "valid_from": "2018-01-01",
        },
    )
    assert response.status_code == 200 and not QuotaRule.objects.filter(name="Sai").exists()


def test_letter_settings_are_editable_in_the_admin(admin_client):
    response = admin_client.get(reverse("wagtailsettings:edit", args=["oversight", "lettersettings"]))
    assert response.status_code in (200, 302)
