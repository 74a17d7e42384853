"""Plain newsroom rules: names of logged actions, the age of a waiting post.

Plain values in, Vietnamese text out; like `posts/rules.py` the only Django import is gettext.
"""

from datetime import timedelta

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Actions of Wagtail's log that tell a post's way from writer to reader (DESIGN.md: "Every
# submission, approval, rejection, publication and unpublication is logged with who and when"),
# with the Vietnamese label the audit report shows.
UNPUBLISH_WITH_REASON = "newsroom.unpublish_with_reason"

APPROVAL_ACTIONS = {
    "wagtail.workflow.start": gettext_lazy("Gửi duyệt"),
    "wagtail.workflow.resume": gettext_lazy("Gửi duyệt lại"),
    "wagtail.workflow.approve": gettext_lazy("Duyệt"),
    "wagtail.workflow.reject": gettext_lazy("Trả lại"),
    "wagtail.workflow.cancel": gettext_lazy("Rút lại, hủy gửi duyệt"),
    "wagtail.publish": gettext_lazy("Xuất bản"),
    "wagtail.publish.scheduled": gettext_lazy("Xuất bản theo lịch"),
    "wagtail.unpublish": gettext_lazy("Gỡ xuống"),
    "wagtail.unpublish.scheduled": gettext_lazy("Gỡ xuống theo lịch"),
    UNPUBLISH_WITH_REASON: gettext_lazy("Gỡ xuống (có lý do)"),
    "wagtail.delete": gettext_lazy("Xóa"),
}


def action_label(action: str) -> str:
    return str(APPROVAL_ACTIONS.get(action, action))


def comment_from_log_data(action: str, data: dict | None) -> str:
    """The reviewer's comment of a workflow step, or the reason given for unpublishing."""
    data = data or {}
    if action == UNPUBLISH_WITH_REASON:
        return str(data.get("reason") or "")
    return str(data.get("comment") or "")


def format_age(age: timedelta) -> str:
    """How long a post has waited: "vừa gửi", "45 phút", "5 giờ", "3 ngày 2 giờ"."""
    minutes = max(int(age.total_seconds() // 60), 0)
    if minutes < 1:
        return _("vừa gửi")
    if minutes < 60:
        return _("%(minutes)s phút") % {"minutes": minutes}
    hours = minutes // 60
    if hours < 24:
        return _("%(hours)s giờ") % {"hours": hours}
    days, hours = divmod(hours, 24)
    if hours:
        return _("%(days)s ngày %(hours)s giờ") % {"days": days, "hours": hours}
    return _("%(days)s ngày") % {"days": days}


def quota_status(published: int, quota: int | None) -> str:
    """ "3/6" against a quota, or the bare count when there is none."""
    if quota is None:
        return str(published)
    return f"{published}/{quota}"
