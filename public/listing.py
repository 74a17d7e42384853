"""What the post page and the feeds need beyond a post's own fields, in a fixed number of queries;
pagination of the public lists.

The lists of posts on pages are cards of plain values (`public.cards`). The feeds work on post
objects (Django's syndication framework asks each item for its fields): `prepare_cards` gives
them their unit, unit page, images and renditions in at most three queries whatever the number
of posts. The rendition specs come from `public.renditions`, as the `{% responsive_image %}`
tags' do, otherwise a rendition would be looked up, or created, once per image.
"""

from dataclasses import dataclass

from django.core.paginator import EmptyPage, Page, Paginator
from django.db.models import Prefetch, QuerySet, Value, prefetch_related_objects
from django.http import Http404
from taggit.models import Tag
from wagtail.images import get_image_model

from posts.models import PostAuthor, PostImage, Topic
from public import renditions
from units.models import Unit
from vietnamese.sorting import sort_key

# The specs of `{% responsive_image %}` (public/renditions.py): cards, and a post's own photos.
CARD_RENDITIONS = renditions.CARD_RENDITIONS
POST_RENDITIONS = renditions.WIDE_RENDITIONS
# Open Graph / JSON-LD / RSS enclosure: one JPEG every consumer understands.
SHARE_RENDITION = renditions.SHARE_RENDITION


def rendition_prefetch(lookup: str, specs) -> Prefetch:
    """Prefetch the given renditions of the images at `lookup` (Wagtail reads `prefetched_renditions`)."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=list(specs))
    return Prefetch(f"{lookup}__renditions", queryset=renditions, to_attr="prefetched_renditions")


def images_prefetch() -> Prefetch:
    return Prefetch("images", queryset=PostImage.objects.select_related("image"))


def prepare_cards(posts, specs=CARD_RENDITIONS, units=True) -> list:
    """Posts as a list, with unit, unit page, images and their card renditions loaded.

    `posts` may be a list, a queryset or a paginator page; a queryset not yet run loses its own
    prefetches (e.g. "images__image", two queries) since ours do the same in fewer.
    """
    if isinstance(posts, Page) and isinstance(posts.object_list, QuerySet):
        if posts.object_list._result_cache is None:
            posts.object_list = posts.object_list.prefetch_related(None)
    elif isinstance(posts, QuerySet) and posts._result_cache is None:
        posts = posts.prefetch_related(None)
    items = list(posts)
    # A plain list per post (`post.card_images`), not the `images` manager: the cards template
    # reads it for every card, and each `.all()` on a prefetched manager clones a queryset.
    lookups = [
        Prefetch("images", queryset=PostImage.objects.select_related("image"), to_attr="card_images"),
        rendition_prefetch("card_images__image", specs),
    ]
    if units:
        lookups.insert(0, "unit__page")
    prefetch_related_objects(items, *lookups)
    return items


@dataclass
class PostPageData:
    images: list
    unit: Unit | None
    authors: list
    topics: list
    tags: list
    related: list


def load_post_page(post, related_posts) -> PostPageData:
    """Everything the post page shows beyond the post's own fields, in five queries.

    The post's photos in one query, their renditions in another; the related posts as ids, whose
    cards `{% post_cards %}` reads (public.cards).
    """
    related = [] if related_posts is None else list(related_posts.values_list("pk", flat=True))
    prefetch_related_objects(
        [post],
        images_prefetch(),
        rendition_prefetch("images__image", (*POST_RENDITIONS, SHARE_RENDITION)),
    )
    unit = (
        Unit.objects.select_related("page", "kind").filter(pk=post.unit_id).first() if post.unit_id else None
    )
    labels = post_labels(post.pk)
    return PostPageData(
        images=list(post.images.all()),
        unit=unit,
        authors=labels["author"],
        topics=labels["topic"],
        tags=labels["tag"],
        related=related,
    )


@dataclass(frozen=True)
class Label:
    name: str
    slug: str


def post_labels(post_id: int) -> dict[str, list[Label]]:
    """A post's authors, topics and tags in one query (a UNION ALL of three small selects)."""
    # Compound statements take no ORDER BY in their parts: the rows are sorted here instead.
    authors = (
        PostAuthor.objects.filter(page_id=post_id)
        .order_by()
        .values_list(Value("author"), "name", Value(""), "sort_order")
    )
    topics = (
        Topic.objects.filter(posts=post_id).order_by().values_list(Value("topic"), "name", "slug", "order")
    )
    tags = (
        Tag.objects.filter(posts_posttag_items__content_object_id=post_id)
        .order_by()
        .values_list(Value("tag"), "name", "slug", Value(0))
    )
    # Authors in byline order, topics in their set order, tags alphabetically (Vietnamese order).
    rows = sorted(
        authors.union(topics, tags, all=True), key=lambda row: (row[0], row[3] or 0, sort_key(row[1]))
    )
    labels: dict[str, list[Label]] = {"author": [], "topic": [], "tag": []}
    for kind, name, slug, _order in rows:
        labels[kind].append(Label(name, slug))
    return labels


def count_at_most(queryset, limit: int) -> int:
    """queryset.count(), but the database stops counting past `limit` (the answer is then limit + 1).

    Counting 50 000 posts of a topic costs most of a second; nobody pages that far back.
    """
    return queryset.order_by()[: limit + 1].count()


class CountedPaginator(Paginator):
    """A paginator told its count (e.g. a capped count) instead of asking the database."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self):
        return self._known_count


def paginate(request, object_list, per_page: int, count: int | None = None) -> Page:
    """The page `?trang=N` of a list: a page past the end shows the last one; junk is a 404.

    Never a server error: "?trang=abc", "?trang=0" and "?trang=-1" are pages that do not exist.
    """
    if count is None:
        paginator = Paginator(object_list, per_page)
    else:
        paginator = CountedPaginator(object_list, per_page, count)
    number = request.GET.get("trang", "1")
    # isdigit() alone accepts "¹" or "²", which int() refuses: ASCII digits only.
    if not (number.isascii() and number.isdigit()) or int(number) < 1:
        raise Http404("Không có trang này.")
    try:
        return paginator.page(number)
    except EmptyPage:
        return paginator.page(paginator.num_pages)
