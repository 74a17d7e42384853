"""The page cache's front: whole pages for anonymous readers, served before Django is entered.

congdoan/wsgi.py wraps Django's WSGI application in `PageCacheApp`. A hit costs one read of the
generation (a stat of a file, or a GET of a few bytes on Redis) and writes bytes kept in the
process's memory: no request object, no middleware, no signal, no database query. Everything
else goes to Django unchanged.

What is served from, and stored into, the cache:

- GET (and HEAD, answered from a stored GET) without the session cookie (a signed-in user never
  gets, nor fills, a cached page), outside the admin and the other PAGECACHE_EXCLUDE prefixes;
- responses with status 200 that set no cookie, are not marked private / no-store / no-cache and
  carry the ETag pagecache.middleware gives every public page (a page with a form sets the CSRF
  cookie, so forms are never cached).

The stored entry is (generation, expiry time, status, headers, body) under a key made of the
scheme, host, path and query string, exactly as the client sent them. The generation
(pagecache/generation.py) is read from the shared store on every request and changes on every
publication, so a page stored before it is never served after it, in any worker or on any server
sharing the cache. The search (PAGECACHE_SHORT_PATHS) is kept a short time only.
Headers are stored as Django finally sent them (security headers, CSP included), and a conditional
GET of a cached page is answered 304 here.
"""

from __future__ import annotations

import hashlib
import logging
import time

from django.conf import settings

from . import generation
from .rules import cookie_names, not_modified, response_is_cacheable

logger = logging.getLogger(__name__)

DEFAULT_EXCLUDE = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/")
DEFAULT_SHORT_PATHS = ("/tim-kiem/",)
HIT_HEADER = "X-Page-Cache"
# The headers a 304 repeats (RFC 9110 15.4.5), as Django's own conditional responses do.
NOT_MODIFIED_HEADERS = frozenset(
    ("cache-control", "content-location", "date", "etag", "expires", "last-modified", "vary")
)


def _setting(name, default):
    return getattr(settings, name, default)


def scheme(environ) -> str:
    """http or https, as Django decides it (SECURE_PROXY_SSL_HEADER set by the reverse proxy)."""
    proxy_header = settings.SECURE_PROXY_SSL_HEADER
    if proxy_header:
        header, secure_value = proxy_header
        value = environ.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def host(environ) -> str:
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    if "HTTP_HOST" in environ:
        return environ["HTTP_HOST"]
    return f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"


def cache_key(environ) -> str:
    """One key per URL as sent (the raw WSGI strings): only URLs Django answered 200 get stored."""
    url = (
        f"{scheme(environ)}://{host(environ)}{environ.get('SCRIPT_NAME', '')}"
        f"{environ.get('PATH_INFO', '')}?{environ.get('QUERY_STRING', '')}"
    )
    digest = hashlib.sha256(url.encode("latin-1", "surrogateescape")).hexdigest()[:32]
    return f"pagecache:page:v2:{digest}"


def request_is_eligible(environ) -> bool:
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    cookies = environ.get("HTTP_COOKIE")
    if cookies and settings.SESSION_COOKIE_NAME in cookies:
        if settings.SESSION_COOKIE_NAME in cookie_names(cookies):
            return False
    return not environ.get("PATH_INFO", "/").startswith(tuple(_setting("PAGECACHE_EXCLUDE", DEFAULT_EXCLUDE)))


def timeout(environ) -> int:
    if environ.get("PATH_INFO", "/").startswith(
        tuple(_setting("PAGECACHE_SHORT_PATHS", DEFAULT_SHORT_PATHS))
    ):
        return _setting("PAGECACHE_SHORT_TIMEOUT", 60)
    return _setting("PAGECACHE_TIMEOUT", 600)


def is_fresh(entry, gen: str) -> bool:
    """A stored page of the current generation, not past its time (entry: see PageCacheApp.fill)."""
    return isinstance(entry, tuple) and len(entry) == 5 and entry[0] == gen and entry[1] > time.time()


class PageCacheApp:
    """WSGI middleware around Django's application (see the module's docstring).

    Each process keeps the pages it served last in memory (`local`, at most PAGECACHE_LOCAL_PAGES),
    so a hit reads only the generation from the shared cache (a few bytes) and never copies or
    unpickles the page; a page whose generation is not the current one is never served.
    """

    def __init__(self, app):
        self.app = app
        self.local: dict[str, tuple] = {}

    def __call__(self, environ, start_response):
        return self.respond(environ, start_response, self.lookup(environ))

    def lookup(self, environ):
        """(key, generation, the fresh stored page or None) for a request the cache may answer or
        store; None for a request it must leave alone (not eligible, cache off or unavailable)."""
        if not _setting("PAGECACHE_ENABLED", True) or not request_is_eligible(environ):
            return None
        key = cache_key(environ)
        try:
            gen = generation.current()
            entry = self.local.get(key)
            if not is_fresh(entry, gen):
                entry = generation.cache().get(key)
                if not is_fresh(entry, gen):
                    return key, gen, None
                self.keep(key, entry)
        except Exception:  # the cache server is down: serve from Django, uncached
            logger.warning("page cache unavailable", exc_info=True)
            return None
        return key, gen, entry

    def respond(self, environ, start_response, found):
        """The answer to a request `lookup` has looked up: the stored page, or Django's."""
        if found is None:
            return self.app(environ, start_response)
        key, gen, entry = found
        if entry is not None:
            return self.serve(environ, start_response, entry)
        return self.fill(environ, start_response, key, gen)

    def keep(self, key, entry) -> None:
        """The page in this process's memory; the oldest one out when there are too many."""
        while len(self.local) >= _setting("PAGECACHE_LOCAL_PAGES", 200):
            try:
                del self.local[next(iter(self.local))]
            except (KeyError, StopIteration, RuntimeError):  # another thread got there first
                break
        self.local[key] = entry

    @staticmethod
    def serve(environ, start_response, entry):
        _gen, _expires, status, headers, body = entry
        values = {name.lower(): value for name, value in headers}
        if not_modified(
            environ.get("HTTP_IF_NONE_MATCH", ""),
            environ.get("HTTP_IF_MODIFIED_SINCE", ""),
            values.get("etag", ""),
            values.get("last-modified", ""),
        ):
            kept = [(name, value) for name, value in headers if name.lower() in NOT_MODIFIED_HEADERS]
            start_response("304 Not Modified", [*kept, (HIT_HEADER, "hit")])
            return []
        start_response(status, [*headers, (HIT_HEADER, "hit")])
        # HEAD: the headers of the GET (Content-Length included), no body.
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]

    def fill(self, environ, start_response, key, gen):
        sent = {}

        def capture(status, headers, exc_info=None):
            sent.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None  # Django never writes through it

        result = self.app(environ, capture)
        status, headers = sent["status"], list(sent["headers"])
        storable = (
            environ["REQUEST_METHOD"] == "GET"
            and getattr(result, "streaming", True) is False
            and response_is_cacheable(status, headers)
        )
        if storable:
            body = result.content
            if not any(name.lower() == "content-length" for name, _ in headers):
                headers.append(("Content-Length", str(len(body))))
            seconds = timeout(environ)
            entry = (gen, time.time() + seconds, status, headers, body)
            try:
                generation.cache().set(key, entry, seconds)
                self.keep(key, entry)
            except Exception:
                logger.warning("page cache unavailable", exc_info=True)
            headers = [*headers, (HIT_HEADER, "miss")]
        start_response(status, headers, sent["exc_info"])
        # The response itself: the server calls its close(), which ends Django's request.
        return result
