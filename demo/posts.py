"""Step 4: demo posts, created through Wagtail (revisions, publication, logs) with
historical publication dates; see `plan.py` for when and where."""

from __future__ import annotations

import datetime
import json
import random

from django.db import transaction
from django.utils import timezone
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


class SlugBook:
    """Unique slugs among the children of each unit page (Wagtail requires it)."""

    def __init__(self):
        self._used: dict[int, set[str]] = {}

    def take(self, unit_page, title: str) -> str:
        used = self._used.get(unit_page.pk)
        if used is None:
            used = set(
                Page.objects.filter(path__startswith=unit_page.path, depth=unit_page.depth + 1).values_list(
                    "slug", flat=True
                )
            )
            self._used[unit_page.pk] = used
        base = slugify(title, max_length=70)
        slug, number = base, 1
        while slug in used:
            number += 1
            slug = f"{base}-{number}"
        used.add(slug)
        return slug


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
    # Wagtail updates the reference index (image usage) on every save; do it once per post.
    with transaction.atomic(), disable_reference_index_auto_update():
        created = [
            create_post(post, unit_pages[post.unit_code], rng, pool, topics, slugs, now) for post in plan
        ]
    with transaction.atomic():
        for page in created:
            ReferenceIndex.create_or_update_for_object(page)
    live = PostPage.objects.live().count()
    return f"{len(plan)} tin - bài ({live} đang đăng)"
