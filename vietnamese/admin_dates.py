"""Dates typed in the admin as it shows them: dd/mm/yyyy (WAGTAIL_DATE_FORMAT), not mm/dd/yyyy.

Wagtail's date and date-time widgets display values in WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT
("26/11/2026", "26/11/2026 08:30"), and the browser sends back what it shows. Django's Vietnamese
locale has no input formats of its own, so the fields parsed "26/11/2026" with the default
"%m/%d/%Y": re-saving a post refused its event date ("Nhập một ngày hợp lệ.") from the 13th of a
month on and silently swapped day and month before it. Every admin model form's date and date-time
fields therefore accept the displayed format first, then ISO.
"""

from django.conf import settings
from django.db import models
from wagtail.admin import widgets
from wagtail.admin.forms.models import register_form_field_override

ISO_DATE = "%Y-%m-%d"
ISO_DATETIMES = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M")


def date_input_formats() -> list[str]:
    return [getattr(settings, "WAGTAIL_DATE_FORMAT", ISO_DATE), ISO_DATE]


def datetime_input_formats() -> list[str]:
    return [getattr(settings, "WAGTAIL_DATETIME_FORMAT", ISO_DATETIMES[1]), *ISO_DATETIMES]


def register() -> None:
    """Called once from VietnameseConfig.ready(); replaces Wagtail's own overrides of these fields."""
    register_form_field_override(
        models.DateField, override={"widget": widgets.AdminDateInput, "input_formats": date_input_formats()}
    )
    register_form_field_override(
        models.DateTimeField,
        override={"widget": widgets.AdminDateTimeInput, "input_formats": datetime_input_formats()},
    )
