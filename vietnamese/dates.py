"""Vietnamese date formatting for public pages and administrative documents."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# date.weekday(): Monday is 0.
_WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def to_local(dt: datetime) -> datetime:
    """Return ``dt`` in Vietnam time; naive datetimes are taken as already local."""
    if dt.tzinfo is None or dt.tzinfo.utcoffset(dt) is None:
        return dt.replace(tzinfo=VIETNAM_TZ)
    return dt.astimezone(VIETNAM_TZ)


def _local_date(d: date | datetime) -> date:
    # datetime is a subclass of date, so test it first.
    if isinstance(d, datetime):
        return to_local(d).date()
    if isinstance(d, date):
        return d
    raise TypeError(f"Expected date or datetime, got {type(d).__name__}")


def weekday_name(d: date | datetime) -> str:
    """ "Thứ Hai" .. "Thứ Bảy", "Chủ Nhật" (local day for datetimes)."""
    return _WEEKDAYS[_local_date(d).weekday()]


def format_date(d: date | datetime) -> str:
    """dd/mm/yyyy, e.g. "24/04/2017"."""
    d = _local_date(d)
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def format_public_datetime(dt: datetime) -> str:
    """ "Thứ Hai, 24/04/2017 08:30" in Vietnam time."""
    if not isinstance(dt, datetime):
        raise TypeError(f"Expected datetime, got {type(dt).__name__}")
    local = to_local(dt)
    # The parts get the local date, not the datetime: one conversion for the three (a home page
    # formats about thirty).
    day = local.date()
    return f"{weekday_name(day)}, {format_date(day)} {local:%H:%M}"


def format_document_date(d: date | datetime, place: str | None = None) -> str:
    """ "ngày 24 tháng 4 năm 2017", optionally prefixed by "Place, ".

    Decree 30/2020/NĐ-CP, Appendix I (place and date of issue): days below 10
    and months 1 and 2 take a leading zero; nothing else does.
    """
    d = _local_date(d)
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    text = f"ngày {day} tháng {month} năm {d.year}"
    return f"{place}, {text}" if place else text
