"""The cache generation: stored with every cached page; bumping it makes every cached page stale.

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
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

KEY = "pagecache:generation"


def cache():
    return caches[getattr(settings, "PAGECACHE_CACHE_ALIAS", "default")]


def _file() -> Path | None:
    if isinstance(cache(), LocMemCache):
        return _generation_path(getattr(settings, "PAGECACHE_GENERATION_FILE", None), settings.MEDIA_ROOT)
    return None


@lru_cache(maxsize=8)
def _generation_path(configured: str | None, media_root) -> Path:
    # Made once per setting: an uncached page reads the generation a few times.
    return Path(configured) if configured else Path(media_root) / ".pagecache-generation"


def current() -> str:
    """The generation now, as text ("0" before anything was ever published).

    The page-cache front reads it on every request, so it is cheap: one stat of the file with
    local memory, one GET of a few bytes on Redis (through a client kept for the process).
    """
    path = _file()
    if path is not None:
        try:
            return str(path.stat().st_mtime_ns)
        except FileNotFoundError:
            return "0"
    backend = cache()
    if isinstance(backend, RedisCache):
        value = _redis_client(backend).get(backend.make_key(KEY))
        return "0" if value is None else value.decode()
    value = backend.get(KEY)
    return "0" if value is None else str(value)


def _redis_client(backend):
    """A redis-py client for this cache, made once (Django's backend builds one per call).

    redis-py clients are thread-safe (their connections come from the backend's pool). The
    number is stored by incr() as a plain integer, which Django reads back as the same text.
    """
    client = backend.__dict__.get("_pagecache_client")
    if client is None:
        client = backend._cache.get_client(write=False)
        backend.__dict__["_pagecache_client"] = client
    return client


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
