"""The public search ignores diacritics and case, on SQLite and on PostgreSQL alike."""

import unicodedata

import pytest

from posts.models import PostPage
from posts.search import MAX_TERMS, highlight, query_terms, search_posts
from public.tests.factories import make_image, make_post
from units.models import UnitPage


def nfd(text):
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def unit_page(db):
    return UnitPage.objects.get(unit__code="van-phong")


@pytest.fixture
def posts(unit_page):
    image = make_image()
    return {
        "cong_doan": make_post(unit_page, "Xôn xao Công đoàn Zêta thăm hỏi", image=image),
        "dai_hoi": make_post(unit_page, "Đại hội Zêta lần thứ XI", image=image),
        "lead_only": make_post(
            unit_page, "Hội nghị tổng kết Zêta", lead="Bàn về đại hội công đoàn sắp tới.", image=image
        ),
        "draft": make_post(unit_page, "Bản nháp Đại hội Zêta", live=False, image=image),
    }


def titles(query):
    return [post.title for post in search_posts(query)]


QUERY_TERMS = [
    ("cong doan", ["cong", "doan"]),
    ("Công đoàn", ["cong", "doan"]),
    ("CÔNG  ĐOÀN", ["cong", "doan"]),
    (nfd("Công đoàn"), ["cong", "doan"]),
    ("“Mái ấm”, công đoàn!", ["mai", "am", "cong", "doan"]),
    ("doan doan Đoàn", ["doan"]),
    ("  ", []),
    ("...", []),
    (None, []),
]


@pytest.mark.parametrize(("query", "expected"), QUERY_TERMS)
def test_query_terms(query, expected):
    assert query_terms(query) == expected


def test_query_terms_are_capped():
    assert len(query_terms(" ".join(f"tu{n}" for n in range(50)))) == MAX_TERMS


@pytest.mark.parametrize(
    "query",
    ["cong doan zeta", "Công đoàn Zêta", "CONG DOAN ZETA", nfd("công đoàn zêta"), "Cong Doan Zeta"],
)
def test_unaccented_or_accented_query_finds_accented_title(posts, query):
    assert posts["cong_doan"].title in titles(query)


@pytest.mark.parametrize("query", ["DAI HOI zeta", "dai hoi zeta", "đại hội zêta", nfd("ĐẠI HỘI ZÊTA")])
def test_d_with_stroke_is_folded(posts, query):
    found = titles(query)
    assert posts["dai_hoi"].title in found
    assert posts["lead_only"].title in found  # "đại hội" in its lead


def test_every_term_must_match(posts):
    assert titles("dai hoi zeta khongcotu") == []
    assert posts["cong_doan"].title not in titles("dai hoi zeta")


def test_drafts_are_never_found(posts):
    assert posts["draft"].title not in titles("ban nhap dai hoi zeta")
    assert not search_posts("ban nhap zeta").filter(pk=posts["draft"].pk).exists()


def test_title_matches_rank_first(posts):
    found = titles("dai hoi zeta")
    assert found.index(posts["dai_hoi"].title) < found.index(posts["lead_only"].title)


def test_empty_query_finds_nothing(posts):
    assert not search_posts("").exists()
    assert not search_posts(" ,. ").exists()


def test_search_text_starts_with_the_folded_title(posts):
    # The title-first ranking reads the title from the start of search_text (posts/search.py).
    post = PostPage.objects.get(pk=posts["dai_hoi"].pk)
    assert post.search_text.startswith("dai hoi zeta lan thu xi")


HIGHLIGHT_CASES = [
    ("Đại hội Công đoàn", ["dai", "doan"], "<mark>Đại</mark> hội Công <mark>đoàn</mark>"),
    ("Đại hội Công đoàn", ["dai", "hoi"], "<mark>Đại hội</mark> Công đoàn"),
    ("ĐẠI HỘI", ["hoi"], "ĐẠI <mark>HỘI</mark>"),
    ("<b>Công</b> & đoàn", ["cong"], "&lt;b&gt;<mark>Công</mark>&lt;/b&gt; &amp; đoàn"),
    ("Không có gì", ["zzz"], "Không có gì"),
    ("", ["cong"], ""),
    ("a<script>", ["script"], "a&lt;<mark>script</mark>&gt;"),
]


@pytest.mark.parametrize(("text", "terms", "expected"), HIGHLIGHT_CASES)
def test_highlight(text, terms, expected):
    assert highlight(text, terms) == expected


def test_highlight_keeps_decomposed_text_whole():
    text = nfd("Công đoàn")
    marked = highlight(text, ["doan"])
    # The mark closes after the combining accents of the last letter, not in the middle of one.
    assert marked == nfd("Công <mark>đoàn</mark>")
    assert unicodedata.normalize("NFC", marked) == "Công <mark>đoàn</mark>"
