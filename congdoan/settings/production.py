"""Production: everything secret or host-specific comes from the environment.

`manage.py check --deploy` passes with these settings (safety/tests/test_deploy_settings.py runs it).
The content security policy, login lockout, 2FA and session length shared with the other
environments are in safety/settings_defaults.py.
"""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# HTTPS only. The reverse proxy (nginx, Caddy...) terminates TLS and must set X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") == "1"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it with SAMEORIGIN for the editor

# Cookies: sent over HTTPS only, never readable by scripts (the session), bound to this host
# (the __Host- prefix forbids a Domain attribute, so a sibling subdomain cannot plant or read them).
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Upgrade any http:// sub-resource a page still links to (only meaningful over HTTPS).
CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
SAFETY_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405

# One reverse proxy in front by default: login lockout reads the client address it appends to
# X-Forwarded-For (safety.lockout.client_ip). Set TRUSTED_PROXY_COUNT=0 when serving directly.
SAFETY_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))

# -- Speed and scale (issue 6; docs/deploy.md) ---------------------------------------------------
# Persistent database connections (a new PostgreSQL connection costs a few ms per request).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# The cache (Django's and the page cache's) is Redis when REDIS_URL is set (base.py); without it,
# local memory per worker and the page-cache generation in a file (pagecache/generation.py).
PAGECACHE_TIMEOUT = int(os.environ.get("PAGECACHE_TIMEOUT", "600"))
# The generation file shared by the workers of one server (local memory); MEDIA_ROOT by default.
if os.environ.get("PAGECACHE_GENERATION_FILE"):
    PAGECACHE_GENERATION_FILE = os.environ["PAGECACHE_GENERATION_FILE"]

# Media on S3-compatible object storage when a bucket is named (several app servers share it).
# Needs the optional dependency: pip install ".[s3]" (django-storages with boto3).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None  # e.g. the CDN's name
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False  # public images: plain URLs, cacheable by the CDN
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=2592000"}
    # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment (read by boto3).

# A CDN or caching proxy in front: Wagtail purges a page's URLs when it is published.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
CLOUDFLARE_ZONEID = os.environ.get("CLOUDFLARE_ZONEID", "")
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if CLOUDFLARE_ZONEID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": CLOUDFLARE_ZONEID,
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405
