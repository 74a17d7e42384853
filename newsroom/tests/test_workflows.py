"""The two approval paths of Letter 435/LĐLĐ, driven through Wagtail's editor as users do.

Item 3: departments and affiliates send posts to the board's standing members (Thường trực
Ban Biên tập). Item 4: sectoral unions and district federations approve and publish their own.
"""

from wagtail.models import PageLogEntry, WorkflowState

from posts.models import PostPage

from .support import Editor, form_errors, make_post, user

NO_PHOTO = "Tin - bài phải có ít nhất một hình ảnh"


def post_titled(title) -> PostPage:
    return PostPage.objects.get(title=title)


def actions_logged(page):
    return list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


# -- departments and affiliates: the board approves ------------------------------------------


def test_department_writer_submits_to_the_board_and_cannot_publish(client):
    writer = Editor(client, "vanphong")
    response = writer.create("van-phong", "Văn phòng họp giao ban quý I", action="submit")
    assert response.status_code == 302
    post = post_titled("Văn phòng họp giao ban quý I")
    assert not post.live
    assert post.current_workflow_task.name == "Thường trực Ban Biên tập duyệt"
    assert post.unit.code == "van-phong"

    # The publish button is not the writer's: posting it only saves a draft.
    writer.edit(post, action="publish", title="Văn phòng họp giao ban quý I/2017")
    post.refresh_from_db()
    assert not post.live


def test_board_approves_and_the_post_goes_live(client):
    Editor(client, "vanphong").create("van-phong", "Tập huấn nghiệp vụ văn thư", action="submit")
    post = post_titled("Tập huấn nghiệp vụ văn thư")
    response = Editor(client, "bbt").workflow_action(post, "approve", comment="Đạt yêu cầu")
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.live and post.first_published_at is not None
    assert ("wagtail.workflow.approve", "bbt") in actions_logged(post)
    assert ("wagtail.publish", "bbt") in actions_logged(post)


def test_board_returns_a_post_with_a_comment_and_the_writer_resubmits(client):
    writer = Editor(client, "tuyengiao")
    writer.create("ban-tuyen-giao", "Tuyên truyền Bộ luật Lao động", action="submit")
    post = post_titled("Tuyên truyền Bộ luật Lao động")
    board = Editor(client, "bbt")
    board.workflow_action(post, "reject", comment="Ảnh chưa rõ, đề nghị thay ảnh khác.")
    post.refresh_from_db()
    state = post.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Ảnh chưa rõ, đề nghị thay ảnh khác."
    assert not post.live
    # Nothing the writer typed is lost: the submitted revision is the latest one.
    assert post.get_latest_revision_as_object().title == "Tuyên truyền Bộ luật Lao động"

    writer = Editor(client, "tuyengiao")
    response = writer.edit(post, action="submit", title="Tuyên truyền Bộ luật Lao động 2012")
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    Editor(client, "bbt").workflow_action(post, "approve")
    post.refresh_from_db()
    assert post.live and post.title == "Tuyên truyền Bộ luật Lao động 2012"
    assert [action for action, _user in actions_logged(post) if action.startswith("wagtail.workflow")] == [
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
    ]


def test_unit_approvers_have_no_say_on_department_posts(client):
    Editor(client, "vanphong").create("van-phong", "Tin chờ Ban Biên tập", action="submit")
    post = post_titled("Tin chờ Ban Biên tập")
    task = post.current_workflow_task
    assert task.get_actions(post, user("tuyphong.duyet")) == []
    assert task.get_actions(post, user("thuky")) == []
    assert [name for name, *_ in task.get_actions(post, user("bbt"))] == ["reject", "approve", "approve"]


def test_secretariat_edits_a_post_waiting_for_the_board_but_cannot_approve_it(client):
    Editor(client, "vanphong").create("van-phong", "Tin thư ký sửa", action="submit")
    post = post_titled("Tin thư ký sửa")
    response = Editor(client, "thuky").edit(post, title="Tin thư ký đã sửa")
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().title == "Tin thư ký đã sửa"
    assert post.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    response = Editor(client, "thuky").workflow_action(post, "approve")
    post.refresh_from_db()
    assert not post.live


# -- sectors and districts: the unit approves and publishes itself ----------------------------


def test_district_writer_submits_to_the_district_approver_who_publishes(client):
    Editor(client, "tuyphong").create("tuy-phong", "LĐLĐ huyện Tuy Phong thăm công nhân", action="submit")
    post = post_titled("LĐLĐ huyện Tuy Phong thăm công nhân")
    assert post.current_workflow_task.name == "Lãnh đạo đơn vị duyệt – LĐLĐ huyện Tuy Phong"
    assert post.current_workflow_task.get_actions(post, user("bbt")) == []
    assert post.current_workflow_task.get_actions(post, user("yte.duyet")) == []

    Editor(client, "tuyphong.duyet").workflow_action(post, "approve")
    post.refresh_from_db()
    assert post.live
    assert ("wagtail.publish", "tuyphong.duyet") in actions_logged(post)


