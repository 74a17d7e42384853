"""Builders for oversight tests: posts at given moments, units of a new kind, users with roles.

The suite runs on the demo federation (the root conftest loads `load_demo`); these add what a
test needs on top of it and roll back with the test.
"""

import datetime
import io
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image

from posts.models import ArticlePage, NewsPage, PostAuthor, PostImage
from units.models import Unit, UnitIndexPage, UnitKind, UnitPage
from vietnamese.dates import VIETNAM_TZ

_counter = itertools.count(1)


def vn(year, month, day, hour=9, minute=0):
    """An aware datetime, Vietnam time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=VIETNAM_TZ)


def make_image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 40), (160, 30, 40)).save(buffer, "JPEG")
    buffer.seek(0)
    return Image.objects.create(title="Ảnh", file=ImageFile(buffer, name=f"ov-{next(_counter)}.jpg"))


_shared_image = {}


def shared_image():
    image = _shared_image.get("image")
    if image is None or not Image.objects.filter(pk=image.pk).exists():
        image = _shared_image["image"] = make_image()
    return image


def make_post(unit: Unit, published_at, *, kind="news", event_date=None, live=True):
    """A post under the unit's page, first published at ``published_at`` (aware)."""
    model = NewsPage if kind == "news" else ArticlePage
    number = next(_counter)
    post = model(
        title=f"Tin kiểm thử số {number}",
        slug=f"tin-kiem-thu-{number}",
        lead="Tóm tắt.",
        event_date=event_date or published_at.astimezone(VIETNAM_TZ).date(),
        live=live,
        first_published_at=published_at if live else None,
        last_published_at=published_at if live else None,
    )
    post.images = [PostImage(image=shared_image(), caption="Quang cảnh")]
    post.authors = [PostAuthor(name="Nguyễn Văn An")]
    unit.page.add_child(instance=post)
    return post


def make_unit(
    code, *, kind=None, report_order=100, has_own_page=False, introduction="<p>Giới thiệu.</p>", **extra
):
    """A unit (of a fresh kind unless given) with its page under “Đơn vị”."""
    if kind is None:
        kind, _created = UnitKind.objects.get_or_create(
            code=f"kind-{code}", defaults={"name": f"Loại {code}"}
        )
    unit = Unit.objects.create(
        code=code,
        name=extra.pop("name", f"Đơn vị {code}"),
        short_name=extra.pop("short_name", ""),
        kind=kind,
        report_order=report_order,
        has_own_page=has_own_page,
        **extra,
    )
    index = UnitIndexPage.objects.get()
    index.add_child(instance=UnitPage(title=unit.name, slug=code, unit=unit, introduction=introduction))
    unit.refresh_from_db()
    return unit


def make_user(username, *perms, email=None, groups=()):
    user = get_user_model().objects.create_user(
        username=username, email=email or f"{username}@example.vn", password="x-not-used-123"
    )
    codenames = [perm.split(".", 1)[1] for perm in perms]
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for group in groups:
        user.groups.add(group)
    return get_user_model().objects.get(pk=user.pk)
