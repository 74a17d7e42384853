"""`load_demo --posts N`: many generated posts, fast enough for 100 000 (benchmarks).

NewsPage and ArticlePage are multi-table subclasses of wagtailcore's Page, which Django's
`bulk_create` refuses, and treebeard adds pages one at a time. So this module writes the
rows itself, in batches, each in a transaction:

- materialised paths computed here (`Page.steplen` characters of `Page.alphabet` per level,
  children of a unit page numbered after its last child), the parent's `numchild` updated;
- the wagtailcore_page rows with `Page.objects.bulk_create` (SQLite >= 3.35 and PostgreSQL
  return the new primary keys), then the posts_postpage and posts_newspage /
  posts_articlepage rows with Django's insert query for each table's own fields;
- images (the shared pool, no image processing), authors, topics and tags in bulk;
- `search_text` computed here exactly as `PostPage.build_search_text` would, and
  `published_at` equal to `first_published_at` as `PostPage.save` keeps it;
- on PostgreSQL a large load drops the trigram index of the search column (posts migration
  0003) and builds it again at the end: updating a GIN trigram index row by row cost most of
  the time of a 100 000-post load, one build over the whole table costs a fraction of it.

No revisions are written (the admin edits a page without one from the page itself) and the
search backend's index is not updated (public search reads `search_text`). Posts never land
in Q1/2017 nor on the pages of units that have never published (`fixtures/q1_2017_counts.json`),
so the table of Letter 435/LĐLĐ stays exact after a benchmark load.
"""

from __future__ import annotations

import datetime
import functools
import random
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale, Page

from posts.models import ArticlePage, NewsPage, PostAuthor, PostImage, PostPage, PostTag, Topic
from units.models import UnitPage
from vietnamese.text import slugify

from . import content, images
from .plan import FIRST_DAY, VIETNAM_TZ, in_q1_2017, read_counts
from .posts import SlugSet, children_of

BATCH_SIZE = 2000
ARTICLE_SHARE = 0.15
# From this many posts on, rebuilding the search index once is cheaper than keeping it up to date.
REBUILD_SEARCH_INDEX_FROM = 5000
SEARCH_INDEX = "posts_postpage_search_text_trgm"  # posts/migrations/0003


class UnitSlot:
    """A unit page receiving posts: where the next child goes and which slugs are taken."""

    def __init__(self, page: UnitPage):
        self.page = page
        self.unit = page.unit
        last = children_of(page).order_by("-path").values_list("path", flat=True).first()
        self.next_number = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        self.slugs = SlugSet.children_of(page)
        self.added = 0

    def next_path(self) -> str:
        path = self.page.path + Page._int2str(self.next_number).rjust(Page.steplen, Page.alphabet[0])
        self.next_number += 1
        self.added += 1
        return path

    def take_slug(self, title: str) -> str:
        return self.slugs.take(_slug(title))


@functools.lru_cache(maxsize=50_000)
def _slug(title: str) -> str:
    # Generated titles repeat often; slugify folds character by character.
    return slugify(title, max_length=70)


def random_moment(rng: random.Random, first: datetime.date, now: datetime.datetime) -> datetime.datetime:
    """A working-hours moment between `first` and `now`, never in Q1/2017."""
    last = now.astimezone(VIETNAM_TZ).date()
    span = (last - first).days
    while True:
        day = first + datetime.timedelta(days=rng.randint(0, span))
        moment = datetime.datetime(
            day.year, day.month, day.day, rng.randint(7, 21), rng.randint(0, 59), tzinfo=VIETNAM_TZ
        )
        if moment <= now and not in_q1_2017(moment):
            return moment


class FastFold:
    """`vietnamese.text.fold` for generated text, without a Python loop per character.

    The generator's text is NFC Vietnamese whose only combining marks, once decomposed,
    are in U+0300..U+036F; for such text this gives exactly what `fold` gives (the test
    suite compares the two on generated posts).
    """

    _marks = re.compile("[\u0300-\u036f]+")

    def __call__(self, text: str) -> str:
        stripped = self._marks.sub("", unicodedata.normalize("NFD", text))
        return " ".join(stripped.replace("đ", "d").replace("Đ", "D").lower().split())


# Bound parameters per statement: below SQLite's 32 766 and PostgreSQL's 65 535.
MAX_PARAMETERS = 30_000


