"""The two-factor pages: pair an authenticator app, then confirm a code after each sign-in."""

from base64 import b32encode
from io import BytesIO

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import CodeOrRecoveryForm, TokenForm
from .models import RecoveryCodeDevice
from .recovery import format_recovery_code, is_recovery_code
from .twofactor import new_recovery_codes, recovery_codes_left, requires_2fa


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def qr_svg(data: str) -> str:
    """An inline SVG QR code (no image file, no outside service sees the secret)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    # Drop the XML declaration so that the SVG can sit inside HTML.
    return svg[svg.index("<svg") :]


@never_cache
def setup(request):
    """Pair an authenticator app: QR code + key, confirmed by a first valid code."""
    user = request.user
    confirmed = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    if confirmed is not None and request.user.is_verified():
        context = {"device": confirmed, "recovery_left": recovery_codes_left(user)}
        return TemplateResponse(request, "safety/2fa_enabled.html", context)
    if confirmed is not None:
        return redirect(f"{reverse('safety_2fa_verify')}?{request.GET.urlencode()}")

    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Ứng dụng xác thực"), confirmed=False)

    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            messages.success(request, _("Đã bật xác thực hai bước cho tài khoản của bạn."))
            return redirect(_next_url(request))
        form.add_error("token", _("Mã không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trên ứng dụng."))

    context = {
        "form": form,
        # The SVG is generated here by qrcode from the device's otpauth:// URL: no user-written markup.
        "qr_svg": mark_safe(qr_svg(device.config_url)),  # noqa: S308  # nosec B308 B703
        "secret": _group(b32encode(device.bin_key).decode("ascii")),
        "next": _next_url(request),
        "required": requires_2fa(user),
    }
    return TemplateResponse(request, "safety/2fa_setup.html", context)


@never_cache
def verify(request):
    """Confirm the one-time code (or a recovery code) after signing in with the password."""
    user = request.user
    devices = [d for d in devices_for_user(user, confirmed=True)]
    if not devices:
        return redirect(f"{reverse('safety_2fa_setup')}?{request.GET.urlencode()}")
    if user.is_verified():
        return redirect(_next_url(request))

    form = CodeOrRecoveryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        recovery = is_recovery_code(token)
        # A recovery code is tried on the recovery device only, an app's code on the app only: a
        # mistyped code counts against (and throttles) the device it was meant for. (Any other device,
        # e.g. a leftover django-otp static device, is never tried.)
        kind = RecoveryCodeDevice if recovery else TOTPDevice
        for device in devices:
            if isinstance(device, kind) and device.verify_token(token):
                otp_login(request, device)
                if recovery:
                    messages.warning(
                        request,
                        _(
                            "Anh/chị vừa đăng nhập bằng một mã dự phòng; mã này không dùng lại được. "
                            "Còn %(left)s mã dự phòng."
                        )
                        % {"left": recovery_codes_left(user)},
                    )
                return redirect(_next_url(request))
        form.add_error(
            "token",
            _("Mã không đúng hoặc đã hết hạn. Nhập sai nhiều lần sẽ phải chờ lâu hơn trước khi thử lại."),
        )
    return TemplateResponse(request, "safety/2fa_verify.html", {"form": form, "next": _next_url(request)})


@never_cache
def recovery_codes(request):
    """Create one-time recovery codes and show them once; afterwards only how many are left."""
    user = request.user
    if not TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return redirect("safety_2fa_setup")
    if not user.is_verified():
        # Only someone who has just proved they hold the phone may create codes that replace it.
        return redirect(f"{reverse('safety_2fa_verify')}?next={reverse('safety_2fa_recovery')}")
    codes = None
    if request.method == "POST":
        codes = [format_recovery_code(code) for code in new_recovery_codes(user)]
    context = {"codes": codes, "left": recovery_codes_left(user)}
    return TemplateResponse(request, "safety/2fa_recovery.html", context)


def _group(secret_b32: str) -> str:
    return " ".join(secret_b32[i : i + 4] for i in range(0, len(secret_b32), 4))
