"""The federation's own pages: home, “Giới thiệu” (history, organisation chart) and topics."""

import copy
from dataclasses import dataclass
from functools import lru_cache

from django.db import connection, models
from django.db.models import Exists, IntegerField, OuterRef, Q, Value
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction

from pagecache.memo import RememberedViewRestrictionsMixin, remember
from posts.models import NOT_IN_LISTINGS, PostKind, PostPage, Topic
from units.models import Unit
from vietnamese.pages import AsciiSlugPageMixin

from .cards import make_cards
from .listing import count_at_most, paginate

POSTS_PER_PAGE = 12
LISTING_PAGES = 100
NEWEST_FIRST = ("-published_at", "-pk")


def restricted_paths() -> tuple[str, ...]:
    """The tree paths of the pages under a view restriction: one small query, usually no rows."""
    # From the restrictions to their pages (by primary key): a join the other way round made
    # SQLite read every page looking for restrictions.
    pages = Page.objects.filter(pk__in=PageViewRestriction.objects.values("page_id"))
    return tuple(pages.order_by("path").values_list("path", flat=True))


def published_posts(restricted: tuple[str, ...] | None = None):
    """Live posts outside any private section of the site.

    A site has few view restrictions, usually none: their paths are read in one small query
    and the posts below them are left out by path prefix (what Wagtail's `.public()` does,
    without its per-restriction subqueries). With no restriction the listing has no condition
    for it at all. A correlated check of every ancestor path in SQL, tried before, cost about
    6 ms of query compilation on every listing, more than the whole rest of a listing query.
    """
    if restricted is None:
        restricted = restricted_paths()
    return PostPage.objects.live().filter(outside(restricted))


def outside(restricted: tuple[str, ...], path: str = "path") -> Q:
    """The condition "not below any of these paths" on a page's tree path (`path`: its lookup)."""
    below = Q()
    for path_prefix in restricted:
        below |= Q(**{f"{path}__startswith": path_prefix})
    return ~below if below else Q()


def site_restricted_paths(request=None) -> tuple[str, ...]:
    """`restricted_paths()`, remembered while no restriction is saved (pagecache/memo.py)."""
    return remember(request, "restricted paths", restricted_paths)


def site_topics(request=None) -> list:
    """Every topic in its set order (remembered while nothing is published: pagecache/memo.py)."""
    return remember(request, "topics", lambda: list(Topic.objects.all()))


def in_topic(posts, topic):
    """`posts` filed under `topic`, as a per-post check rather than a join: newest first, the
    database then walks the date index and stops after a page of posts, instead of sorting
    every post of the topic (a join made SQLite start from the topic's tens of thousands)."""
    through = PostPage.topics.through
    return posts.filter(Exists(through.objects.filter(postpage_id=OuterRef("pk"), topic=topic)))


def topic_filings(topic, restricted: tuple[str, ...]):
    """The published posts filed under `topic`, for counting them: read from the topic's side (its
    filings, by the topic index, each post then found by primary key), so counting stops after the
    first thousand filings instead of reading the newest posts until a thousand match the topic
    (at 100 000 posts SQLite read 4 000 posts for it)."""
    filings = PostPage.topics.through.objects.filter(topic=topic, postpage__live=True)
    return filings.filter(outside(restricted, path="postpage__path"))


def latest_posts(queryset=None):
    """Posts newest first with their unit and its page (lists read them as cards: public.cards)."""
    queryset = published_posts() if queryset is None else queryset
    return queryset.select_related("unit", "unit__page").defer(*NOT_IN_LISTINGS).order_by(*NEWEST_FIRST)


@dataclass
class HomeLists:
    featured: list
    news: list
    articles: list
    topic_blocks: list  # [(topic, [posts])], topics without posts left out


HOME_SIZES = {"featured": 3, "news": 6, "articles": 4}
PER_TOPIC = 4


