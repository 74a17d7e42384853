"""The production settings module, imported with its environment: cache, storage and CDN switches."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "congdoan.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "congdoan.example.vn",
}
PRINT = """
import django, json
django.setup()
from django.conf import settings as s
from django.template import engines
print(json.dumps({
    "cache": s.CACHES["default"]["BACKEND"],
    "cache_location": s.CACHES["default"].get("LOCATION"),
    "storage": s.STORAGES["default"]["BACKEND"],
    "static": s.STORAGES["staticfiles"]["BACKEND"],
    "bucket": getattr(s, "AWS_STORAGE_BUCKET_NAME", ""),
    "frontend_cache": sorted(getattr(s, "WAGTAILFRONTENDCACHE", {})),
    "frontend_app": "wagtail.contrib.frontend_cache" in s.INSTALLED_APPS,
    "page_cache": s.PAGECACHE_ENABLED,
    "middleware": "pagecache.middleware.PageCacheMiddleware" in s.MIDDLEWARE,
    "conn_max_age": s.DATABASES["default"]["CONN_MAX_AGE"],
    "ssl_redirect": s.SECURE_SSL_REDIRECT,
    "health_checks": s.DATABASES["default"]["CONN_HEALTH_CHECKS"],
    "debug": s.DEBUG,
    "loaders": [str(loader) for loader in engines["django"].engine.loaders],
    "generation_file": getattr(s, "PAGECACHE_GENERATION_FILE", None),
    "wsgi": type(__import__("congdoan.wsgi").wsgi.application).__name__,
}))
"""


def production_settings(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "AWS_STORAGE_BUCKET_NAME")}
    env.update(BASE_ENV, **extra)
    result = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", PRINT],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_local_memory_and_files():
    values = production_settings()
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["storage"].endswith("FileSystemStorage")  # local files (safety may subclass it)
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["page_cache"] and values["middleware"]
    assert values["frontend_cache"] == [] and not values["frontend_app"]
    assert values["conn_max_age"] == 60
    assert values["health_checks"] is True
    assert values["ssl_redirect"] is True
    # Templates compiled once per worker, no debug pages; the page cache's front before Django.
    assert values["debug"] is False
    assert values["loaders"][0].startswith("('django.template.loaders.cached.Loader'")
    assert values["wsgi"] == "PageCacheApp"
    assert values["generation_file"] is None


def test_redis_s3_and_cdn_from_the_environment():
    values = production_settings(
        REDIS_URL="redis://10.0.0.5:6379/0",
        AWS_STORAGE_BUCKET_NAME="congdoan-media",
        FRONTEND_CACHE_PURGE_URL="http://127.0.0.1:8081/",
        SECURE_SSL_REDIRECT="0",
        PAGECACHE_ENABLED="0",
        PAGECACHE_GENERATION_FILE="/run/congdoan/pagecache-generation",
    )
    assert values["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert values["cache_location"] == "redis://10.0.0.5:6379/0"
    assert values["storage"] == "storages.backends.s3.S3Storage"
    assert values["bucket"] == "congdoan-media"
    assert values["frontend_cache"] == ["proxy"] and values["frontend_app"]
    assert values["page_cache"] is False
    assert values["generation_file"] == "/run/congdoan/pagecache-generation"
    assert values["ssl_redirect"] is False
