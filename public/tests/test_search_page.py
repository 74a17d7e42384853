"""/tim-kiem/: messages in Vietnamese, highlighted results, pagination that never breaks."""

from datetime import timedelta

import pytest
from django.db import connection

from posts.search import MAX_QUERY_LENGTH
from public import views

from .factories import make_image, make_post
from .html import parse


@pytest.fixture
def many(unit_page):
    image = make_image()
    return [make_post(unit_page, f"Hội thao Ômêga lần {n:02d}", image=image) for n in range(1, 24)]


def test_search_page_without_query(client, home):
    response = client.get("/tim-kiem/")
    assert response.status_code == 200
    assert "Nhập từ khóa" in response.content.decode()


def test_too_long_query_is_refused_politely(client, home):
    response = client.get("/tim-kiem/", {"q": "a" * (MAX_QUERY_LENGTH + 1)})
    assert response.status_code == 200
    assert "Từ khóa quá dài" in response.content.decode()


def test_punctuation_only_query(client, home):
    response = client.get("/tim-kiem/", {"q": "!!! ..."})
    assert response.status_code == 200
    assert "Hãy nhập chữ hoặc số" in response.content.decode()


def test_no_result_message(client, home):
    html = client.get("/tim-kiem/", {"q": "khongcotunaynhu"}).content.decode()
    assert "Không tìm thấy tin - bài nào có “khongcotunaynhu”" in html


def test_results_are_highlighted_in_original_text(client, many):
    response = client.get("/tim-kiem/", {"q": "omega"})
    html = response.content.decode()
    assert "Tìm thấy 23 tin - bài" in html
    assert "<mark>Ômêga</mark>" in html
    assert parse(response).meta("robots") == "noindex, follow"


def test_results_are_escaped(client, unit_page):
    make_post(unit_page, "Tiêu đề <i>Psitest</i>", lead="Sa-pô <img src=x onerror=alert(1)> psitest")
    html = client.get("/tim-kiem/", {"q": "psitest"}).content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; <mark>psitest</mark>" in html
    assert "&lt;i&gt;<mark>Psitest</mark>&lt;/i&gt;" in html


def test_pagination_keeps_the_query(client, many):
    first = client.get("/tim-kiem/", {"q": "omega"}).content.decode()
    assert "trang 1/3" in first
    assert 'href="?q=omega&amp;trang=2"' in first
    third = client.get("/tim-kiem/", {"q": "omega", "trang": "3"}).content.decode()
    assert third.count('class="card"') == 3


@pytest.mark.parametrize(
    ("page", "status"), [("99", 200), ("0", 404), ("-1", 404), ("abc", 404), ("1.5", 404)]
)
def test_bad_page_numbers_never_fail(client, many, page, status):
    response = client.get("/tim-kiem/", {"q": "omega", "trang": page})
    assert response.status_code == status
    if status == 200:
        assert "trang 3/3" in response.content.decode()


def test_very_common_queries_list_newest_first(client, many, monkeypatch):
    """Past RANKED_RESULTS matches the count is capped and the newest come first (no ranking)."""
    monkeypatch.setattr(views, "RANKED_RESULTS", 15)
    titled = make_post(many[0].get_parent(), "Tin cũ", lead="Nói về ômêga trong sa-pô.")
    titled.first_published_at = many[-1].first_published_at - timedelta(days=1)
    titled.save()
    html = client.get("/tim-kiem/", {"q": "omega"}).content.decode()
    assert "Tìm thấy hơn 15 tin - bài có “omega”, tin mới nhất trước (trang 1/2)" in html
    assert html.index("</mark> lần 01<") < html.index("</mark> lần 02<")
    last = client.get("/tim-kiem/", {"q": "omega", "trang": "2"}).content.decode()
    assert "Tin cũ" not in last  # beyond the cap: reachable by a narrower query only


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements: PostgreSQL")
def test_searches_are_planned_for_their_words_while_other_pages_stay_prepared(client, many):
    """PostgreSQL's generic plan of a prepared search cannot know the words and reads the whole
    table (posts.search.planned_for_the_words_searched): a search is never prepared, however often
    a worker's connection runs it; the home page's lists still are."""
    for _ in range(12):
        assert "Ômêga" in client.get("/tim-kiem/", {"q": "omega"}).content.decode()
        assert client.get("/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    searches = [statement for statement in prepared if '"search_text"::text LIKE' in statement]
    assert not searches
    assert [statement for statement in prepared if "UNION ALL" in statement]
