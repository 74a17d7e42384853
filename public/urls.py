"""Public URLs that are not Wagtail pages; included at the root before Wagtail's catch-all.

The unit feed lives under /rss/ (not under the unit's page path /don-vi/<code>/) so that it
can never hide a post whose slug happens to be "rss".
"""

from django.urls import path
from wagtail.contrib.sitemaps import views as sitemap_views

from . import views
from .api import api_router
from .feeds import SiteFeed, UnitFeed
from .sitemaps import sitemaps

urlpatterns = [
    path("tim-kiem/", views.search, name="search"),
    path("rss/", SiteFeed(), name="feed"),
    path("rss/don-vi/<slug:code>/", UnitFeed(), name="unit_feed"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps}, name="sitemap_section"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("api/v2/", api_router.urls),
]
