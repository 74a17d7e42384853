"""Filters are plain functions; no settings or database needed."""

from datetime import UTC, date, datetime

import pytest

from vietnamese.periods import Period
from vietnamese.templatetags import vietnamese as tags

FILTER_CASES = [
    (tags.vn_datetime, datetime(2017, 4, 24, 1, 30, tzinfo=UTC), "Thứ Hai, 24/04/2017 08:30"),
    (tags.vn_date, date(2017, 4, 24), "24/04/2017"),
    (tags.vn_document_date, date(2017, 4, 24), "ngày 24 tháng 4 năm 2017"),
    (tags.vnd, 1234000, "1.234.000 đ"),
    (tags.vn_words, 1210000, "Một triệu hai trăm mười nghìn đồng chẵn"),
    (tags.vn_period, Period("quarter", 2017, 1), "quý I/2017"),
    (tags.vn_period, "2017-03", "tháng 3/2017"),
    (tags.vn_period, "không rõ", "không rõ"),
    (tags.vnd, 1.5, ""),
    (tags.vn_datetime, "x", ""),
]


@pytest.mark.parametrize(("func", "value", "expected"), FILTER_CASES)
def test_filters(func, value, expected):
    assert func(value) == expected


ALL_FILTERS = [tags.vn_datetime, tags.vn_date, tags.vn_document_date, tags.vnd, tags.vn_words, tags.vn_period]


@pytest.mark.parametrize("func", ALL_FILTERS)
@pytest.mark.parametrize("value", [None, ""])
def test_filters_accept_empty(func, value):
    assert func(value) == ""


def test_document_date_with_place():
    assert tags.vn_document_date(date(2017, 4, 24), "Bình Thuận") == "Bình Thuận, ngày 24 tháng 4 năm 2017"


def test_filters_registered():
    names = {"vn_datetime", "vn_date", "vn_document_date", "vnd", "vn_words", "vn_period"}
    assert names <= set(tags.register.filters)
