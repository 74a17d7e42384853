"""Turn the unit data and the table in `roles.py` into groups, permissions and workflows.

`setup_roles()` is the one entry point (the `setup_roles` command and the demo loader call it).
It is idempotent and declarative: every group it manages ends up with exactly the permissions
the table gives it, so re-running after a unit is added, renamed or changes kind brings the
site in line. Nothing here is written per unit: units come from `units.Unit`.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from units.models import Unit, UnitIndexPage, UnitPage

from .models import EditorialApprovalTask, Role, UnitRole
from .roles import (
    ALL_PERMISSIONS,
    BOARD_WORKFLOW_NAME,
    FEDERATION_ROLE_SPECS,
    SCOPE_SITE,
    SCOPE_UNIT,
    SCOPE_UNITS,
    UNIT_ROLE_SPECS,
    UNIT_WORKFLOW_NAME,
    RoleSpec,
)

BOARD_TASK_KEY = "board"


@dataclass
class SetupReport:
    groups_created: int = 0
    groups_updated: int = 0
    workflows_created: int = 0
    pages_assigned: int = 0
    warnings: list[str] = field(default_factory=list)


class _Permissions:
    """Looks up "app_label.codename" strings once, remembering the ones not defined yet."""

    def __init__(self, report: SetupReport):
        self.report = report
        self.by_name = {
            f"{app_label}.{codename}": pk
            for pk, app_label, codename in Permission.objects.values_list(
                "pk", "content_type__app_label", "codename"
            )
        }
        self.missing: set[str] = set()

    def resolve(self, names) -> set[int]:
        if ALL_PERMISSIONS in names:
            return set(self.by_name.values())
        found = set()
        for name in names:
            if name in self.by_name:
                found.add(self.by_name[name])
            elif name not in self.missing:
                self.missing.add(name)
                self.report.warnings.append(
                    _("Bỏ qua quyền “%(name)s”: chưa có trong hệ thống (ứng dụng chưa khai báo).")
                    % {"name": name}
                )
        return found

    def page(self, actions) -> list[int]:
        return [self.by_name[f"wagtailcore.{action}_page"] for action in actions]

    def collection(self, app_label, codenames) -> list[int]:
        return [self.by_name[f"{app_label}.{codename}"] for codename in codenames]


def group_name(spec: RoleSpec, unit: Unit | None) -> str:
    name = str(spec.name)
    return name.format(unit=unit.display_name) if unit else name


def _ensure_group(spec: RoleSpec, unit: Unit | None, report: SetupReport) -> Group:
    wanted = group_name(spec, unit)
    role = UnitRole.objects.select_related("group").filter(role=spec.role, unit=unit).first()
    if role is None:
        taken = Group.objects.filter(name=wanted).exclude(unit_role__isnull=False).first()
        group = taken or Group.objects.create(name=wanted)
        UnitRole.objects.create(group=group, role=spec.role, unit=unit)
        report.groups_created += 1
        return group
    group = role.group
    if group.name != wanted:
        if Group.objects.filter(name=wanted).exclude(pk=group.pk).exists():
            wanted = f"{wanted} ({unit.code if unit else spec.role})"
        group.name = wanted
        group.save(update_fields=["name"])
        report.groups_updated += 1
    return group


def _sync_page_permissions(group: Group, wanted: set[tuple[int, int]]) -> None:
    """Make the group's page permissions exactly `wanted` (pairs of page id, permission id)."""
    existing = {
        (page_id, permission_id): pk
        for pk, page_id, permission_id in GroupPagePermission.objects.filter(group=group).values_list(
            "pk", "page_id", "permission_id"
        )
    }
    stale = [pk for key, pk in existing.items() if key not in wanted]
    GroupPagePermission.objects.filter(pk__in=stale).delete()
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
            for page_id, permission_id in wanted - existing.keys()
        ]
    )


def _sync_collection_permissions(group: Group, collection: Collection, wanted: set[int]) -> None:
    existing = set(
        GroupCollectionPermission.objects.filter(group=group, collection=collection).values_list(
            "permission_id", flat=True
        )
    )
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=collection, permission_id__in=wanted
    ).delete()
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=collection, permission_id=permission_id)
            for permission_id in wanted - existing
        ]
    )


