"""Vietnamese conventions: dates, reporting periods, money, numbers in words, text, sorting.

The modules in this package are pure Python; only ``templatetags`` imports Django.
"""
