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
