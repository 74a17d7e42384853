"""Every message a user meets is Vietnamese and says what is wrong and how to fix it: the
organisation file loader and its command, the post editor (Django's and Wagtail's validation
messages included), the public search."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from posts.rules import ImageSlot, image_problems
from units.loading import DEFAULT_FIXTURE, OrganisationFileError, check_organisation, read_organisation_file
from units.models import Unit, UnitPage

from .english_labels import visible_text

# Words of Django's and Python's English messages; none may reach a user.
ENGLISH = re.compile(
    r"\b(must|Enter|value|valid|invalid|required|Expecting|expected|field|Please|submit|"
    r"the|does not|exist|not allowed|format)\b"
)
# Hints that the message says how to fix it.
FIX = re.compile(r"Hãy|hãy|phải|Cần|cần")


def assert_vietnamese(message: str) -> None:
    assert not ENGLISH.search(message), f"English in: {message}"
    assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", message.lower()), message


def organisation(**changes) -> dict:
    data = json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))
    data["units"] = [dict(row) for row in data["units"][:3]]
    for index, row in changes.items():
        data["units"][int(index.lstrip("u"))].update(row)
    return data


BROKEN_ROWS = [
    ({"u0": {"kind": "khong-co"}}, "có loại “khong-co” không có trong mục “kinds”"),
    ({"u1": {"name": ""}}, "thiếu mục “name”"),
    ({"u1": {"code": "van phong"}}, "đường dẫn rút gọn (slug) hợp lệ"),
    ({"u2": {"report_order": "ba"}}, "Giá trị “ba” phải là một số nguyên"),
    ({"u2": {"report_order": None}}, "không được để null"),
    ({"u0": {"valid_from": "2017-02-30"}}, "không phải là một ngày có thật"),
    ({"u0": {"valid_from": "30/01/2017"}}, "không đúng định dạng ngày"),
    ({"u0": {"valid_from": "2018-01-01", "valid_to": "2017-01-01"}}, "sau ngày “valid_to”"),
    ({"u1": {"email": "vanphong@"}}, "email hợp lệ"),
    ({"u1": {"name": "Văn phòng " * 30}}, "tối đa 200"),
    ({"u2": {"code": "van-phong"}}, "trùng mã"),
]


@pytest.mark.parametrize(("changes", "expected"), BROKEN_ROWS)
def test_organisation_file_problems_are_vietnamese_and_say_how_to_fix(changes, expected):
    with translation.override("vi"):
        problems = check_organisation(organisation(**changes))
    assert problems and any(expected in p for p in problems), problems
    for problem in problems:
        assert_vietnamese(problem)
        assert "Đơn vị thứ" in problem  # which row


def test_a_good_organisation_file_has_no_problem():
    assert check_organisation(json.loads(DEFAULT_FIXTURE.read_text(encoding="utf-8"))) == []


UNREADABLE = [
    ("missing.json", None, "Không tìm thấy tệp đơn vị"),
    ("broken.json", b'{"kinds": [], "units": [,]}', "dòng 1, cột 25"),
    ("latin1.json", '{"kinds": [], "units": [], "x": "Bình"}'.encode("latin-1"), "UTF-8"),
    ("list.json", b"[]", "“kinds”"),
]


@pytest.mark.parametrize(("name", "content", "expected"), UNREADABLE)
def test_unreadable_organisation_files(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with translation.override("vi"), pytest.raises(OrganisationFileError) as error:
        read_organisation_file(path)
    assert expected in str(error.value)
    assert_vietnamese(str(error.value))
    assert FIX.search(str(error.value))


@pytest.mark.django_db
def test_load_units_reports_every_problem_and_writes_nothing(tmp_path):
    path = tmp_path / "units.json"
    data = organisation(u0={"kind": "khong-co"}, u1={"report_order": "ba"})
    data["units"][2]["code"] = "don-vi-moi"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = Unit.objects.count()
    with translation.override("vi"), pytest.raises(CommandError) as error:
        call_command("load_units", str(path))
    message = str(error.value)
    assert message.startswith("Tệp đơn vị có 2 lỗi; chưa nạp gì:")
    assert "khong-co" in message and "“ba”" in message
    assert_vietnamese(message)
    assert Unit.objects.count() == before and not Unit.objects.filter(code="don-vi-moi").exists()


def test_image_rule_messages_say_how_to_fix():
    slots = [ImageSlot(False, "Chú thích"), ImageSlot(True, " ")]
    with translation.override("vi"):
        problems = image_problems(slots) + image_problems([])
    assert len(problems) == 3
    for problem in problems:
        assert_vietnamese(problem)
        assert FIX.search(problem), problem


# -- The page editor: Django's and Wagtail's own validation messages, in Vietnamese -----------------


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.filter(is_superuser=True).first())
    return client


def post_form(**fields):
    data = {
        "title": "",
        "slug": "",
        "lead": "Tóm tắt",
        "event_date": "",
        "body": streamfield([]),
        "images": inline_formset([]),
        "authors": inline_formset([]),
        "topics": [],
        "tags": "",
        "grade": "B",
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.mark.django_db
def test_page_editor_validation_messages_are_vietnamese(admin_client):
    unit_page = UnitPage.objects.first()
    url = f"/admin/pages/add/posts/newspage/{unit_page.pk}/"
    response = admin_client.post(
        url, post_form(title="", event_date="31/02/2017", slug="tin moi!", **{"action-publish": "1"})
    )
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    # Django's messages (its own vi catalogue, and ours for what it lacks).
    assert "Trường này là bắt buộc." in text  # title
    assert "Nhập một ngày hợp lệ." in text  # event date 31/02
    assert "đường dẫn rút gọn (slug) hợp lệ" in text  # slug with a space
    assert "Cần ít nhất 1 mục." in text  # no author (InlinePanel min_num=1)
    # Wagtail's message for the whole form, from our catalogue.
    assert "Không thể tạo trang do có lỗi dữ liệu." in text
    for english in ("This field is required", "Enter a valid", "Please submit", "The page could not be"):
        assert english not in text


# -- Public search ---------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", "Nhập từ khóa"),
        ("x" * 300, "Từ khóa quá dài"),
        ("...", "Từ khóa chỉ gồm dấu câu"),
        ("khongcotunaynhu", "Hãy bớt từ"),
    ],
)
def test_search_messages(client, query, expected):
    response = client.get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert expected in text
