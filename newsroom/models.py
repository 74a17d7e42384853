"""The newsroom's own data: which group plays which role for which unit, and the approval task.

Groups are Django's; page permissions and workflows are Wagtail's. What Wagtail cannot say is
"this group is the writers of Văn phòng": `UnitRole` records it, so other apps ask
`newsroom.access.units_for_user(user, Role.FINANCE)` instead of parsing group names.
"""

from django import forms
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState

from posts.models import PostPage
from posts.rules import image_problems


class Role(models.TextChoices):
    # Per unit (DESIGN.md, "Who does what").
    WRITER = "writer", _("Biên tập viên đơn vị")
    APPROVER = "approver", _("Lãnh đạo đơn vị duyệt tin - bài")
    FINANCE = "finance", _("Kế toán đơn vị")
    # Federation-wide.
    BOARD = "board", _("Thường trực Ban Biên tập")
    SECRETARIAT = "secretariat", _("Tổ Thư ký")
    IT = "it", _("Tổ Công nghệ thông tin")
    OVERSIGHT = "oversight", _("Ban Thường vụ – giám sát")


UNIT_ROLES = (Role.WRITER, Role.APPROVER, Role.FINANCE)
FEDERATION_ROLES = (Role.BOARD, Role.SECRETARIAT, Role.IT, Role.OVERSIGHT)


class UnitRole(models.Model):
    """A group's role, for one unit (writers, approvers, finance) or federation-wide (unit empty)."""

    group = models.OneToOneField(
        Group, verbose_name=_("nhóm"), on_delete=models.CASCADE, related_name="unit_role"
    )
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.CASCADE,
        related_name="roles",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("vai trò của nhóm")
        verbose_name_plural = _("vai trò của nhóm")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "role"],
                condition=Q(unit__isnull=False),
                name="newsroom_one_group_per_unit_role",
            ),
            models.UniqueConstraint(
                fields=["role"], condition=Q(unit__isnull=True), name="newsroom_one_federation_group_per_role"
            ),
        ]
        permissions = [
            ("set_post_grade", _("Xếp loại nhuận bút tin - bài")),
            ("view_audit_report", _("Xem nhật ký duyệt tin - bài")),
        ]

    def __str__(self):
        if self.unit_id:
            return f"{self.get_role_display()} – {self.unit.display_name}"
        return self.get_role_display()


class EditorialApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, plus groups that may edit a post while it waits (never approve).

    DESIGN.md: the board's secretariat (Tổ Thư ký) edits any post before approval; Wagtail's
    GroupApprovalTask locks a post in moderation for everyone outside the approving groups.
    """

    editor_groups = models.ManyToManyField(
        Group,
        verbose_name=_("nhóm được sửa khi chờ duyệt"),
        blank=True,
        related_name="+",
        help_text=_("Thành viên các nhóm này được sửa tin - bài đang chờ duyệt nhưng không được duyệt."),
    )

    # "board" or "unit:<code>" for the steps `setup_roles` manages, so that renaming a step in
    # the admin does not make the command create a second one.
    managed_key = models.CharField(max_length=80, unique=True, null=True, blank=True, editable=False)

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["editor_groups"]
    admin_form_widgets = {
        **AbstractGroupApprovalTask.admin_form_widgets,
        "editor_groups": forms.CheckboxSelectMultiple,
    }

    def _user_may_edit(self, user) -> bool:
        cache = user.__dict__.setdefault("_editorial_task_editor_checks", {})
        if self.pk not in cache:
            cache[self.pk] = self.editor_groups.filter(id__in=user.groups.all()).exists()
        return cache[self.pk]

    def user_can_access_editor(self, obj, user):
        return super().user_can_access_editor(obj, user) or self._user_may_edit(user)

    def locked_for_user(self, obj, user):
        return super().locked_for_user(obj, user) and not self._user_may_edit(user)

    def get_actions(self, obj, user):
        """Approving publishes (each workflow here has one step): a post whose latest version has
        no photo (Letter 435/LĐLĐ item 5) can only be sent back. The editor's form shows why."""
        actions = super().get_actions(obj, user)
        post = obj.specific if isinstance(obj, Page) else obj
        if actions and isinstance(post, PostPage):
            if image_problems(post.get_latest_revision_as_object().image_slots()):
                return [action for action in actions if action[0] != "approve"]
        return actions

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """Approve or send back a waiting post once, however many approvers click at the same moment.

        Wagtail reads the task state when the request starts and checks it in memory, so two
        approvers acting together both pass: without a lock both approvals were logged, the
        revision was published twice and every notification went out twice. Here the task
        state's row is locked and read again; whoever comes second finds the task finished and
        nothing happens (the admin sends that person back to the post, which shows its new state).
        """
        current = type(task_state).objects.select_for_update().filter(pk=task_state.pk).first()
        if current is None or current.status != TaskState.STATUS_IN_PROGRESS:
            return None
        return super().on_action(current, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("Thành viên các nhóm được chọn duyệt tin - bài; các nhóm biên tập được sửa khi chờ duyệt.")

    class Meta:
        verbose_name = _("bước duyệt tin - bài")
        verbose_name_plural = _("bước duyệt tin - bài")
