"""Who may do what to which unit's posts: every role × every action × own unit vs another unit.

Each case is played through the admin as the user would (the explorer, the editor, the workflow
buttons, the unpublish and delete screens) and judged by its effect, not by a permission flag.
DESIGN.md, "Who does what": nobody edits or publishes another unit's posts except the board, the
secretariat and the IT team; writers never publish; sectors and districts publish themselves.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import WorkflowState

from newsroom.models import Role, UnitRole
from posts.models import PostPage

from .support import Editor, make_post, unit_page, user

ACTIONS = ("view", "create", "edit", "submit", "approve", "reject", "publish", "unpublish", "delete")

# username: (own unit, other unit). Federation-wide roles have no unit of their own: "own" is a
# department (the board's path, Letter 435 item 3) and "other" a district (item 4).
UNITS = {
    "vanphong": ("van-phong", "tuy-phong"),
    "tuyengiao": ("ban-tuyen-giao", "van-phong"),
    "tuyphong": ("tuy-phong", "van-phong"),
    "tuyphong.duyet": ("tuy-phong", "cdn-y-te"),
    "yte.duyet": ("cdn-y-te", "tuy-phong"),
    "ketoan.tuyphong": ("tuy-phong", "van-phong"),
    "bbt": ("van-phong", "tuy-phong"),
    "thuky": ("van-phong", "tuy-phong"),
    "giamsat": ("van-phong", "tuy-phong"),
    "cntt": ("van-phong", "tuy-phong"),
    "admin": ("van-phong", "tuy-phong"),
}

Y, N = True, False
# One row per role: for each action in ACTIONS, (own unit, other unit).
MATRIX = {
    #                 view    create  edit    submit  approve reject  publish unpubl. delete (a draft)
    "vanphong":       [(Y, N), (Y, N), (Y, N), (Y, N), (N, N), (N, N), (N, N), (N, N), (Y, N)],
    "tuyengiao":      [(Y, N), (Y, N), (Y, N), (Y, N), (N, N), (N, N), (N, N), (N, N), (Y, N)],
    "tuyphong":       [(Y, N), (Y, N), (Y, N), (Y, N), (N, N), (N, N), (N, N), (N, N), (Y, N)],
    "tuyphong.duyet": [(Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N)],
    "yte.duyet":      [(Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N), (Y, N)],
    "ketoan.tuyphong": [(N, N)] * 9,
    # The board approves departments' posts; it publishes and unpublishes anyone's, writes none.
    "bbt":            [(Y, Y), (N, N), (Y, Y), (Y, Y), (Y, N), (Y, N), (Y, Y), (Y, Y), (Y, Y)],
    # The secretariat edits every post (even while it waits) and never publishes.
    "thuky":          [(Y, Y), (N, N), (Y, Y), (Y, Y), (N, N), (N, N), (N, N), (N, N), (Y, Y)],
    "giamsat":        [(N, N)] * 9,
    # A member of the IT team who is not a superuser: everything but the approval steps, which
    # belong to the board and the units' leaders (IT may still publish directly).
    "cntt":           [(Y, Y), (Y, Y), (Y, Y), (Y, Y), (N, N), (N, N), (Y, Y), (Y, Y), (Y, Y)],
    "admin":          [(Y, Y)] * 9,
}  # fmt: skip

CASES = [
    pytest.param(username, action, side, expected, id=f"{username}-{action}-{side}")
    for username, row in MATRIX.items()
    for action, (own, other) in zip(ACTIONS, row, strict=True)
    for side, expected in (("own", own), ("other", other))
]


def test_the_matrix_covers_every_role(it_member):
    roles = {role for username in MATRIX if username != "admin" for role, _unit in _roles(username)}
    assert roles == set(Role)


def _roles(username):
    return UnitRole.objects.filter(group__user__username=username).values_list("role", "unit")


@pytest.fixture
def it_member(db):
    member = get_user_model().objects.create_user("cntt", "cntt2@congdoan.local", "congdoan2017")
    member.groups.add(UnitRole.objects.get(role=Role.IT, unit=None).group)
    return member


def writer_of(unit_code):
    group = UnitRole.objects.get(role=Role.WRITER, unit__code=unit_code).group
    return group.user_set.first() or user("admin")


def in_moderation(unit_code, title):
    post = make_post(unit_code, title, owner=writer_of(unit_code))
    post.get_workflow().start(post, writer_of(unit_code))
    return post


def reload(post):
    return PostPage.objects.filter(pk=post.pk).first()


def do_view(editor, unit_code):
    make_post(unit_code, "Tin để xem")
    response = editor.client.get(reverse("wagtailadmin_explore", args=(unit_page(unit_code).pk,)))
    return response.status_code == 200 and "Tin để xem" in response.content.decode()


def do_create(editor, unit_code):
    editor.create(unit_code, "Tin mới tạo")
    return PostPage.objects.filter(title="Tin mới tạo", unit__code=unit_code).exists()


def do_edit(editor, unit_code):
    post = make_post(unit_code, "Tin để sửa")
    editor.edit(post, title="Tin đã sửa")
    return reload(post).get_latest_revision_as_object().title == "Tin đã sửa"


def do_submit(editor, unit_code):
    post = make_post(unit_code, "Tin để gửi")
    editor.edit(post, action="submit")
    state = reload(post).current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def do_approve(editor, unit_code):
    post = in_moderation(unit_code, "Tin để duyệt")
    editor.workflow_action(post, "approve")
    return reload(post).live


def do_reject(editor, unit_code):
    post = in_moderation(unit_code, "Tin để trả lại")
    editor.workflow_action(post, "reject", comment="Sửa lại.")
    return reload(post).current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def do_publish(editor, unit_code):
    post = make_post(unit_code, "Tin để đăng")
    editor.edit(post, action="publish")
    return reload(post).live


def do_unpublish(editor, unit_code):
    post = make_post(unit_code, "Tin để gỡ", live=True)
    editor.client.post(reverse("newsroom:unpublish", args=(post.pk,)), {"reason": "Kiểm tra quyền."})
    return not reload(post).live


def do_delete(editor, unit_code):
    post = make_post(unit_code, "Tin để xóa")
    editor.client.post(reverse("wagtailadmin_pages:delete", args=(post.pk,)))
    return reload(post) is None


@pytest.mark.parametrize("username, action, side, expected", CASES)
def test_permission_matrix(client, it_member, username, action, side, expected):
    own, other = UNITS[username]
    unit_code = own if side == "own" else other
    editor = Editor(client, username)
    assert globals()[f"do_{action}"](editor, unit_code) is expected
