"""Admin screens of the oversight office: the table, downloads, issuing, comparison, reminders.

Every screen reads the rows of `selectors.compliance_rows` (or an issued snapshot); none
computes anything of its own. Access: `oversight.view_compliance_report` (oversight, board,
IT team); issuing and reminders need their own permissions.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from vietnamese.periods import Period, PeriodError, parse_period

from . import charts
from .documents import download_name, issued_document, issued_report, live_document
from .exports.letter import to_docx
from .exports.workbook import to_xlsx
from .forms import IssueForm, SupersedeForm
from .models import IssuedReport, ReminderLog
from .reminders import send_reminders
from .rules import Progress, ReportRow, compare_rows, elapsed_share, progress, totals
from .selectors import compliance_rows, federation_totals, recent_periods
from .services import IssueError, issue_report, supersede_report

VIEW_PERMISSION = "oversight.view_compliance_report"
ISSUE_PERMISSION = "oversight.issue_compliance_report"
REMIND_PERMISSION = "oversight.send_reminders"

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
RENDERERS = {"xlsx": to_xlsx, "docx": to_docx}


class PermissionRequiredMixin:
    permission_required = VIEW_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission_required):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def current_quarter() -> Period:
    return Period.containing(timezone.localdate(), "quarter")


def period_choices(selected: Period) -> list[tuple[str, str]]:
    """The picker's list: the last twelve quarters and three years (and the selected period)."""
    quarters = recent_periods(current_quarter(), 12)
    this_year = timezone.localdate().year
    years = [Period("year", year) for year in range(this_year, this_year - 3, -1)]
    choices = [(p.code, p.label) for p in reversed(quarters)] + [(p.code, p.label) for p in years]
    if selected.code not in {code for code, _label in choices}:
        choices.insert(0, (selected.code, selected.label))
    return choices


def report_url(period: Period) -> str:
    return reverse("oversight:report") + "?" + urlencode({"ky": period.code})


def report_breadcrumb(period: Period) -> dict:
    """The crumb back to the period's table, on every screen that starts from it."""
    return {"url": report_url(period), "label": _("Kết quả đăng tin - bài")}


class PeriodScreenMixin:
    """A screen about the period named in the URL (`period_code`); an unknown period is a 404.

    Listed before `PermissionRequiredMixin`, so the period is parsed before permissions are checked.
    """

    def dispatch(self, request, *args, **kwargs):
        try:
            self.period = parse_period(kwargs["period_code"])
        except PeriodError as exc:
            raise Http404(str(exc)) from exc
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.period.label

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            report_breadcrumb(self.period),
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["period"] = self.period
        return context


class IssuedReportScreenMixin:
    """A screen about the issued report named in the URL (`pk`); an unknown report is a 404.

    Listed before `PermissionRequiredMixin`, so the report is looked up before permissions are checked.
    """

    def dispatch(self, request, *args, **kwargs):
        self.issued = get_object_or_404(IssuedReport, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.issued)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["issued"] = self.issued
        return context


class IssuingFormMixin:
    """A form whose submission calls an issuing service; an `IssueError` is shown on the form."""

    def render_form(self, form, **context):
        return self.render_to_response(self.get_context_data(form=form, **context))

    def show_error(self, form, error: Exception):
        form.add_error(None, str(error))
        return self.render_form(form)


@dataclass(frozen=True)
class ScreenRow:
    """A table row with its two progress bars."""

    row: ReportRow
    news: Progress
    articles: Progress
    news_bar: str
    articles_bar: str


def screen_rows(rows: list[ReportRow], share: float | None) -> list[ScreenRow]:
    result = []
    for row in rows:
        news = progress(row.news, row.quota_news, share if share is not None else 1.0)
        articles = progress(row.articles, row.quota_articles, share if share is not None else 1.0)
        expected = None if share is None else news.expected_percent
        result.append(
            ScreenRow(
                row=row,
                news=news,
                articles=articles,
                # Reviewed: SVG built by charts.progress_bar, which escapes every label.
                news_bar=mark_safe(  # nosec B308 B703
                    charts.progress_bar(
                        news.percent,
                        expected_percent=expected,
                        colour=charts.NEWS_COLOUR,
                        label=_("%(count)s/%(target)s tin") % {"count": row.news, "target": row.quota_news},
                    )
                ),
                # Reviewed: as news_bar.
                articles_bar=mark_safe(  # nosec B308 B703
                    charts.progress_bar(
                        articles.percent,
                        expected_percent=expected,
                        colour=charts.ARTICLES_COLOUR,
                        label=_("%(count)s/%(target)s bài")
                        % {"count": row.articles, "target": row.quota_articles},
                    )
                ),
            )
        )
    return result


