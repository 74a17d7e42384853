"""The recovery-code device: django-otp's static device, with the codes stored as keyed hashes.

django-otp's own static device (``otp_static``) keeps its tokens as plain text, so a copy of the
database would hand over working codes; see ``safety.recovery`` for how these are hashed and why.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin, TimestampMixin

from .recovery import digest_matches


class RecoveryCodeDevice(TimestampMixin, ThrottlingMixin, Device):
    """A user's set of one-time recovery codes; each code is accepted once, then deleted."""

    class Meta:
        verbose_name = _("bộ mã dự phòng")
        verbose_name_plural = _("bộ mã dự phòng")

    def get_throttle_factor(self):
        # The same setting as django-otp's static device, whose place this device takes.
        return getattr(settings, "OTP_STATIC_THROTTLE_FACTOR", 1)

    def verify_token(self, token) -> bool:
        allowed, _reason = self.verify_is_allowed()
        if not allowed:
            return False
        code = self.matching_code(str(token))
        if code is not None and self.consume(code):
            self.throttle_reset(commit=False)
            self.set_last_used_timestamp(commit=False)
            self.save(
                update_fields=["throttling_failure_count", "throttling_failure_timestamp", "last_used_at"]
            )
            return True
        self.throttle_increment()
        return False

    def matching_code(self, code: str) -> int | None:
        """The id of the unused code that ``code`` is, if any.

        Every stored code is compared (in constant time), so how long this takes does not tell which
        code, if any, matched.
        """
        found = None
        for pk, salt, digest in self.codes.values_list("pk", "salt", "digest"):
            if digest_matches(code, salt, digest) and found is None:
                found = pk
        return found

    def consume(self, code_id: int) -> bool:
        """Delete the code; True only for the one caller whose DELETE removed the row.

        Two requests that matched the same code at the same moment both run this DELETE; the database
        removes the row once, so exactly one of them sees a count of 1 and signs in.
        """
        deleted, _per_model = RecoveryCode.objects.filter(pk=code_id, device=self).delete()
        return deleted == 1


class RecoveryCode(models.Model):
    """One unused recovery code: a random salt and the keyed hash of the code, never the code."""

    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    salt = models.CharField(max_length=32)
    digest = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("mã dự phòng")
        verbose_name_plural = _("mã dự phòng")

    def __str__(self) -> str:
        return str(_("Mã dự phòng #%(id)s") % {"id": self.pk})
