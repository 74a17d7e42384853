"""The IT team sees who has recovery codes (never the codes: only their hashes are stored) and can
delete a user's set, e.g. when the printed codes are lost; the user then creates a new set.

Columns are display methods: django-otp's device fields have English, untranslatable labels."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import RecoveryCodeDevice


@admin.register(RecoveryCodeDevice)
class RecoveryCodeDeviceAdmin(admin.ModelAdmin):
    list_display = ["owner", "codes_left", "created", "last_used", "failed_attempts"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = readonly_fields = list_display

    @admin.display(description=_("Người dùng"), ordering="user__username")
    def owner(self, device: RecoveryCodeDevice) -> str:
        return device.user.get_username()

    @admin.display(description=_("Số mã chưa dùng"))
    def codes_left(self, device: RecoveryCodeDevice) -> int:
        return device.codes.count()

    @admin.display(description=_("Tạo lúc"), ordering="created_at")
    def created(self, device: RecoveryCodeDevice):
        return device.created_at

    @admin.display(description=_("Dùng lần cuối"), ordering="last_used_at")
    def last_used(self, device: RecoveryCodeDevice):
        return device.last_used_at

    @admin.display(description=_("Số lần nhập sai liên tiếp"))
    def failed_attempts(self, device: RecoveryCodeDevice) -> int:
        return device.throttling_failure_count

    def has_add_permission(self, request) -> bool:
        # Codes are created by their owner, in a verified session, and shown to them only.
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
