from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from vietnamese.periods import PeriodError, parse_period


class PeriodField(forms.CharField):
    """A reporting period typed as 2017-Q1, quý I/2017, 2017-03, tháng 3/2017 or 2017."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_period(value)
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc


class IssueForm(forms.Form):
    number = forms.CharField(
        label=_("Số công văn"),
        max_length=40,
        help_text=_("Ví dụ: 435/LĐLĐ"),
    )
    # The admin's date picker writes dd/mm/yyyy (WAGTAIL_DATE_FORMAT); ISO comes back from step two.
    document_date = forms.DateField(
        label=_("Ngày công văn"),
        widget=AdminDateInput,
        input_formats=["%d/%m/%Y", "%Y-%m-%d", "%d/%m/%y", "%d-%m-%Y"],
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class SupersedeForm(forms.Form):
    """A correcting letter: its number and date, and why the issued report is replaced."""

    number = IssueForm.base_fields["number"]
    document_date = IssueForm.base_fields["document_date"]
    reason = forms.CharField(
        label=_("Lý do ban hành lại"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: bổ sung bài của CĐN Y tế đăng ngày 20/3/2017 nhưng báo cáo muộn."),
    )
