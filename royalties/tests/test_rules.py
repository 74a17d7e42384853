"""Royalty arithmetic as named tables of cases (EXAMPLES.md habit 7)."""

import subprocess
import sys
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest

from royalties import rules
from royalties.rules import PhotoExtra, Rate, RuleError, TaxPolicy

ROUNDING = [
    # (name, value, step, expected)
    ("exact", 181_500, 100, 181_500),
    ("half goes up", Fraction(151_250), 100, 151_300),
    ("just below half goes down", 151_249, 100, 151_200),
    ("just above half goes up", 151_251, 100, 151_300),
    ("negative half goes away from zero", -151_250, 100, -151_300),
    ("step 1000", 48_500, 1000, 49_000),
    ("step 1 keeps đồng", Fraction(121_001, 2), 1, 60_501),
    ("step 1 half up", Fraction(1, 2), 1, 1),
    ("zero", 0, 100, 0),
    ("decimal input", D("48650.0"), 100, 48_700),
]


@pytest.mark.parametrize(("name", "value", "step", "expected"), ROUNDING, ids=[c[0] for c in ROUNDING])
def test_round_half_up(name, value, step, expected):
    assert rules.round_half_up(value, step) == expected


def test_round_refuses_floats():
    with pytest.raises(TypeError):
        rules.round_half_up(1.5, 1)


NEWS_B = Rate(coefficient=D("1.5"))
ARTICLE_A = Rate(coefficient=D(6))
PHOTO_03_CAP3 = PhotoExtra(Rate(coefficient=D("0.3")), cap=3)
PHOTO_20000_NOCAP = PhotoExtra(Rate(amount=20_000), cap=None)

AMOUNTS = [
    # (name, rate, photos, photo extra, base salary, step, amount, coefficient, counted photos)
    ("news B, no photo extra, 2016 salary", NEWS_B, 1, None, 1_210_000, 100, 181_500, Fraction(3, 2), 0),
    ("news B, 2017 salary", NEWS_B, 0, PHOTO_03_CAP3, 1_300_000, 100, 195_000, Fraction(3, 2), 0),
    ("news B + 2 photos", NEWS_B, 2, PHOTO_03_CAP3, 1_210_000, 100, 254_100, Fraction(21, 10), 2),
    ("photo cap: 5 photos count 3", NEWS_B, 5, PHOTO_03_CAP3, 1_210_000, 100, 290_400, Fraction(24, 10), 3),
    ("photo cap: exactly 3", NEWS_B, 3, PHOTO_03_CAP3, 1_210_000, 100, 290_400, Fraction(24, 10), 3),
    ("article A + 3 photos", ARTICLE_A, 4, PHOTO_03_CAP3, 1_210_000, 100, 834_900, Fraction(69, 10), 3),
    ("2024 salary", ARTICLE_A, 0, None, 2_340_000, 100, 1_404_000, Fraction(6), 0),
    (
        "rounding 151 250 → 151 300",
        Rate(coefficient=D("1.25")),
        0,
        None,
        1_210_000,
        100,
        151_300,
        D("1.25"),
        0,
    ),
    ("rounding 48 650 → 48 700", Rate(coefficient=D("0.35")), 0, None, 1_390_000, 100, 48_700, D("0.35"), 0),
    ("no rounding", Rate(coefficient=D("0.35")), 0, None, 1_390_000, 1, 48_650, D("0.35"), 0),
    ("fixed sum", Rate(amount=150_000), 2, None, None, 100, 150_000, None, 0),
    (
        "fixed sum + fixed photos, no cap",
        Rate(amount=150_000),
        6,
        PHOTO_20000_NOCAP,
        None,
        100,
        270_000,
        None,
        6,
    ),
    (
        "fixed sum + coefficient photos",
        Rate(amount=150_000),
        2,
        PHOTO_03_CAP3,
        1_210_000,
        100,
        222_600,
        D("0.6"),
        2,
    ),
    ("coefficient + fixed photos", NEWS_B, 2, PHOTO_20000_NOCAP, 1_210_000, 100, 221_500, Fraction(3, 2), 2),
    ("fixed sum rounded to step", Rate(amount=150_050), 0, None, None, 100, 150_100, None, 0),
]


@pytest.mark.parametrize(
    ("name", "rate", "photos", "extra", "salary", "step", "amount", "coefficient", "counted"),
    AMOUNTS,
    ids=[c[0] for c in AMOUNTS],
)
def test_post_amount(name, rate, photos, extra, salary, step, amount, coefficient, counted):
    result = rules.post_amount(rate, photos, extra, salary, step)
    assert result.amount == amount
    assert result.coefficient == coefficient
    assert result.counted_photos == counted


def test_coefficient_without_base_salary_is_an_error():
    with pytest.raises(RuleError) as error:
        rules.post_amount(NEWS_B, 0, None, None)
    assert error.value.code == "base_salary_missing"


@pytest.mark.parametrize("kwargs", [{}, {"amount": 1, "coefficient": D(1)}], ids=["none", "both"])
def test_rate_needs_exactly_one_value(kwargs):
    with pytest.raises(RuleError):
        Rate(**kwargs)


