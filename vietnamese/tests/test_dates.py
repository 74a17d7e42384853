from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from vietnamese.dates import (
    VIETNAM_TZ,
    format_date,
    format_document_date,
    format_public_datetime,
    to_local,
    weekday_name,
)

WEEKDAY_CASES = [
    (date(2017, 4, 24), "Thứ Hai"),
    (date(2017, 4, 25), "Thứ Ba"),
    (date(2017, 4, 26), "Thứ Tư"),
    (date(2017, 4, 27), "Thứ Năm"),
    (date(2017, 4, 28), "Thứ Sáu"),
    (date(2017, 4, 29), "Thứ Bảy"),
    (date(2017, 4, 30), "Chủ Nhật"),
    # 20:00 UTC Sunday is already Monday in Vietnam.
    (datetime(2017, 4, 23, 20, 0, tzinfo=UTC), "Thứ Hai"),
]


@pytest.mark.parametrize(("value", "expected"), WEEKDAY_CASES)
def test_weekday_name(value, expected):
    assert weekday_name(value) == expected


PUBLIC_DATETIME_CASES = [
    (datetime(2017, 4, 24, 8, 30, tzinfo=VIETNAM_TZ), "Thứ Hai, 24/04/2017 08:30"),
    (datetime(2017, 4, 24, 1, 30, tzinfo=UTC), "Thứ Hai, 24/04/2017 08:30"),
    (datetime(2017, 3, 31, 17, 30, tzinfo=UTC), "Thứ Bảy, 01/04/2017 00:30"),
    (datetime(2017, 4, 24, 8, 30, tzinfo=timezone(timedelta(hours=9))), "Thứ Hai, 24/04/2017 06:30"),
    # Naive datetimes are taken as local.
    (datetime(2017, 4, 24, 8, 30), "Thứ Hai, 24/04/2017 08:30"),
]


@pytest.mark.parametrize(("value", "expected"), PUBLIC_DATETIME_CASES)
def test_format_public_datetime(value, expected):
    assert format_public_datetime(value) == expected


def test_format_public_datetime_rejects_date():
    with pytest.raises(TypeError):
        format_public_datetime(date(2017, 4, 24))


FORMAT_DATE_CASES = [
    (date(2017, 4, 24), "24/04/2017"),
    (date(2017, 1, 5), "05/01/2017"),
    (datetime(2017, 3, 31, 17, 30, tzinfo=UTC), "01/04/2017"),
    (datetime(2017, 3, 31, 16, 59, tzinfo=UTC), "31/03/2017"),
]


@pytest.mark.parametrize(("value", "expected"), FORMAT_DATE_CASES)
def test_format_date(value, expected):
    assert format_date(value) == expected


# Decree 30/2020/NĐ-CP: leading zero only for days < 10 and months 1, 2.
DOCUMENT_DATE_CASES = [
    (date(2017, 2, 5), None, "ngày 05 tháng 02 năm 2017"),
    (date(2017, 1, 9), None, "ngày 09 tháng 01 năm 2017"),
    (date(2017, 4, 24), None, "ngày 24 tháng 4 năm 2017"),
    (date(2017, 12, 10), None, "ngày 10 tháng 12 năm 2017"),
    (date(2017, 3, 1), None, "ngày 01 tháng 3 năm 2017"),
    (date(2017, 10, 31), None, "ngày 31 tháng 10 năm 2017"),
    (date(2017, 4, 24), "Bình Thuận", "Bình Thuận, ngày 24 tháng 4 năm 2017"),
    (date(2017, 4, 24), "", "ngày 24 tháng 4 năm 2017"),
    (datetime(2017, 3, 31, 17, 30, tzinfo=UTC), None, "ngày 01 tháng 4 năm 2017"),
]


@pytest.mark.parametrize(("value", "place", "expected"), DOCUMENT_DATE_CASES)
def test_format_document_date(value, place, expected):
    assert format_document_date(value, place=place) == expected


def test_to_local():
    aware = to_local(datetime(2017, 3, 31, 17, 30, tzinfo=UTC))
    assert aware.tzinfo is VIETNAM_TZ
    assert (aware.year, aware.month, aware.day, aware.hour) == (2017, 4, 1, 0)
    naive = to_local(datetime(2017, 4, 1, 0, 30))
    assert naive.tzinfo is VIETNAM_TZ and naive.hour == 0


def test_every_day_of_a_year_formats():
    day = date(2024, 1, 1)
    while day.year == 2024:
        text = format_document_date(day)
        assert text.startswith("ngày ") and "  " not in text
        assert format_date(day).count("/") == 2
        day += timedelta(days=1)
