"""Vietnamese alphabetical order in the database: ``order_by(vietnamese_order("name"))``.

Neither database orders Vietnamese by default (SQLite compares code points, so "Đức Linh"
comes after "Xuân"; PostgreSQL follows the cluster's locale, usually C or en_US). The
expression below asks for a Vietnamese collation by name:

* PostgreSQL: the ICU collation ``vi-VN-x-icu`` that initdb imports when PostgreSQL is built
  with ICU (Debian, Ubuntu, the official images; PostgreSQL 10+). ICU follows CLDR: letters
  first over the whole string, tones after.
* SQLite: a collation ``vi`` registered on every new connection (``register_sqlite_collation``,
  connected in ``VietnameseConfig.ready``) that compares with ``vietnamese.sorting.sort_key``:
  dictionary order, syllable by syllable.

Both agree on letters (a ă â b c d đ e ê ... o ô ơ ... u ư ...) and on tones within a word;
they differ only on rare ties such as "Ba Vì" / "Bà Rịa" (ICU compares all letters before any
tone). Lists that are small and already in memory use ``vietnamese_sorted`` instead.
"""

from __future__ import annotations

import functools

from django.db.models import F
from django.db.models.functions import Collate

from .sorting import sort_key

SQLITE_COLLATION = "vi"
POSTGRESQL_COLLATION = "vi-VN-x-icu"


class VietnameseCollate(Collate):
    """``expression COLLATE <the Vietnamese collation of this database>``."""

    def __init__(self, expression):
        super().__init__(expression, SQLITE_COLLATION)

    def as_postgresql(self, compiler, connection, **extra_context):
        extra_context["collation"] = connection.ops.quote_name(POSTGRESQL_COLLATION)
        return super().as_sql(compiler, connection, **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        extra_context["collation"] = connection.ops.quote_name(SQLITE_COLLATION)
        return super().as_sql(compiler, connection, **extra_context)


def vietnamese_order(field: str):
    """An ``order_by`` term: ``"name"`` or ``"-name"`` in Vietnamese order."""
    descending = field.startswith("-")
    expression = VietnameseCollate(F(field.lstrip("-")))
    return expression.desc() if descending else expression.asc()


@functools.lru_cache(maxsize=4096)
def _cached_key(value: str):
    return sort_key(value)


def compare(a: str | None, b: str | None) -> int:
    """SQLite collation function: negative, zero or positive like ``strcmp``."""
    a, b = a or "", b or ""
    key_a, key_b = _cached_key(a), _cached_key(b)
    if key_a != key_b:
        return -1 if key_a < key_b else 1
    # Same letters and tones (case or NFC/NFD only): code points, so that the order is total.
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: teach each new SQLite connection the ``vi`` collation."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, compare)
