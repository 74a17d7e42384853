from datetime import UTC, date, datetime

import pytest

from vietnamese.dates import VIETNAM_TZ
from vietnamese.periods import Period, PeriodError, parse_period, roman

Q1 = Period("quarter", 2017, 1)
MARCH = Period("month", 2017, 3)
YEAR = Period("year", 2017, 1)

PARSE_CASES = [
    ("2017-Q1", Q1),
    ("2017-q1", Q1),
    ("Q1/2017", Q1),
    ("q4/2017", Period("quarter", 2017, 4)),
    ("quý I/2017", Q1),
    ("Quý 1/2017", Q1),
    ("quý I năm 2017", Q1),
    ("QUÝ IV/2017", Period("quarter", 2017, 4)),
    ("quý III / 2017", Period("quarter", 2017, 3)),
    ("2017-03", MARCH),
    ("03/2017", MARCH),
    ("3/2017", MARCH),
    ("tháng 3/2017", MARCH),
    ("tháng 03/2017", MARCH),
    ("Tháng 3 năm 2017", MARCH),
    ("2017", YEAR),
    ("năm 2017", YEAR),
    ("  Năm   2017 ", YEAR),
    # NFD input (e.g. pasted from macOS).
    ("qu\u0079\u0301 I/2017", Q1),
    ("tha\u0301ng 3/2017", MARCH),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_CASES)
def test_parse_period(text, expected):
    assert parse_period(text) == expected


BAD_INPUTS = [
    "",
    "   ",
    "2017-Q5",
    "2017-Q0",
    "quý V/2017",
    "2017-13",
    "00/2017",
    "1899",
    "3000",
    "17",
    "2017-Q1x",
    "tháng/2017",
    "hôm qua",
]


@pytest.mark.parametrize("text", BAD_INPUTS)
def test_parse_period_rejects(text):
    with pytest.raises(PeriodError) as info:
        parse_period(text)
    message = str(info.value)
    assert message.startswith("Kỳ báo cáo không hợp lệ: «")
    assert "2017-Q1, 2017-03, 2017, quý I/2017 hoặc tháng 3/2017" in message


def test_period_error_message_example():
    with pytest.raises(PeriodError) as info:
        parse_period(" 2017-Q5 ")
    assert str(info.value) == (
        "Kỳ báo cáo không hợp lệ: «2017-Q5». "
        "Hãy nhập dạng 2017-Q1, 2017-03, 2017, quý I/2017 hoặc tháng 3/2017."
    )
    assert isinstance(info.value, ValueError)


NAME_CASES = [
    (Q1, "2017-Q1", "quý I/2017"),
    (Period("quarter", 2017, 2), "2017-Q2", "quý II/2017"),
    (Period("quarter", 2017, 4), "2017-Q4", "quý IV/2017"),
    (MARCH, "2017-03", "tháng 3/2017"),
    (Period("month", 2017, 12), "2017-12", "tháng 12/2017"),
    (YEAR, "2017", "năm 2017"),
]


@pytest.mark.parametrize(("period", "code", "label"), NAME_CASES)
def test_code_and_label_round_trip(period, code, label):
    assert period.code == code
    assert period.label == label
    assert parse_period(code) == period
    assert parse_period(label) == period


BOUNDARY_CASES = [
    (Q1, date(2017, 1, 1), date(2017, 3, 31)),
    (Period("quarter", 2017, 4), date(2017, 10, 1), date(2017, 12, 31)),
    (Period("month", 2016, 2), date(2016, 2, 1), date(2016, 2, 29)),
    (Period("month", 2017, 12), date(2017, 12, 1), date(2017, 12, 31)),
    (YEAR, date(2017, 1, 1), date(2017, 12, 31)),
]


@pytest.mark.parametrize(("period", "start_date", "end_date"), BOUNDARY_CASES)
def test_boundaries(period, start_date, end_date):
    assert period.start_date == start_date
    assert period.end_date == end_date
    assert period.start == datetime(start_date.year, start_date.month, 1, tzinfo=VIETNAM_TZ)
    assert period.end == period.next().start
    assert period.start.utcoffset().total_seconds() == 7 * 3600


