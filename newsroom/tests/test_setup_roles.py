"""`setup_roles`: groups, permissions and workflows come from the unit data and re-running is harmless."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from newsroom.access import units_for_user, user_roles
from newsroom.models import EditorialApprovalTask, Role, UnitRole
from newsroom.provisioning import setup_roles
from units.models import Unit, UnitKind, UnitPage

from .support import unit_page, user


def page_permissions(group_name):
    return {
        (perm.page.specific_class.__name__, perm.page.title, perm.permission.codename)
        for perm in GroupPagePermission.objects.filter(group__name=group_name).select_related(
            "page", "permission"
        )
    }


def test_every_unit_has_writers_and_only_self_publishing_units_have_approvers():
    for unit in Unit.objects.select_related("kind"):
        roles = set(UnitRole.objects.filter(unit=unit).values_list("role", flat=True))
        assert {Role.WRITER, Role.FINANCE} <= roles, unit
        assert (Role.APPROVER in roles) == unit.kind.self_publishing, unit


def test_writers_may_add_and_change_their_unit_page_only():
    assert page_permissions("Biên tập viên – Văn phòng") == {
        ("UnitPage", "Văn phòng LĐLĐ tỉnh", "add_page"),
        ("UnitPage", "Văn phòng LĐLĐ tỉnh", "change_page"),
        ("UnitPage", "Văn phòng LĐLĐ tỉnh", "lock_page"),
    }


def test_approvers_publish_their_unit():
    codenames = {
        codename for _kind, _title, codename in page_permissions("Lãnh đạo duyệt – LĐLĐ huyện Tuy Phong")
    }
    assert "publish_page" in codenames
    assert {
        title for _kind, title, _codename in page_permissions("Lãnh đạo duyệt – LĐLĐ huyện Tuy Phong")
    } == {"Liên đoàn Lao động huyện Tuy Phong"}


def test_board_and_secretariat_act_on_the_unit_index():
    board = page_permissions("Thường trực Ban Biên tập")
    assert {kind for kind, _title, _codename in board} == {"UnitIndexPage"}
    assert "publish_page" in {codename for *_rest, codename in board}
    secretariat = {codename for *_rest, codename in page_permissions("Tổ Thư ký")}
    assert "change_page" in secretariat and "publish_page" not in secretariat


def test_workflows_follow_the_two_paths_of_the_letter():
    board_workflow = Workflow.objects.get(name="Thường trực Ban Biên tập duyệt")
    for page in UnitPage.objects.select_related("unit__kind"):
        workflow = WorkflowPage.objects.get(page=page).workflow
        if page.unit.kind.self_publishing:
            assert workflow.name == f"Lãnh đạo đơn vị duyệt – {page.unit.display_name}"
            task = workflow.tasks.get().specific
            assert list(task.groups.values_list("name", flat=True)) == [
                f"Lãnh đạo duyệt – {page.unit.display_name}"
            ]
        else:
            assert workflow == board_workflow
    board_task = board_workflow.tasks.get().specific
    assert isinstance(board_task, EditorialApprovalTask)
    assert list(board_task.groups.values_list("name", flat=True)) == ["Thường trực Ban Biên tập"]
    assert set(board_task.editor_groups.values_list("name", flat=True)) == {
        "Tổ Thư ký",
        "Tổ Công nghệ thông tin",
    }


def test_rerunning_changes_nothing():
    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    report = setup_roles()
    assert report.groups_created == 0 and report.workflows_created == 0 and report.pages_assigned == 0
    assert (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count()) == counts


def test_a_new_unit_gets_its_groups_and_workflow_on_the_next_run():
    kind = UnitKind.objects.get(code="district")
    unit = Unit.objects.create(
        code="thi-xa-moi", name="Liên đoàn Lao động thị xã Mới", short_name="LĐLĐ thị xã Mới", kind=kind
    )
    index = unit_page("van-phong").get_parent()
    index.add_child(instance=UnitPage(title=unit.name, slug=unit.code, unit=unit))
    call_command("setup_roles", verbosity=0)
    assert Group.objects.filter(name="Biên tập viên – LĐLĐ thị xã Mới").exists()
    assert Group.objects.filter(name="Lãnh đạo duyệt – LĐLĐ thị xã Mới").exists()
    assert WorkflowPage.objects.get(page=unit.page).workflow.name == "Lãnh đạo đơn vị duyệt – LĐLĐ thị xã Mới"


def test_a_unit_that_stops_publishing_itself_goes_to_the_board():
    unit = Unit.objects.get(code="cdn-y-te")
    unit.kind = UnitKind.objects.get(code="department")
    unit.save()
    setup_roles()
    assert WorkflowPage.objects.get(page=unit.page).workflow.name == "Thường trực Ban Biên tập duyệt"
    assert not GroupPagePermission.objects.filter(group__name="Lãnh đạo duyệt – CĐN Y tế").exists()
    assert not user("yte.duyet").has_perm("newsroom.set_post_grade")


def test_renamed_unit_renames_its_groups_and_workflow():
    unit = Unit.objects.get(code="van-phong")
    unit.short_name = "Văn phòng LĐLĐ"
    unit.save()
    district = Unit.objects.get(code="phan-thiet")
    district.short_name = "LĐLĐ TP Phan Thiết"
    district.save()
    setup_roles()
    assert Group.objects.filter(name="Biên tập viên – Văn phòng LĐLĐ").exists()
    assert not Group.objects.filter(name="Biên tập viên – Văn phòng").exists()
    renamed = "Lãnh đạo đơn vị duyệt – LĐLĐ TP Phan Thiết"
    assert WorkflowPage.objects.get(page=district.page).workflow.name == renamed
    assert EditorialApprovalTask.objects.get(managed_key="unit:phan-thiet").name == renamed


@pytest.mark.parametrize(
    "username, role, units",
    [
        ("ketoan.tuyphong", Role.FINANCE, ["tuy-phong"]),
        ("vanphong", Role.WRITER, ["van-phong"]),
        ("vanphong", Role.FINANCE, []),
        ("tuyphong.duyet", Role.APPROVER, ["tuy-phong"]),
        ("bbt", Role.WRITER, []),
    ],
)
def test_units_for_user(username, role, units):
    assert sorted(units_for_user(user(username), role).values_list("code", flat=True)) == units


def test_user_roles():
    assert [(role, unit.code if unit else None) for role, unit in user_roles(user("tuyphong.duyet"))] == [
        (Role.APPROVER, "tuy-phong")
    ]
    assert user_roles(user("bbt")) == [(Role.BOARD, None)]


def test_superuser_sees_every_unit():
    assert units_for_user(user("admin"), Role.FINANCE).count() == Unit.objects.count()