def _apply_spec(
    spec: RoleSpec,
    group: Group,
    scope_page: Page | None,
    perms: _Permissions,
    root_collection: Collection,
    active: bool = True,
) -> None:
    """Give the group what the spec says; an inactive spec (approvers of a unit that no longer
    publishes itself) keeps its group and members but loses every permission."""
    group.permissions.set(perms.resolve(spec.permissions) if active else [])
    pages = set()
    if active and scope_page is not None:
        pages = {(scope_page.pk, permission_id) for permission_id in perms.page(spec.page_permissions)}
    _sync_page_permissions(group, pages)
    collection_perms = set()
    if active:
        collection_perms = set(perms.collection("wagtailimages", spec.image_permissions))
        collection_perms |= set(perms.collection("wagtaildocs", spec.document_permissions))
    _sync_collection_permissions(group, root_collection, collection_perms)


def _ensure_task_and_workflow(
    key: str, name: str, approvers: list[Group], editors: list[Group], report: SetupReport
) -> Workflow:
    task = EditorialApprovalTask.objects.filter(managed_key=key).first()
    if task is None:
        task = EditorialApprovalTask.objects.create(name=name, managed_key=key)
    elif not task.active or task.name != name:
        task.active, task.name = True, name
        task.save(update_fields=["active", "name"])
    task.groups.set(approvers)
    task.editor_groups.set(editors)
    workflow = Workflow.objects.filter(workflow_tasks__task=task).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=name, active=True)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        report.workflows_created += 1
    elif not workflow.active or workflow.name != name:
        workflow.active, workflow.name = True, name
        workflow.save(update_fields=["active", "name"])
    return workflow


def _assign_workflow(page: Page, workflow: Workflow, report: SetupReport) -> None:
    current = WorkflowPage.objects.filter(page=page).values_list("workflow_id", flat=True).first()
    if current != workflow.pk:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
        report.pages_assigned += 1


@transaction.atomic
def setup_roles() -> SetupReport:
    """Create or update every role group, its permissions and the two approval paths."""
    report = SetupReport()
    perms = _Permissions(report)
    root_page = Page.get_first_root_node()
    index_page = UnitIndexPage.objects.first()
    root_collection = Collection.get_first_root_node()
    if index_page is None:
        report.warnings.append(_("Chưa có trang “Đơn vị”; các nhóm chưa được cấp quyền trên trang."))
    if root_page is None or root_collection is None:
        report.warnings.append(_("Chưa có cây trang hoặc thư mục ảnh gốc; hãy chạy migrate trước."))
        return report

    scope_pages = {SCOPE_SITE: root_page, SCOPE_UNITS: index_page}
    federation_groups = {}
    for spec in FEDERATION_ROLE_SPECS:
        group = _ensure_group(spec, None, report)
        _apply_spec(spec, group, scope_pages.get(spec.page_scope), perms, root_collection)
        federation_groups[spec.role] = (spec, group)

    board_approvers = [group for spec, group in federation_groups.values() if spec.approves_board_step]
    editors = [group for spec, group in federation_groups.values() if spec.edits_in_moderation]
    board_workflow = _ensure_task_and_workflow(
        BOARD_TASK_KEY,
        str(BOARD_WORKFLOW_NAME),
        board_approvers,
        [group for group in editors if group not in board_approvers],
        report,
    )

    units = Unit.objects.select_related("kind").order_by("report_order", "pk")
    unit_pages = {page.unit_id: page for page in UnitPage.objects.all()}
    for unit in units:
        page = unit_pages.get(unit.pk)
        if page is None:
            report.warnings.append(
                _("Đơn vị “%(unit)s” chưa có trang; chưa cấp quyền trang và quy trình duyệt.")
                % {"unit": unit.name}
            )
        approvers = None
        for spec in UNIT_ROLE_SPECS:
            active = unit.kind.self_publishing or not spec.self_publishing_only
            exists = UnitRole.objects.filter(role=spec.role, unit=unit).exists()
            if not active and not exists:
                continue
            group = _ensure_group(spec, unit, report)
            scope = page if spec.page_scope == SCOPE_UNIT else None
            _apply_spec(spec, group, scope, perms, root_collection, active=active)
            if spec.role == Role.APPROVER and active:
                approvers = group
        if page is None:
            continue
        if unit.kind.self_publishing and approvers is not None:
            workflow = _ensure_task_and_workflow(
                f"unit:{unit.code}",
                str(UNIT_WORKFLOW_NAME).format(unit=unit.display_name),
                [approvers],
                editors,
                report,
            )
        else:
            workflow = board_workflow
        _assign_workflow(page, workflow, report)
    return report
