"""Security defaults shared by every environment, star-imported at the end of settings/base.py.

Plain constants only (no Django imports that need configured settings): dev, test and production
may override any of them. Production adds the HTTPS-only parts in settings/production.py.
"""

import os
from datetime import timedelta

from csp.constants import NONE, SELF

# -- Sessions: staff sign in for a working day at most ----------------------------------------------
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# -- Content Security Policy (django-csp 4) -------------------------------------------------------
# Public pages: scripts and styles from our own origin only; no inline <script>, no inline style,
# no plugins, not framed. JSON-LD (<script type="application/ld+json">) is data: browsers never run
# it, so script-src does not apply to it (safety/tests/test_csp.py checks the header; the browser
# test checks that no violation is reported).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (and Django's) still renders a few inline <script> elements (inline panels, date
# pickers), inline style attributes (Draftail) and bundles templating code that compiles with
# `new Function`. They get their own policy, still closed to every other origin: nothing can be loaded
# from, posted to or framed by another site, which is what limits the damage of an injection there.
SAFETY_ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
SAFETY_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
# The admin would otherwise call out to other sites from the browser: the release check and Gravatar
# (which also leaks a hash of each editor's e-mail address).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# -- Failed-login throttling (django-axes) ----------------------------------------------------------
# AXES_FAILURE_LIMIT failed sign-ins lock, for AXES_COOLOFF_TIME, both the user name (wherever the attempts
# come from) and the client address (whatever names it tries: password spraying). A unit's staff often
# share one office address, so a run of typos there also waits out the cool-off; a successful sign-in
# resets the count. Behind a reverse proxy the client address is taken from X-Forwarded-For, trusting
# SAFETY_TRUSTED_PROXY_COUNT proxies (0: REMOTE_ADDR).
AXES_ENABLED = True
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "safety.lockout.client_ip"
SAFETY_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "safety.lockout.lockout_response"  # Vietnamese page with the minutes left
AXES_HTTP_RESPONSE_CODE = 429
# The IT team sees attempts and lifts lockouts in /django-admin/ (Axes)
# or with `manage.py axes_reset_username`.

# -- Two-factor authentication (django-otp, TOTP) ------------------------------------------------
# Names of the groups whose members must confirm a one-time code after signing in (board, IT team,
# finance); empty = 2FA is available to everyone but required of no one. Comma-separated in the
# environment, e.g. REQUIRE_2FA_FOR_GROUPS="Thường trực Ban Biên tập,Tổ Công nghệ thông tin,Kế toán".
REQUIRE_2FA_FOR_GROUPS = [
    g.strip() for g in os.environ.get("REQUIRE_2FA_FOR_GROUPS", "").split(",") if g.strip()
]
REQUIRE_2FA_FOR_SUPERUSERS = os.environ.get("REQUIRE_2FA_FOR_SUPERUSERS", "") == "1"
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Cổng thông tin Công đoàn")

# -- Image uploads (safety/uploads.py): content-checked, location data removed ---------------------
WAGTAILIMAGES_IMAGE_FORM_BASE = "safety.image_forms.SafeImageForm"
