"""Admin screens of the newsroom: unpublishing with a reason and the approval log report."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.unpublish import UnpublishView
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.pages import PageViewSet

from .access import audit_units_for_user, may_read_audit_log
from .actions import unpublish_with_reason
from .forms import ApprovalLogFilterSet, UnpublishReasonForm
from .selectors import approval_log_rows


class UnpublishWithReasonView(UnpublishView):
    """Wagtail's unpublish confirmation, plus a required reason that goes into the log."""

    unpublish_url_name = "newsroom:unpublish"
    page_title = _("Gỡ xuống")
    success_message = _("Đã gỡ “%(page_title)s” xuống; lý do đã được ghi vào nhật ký.")

    def get_form(self):
        if self.request.method == "POST":
            return UnpublishReasonForm(self.request.POST)
        return UnpublishReasonForm()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            request.newsroom_reason_given = True  # see wagtail_hooks.require_unpublish_reason
            hook_response = self.run_hook("before_unpublish_page", request, self.object)
            if hook_response is not None:
                return hook_response
            try:
                for page in self.objects_to_unpublish:
                    unpublish_with_reason(
                        page,
                        user=request.user,
                        reason=form.cleaned_data["reason"],
                        include_descendants=form.cleaned_data["include_descendants"],
                    )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                hook_response = self.run_hook("after_unpublish_page", request, self.object)
                if hook_response is not None:
                    return hook_response
                messages.success(request, self.get_success_message(), buttons=self.get_success_buttons())
                return redirect(self.get_next_url())
        return self.render_to_response(self.get_context_data(form=form))


def local_naive(value: datetime.datetime) -> datetime.datetime:
    """Spreadsheets have no time zones: write Vietnam time, as the screen shows it."""
    return timezone.localtime(value).replace(tzinfo=None)


class ApprovalLogReportView(ReportView):
    """“Nhật ký duyệt tin - bài”: who submitted, approved, returned, published or took down
    which post, when, and with which comment; filtered by unit and period; XLSX/CSV export."""

    page_title = _("Nhật ký duyệt tin - bài")
    header_icon = "history"
    index_url_name = "newsroom:approval_log"
    index_results_url_name = "newsroom:approval_log_results"
    filterset_class = ApprovalLogFilterSet
    paginate_by = 50
    columns = [
        Column("time_label", label=_("Thời gian")),
        Column("user_name", label=_("Người thực hiện")),
        Column("action_label", label=_("Thao tác")),
        TitleColumn(
            "post_title",
            label=_("Tin - bài"),
            get_url=lambda row: reverse("wagtailadmin_pages:history", args=[row.page_id]),
        ),
        Column("unit_name", label=_("Đơn vị")),
        Column("comment", label=_("Ý kiến, lý do")),
    ]
    list_export = ["time", "user_name", "action_label", "post_title", "unit_name", "comment"]
    export_headings = {
        "time": _("Thời gian"),
        "user_name": _("Người thực hiện"),
        "action_label": _("Thao tác"),
        "post_title": _("Tin - bài"),
        "unit_name": _("Đơn vị"),
        "comment": _("Ý kiến, lý do"),
    }
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        datetime.datetime: {
            ReportView.FORMAT_XLSX: local_naive,
            ReportView.FORMAT_CSV: lambda value: timezone.localtime(value).strftime("%d/%m/%Y %H:%M"),
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if not may_read_audit_log(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_filename(self):
        return f"nhat-ky-duyet-tin-bai-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        return []

    def get_filtered_queryset(self):
        unit = period = None
        if self.filters and self.filters.is_valid():
            unit = self.filters.form.cleaned_data.get("unit")
            period = self.filters.form.cleaned_data.get("period")
        return approval_log_rows(units=audit_units_for_user(self.request.user), unit=unit, period=period)


class PostCreateView(CreateView):
    """A new post's editor, without Wagtail's autosave (it stays on in the editor of an existing post).

    On the create form, Wagtail 8's autosave creates the page in the background; a writer who
    clicks “Gửi duyệt” while that request is still on its way posts the form a second time, and
    the second creation is refused because the first one took the slug (CI saw it on a loaded
    machine: the writer got “could not be created due to validation errors” for a correct post).
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context


class PostViewSet(PageViewSet):
    """The admin views of tin and bài: Wagtail's own, with `PostCreateView` to create them."""

    add_view_class = PostCreateView