CONTAINING_CASES = [
    # 00:30 on 1 April 2017 Vietnam time = 17:30 UTC on 31 March: Q2.
    (datetime(2017, 3, 31, 17, 30, tzinfo=UTC), "quarter", Period("quarter", 2017, 2)),
    (datetime(2017, 4, 1, 0, 30, tzinfo=VIETNAM_TZ), "quarter", Period("quarter", 2017, 2)),
    # 23:59 on 31 March Vietnam time: Q1.
    (datetime(2017, 3, 31, 23, 59, tzinfo=VIETNAM_TZ), "quarter", Q1),
    (datetime(2017, 3, 31, 16, 59, tzinfo=UTC), "quarter", Q1),
    (datetime(2017, 3, 31, 23, 59), "quarter", Q1),  # naive = local
    (datetime(2017, 3, 31, 17, 30, tzinfo=UTC), "month", Period("month", 2017, 4)),
    (datetime(2017, 12, 31, 17, 0, tzinfo=UTC), "year", Period("year", 2018, 1)),
    (date(2017, 3, 31), "quarter", Q1),
    (date(2017, 3, 31), "month", MARCH),
    (date(2017, 3, 31), "year", YEAR),
]


@pytest.mark.parametrize(("value", "kind", "expected"), CONTAINING_CASES)
def test_containing(value, kind, expected):
    assert Period.containing(value, kind) == expected
    assert Period.for_date(value, kind) == expected
    assert expected.contains(value)
    assert not expected.next().contains(value)
    assert not expected.previous().contains(value)


def test_contains_is_end_exclusive():
    assert Q1.contains(Q1.start)
    assert not Q1.contains(Q1.end)
    assert Q1.next().contains(Q1.end)


NAVIGATION_CASES = [
    (Period("quarter", 2017, 4), Period("quarter", 2018, 1), Period("quarter", 2017, 3)),
    (Q1, Period("quarter", 2017, 2), Period("quarter", 2016, 4)),
    (Period("month", 2017, 12), Period("month", 2018, 1), Period("month", 2017, 11)),
    (Period("month", 2017, 1), Period("month", 2017, 2), Period("month", 2016, 12)),
    (YEAR, Period("year", 2018), Period("year", 2016)),
]


@pytest.mark.parametrize(("period", "following", "preceding"), NAVIGATION_CASES)
def test_next_previous(period, following, preceding):
    assert period.next() == following
    assert period.previous() == preceding
    assert period.next().previous() == period


def test_ordering():
    periods = [Period("quarter", 2018, 1), Period("quarter", 2017, 4), Q1, Period("quarter", 2017, 2)]
    assert [p.code for p in sorted(periods)] == ["2017-Q1", "2017-Q2", "2017-Q4", "2018-Q1"]
    assert Q1 < Q1.next() and Q1.next() > Q1 and Q1 <= Q1
    assert Period("month", 2017, 1) < Q1 < YEAR  # same start: shorter first
    assert len({Q1, parse_period("2017-Q1")}) == 1


INVALID_CONSTRUCTION = [
    ("quarter", 2017, 5),
    ("quarter", 2017, 0),
    ("month", 2017, 13),
    ("year", 2017, 2),
    ("week", 2017, 1),
    ("year", 1899, 1),
    ("year", 3000, 1),
]


@pytest.mark.parametrize(("kind", "year", "number"), INVALID_CONSTRUCTION)
def test_invalid_construction(kind, year, number):
    with pytest.raises(PeriodError):
        Period(kind, year, number)


@pytest.mark.parametrize(("n", "expected"), [(1, "I"), (2, "II"), (3, "III"), (4, "IV")])
def test_roman(n, expected):
    assert roman(n) == expected


@pytest.mark.parametrize("n", [0, 5, -1])
def test_roman_out_of_range(n):
    with pytest.raises(ValueError):
        roman(n)


@pytest.mark.parametrize("kind", ["quarter", "month", "year"])
def test_consecutive_periods_tile_time(kind):
    period = Period(kind, 2015, 1)
    for _ in range(40):
        following = period.next()
        assert period.end == following.start
        assert (following.start_date - period.end_date).days == 1
        assert parse_period(period.code) == period == parse_period(period.label)
        period = following
