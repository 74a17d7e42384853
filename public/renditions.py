"""The image renditions of the public site: which sizes, which formats, made once.

Every photo on a public page is a `<picture>`: AVIF sources when the installed Pillow can write
AVIF, WebP as the `<img>` (every current browser reads it), each in a few widths for `srcset`.
The card templates (`{% responsive_image image "card" %}`), the list prefetches of
`public.listing` and the demo's warm-up all take their specs from here, so a rendition is never
looked up, or created, once per image.

AVIF at Wagtail's default quality (80) is heavier than WebP at 80 on our photos; at 55 it is
lighter for the same look, hence the `avifquality-55` step (it changes nothing for WebP).
"""

from __future__ import annotations

from functools import cache

from PIL import features

AVIF_SUPPORTED = bool(features.check("avif"))
FORMATS = ("avif", "webp") if AVIF_SUPPORTED else ("webp",)
AVIF_QUALITY = 55

# kind -> resize steps, smallest first (the first WebP one is the <img src>).
SIZES = {
    # A post card: home, unit, topic, search lists and "related posts".
    "card": ("fill-480x300", "fill-960x600"),
    # A photo in a post (lead photo, gallery, photos in the body) and the organisation chart.
    "wide": ("width-480", "width-800", "width-1200"),
}


@cache
def spec_formats(kind: str) -> tuple[tuple[str, str], ...]:
    """(filter spec, format) of one kind of image, in every format served, smallest size first."""
    result = []
    for size in SIZES[kind]:
        for fmt in FORMATS:
            spec = f"{size}|format-{fmt}"
            if fmt == "avif":
                spec += f"|avifquality-{AVIF_QUALITY}"
            result.append((spec, fmt))
    return tuple(result)


@cache
def specs(kind: str) -> tuple[str, ...]:
    """The filter specs of one kind of image, in every format served."""
    return tuple(spec for spec, _fmt in spec_formats(kind))


# The width a card's photo takes in each layout of the post cards (public/list_markup.py;
# congdoan/static/css/site.css: a 72rem container; list rows 7.5rem/11rem; grid 1, 2 then 4
# columns; featured 2fr + 1fr).
CARD_SIZES = {
    "featured": "(min-width: 64em) 23rem, 100vw",
    "list": "(min-width: 40em) 11rem, 7.5rem",
    "grid": "(min-width: 64em) 17rem, (min-width: 40em) 50vw, 7.5rem",
}
FEATURED_FIRST_SIZES = "(min-width: 64em) 46rem, 100vw"


def card_sizes(layout: str, first: bool = False) -> str:
    if layout == "featured" and first:
        return FEATURED_FIRST_SIZES
    return CARD_SIZES.get(layout, CARD_SIZES["grid"])


@cache
def filters(kind: str) -> tuple:
    """The specs of `kind` as Wagtail Filter objects, built once per process: a Filter parses its
    operations once (through `inspect.getcallargs`, about 2 ms for a card's four specs), and a
    home page shows some thirty photos. Wagtail's own `{% image %}` node keeps its Filter too."""
    from wagtail.images.models import Filter

    return tuple(Filter(spec=spec) for spec in specs(kind))


CARD_RENDITIONS = specs("card")
WIDE_RENDITIONS = specs("wide")
# Open Graph / JSON-LD / RSS enclosure: one JPEG every consumer understands.
SHARE_RENDITION = "fill-1200x630|format-jpeg"


def warm_renditions(images) -> int:
    """Create every public rendition of `images` now (AVIF takes about a second each), so the first
    reader of a page does not wait for them. Returns the number of renditions that exist."""
    count = 0
    all_specs = (*CARD_RENDITIONS, *WIDE_RENDITIONS, SHARE_RENDITION)
    for image in images:
        count += len(image.get_renditions(*all_specs))
    return count
