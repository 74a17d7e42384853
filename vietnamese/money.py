"""Integer VND formatting: dot as thousands separator, "đ" suffix."""

from __future__ import annotations


def _check_int(value: object) -> int:
    # Money is whole VND; floats would silently hide rounding errors.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"Expected int, got {type(value).__name__}")
    return value


def format_number(n: int) -> str:
    """ "1.234.000" (Vietnamese thousands separator is a dot)."""
    n = _check_int(n)
    return f"{n:,}".replace(",", ".")


def format_vnd(amount: int) -> str:
    """ "1.234.000 đ", "-1.234.000 đ", "0 đ"."""
    return f"{format_number(amount)} đ"
