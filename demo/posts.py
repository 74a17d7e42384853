"""Step 4: demo posts, created through Wagtail (revisions, publication, logs) with
historical publication dates; see `plan.py` for when and where."""

from __future__ import annotations

import datetime
import json
import random
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler as search_post_save
from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.models.reference_index import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from posts.models import ArticlePage, NewsPage, PostAuthor, PostImage, PostPage, Topic
from units.models import UnitPage
from vietnamese.text import slugify

from . import content, images
from .plan import DRAFT, UNPUBLISHED, VIETNAM_TZ, PlannedPost, plan_posts, read_counts

PAGE_CLASSES = {"news": NewsPage, "article": ArticlePage}
SEED = 435


def children_of(page: Page):
    """The children of `page` by a path range, which an index serves on every database
    (treebeard's `path__startswith` is a LIKE that SQLite cannot answer from the index)."""
    last = page.path + Page.alphabet[-1] * Page.steplen
    return Page.objects.filter(path__gt=page.path, path__lte=last, depth=page.depth + 1)


class SlugSet:
    """Slugs taken under one parent page (Wagtail requires them unique among siblings)."""

    def __init__(self, taken=()):
        self.taken = set(taken)
        self.next_number: dict[str, int] = {}

    def take(self, base: str) -> str:
        """`base`, or `base-2`, `base-3`... whichever is free; marks it taken."""
        slug, number = base, self.next_number.get(base, 1)
        if number > 1:
            slug = f"{base}-{number}"
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.taken.add(slug)
        self.next_number[base] = number + 1
        return slug

    @classmethod
    def children_of(cls, page: Page) -> SlugSet:
        return cls(children_of(page).values_list("slug", flat=True))


class SlugBook:
    """A SlugSet per unit page, loaded when first needed."""

    def __init__(self):
        self._sets: dict[int, SlugSet] = {}

    def take(self, unit_page, title: str) -> str:
        if unit_page.pk not in self._sets:
            self._sets[unit_page.pk] = SlugSet.children_of(unit_page)
        return self._sets[unit_page.pk].take(slugify(title, max_length=70))


def event_date_for(post: PlannedPost, now: datetime.datetime) -> datetime.date:
    moment = post.published_at or now
    return moment.astimezone(VIETNAM_TZ).date() - datetime.timedelta(days=post.delay_days)


def build_page(
    post: PlannedPost, unit_page: UnitPage, rng: random.Random, pool: list, topics: dict, slugs: SlugBook, now
):
    """An unsaved NewsPage/ArticlePage with its images, authors, topics and tags."""
    unit = unit_page.unit
    event_date = event_date_for(post, now)
    text = content.generate(rng, unit.code, unit.name, unit.display_name, post.kind, event_date)
    page = PAGE_CLASSES[post.kind](
        title=text.title,
        slug=slugs.take(unit_page, text.title),
        lead=text.lead,
        body=json.dumps(text.body),
        event_date=event_date,
        featured=post.featured,
        live=False,
    )
    first = rng.randrange(len(pool))
    page.images = [
        PostImage(image=pool[(first + i) % len(pool)], caption=caption, sort_order=i)
        for i, caption in enumerate(text.captions)
    ]
    page.authors = [
        PostAuthor(name=name, share_percent=share, sort_order=i)
        for i, (name, share) in enumerate(text.authors)
    ]
    page.topics = [topics[slug] for slug in text.topics if slug in topics]
    if text.tags:
        page.tags.add(*text.tags)
    return page


def create_post(post: PlannedPost, unit_page: UnitPage, rng, pool, topics, slugs, now) -> PostPage:
    """Save the page, its revision, and (unless a draft) make that revision live as of the
    historical date; Wagtail's publish action would stamp everything with the current time."""
    page = build_page(post, unit_page, rng, pool, topics, slugs, now)
    if post.state == DRAFT:
        unit_page.add_child(instance=page)
        page.save_revision()
        return page
    moment = post.published_at
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = page.latest_revision_created_at = moment
    unit_page.add_child(instance=page)
    revision = page.save_revision(changed=False, clean=False)
    Revision.objects.filter(pk=revision.pk).update(created_at=moment)
    Page.objects.filter(pk=page.pk).update(live_revision=revision, latest_revision_created_at=moment)
    log(instance=page, action="wagtail.publish", revision=revision, content_changed=True, timestamp=moment)
    if post.state == UNPUBLISHED:
        page.refresh_from_db()
        page.unpublish(log_action=False)
        log(instance=page, action="wagtail.unpublish", timestamp=moment + datetime.timedelta(days=3))
    return page


@contextmanager
def deferred_indexing(models):
    """Wagtail updates the search index and the reference index (image usage) on every save,
    three times per post here; mute both while posts are created, then `index_once`."""
    muted = [model for model in models if post_save.disconnect(search_post_save, sender=model)]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in muted:
            post_save.connect(search_post_save, sender=model)


def index_once(pages: list[PostPage]) -> None:
    for model in PAGE_CLASSES.values():
        objects = list(model.objects.filter(pk__in=[page.pk for page in pages]))
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, objects)
        for page in objects:
            ReferenceIndex.create_or_update_for_object(page)


def load_demo_posts(limit: int | None = None) -> str:
    """The planned demo posts, once: nothing happens when posts exist already."""
    if PostPage.objects.exists():
        return "đã có tin - bài, bỏ qua"
    now = timezone.now()
    unit_pages = {page.unit.code: page for page in UnitPage.objects.select_related("unit")}
    plan = plan_posts(list(unit_pages), read_counts(), now, seed=SEED)
    if limit is not None:
        plan = plan[:limit]
    pool = images.ensure_image_pool()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    rng = random.Random(SEED)
    slugs = SlugBook()
    with transaction.atomic():
        with deferred_indexing(PAGE_CLASSES.values()):
            created = [
                create_post(post, unit_pages[post.unit_code], rng, pool, topics, slugs, now) for post in plan
            ]
        index_once(created)
    live = PostPage.objects.live().count()
    return f"{len(plan)} tin - bài ({live} đang đăng)"
