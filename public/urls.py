"""Public URLs that are not Wagtail pages; included at the root before Wagtail's catch-all.

The unit feed lives under /rss/ (not under the unit's page path /don-vi/<code>/) so that it
can never hide a post whose slug happens to be "rss".
"""

from django.urls import path
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps import views as sitemap_views

from . import views
from .api import api_router
from .feeds import SiteFeed, UnitFeed
from .sitemaps import sitemaps

# Crawlers read sitemaps rarely and a posts file takes a second or two to build: keep each an hour.
SITEMAP_CACHE_SECONDS = 60 * 60

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("rss/", SiteFeed(), name="feed"),
    path("rss/don-vi/<slug:code>/", UnitFeed(), name="unit_feed"),
    path(
        "sitemap.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_page(SITEMAP_CACHE_SECONDS)(sitemap_views.sitemap),
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/v2/", api_router.urls),
]