def test_district_approver_rejects_and_writer_resubmits(client):
    Editor(client, "tuyphong").create("tuy-phong", "Hội thao công nhân Tuy Phong", action="submit")
    post = post_titled("Hội thao công nhân Tuy Phong")
    Editor(client, "tuyphong.duyet").workflow_action(post, "reject", comment="Bổ sung số liệu.")
    post.refresh_from_db()
    assert post.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    Editor(client, "tuyphong").edit(post, action="submit", lead="Có 300 công nhân tham gia.")
    Editor(client, "tuyphong.duyet").workflow_action(post, "approve")
    post.refresh_from_db()
    assert post.live and post.lead == "Có 300 công nhân tham gia."


def test_district_approver_publishes_directly(client):
    response = Editor(client, "tuyphong.duyet").create(
        "tuy-phong", "Tuy Phong tổng kết năm", action="publish"
    )
    assert response.status_code == 302
    assert post_titled("Tuy Phong tổng kết năm").live


def test_sector_approver_cannot_publish_in_another_unit(client):
    post = make_post("tuy-phong", "Tin của Tuy Phong")
    response = Editor(client, "yte.duyet").edit(post, action="publish")
    assert response.status_code == 302  # sent away: no permission to edit
    post.refresh_from_db()
    assert not post.live


# -- the required photo, on every path --------------------------------------------------------


def test_submitting_without_a_photo_is_refused_with_a_vietnamese_message_and_keeps_the_text(client):
    writer = Editor(client, "vanphong")
    response = writer.create("van-phong", "Tin chưa có ảnh", image=False, action="submit")
    assert response.status_code == 200
    assert any(NO_PHOTO in message for message in form_errors(response))
    # The form comes back with what the writer typed.
    assert response.context["form"]["title"].value() == "Tin chưa có ảnh"
    assert not PostPage.objects.filter(title="Tin chưa có ảnh").exists()

    # Saving the draft is always possible; submitting it later is refused the same way.
    response = writer.create("van-phong", "Tin chưa có ảnh", image=False)
    assert response.status_code == 302
    post = post_titled("Tin chưa có ảnh")
    response = writer.edit(post, action="submit", lead="Đã sửa phần tóm tắt.")
    assert response.status_code == 200
    assert any(NO_PHOTO in message for message in form_errors(response))
    assert response.context["form"]["lead"].value() == "Đã sửa phần tóm tắt."
    post.refresh_from_db()
    assert post.current_workflow_state is None
    assert post.get_latest_revision_as_object().title == "Tin chưa có ảnh"


def test_a_photo_without_caption_is_refused(client):
    response = Editor(client, "tuyphong").create(
        "tuy-phong", "Tin ảnh thiếu chú thích", caption="", action="submit"
    )
    assert response.status_code == 200
    assert "Hình ảnh thứ 1 chưa có chú thích. Hãy ghi chú thích cho ảnh." in form_errors(response)


def test_approver_publishing_without_a_photo_is_refused(client):
    response = Editor(client, "tuyphong.duyet").create(
        "tuy-phong", "Tin đăng thiếu ảnh", image=False, action="publish"
    )
    assert response.status_code == 200
    assert any(NO_PHOTO in message for message in form_errors(response))
    assert not PostPage.objects.filter(title="Tin đăng thiếu ảnh").exists()


def test_board_approving_in_the_editor_after_removing_the_photo_is_refused(client):
    Editor(client, "vanphong").create("van-phong", "Tin bị gỡ ảnh", action="submit")
    post = post_titled("Tin bị gỡ ảnh")
    response = Editor(client, "bbt").edit(post, action="approve", **{"images-0-DELETE": "1"})
    assert response.status_code == 200
    assert any(NO_PHOTO in message for message in form_errors(response))
    post.refresh_from_db()
    assert not post.live


def test_a_waiting_post_that_lost_its_photo_can_only_be_sent_back(client):
    Editor(client, "vanphong").create("van-phong", "Tin mất ảnh khi chờ duyệt", action="submit")
    post = post_titled("Tin mất ảnh khi chờ duyệt")
    latest = post.get_latest_revision_as_object()
    latest.images = []
    latest.save_revision(user=user("thuky"))  # e.g. the secretariat removed the photo
    board = Editor(client, "bbt")
    assert [name for name, *_ in post.current_workflow_task.get_actions(post, user("bbt"))] == ["reject"]
    response = board.workflow_action(post, "approve")
    assert response.status_code in (302, 403)  # refused, never a server error
    post.refresh_from_db()
    assert not post.live
    board.workflow_action(post, "reject", comment="Thiếu ảnh.")
    post.refresh_from_db()
    assert post.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


# -- the royalty grade, set by whoever approves -----------------------------------------------


def test_only_approvers_see_and_set_the_royalty_grade(client):
    Editor(client, "vanphong").create("van-phong", "Tin xếp loại", action="submit")
    post = post_titled("Tin xếp loại")
    writer = Editor(client, "vanphong")
    assert "grade" not in writer.client.get(f"/admin/pages/{post.pk}/edit/").context["form"].fields
    writer.edit(post, grade="A")  # a posted grade is ignored for writers
    post.refresh_from_db()
    assert post.get_latest_revision_as_object().grade == "B"

    board = Editor(client, "bbt")
    assert "grade" in board.client.get(f"/admin/pages/{post.pk}/edit/").context["form"].fields
    response = board.edit(post, action="approve", grade="A")
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.live and post.grade == "A"
