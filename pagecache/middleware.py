"""Validators for anonymous readers' pages: ETag, Last-Modified, Cache-Control and 304s.

The cache itself is served before Django (pagecache/wsgi.py, wrapped around the application in
congdoan/wsgi.py). This middleware, right after WhiteNoise, marks what that front may store: every
anonymous GET/HEAD of the public site (not the admin nor the other PAGECACHE_EXCLUDE prefixes)
whose response is a 200 that sets no cookie and is not private / no-store gets an ETag (from its
content) and a Last-Modified, and browsers are told to revalidate (max-age=0); a conditional GET
whose validators still match is answered 304.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_response_headers
from django.utils.http import http_date, parse_http_date_safe

from .wsgi import DEFAULT_EXCLUDE, HIT_HEADER  # noqa: F401 - HIT_HEADER re-exported


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def request_is_eligible(request) -> bool:
        if request.method not in ("GET", "HEAD"):
            return False
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        exclude = tuple(getattr(settings, "PAGECACHE_EXCLUDE", DEFAULT_EXCLUDE))
        return not request.path.startswith(exclude)

    @staticmethod
    def response_is_public(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))

    def __call__(self, request):
        response = self.get_response(request)
        if not self.request_is_eligible(request) or not self.response_is_public(response):
            return response
        if hasattr(response, "render") and callable(response.render):
            response.render()
        add_validators(response)
        # Browsers and proxies revalidate (ETag) rather than keep a page that may change.
        if "Cache-Control" not in response:
            patch_response_headers(response, cache_timeout=0)
        # HEAD: the server (gunicorn, runserver) sends the headers of the GET without the body.
        return conditional_response(request, response)


def add_validators(response) -> None:
    """ETag from the content, Last-Modified now (when first rendered), unless the view set them."""
    if not response.has_header("ETag"):
        # SHA-1, not MD5 as Django's ConditionalGetMiddleware: half the CPU on processors with SHA
        # instructions (45 against 86 us for a 48 KB home page), about the same without.
        response["ETag"] = f'"{hashlib.sha1(response.content, usedforsecurity=False).hexdigest()}"'
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(time.time())


def conditional_response(request, response):
    """A 304 when the client's If-None-Match / If-Modified-Since still match, else the response."""
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )
