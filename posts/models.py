"""Posts: tin (NewsPage) and bài (ArticlePage), each living under its unit's page.

Both share one concrete table (PostPage) so that reports count posts by unit and kind
with a single aggregate query.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from rest_framework import serializers
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from pagecache.memo import RememberedViewRestrictionsMixin
from units.models import UnitPage
from vietnamese.pages import AsciiSlugPageMixin
from vietnamese.text import fold, nfc

from .blocks import PostBodyBlock
from .forms import PostPageForm
from .rules import ImageSlot, image_problems


class PostKind(models.TextChoices):
    NEWS = "news", _("Tin")
    ARTICLE = "article", _("Bài")


class Topic(models.Model):
    """A subject readers browse by (Phong trào công nhân..., Hoạt động công đoàn...)."""

    name = models.CharField(_("tên chủ đề"), max_length=120, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    description = models.TextField(_("mô tả"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("order")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("chủ đề")
        verbose_name_plural = _("chủ đề")

    def __str__(self):
        return self.name


register_snippet(Topic)


class PostTag(TaggedItemBase):
    content_object = ParentalKey("posts.PostPage", on_delete=models.CASCADE, related_name="tagged_items")


# What lists of posts never show: leaving them out keeps a card's row small (the body's JSON
# and the folded search text are most of a post's bytes).
NOT_IN_LISTINGS = ("body", "search_text")


class PostPage(RememberedViewRestrictionsMixin, AsciiSlugPageMixin, Page):
    """What NewsPage and ArticlePage share; not created directly."""

    kind = models.CharField(_("loại"), max_length=10, choices=PostKind.choices, editable=False, db_index=True)
    # Denormalised from the parent UnitPage on save so that reports group by it directly.
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        related_name="posts",
        null=True,
        editable=False,
    )
    lead = models.TextField(
        _("sa-pô (tóm tắt)"), help_text=_("Một hai câu tóm tắt nội dung, hiện dưới tiêu đề.")
    )
    body = StreamField(PostBodyBlock(), verbose_name=_("nội dung"), blank=True)
    event_date = models.DateField(
        _("ngày diễn ra sự kiện"),
        help_text=_("Ngày của hoạt động được đưa tin; dùng để theo dõi thời gian đăng tải."),
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("chủ đề"), blank=True, related_name="posts")
    tags = ClusterTaggableManager(through=PostTag, verbose_name=_("từ khóa"), blank=True)
    featured = models.BooleanField(_("tin nổi bật"), default=False, help_text=_("Hiện ở đầu trang chủ."))
    # Quality grade for royalties (Quyết định 128/QĐ-LĐLĐ); set by the approver.
    grade = models.CharField(_("xếp loại nhuận bút"), max_length=8, default="B")
    # ASCII-folded title, lead, body, authors and tags: the search index (see public.search).
    search_text = models.TextField(editable=False, default="")
    # Wagtail's `first_published_at` copied onto this table on every save (see `save`), so that
    # listings filtered by unit, kind or topic and ordered newest first read one index of ours
    # instead of joining every post to wagtailcore_page to sort them.
    published_at = models.DateTimeField(_("ngày đăng"), null=True, editable=False)

    post_kind = None  # set by subclasses
    base_form_class = PostPageForm
    is_creatable = False
    parent_page_types = ["units.UnitPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        InlinePanel(
            "images",
            label=_("Hình ảnh"),
            heading=_("Hình ảnh (bắt buộc ít nhất một ảnh có chú thích)"),
            min_num=0,
        ),
        FieldPanel("body"),
        InlinePanel("authors", label=_("Tác giả"), heading=_("Tác giả"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("event_date"), FieldPanel("topics"), FieldPanel("tags"), FieldPanel("featured")],
            heading=_("Thông tin thêm"),
        ),
        # Only approvers and the board hold this permission (newsroom/roles.py); the form
        # drops the field for everyone else, so a writer cannot set it by posting it.
        FieldPanel("grade", permission="newsroom.set_post_grade"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("search_text"),
        index.FilterField("kind"),
        index.FilterField("unit"),
    ]
    # Read-only API v2 (/api/v2/pages/?type=posts.NewsPage&fields=...): what other sites syndicate.
    # Never the royalty grade, the authors' shares or the search column.
    api_fields = [
        APIField("kind"),
        APIField("lead"),
        APIField("event_date"),
        APIField("unit_name", serializer=serializers.CharField(source="unit.name", read_only=True)),
        APIField("images"),
        APIField("body"),
        APIField("authors"),
    ]

    class Meta:
        verbose_name = _("tin - bài")
        verbose_name_plural = _("tin - bài")
        indexes = [
            models.Index(fields=["unit", "kind"], name="posts_unit_kind"),
            # The home page's “Tin nổi bật”: a handful of rows among many thousands.
            models.Index(fields=["featured"], name="posts_featured", condition=models.Q(featured=True)),
            # Newest first (the primary key breaks ties): the site, a unit's page, “Tin mới”/“Bài viết”.
            models.Index(fields=["published_at", "page_ptr"], name="posts_published"),
            models.Index(fields=["unit", "published_at", "page_ptr"], name="posts_unit_published"),
            models.Index(fields=["kind", "published_at", "page_ptr"], name="posts_kind_published"),
        ]

    @property
    def kind_label(self) -> str:
        return PostKind(self.kind).label if self.kind else ""

    def body_text(self) -> str:
        parts = []
        for block in self.body:
            if block.block_type == "paragraph":
                parts.append(strip_tags(block.value.source))
            elif block.block_type == "image":
                parts.append(block.value["caption"])
            elif block.block_type == "quote":
                parts.append(block.value["quote"])
        return " ".join(parts)

    def build_search_text(self) -> str:
        authors = " ".join(author.name for author in self.authors.all())
        tags = " ".join(tag.name for tag in self.tags.all())
        return fold(" ".join([self.title, self.lead, self.body_text(), authors, tags]))

    def image_slots(self) -> list[ImageSlot]:
        return [ImageSlot(item.image_id is not None, item.caption) for item in self.images.all()]

    def clean(self):
        super().clean()
        # Whatever path publishes (editor, workflow approval, schedule), a live post has a photo.
        if self.live:
            problems = image_problems(self.image_slots())
            if problems:
                raise ValidationError(problems)

    def _vietnamese_defaults(self):
        # Before Wagtail's own defaults; the slug is folded to ASCII by AsciiSlugPageMixin.
        self.title = nfc(self.title)
        self.lead = nfc(self.lead)

    def full_clean(self, *args, **kwargs):
        self._vietnamese_defaults()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # What Wagtail runs instead of full_clean when a draft is saved.
        self._vietnamese_defaults()
        super().minimal_clean()

    def save(self, *args, **kwargs):
        if self.post_kind:
            self.kind = self.post_kind
        parent_path = self.path[: -self.steplen] if self.path else ""
        if parent_path:
            self.unit_id = UnitPage.objects.filter(path=parent_path).values_list("unit_id", flat=True).first()
        self.search_text = self.build_search_text()
        self.published_at = self.first_published_at
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "first_published_at" in update_fields:
            # Wagtail's copy action saves the copy's dates alone.
            kwargs["update_fields"] = [*update_fields, "published_at"]
        return super().save(*args, **kwargs)

    def get_descendants(self, inclusive=False):
        """A post is a leaf (no subpage types): its descendants are itself or nothing.

        Wagtail's permission checks ask for them on every row of the page explorer (whether a
        writer without publish permission may delete or move a live post: two checks a row). The
        tree query behind them (`path LIKE 'prefix%' AND depth >= n`) reads the whole page table
        on SQLite, about 10 ms a row at 100 000 posts; the primary key answers the same question.
        """
        if self.is_leaf():
            pages = Page.objects.filter(pk=self.pk)
            return pages if inclusive else pages.none()
        return super().get_descendants(inclusive)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_posts"] = self.related_posts()
        return context

    def related_posts(self, limit=4):
        """Latest other posts of the same unit, or failing that sharing a topic."""
        same_unit = (
            PostPage.objects.live()
            .filter(unit_id=self.unit_id)
            .exclude(pk=self.pk)
            .order_by("-published_at", "-pk")
            .defer(*NOT_IN_LISTINGS)
            .prefetch_related("images__image")[:limit]
        )
        return same_unit


class NewsPage(PostPage):
    """Tin: a short, timely news item."""

    post_kind = PostKind.NEWS
    is_creatable = True
    template = "posts/post_page.html"

    class Meta:
        verbose_name = _("tin")
        verbose_name_plural = _("tin")


class ArticlePage(PostPage):
    """Bài: a longer piece (feature, commentary, report)."""

    post_kind = PostKind.ARTICLE
    is_creatable = True
    template = "posts/post_page.html"

    class Meta:
        verbose_name = _("bài")
        verbose_name_plural = _("bài")


class PostImage(Orderable):
    """An activity photo or illustration of a post, with its caption (required)."""

    page = ParentalKey(PostPage, on_delete=models.CASCADE, related_name="images")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.PROTECT, related_name="+"
    )
    # Blank allowed so that a draft saves; the rule requires it on submit and publish.
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
    api_fields = [APIField("image"), APIField("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("hình ảnh")
        verbose_name_plural = _("hình ảnh")
        indexes = [
            # A post's photos in the editor's order: every card's first photo (public.cards) is
            # read from it without sorting (SQLite sorted each post's photos in a temporary tree).
            models.Index(fields=["page", "sort_order", "id"], name="posts_postimage_page_order")
        ]


class PostAuthor(Orderable):
    """An author of a post; a person need not be a user of the site."""

    page = ParentalKey(PostPage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(_("họ và tên"), max_length=120)
    share_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ nhuận bút (%)"),
        null=True,
        blank=True,
        help_text=_("Để trống để chia đều giữa các tác giả."),
    )

    panels = [FieldPanel("name"), FieldPanel("share_percent")]
    api_fields = [APIField("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("tác giả")
        verbose_name_plural = _("tác giả")

    def __str__(self):
        return self.name
