"""Forms of the newsroom's admin screens."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import DefaultPageForm
from wagtail.models import PageLogEntry

from units.models import Unit
from vietnamese.periods import PeriodError, parse_period

from .access import audit_units_for_user
from .actions import REASON_MAX_LENGTH


class UnpublishReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do gỡ xuống"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Lý do được ghi vào nhật ký duyệt tin - bài và lịch sử của tin - bài."),
        error_messages={"required": _("Hãy ghi lý do gỡ tin - bài xuống.")},
    )
    include_descendants = forms.BooleanField(required=False)


class BulkUnpublishReasonForm(DefaultPageForm):
    reason = UnpublishReasonForm.base_fields["reason"]
    include_descendants = forms.BooleanField(label=_("Gỡ xuống cả các trang con"), required=False)


class PeriodField(forms.CharField):
    """A reporting period typed as 2017-Q1, quý I/2017, 2017-03 or 2017."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_period(value)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc


class PeriodFilter(django_filters.CharFilter):
    field_class = PeriodField


def _units_for_filter(request):
    units = audit_units_for_user(request.user)
    return Unit.objects.order_by("kind__order", "report_order", "name") if units is None else units


class ApprovalLogFilterSet(WagtailFilterSet):
    """Filters of the audit report; the selector does the filtering (see ApprovalLogReportView)."""

    unit = django_filters.ModelChoiceFilter(
        label=_("Đơn vị"),
        empty_label=_("Tất cả đơn vị"),
        queryset=_units_for_filter,
        method="keep",
    )
    period = PeriodFilter(
        label=_("Kỳ"),
        method="keep",
        help_text=_("Ví dụ: 2017-Q1, quý I/2017, 2017-03 hoặc 2017. Để trống: mọi thời gian."),
    )

    class Meta:
        model = PageLogEntry
        fields = []

    def keep(self, queryset, name, value):
        return queryset