def home_lists(request=None) -> HomeLists:
    """The home page's lists in four queries whatever the number of posts, each served by an index.

    The topics, the newest ids of every list at once (`newest_ids_sql`), then their cards.
    Featured posts are left out of “Tin mới” and “Bài viết”, which therefore read a few extra.
    """
    topics = site_topics(request)
    picked = newest_cards(topics, PER_TOPIC, True, request)
    topic_blocks = [(topic, picked[topic.pk]) for topic in topics if picked[topic.pk]]

    # With nothing marked “nổi bật”, the newest post leads the page.
    newest = sorted(picked["news"] + picked["articles"], key=lambda p: (p.published_at, p.pk))
    featured = picked["featured"] or newest[-1:]
    shown = {post.pk for post in featured}
    return HomeLists(
        featured=featured,
        news=[post for post in picked["news"] if post.pk not in shown][: HOME_SIZES["news"]],
        articles=[post for post in picked["articles"] if post.pk not in shown][: HOME_SIZES["articles"]],
        topic_blocks=topic_blocks,
    )


@lru_cache(maxsize=64)
def newest_ids_sql(
    topic_ids: tuple, restricted: tuple, per_topic: int, home: bool
) -> tuple[str, tuple, tuple]:
    """(sql, params, keys) of one query giving the newest post ids of each home list (when `home`)
    and of each topic, as rows (part number, id); keys[part number] names the list.

    Built by the ORM, then kept for the life of the process: the SQL only changes with the topics,
    the view restrictions and the list sizes, which are the arguments. Building and compiling
    these seven querysets cost more CPU than everything else on the home page (about 8 ms at each
    request, against a tenth of a millisecond for the database to answer).

    The query is one UNION ALL of small `ORDER BY published_at LIMIT n` selects, each served by an
    index (a window ranking every post costs seconds at 100 000 posts). Each part is wrapped as
    a subquery: SQLite refuses ORDER BY/LIMIT in the parts of a compound select itself (Django's
    `union` then fails), but not in subqueries.
    """
    published = published_posts(restricted)
    sources, limits = {}, {}
    if home:
        extra = HOME_SIZES["featured"]
        sources = {
            "featured": published.filter(featured=True),
            "news": published.filter(kind=PostKind.NEWS),
            "articles": published.filter(kind=PostKind.ARTICLE),
        }
        limits = {
            "featured": extra,
            "news": HOME_SIZES["news"] + extra,
            "articles": HOME_SIZES["articles"] + extra,
        }
    for topic_id in topic_ids:
        sources[topic_id] = in_topic(published, topic_id)
        limits[topic_id] = per_topic
    parts, params = [], []
    for n, (key, source) in enumerate(sources.items()):
        part = source.order_by(*NEWEST_FIRST).values_list(Value(n, output_field=IntegerField()), "pk")
        sql, part_params = part[: limits[key]].query.get_compiler(connection=connection).as_sql()
        # Only Django's own compiled SQL and numbered aliases; every value is a bound parameter.
        parts.append(f"SELECT * FROM ({sql}) part{n}")  # noqa: S608  # nosec B608
        params.extend(part_params)
    return " UNION ALL ".join(parts), tuple(params), tuple(sources)


def newest_cards(topics: list, per_topic: int, home: bool, request=None) -> dict:
    """{key: cards of its newest posts} for the home lists (when `home`: "featured", "news",
    "articles") and each topic (its pk), in three queries: the ids (`newest_ids_sql`), then the
    cards (`public.cards`: the posts, then their photos' renditions)."""
    topic_ids = tuple(topic.pk for topic in topics)
    sql, params, keys = newest_ids_sql(topic_ids, site_restricted_paths(request), per_topic, home)
    ids: dict = {key: [] for key in keys}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for n, pk in cursor.fetchall():
            ids[keys[n]].append(pk)
    wanted = list(dict.fromkeys(pk for pks in ids.values() for pk in pks))
    by_id = {card.pk: card for card in make_cards(wanted, request)}
    return {key: [by_id[pk] for pk in pks if pk in by_id] for key, pks in ids.items()}


def newest_by_topic(per_topic: int, request=None) -> list[tuple]:
    """[(topic, [cards of its newest posts])] for every topic, in four queries."""
    topics = site_topics(request)
    picked = newest_cards(topics, per_topic, False, request)
    return [(topic, picked[topic.pk]) for topic in topics]


