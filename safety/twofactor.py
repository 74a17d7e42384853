"""Two-factor authentication (TOTP through django-otp), required by a setting.

Any staff member may turn on a one-time-code app from "Tài khoản" > "Xác thực hai bước". Members of the
groups named in ``REQUIRE_2FA_FOR_GROUPS`` (and superusers when ``REQUIRE_2FA_FOR_SUPERUSERS``) must:
after signing in with their password, every request of theirs is sent to the code page (or, the first
time, to the page that pairs an authenticator app) until the session is verified. django-otp's
``OTPMiddleware`` (before this one) records the verification in the session.

Recovery codes: once paired, a user (in a verified session) can create ``RECOVERY_CODE_COUNT`` one-time
codes (``safety.models.RecoveryCodeDevice``, stored as keyed hashes), shown once, for the day the phone
is lost: each is accepted once at the code prompt in place of the app's code. Creating a new set voids
the old one.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django_otp import user_has_device

from .models import RecoveryCode, RecoveryCodeDevice
from .recovery import RECOVERY_CODE_COUNT, code_digest, new_salt, random_code

# URL names a signed-in but not yet verified user can still reach: the 2FA pages themselves, signing
# out, and what Wagtail's bare admin pages load (icons, the JavaScript catalogue).
EXEMPT_URL_NAMES = (
    "safety_2fa_setup",
    "safety_2fa_verify",
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_password_reset",
)


def requires_2fa(user) -> bool:
    """Whether this signed-in user must confirm a one-time code (settings decide)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser and getattr(settings, "REQUIRE_2FA_FOR_SUPERUSERS", False):
        return True
    groups = getattr(settings, "REQUIRE_2FA_FOR_GROUPS", ())
    return bool(groups) and user.groups.filter(name__in=groups).exists()


def recovery_device(user) -> RecoveryCodeDevice | None:
    return RecoveryCodeDevice.objects.filter(user=user).order_by("pk").first()


def recovery_codes_left(user) -> int:
    return RecoveryCode.objects.filter(device__user=user).count()


def new_recovery_codes(user, count: int = RECOVERY_CODE_COUNT) -> list[str]:
    """Replace the user's recovery codes by ``count`` new random ones; return them (to be shown once).

    Only their salted, keyed hashes are stored: the returned list is the one copy of the codes.
    """
    codes: set[str] = set()
    while len(codes) < count:
        codes.add(random_code())
    hashed = []
    for code in sorted(codes):
        salt = new_salt()
        hashed.append((salt, code_digest(code, salt)))
    with transaction.atomic():
        device = recovery_device(user)
        if device is None:
            device = RecoveryCodeDevice.objects.create(user=user, name=gettext("Mã dự phòng"), confirmed=True)
        RecoveryCode.objects.filter(device__user=user).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(device=device, salt=salt, digest=digest) for salt, digest in hashed
        )
    return sorted(codes)


def _exempt_prefixes() -> tuple[str, ...]:
    prefixes = [settings.STATIC_URL or "/static/", settings.MEDIA_URL or "/media/"]
    for name in EXEMPT_URL_NAMES:
        try:
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(p for p in prefixes if p and p != "/")


class Require2FAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._prefixes = None

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.user.is_verified()
            and not self._is_exempt(request.path)
            and requires_2fa(user)
        ):
            name = "safety_2fa_verify" if user_has_device(user, confirmed=True) else "safety_2fa_setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(name)}?{query}")
        return self.get_response(request)

    def _is_exempt(self, path: str) -> bool:
        if self._prefixes is None:
            self._prefixes = _exempt_prefixes()
        return path.startswith(self._prefixes)
