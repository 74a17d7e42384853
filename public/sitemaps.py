"""sitemap.xml: an index of sections, each paginated by Django at 50 000 URLs (`?p=2`...).

Wagtail's sitemap lists every live, public page of the site, calling each page's
`get_sitemap_urls` (TopicIndexPage adds its topic listings).
"""

from wagtail.contrib.sitemaps import Sitemap

sitemaps = {"pages": Sitemap}
