"""Whole responses for anonymous GETs of the public site, from Django's cache framework.

Placed right after WhiteNoise (before sessions and authentication): a hit costs two cache reads
and no database query. What is cached:

- GET and HEAD requests without the session cookie (a signed-in user never gets, nor fills, a
  cached page), outside the admin and the other PAGECACHE_EXCLUDE prefixes;
- responses with status 200 that set no cookie and are not marked private / no-store (a page
  with a CSRF token sets the CSRF cookie, so forms are never cached).

Keys hold the generation (pagecache/generation.py), bumped on every publication, so invalidation
is immediate. The search (PAGECACHE_SHORT_PATHS) keeps results for a short time only. Every
response of the public site gets an ETag and Last-Modified, and conditional GETs a 304.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_response_headers
from django.utils.http import http_date, parse_http_date_safe

from . import generation

DEFAULT_EXCLUDE = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
HIT_HEADER = "X-Page-Cache"


def _setting(name, default):
    return getattr(settings, name, default)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    # -- what may be cached ------------------------------------------------------------------
    def request_is_eligible(self, request) -> bool:
        """An anonymous GET/HEAD of the public site (validators always; the cache when enabled)."""
        if request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        return not request.path.startswith(tuple(_setting("PAGECACHE_EXCLUDE", DEFAULT_EXCLUDE)))

    @staticmethod
    def response_is_cacheable(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))

    def timeout(self, request) -> int:
        if request.path.startswith(tuple(_setting("PAGECACHE_SHORT_PATHS", ("/tim-kiem/",)))):
            return _setting("PAGECACHE_SHORT_TIMEOUT", 60)
        return _setting("PAGECACHE_TIMEOUT", 600)

    @staticmethod
    def key(request, gen: str) -> str:
        url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:32]
        return f"pagecache:page:{gen}:{digest}"

    # -- serving -------------------------------------------------------------------------------
    def __call__(self, request):
        if not self.request_is_eligible(request):
            return self.get_response(request)
        enabled = _setting("PAGECACHE_ENABLED", True)
        response = None
        if enabled:
            backend = generation.cache()
            key = self.key(request, generation.current())
            response = backend.get(key)
            if response is not None:
                response[HIT_HEADER] = "hit"
        if response is None:
            response = self.get_response(request)
            if not self.response_is_cacheable(response):
                return response
            if hasattr(response, "render") and callable(response.render):
                response.render()
            add_validators(response)
            # Browsers and proxies revalidate (ETag) rather than keep a page that may change.
            if "Cache-Control" not in response:
                patch_response_headers(response, cache_timeout=0)
            if enabled:
                backend.set(key, response, self.timeout(request))
                response[HIT_HEADER] = "miss"
        # HEAD: the server (gunicorn, runserver) sends the headers of the GET without the body.
        return conditional_response(request, response)


def add_validators(response) -> None:
    """ETag from the content, Last-Modified now (when first rendered), unless the view set them."""
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(time.time())


def conditional_response(request, response):
    """A 304 when the client's If-None-Match / If-Modified-Since still match, else the response."""
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )
