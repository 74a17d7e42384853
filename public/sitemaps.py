"""sitemap.xml: an index of two sections, each paginated by Django (`sitemap-posts.xml?p=2`...).

- "pages": Wagtail's sitemap of every live, public page except posts, through each page's
  `get_sitemap_urls` (TopicIndexPage adds its topic listings).
- "posts": the posts, read as light rows (no body, no search text, no specific page per row),
  since there are tens of thousands of them.

Each section overrides only what differs (EXAMPLES.md habit 1); `get_latest_lastmod` is one
aggregate instead of Django's default, which calls `lastmod` on every item of the section.
"""

from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap

from posts.models import PostPage

from .models import published_posts


class PageSitemap(Sitemap):
    def items(self):
        return super().items().not_type(PostPage)

    def get_latest_lastmod(self):
        return self.items().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
        )["latest"]


class PostSitemap(PageSitemap):
    # Rendering a sitemap costs about 0.4 ms per URL: 5 000 URLs a file keeps each under ~2 s.
    limit = 5000

    def items(self):
        return (
            published_posts()
            .descendant_of(self.get_wagtail_site().root_page)
            .order_by("path")
            .only("id", "path", "depth", "url_path", "last_published_at", "latest_revision_created_at")
        )


sitemaps = {"pages": PageSitemap, "posts": PostSitemap}
