"""Numbers and VND amounts in Vietnamese words, as read on invoices and vouchers.

Not built on num2words (0.5.x, lang="vi"): it reads 101 as "một trăm lẻ một"
(accounting software and Circular 200/2014 forms print "linh"), 24 as
"hai mươi bốn" instead of "hai mươi tư", 1005 as "một nghìn lẻ năm" (drops
"không trăm"), and loses the sign of negative numbers (-5 -> "mười lăm").

Conventions (as in MISA and similar accounting software):
- "linh" for a zero tens digit after hundreds: 105 "một trăm linh năm";
- "mốt" for 1 after tens >= 2, "lăm" for 5 after tens >= 1, "tư" for 4 after
  tens >= 2 (14 stays "mười bốn");
- a group of three digits that is not the leading one is read in full,
  "không trăm" included: 1005 "một nghìn không trăm linh năm";
- all-zero groups are skipped: 1000001 "một triệu không trăm linh một"
  (not "một triệu không nghìn không trăm linh một");
- above a billion the scale repeats on "tỷ": 2 * 10**12 "hai nghìn tỷ".
"""

from __future__ import annotations

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ("", "nghìn", "triệu")  # groups of 3 digits below a billion
_BILLION = 10**9


def _check_int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"Expected int, got {type(value).__name__}")
    return value


def _read_tens(n: int) -> list[str]:
    """Words for 1..99 (n > 0)."""
    tens, ones = divmod(n, 10)
    if tens == 0:
        return [_DIGITS[ones]]
    words = ["mười"] if tens == 1 else [_DIGITS[tens], "mươi"]
    if ones == 1 and tens >= 2:
        words.append("mốt")
    elif ones == 4 and tens >= 2:
        words.append("tư")
    elif ones == 5:
        words.append("lăm")
    elif ones:
        words.append(_DIGITS[ones])
    return words


def _read_group(n: int, full: bool) -> list[str]:
    """Words for 1..999; ``full`` reads a non-leading group with "không trăm"."""
    hundreds, rest = divmod(n, 100)
    words: list[str] = []
    if hundreds or full:
        words += [_DIGITS[hundreds], "trăm"]
        if 0 < rest < 10:
            words.append("linh")
    if rest:
        words += _read_tens(rest)
    return words


def _read_below_billion(n: int, full: bool) -> list[str]:
    groups = [(n // 10**6) % 1000, (n // 1000) % 1000, n % 1000]
    words: list[str] = []
    for group, scale in zip(groups, reversed(_SCALES), strict=True):
        if group == 0:
            continue
        words += _read_group(group, full or bool(words))
        if scale:
            words.append(scale)
    return words


def _read(n: int, full: bool = False) -> list[str]:
    """Words for n > 0."""
    high, low = divmod(n, _BILLION)
    words: list[str] = []
    if high:
        words += _read(high, full) + ["tỷ"]
    if low:
        words += _read_below_billion(low, full or bool(words))
    return words


def number_to_words(n: int) -> str:
    """Lowercase Vietnamese words: 21 -> "hai mươi mốt", -5 -> "âm năm"."""
    n = _check_int(n)
    if n == 0:
        return _DIGITS[0]
    words = _read(abs(n))
    if n < 0:
        words.insert(0, "âm")
    return " ".join(words)


def amount_in_words(amount: int) -> str:
    """ "Một triệu hai trăm mười nghìn đồng chẵn" (callers add "Bằng chữ: ").

    Amounts are whole VND, so the text always ends with "đồng chẵn".
    """
    text = f"{number_to_words(amount)} đồng chẵn"
    return text[0].upper() + text[1:]
