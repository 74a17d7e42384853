"""The oversight office in the Wagtail admin: the report under “Báo cáo”, quotas and remarks
under “Giám sát đăng tin - bài”, the letter's settings under “Cài đặt”."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import QuotaRule, Remark

app_name = "oversight"

urlpatterns = [
    path("", views.ComplianceReportView.as_view(), name="report"),
    path("tai-ve/<str:period_code>/<str:fmt>/", views.DownloadView.as_view(), name="download"),
    path("ban-hanh/<str:period_code>/", views.IssueView.as_view(), name="issue"),
    path("da-ban-hanh/<int:pk>/", views.IssuedReportView.as_view(), name="issued"),
    path("da-ban-hanh/<int:pk>/ban-hanh-lai/", views.SupersedeView.as_view(), name="supersede"),
    path("da-ban-hanh/<int:pk>/<str:fmt>/", views.IssuedDownloadView.as_view(), name="issued_download"),
    path("nhac-nho/<str:period_code>/", views.RemindView.as_view(), name="remind"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("giam-sat/", include((urlpatterns, app_name), namespace=app_name))]


class ComplianceReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_compliance_report_menu_item():
    return ComplianceReportMenuItem(
        _("Kết quả đăng tin - bài"),
        reverse("oversight:report"),
        name="compliance-report",
        icon_name="table",
        order=100,
    )


class QuotaRuleViewSet(SnippetViewSet):
    model = QuotaRule
    icon = "tasks"
    menu_label = _("Chỉ tiêu đăng tin - bài")
    list_display = [
        "__str__",
        "scope_label",
        "period_kind",
        "target_news",
        "target_articles",
        "exempt",
        "valid_from",
        "valid_to",
    ]
    list_filter = ["period_kind", "unit_kind", "exempt"]
    ordering = ["-valid_from"]


class RemarkViewSet(SnippetViewSet):
    model = Remark
    icon = "comment"
    menu_label = _("Ghi chú theo kỳ")
    list_display = ["unit", "period_code", "text", "replaces_shortfall", "updated_at"]
    list_filter = ["period_code", "replaces_shortfall"]
    search_fields = ["text", "period_code"]


class OversightViewSetGroup(SnippetViewSetGroup):
    items = (QuotaRuleViewSet, RemarkViewSet)
    menu_icon = "table"
    menu_label = _("Giám sát đăng tin - bài")
    menu_name = "oversight"
    menu_order = 250


register_snippet(OversightViewSetGroup)


@hooks.register("after_create_snippet")
def record_remark_author(request, instance):
    if isinstance(instance, Remark) and instance.author_id is None:
        Remark.objects.filter(pk=instance.pk).update(author=request.user)
