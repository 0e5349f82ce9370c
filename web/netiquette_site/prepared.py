"""Querysets compiled to SQL once, and a plain INSERT, for the few queries every check makes.

Compiling a queryset costs Django far more than running it against an indexed table (about
0.3-0.8 ms against 0.02 ms on the development machine), and a check's whole budget is under
a millisecond, so the per-request lookups (the API token, the engine's cache key) are
written as ordinary querysets, compiled once per database, and re-run with a new value.
Rows still pass through the ORM's converters, so datetimes come back aware and booleans as
booleans, exactly as `values_list()` would return them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.sql.compiler import SQLCompiler

# Stands in for the run-time value while the queryset is compiled; never a real value.
PLACEHOLDER = "\x00prepared-query-value\x00"

Compiled = tuple[SQLCompiler, str, tuple[Any, ...]]


class PreparedQuery:
    """`build(value)` returns a `values_list()` queryset using `value` at most once as a
    filter value; `first(value)` runs it with the real value and returns its first row."""

    def __init__(self, build: Callable[[str], QuerySet[Any, Any]]) -> None:
        self._build = build
        self._compiled: dict[str, Compiled] = {}

    def _compile(self, using: str) -> Compiled:
        compiled = self._compiled.get(using)
        if compiled is None:
            compiler = self._build(PLACEHOLDER)[:1].query.get_compiler(using)
            sql, params = compiler.as_sql()
            compiled = self._compiled[using] = (compiler, sql, tuple(params))
        return compiled

    def first(self, value: str = PLACEHOLDER, using: str = DEFAULT_DB_ALIAS) -> Any:
        compiler, sql, params = self._compile(using)
        values = tuple(value if param == PLACEHOLDER else param for param in params)
        with connections[using].cursor() as cursor:
            cursor.execute(sql, values)
            row = cursor.fetchone()
        if row is None:
            return None
        return next(iter(compiler.results_iter([[row]], tuple_expected=True)))


def insert_row(obj: Model, using: str = DEFAULT_DB_ALIAS) -> None:
    """INSERT one new row for `obj` without the ORM's query compiler (no signals, like
    `bulk_create`; the primary key is not read back). Each field prepares its own value for
    the database, so auto_now_add dates, JSON and foreign keys are stored as `save()` would
    store them."""
    meta = obj._meta
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    connection = connections[using]
    quote = connection.ops.quote_name
    values = [field.get_db_prep_save(field.pre_save(obj, True), connection) for field in fields]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
