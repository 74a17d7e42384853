"""Page URLs from a page's `url_path` alone, as Wagtail's `page.get_url(request)` gives them.

Lists of posts carry plain values (`public.cards`), not page objects, and a home page links some
hundred pages: asking Wagtail for each URL costs a page object and a `reverse()` every time. Here
the site root paths, the current site and the prefix Wagtail serves pages under are read once
per request; each URL is then a prefix test and a string join. The rules are those of Wagtail's
`Page.get_url_parts` and `Page.get_url` (several sites: prefer the current one; a relative URL on
the current site or when only one site exists, the root URL before it otherwise). With Wagtail's
i18n on, page URLs depend on the active language: we then ask Wagtail itself.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Page, Site

from pagecache.memo import remember

# What `reverse()` leaves unquoted in a path argument (django.urls.resolvers).
SAFE_IN_PATH = RFC3986_SUBDELIMS + "/~:@"


@lru_cache(maxsize=16384)
def quoted(path: str) -> str:
    """`path` quoted as `reverse()` quotes it, remembered: a home page quotes some ninety paths,
    the same ones at every request (about a twentieth of its CPU before)."""
    return quote(path, safe=SAFE_IN_PATH)


def remembered_reverse(name: str, args: tuple = ()) -> str:
    """`reverse(name, args=args)`, once per process, script prefix and arguments: pages ask for
    the same few addresses at every request (Wagtail's serve prefix, search, feed, sitemap), and
    `reverse()` walks the URL patterns each time. NoReverseMatch is raised, not remembered."""
    return _reversed(get_script_prefix(), name, tuple(args))


@lru_cache(maxsize=1024)
def _reversed(script_prefix: str, name: str, args: tuple) -> str:
    # The script prefix is part of the key, as it is part of the address.
    return reverse(name, args=args or None)


@receiver(setting_changed)
def _forget_addresses(**kwargs) -> None:
    """Tests that swap URLconfs get their own addresses."""
    _reversed.cache_clear()


class PageUrls:
    """`PageUrls(request)(url_path)` == `page.get_url(request)` for the page with that url_path."""

    def __init__(self, request=None):
        self.request = request
        # Shared with Wagtail's own `pageurl` calls in the same request (Page._get_site_root_paths).
        holder = request if request is not None else self
        try:
            self.root_paths = holder._wagtail_cached_site_root_paths
        except AttributeError:
            # Wagtail keeps them in the cache framework (unpickled at each request with local
            # memory); here in process memory while the cache generation stands (saving a site
            # bumps it, pagecache/memo.py).
            self.root_paths = holder._wagtail_cached_site_root_paths = remember(
                request, "site root paths", Site.get_site_root_paths
            )
        # Several root paths may belong to one site (one per language).
        self.single_site = len({srp.site_id for srp in self.root_paths}) == 1
        self.current_site = Site.find_for_request(request) if request is not None else None
        self.i18n = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        self.append_slash = getattr(settings, "WAGTAIL_APPEND_SLASH", True)
        try:
            self.serve_prefix = remembered_reverse("wagtail_serve", ("",))
        except NoReverseMatch:  # Wagtail used headless: no page is routable
            self.serve_prefix = None
        # The usual case, one site in one language: a prefix test and a join per address.
        self.only_root = None
        simple = not self.i18n and self.append_slash and self.serve_prefix is not None
        if simple and len(self.root_paths) == 1:
            self.only_root = self.root_paths[0].root_path

    @classmethod
    def for_request(cls, request) -> PageUrls:
        """One per request (kept on it), shared by every list and tag of the page."""
        if request is None:
            return cls(None)
        urls = getattr(request, "_public_page_urls", None)
        if urls is None:
            urls = request._public_page_urls = cls(request)
        return urls

    def __call__(self, url_path: str) -> str | None:
        if self.only_root is not None:
            if not url_path.startswith(self.only_root):
                return None
            return self.serve_prefix + quoted(url_path[len(self.only_root) :])
        if self.i18n:
            return Page(url_path=url_path).get_url(self.request)
        possible = [srp for srp in self.root_paths if url_path.startswith(srp.root_path)]
        if not possible or self.serve_prefix is None:
            return None
        chosen = possible[0]
        if self.current_site is not None and len({srp.site_id for srp in possible}) > 1:
            chosen = next((srp for srp in possible if srp.site_id == self.current_site.pk), chosen)
        page_path = self.serve_prefix + quoted(url_path[len(chosen.root_path) :])
        if not self.append_slash and page_path != "/":
            page_path = page_path.rstrip("/")
        if self.single_site or (self.current_site and self.current_site.pk == chosen.site_id):
            return page_path
        return chosen.root_url + page_path
