import random
import unicodedata

import pytest

from vietnamese.sorting import people_sorted, sort_key, vietnamese_sorted

ORDER_CASES = [
    (
        ["Đức Linh", "Bắc Bình", "Hàm Tân", "An Nhơn", "Ân", "Ă", "Dương", "Ba"],
        ["An Nhơn", "Ă", "Ân", "Ba", "Bắc Bình", "Dương", "Đức Linh", "Hàm Tân"],
    ),
    # Tone order: ngang, huyền, hỏi, ngã, sắc, nặng.
    (["mạ", "má", "mã", "mả", "mà", "ma"], ["ma", "mà", "mả", "mã", "má", "mạ"]),
    # Letters first, tone only breaks ties within a syllable.
    (["mác", "mạ", "ma"], ["ma", "mạ", "mác"]),
    # Syllable by syllable, as in dictionaries.
    (["Bà Rịa", "Ba Vì", "Ba"], ["Ba", "Ba Vì", "Bà Rịa"]),
    (["o", "ơ", "ô", "e", "ê", "u", "ư", "a", "â", "ă"], ["a", "ă", "â", "e", "ê", "o", "ô", "ơ", "u", "ư"]),
    (["Đà Lạt", "Duy", "Dân", "Đa", "Dz"], ["Dân", "Duy", "Dz", "Đa", "Đà Lạt"]),
    (["Ưng", "Uông", "Út", "Vân"], ["Uông", "Út", "Ưng", "Vân"]),
    (["bình", "Bình", "BA"], ["BA", "bình", "Bình"]),
]


@pytest.mark.parametrize(("items", "expected"), ORDER_CASES)
def test_vietnamese_sorted(items, expected):
    assert vietnamese_sorted(items) == expected
    shuffled = list(items)
    random.Random(1).shuffle(shuffled)
    assert [sort_key(s) for s in vietnamese_sorted(shuffled)] == [sort_key(s) for s in expected]


def test_d_stroke_after_all_d_words():
    words = ["Dương", "Dzũng", "Dy", "Dư", "Đa", "Đ"]
    result = vietnamese_sorted(words)
    assert result.index("Đ") > max(result.index(w) for w in words if w.startswith("D"))


def test_u_horn_after_all_u_words():
    words = ["Ư", "Uyên", "Uỷ", "Uy", "Ữ"]
    result = vietnamese_sorted(words)
    assert result[-2:] == ["Ư", "Ữ"]


@pytest.mark.parametrize("word", ["Đức Linh", "Bắc Bình", "Hàm Tân", "Nguyễn Thị Ậu", "Ưu"])
def test_nfd_and_case_insensitive(word):
    key = sort_key(word)
    assert sort_key(unicodedata.normalize("NFD", word)) == key
    assert sort_key(word.upper()) == key
    assert sort_key(word.lower()) == key


def test_key_argument_and_reverse():
    rows = [{"name": "Đức Linh"}, {"name": "Ba"}, {"name": "Ân"}]
    assert [r["name"] for r in vietnamese_sorted(rows, key=lambda r: r["name"])] == ["Ân", "Ba", "Đức Linh"]
    assert vietnamese_sorted(["Ba", "Ân", "Đức"], reverse=True) == ["Đức", "Ba", "Ân"]


def test_digits_before_letters():
    assert vietnamese_sorted(["Ba", "2", "10", "An"]) == ["10", "2", "An", "Ba"]


PEOPLE_CASES = [
    # By given name (tên), then family and middle names (họ và tên đệm).
    (
        ["Nguyễn Văn Minh", "Trần Thị Lan", "Lê Văn Hùng", "Đỗ Thị An", "Bùi Thị An", "Ánh"],
        ["Bùi Thị An", "Đỗ Thị An", "Ánh", "Lê Văn Hùng", "Trần Thị Lan", "Nguyễn Văn Minh"],
    ),
    (["Phạm Đức", "Phạm Dũng", "Võ Ân", "Võ Ăn"], ["Võ Ăn", "Võ Ân", "Phạm Dũng", "Phạm Đức"]),
]


@pytest.mark.parametrize(("people", "expected"), PEOPLE_CASES)
def test_people_sorted_by_given_name(people, expected):
    assert people_sorted(people) == expected
    decomposed = [unicodedata.normalize("NFD", p) for p in people]
    assert [unicodedata.normalize("NFC", p) for p in people_sorted(decomposed)] == expected
    assert people_sorted(["  "]) == ["  "]
