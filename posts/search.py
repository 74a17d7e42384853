"""The public search: accent- and case-blind on SQLite and PostgreSQL alike.

Readers type without diacritics ("cong doan", "dai hoi") or with them, in any case, even
decomposed (NFD) from some keyboards. Wagtail's database backends fold single accents but
never "đ", and PostgreSQL's default text search keeps accents, so we search our own column:
`PostPage.search_text`, the ASCII-folded title, lead, body, authors and tags (built on save
by `PostPage.build_search_text` and by the bulk loader).

Every term must occur (AND), as a substring: "doan" also finds "đoàn viên" and "Công đoàn".
On PostgreSQL migration 0003 adds a trigram GIN index on `search_text`, which serves
`LIKE '%term%'` (terms of three characters or more) without scanning the table.

Ranking is kept simple: posts whose title holds more of the terms come first, then newest
first. The title is not stored folded on its own, but `search_text` begins with it; the
first `len(title)` characters of `search_text` cover the folded title (folding never
lengthens NFC Vietnamese text) and at most a few characters of the lead, which is close
enough to rank by.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import reduce
from operator import add

from django.db import connection
from django.db.models import Case, QuerySet, Value, When
from django.db.models.functions import Length, Substr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from vietnamese.text import fold

from .models import PostPage

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
# Punctuation that sticks to words ("đoàn," “Mái ấm”) but is not part of what readers look for.
_STRIP = "\"'“”‘’«»()[]{}<>.,;:!?…-–—/\\|*#@%^&+=~`"


def query_terms(query: str | None) -> list[str]:
    """The folded, de-duplicated terms of a query: "Công  đoàn, CÔNG" -> ["cong", "doan"]."""
    terms: list[str] = []
    for word in fold(query).split():
        term = word.strip(_STRIP)
        if term and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def search_posts(
    query: str | None, posts: QuerySet[PostPage] | None = None, rank_titles: bool = True
) -> QuerySet[PostPage]:
    """Posts containing every term of `query`: title matches first (`rank_titles`), newest next.

    `posts` narrows what is searched; by default the live posts outside private sections.
    Ranking reads every match, so for a very common query (thousands of matches) callers ask
    for newest-first only, which the database answers from its date index in a few rows
    (see public.views.search).
    """
    terms = query_terms(query)
    if not terms:
        return PostPage.objects.none()
    if posts is None:
        posts = PostPage.objects.live().public()
    for term in terms:
        posts = posts.filter(search_text__contains=term)
    if not rank_titles:
        return posts.order_by("-published_at", "-pk")
    title_hits = reduce(
        add,
        [Case(When(folded_title__contains=term, then=Value(1)), default=Value(0)) for term in terms],
    )
    return (
        posts.alias(folded_title=Substr("search_text", 1, Length("title")))
        .annotate(title_hits=title_hits)
        .order_by("-title_hits", "-published_at", "-pk")
    )


@contextmanager
def planned_for_the_words_searched() -> Iterator[None]:
    """On PostgreSQL, the queries run inside are planned for their own values, never prepared.

    psycopg prepares a statement once the connection has run it DB_PREPARE_THRESHOLD times
    (congdoan/settings/base.py: the home page's lists then skip 3.5 ms of planning), and after
    five runs of a prepared statement PostgreSQL may keep one generic plan for any values. For a
    search that plan cannot know the words, so it cannot know the trigram index finds few rows,
    and reads the whole table: measured at 100 000 posts, from the eleventh search on a worker's
    connection the results took 700-940 ms instead of 25 ms (bench/measure.py, warm-up of 6).
    Other pages keep their prepared statements: the threshold is restored on the way out.
    """
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    driver_connection = connection.connection
    threshold = driver_connection.prepare_threshold
    driver_connection.prepare_threshold = None  # psycopg: nothing prepared, nothing reused
    try:
        yield
    finally:
        driver_connection.prepare_threshold = threshold


def _fold_char(char: str) -> str:
    """`fold` of one character, without whitespace handling: "Ắ" -> "a", "đ" -> "d", U+0301 -> ""."""
    if char in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def highlight(text: str | None, terms: list[str]) -> SafeString:
    """Escape `text` and wrap the spans matching folded `terms` in <mark>, keeping the accents.

    highlight("Đại hội Công đoàn", ["dai", "doan"])
    -> "<mark>Đại</mark> hội Công <mark>đoàn</mark>"

    The text is folded character by character with a map from each folded character back to
    the original one, so matches are found in folded text and marked in the original, whether
    it is composed (NFC) or decomposed (NFD).
    """
    text = text or ""
    folded: list[str] = []
    origin: list[int] = []  # origin[i]: index in `text` of the character folded[i] came from
    for index, char in enumerate(text):
        for folded_char in _fold_char(char):
            folded.append(folded_char)
            origin.append(index)
    haystack = "".join(folded)

    spans: list[tuple[int, int]] = []
    for term in {t for t in terms if t}:
        start = haystack.find(term)
        while start != -1:
            end = origin[start + len(term) - 1] + 1
            # Take along the combining marks of the last matched letter (NFD text).
            while end < len(text) and not _fold_char(text[end]):
                end += 1
            spans.append((origin[start], end))
            start = haystack.find(term, start + len(term))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        # Overlapping matches, or words separated only by spaces ("Đại hội"), make one mark.
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])

    parts = []
    position = 0
    for start, end in merged:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    # Reviewed: every piece of `text` is escaped above; the only markup is our <mark>.
    return mark_safe("".join(parts))  # nosec B308 B703
