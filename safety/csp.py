"""Content Security Policy with one policy for the public site and another for the admin.

django-csp applies ``CONTENT_SECURITY_POLICY`` to every response; this middleware swaps in
``SAFETY_ADMIN_CONTENT_SECURITY_POLICY`` for paths under ``SAFETY_ADMIN_URL_PREFIXES`` (see
safety/settings_defaults.py for why the admin needs a looser script policy). A view that sets its own
policy with django-csp's decorators keeps it.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(getattr(settings, "SAFETY_ADMIN_URL_PREFIXES", ())))


class ScopedCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_policy = getattr(settings, "SAFETY_ADMIN_CONTENT_SECURITY_POLICY", None)
        if not report_only and parts.config is None and admin_policy and is_admin_path(request.path_info):
            parts.config = default_config(admin_policy.get("DIRECTIVES", {}))
        return parts
