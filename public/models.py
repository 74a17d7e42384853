"""The federation's own pages: home, “Giới thiệu” (history, organisation chart) and topics."""

from dataclasses import dataclass

from django.db import connection, models
from django.db.models import Exists, IntegerField, OuterRef, Q, Value
from django.db.models.functions import Substr
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction

from posts.models import NOT_IN_LISTINGS, PostKind, PostPage, Topic
from units.models import Unit
from vietnamese.pages import AsciiSlugPageMixin

from .listing import count_at_most, paginate, prepare_cards

POSTS_PER_PAGE = 12
LISTING_PAGES = 100
NEWEST_FIRST = ("-published_at", "-pk")


# Ancestors checked for a view restriction: posts sit at depth 5 (root, home, “Đơn vị”, unit).
RESTRICTION_DEPTH = 12


def published_posts():
    """Live posts outside any private section of the site.

    Wagtail's `.public()` reads every restriction first (a query of its own on each listing);
    this asks the same in SQL: no restricted page is the post or one of its ancestors, whose
    paths are the post path's first 4, 8, 12... characters. Looking those paths up (an index
    on the path) costs a few lookups a post; comparing each restricted page's path with a
    prefix of the post's made SQLite read every page for every post.
    """
    ancestors = [
        Substr(OuterRef("path"), 1, Page.steplen * level) for level in range(1, RESTRICTION_DEPTH + 1)
    ]
    restricted = PageViewRestriction.objects.filter(page__path__in=ancestors)
    return PostPage.objects.live().exclude(Exists(restricted))


def in_topic(posts, topic):
    """`posts` filed under `topic`, as a per-post check rather than a join: newest first, the
    database then walks the date index and stops after a page of posts, instead of sorting
    every post of the topic (a join made SQLite start from the topic's tens of thousands)."""
    through = PostPage.topics.through
    return posts.filter(Exists(through.objects.filter(postpage_id=OuterRef("pk"), topic=topic)))


def latest_posts(queryset=None):
    """Posts newest first with their unit and its page; `prepare_cards` adds the images."""
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


def home_lists(published) -> HomeLists:
    """The home page's lists in a fixed number of queries, each served by an index.

    Every list's newest ids come in one query (`newest_at_once`), the posts in one more.
    Featured posts are left out of “Tin mới” and “Bài viết”, which therefore read a few extra.
    """
    sources = {
        "featured": published.filter(featured=True),
        "news": published.filter(kind=PostKind.NEWS),
        "articles": published.filter(kind=PostKind.ARTICLE),
    }
    extra = HOME_SIZES["featured"]
    limits = {
        "featured": extra,
        "news": HOME_SIZES["news"] + extra,
        "articles": HOME_SIZES["articles"] + extra,
    }
    topics = list(Topic.objects.all())
    for topic in topics:
        sources[topic] = in_topic(published, topic)
        limits[topic] = PER_TOPIC
    picked = newest_at_once(sources, limits)
    topic_blocks = [(topic, picked[topic]) for topic in topics if picked[topic]]

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


def newest_at_once(sources: dict, limits: dict) -> dict:
    """{key: newest posts of sources[key], at most limits[key]} in two queries (ids, then posts).

    The ids come in one UNION ALL of small `ORDER BY published_at LIMIT n` selects, each served
    by an index (a window ranking every post costs seconds at 100 000 posts). Each part is
    wrapped as a subquery: SQLite refuses ORDER BY/LIMIT in the parts of a compound select
    itself (Django's `union` then fails), but not in subqueries.
    """
    keys = list(sources)
    parts, params = [], []
    for n, key in enumerate(keys):
        part = (
            sources[key]
            .order_by(*NEWEST_FIRST)
            .values_list(Value(n, output_field=IntegerField()), "pk")[: limits[key]]
        )
        sql, part_params = part.query.get_compiler(connection=connection).as_sql()
        # Only Django's own compiled SQL and numbered aliases; every value is a bound parameter.
        parts.append(f"SELECT * FROM ({sql}) part{n}")  # noqa: S608  # nosec B608
        params.extend(part_params)
    ids: dict = {key: [] for key in keys}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for n, pk in cursor.fetchall():
            ids[keys[n]].append(pk)
    wanted = {pk for pks in ids.values() for pk in pks}
    by_id = {post.pk: post for post in latest_posts(PostPage.objects.filter(pk__in=wanted))}
    return {key: [by_id[pk] for pk in pks if pk in by_id] for key, pks in ids.items()}


def newest_by_topic(published, per_topic: int) -> list[tuple]:
    """[(topic, [its newest posts])] for every topic, in three queries (see newest_at_once)."""
    topics = list(Topic.objects.all())
    picked = newest_at_once(
        {topic: in_topic(published, topic) for topic in topics}, dict.fromkeys(topics, per_topic)
    )
    return [(topic, picked[topic]) for topic in topics]


class HomePage(AsciiSlugPageMixin, Page):
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
        lists = home_lists(published_posts())
        prepare_cards(
            lists.featured
            + lists.news
            + lists.articles
            + [post for _t, posts in lists.topic_blocks for post in posts]
        )
        context["featured_posts"] = lists.featured
        context["latest_news"] = lists.news
        context["latest_articles"] = lists.articles
        context["topic_blocks"] = lists.topic_blocks
        context["units"] = Unit.objects.for_directory(timezone.localdate())
        return context


class AboutPage(AsciiSlugPageMixin, Page):
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


class TopicIndexPage(AsciiSlugPageMixin, RoutablePageMixin, Page):
    """“Chủ đề”: the list of topics, and one listing per topic at /chu-de/<slug>/."""

    parent_page_types = ["public.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ đề")

    @path("")
    def topic_list(self, request):
        return self.render(request, context_overrides={"topic_blocks": newest_by_topic(published_posts(), 3)})

    @path("<slug:slug>/")
    def topic_detail(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        posts = in_topic(latest_posts(), topic)
        # At most LISTING_PAGES pages are offered; older posts stay reachable through search.
        limit = POSTS_PER_PAGE * LISTING_PAGES
        posts = paginate(request, posts, POSTS_PER_PAGE, count=min(count_at_most(posts, limit), limit))
        prepare_cards(posts)
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
