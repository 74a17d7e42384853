"""Cheap builders for public-site tests: images, posts, and a minimal site when the demo is absent.

The suite normally runs on the demo federation (`load_demo`, see the root conftest); these
helpers add what a test needs on top of it (extra posts for query-count tests, drafts, a post
with tricky text) without going through the editor.
"""

import datetime
import io
import itertools

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Page, Site

from posts.models import ArticlePage, NewsPage, PostAuthor, PostImage, Topic
from public.models import AboutPage, HomePage, TopicIndexPage
from units.loading import DEFAULT_FIXTURE, load_organisation, read_organisation_file
from units.models import UnitIndexPage, UnitPage

_counter = itertools.count(1)


def make_image(title="Ảnh hoạt động", size=(640, 400), colour=(160, 30, 40)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG", quality=70)
    buffer.seek(0)
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"test-{next(_counter)}.jpg"))


def make_post(
    unit_page,
    title=None,
    *,
    kind="news",
    lead="Tóm tắt nội dung tin.",
    image=None,
    caption="Quang cảnh hội nghị",
    authors=("Nguyễn Văn An",),
    published_at=None,
    live=True,
    featured=False,
    topics=(),
    body=None,
):
    """Add a published (or draft) post under a unit page, with one captioned image."""
    number = next(_counter)
    title = title or f"Hoạt động công đoàn số {number}"
    published_at = published_at or timezone.now() - datetime.timedelta(minutes=number)
    model = NewsPage if kind == "news" else ArticlePage
    post = model(
        title=title,
        lead=lead,
        event_date=timezone.localdate(published_at),
        live=live,
        featured=featured,
        first_published_at=published_at if live else None,
        last_published_at=published_at if live else None,
        body=body or [("paragraph", "<p>Nội dung chi tiết của tin.</p>")],
    )
    post.images = [PostImage(image=image or make_image(), caption=caption)]
    post.authors = [PostAuthor(name=name) for name in authors]
    post.topics = list(topics)
    unit_page.add_child(instance=post)
    return post


def build_minimal_site():
    """Home, “Đơn vị” with every unit's page, “Giới thiệu”, “Chủ đề”, topics and a few posts.

    Only used when the demo data is not loaded (e.g. a test database built without it).
    """
    if HomePage.objects.exists():
        return HomePage.objects.get()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Công đoàn"},
    )
    for page in Page.objects.filter(depth=2).exclude(pk=home.pk):
        page.delete()
    home.add_child(instance=UnitIndexPage(title="Đơn vị", slug="don-vi"))
    home.add_child(
        instance=AboutPage(
            title="Giới thiệu",
            slug="gioi-thieu",
            history="<p>Liên đoàn Lao động tỉnh Bình Thuận được thành lập năm 1975.</p>",
            org_chart=make_image("Sơ đồ tổ chức"),
            org_chart_caption="Sơ đồ tổ chức Liên đoàn Lao động tỉnh Bình Thuận",
        )
    )
    home.add_child(instance=TopicIndexPage(title="Chủ đề", slug="chu-de"))
    load_organisation(read_organisation_file(DEFAULT_FIXTURE))
    topics = [
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})[0]
        for order, (slug, name) in enumerate(
            [("hoat-dong-cong-doan", "Hoạt động công đoàn"), ("nu-cong", "Nữ công")], start=1
        )
    ]
    unit_pages = list(UnitPage.objects.order_by("unit__report_order")[:3])
    image = make_image()
    make_post(
        unit_pages[0],
        "Đại hội Công đoàn cơ sở nhiệm kỳ 2017 - 2022",
        image=image,
        featured=True,
        topics=topics[:1],
    )
    make_post(unit_pages[0], "Công đoàn tỉnh thăm hỏi công nhân", image=image, topics=topics)
    make_post(unit_pages[1], "Bài viết về chính sách pháp luật", kind="article", image=image)
    return home
