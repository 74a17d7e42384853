"""Who may do what: the table `manage.py setup_roles` turns into groups and permissions.

Actors and rights come from DESIGN.md ("Who does what") and Letter 435/LĐLĐ: departments and
affiliates send posts to the board's standing members (item 3); sectoral unions and district
federations approve and publish their own (item 4).

Other apps grant their own permissions by adding "app_label.codename" strings to
`permissions` below (oversight: reports and reminders; royalties: statements). A codename
whose permission does not exist yet is skipped with a warning, so the table may name
permissions before the app that defines them lands.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Role

# Where a role's page permissions apply.
SCOPE_UNIT = "unit"  # the unit's own page and its posts
SCOPE_UNITS = "units"  # the “Đơn vị” index page: every unit and every post
SCOPE_SITE = "site"  # the whole page tree (federation pages too)

ALL_PERMISSIONS = "*"

# Wagtail page permission types (wagtail.models.PAGE_PERMISSION_TYPES).
EVERY_PAGE_PERMISSION = ("add", "change", "publish", "lock", "unlock", "bulk_delete")

ADMIN = "wagtailadmin.access_admin"
IMAGES_WRITE = ("add_image", "choose_image")
IMAGES_MANAGE = ("add_image", "change_image", "choose_image", "delete_image")
DOCUMENTS_MANAGE = ("add_document", "change_document", "choose_document", "delete_document")


@dataclass(frozen=True)
class RoleSpec:
    role: Role
    # Group name; "{unit}" is replaced by the unit's short name for per-unit roles.
    name: str
    # Django permissions "app_label.codename", or ALL_PERMISSIONS.
    permissions: tuple[str, ...] = (ADMIN,)
    page_scope: str | None = None
    page_permissions: tuple[str, ...] = ()
    # Permissions on the root collection (images and documents); they apply to every collection.
    image_permissions: tuple[str, ...] = ()
    document_permissions: tuple[str, ...] = ()
    # Only for units whose kind publishes itself (UnitKind.self_publishing).
    self_publishing_only: bool = False
    # Approves at the board's step (Thường trực Ban Biên tập duyệt).
    approves_board_step: bool = False
    # May edit a post while it waits in any approval step, without approving it.
    edits_in_moderation: bool = False


UNIT_ROLE_SPECS = (
    RoleSpec(
        Role.WRITER,
        name=_("Biên tập viên – {unit}"),
        page_scope=SCOPE_UNIT,
        page_permissions=("add", "change", "lock"),
        image_permissions=IMAGES_WRITE,
    ),
    RoleSpec(
        Role.APPROVER,
        name=_("Lãnh đạo duyệt – {unit}"),
        permissions=(ADMIN, "newsroom.set_post_grade", "newsroom.view_audit_report"),
        page_scope=SCOPE_UNIT,
        page_permissions=("add", "change", "publish", "lock", "unlock"),
        image_permissions=IMAGES_WRITE,
        self_publishing_only=True,
    ),
    RoleSpec(
        Role.FINANCE,
        name=_("Kế toán – {unit}"),
        # The unit scope comes from the role (royalties.access asks units_for_user(user, FINANCE)):
        # the accountant reads, closes and marks paid the statements of this unit only.
        permissions=(ADMIN, "royalties.close_statement", "royalties.mark_statement_paid"),
    ),
)

FEDERATION_ROLE_SPECS = (
    RoleSpec(
        Role.BOARD,
        name=_("Thường trực Ban Biên tập"),
        permissions=(
            ADMIN,
            "newsroom.set_post_grade",
            "newsroom.view_audit_report",
            "oversight.view_compliance_report",
            "royalties.view_all_statements",
        ),
        page_scope=SCOPE_UNITS,
        page_permissions=("change", "publish", "lock", "unlock"),
        image_permissions=IMAGES_MANAGE,
        approves_board_step=True,
        edits_in_moderation=True,
    ),
    RoleSpec(
        Role.SECRETARIAT,
        name=_("Tổ Thư ký"),
        permissions=(ADMIN, "newsroom.view_audit_report"),
        page_scope=SCOPE_UNITS,
        page_permissions=("change", "lock"),
        image_permissions=IMAGES_MANAGE,
        edits_in_moderation=True,
    ),
    RoleSpec(
        Role.IT,
        name=_("Tổ Công nghệ thông tin"),
        permissions=(ALL_PERMISSIONS,),
        page_scope=SCOPE_SITE,
        page_permissions=EVERY_PAGE_PERMISSION,
        image_permissions=IMAGES_MANAGE,
        document_permissions=DOCUMENTS_MANAGE,
        edits_in_moderation=True,
    ),
    RoleSpec(
        Role.OVERSIGHT,
        name=_("Ban Thường vụ – giám sát"),
        permissions=(
            ADMIN,
            "newsroom.view_audit_report",
            "oversight.view_compliance_report",
            "oversight.issue_compliance_report",
            "oversight.send_reminders",
            # Quotas and remarks (snippets under “Giám sát đăng tin - bài”) and the letter's settings.
            "oversight.add_quotarule",
            "oversight.change_quotarule",
            "oversight.delete_quotarule",
            "oversight.add_remark",
            "oversight.change_remark",
            "oversight.delete_remark",
            "oversight.change_lettersettings",
            "royalties.view_all_statements",
        ),
    ),
)

BOARD_WORKFLOW_NAME = _("Thường trực Ban Biên tập duyệt")
UNIT_WORKFLOW_NAME = _("Lãnh đạo đơn vị duyệt – {unit}")
