"""The federation's own pages: home, “Giới thiệu” (history, organisation chart) and topics."""

from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from posts.models import PostKind, PostPage, Topic
from units.models import Unit

POSTS_PER_PAGE = 12


def latest_posts(queryset=None):
    """Live posts newest first, with what a listing shows (unit, first image) fetched up front."""
    queryset = PostPage.objects.live() if queryset is None else queryset
    return (
        queryset.select_related("unit")
        .prefetch_related("images__image")
        .order_by("-first_published_at", "-pk")
    )


class HomePage(Page):
    """Trang chủ: featured posts, latest tin and bài, a block per topic, the unit directory."""

    intro = RichTextField(_("lời giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["units.UnitIndexPage", "public.AboutPage", "public.TopicIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = latest_posts()
        context["featured_posts"] = list(posts.filter(featured=True)[:3])
        context["latest_news"] = list(posts.filter(kind=PostKind.NEWS)[:6])
        context["latest_articles"] = list(posts.filter(kind=PostKind.ARTICLE)[:4])
        context["topic_blocks"] = [
            (topic, list(posts.filter(topics=topic)[:4])) for topic in Topic.objects.all()
        ]
        context["units"] = Unit.objects.for_directory(timezone.localdate())
        return context


class AboutPage(Page):
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


class TopicIndexPage(RoutablePageMixin, Page):
    """“Chủ đề”: the list of topics, and one listing per topic at /chu-de/<slug>/."""

    parent_page_types = ["public.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ đề")

    @path("")
    def topic_list(self, request):
        return self.render(request, context_overrides={"topics": Topic.objects.all()})

    @path("<slug:slug>/")
    def topic_detail(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        posts = Paginator(latest_posts().filter(topics=topic), POSTS_PER_PAGE)
        page_number = request.GET.get("trang", "1")
        if not page_number.isdigit():
            raise Http404
        return self.render(
            request,
            context_overrides={"topic": topic, "posts": posts.get_page(page_number)},
            template="public/topic_page.html",
        )
