from decimal import Decimal

import pytest

from vietnamese.money import format_number, format_vnd

VND_CASES = [
    (0, "0 đ"),
    (5, "5 đ"),
    (999, "999 đ"),
    (1000, "1.000 đ"),
    (1234000, "1.234.000 đ"),
    (-1234000, "-1.234.000 đ"),
    (-5, "-5 đ"),
    (1000000000, "1.000.000.000 đ"),
]


@pytest.mark.parametrize(("amount", "expected"), VND_CASES)
def test_format_vnd(amount, expected):
    assert format_vnd(amount) == expected


NUMBER_CASES = [(0, "0"), (12, "12"), (1234, "1.234"), (1234000, "1.234.000"), (-100000, "-100.000")]


@pytest.mark.parametrize(("n", "expected"), NUMBER_CASES)
def test_format_number(n, expected):
    assert format_number(n) == expected


@pytest.mark.parametrize("bad", [1.5, 1000.0, Decimal("1000"), "1000", None, True])
def test_rejects_non_int(bad):
    with pytest.raises(TypeError):
        format_vnd(bad)
    with pytest.raises(TypeError):
        format_number(bad)


@pytest.mark.parametrize("start", [-2_000_000, -1000, 0, 999_000, 10**12])
def test_format_number_round_trips(start):
    for n in range(start, start + 2001):
        assert int(format_number(n).replace(".", "")) == n
