"""Royalty arithmetic on plain values: no Django, no database, no translations.

Sources:
- Letter 435/LĐLĐ (24/4/2017) item 5: royalties are paid monthly for posts published from
  11/10/2016, at the rates of Quyết định 128/QĐ-LĐLĐ of 20/9/2016 (not public, so every rate
  is data).
- Decree 18/2014/NĐ-CP, art. 2 and 10: royalty = coefficient (hệ số) × the value of one
  coefficient unit, one unit being 10% of the statutory base salary (mức lương cơ sở).
  A federation may instead pay fixed sums; both kinds of rate are supported here.
- Circular 111/2013/TT-BTC, art. 25 item 1.b: an organisation paying 2 000 000 đ or more
  to one person in one payment withholds 10% personal income tax.

Money is integer VND; coefficients and percentages are Decimal or Fraction, never floats.
Callers translate the error codes raised here into Vietnamese messages.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

# Decree 18/2014/NĐ-CP, art. 2.4: one coefficient unit = 10% of the base salary.
COEFFICIENT_UNIT_SHARE = Fraction(10, 100)

Number = int | Decimal | Fraction


class RuleError(ValueError):
    """A rule cannot be applied to the given values; ``code`` says why, ``params`` give details."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


def _exact(value: Number) -> Fraction:
    if isinstance(value, float):  # floats would hide rounding errors in money
        raise TypeError("Use int, Decimal or Fraction, not float")
    return Fraction(value)


# -- rounding ---------------------------------------------------------------


def round_half_up(value: Number, step: int = 100) -> int:
    """Round to the nearest multiple of ``step``; halves go away from zero.

    "Half up" as accountants mean it: 151 250 → 151 300, 151 249 → 151 200, and
    symmetrically -151 250 → -151 300, so a negative adjustment mirrors the original line.
    """
    if isinstance(step, bool) or not isinstance(step, int) or step < 1:
        raise ValueError(f"Rounding step must be a positive int, got {step!r}")
    quotient = _exact(value) / step
    magnitude = math.floor(abs(quotient) + Fraction(1, 2))
    return (magnitude if quotient >= 0 else -magnitude) * step


# -- rates and amounts ------------------------------------------------------


@dataclass(frozen=True)
class Rate:
    """A rate: exactly one of a fixed sum (VND) or a coefficient."""

    amount: int | None = None
    coefficient: Number | None = None

    def __post_init__(self):
        if (self.amount is None) == (self.coefficient is None):
            raise RuleError("rate_needs_one_value")
        if isinstance(self.coefficient, float) or isinstance(self.amount, float):
            raise TypeError("Use int, Decimal or Fraction, not float")

    @property
    def is_coefficient(self) -> bool:
        return self.coefficient is not None


@dataclass(frozen=True)
class PhotoExtra:
    """What each published photo adds, counting at most ``cap`` photos (None: no cap)."""

    rate: Rate | None = None
    cap: int | None = None

    def counted(self, photos: int) -> int:
        if photos < 0:
            raise ValueError("photos must be >= 0")
        if self.rate is None:
            return 0
        return photos if self.cap is None else min(photos, self.cap)


@dataclass(frozen=True)
class PostAmount:
    """The royalty of one post before it is shared between authors."""

    amount: int
    # The post's total coefficient (base rate plus photos) when any part is a coefficient.
    coefficient: Fraction | None
    # Fixed sums included in the amount (base rate and/or photos), VND.
    fixed: int
    counted_photos: int
    # Base salary used, when a coefficient was involved.
    base_salary: int | None


def coefficient_unit_value(base_salary: int) -> Fraction:
    """Value of one coefficient unit: 10% of the base salary (Decree 18/2014/NĐ-CP)."""
    return Fraction(base_salary) * COEFFICIENT_UNIT_SHARE


def post_amount(
    rate: Rate,
    photos: int = 0,
    photo_extra: PhotoExtra | None = None,
    base_salary: int | None = None,
    step: int = 100,
) -> PostAmount:
    """Royalty of one post: base rate plus the photo extra, rounded once to ``step``.

    With coefficients the whole coefficient (e.g. 1.5 + 2 × 0.3 = 2.1) is multiplied by the
    coefficient unit, so rounding happens once per post rather than per part.
    """
    extra = photo_extra or PhotoExtra()
    counted = extra.counted(photos)
    coefficient = Fraction(0)
    fixed = 0
    for part, times in ((rate, 1), (extra.rate, counted)):
        if part is None or times == 0:
            continue
        if part.is_coefficient:
            coefficient += _exact(part.coefficient) * times
        else:
            fixed += int(part.amount) * times
    uses_coefficient = rate.is_coefficient or bool(
        extra.rate is not None and extra.rate.is_coefficient and counted
    )
    if uses_coefficient and base_salary is None:
        raise RuleError("base_salary_missing")
    exact = Fraction(fixed)
    if uses_coefficient:
        exact += coefficient * coefficient_unit_value(base_salary)
    return PostAmount(
        amount=round_half_up(exact, step),
        coefficient=coefficient if uses_coefficient else None,
        fixed=fixed,
        counted_photos=counted,
        base_salary=base_salary if uses_coefficient else None,
    )


