"""The cache generation: one number in every page-cache key; bumping it drops every cached page.

Publishing, unpublishing, moving or deleting any page (a post changes the home, unit and topic
pages that list it, and the feeds) bumps it: simpler and safer than working out which pages list
which post, and cheap, since the site is read far more often than it is published.

A shared cache (Redis: REDIS_URL) holds the number for every worker and every app server. Django's
local-memory cache is private to one process, so with it the number lives in a file's
modification time instead (PAGECACHE_GENERATION_FILE, on one server shared by all its workers).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

KEY = "pagecache:generation"


def cache():
    return caches[getattr(settings, "PAGECACHE_CACHE_ALIAS", "default")]


def _file() -> Path | None:
    if isinstance(cache(), LocMemCache):
        configured = getattr(settings, "PAGECACHE_GENERATION_FILE", None)
        return Path(configured) if configured else Path(settings.MEDIA_ROOT) / ".pagecache-generation"
    return None


def current() -> str:
    """The generation now, as text for cache keys ("0" before anything was ever published)."""
    path = _file()
    if path is not None:
        try:
            return str(path.stat().st_mtime_ns)
        except FileNotFoundError:
            return "0"
    value = cache().get(KEY)
    return "0" if value is None else str(value)


def current_and_get(key: str):
    """(the generation now, the cached value at `key`) in one cache read.

    The page-cache front asks both on every request: on Redis one MGET (one round trip), so a
    page stored under an older generation is recognised as stale at once in every process; with
    local memory the number is the file's modification time (one stat) and the value a dict lookup.
    """
    path = _file()
    backend = cache()
    if path is not None:
        return current(), backend.get(key)
    values = backend.get_many([KEY, key])
    value = values.get(KEY)
    return ("0" if value is None else str(value)), values.get(key)


def bump() -> None:
    """A new generation: every page cached so far is out of date."""
    path = _file()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        before = current()
        path.touch()
        if current() == before:  # a coarse clock: make sure the number changes
            now = time.time_ns()
            os.utime(path, ns=(now, max(now, int(before) + 1)))
        return
    backend = cache()
    # Never expires; add() first so incr() has something to increment (atomic on Redis).
    backend.add(KEY, int(time.time()), timeout=None)
    try:
        backend.incr(KEY)
    except ValueError:  # evicted between add() and incr()
        backend.set(KEY, int(time.time()), timeout=None)
