"""Pure rules of the page cache (no Django): which responses may be kept, conditional GETs.

The WSGI front (pagecache/wsgi.py) applies them to the raw status line and headers it sees.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime

# A response is never cached when Cache-Control holds one of these words.
UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
ETAG = re.compile(r'\s*(?:W/)?("[^"]*")\s*(?:,|$)')


def cookie_names(cookie_header: str) -> set[str]:
    """The names of the cookies a request carries (the Cookie header, as browsers send it)."""
    names = set()
    for chunk in cookie_header.split(";"):
        name = chunk.split("=", 1)[0].strip() if "=" in chunk else ""
        if name:
            names.add(name)
    return names


def response_is_cacheable(status: str, headers: list[tuple[str, str]]) -> bool:
    """200, no cookie set, not private / no-store / no-cache, and carrying an ETag.

    The ETag is added by pagecache.middleware to every response it considers public: a response
    without one did not come from a page the cache may serve.
    """
    if not status.startswith("200"):
        return False
    names = {name.lower(): value for name, value in headers}
    if "set-cookie" in names or "etag" not in names:
        return False
    cache_control = names.get("cache-control", "").lower()
    return not any(word in cache_control for word in UNCACHEABLE_DIRECTIVES)


def parse_etags(header: str) -> list[str]:
    """The entity tags of an If-None-Match header without their W/ prefix; ["*"] for a star."""
    if header.strip() == "*":
        return ["*"]
    return ETAG.findall(header)


def _http_date(value: str) -> float | None:
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None


def not_modified(if_none_match: str, if_modified_since: str, etag: str, last_modified: str) -> bool:
    """Whether a conditional GET of a page with this ETag / Last-Modified gets a 304 (RFC 9110 13.2.2).

    If-None-Match wins when present (weak comparison); If-Modified-Since is read only without it.
    """
    if if_none_match:
        tags = parse_etags(if_none_match)
        if not etag:
            return False
        if tags == ["*"]:
            return True
        own = etag.strip().removeprefix("W/")
        return own in tags
    if if_modified_since and last_modified:
        since, modified = _http_date(if_modified_since), _http_date(last_modified)
        return since is not None and modified is not None and modified <= since
    return False
