"""Content Security Policy with one policy for the public site and another for the admin.

django-csp applies ``CONTENT_SECURITY_POLICY`` to every response; this middleware swaps in
``SAFETY_ADMIN_CONTENT_SECURITY_POLICY`` for paths under ``SAFETY_ADMIN_URL_PREFIXES`` (see
safety/settings_defaults.py for why the admin needs a looser script policy). A view that sets its own
policy with django-csp's decorators keeps it.

A response that asks for nothing of its own (no decorator, no nonce) gets the same headers as
every other public page, or every other admin page: django-csp builds them once per process and
kind of path, and they are copied after that. django-csp alone builds them for every response
(a deep copy and a walk of every directive, twice): about 4 % of an uncached home page's CPU.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse

# What django-csp's decorators (csp, csp_update, csp_replace, csp_exempt) leave on a response.
PER_RESPONSE = tuple(
    f"_csp_{name}{suffix}" for name in ("config", "update", "replace", "exempt") for suffix in ("", "_ro")
)

# {is an admin path: ((header, value), ...)}, built by django-csp on the first response of each.
_site_wide_headers: dict[bool, tuple[tuple[str, str], ...]] = {}


@receiver(setting_changed)
def _forget_headers(**kwargs) -> None:
    _site_wide_headers.clear()


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(getattr(settings, "SAFETY_ADMIN_URL_PREFIXES", ())))


def asks_for_nothing_of_its_own(request, response) -> bool:
    """No decorator on the view, no nonce used by the page, no excluded prefix, not a debug page."""
    if settings.DEBUG or getattr(request, "_csp_nonce", None) is not None:
        return False
    if any(hasattr(response, name) for name in PER_RESPONSE):
        return False
    policies = (
        getattr(settings, "CONTENT_SECURITY_POLICY", None) or {},
        getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None) or {},
    )
    return not any(policy.get("EXCLUDE_URL_PREFIXES") for policy in policies)


class ScopedCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_policy = getattr(settings, "SAFETY_ADMIN_CONTENT_SECURITY_POLICY", None)
        if not report_only and parts.config is None and admin_policy and is_admin_path(request.path_info):
            parts.config = default_config(admin_policy.get("DIRECTIVES", {}))
        return parts

    def process_response(self, request, response):
        if not asks_for_nothing_of_its_own(request, response):
            return super().process_response(request, response)
        admin = is_admin_path(request.path_info)
        headers = _site_wide_headers.get(admin)
        if headers is None:
            # django-csp's own headers for a plain response on this kind of path.
            blank = super().process_response(request, HttpResponse())
            headers = tuple((name, blank[name]) for name in (HEADER, HEADER_REPORT_ONLY) if name in blank)
            _site_wide_headers[admin] = headers
        else:
            # As django-csp does: once the header is written, asking for a nonce is an error.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        for name, value in headers:
            if name not in response:
                response[name] = value
        return response
