"""`{% load picture_tags %}`: `{% responsive_image image "card" sizes="..." alt=caption loading="lazy" %}`.

A `<picture>` of the renditions that `public.renditions` defines for the kind ("card" or
"wide"): AVIF `<source>` (when Pillow writes AVIF), WebP `<img>` with `srcset`, `sizes`,
`width` and `height` (no layout shift while it loads). Nothing for no image.
"""

from functools import lru_cache

from django import template
from django.utils.html import escape
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


@lru_cache(maxsize=64)
def _attributes(sizes: str, attrs: tuple) -> tuple[str, str]:
    return escape(sizes), "".join(f' {name}="{escape(value)}"' for name, value in attrs if value)


@register.simple_tag
def card_picture(photo, sizes, **attrs):
    """`{% card_picture card.photo sizes=... loading="lazy" %}`: a card's `<picture>` from plain
    values (public.cards.CardPhoto, URLs escaped already), the markup of `responsive_image`
    without model objects."""
    if not photo:
        return ""
    sizes, extra = _attributes(sizes, tuple(sorted(attrs.items())))
    sources = "".join(
        f'<source sizes="{sizes}" srcset="{srcset}" type="{mime}">' for mime, srcset in photo.sources
    )
    srcset = f' srcset="{photo.srcset}"' if photo.srcset else ""
    img = (
        f'<img alt="{escape(photo.caption)}"{extra} height="{photo.height}" sizes="{sizes}"'
        f' src="{photo.src}"{srcset} width="{photo.width}">'
    )
    # Reviewed: the URLs come escaped (public.cards.file_url), the caption and attributes are
    # escaped here, the rest is fixed markup.
    return mark_safe(f"<picture>{sources}{img}</picture>")  # nosec B308 B703
