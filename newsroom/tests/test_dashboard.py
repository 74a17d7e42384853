"""Dashboard panels: awaiting my approval (with age), my unit's quarter, returned to me."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import TaskState

from newsroom.rules import format_age
from newsroom.selectors import awaiting_approval_rows, returned_post_rows, unit_quarter_rows
from posts.models import PostPage
from units.models import Unit
from vietnamese.periods import Period

from .support import Editor, make_post, user

HOME = reverse("wagtailadmin_home")


def test_awaiting_my_approval_lists_posts_with_their_age(client):
    Editor(client, "vanphong").create("van-phong", "Tin chờ duyệt trên bảng", action="submit")
    post = PostPage.objects.get(title="Tin chờ duyệt trên bảng")
    TaskState.objects.filter(workflow_state__object_id=str(post.pk)).update(
        started_at=timezone.now() - datetime.timedelta(days=2, hours=3)
    )
    [row] = [row for row in awaiting_approval_rows(user("bbt")) if row.page_id == post.pk]
    assert (row.unit_name, row.submitted_by, row.age_label) == ("Văn phòng", "Phạm Thị Hoa", "2 ngày 3 giờ")
    assert post.pk not in {row.page_id for row in awaiting_approval_rows(user("tuyphong.duyet"))}

    client.force_login(user("bbt"))
    html = client.get(HOME).content.decode()
    assert "Chờ tôi duyệt" in html and "Tin chờ duyệt trên bảng" in html and "2 ngày 3 giờ" in html
    assert "Awaiting your review" not in html


def test_returned_posts_show_the_comment(client):
    Editor(client, "tuyphong").create("tuy-phong", "Tin bị trả về bảng", action="submit")
    post = PostPage.objects.get(title="Tin bị trả về bảng")
    Editor(client, "tuyphong.duyet").workflow_action(post, "reject", comment="Ghi rõ thời gian, địa điểm.")
    [row] = returned_post_rows(user("tuyphong"))
    assert (row.title, row.returned_by, row.comment) == (
        "Tin bị trả về bảng",
        "Đặng Ngọc Sơn",
        "Ghi rõ thời gian, địa điểm.",
    )
    client.force_login(user("tuyphong"))
    html = client.get(HOME).content.decode()
    assert "Bị trả lại" in html and "Ghi rõ thời gian, địa điểm." in html


def test_unit_quarter_counts_published_tin_and_bai_of_the_quarter(client):
    unit = Unit.objects.get(code="cd-vien-chuc")
    period = Period.containing(timezone.now(), "quarter")
    before = unit_quarter_rows([unit], period)[0]
    make_post("cd-vien-chuc", "Tin quý này 1", live=True)
    make_post("cd-vien-chuc", "Tin quý này 2", live=True)
    make_post("cd-vien-chuc", "Bài quý này", kind="article", live=True)
    make_post("cd-vien-chuc", "Tin còn nháp")
    old = make_post("cd-vien-chuc", "Tin quý trước", live=True)
    PostPage.objects.filter(pk=old.pk).update(first_published_at=period.start - datetime.timedelta(minutes=1))
    row = unit_quarter_rows([unit], period)[0]
    assert (row.news - before.news, row.articles - before.articles) == (2, 1)
    assert row.unit_name == "CĐ Viên chức tỉnh"

    client.force_login(user("tuyphong"))
    html = client.get(HOME).content.decode()
    assert f"Tin - bài của đơn vị trong {period.label}" in html
    assert "LĐLĐ huyện Tuy Phong" in html


def test_federation_roles_have_no_unit_panel(client):
    client.force_login(user("giamsat"))
    assert "Tin - bài của đơn vị trong" not in client.get(HOME).content.decode()


def test_format_age():
    cases = [
        (datetime.timedelta(seconds=20), "vừa gửi"),
        (datetime.timedelta(minutes=45), "45 phút"),
        (datetime.timedelta(hours=5, minutes=59), "5 giờ"),
        (datetime.timedelta(days=3), "3 ngày"),
        (datetime.timedelta(days=3, hours=2), "3 ngày 2 giờ"),
        (datetime.timedelta(seconds=-5), "vừa gửi"),
    ]
    for age, expected in cases:
        assert format_age(age) == expected, age
