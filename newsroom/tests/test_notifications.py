"""Emails of the approval paths: who is told, and what they read (Vietnamese)."""

from django.core import mail

from posts.models import PostPage

from .support import Editor, user


def sent_to(username):
    address = user(username).email
    return [message for message in mail.outbox if address in message.to]


def superuser_addresses():
    return {user("admin").email}


def test_board_is_told_of_a_department_submission(client):
    Editor(client, "vanphong").create("van-phong", "Văn phòng tổ chức hội nghị cán bộ", action="submit")
    recipients = {address for message in mail.outbox for address in message.to}
    assert user("bbt").email in recipients
    assert user("tuyphong.duyet").email not in recipients
    assert user("vanphong").email not in recipients  # the writer is not told of their own submission
    assert recipients <= {user("bbt").email} | superuser_addresses()

    [message] = sent_to("bbt")
    assert message.subject == "Tin - bài chờ duyệt: “Văn phòng tổ chức hội nghị cán bộ”"
    assert "Kính gửi Nguyễn Văn Minh," in message.body
    assert "đang chờ anh/chị duyệt" in message.body
    assert "Thường trực Ban Biên tập duyệt" in message.body
    assert "Người gửi: Phạm Thị Hoa." in message.body
    post = PostPage.objects.get(title="Văn phòng tổ chức hội nghị cán bộ")
    assert f"http://testserver/admin/pages/{post.pk}/edit/" in message.body


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
