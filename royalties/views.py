"""Admin screens of the royalty desk: a statement, its close and pay actions, the federation
summary and the author view. Each screen asks `royalties.selectors` for its rows and hands
the same rows to `royalties.exports` for the downloads."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from units.models import Unit
from vietnamese.periods import Period, PeriodError

from . import access, exports
from .models import Statement, StatementLogEntry, StatementState
from .selectors import author_names, author_rows, federation_summary, month_period, statement_rows
from .services import StatementError, statement_close, statement_for, statement_mark_paid


def default_month() -> Period:
    """Last month: the one whose statement is usually being prepared."""
    return Period.containing(timezone.localdate(), "month").previous()


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2017-03"})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return month_period(value)
        except PeriodError as error:
            raise forms.ValidationError(str(error)) from None

    def prepare_value(self, value):
        return value.code if isinstance(value, Period) else value


class StatementFilterForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=gettext_lazy("Đơn vị"), queryset=Unit.objects.none(), to_field_name="code", empty_label=None
    )
    month = MonthField(label=gettext_lazy("Tháng"))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class MonthForm(forms.Form):
    month = MonthField(label=gettext_lazy("Tháng"))


class AuthorForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Họ và tên tác giả"), widget=forms.TextInput(attrs={"list": "royalty-authors"})
    )
    first = MonthField(label=gettext_lazy("Từ tháng"))
    last = MonthField(label=gettext_lazy("Đến tháng"))


class CloseForm(forms.Form):
    number = forms.CharField(
        label=gettext_lazy("Số bảng kê"),
        max_length=60,
        help_text=gettext_lazy("Ví dụ: 03/BK-NB. Sau khi chốt, bảng kê không thay đổi nữa."),
    )


class PaidForm(forms.Form):
    paid_on = forms.DateField(
        label=gettext_lazy("Ngày chi trả"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )


class DeskView(WagtailAdminTemplateMixin, TemplateView):
    """Common ground: only users of the desk, with the units they may read."""

    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        if not access.can_use_desk(request.user):
            raise PermissionDenied
        self.units = access.statement_units(request.user).order_by("report_order", "name")
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("royalties:statement"), "label": _("Nhuận bút")},
            {"url": "", "label": self.get_page_title()},
        ]

    def download(self, data: bytes, fmt: str, name: str) -> HttpResponse:
        response = HttpResponse(data, content_type=exports.CONTENT_TYPES[fmt])
        disposition = "inline" if fmt == "text" else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{name}"'
        return response


def statement_url(unit: Unit, period: Period, **extra) -> str:
    query = {"unit": unit.code, "month": period.code, **extra}
    return reverse("royalties:statement") + "?" + urlencode(query)


class StatementView(DeskView):
    template_name = "royalties/statement.html"
    page_title = gettext_lazy("Bảng kê nhuận bút")

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        first_unit = self.units.first()
        data.setdefault("unit", first_unit.code if first_unit else "")
        data.setdefault("month", default_month().code)
        self.form = StatementFilterForm(data, units=self.units)
        self.report = None
        if self.form.is_valid():
            self.report = statement_rows(self.form.cleaned_data["unit"], self.form.cleaned_data["month"])
            fmt = request.GET.get("format")
            if fmt in exports.FORMATS:
                return self.download(
                    exports.render_statement(self.report, fmt), fmt, exports.filename(self.report, fmt)
                )
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        if self.report:
            return f"{self.report.unit.display_name} – {self.report.period.label}"
        return ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = self.report
        context.update(form=self.form, report=report)
        if report:
            user = self.request.user
            statement = report.statement
            context.update(
                previous_url=statement_url(report.unit, report.period.previous()),
                next_url=statement_url(report.unit, report.period.next()),
                downloads=[
                    (fmt.upper(), statement_url(report.unit, report.period, format=fmt))
                    for fmt in ("csv", "xlsx")
                ],
                can_close=report.can_close and access.can_close(user, report.unit),
                close_blocked=report.is_open and not report.can_close and access.can_close(user, report.unit),
                can_mark_paid=bool(
                    statement
                    and statement.state == StatementState.CLOSED
                    and access.can_mark_paid(user, report.unit)
                ),
                close_url=reverse("royalties:close", args=[report.unit.code, report.period.code]),
                pay_url=statement and reverse("royalties:mark_paid", args=[statement.pk]),
                history=(
                    StatementLogEntry.objects.for_instance(statement)
                    .select_related("user")
                    .order_by("-timestamp")
                    if statement
                    else []
                ),
            )
        return context


class CloseView(DeskView):
    template_name = "royalties/confirm_close.html"
    page_title = gettext_lazy("Chốt bảng kê nhuận bút")

    def dispatch(self, request, unit_code, month, *args, **kwargs):
        self.unit = get_object_or_404(Unit, code=unit_code)
        try:
            self.period = month_period(month)
        except PeriodError as error:
            raise PermissionDenied(str(error)) from None
        if not access.can_close(request.user, self.unit):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.form = CloseForm()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.form = CloseForm(request.POST)
        if self.form.is_valid():
            try:
                statement = statement_close(
                    statement_for(self.unit, self.period), request.user, self.form.cleaned_data["number"]
                )
            except StatementError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("Đã chốt bảng kê %(period)s của %(unit)s, số %(number)s.")
                    % {"period": self.period.label, "unit": self.unit, "number": statement.number},
                )
                return redirect(statement_url(self.unit, self.period))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = statement_rows(self.unit, self.period)
        context.update(
            form=self.form,
            report=report,
            cancel_url=statement_url(self.unit, self.period),
        )
        return context


class MarkPaidView(DeskView):
    template_name = "royalties/confirm_paid.html"
    page_title = gettext_lazy("Xác nhận đã chi trả nhuận bút")

    def dispatch(self, request, pk, *args, **kwargs):
        self.statement = get_object_or_404(Statement.objects.select_related("unit"), pk=pk)
        if not access.can_mark_paid(request.user, self.statement.unit):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        self.form = PaidForm(initial={"paid_on": timezone.localdate()})
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.form = PaidForm(request.POST)
        if self.form.is_valid():
            try:
                statement_mark_paid(self.statement, request.user, self.form.cleaned_data["paid_on"])
            except StatementError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(
                    request,
                    _("Đã ghi nhận chi trả bảng kê số %(number)s.") % {"number": self.statement.number},
                )
                return redirect(statement_url(self.statement.unit, self.statement.period))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=self.form,
            report=statement_rows(self.statement.unit, self.statement.period),
            cancel_url=statement_url(self.statement.unit, self.statement.period),
        )
        return context


class SummaryView(DeskView):
    template_name = "royalties/summary.html"
    page_title = gettext_lazy("Tổng hợp nhuận bút toàn LĐLĐ tỉnh")

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        data.setdefault("month", default_month().code)
        self.form = MonthForm(data)
        self.summary = None
        if self.form.is_valid():
            self.summary = federation_summary(self.form.cleaned_data["month"], self.units)
            fmt = request.GET.get("format")
            if fmt in exports.FORMATS:
                return self.download(
                    exports.render_summary(self.summary, fmt),
                    fmt,
                    exports.summary_filename(self.summary, fmt),
                )
        return super().get(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.summary.period.label if self.summary else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summary = self.summary
        context.update(form=self.form, summary=summary)
        if summary:
            period = summary.period
            base = reverse("royalties:summary")
            context.update(
                rows=[(report, statement_url(report.unit, period)) for report in summary.reports],
                previous_url=f"{base}?{urlencode({'month': period.previous().code})}",
                next_url=f"{base}?{urlencode({'month': period.next().code})}",
                downloads=[
                    (fmt.upper(), f"{base}?{urlencode({'month': period.code, 'format': fmt})}")
                    for fmt in ("csv", "xlsx")
                ],
            )
        return context


class AuthorView(DeskView):
    template_name = "royalties/author.html"
    page_title = gettext_lazy("Nhuận bút theo tác giả")

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        last = default_month()
        data.setdefault("first", Period("month", last.year, 1).code)
        data.setdefault("last", last.code)
        self.form = AuthorForm(data if "name" in request.GET else None, initial=data)
        self.result = None
        if self.form.is_bound and self.form.is_valid():
            cleaned = self.form.cleaned_data
            self.result = author_rows(cleaned["name"], cleaned["first"], cleaned["last"], self.units)
            if request.GET.get("format") == "csv":
                name = f"nhuan-but-tac-gia-{cleaned['first'].code}-{cleaned['last'].code}.csv"
                return self.download(exports.author_csv(self.result).encode("utf-8"), "csv", name)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(form=self.form, result=self.result, author_names=author_names(self.units))
        if self.result:
            context["rows"] = [
                (row, statement_url(row.report.unit, row.report.period)) for row in self.result.rows
            ]
            context["csv_url"] = (
                self.request.path + "?" + urlencode({**self.request.GET.dict(), "format": "csv"})
            )
        return context
