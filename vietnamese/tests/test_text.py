import unicodedata

import pytest

from vietnamese.text import fold, nfc, slugify


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


SAMPLES = [
    "Công đoàn",
    "Đại hội Công đoàn tỉnh lần thứ XI",
    "Người lao động",
    "Liên đoàn Lao động tỉnh Bình Thuận",
    "Quỹ “Mái ấm Công đoàn” 2017!",
    "ỨNG DỤNG Ưu Đãi",
]


def test_nfc():
    assert nfc(nfd("Công đoàn")) == "Công đoàn"
    assert nfc(None) is None
    assert nfc("") == ""


FOLD_CASES = [
    ("Công đoàn", "cong doan"),
    (nfd("Công đoàn"), "cong doan"),
    ("Đại hội", "dai hoi"),
    ("ĐẠI HỘI", "dai hoi"),
    ("  Người   lao\tđộng \n", "nguoi lao dong"),
    ("Ưu đãi", "uu dai"),
    ("", ""),
    (None, ""),
]


@pytest.mark.parametrize(("value", "expected"), FOLD_CASES)
def test_fold(value, expected):
    assert fold(value) == expected


@pytest.mark.parametrize("value", SAMPLES)
def test_fold_properties(value):
    folded = fold(value)
    assert fold(folded) == folded  # idempotent
    assert fold(nfd(value)) == folded
    assert folded.isascii() or not value.isascii()


SLUG_CASES = [
    ("Đại hội Công đoàn tỉnh lần thứ XI", "dai-hoi-cong-doan-tinh-lan-thu-xi"),
    ("Quỹ “Mái ấm Công đoàn” 2017!", "quy-mai-am-cong-doan-2017"),
    ("  --Người lao động--  ", "nguoi-lao-dong"),
    ("", "bai-viet"),
    (None, "bai-viet"),
    ("!!!", "bai-viet"),
    ("中文", "bai-viet"),
]


@pytest.mark.parametrize(("value", "expected"), SLUG_CASES)
def test_slugify(value, expected):
    assert slugify(value) == expected


@pytest.mark.parametrize("value", SAMPLES)
def test_slugify_nfc_nfd_same(value):
    slug = slugify(value)
    assert slug == slugify(nfd(value))
    assert slug.isascii() and slug and "--" not in slug
    assert not slug.startswith("-") and not slug.endswith("-")


@pytest.mark.parametrize("max_length", [5, 10, 20, 33, 80])
def test_slugify_max_length(max_length):
    slug = slugify("Đại hội Công đoàn tỉnh lần thứ XI nhiệm kỳ 2023 2028", max_length=max_length)
    assert 0 < len(slug) <= max_length
    assert not slug.endswith("-")


def test_slugify_cuts_at_word_boundary():
    assert slugify("Đại hội Công đoàn", max_length=10) == "dai-hoi"
    assert slugify("Đại hội Công đoàn", max_length=7) == "dai-hoi"
