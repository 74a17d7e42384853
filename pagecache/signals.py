"""What invalidates the page cache: any change that readers could see on a cached page."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import generation


def _bump(**kwargs):
    generation.bump()


def _bump_for_page(sender, instance=None, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        generation.bump()


def connect():
    from posts.models import Topic
    from public.models import FederationContact
    from units.models import Unit

    page_published.connect(_bump, dispatch_uid="pagecache-published")
    page_unpublished.connect(_bump, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_bump, dispatch_uid="pagecache-moved")
    # Deleting a page sends post_delete for the concrete class (and its parents): any page.
    post_delete.connect(_bump_for_page, dispatch_uid="pagecache-page-deleted")
    # Data shown on every page: topics (menus, blocks), units (directory), the footer's contact.
    for model in (Topic, Unit, FederationContact):
        post_save.connect(_bump, sender=model, dispatch_uid=f"pagecache-save-{model.__name__}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"pagecache-delete-{model.__name__}")
