"""Issued reports: a frozen snapshot that later publishing never changes."""

import datetime

import pytest
from wagtail.models import Site

from oversight.documents import issued_document, report_document
from oversight.models import IssuedReport, IssuedReportLocked, LetterSettings
from oversight.rules import compare_rows
from oversight.selectors import compliance_rows
from oversight.services import IssueError, issue_report
from posts.models import PostPage
from units.models import Unit

from .factories import make_post, make_user, vn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quotas")]

LETTER_DAY = datetime.date(2017, 4, 24)


@pytest.fixture
def issued():
    user = make_user("kt-giamsat", "oversight.issue_compliance_report")
    return issue_report("2017-Q1", " 435/LĐLĐ ", LETTER_DAY, user)


def test_issue_stores_the_rows_letter_and_addressees(issued):
    assert (issued.period_code, issued.period_label, issued.number) == ("2017-Q1", "quý I/2017", "435/LĐLĐ")
    assert issued.issued_by.username == "kt-giamsat" and issued.issued_by_name == "kt-giamsat"
    assert issued.report_rows == compliance_rows("2017-Q1")
    assert issued.letter["signer_name"] == "Phạm Quốc Luy"
    assert "Liên đoàn Lao động cấp huyện" in issued.letter["addressees"]
    document = issued_document(issued)
    assert document.subtitle == (
        "(kèm theo Công văn số 435/LĐLĐ ngày 24/4/2017 của Ban Thường vụ Liên đoàn Lao động tỉnh)"
    )


def test_issued_report_does_not_change_with_later_posts(issued):
    before = issued.report_rows
    unit = Unit.objects.get(code="cdn-y-te")
    make_post(unit, vn(2017, 3, 20), kind="article")  # a late Q1 article
    PostPage.objects.live().filter(unit__code="ban-tuyen-giao", first_published_at__lt=vn(2017, 4, 1)).filter(
        first_published_at__gte=vn(2017, 1, 1)
    ).first().unpublish()

    stored = IssuedReport.objects.get(pk=issued.pk)
    assert stored.report_rows == before
    live = compliance_rows("2017-Q1")
    changes = {change.unit_name: change for change in compare_rows(stored.report_rows, live)}
    assert set(changes) == {"CĐN Y tế", "Ban Tuyên giáo"}
    assert changes["CĐN Y tế"].fields == ("articles", "notes")
    assert changes["CĐN Y tế"].live.notes == ()
    assert changes["Ban Tuyên giáo"].fields == ("news",)
    # The exports of a period prefer its issued snapshot; a "live" request gets the new counts.
    assert report_document("2017-Q1").rows == before
    assert report_document("2017-Q1", live=True).rows == live


def test_issued_report_is_not_changed_by_later_settings(issued):
    settings = LetterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.signer_name = "Người khác"
    settings.save()
    assert issued_document(IssuedReport.objects.get(pk=issued.pk)).letter["signer_name"] == "Phạm Quốc Luy"


def test_issued_report_cannot_be_saved_or_deleted(issued):
    issued.number = "999/LĐLĐ"
    with pytest.raises(IssuedReportLocked):
        issued.save()
    with pytest.raises(IssuedReportLocked):
        issued.delete()
    with pytest.raises(IssuedReportLocked):
        IssuedReport.objects.filter(pk=issued.pk).update(number="999/LĐLĐ")
    with pytest.raises(IssuedReportLocked):
        IssuedReport.objects.all().delete()
    assert IssuedReport.objects.get(pk=issued.pk).number == "435/LĐLĐ"


def test_a_period_is_issued_once(issued):
    with pytest.raises(IssueError, match="đã được ban hành"):
        issue_report("quý I/2017", "436/LĐLĐ", LETTER_DAY)


@pytest.mark.parametrize(
    ("number", "day", "message"),
    [
        ("", LETTER_DAY, "số công văn"),
        ("435/LĐLĐ", None, "ngày công văn"),
        ("435/LĐLĐ", datetime.date(2016, 12, 31), "trước ngày bắt đầu"),
    ],
)
def test_issue_checks_its_input(number, day, message):
    with pytest.raises(IssueError, match=message):
        issue_report("2017-Q1", number, day)
    assert not IssuedReport.objects.exists()
