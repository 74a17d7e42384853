"""Wagtail's read-only API v2 at /api/v2/, for other sites and apps that syndicate our posts.

The pages endpoint already lists only live pages outside private sections. The images
endpoint is narrowed the same way: only images shown on published pages, so a photo
uploaded for a draft stays private until its post is published.
"""

from django.db.models import Q
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from posts.models import PostImage

from .models import AboutPage, published_posts


class PublishedImagesAPIViewSet(ImagesAPIViewSet):
    def get_queryset(self):
        post_images = PostImage.objects.filter(page__in=published_posts().values("pk")).values("image_id")
        org_charts = AboutPage.objects.live().public().values("org_chart_id")
        return super().get_queryset().filter(Q(pk__in=post_images) | Q(pk__in=org_charts))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", PublishedImagesAPIViewSet)
