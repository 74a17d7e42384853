"""Property-based tests (hypothesis): the Vietnamese helpers raise nothing but their documented errors."""

import re
from datetime import date, datetime

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from vietnamese.money import format_number, format_vnd
from vietnamese.numwords import amount_in_words, number_to_words
from vietnamese.periods import Period, PeriodError, parse_period

periods = st.one_of(
    st.builds(Period, st.just("quarter"), st.integers(1900, 2999), st.integers(1, 4)),
    st.builds(Period, st.just("month"), st.integers(1900, 2999), st.integers(1, 12)),
    st.builds(Period, st.just("year"), st.integers(1900, 2999), st.just(1)),
)
PERIOD_ALPHABET = "0123456789-/ qQIVXivxquýthángnămQuýTháng\t\n\u0301\u00a0"


@given(st.text())
def test_parse_period_any_text_gives_a_period_or_a_period_error(text):
    try:
        result = parse_period(text)
    except PeriodError as exc:
        assert "Kỳ báo cáo không hợp lệ" in str(exc) or "không hợp lệ" in str(exc) or "Năm phải" in str(exc)
    else:
        assert isinstance(result, Period)


@given(st.text(alphabet=PERIOD_ALPHABET, max_size=20))
def test_parse_period_period_like_text(text):
    try:
        result = parse_period(text)
    except PeriodError:
        return
    assert parse_period(result.code) == result


@given(st.one_of(st.none(), st.integers(), st.floats(), st.binary(), st.lists(st.integers()), st.dates()))
def test_parse_period_non_text_is_a_period_error(value):
    try:
        parse_period(value)
    except PeriodError:
        pass
    else:
        raise AssertionError("accepted a non-text value")


@given(periods)
def test_codes_and_labels_round_trip(period):
    assert parse_period(period.code) == period
    assert parse_period(period.label) == period
    assert parse_period(period.label.upper()) == period
    assert parse_period(f"  {period.code}  ") == period


@given(periods)
def test_period_boundaries_and_navigation(period):
    assert period.start_date <= period.end_date
    assert period.contains(period.start_date) and period.contains(period.end_date)
    try:
        following = period.next()
    except PeriodError:
        assert period.year == 2999
    else:
        assert following.start_date == date.fromordinal(period.end_date.toordinal() + 1)
        assert following.previous() == period


@given(st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2999, 12, 30)))
def test_every_moment_falls_in_its_own_period(moment):
    for kind in ("quarter", "month", "year"):
        assert Period.containing(moment, kind).contains(moment)


# -- money -------------------------------------------------------------------------------------

big_ints = st.integers(min_value=-(10**18), max_value=10**18)


@given(big_ints)
def test_format_vnd_is_the_number_with_dots(amount):
    text = format_vnd(amount)
    assert text.endswith(" đ")
    digits = text[:-2]
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*", digits)
    assert int(digits.replace(".", "")) == amount
    assert format_number(amount) == digits


@given(st.one_of(st.floats(), st.booleans(), st.text(), st.none(), st.decimals(allow_nan=False)))
def test_money_refuses_non_integers_with_type_error(value):
    for function in (format_vnd, format_number, number_to_words, amount_in_words):
        try:
            function(value)
        except TypeError:
            pass
        else:
            raise AssertionError(f"{function.__name__} accepted {value!r}")


# -- number words --------------------------------------------------------------------------------

VOCABULARY = {
    "âm", "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "sáu", "bảy", "tám", "chín",
    "mười", "mươi", "trăm", "linh", "nghìn", "triệu", "tỷ",
}  # fmt: skip


@given(big_ints)
def test_number_words_use_only_the_vocabulary(n):
    words = number_to_words(n).split()
    assert words and set(words) <= VOCABULARY
    assert (words[0] == "âm") == (n < 0)
    if n < 0:
        assert number_to_words(n) == "âm " + number_to_words(-n)


@given(st.integers(min_value=0, max_value=10**15), st.integers(min_value=0, max_value=10**15))
def test_different_numbers_read_differently(a, b):
    assume(a != b)
    assert number_to_words(a) != number_to_words(b)


@given(st.integers(min_value=0, max_value=10**15))
def test_amount_in_words_reads_like_a_voucher(amount):
    text = amount_in_words(amount)
    assert text.endswith(" đồng chẵn")
    assert text[0].isupper()
    assert text[0].lower() + text[1:] == number_to_words(amount) + " đồng chẵn"


@settings(max_examples=50)
@given(st.integers(min_value=1, max_value=999))
def test_small_numbers_never_say_linh_or_khong_tram_first(n):
    words = number_to_words(n).split()
    assert words[0] not in {"linh", "không"}
