"""Photos of the public pages: `<picture>` of AVIF/WebP renditions, made once by the demo loader."""

import re

import pytest
from django.template import Context, Template
from wagtail.images import get_image_model

from posts.models import PostImage
from public import renditions
from public.models import AboutPage

pytestmark = pytest.mark.django_db


def render(image, **attrs):
    template = Template(
        '{% load picture_tags %}{% responsive_image image "card" sizes=sizes alt=alt loading=loading %}'
    )
    return template.render(Context({"image": image, **attrs}))


def test_specs_have_every_size_in_every_format():
    assert renditions.specs("card")[-1] == "fill-960x600|format-webp"
    webp = [spec for spec in renditions.WIDE_RENDITIONS if spec.endswith("format-webp")]
    assert webp == ["width-480|format-webp", "width-800|format-webp", "width-1200|format-webp"]
    avif = [spec for spec in renditions.WIDE_RENDITIONS if "format-avif" in spec]
    assert len(avif) == (3 if renditions.AVIF_SUPPORTED else 0)
    assert all(spec.endswith("|avifquality-55") for spec in avif)


def test_responsive_image_is_a_picture_with_sizes_and_dimensions():
    image = PostImage.objects.select_related("image").first().image
    html = render(image, sizes="(min-width: 40em) 11rem, 7.5rem", alt="Ảnh <thử>", loading="lazy")
    assert html.startswith("<picture>") and html.endswith("</picture>")
    img = re.search(r"<img[^>]*>", html).group(0)
    assert 'width="480"' in img and 'height="300"' in img
    assert re.search(r'src="/media/images/[^"]+\.format-webp\.webp"', img)
    assert re.search(r'srcset="[^"]+ 480w, [^"]+ 960w"', img)
    assert 'sizes="(min-width: 40em) 11rem, 7.5rem"' in img and 'loading="lazy"' in img
    assert 'alt="Ảnh &lt;thử&gt;"' in img
    sources = re.findall(r"<source[^>]*>", html)
    if renditions.AVIF_SUPPORTED:
        assert len(sources) == 1 and 'type="image/avif"' in sources[0] and ".avif 960w" in sources[0]
    else:
        assert sources == []


def test_no_image_renders_nothing():
    assert render(None, sizes="100vw", alt="", loading="lazy") == ""


def test_demo_photos_have_their_renditions_before_the_first_reader(client):
    """load_demo makes them: showing the home page and a post creates no rendition (no AVIF wait)."""
    rendition_model = get_image_model().get_rendition_model()
    before = rendition_model.objects.count()
    home = client.get("/")
    assert home.status_code == 200 and "<picture>" in home.content.decode()
    post = (
        PostImage.objects.filter(page__live=True)
        .select_related("page")
        .order_by("-page__first_published_at")
        .first()
        .page
    )
    assert client.get(post.url).status_code == 200
    assert rendition_model.objects.count() == before


def test_about_page_links_the_org_chart_at_full_size(client):
    html = client.get(AboutPage.objects.live().get().url).content.decode()
    link = re.search(r'<a href="([^"]+)">Xem sơ đồ cỡ lớn</a>', html)
    assert link and link.group(1).endswith(".width-1200.format-webp.webp")
    assert 'sizes="(min-width: 64em) 27rem, 100vw"' in html
