"""The organisation as data: unit kinds, units, and the public pages that hold their posts.

Letter 435/LĐLĐ addresses departments, affiliates, sectoral unions and district
federations; which units exist, in which order they are reported and which have quotas
is data loaded from a fixture (see `load_units`), never code.
"""

import datetime

from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from pagecache.memo import RememberedViewRestrictionsMixin
from vietnamese.pages import AsciiSlugPageMixin

POSTS_PER_PAGE = 12
LISTING_PAGES = 100


class UnitKind(models.Model):
    """A kind of unit (ban, đơn vị trực thuộc, công đoàn ngành, LĐLĐ huyện...)."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên loại đơn vị"), max_length=120)
    addressee = models.CharField(
        _("dòng trong mục Kính gửi"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: “Liên đoàn Lao động cấp huyện”. Dùng khi lập công văn."),
    )
    # Letter 435/LĐLĐ item 4: sectors and districts approve and publish their own posts;
    # departments and affiliates send theirs to the board (item 3).
    self_publishing = models.BooleanField(
        _("tự duyệt và đăng tin - bài"),
        default=False,
        help_text=_(
            "Đơn vị loại này tự duyệt, tự đăng; nếu không, tin - bài gửi Thường trực Ban Biên tập duyệt."
        ),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("loại đơn vị")
        verbose_name_plural = _("loại đơn vị")

    def __str__(self):
        return self.name


class UnitQuerySet(models.QuerySet):
    def existing_between(self, start: datetime.date, end: datetime.date):
        """Units that existed at some time in [start, end] (both dates inclusive)."""
        return self.filter(
            models.Q(valid_from__isnull=True) | models.Q(valid_from__lte=end),
            models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=start),
        )

    def for_directory(self, on_date: datetime.date):
        """Units existing on a day with their kind, ready for `{% regroup by kind %}`, and of their
        page only what a link needs (`page_url_path`, `page_live`): a whole unit page per unit
        (Wagtail page objects are costly to build) was a third of the “Giới thiệu” page's time."""
        return (
            self.existing_between(on_date, on_date)
            .select_related("kind")
            .annotate(page_url_path=models.F("page__url_path"), page_live=models.F("page__live"))
            .order_by("kind__order", "report_order", "name")
        )


class Unit(models.Model):
    """A member unit that publishes on the site and pays royalties for its posts."""

    code = models.SlugField(_("mã đơn vị"), max_length=60, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=200)
    short_name = models.CharField(_("tên ngắn"), max_length=80, blank=True)
    kind = models.ForeignKey(
        UnitKind, verbose_name=_("loại đơn vị"), on_delete=models.PROTECT, related_name="units"
    )
    report_order = models.PositiveIntegerField(_("thứ tự trong báo cáo"), default=0)
    quota_applies = models.BooleanField(_("áp dụng chỉ tiêu đăng tin - bài"), default=True)
    has_own_page = models.BooleanField(
        _("có trang riêng"),
        default=False,
        help_text=_(
            "Đơn vị có trang riêng trên Website (LĐLĐ huyện); báo cáo ghi chú khi trang chưa có tin - bài."
        ),
    )
    note_name = models.CharField(
        _("tên gọi trong ghi chú"),
        max_length=60,
        blank=True,
        help_text=_(
            "Ví dụ “huyện” cho ghi chú “Chưa có tin - bài trên trang của huyện”; "
            "để trống thì dùng tên đơn vị."
        ),
    )
    valid_from = models.DateField(_("hoạt động từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("hoạt động đến ngày"), null=True, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["report_order", "name"]
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class UnitIndexPage(RememberedViewRestrictionsMixin, AsciiSlugPageMixin, Page):
    """“Đơn vị”: the directory of units, grouped by kind."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["public.HomePage"]
    subpage_types = ["units.UnitPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang danh sách đơn vị")


class UnitPage(RememberedViewRestrictionsMixin, AsciiSlugPageMixin, Page):
    """A unit's own room on the site: its introduction and, as child pages, its posts."""

    unit = models.OneToOneField(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="page")
    introduction = RichTextField(
        _("Giới thiệu công đoàn"),
        blank=True,
        help_text=_("Lịch sử, chức năng, nhiệm vụ, ban chấp hành... Báo cáo ghi chú khi mục này còn trống."),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("unit"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["units.UnitIndexPage"]
    subpage_types = ["posts.NewsPage", "posts.ArticlePage"]

    class Meta:
        verbose_name = _("trang đơn vị")
        verbose_name_plural = _("trang đơn vị")

    @property
    def has_introduction(self) -> bool:
        return bool(strip_tags(self.introduction or "").strip())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The unit with its kind in one query (the page header shows both).
        self.unit = Unit.objects.select_related("kind").get(pk=self.unit_id)
        # Posts reach us through the reverse FK (posts depend on units, not the other way).
        # The list template reads them as cards (public.cards: two queries for a page of posts).
        # Newest first from the (unit, published_at) index; like the topic listings, at most
        # LISTING_PAGES pages are offered (counting and skipping thousands of posts cost most
        # of a second; older posts stay reachable through search). The count keeps the order:
        # PostgreSQL then reads the same index for it instead of hashing every page.
        from posts.models import NOT_IN_LISTINGS
        from public.listing import paginate

        posts = self.unit.posts.live().defer(*NOT_IN_LISTINGS).order_by("-published_at", "-pk")
        limit = POSTS_PER_PAGE * LISTING_PAGES
        count = min(posts[: limit + 1].count(), limit)
        context["posts"] = paginate(request, posts, POSTS_PER_PAGE, count=count)
        return context
