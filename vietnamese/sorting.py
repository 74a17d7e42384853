"""Vietnamese alphabetical order (dictionary order)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")

# Vietnamese alphabet; f, j, w, z (loanwords) are slotted in Latin order.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
    "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]  # fmt: skip
_LETTER_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}

# Marks that make a distinct letter (ă â ê ô ơ ư).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tone order of Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

SortKey = tuple[tuple[tuple[tuple[int, int], ...], int], ...]


def _syllable_key(syllable: str) -> tuple[tuple[tuple[int, int], ...], int]:
    letters: list[tuple[int, int]] = []
    tone = 0
    base = ""
    marks = ""

    def flush() -> None:
        if not base:
            return
        letter = unicodedata.normalize("NFC", base + marks)
        if letter in _LETTER_RANK:
            letters.append((1, _LETTER_RANK[letter]))
        else:
            # Digits and punctuation sort before letters, by code point.
            letters.append((0, ord(base)))

    for char in unicodedata.normalize("NFD", syllable):
        if unicodedata.combining(char):
            if char in _TONE_RANK:
                tone = _TONE_RANK[char]
            elif char in _LETTER_MARKS:
                marks += char
            continue
        flush()
        base, marks = char, ""
    flush()
    return (tuple(letters), tone)


def sort_key(s: str) -> SortKey:
    """Key for Vietnamese alphabetical order, case-insensitive, NFC/NFD-agnostic.

    Dictionary order compares syllable by syllable: letters first, then tone
    (ngang, huyền, hỏi, ngã, sắc, nặng), so "Ba Vì" < "Bà Rịa" < "Bắc Bình".
    """
    return tuple(_syllable_key(part) for part in s.lower().split())


def vietnamese_sorted(
    iterable: Iterable[T], key: Callable[[T], str] | None = None, reverse: bool = False
) -> list[T]:
    """sorted() in Vietnamese order; ``key`` extracts the string to compare."""
    extract: Callable[[Any], str] = key or str
    return sorted(iterable, key=lambda item: sort_key(extract(item)), reverse=reverse)


def person_sort_key(full_name: str) -> tuple[SortKey, SortKey, str]:
    """Key for lists of people, Vietnamese style: given name (the last word) first, then the
    family and middle names, so "Lê Văn Hùng" < "Trần Thị Lan" < "Nguyễn Văn Minh"."""
    words = full_name.split()
    if not words:
        return ((), (), "")
    return (sort_key(words[-1]), sort_key(" ".join(words[:-1])), full_name)


def people_sorted(
    iterable: Iterable[T], key: Callable[[T], str] | None = None, reverse: bool = False
) -> list[T]:
    """sorted() of people by ``person_sort_key``; ``key`` extracts the full name."""
    extract: Callable[[Any], str] = key or str
    return sorted(iterable, key=lambda item: person_sort_key(extract(item)), reverse=reverse)