def test_rate_refuses_float_coefficient():
    with pytest.raises(TypeError):
        Rate(coefficient=1.5)


SHARES = [
    # (name, percents, expected fractions)
    ("one author", [None], [Fraction(1)]),
    ("equal by default", [None, None, None], [Fraction(1, 3)] * 3),
    ("all given", [60, 40], [Fraction(3, 5), Fraction(2, 5)]),
    ("blanks share the rest", [50, None, None], [Fraction(1, 2), Fraction(1, 4), Fraction(1, 4)]),
    ("zero share allowed", [100, 0], [Fraction(1), Fraction(0)]),
]


@pytest.mark.parametrize(("name", "percents", "expected"), SHARES, ids=[c[0] for c in SHARES])
def test_resolve_shares(name, percents, expected):
    assert rules.resolve_shares(percents) == expected


BAD_SHARES = [
    ("no authors", [], "no_authors"),
    ("all given but 90", [50, 40], "shares_not_100"),
    ("over 100", [80, 30, None], "shares_not_100"),
    ("negative", [-10, None], "share_negative"),
]


@pytest.mark.parametrize(("name", "percents", "code"), BAD_SHARES, ids=[c[0] for c in BAD_SHARES])
def test_bad_shares(name, percents, code):
    with pytest.raises(RuleError) as error:
        rules.resolve_shares(percents)
    assert error.value.code == code


SPLITS = [
    # (name, amount, percents, step, parts): parts always add up to amount
    ("even split", 181_500, [None, None, None], 100, [60_500, 60_500, 60_500]),
    ("largest remainder, in 100 đ units", 151_300, [None, None, None], 100, [50_500, 50_400, 50_400]),
    ("two authors, odd hundreds", 254_100, [None, None], 100, [127_100, 127_000]),
    ("60/40", 254_100, [60, 40], 100, [152_500, 101_600]),
    ("tie goes to the earlier author", 300, [None, None, None, None], 100, [100, 100, 100, 0]),
    ("amount not a multiple of the step: 1 đ units", 100_001, [None, None], 100, [50_001, 50_000]),
    ("step 1", 10, [None, None, None], 1, [4, 3, 3]),
    ("negative amount", -151_300, [None, None, None], 100, [-50_500, -50_400, -50_400]),
]


@pytest.mark.parametrize(("name", "amount", "percents", "step", "parts"), SPLITS, ids=[c[0] for c in SPLITS])
def test_split_amount(name, amount, percents, step, parts):
    result = rules.split_amount(amount, percents, step)
    assert result == parts
    assert sum(result) == amount


TAX = [
    # (name, gross, policy, tax)  Circular 111/2013/TT-BTC: >= 2 000 000 đ in one payment
    ("below the threshold", 1_999_900, TaxPolicy(), 0),
    ("at the threshold", 2_000_000, TaxPolicy(), 200_000),
    ("above", 2_345_600, TaxPolicy(), 234_560),
    ("odd amount rounds to đồng", 2_000_005, TaxPolicy(), 200_001),
    ("negative (an adjustment)", -300_000, TaxPolicy(), 0),
    ("other threshold", 1_500_000, TaxPolicy(threshold=1_000_000, rate=D("0.1")), 150_000),
    ("other rate", 3_000_000, TaxPolicy(rate=Fraction(5, 100)), 150_000),
]


@pytest.mark.parametrize(("name", "gross", "policy", "tax"), TAX, ids=[c[0] for c in TAX])
def test_withheld_tax(name, gross, policy, tax):
    assert rules.withheld_tax(gross, policy) == tax


def test_payment_spreads_tax_over_lines():
    payment, taxes = rules.payment([834_900, 834_900, 400_000])
    assert payment.gross == 2_069_800
    assert payment.tax == 206_980
    assert payment.net == 2_069_800 - 206_980
    assert sum(taxes) == payment.tax
    assert taxes == [83_490, 83_490, 40_000]


def test_payment_below_threshold_has_no_tax():
    payment, taxes = rules.payment([1_000_000, 999_900])
    assert (payment.tax, taxes) == (0, [0, 0])


def test_negative_adjustment_lowers_the_payment_and_takes_no_tax():
    payment, taxes = rules.payment([2_100_000, -200_000])
    assert payment.gross == 1_900_000
    assert payment.tax == 0
    assert taxes == [0, 0]


def test_totals_add_lines():
    assert rules.totals([(100, 0), (2_000_000, 200_000), (-50, 0)]) == rules.Totals(
        2_000_050, 200_000, 1_800_050
    )


COEFFICIENT_TEXT = [
    (None, ""),
    (D("1.50"), "1,5"),
    (D("6.00"), "6"),
    (Fraction(21, 10), "2,1"),
    (D("0.35"), "0,35"),
    (12, "12"),
]


@pytest.mark.parametrize(("value", "text"), COEFFICIENT_TEXT)
def test_coefficient_text(value, text):
    assert rules.coefficient_text(value) == text


def test_rules_do_not_import_django():
    code = "import sys, royalties.rules; assert 'django' not in sys.modules, sorted(sys.modules)"
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)  # noqa: S603 (fixed argv)
