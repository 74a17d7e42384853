"""What invalidates the page cache: any change that readers could see on a cached page."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import generation


def _bump(**kwargs):
    # Now, and again once the change is committed: a page (or a remembered lookup, memo.py)
    # built by another process between the two, from data not yet committed, is not kept.
    generation.bump()
    transaction.on_commit(generation.bump)


def _bump_for_page(sender, instance=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        _bump()


def _purge_listings(sender, instance=None, **kwargs):
    """With a CDN (wagtail.contrib.frontend_cache): the pages that list a post, not just the post.

    Wagtail purges the published page's own URLs; the home, the unit page, the post's topics and
    the feeds show it too.
    """
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    from posts.models import PostPage

    page = getattr(instance, "specific", instance)
    if not isinstance(page, PostPage):
        return
    site = page.get_site()
    if site is None:
        return
    root = site.root_url.rstrip("/")
    urls = [root + "/", root + "/rss/"]
    unit_page = getattr(page.unit, "page", None) if page.unit_id else None
    if unit_page is not None:
        urls.append(unit_page.get_full_url())
        urls.append(f"{root}/rss/don-vi/{page.unit.code}/")
    urls += [f"{root}/chu-de/{slug}/" for slug in page.topics.values_list("slug", flat=True)]
    purge_urls_from_cache(urls)


def connect():
    from wagtail.models import PageViewRestriction, Site

    from posts.models import Topic
    from public.models import FederationContact
    from units.models import Unit

    page_published.connect(_bump, dispatch_uid="pagecache-published")
    page_unpublished.connect(_bump, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_bump, dispatch_uid="pagecache-moved")
    # Deleting a page sends post_delete for the concrete class (and its parents): any page.
    post_delete.connect(_bump_for_page, dispatch_uid="pagecache-page-deleted")
    if apps.is_installed("wagtail.contrib.frontend_cache"):
        page_published.connect(_purge_listings, dispatch_uid="pagecache-cdn-published")
        page_unpublished.connect(_purge_listings, dispatch_uid="pagecache-cdn-unpublished")
    # Data shown on every page: topics (menus, blocks), units (directory), the footer's contact,
    # the site (its name, which host it serves: pagecache/memo.py) and private sections (a post
    # under a new view restriction leaves every public list).
    for model in (Topic, Unit, FederationContact, Site, PageViewRestriction):
        post_save.connect(_bump, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")