# -- authors' shares ----------------------------------------------------------


def resolve_shares(percents: Sequence[int | None]) -> list[Fraction]:
    """Each author's share (fractions summing to 1) from per-author percentages.

    Blank percentages share what the given ones leave, equally; with none given the split is
    equal. Given percentages must not exceed 100 in total, and must make exactly 100 when
    every author has one.
    """
    if not percents:
        raise RuleError("no_authors")
    given = [p for p in percents if p is not None]
    if any(p < 0 for p in given):
        raise RuleError("share_negative")
    total = sum(given)
    blanks = len(percents) - len(given)
    if total > 100 or (blanks == 0 and total != 100):
        raise RuleError("shares_not_100", total=total)
    rest = Fraction(100 - total, blanks) if blanks else Fraction(0)
    return [Fraction(p if p is not None else rest, 100) for p in percents]


def allocate(total: int, weights: Sequence[Number], quantum: int = 1) -> list[int]:
    """Split ``total`` in proportion to ``weights`` so the parts add up to it exactly.

    Largest remainder method in units of ``quantum`` (the rounding step, when ``total`` is a
    multiple of it; otherwise 1 đ): each part gets the floor of its exact share, and the
    units left over go to the largest remainders, earlier parts first on a tie.
    """
    if not weights:
        return []
    exact_weights = [_exact(w) for w in weights]
    if any(w < 0 for w in exact_weights):
        raise ValueError("weights must be >= 0")
    weight_sum = sum(exact_weights)
    if weight_sum == 0:
        if total:
            raise ValueError("cannot allocate a non-zero total on zero weights")
        return [0] * len(weights)
    if quantum < 1 or total % quantum:
        quantum = 1
    sign = -1 if total < 0 else 1
    units = abs(total) // quantum
    shares = [Fraction(units) * w / weight_sum for w in exact_weights]
    parts = [math.floor(s) for s in shares]
    left = units - sum(parts)
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return [sign * p * quantum for p in parts]


def split_amount(amount: int, percents: Sequence[int | None], step: int = 100) -> list[int]:
    """One post's amount shared between its authors; the parts sum to ``amount``."""
    return allocate(amount, resolve_shares(percents), quantum=step)


# -- tax and totals -----------------------------------------------------------


@dataclass(frozen=True)
class TaxPolicy:
    """Circular 111/2013/TT-BTC: withhold ``rate`` when one payment is >= ``threshold``."""

    threshold: int = 2_000_000
    rate: Number = Fraction(10, 100)


def withheld_tax(gross: int, policy: TaxPolicy = TaxPolicy()) -> int:
    """Personal income tax withheld from one payment to one person, in whole VND."""
    if gross < policy.threshold or gross <= 0:
        return 0
    return round_half_up(gross * _exact(policy.rate), 1)


@dataclass(frozen=True)
class Payment:
    """What one person receives in one statement."""

    gross: int
    tax: int

    @property
    def net(self) -> int:
        return self.gross - self.tax


def payment(line_amounts: Sequence[int], policy: TaxPolicy = TaxPolicy()) -> tuple[Payment, list[int]]:
    """Gross and tax for one person's lines in one statement, and the tax spread over the lines.

    The tax is decided on the person's total (one payment), then allocated back to the lines
    in proportion to their positive amounts so that line taxes add up to it.
    """
    gross = sum(line_amounts)
    tax = withheld_tax(gross, policy)
    weights = [max(a, 0) for a in line_amounts]
    line_taxes = allocate(tax, weights) if tax else [0] * len(line_amounts)
    return Payment(gross, tax), line_taxes


@dataclass(frozen=True)
class Totals:
    gross: int
    tax: int
    net: int


def totals(lines: Sequence[tuple[int, int]]) -> Totals:
    """Sum of (amount, tax) pairs."""
    gross = sum(amount for amount, _ in lines)
    tax = sum(tax for _, tax in lines)
    return Totals(gross, tax, gross - tax)


# -- display ------------------------------------------------------------------


def coefficient_text(value: Number | None) -> str:
    """Vietnamese decimal comma, no trailing zeros: 2.10 → "2,1", 6 → "6", None → ""."""
    if value is None:
        return ""
    frac = _exact(value)
    text = format(Decimal(frac.numerator) / Decimal(frac.denominator), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