def history_chart(last: Period) -> str:
    quarter = last if last.kind == "quarter" else Period.containing(last.end_date, "quarter")
    history = federation_totals(recent_periods(quarter, 8))
    svg = charts.bar_chart(
        [total.period.label.replace("quý ", "") for total in history],
        [
            charts.Series(_("Tin"), [t.news for t in history], charts.NEWS_COLOUR),
            charts.Series(_("Bài"), [t.articles for t in history], charts.ARTICLES_COLOUR),
        ],
        title=_("Tin - bài toàn Liên đoàn theo quý, 8 quý đến %(period)s") % {"period": quarter.label},
    )
    # Reviewed: SVG built by charts.bar_chart, which escapes every label.
    return mark_safe(svg)  # nosec B308 B703


class ComplianceReportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "oversight/admin/report.html"
    page_title = gettext_lazy("Kết quả đăng tin - bài")
    header_icon = "table"

    def get_period(self) -> Period:
        raw = (self.request.GET.get("ky_khac") or self.request.GET.get("ky") or "").strip()
        if not raw:
            return current_quarter()
        try:
            return parse_period(raw)
        except PeriodError as exc:
            messages.error(self.request, str(exc))
            return current_quarter()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        period = self.get_period()
        today = timezone.localdate()
        running = period.contains(today)
        share = elapsed_share(period.start_date, period.end_date, today) if running else None
        rows = compliance_rows(period)
        user = self.request.user
        context.update(
            {
                "period": period,
                "period_choices": period_choices(period),
                "rows": screen_rows(rows, share),
                "totals": totals(rows),
                "running": running,
                "elapsed_percent": round((share or 0) * 100),
                "today": today,
                "chart": history_chart(period),
                "issued": issued_report(period),
                "downloads": [
                    (_("Bảng kết quả (XLSX)"), reverse("oversight:download", args=[period.code, "xlsx"])),
                    (_("Công văn đôn đốc (DOCX)"), reverse("oversight:download", args=[period.code, "docx"])),
                ],
                "can_issue": user.has_perm(ISSUE_PERMISSION),
                "can_remind": user.has_perm(REMIND_PERMISSION),
                "reminders": ReminderLog.objects.filter(period_code=period.code).select_related("unit")[:30],
                "issued_reports": IssuedReport.objects.all()[:10],
            }
        )
        return context


class DownloadView(PermissionRequiredMixin, View):
    """The live table of a period as XLSX, or the draft letter as DOCX (no number yet)."""

    def get(self, request, period_code, fmt):
        if fmt not in RENDERERS:
            raise Http404
        try:
            period = parse_period(period_code)
        except PeriodError as exc:
            raise Http404(str(exc)) from exc
        return file_response(live_document(period), fmt)


