"""Unicode normalisation, accent folding for search, and ASCII slugs."""

from __future__ import annotations

import re
import unicodedata
from typing import overload

DEFAULT_SLUG = "bai-viet"


@overload
def nfc(s: str) -> str: ...
@overload
def nfc(s: None) -> None: ...
def nfc(s: str | None) -> str | None:
    """NFC-normalise; None stays None.

    Text pasted from Word or macOS often arrives decomposed (NFD), which breaks
    equality, search and sorting.
    """
    return None if s is None else unicodedata.normalize("NFC", s)


def fold(s: str | None) -> str:
    """Lowercase ASCII folding for search: "Đại hội" -> "dai hoi"."""
    if not s:
        return ""
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFC", s))
    # đ/Đ have no decomposition, so map them explicitly.
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return " ".join(stripped.lower().split())


def slugify(s: str | None, max_length: int = 80) -> str:
    """ASCII slug, never empty: "Đại hội lần thứ XI" -> "dai-hoi-lan-thu-xi"."""
    ascii_text = fold(s).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        # Prefer cutting at a word boundary.
        if slug[max_length] != "-" and "-" in cut:
            cut = cut.rsplit("-", 1)[0]
        slug = cut.strip("-")
    return slug or DEFAULT_SLUG
