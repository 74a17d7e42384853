"""A `values()` query compiled once per process and shape, then run with other values.

Django builds and compiles a queryset on every call: for the post cards' query that is about
2 ms of CPU, ten times what the database takes to answer it, and an uncached home page runs
it with only the post ids changing. Here the query is compiled once with placeholder numbers
standing for the varying values; each run puts the real values in their place among the
parameters and converts the rows as Django would (through the compiler's converters: SQLite,
for one, returns dates as text). No SQL is written by hand and every value stays a bound
parameter.

Django has no public API for this (prepared statements are per connection and per backend);
what is used here, `SQLCompiler.as_sql`, `get_converters` and `apply_converters`, is what
`QuerySet.values()` itself runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from django.db import connection

# Placeholder numbers no real primary key takes.
PLACEHOLDER_BASE = -987_654_000


class PreparedValues:
    """`PreparedValues(build, n)`: build(placeholders) returns a values() queryset filtering on the
    n placeholder numbers; `run(values)` is `list(build(values))` without building again."""

    def __init__(self, build: Callable[[list[int]], object], count: int):
        placeholders = [PLACEHOLDER_BASE - n for n in range(count)]
        queryset = build(placeholders)
        compiler = queryset.query.get_compiler(connection=connection)
        self.sql, params = compiler.as_sql()
        slot_of = {placeholder: n for n, placeholder in enumerate(placeholders)}
        # For each parameter: the index of the value it stands for, or the constant itself.
        self.params = [(slot_of[p], None) if p in slot_of else (None, p) for p in params]
        if sorted(slot for slot, _ in self.params if slot is not None) != list(range(count)):
            raise ValueError("each placeholder must appear exactly once among the parameters")
        query = queryset.query
        self.names = [*query.extra_select, *query.values_select, *query.annotation_select]
        self.compiler = compiler
        self.converters = compiler.get_converters([column for column, _sql, _alias in compiler.select])

    def rows(self, values: Sequence) -> list[tuple]:
        """The rows as tuples, in the order of `names` (what `values_list()` gives)."""
        params = [values[slot] if slot is not None else constant for slot, constant in self.params]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            return [tuple(row) for row in self.compiler.apply_converters(rows, self.converters)]
        return rows

    def run(self, values: Sequence) -> list[dict]:
        """The rows as dicts (what `values()` gives)."""
        return [dict(zip(self.names, row, strict=True)) for row in self.rows(values)]


def prepared(build: Callable[[list[int]], object], count: int) -> PreparedValues:
    """The PreparedValues of `build` (a module-level function) for `count` values, made once per
    process and database engine."""
    return _prepared(build, count, connection.vendor)


@lru_cache(maxsize=256)
def _prepared(build, count: int, vendor: str) -> PreparedValues:
    return PreparedValues(build, count)
