"""The page shown when django-axes locks an account (AXES_LOCKOUT_CALLABLE)."""

import math

from axes.helpers import get_cool_off
from django.conf import settings
from django.template.response import TemplateResponse


def lockout_response(request, original_response=None, credentials=None):
    cool_off = get_cool_off(request)
    minutes = math.ceil(cool_off.total_seconds() / 60) if cool_off else None
    response = TemplateResponse(
        request, "safety/lockout.html", {"minutes": minutes}, status=settings.AXES_HTTP_RESPONSE_CODE
    )
    return response.render()


def client_ip(request) -> str | None:
    """The client address for login throttling (AXES_CLIENT_IP_CALLABLE).

    With N trusted reverse proxies in front, the N-th address from the right of X-Forwarded-For is the
    one our own outermost proxy saw; anything left of it was written by the client and is not trusted.
    """
    count = getattr(settings, "SAFETY_TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")