def file_response(document, fmt) -> HttpResponse:
    response = HttpResponse(RENDERERS[fmt](document), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{download_name(document, fmt)}"'
    return response


class IssueView(
    PeriodScreenMixin, IssuingFormMixin, PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Issue a period's table: number and date, then a confirmation showing what is frozen."""

    permission_required = ISSUE_PERMISSION
    template_name = "oversight/admin/issue.html"
    page_title = gettext_lazy("Ban hành bảng kết quả")
    header_icon = "lock"

    def get(self, request, *args, **kwargs):
        existing = issued_report(self.period)
        if existing is not None:
            messages.warning(
                request, _("Bảng kết quả %(period)s đã được ban hành.") % {"period": self.period.label}
            )
            return redirect("oversight:issued", existing.pk)
        return self.render_form(IssueForm())

    def post(self, request, *args, **kwargs):
        form = IssueForm(request.POST)
        if not form.is_valid():
            return self.render_form(form)
        data = form.cleaned_data
        if not data["confirmed"]:
            # Step two: show the rows to be frozen and ask once more.
            confirm = IssueForm(initial={**data, "confirmed": True})
            return self.render_form(confirm, confirming=True, data=data, rows=compliance_rows(self.period))
        try:
            issued = issue_report(self.period, data["number"], data["document_date"], request.user)
        except IssueError as exc:
            return self.show_error(form, exc)
        messages.success(
            request,
            _("Đã ban hành bảng kết quả %(period)s kèm Công văn số %(number)s.")
            % {"period": issued.period_label, "number": issued.number},
        )
        return redirect("oversight:issued", issued.pk)


class IssuedReportView(
    IssuedReportScreenMixin, PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    """An issued report beside the live computation: what changed since it was issued."""

    template_name = "oversight/admin/issued.html"
    page_title = gettext_lazy("Bảng kết quả đã ban hành")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            report_breadcrumb(parse_period(self.issued.period_code)),
            {"url": "", "label": str(self.issued)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issued_rows = self.issued.report_rows
        live_rows = compliance_rows(self.issued.period_code)
        changes = compare_rows(issued_rows, live_rows)
        changed_ids = {change.unit_id for change in changes}
        context.update(
            {
                "issued_rows": issued_rows,
                "changes": changes,
                "changed_ids": changed_ids,
                "issued_totals": totals(issued_rows),
                "live_totals": totals(live_rows),
                "downloads": [
                    (
                        _("Bảng kết quả (XLSX)"),
                        reverse("oversight:issued_download", args=[self.issued.pk, "xlsx"]),
                    ),
                    (
                        _("Công văn (DOCX)"),
                        reverse("oversight:issued_download", args=[self.issued.pk, "docx"]),
                    ),
                ],
            }
        )
        return context


class SupersedeView(
    IssuedReportScreenMixin,
    IssuingFormMixin,
    PermissionRequiredMixin,
    WagtailAdminTemplateMixin,
    TemplateView,
):
    """Correct an issued report by a new letter that supersedes it; the old one is kept as it was."""

    permission_required = ISSUE_PERMISSION
    template_name = "oversight/admin/supersede.html"
    page_title = gettext_lazy("Ban hành lại bảng kết quả")
    header_icon = "lock"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("oversight:issued", args=[self.issued.pk]), "label": str(self.issued)},
            {"url": "", "label": self.page_title},
        ]

    def get(self, request, *args, **kwargs):
        return self.render_form(SupersedeForm())

    def post(self, request, *args, **kwargs):
        form = SupersedeForm(request.POST)
        if not form.is_valid():
            return self.render_form(form)
        data = form.cleaned_data
        try:
            new = supersede_report(
                self.issued, data["number"], data["document_date"], data["reason"], request.user
            )
        except IssueError as exc:
            return self.show_error(form, exc)
        messages.success(
            request,
            _("Đã ban hành lại bảng kết quả %(period)s: Công văn số %(number)s thay thế Công văn số %(old)s.")
            % {"period": new.period_label, "number": new.number, "old": self.issued.number},
        )
        return redirect("oversight:issued", new.pk)


class IssuedDownloadView(PermissionRequiredMixin, View):
    def get(self, request, pk, fmt):
        if fmt not in RENDERERS:
            raise Http404
        issued = get_object_or_404(IssuedReport, pk=pk)
        return file_response(issued_document(issued), fmt)


class RemindView(PeriodScreenMixin, PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Preview the reminders of a period (who would get what), then send them."""

    permission_required = REMIND_PERMISSION
    template_name = "oversight/admin/remind.html"
    page_title = gettext_lazy("Nhắc nhở đăng tin - bài")
    header_icon = "mail"

    def get(self, request, *args, **kwargs):
        run = send_reminders(self.period, dry_run=True)
        return self.render_to_response(self.get_context_data(run=run))

    def post(self, request, *args, **kwargs):
        run = send_reminders(self.period)
        if run.sent:
            messages.success(request, _("Đã gửi %(n)s thư nhắc nhở.") % {"n": len(run.sent)})
        else:
            messages.info(request, _("Không có thư nào cần gửi."))
        for name, error in run.failed:
            messages.error(
                request, _("Gửi không được: %(unit)s (%(error)s)") % {"unit": name, "error": error}
            )
        return redirect(report_url(self.period))