def _multirow_insert(table: str, columns, rows: list[tuple], returning: str = "") -> list[tuple]:
    """INSERT `rows` with one multi-row VALUES statement per chunk; the RETURNING rows."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    row_marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
    per_statement = max(1, MAX_PARAMETERS // len(columns))
    returned = []
    # The backend's own cursor, not the one DEBUG wraps: logging each statement would quote
    # its 30 000 parameters (on SQLite with extra queries) for nothing.
    connection.ensure_connection()
    cursor = connection.create_cursor()
    try:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            marks = ", ".join([row_marks] * len(chunk))
            # Reviewed: table and column names are our models' (quoted by the backend); every value
            # is a query parameter.
            sql = f"INSERT INTO {quote(table)} ({names}) VALUES {marks}"  # noqa: S608  # nosec B608
            cursor.execute(
                sql + (f" RETURNING {returning}" if returning else ""), [v for row in chunk for v in row]
            )
            if returning:
                returned.extend(cursor.fetchall())
    finally:
        cursor.close()
    return returned


def _insert_rows(table: str, columns: list[str], rows: list[tuple]) -> None:
    if rows:
        _multirow_insert(table, columns, rows)


# Values the database drivers take as they are; other fields (dates, StreamField JSON)
# go through Django's own preparation for the current database.
_PLAIN_FIELDS = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.ForeignKey,
)


def _column_preparers(model) -> dict:
    """For each column of `model`'s own table (but an auto primary key), how to get its
    database value from a dict of values by field name; a field missing from the dict gets
    its default (so a field added to the model later still loads)."""
    preparers = {}
    for field in model._meta.local_concrete_fields:
        if isinstance(field, models.AutoField):
            continue
        if isinstance(field, _PLAIN_FIELDS):

            def prepare(values, field=field):
                return values[field.name] if field.name in values else field.get_default()

        else:

            def prepare(values, field=field):
                value = values[field.name] if field.name in values else field.get_default()
                return field.get_db_prep_save(value, connection)

        preparers[field.column] = prepare
    return preparers


def _insert_pages(preparers: dict, pages: list[dict]) -> dict[str, int]:
    """INSERT wagtailcore_page rows; returns the new primary key of each path.

    RETURNING needs SQLite >= 3.35 or PostgreSQL; rows are matched by their unique path,
    not by the order RETURNING happens to use.
    """
    quote = connection.ops.quote_name
    rows = [tuple(prepare(values) for prepare in preparers.values()) for values in pages]
    returned = _multirow_insert(Page._meta.db_table, list(preparers), rows, f"{quote('id')}, {quote('path')}")
    return {path: pk for pk, path in returned}


class BulkLoader:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.now = timezone.now()
        never = read_counts().never_published
        pages = UnitPage.objects.select_related("unit").exclude(unit__code__in=never).order_by("path")
        self.slots = [UnitSlot(page) for page in pages]
        self.pool = images.ensure_image_pool()
        self.topics = {topic.slug: topic.pk for topic in Topic.objects.all()}
        self.tags: dict[str, int] = {}
        self.locale_id = Locale.get_default().pk
        self.fold = FastFold()
        self.page_columns = _column_preparers(Page)
        self.post_columns = _column_preparers(PostPage)
        self.content_types = {
            "news": ContentType.objects.get_for_model(NewsPage).pk,
            "article": ContentType.objects.get_for_model(ArticlePage).pk,
        }

    def tag_id(self, name: str) -> int:
        if name not in self.tags:
            tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name, slug=slugify(name))
            self.tags[name] = tag.pk
        return self.tags[name]

    @transaction.atomic
    def batch(self, size: int) -> None:
        rng = self.rng
        pages, posts = [], []
        for _ in range(size):
            slot = rng.choice(self.slots)
            kind = "article" if rng.random() < ARTICLE_SHARE else "news"
            moment = random_moment(rng, FIRST_DAY, self.now)
            event_date = moment.date() - datetime.timedelta(days=rng.choice((0, 0, 1, 1, 2, 3, 5, 8)))
            text = content.generate(
                rng, slot.unit.code, slot.unit.name, slot.unit.display_name, kind, event_date
            )
            slug = slot.take_slug(text.title)
            pages.append(
                {
                    "path": slot.next_path(),
                    "depth": slot.page.depth + 1,
                    "numchild": 0,
                    "translation_key": uuid.UUID(int=rng.getrandbits(128), version=4),
                    "locale": self.locale_id,
                    "live": True,
                    "has_unpublished_changes": False,
                    "first_published_at": moment,
                    "last_published_at": moment,
                    "latest_revision_created_at": moment,
                    "title": text.title,
                    "draft_title": text.title,
                    "slug": slug,
                    "content_type": self.content_types[kind],
                    "url_path": f"{slot.page.url_path}{slug}/",
                }
            )
            posts.append((slot, kind, event_date, text))
        ids = _insert_pages(self.page_columns, pages)

        values = {}
        post_rows, kind_rows = [], {"news": [], "article": []}
        images_rows, author_rows, topic_rows, tag_rows = [], [], [], []
        for page, (slot, kind, event_date, text) in zip(pages, posts, strict=True):
            pk = ids[page["path"]]
            authors = " ".join(name for name, _share in text.authors)
            values.update(
                page_ptr=pk,
                kind=kind,
                unit=slot.unit.pk,
                lead=text.lead,
                body=text.body,
                event_date=event_date,
                published_at=page["first_published_at"],
                search_text=self.fold(" ".join([text.title, text.lead, text.body_text, authors, *text.tags])),
            )
            post_rows.append(tuple(prep(values) for prep in self.post_columns.values()))
            kind_rows[kind].append((pk,))
            first = rng.randrange(len(self.pool))
            for i, caption in enumerate(text.captions):
                images_rows.append((pk, self.pool[(first + i) % len(self.pool)].pk, caption, i))
            for i, (name, share) in enumerate(text.authors):
                author_rows.append((pk, name, share, i))
            topic_rows.extend((pk, self.topics[slug]) for slug in text.topics if slug in self.topics)
            tag_rows.extend((pk, self.tag_id(name)) for name in text.tags)

        _insert_rows(PostPage._meta.db_table, list(self.post_columns), post_rows)
        for kind, model in (("news", NewsPage), ("article", ArticlePage)):
            _insert_rows(model._meta.db_table, [model._meta.pk.column], kind_rows[kind])
        _insert_rows(PostImage._meta.db_table, ["page_id", "image_id", "caption", "sort_order"], images_rows)
        _insert_rows(
            PostAuthor._meta.db_table, ["page_id", "name", "share_percent", "sort_order"], author_rows
        )
        through = PostPage.topics.through._meta
        _insert_rows(
            through.db_table,
            [through.get_field("postpage").column, through.get_field("topic").column],
            topic_rows,
        )
        _insert_rows(PostTag._meta.db_table, ["content_object_id", "tag_id"], tag_rows)

        for slot in self.slots:
            if slot.added:
                Page.objects.filter(pk=slot.page.pk).update(numchild=F("numchild") + slot.added)
                slot.added = 0


@contextmanager
def search_index_rebuilt() -> Iterator[None]:
    """On PostgreSQL: without the trigram index of `search_text` inside, the same index after.

    The index is built again from its own definition (pg_indexes), whatever happens inside.
    Elsewhere (SQLite has no such index) nothing changes.
    """
    definition = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [SEARCH_INDEX])
            row = cursor.fetchone()
            if row:
                definition = row[0]
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(SEARCH_INDEX)}")
    try:
        yield
    finally:
        if definition:
            with transaction.atomic(), connection.cursor() as cursor:
                # Inside an outer transaction (tests) the foreign keys' deferred checks are still
                # pending, which PostgreSQL refuses under CREATE INDEX: run them now.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                # The build sorts the trigrams in memory; the default 64 MB spills to disk.
                cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
                cursor.execute(definition)
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def bulk_create_posts(
    n: int,
    seed: int | None = None,
    progress: Callable[[int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    rebuild_search_index: bool | None = None,
) -> int:
    """Add `n` generated, published posts spread over the units and the dates; returns n.

    `rebuild_search_index` (by default for REBUILD_SEARCH_INDEX_FROM posts or more): see
    `search_index_rebuilt`.
    """
    loader = BulkLoader(seed if seed is not None else PostPage.objects.count())
    if rebuild_search_index is None:
        rebuild_search_index = n >= REBUILD_SEARCH_INDEX_FROM
    done = 0
    with search_index_rebuilt() if rebuild_search_index else nullcontext():
        while done < n:
            size = min(batch_size, n - done)
            loader.batch(size)
            done += size
            if progress:
                progress(done)
    return done
