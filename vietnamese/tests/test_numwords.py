import pytest

from vietnamese.numwords import amount_in_words, number_to_words

WORD_CASES = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),  # accounting form
    (25, "hai mươi lăm"),
    (50, "năm mươi"),
    (55, "năm mươi lăm"),
    (91, "chín mươi mốt"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (1000, "một nghìn"),
    (1005, "một nghìn không trăm linh năm"),
    (1014, "một nghìn không trăm mười bốn"),
    (1050, "một nghìn không trăm năm mươi"),
    (1100, "một nghìn một trăm"),
    (10000, "mười nghìn"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (1000001, "một triệu không trăm linh một"),  # all-zero groups are skipped
    (1210000, "một triệu hai trăm mười nghìn"),
    (1234000, "một triệu hai trăm ba mươi tư nghìn"),
    (2001001, "hai triệu không trăm linh một nghìn không trăm linh một"),
    (1000000000, "một tỷ"),
    (1000000005, "một tỷ không trăm linh năm"),
    (1500000000, "một tỷ năm trăm triệu"),
    (2000000000000, "hai nghìn tỷ"),
    (1001000000000, "một nghìn không trăm linh một tỷ"),
    (-5, "âm năm"),
    (-1234000, "âm một triệu hai trăm ba mươi tư nghìn"),
]


@pytest.mark.parametrize(("value", "expected"), WORD_CASES)
def test_number_to_words(value, expected):
    assert number_to_words(value) == expected


AMOUNT_CASES = [
    (1210000, "Một triệu hai trăm mười nghìn đồng chẵn"),
    (0, "Không đồng chẵn"),
    (105, "Một trăm linh năm đồng chẵn"),
    (-5000, "Âm năm nghìn đồng chẵn"),
]


@pytest.mark.parametrize(("amount", "expected"), AMOUNT_CASES)
def test_amount_in_words(amount, expected):
    assert amount_in_words(amount) == expected


@pytest.mark.parametrize("bad", [1.0, "10", None, False])
def test_rejects_non_int(bad):
    with pytest.raises(TypeError):
        number_to_words(bad)
    with pytest.raises(TypeError):
        amount_in_words(bad)


@pytest.mark.parametrize("start", range(0, 10001, 1000))
def test_well_formed_for_0_to_10000(start):
    for n in range(start, min(start + 1000, 10001)):
        words = number_to_words(n)
        assert words and words == words.strip() and "  " not in words
        assert words == words.lower()
        assert "linh" not in words or n % 100 < 10
        assert number_to_words(-n) == (f"âm {words}" if n else words)


@pytest.mark.parametrize("n", [10**k + d for k in range(3, 16) for d in (0, 1, 5, 10, 15, 24, 999)])
def test_well_formed_large(n):
    words = number_to_words(n)
    assert "  " not in words and not words.startswith("không")
