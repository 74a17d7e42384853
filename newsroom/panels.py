"""Dashboard panels for the newsroom's roles (Wagtail's `construct_homepage_panels`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from vietnamese.periods import Period

from .access import newsroom_units_for_user
from .selectors import awaiting_approval_rows, returned_post_rows, unit_quarter_rows


class AwaitingMyApprovalPanel(Component):
    """“Chờ tôi duyệt”: posts at a step the user approves, with how long each has waited."""

    name = "newsroom_awaiting_approval"
    template_name = "newsroom/dashboard/awaiting_approval.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "rows": awaiting_approval_rows(request.user),
            "request": request,
            "panel_id": "newsroom-awaiting",
            "heading": _("Chờ tôi duyệt"),
        }


class UnitQuarterPanel(Component):
    """“Tin - bài của đơn vị trong quý”: the user's units' published tin and bài this quarter."""

    name = "newsroom_unit_quarter"
    template_name = "newsroom/dashboard/unit_quarter.html"
    order = 95

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        period = Period.containing(timezone.now(), "quarter")
        units = newsroom_units_for_user(request.user).order_by("report_order", "name")
        rows = unit_quarter_rows(units, period)
        return {
            "rows": rows,
            "period": period,
            "has_quota": any(row.news_quota is not None for row in rows),
        }


class ReturnedPostsPanel(Component):
    """“Bị trả lại”: the user's posts sent back for changes, with the reviewer's comment."""

    name = "newsroom_returned"
    template_name = "newsroom/dashboard/returned.html"
    order = 92

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "rows": returned_post_rows(request.user),
            "panel_id": "newsroom-returned",
            "heading": _("Bị trả lại"),
        }
