"""The newsroom in Wagtail's admin: unpublish with a reason, dashboard panels, the approval log."""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import UnpublishMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.log_actions import LogFormatter

from .access import may_read_audit_log
from .actions import unpublish_with_reason
from .forms import BulkUnpublishReasonForm
from .panels import AwaitingMyApprovalPanel, ReturnedPostsPanel, UnitQuarterPanel
from .rules import APPROVAL_ACTIONS, UNPUBLISH_WITH_REASON
from .views import ApprovalLogReportView, PostViewSet, UnpublishWithReasonView

app_name = "newsroom"
urlpatterns = [
    path("unpublish/<int:page_id>/", UnpublishWithReasonView.as_view(), name="unpublish"),
    path("reports/approval-log/", ApprovalLogReportView.as_view(), name="approval_log"),
    path(
        "reports/approval-log/results/",
        ApprovalLogReportView.as_view(results_only=True),
        name="approval_log_results",
    ),
]


@hooks.register("register_admin_urls")
def register_newsroom_urls():
    return [path("newsroom/", include((urlpatterns, app_name), namespace=app_name))]


# -- unpublishing with a reason -----------------------------------------------------------


@hooks.register("register_log_actions")
def register_unpublish_with_reason(actions):
    @actions.register_action(UNPUBLISH_WITH_REASON)
    class UnpublishWithReasonFormatter(LogFormatter):
        label = APPROVAL_ACTIONS[UNPUBLISH_WITH_REASON]
        message = _("Gỡ xuống")

        def format_comment(self, log_entry):
            return log_entry.data.get("reason", "")


class UnpublishWithReasonMenuItem(UnpublishMenuItem):
    def get_url(self, context):
        return reverse("newsroom:unpublish", args=(context["page"].id,))


@hooks.register("construct_page_action_menu")
def point_unpublish_to_reason_form(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is UnpublishMenuItem:
            menu_items[index] = UnpublishWithReasonMenuItem(order=item.order)


@hooks.register("before_unpublish_page")
def require_unpublish_reason(request, page):
    """Wagtail's own unpublish view (its confirmation page is ours, posting to our view) must not
    take a page down without a reason: send anyone who posts to it to the reason form."""
    if not getattr(request, "newsroom_reason_given", False):
        messages.warning(request, _("Hãy ghi lý do trước khi gỡ tin - bài xuống."))
        return redirect("newsroom:unpublish", page.pk)


class UnpublishWithReasonBulkAction(UnpublishBulkAction):
    form_class = BulkUnpublishReasonForm
    template_name = "newsroom/confirm_bulk_unpublish.html"

    def get_execution_context(self):
        return {**super().get_execution_context(), "reason": self.cleaned_form.cleaned_data["reason"]}

    @classmethod
    def execute_action(cls, objects, include_descendants=False, user=None, permission_checker=None, **kwargs):
        reason = kwargs["reason"]
        count = 0
        for page in objects:
            unpublish_with_reason(page, user=user, reason=reason, include_descendants=include_descendants)
            count += 1
        return count, 0


# Registered after Wagtail's own bulk unpublish (order 1 > 0), so ours replaces it.
hooks.register("register_bulk_action", UnpublishWithReasonBulkAction, order=1)


# -- dashboard ------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_newsroom_panels(request, panels):
    # “Chờ tôi duyệt” replaces Wagtail's “Awaiting your review” (same rows, with age and unit).
    panels[:] = [panel for panel in panels if not isinstance(panel, WorkflowObjectsToModeratePanel)]
    panels.extend([AwaitingMyApprovalPanel(), ReturnedPostsPanel(), UnitQuarterPanel()])


# -- reports --------------------------------------------------------------------------------


class ApprovalLogMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_audit_log(request.user)


@hooks.register("register_reports_menu_item")
def register_approval_log_menu_item():
    return ApprovalLogMenuItem(
        _("Nhật ký duyệt tin - bài"),
        reverse("newsroom:approval_log"),
        name="newsroom-approval-log",
        icon_name="history",
        order=650,
    )


@hooks.register("register_admin_viewset")
def register_post_viewset():
    from posts.models import PostPage

    return PostViewSet("posts", model=PostPage)
