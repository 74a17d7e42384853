"""RSS 2.0 feeds: the whole site at /rss/ and one per unit at /rss/don-vi/<code>/.

One `Feed` subclass; the unit feed differs only in `get_object` (the unit whose posts it lists).
"""

import copy

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from units.models import Unit

from .listing import SHARE_RENDITION, prepare_cards
from .models import latest_posts, published_posts

FEED_LENGTH = 30


class SiteFeed(Feed):
    feed_type = Rss201rev2Feed
    request = None

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request (it is built in the URLconf); item methods need the
        # request for absolute URLs, so each request works on its own shallow copy.
        feed = copy.copy(self)
        feed.request = request
        return super(SiteFeed, feed).__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        """The unit whose posts the feed lists; None for the whole site."""
        return None

    def title(self, unit):
        site = settings.WAGTAIL_SITE_NAME
        return f"{site} – {unit.name}" if unit else site

    def link(self, unit):
        page = getattr(unit, "page", None) if unit else None
        return (page.get_url(self.request) if page is not None else None) or "/"

    def description(self, unit):
        if unit:
            return _("Tin - bài mới nhất của %(unit)s trên Website %(site)s.") % {
                "unit": unit.name,
                "site": settings.WAGTAIL_SITE_NAME,
            }
        return _("Tin - bài mới nhất về phong trào công nhân, viên chức, lao động và hoạt động công đoàn.")

    def items(self, unit):
        posts = published_posts()
        if unit:
            posts = posts.filter(unit=unit)
        items = prepare_cards(latest_posts(posts)[:FEED_LENGTH], specs=(SHARE_RENDITION,))
        prefetch_related_objects(items, "authors")
        return items

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.lead

    def item_link(self, post):
        return post.get_url(self.request)

    def item_pubdate(self, post):
        return post.first_published_at

    def item_author_name(self, post):
        return ", ".join(author.name for author in post.authors.all()) or None

    def item_categories(self, post):
        return [post.unit.display_name] if post.unit else []

    def item_enclosures(self, post):
        images = post.card_images
        if not images:
            return []
        rendition = images[0].image.get_rendition(SHARE_RENDITION)
        try:
            length = rendition.file.size
        except OSError:
            # RSS Advisory Board: "When an enclosure's size cannot be determined, a publisher
            # should use a length of 0."
            length = 0
        url = self.request.build_absolute_uri(rendition.url)
        return [Enclosure(url, str(length), "image/jpeg")]


class UnitFeed(SiteFeed):
    def get_object(self, request, code):
        return get_object_or_404(Unit.objects.select_related("page"), code=code)
