"""Wagtail's read-only API v2: published pages (and their images) only."""

from posts.models import PostPage

from .factories import make_image, make_post


def test_pages_endpoint_lists_live_pages_only(client, unit_page):
    draft = make_post(unit_page, "Bản nháp không có trong API", live=False)
    response = client.get("/api/v2/pages/", {"type": "posts.NewsPage", "limit": 50})
    assert response.status_code == 200
    data = response.json()
    assert data["meta"]["total_count"] == PostPage.objects.live().filter(kind="news").count()
    ids = {item["id"] for item in data["items"]}
    assert draft.pk not in ids
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    live = PostPage.objects.live().first()
    detail = client.get(f"/api/v2/pages/{live.pk}/").json()
    assert detail["title"] == live.title


def test_api_is_read_only(client, home):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


def test_images_endpoint_hides_images_of_drafts(client, unit_page):
    secret = make_image("Ảnh của bản nháp")
    make_post(unit_page, "Bản nháp có ảnh riêng", live=False, image=secret)
    shown = PostPage.objects.live().first().images.first().image
    response = client.get("/api/v2/images/", {"limit": 50})
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    assert shown.pk in ids
    assert secret.pk not in ids
    assert client.get(f"/api/v2/images/{secret.pk}/").status_code == 404


def test_post_fields_for_syndication(client, post):
    data = client.get(f"/api/v2/pages/{post.pk}/").json()
    assert data["lead"] == post.lead
    assert data["kind"] == post.kind
    assert data["unit_name"] == post.unit.name
    assert data["meta"]["first_published_at"]
    assert data["images"][0]["caption"] == post.images.first().caption
    assert [author["name"] for author in data["authors"]] == [a.name for a in post.authors.all()]
    # Nothing of the royalty desk or the search index.
    assert "grade" not in data and "search_text" not in data
    assert all("share_percent" not in author for author in data["authors"])
