"""`{% load picture_tags %}`: `{% responsive_image image "card" sizes="..." alt=caption loading="lazy" %}`.

A `<picture>` of the renditions that `public.renditions` defines for the kind ("card" or
"wide"): AVIF `<source>` (when Pillow writes AVIF), WebP `<img>` with `srcset`, `sizes`,
`width` and `height` (no layout shift while it loads). Nothing for no image.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from public import renditions

register = template.Library()


@register.simple_tag
def responsive_image(image, kind, **attrs):
    if not image:
        return ""
    found = get_renditions_or_not_found(image, renditions.filters(kind))
    # Reviewed: Wagtail's Picture writes rendition URLs and sizes; attributes escaped by flatatt.
    return mark_safe(Picture(found, attrs).__html__())  # nosec B308 B703
