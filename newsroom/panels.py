"""Dashboard panels for the newsroom's roles (Wagtail's `construct_homepage_panels`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from vietnamese.periods import Period

from .access import newsroom_units_for_user
from .selectors import awaiting_approval_rows, returned_post_rows, unit_quarter_rows


class PostPanel(Component):
    """A panel of posts, one a row (newsroom/dashboard/post_panel.html): a subclass names its
    template (which adds the columns), its id, its heading and the selector of its rows."""

    panel_id = ""
    heading = ""

    @staticmethod
    def rows_for(user) -> list:
        raise NotImplementedError

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "rows": self.rows_for(request.user),
            "request": request,
            "panel_id": self.panel_id,
            "heading": self.heading,
        }


class AwaitingMyApprovalPanel(PostPanel):
    """“Chờ tôi duyệt”: posts at a step the user approves, with how long each has waited."""

    name = "newsroom_awaiting_approval"
    template_name = "newsroom/dashboard/awaiting_approval.html"
    order = 90
    panel_id = "newsroom-awaiting"
    heading = _("Chờ tôi duyệt")
    rows_for = staticmethod(awaiting_approval_rows)


class ReturnedPostsPanel(PostPanel):
    """“Bị trả lại”: the user's posts sent back for changes, with the reviewer's comment."""

    name = "newsroom_returned"
    template_name = "newsroom/dashboard/returned.html"
    order = 92
    panel_id = "newsroom-returned"
    heading = _("Bị trả lại")
    rows_for = staticmethod(returned_post_rows)


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
            "panel_id": "newsroom-unit-quarter",
            "heading": _("Tin - bài của đơn vị trong %(period)s") % {"period": period.label},
            "has_quota": any(row.news_quota is not None for row in rows),
        }
