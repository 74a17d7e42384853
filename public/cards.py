"""Post cards: what every list of posts on the public site shows, as plain values.

A card is a post's title, address, kind, date, lead, unit and first photo. Whatever the number
of posts, a list of cards costs two queries: the posts with their unit, unit page and first
photo (one `values()` row each), then those photos' renditions (one row per rendition).

Why values and not model instances: an uncached home page shows about thirty cards. Building
them from pages, units, unit pages, images and four renditions per photo, then asking Wagtail
for each URL and each `<picture>`, was most of the page's cost (bench/throughput.py "uncached
render": 58 ms of CPU per home page at 100 000 posts). The rendition rules stay Wagtail's: the
specs are `public.renditions`, a rendition matches an image's focal point through Wagtail's own
`Filter.get_cache_key`, and a missing rendition is made by Wagtail (`image.get_renditions`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from types import SimpleNamespace
from typing import NamedTuple

from django.core.files.storage import DEFAULT_STORAGE_ALIAS, DefaultStorage, FileSystemStorage, storages
from django.core.paginator import Page as PaginatorPage
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.images import get_image_model

from posts.models import PostImage, PostKind, PostPage
from public import renditions
from public.page_urls import PageUrls
from public.prepared import prepared

FOCAL_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}


class Rendered(NamedTuple):
    """One rendition file of a photo. A named tuple, not a dataclass: a home page makes some 120
    at each uncached request, and a tuple is built and hashed (public.cards._photo) faster."""

    url: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class CardPhoto:
    """A photo in every served format: `sources` [(mime type, srcset)] before the WebP `<img>`.

    The URLs are HTML-escaped already (once per file: `file_url`), the caption is not.
    """

    caption: str
    sources: tuple[tuple[str, str], ...]
    src: str
    srcset: str
    width: int
    height: int

    def html(self, sizes: str, **attrs) -> SafeString:
        """`{{ card.photo.html(sizes, loading="lazy") }}`: the `<picture>` markup of
        `{% responsive_image %}` (Wagtail's Picture), from these values."""
        sizes, extra = _attributes(sizes, tuple(sorted(attrs.items())))
        sources = "".join(
            f'<source sizes="{sizes}" srcset="{srcset}" type="{mime}">' for mime, srcset in self.sources
        )
        srcset = f' srcset="{self.srcset}"' if self.srcset else ""
        img = (
            f'<img alt="{escape(self.caption)}"{extra} height="{self.height}" sizes="{sizes}"'
            f' src="{self.src}"{srcset} width="{self.width}">'
        )
        # Reviewed: the URLs come escaped (file_url), the caption and attributes are escaped here,
        # the rest is fixed markup.
        return mark_safe(f"<picture>{sources}{img}</picture>")  # nosec B308 B703


@lru_cache(maxsize=64)
def _attributes(sizes: str, attrs: tuple) -> tuple[str, str]:
    """`sizes` and the other `<img>` attributes, escaped: a handful of combinations per site."""
    return escape(sizes), "".join(f' {name}="{escape(value)}"' for name, value in attrs if value)


@dataclass(frozen=True, slots=True)
class Card:
    pk: int
    title: str
    url: str
    kind: str
    kind_label: str  # “Tin”, “Bài”: translated once per list, not once per card
    lead: str
    first_published_at: datetime
    published_at: datetime | None
    unit_name: str
    unit_url: str | None
    photo: CardPhoto | None


def _first_photo(field: str) -> Subquery:
    """A post's first photo (the editor's order), as a correlated subquery."""
    photos = PostImage.objects.filter(page=OuterRef("pk")).order_by("sort_order", "pk")
    return Subquery(photos.values(field)[:1])


def _card_values(queryset):
    return queryset.values(
        "pk",
        "title",
        "url_path",
        "kind",
        "lead",
        "first_published_at",
        "published_at",
        photo_image=_first_photo("image_id"),
        photo_caption=_first_photo("caption"),
        unit_name=F("unit__name"),
        unit_short_name=F("unit__short_name"),
        unit_path=F("unit__page__url_path"),
        unit_page_live=F("unit__page__live"),
    )


def _cards_of_ids(ids):
    # Unordered: the rows are put in the order asked for in Python (_rows).
    return _card_values(PostPage.objects.filter(pk__in=ids).order_by())


def _rows(posts) -> list[dict]:
    """One row per post, in the order given.

    `posts`: a queryset (possibly sliced) or a paginator page of one, read as it is; or post ids
    or posts, read by id through a query compiled once per number of posts (public.prepared).
    """
    if isinstance(posts, PaginatorPage):
        posts = posts.object_list
    if isinstance(posts, QuerySet):
        return list(_card_values(posts))
    order = list(dict.fromkeys(post if isinstance(post, int) else post.pk for post in posts))
    if not order:
        return []
    by_pk = {row["pk"]: row for row in prepared(_cards_of_ids, len(order)).run(order)}
    return [by_pk[pk] for pk in order if pk in by_pk]


def _renditions_of(kind: str, image_ids):
    filters = renditions.filters(kind)
    rendition_model = get_image_model().get_rendition_model()
    return rendition_model.objects.filter(
        image_id__in=image_ids, filter_spec__in=[f.spec for f in filters]
    ).values(
        "image_id",
        "filter_spec",
        "focal_point_key",
        "file",
        "width",
        "height",
        *(f"image__{f}" for f in FOCAL_FIELDS),
    )


# One builder per kind, made once: `prepared` keeps a compiled query per builder and count.
RENDITION_QUERIES = {kind: partial(_renditions_of, kind) for kind in renditions.SIZES}


@lru_cache(maxsize=8192)
def _local_file_url(storage, name: str) -> str:
    return escape(storage.url(name))


def file_url(storage, name: str) -> str:
    """storage.url(name), HTML-escaped, remembered for files on this server's disk: a rendition's
    name never changes and `url()` (urljoin and quoting) was a third of the cards' CPU. Other
    storages (S3: signed URLs expire) are asked every time."""
    if isinstance(storage, FileSystemStorage):
        return _local_file_url(storage, name)
    return escape(storage.url(name))


def photo_renditions(image_ids, kind: str = "card") -> dict[int, dict[str, Rendered]]:
    """{image id: {filter spec: Rendered}} for every spec of `kind`, in one query.

    A rendition counts only if it was made for the image's current focal point (Wagtail's
    cache key); the missing ones are made now by Wagtail, which happens once per new photo.
    """
    filters = renditions.filters(kind)
    specs = [f.spec for f in filters]
    image_model = get_image_model()
    rendition_model = image_model.get_rendition_model()
    storage = rendition_model._meta.get_field("file").storage
    if isinstance(storage, DefaultStorage):
        # The storage itself, not the lazy proxy: file_url() hashes and type-checks it per photo.
        storage = storages[DEFAULT_STORAGE_ALIAS]
    wanted = list(dict.fromkeys(image_ids))
    # Tuples in the order of _renditions_of's values(): image, spec, focal key, file, size, focus.
    rows = prepared(RENDITION_QUERIES[kind], len(wanted)).rows(wanted) if wanted else []
    keys: dict[tuple, dict[str, str]] = {}
    found: dict[int, dict[str, Rendered]] = {pk: {} for pk in image_ids}
    for image_id, spec, focal_key, file, width, height, *focal in rows:
        focal = tuple(focal)
        if focal not in keys:
            image = SimpleNamespace(**dict(zip(FOCAL_FIELDS, focal, strict=True)))
            keys[focal] = {f.spec: f.get_cache_key(image) for f in filters}
        if keys[focal][spec] == focal_key:
            found[image_id][spec] = Rendered(file_url(storage, file), width, height)
    missing = [pk for pk, made in found.items() if len(made) < len(specs)]
    if missing:
        for image in image_model.objects.filter(pk__in=missing):
            for spec, rendition in image.get_renditions(*filters).items():
                found[image.pk][spec] = Rendered(escape(rendition.url), rendition.width, rendition.height)
    return found


def make_photo(caption: str, made: dict[str, Rendered], kind: str = "card") -> CardPhoto | None:
    """The `<picture>` parts of one photo: a source per extra format, the WebP (else first) `<img>`.

    Remembered per worker by its inputs (the caption and the rendition files): the same photos
    are on every page listing the newest posts."""
    return _photo(caption, tuple(made.items()), kind)


@lru_cache(maxsize=4096)
def _photo(caption: str, made_items: tuple[tuple[str, Rendered], ...], kind: str) -> CardPhoto | None:
    made = dict(made_items)
    by_format: dict[str, list[Rendered]] = {}
    for spec, fmt in renditions.spec_formats(kind):
        if spec in made:
            by_format.setdefault(fmt, []).append(made[spec])
    if not by_format:
        return None
    fallback = "webp" if "webp" in by_format else next(iter(by_format))

    def srcset(items):
        return ", ".join(f"{item.url} {item.width}w" for item in items)

    sources = tuple(
        (MIME_TYPES.get(fmt, f"image/{fmt}"), srcset(items))
        for fmt, items in by_format.items()
        if fmt != fallback
    )
    base = by_format[fallback]
    return CardPhoto(
        caption=caption or "",
        sources=sources,
        src=base[0].url,
        srcset=srcset(base) if len(base) > 1 else "",
        width=base[0].width,
        height=base[0].height,
    )


def make_cards(posts, request=None, units: bool = True) -> list[Card]:
    """Cards for `posts` (a queryset, a paginator page or a list of posts or cards), in order."""
    if isinstance(posts, list) and all(isinstance(post, Card) for post in posts):
        return posts
    rows = _rows(posts)
    if not rows:
        return []
    urls = PageUrls.for_request(request)
    labels = {kind: str(PostKind(kind).label) if kind else "" for kind in {row["kind"] for row in rows}}
    made = photo_renditions([row["photo_image"] for row in rows if row["photo_image"]])
    cards = []
    for row in rows:
        image_id = row["photo_image"]
        # A unit page taken offline is named without a link (its posts stay reachable).
        unit_path = row["unit_path"] if units and row["unit_page_live"] else None
        cards.append(
            Card(
                pk=row["pk"],
                title=row["title"],
                url=urls(row["url_path"]),
                kind=row["kind"],
                kind_label=labels[row["kind"]],
                lead=row["lead"],
                first_published_at=row["first_published_at"],
                published_at=row["published_at"],
                unit_name=(row["unit_short_name"] or row["unit_name"] or "") if units else "",
                unit_url=urls(unit_path) if unit_path else None,
                photo=make_photo(row["photo_caption"], made[image_id]) if image_id else None,
            )
        )
    return cards
