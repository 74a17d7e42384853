"""Emails of the approval paths: who is told, and what they read (Vietnamese)."""

import re

from django.core import mail
from django.urls import reverse

from newsroom.actions import unpublish_with_reason
from posts.models import PostPage

from .support import Editor, make_post, user


def sent_to(username):
    address = user(username).email
    return [message for message in mail.outbox if address in message.to]


def test_board_is_told_of_a_department_submission(client):
    Editor(client, "vanphong").create("van-phong", "Văn phòng tổ chức hội nghị cán bộ", action="submit")
    recipients = {address for message in mail.outbox for address in message.to}
    assert user("bbt").email in recipients
    assert user("tuyphong.duyet").email not in recipients
    assert user("vanphong").email not in recipients  # the writer is not told of their own submission
    assert recipients == {user("bbt").email}  # not every superuser (settings: INCLUDE_SUPERUSERS off)

    [message] = sent_to("bbt")
    assert message.subject == "Tin - bài chờ duyệt: “Văn phòng tổ chức hội nghị cán bộ”"
    assert "Kính gửi Nguyễn Văn Minh," in message.body
    assert "đang chờ anh/chị duyệt" in message.body
    assert "Thường trực Ban Biên tập duyệt" in message.body
    assert "Người gửi: Phạm Thị Hoa." in message.body
    post = PostPage.objects.get(title="Văn phòng tổ chức hội nghị cán bộ")
    assert f"http://testserver/admin/pages/{post.pk}/edit/" in message.body


def test_superusers_get_no_submission_email_of_a_path_they_are_not_on(client):
    admin = user("admin")
    assert admin.is_superuser and admin.email
    Editor(client, "tuyphong").create("tuy-phong", "Tuy Phong hội thao công nhân", action="submit")
    assert mail.outbox  # the unit's approvers were told
    assert not sent_to("admin")


def test_district_approver_not_the_board_is_told_of_a_district_submission(client):
    Editor(client, "tuyphong").create("tuy-phong", "Tuy Phong trao quà Tết", action="submit")
    recipients = {address for message in mail.outbox for address in message.to}
    assert user("tuyphong.duyet").email in recipients
    assert user("bbt").email not in recipients
    assert user("yte.duyet").email not in recipients
    [message] = sent_to("tuyphong.duyet")
    assert "Lãnh đạo đơn vị duyệt – LĐLĐ huyện Tuy Phong" in message.body


def test_writer_is_told_of_approval(client):
    Editor(client, "vanphong").create("van-phong", "Tin được duyệt", action="submit")
    mail.outbox = []
    Editor(client, "bbt").workflow_action(PostPage.objects.get(title="Tin được duyệt"), "approve")
    [message] = sent_to("vanphong")
    assert message.subject == "Tin - bài đã được duyệt và đăng: “Tin được duyệt”"
    assert "đã được duyệt (Thường trực Ban Biên tập duyệt) và đăng trên Website." in message.body


def test_writer_is_told_of_rejection_with_the_comment(client):
    Editor(client, "tuyphong").create("tuy-phong", "Tin bị trả lại", action="submit")
    mail.outbox = []
    post = PostPage.objects.get(title="Tin bị trả lại")
    Editor(client, "tuyphong.duyet").workflow_action(post, "reject", comment="Thiếu tên người trong ảnh.")
    [message] = sent_to("tuyphong")
    assert message.subject == "Tin - bài bị trả lại: “Tin bị trả lại”"
    assert (
        "đã bị Đặng Ngọc Sơn trả lại ở bước “Lãnh đạo đơn vị duyệt – LĐLĐ huyện Tuy Phong”." in message.body
    )
    assert "Ý kiến: Thiếu tên người trong ảnh." in message.body
    assert f"/admin/pages/{post.pk}/edit/" in message.body
    assert not sent_to("bbt")


def test_emails_have_no_html_escaping_in_plain_text(client):
    Editor(client, "vanphong").create("van-phong", "Lao động & việc làm “mùa khô”", action="submit")
    [message] = sent_to("bbt")
    assert "Lao động & việc làm “mùa khô”" in message.body
    assert "&amp;" not in message.body


def test_writer_is_told_of_unpublishing_with_the_reason(client, django_capture_on_commit_callbacks):
    Editor(client, "vanphong").create("van-phong", "Tin bị gỡ xuống", action="submit")
    post = PostPage.objects.get(title="Tin bị gỡ xuống")
    Editor(client, "bbt").workflow_action(post, "approve")
    post.refresh_from_db()
    assert post.live
    mail.outbox = []

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("newsroom:unpublish", args=(post.pk,)), {"reason": "Số liệu chưa được kiểm tra."}
        )
    assert response.status_code == 302
    [message] = mail.outbox  # the writer only: not the board member who took it down
    assert message.to == [user("vanphong").email]
    assert message.subject == "Tin - bài đã bị gỡ xuống: “Tin bị gỡ xuống”"
    assert message.body.startswith("\nKính gửi Phạm Thị Hoa,")
    assert re.search(
        r"Tin - bài “Tin bị gỡ xuống” đã được Nguyễn Văn Minh gỡ xuống khỏi Website lúc "
        r"Thứ \w+, \d\d/\d\d/\d{4} \d\d:\d\d\.",
        message.body,
    )
    assert "Lý do: Số liệu chưa được kiểm tra." in message.body
    assert f"http://testserver/admin/pages/{post.pk}/edit/" in message.body
    assert "Chọn loại thông báo" not in message.body  # not one of Wagtail's optional notifications


def published_post_of(unit_code, title, writer):
    post = make_post(unit_code, title, live=True)
    post.owner = user(writer)
    post.save(update_fields=["owner"])
    return post


def test_a_district_leader_unpublishing_tells_the_owner(django_capture_on_commit_callbacks):
    post = published_post_of("tuy-phong", "Tin Tuy Phong bị gỡ", "tuyphong")
    with django_capture_on_commit_callbacks(execute=True):
        unpublish_with_reason(post, user=user("tuyphong.duyet"), reason="Trùng tin & ảnh <cũ>.")
    assert [message.to for message in mail.outbox] == [[user("tuyphong").email]]
    assert "Lý do: Trùng tin & ảnh <cũ>." in mail.outbox[0].body  # plain text, nothing escaped


def test_no_email_when_the_unpublishing_is_refused(client, django_capture_on_commit_callbacks):
    post = published_post_of("van-phong", "Tin còn đăng", "vanphong")
    client.force_login(user("bbt"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsroom:unpublish", args=(post.pk,)), {"reason": " "})
    assert mail.outbox == []
