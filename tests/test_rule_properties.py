"""Property-based tests (hypothesis) of the quota table and the royalty arithmetic.

The table cases in oversight/tests/test_rules.py and royalties/tests/test_rules.py pin the
letter's examples; these check the invariants for any input: shortfall = max(0, quota − count),
totals are the sum of the rows, money is an int, rounding is symmetric and within half a step,
shares always add up to the whole. The helpers of vietnamese/ are covered in
safety/tests/test_properties.py, public bad input in tests/test_public_parameters.py.
"""

from datetime import date, timedelta
from fractions import Fraction

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from oversight import rules as quota
from royalties import rules as money

SOME = settings(max_examples=100, deadline=None)

counts = st.integers(0, 500)
quotas = st.one_of(st.none(), st.builds(quota.Quota, st.integers(0, 50), st.integers(0, 20)))


@st.composite
def unit_facts(draw, unit_id):
    return quota.UnitFacts(
        unit_id=unit_id,
        name=f"Đơn vị {unit_id}",
        display_name=draw(st.sampled_from(["Văn phòng", "LĐLĐ huyện Tuy Phong", "CĐN Y tế", "Ban Nữ công"])),
        order=draw(st.integers(0, 30)),
        kind_code=draw(st.sampled_from(["ban", "huyen", "nganh"])),
        news=draw(counts),
        articles=draw(counts),
        quota=draw(quotas),
        has_own_page=draw(st.booleans()),
        ever_published=draw(st.booleans()),
        has_introduction=draw(st.booleans()),
        remark=draw(st.sampled_from(["", "  ", "Đã có công văn giải trình."])),
        remark_replaces_shortfall=draw(st.booleans()),
        delays=tuple(draw(st.lists(st.integers(-30, 400), max_size=8))),
    )


federations = st.integers(0, 12).flatmap(lambda n: st.tuples(*[unit_facts(i + 1) for i in range(n)]))


@SOME
@given(federations)
def test_quota_table_rows_and_totals(units):
    rows = quota.report_rows(units)
    with_quota = [u for u in units if u.quota is not None]
    # Exempt units (no quota) have no row; the others are numbered 1..n in report order.
    assert [row.tt for row in rows] == list(range(1, len(with_quota) + 1))
    assert sorted(row.unit_id for row in rows) == sorted(u.unit_id for u in with_quota)
    assert [(r.unit_id, r.unit_name) for r in rows] == [
        (u.unit_id, u.display_name) for u in sorted(with_quota, key=lambda u: (u.order, u.display_name))
    ]
    facts = {u.unit_id: u for u in with_quota}
    for row in rows:
        unit = facts[row.unit_id]
        assert (row.news, row.articles) == (unit.news, unit.articles)
        assert row.missing_news == max(0, unit.quota.news - unit.news)
        assert row.missing_articles == max(0, unit.quota.articles - unit.articles)
        assert row.is_short == (row.missing_news > 0 or row.missing_articles > 0)
        shortfall = [note for note in row.notes if note.startswith("Thiếu ")]
        replaced = unit.remark.strip() and unit.remark_replaces_shortfall
        assert bool(shortfall) == (row.is_short and not replaced)
        assert 0 <= row.late <= row.timed_posts == len(unit.delays)
        assert quota.ReportRow.from_dict(row.to_dict()) == row
    total = quota.totals(rows)
    assert total.news == sum(r.news for r in rows)
    assert total.articles == sum(r.articles for r in rows)
    assert total.quota_news == sum(r.quota_news for r in rows)
    assert total.quota_articles == sum(r.quota_articles for r in rows)
    assert total.units_short == sum(1 for r in rows if r.is_short) <= len(rows)
    # Comparing a table with itself finds nothing changed.
    assert quota.compare_rows(rows, rows) == []


@SOME
@given(counts, st.integers(0, 100), st.floats(0, 2, allow_nan=False))
def test_progress_stays_within_bounds(count, target, share):
    result = quota.progress(count, target, share)
    assert 0 <= result.percent <= 100
    assert 0 <= result.expected_percent <= 100
    assert result.done == (count >= target)


