"""Builders for royalty tests: a unit of our own, a rate table, posts at chosen moments.

Tests run on top of the demo federation (root conftest) but build their own unit so that
demo posts and demo statements never change what they measure.
"""

from __future__ import annotations

import datetime
import io
import itertools
from decimal import Decimal

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page

from posts.models import ArticlePage, NewsPage, PostAuthor, PostImage
from royalties.models import Grade, RateEntry, RateTable, RoyaltySettings
from units.models import Unit, UnitIndexPage, UnitKind, UnitPage
from vietnamese.dates import VIETNAM_TZ

_counter = itertools.count(1)

# The example rates of the demo (Decree 18/2014/NĐ-CP frame), used as the tests' table.
EXAMPLE_RATES = {
    ("news", "A"): Decimal("2"),
    ("news", "B"): Decimal("1.5"),
    ("news", "C"): Decimal("1"),
    ("article", "A"): Decimal("6"),
    ("article", "B"): Decimal("4.5"),
    ("article", "C"): Decimal("3"),
}


def vn(year, month, day, hour=9, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def make_unit(name=None, code=None) -> Unit:
    number = next(_counter)
    kind, _created = UnitKind.objects.get_or_create(
        code="test-kind", defaults={"name": "Loại thử", "order": 99}
    )
    unit = Unit.objects.create(
        code=code or f"don-vi-thu-{number}",
        name=name or f"Đơn vị thử nghiệm {number}",
        kind=kind,
        report_order=900 + number,
    )
    parent = UnitIndexPage.objects.first() or Page.get_first_root_node()
    page = UnitPage(title=unit.name, slug=unit.code, unit=unit)
    parent.add_child(instance=page)
    return unit


def make_image() -> Image:
    buffer = io.BytesIO()
    PILImage.new("RGB", (32, 24), (160, 30, 40)).save(buffer, "JPEG")
    buffer.seek(0)
    return Image.objects.create(title="Ảnh", file=ImageFile(buffer, name=f"royalty-{next(_counter)}.jpg"))


_image_cache: dict[str, Image] = {}


def shared_image() -> Image:
    image = _image_cache.get("image")
    if image is None or not Image.objects.filter(pk=image.pk).exists():
        image = _image_cache["image"] = make_image()
    return image


def make_post(
    unit: Unit,
    published_at: datetime.datetime,
    *,
    kind="news",
    grade="B",
    photos=1,
    authors=("Nguyễn Văn An",),
    shares=None,
    title=None,
    live=True,
):
    number = next(_counter)
    model = NewsPage if kind == "news" else ArticlePage
    post = model(
        title=title or f"Tin thử nhuận bút số {number}",
        slug=f"tin-thu-{number}",
        lead="Tóm tắt.",
        event_date=published_at.date(),
        grade=grade,
        live=live,
        first_published_at=published_at,
        last_published_at=published_at,
    )
    image = shared_image()
    # A live post must have a photo (posts.rules); a photo-less one loses it after saving.
    post.images = [PostImage(image=image, caption=f"Ảnh {i + 1}") for i in range(max(photos, 1))]
    shares = shares or [None] * len(authors)
    post.authors = [
        PostAuthor(name=name, share_percent=share) for name, share in zip(authors, shares, strict=True)
    ]
    unit.page.add_child(instance=post)
    if photos == 0:
        PostImage.objects.filter(page=post).delete()
    return post


def make_table(
    valid_from=datetime.date(2016, 10, 11),
    rates=None,
    *,
    photo_coefficient=Decimal("0.3"),
    photo_amount=None,
    photo_cap=3,
    name="Bảng mức thử",
    fixed=False,
    is_example=False,
) -> RateTable:
    grades = {grade.code: grade for grade in Grade.objects.all()}
    table = RateTable.objects.create(
        name=name,
        decision="Quyết định 128/QĐ-LĐLĐ ngày 20/9/2016",
        valid_from=valid_from,
        is_example=is_example,
        photo_coefficient=photo_coefficient,
        photo_amount=photo_amount,
        photo_cap=photo_cap,
    )
    for (kind, grade), value in (rates or EXAMPLE_RATES).items():
        RateEntry.objects.create(
            table=table,
            kind=kind,
            grade=grades[grade],
            amount=value if fixed else None,
            coefficient=None if fixed else value,
        )
    return table


def reset_settings(**changes) -> RoyaltySettings:
    settings = RoyaltySettings.load()
    defaults = {
        field.name: field.get_default()
        for field in RoyaltySettings._meta.concrete_fields
        if field.name not in ("id",) and field.has_default()
    }
    for name, value in {**defaults, **changes}.items():
        setattr(settings, name, value)
    settings.save()
    return settings