class HomePage(RememberedViewRestrictionsMixin, AsciiSlugPageMixin, Page):
    """Trang chủ: featured posts, latest tin and bài, a block per topic, the unit directory."""

    intro = RichTextField(_("lời giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["units.UnitIndexPage", "public.AboutPage", "public.TopicIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    def route(self, request, path_components):
        """Find the page at the end of a path in one query, instead of two queries per level.

        Wagtail walks the tree one level at a time (the child by slug, then its specific
        page): six queries for /don-vi/<unit>/<post>/. Here the candidates of every level are
        fetched at once by (depth, slug), both indexed, and the chain is followed by tree path.
        Only the deepest page found is made specific and routes what is left, so drafts are
        still 404s and a page that routes its own sub-paths (RoutablePageMixin: “Chủ đề”)
        still gets them: the walk stops at any page whose class overrides `route`.
        """
        if not path_components:
            return super().route(request, path_components)
        conditions = Q()
        for level, slug in enumerate(path_components, start=1):
            conditions |= Q(depth=self.depth + level, slug=slug)
        candidates = {
            (page.path[: -page.steplen], page.slug): page
            for page in Page.objects.descendant_of(self)
            .filter(conditions)
            .only("path", "depth", "slug", "content_type")
        }
        page, consumed = self, 0
        for slug in path_components:
            child = candidates.get((page.path, slug))
            if child is None:
                break
            page, consumed = child, consumed + 1
            if getattr(child.specific_class, "route", Page.route) is not Page.route:
                break
        if page is self:
            return super().route(request, path_components)
        return page.specific.route(request, path_components[consumed:])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lists = home_lists(request)
        context["featured_posts"] = lists.featured
        context["latest_news"] = lists.news
        context["latest_articles"] = lists.articles
        context["topic_blocks"] = lists.topic_blocks
        return context


class AboutPage(RememberedViewRestrictionsMixin, AsciiSlugPageMixin, Page):
    """“Giới thiệu”: the federation's history and its organisation chart."""

    history = RichTextField(_("lịch sử hình thành và phát triển"), blank=True)
    org_chart = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("sơ đồ tổ chức"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    org_chart_caption = models.CharField(_("chú thích sơ đồ"), max_length=300, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("history"),
        FieldPanel("org_chart"),
        FieldPanel("org_chart_caption"),
    ]
    parent_page_types = ["public.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("trang giới thiệu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The organisation chart's list of units is generated from the unit data.
        context["units"] = Unit.objects.for_directory(timezone.localdate())
        return context


class TopicIndexPage(RememberedViewRestrictionsMixin, AsciiSlugPageMixin, RoutablePageMixin, Page):
    """“Chủ đề”: the list of topics, and one listing per topic at /chu-de/<slug>/."""

    parent_page_types = ["public.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ đề")

    @path("")
    def topic_list(self, request):
        return self.render(request, context_overrides={"topic_blocks": newest_by_topic(3, request)})

    @path("<slug:slug>/")
    def topic_detail(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        restricted = site_restricted_paths(request)
        posts = in_topic(latest_posts(published_posts(restricted)), topic)
        # At most LISTING_PAGES pages are offered; older posts stay reachable through search.
        limit = POSTS_PER_PAGE * LISTING_PAGES
        count = count_at_most(topic_filings(topic, restricted), limit)
        posts = paginate(request, posts, POSTS_PER_PAGE, count=min(count, limit))
        return self.render(
            request,
            context_overrides={"topic": topic, "posts": posts},
            template="public/topic_page.html",
        )

    def get_sitemap_urls(self, request=None):
        """The topic list and every topic's listing (routes of this one page)."""
        urls = super().get_sitemap_urls(request)
        base = urls[0]["location"]
        for topic in Topic.objects.all():
            urls.append({"location": base + self.reverse_subpage("topic_detail", args=[topic.slug])})
        return urls


@register_setting(icon="site")
class FederationContact(BaseGenericSetting):
    """Who runs the site and how to reach them: the footer of every public page."""

    name = models.CharField(
        _("tên cơ quan"), max_length=200, blank=True, help_text=_("Để trống thì dùng tên Website.")
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    responsible = models.CharField(
        _("chịu trách nhiệm nội dung"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: “Ban Biên tập Website Công đoàn Bình Thuận”."),
    )

    class Meta:
        verbose_name = _("thông tin liên hệ của cơ quan")

    @classmethod
    def _get_or_create(cls):
        """Wagtail's read (once per request), remembered per cache generation: the footer of every
        page shows it, and saving it bumps the generation (pagecache/signals.py)."""
        found = remember(None, "federation contact", super()._get_or_create)
        return copy.copy(found)
