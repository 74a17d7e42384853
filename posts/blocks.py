"""Blocks of a post's body: paragraphs, captioned images, quotes."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("hình ảnh"))
    caption = blocks.CharBlock(label=_("chú thích"), max_length=300)

    class Meta:
        icon = "image"
        label = _("Hình ảnh có chú thích")
        template = "posts/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("trích dẫn"))
    attribution = blocks.CharBlock(label=_("người phát biểu"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "posts/blocks/quote.html"


class PostBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Đoạn văn"))
    image = CaptionedImageBlock()
    quote = QuoteBlock()
