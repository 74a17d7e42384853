"""Open Graph tags and schema.org NewsArticle data on post pages."""

import json
from datetime import datetime

from django.utils import timezone

from .factories import make_post
from .html import parse


def json_ld(document):
    scripts = document.find_all("script", type_="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def test_open_graph_and_news_article(client, post):
    document = parse(client.get(post.url))
    assert document.meta("og:type") == "article"
    assert document.meta("og:title") == post.title
    assert document.meta("og:url") == f"http://testserver{post.url}"
    assert document.meta("og:image").startswith("http://testserver/media/")
    assert document.meta("og:image:alt") == post.images.first().caption
    published = timezone.localtime(post.first_published_at).isoformat()
    assert document.meta("article:published_time") == published
    assert published.endswith("+07:00")
    assert document.meta("og:locale") == "vi_VN"

    data = json_ld(document)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == post.title
    assert datetime.fromisoformat(data["datePublished"]) == post.first_published_at
    assert data["author"] == [{"@type": "Person", "name": a.name} for a in post.authors.all()]
    assert data["image"][0].startswith("http://testserver/media/")
    assert data["publisher"]["name"] == "Công đoàn Bình Thuận"
    assert data["mainEntityOfPage"] == f"http://testserver{post.url}"


def test_json_ld_cannot_close_its_script(client, unit_page):
    post = make_post(unit_page, "Tiêu đề </script><script>alert(1)</script>", lead="A & B <tag>")
    response = client.get(post.url)
    html = response.content.decode()
    start = html.index('<script type="application/ld+json">')
    body = html[start : html.index("</script>", start)]
    assert "<" not in body[len('<script type="application/ld+json">') :]
    data = json_ld(parse(response))
    assert data["headline"] == post.title
    assert data["description"] == "A & B <tag>"
