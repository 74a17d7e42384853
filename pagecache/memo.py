"""Lookups every public page repeats, kept in process memory while the cache generation stands.

Each public page asks the database which site serves the host name, which pages are the menu's
sections, which topics exist and which sections are private. The answers change only when
something is published, unpublished, moved or deleted, or a site, topic, unit or view
restriction is saved: exactly what bumps the page-cache generation (pagecache/signals.py).
So they are computed once per process and generation, whether the page cache is on or not;
the page itself (its lists of posts) is still built on every request.

Measured on the uncached home page (bench/throughput.py "uncached render"): the site lookup
alone cost about 1.5 ms of CPU per request (a query Wagtail rebuilds and compiles every time).
Wagtail keeps its site root paths in the cache framework for the same reason.
"""

from __future__ import annotations

import copy
import threading

from django.conf import settings
from wagtail.models import Site

from .generation import current
from .wsgi import DEFAULT_EXCLUDE

_lock = threading.Lock()
_values: dict = {}
_generation: str | None = None


def _read_generation() -> str | None:
    try:
        return current()
    except Exception:  # the cache server is down: nothing is remembered, the site still answers
        return None


def request_generation(request) -> str | None:
    """The generation, read once per request (one stat of a file, or one Redis GET); None when
    it cannot be read."""
    if request is None:
        return _read_generation()
    if not hasattr(request, "_pagecache_generation"):
        request._pagecache_generation = _read_generation()
    return request._pagecache_generation


def remember(request, key, compute):
    """compute(), once per process and generation; callers must not change what it returns."""
    global _generation
    generation = request_generation(request)
    if generation is None:
        return compute()
    with _lock:
        if generation != _generation:
            _values.clear()
            _generation = generation
        if key in _values:
            return _values[key]
    value = compute()
    with _lock:
        if generation == _generation:
            _values[key] = value
    return value


def site_for_request(request):
    """`Site.find_for_request(request)`, remembered per host name and port.

    Each request gets its own copy of the site and of its root page: Wagtail caches things on
    page objects (e.g. `.specific`), which must not leak from one request to another.
    """
    host = request._get_raw_host()
    site = remember(request, ("site", host, request.get_port()), lambda: Site._find_for_request(request))
    if site is None:
        return None
    site = copy.copy(site)
    if "root_page" in site._state.fields_cache:
        root = copy.copy(site.root_page)
        # The home page as its own class (Wagtail routes every request through it): remembered
        # too, since publishing it bumps the generation.
        specific = remember(request, ("root page", site.pk), lambda: site.root_page.get_specific())
        root.__dict__["specific"] = copy.copy(specific)
        site.root_page = root
    return site


class SiteLookupMiddleware:
    """Sets the request's site (`request._wagtail_site`, where Wagtail looks first) from memory,
    for the public site only: the admin and the other PAGECACHE_EXCLUDE prefixes keep Wagtail's
    own lookup, made only by the views that need a site (some need no database at all)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.exclude = tuple(getattr(settings, "PAGECACHE_EXCLUDE", DEFAULT_EXCLUDE))

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site") and not request.path.startswith(self.exclude):
            request._wagtail_site = site_for_request(request)
        return self.get_response(request)


def clear() -> None:
    """Forget everything (tests: a rolled-back transaction changes data without a signal)."""
    global _generation
    with _lock:
        _values.clear()
        _generation = None


class RememberedViewRestrictionsMixin:
    """For page models: no view restriction query while the site has no view restriction at all.

    Wagtail checks every page it serves for restrictions on the page and its ancestors (two
    queries, about 8% of an uncached home page). Whether any restriction exists is remembered
    per generation (saving or deleting one bumps it); if none does, the answer is an empty
    queryset, which the admin's privacy screens use like any other.
    """

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not remember(None, "any view restriction", PageViewRestriction.objects.exists):
            none = PageViewRestriction.objects.none()
            # Already evaluated: Wagtail's serve hook iterates it, which would otherwise build and
            # compile a query that never runs (about 2% of an uncached home page).
            none._result_cache = []
            return none
        return super().get_view_restrictions()