@SOME
@given(st.dates(date(2000, 1, 1), date(2100, 1, 1)), st.integers(0, 400), st.integers(-50, 500))
def test_elapsed_share_is_a_fraction_of_the_period(start, length, offset):
    end, today = start + timedelta(days=length), start + timedelta(days=offset)
    share = quota.elapsed_share(start, end, today)
    assert 0 <= share <= 1
    assert (share == 1) == (today >= end)


# -- royalties -----------------------------------------------------------------------------

amounts = st.integers(-(10**12), 10**12)
steps = st.sampled_from([1, 10, 100, 500, 1000])


@SOME
@given(st.one_of(amounts, st.fractions(min_value=-(10**9), max_value=10**9)), steps)
def test_round_half_up_is_the_nearest_multiple_and_symmetric(value, step):
    rounded = money.round_half_up(value, step)
    assert isinstance(rounded, int)
    assert rounded % step == 0
    assert abs(Fraction(value) - rounded) <= Fraction(step, 2)
    assert money.round_half_up(-Fraction(value), step) == -rounded
    assert money.round_half_up(rounded, step) == rounded


@SOME
@given(st.fractions(min_value=-(10**9), max_value=10**9), st.fractions(min_value=0, max_value=10**6), steps)
def test_round_half_up_is_monotonic(value, more, step):
    assert money.round_half_up(value, step) <= money.round_half_up(value + more, step)


@SOME
@given(amounts, st.lists(st.integers(0, 1000), min_size=1, max_size=8), steps)
def test_allocate_adds_up_to_the_total(total, weights, quantum):
    assume(sum(weights) > 0)
    parts = money.allocate(total, weights, quantum)
    assert sum(parts) == total
    assert all(isinstance(p, int) for p in parts)
    assert all((p >= 0) if total >= 0 else (p <= 0) for p in parts)
    unit = quantum if total % quantum == 0 else 1
    for part, weight in zip(parts, weights, strict=True):
        assert abs(part - Fraction(total * weight, sum(weights))) < unit
        if weight == 0:
            assert part == 0


@st.composite
def author_percents(draw):
    """Percentages as the editor accepts them: given ones at most 100, all given make 100."""
    n = draw(st.integers(1, 6))
    blanks = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    if not any(blanks):
        cuts = sorted(draw(st.lists(st.integers(0, 100), min_size=n - 1, max_size=n - 1)))
        return [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
    budget = 100
    percents = []
    for blank in blanks:
        if blank:
            percents.append(None)
        else:
            given_share = draw(st.integers(0, budget))
            budget -= given_share
            percents.append(given_share)
    return percents


@SOME
@given(st.integers(0, 10**9), author_percents(), steps)
def test_split_amount_shares_the_whole_and_never_goes_negative(amount, percents, step):
    shares = money.resolve_shares(percents)
    assert sum(shares) == 1
    parts = money.split_amount(amount, percents, step)
    assert sum(parts) == amount
    assert all(isinstance(p, int) and p >= 0 for p in parts)
    if amount % step == 0:
        assert all(p % step == 0 for p in parts)


@SOME
@given(st.lists(st.integers(0, 100), min_size=1, max_size=5))
def test_shares_not_making_100_are_refused(percents):
    assume(sum(percents) != 100)
    try:
        money.resolve_shares(percents)
    except money.RuleError:
        pass
    else:
        raise AssertionError(f"accepted {percents}")


@SOME
@given(st.lists(st.integers(-(10**6), 10**8), min_size=1, max_size=10))
def test_payment_tax_is_whole_bounded_and_spread_exactly(line_amounts):
    paid, line_taxes = money.payment(line_amounts)
    assert paid.gross == sum(line_amounts)
    assert isinstance(paid.tax, int) and paid.tax >= 0
    assert paid.tax <= max(paid.gross, 0)
    if paid.gross < money.TaxPolicy().threshold:
        assert paid.tax == 0
    assert sum(line_taxes) == paid.tax
    assert all(tax >= 0 for tax in line_taxes)
    total = money.totals(list(zip(line_amounts, line_taxes, strict=True)))
    assert (total.gross, total.tax, total.net) == (paid.gross, paid.tax, paid.gross - paid.tax)
