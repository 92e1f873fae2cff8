"""Values both database back ends accept: limits read from the column types.

SQLite stores a 1,000-character text in a ``String(40)`` column and an integer above 2³¹ in an
``Integer`` one; PostgreSQL refuses both (with a driver traceback). Services and importers check
their values here first, so both back ends accept and refuse the same things with the same
message:

* ``String(n)``/``Unicode(n)``: at most *n* characters (``Text`` has no limit);
* ``SmallInteger``/``Integer``/``BigInteger``: within int16/int32/int64;
* ``Float``/``Numeric``: a finite number;
* ``Date``/``DateTime``: year within :data:`YEAR_MIN`–:data:`YEAR_MAX`;
* NOT NULL (without a default): not ``None``.

Usage::

    errors = field_errors(Supplier, {"code": "X", "category": "…" * 500})
    # [FieldError(field='category', kind='too_long', limit=80, message='category: longer than 80 characters (500)')]
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Table, inspect
from sqlalchemy import types as sa_types

#: Dates outside these years are refused everywhere (typing mistakes such as 0001 or 9999).
YEAR_MIN, YEAR_MAX = 1900, 2199
DATE_MIN, DATE_MAX = date(YEAR_MIN, 1, 1), date(YEAR_MAX, 12, 31)

INT_RANGES = {
    "SmallInteger": (-(2 ** 15), 2 ** 15 - 1),
    "Integer": (-(2 ** 31), 2 ** 31 - 1),
    "BigInteger": (-(2 ** 63), 2 ** 63 - 1),
}


@dataclass(frozen=True)
class FieldError:
    """One value a column cannot hold: ``kind`` is a stable key (``too_long``, ``out_of_range``,
    ``not_finite``, ``bad_date``, ``required``, ``bad_type``) with its ``limit``, for a view to
    translate; ``message`` is one English line naming the field and the limit."""

    field: str
    kind: str
    limit: object
    message: str

    def __str__(self) -> str:
        return self.message


def _table(table_or_class) -> Table:
    if isinstance(table_or_class, Table):
        return table_or_class
    return inspect(table_or_class).local_table


def _int_range(type_: sa_types.TypeEngine) -> tuple[int, int]:
    for cls in type(type_).__mro__:
        if cls.__name__ in INT_RANGES and cls.__module__.startswith("sqlalchemy"):
            return INT_RANGES[cls.__name__]
    return INT_RANGES["Integer"]


def check_value(column, value: object, name: str | None = None) -> FieldError | None:
    """The problem of ``value`` for ``column`` (a SQLAlchemy ``Column``), or None."""
    name = name or column.name
    if value is None:
        if not column.nullable and column.default is None and column.server_default is None \
                and not column.primary_key:
            return FieldError(name, "required", None, f"{name}: a value is required")
        return None
    t = column.type
    if isinstance(t, sa_types.String):
        length = getattr(t, "length", None)
        if length is not None and isinstance(value, str) and len(value) > length:
            return FieldError(name, "too_long", length, f"{name}: longer than {length} characters ({len(value)})")
        return None
    if isinstance(t, sa_types.Integer):
        if isinstance(value, bool):
            return None
        if isinstance(value, float):
            if not math.isfinite(value) or value != int(value):
                return FieldError(name, "bad_type", None, f"{name}: not a whole number ({value!r})")
            value = int(value)
        if not isinstance(value, int):
            return FieldError(name, "bad_type", None, f"{name}: not a whole number ({value!r})")
        lo, hi = _int_range(t)
        if not lo <= value <= hi:
            return FieldError(name, "out_of_range", (lo, hi), f"{name}: {value} is outside {lo:,} to {hi:,}")
        return None
    if isinstance(t, (sa_types.Float, sa_types.Numeric)):
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError, OverflowError):
            return FieldError(name, "bad_type", None, f"{name}: not a number ({value!r})")
        if not math.isfinite(number):
            return FieldError(name, "not_finite", None, f"{name}: not a finite number ({value!r})")
        return None
    if isinstance(t, (sa_types.Date, sa_types.DateTime)):
        if isinstance(value, (date, datetime)) and not YEAR_MIN <= value.year <= YEAR_MAX:
            return FieldError(name, "bad_date", (YEAR_MIN, YEAR_MAX),
                              f"{name}: the year {value.year} is outside {YEAR_MIN}–{YEAR_MAX}")
        return None
    return None


def field_errors(table_or_class, values: Mapping[str, object], *,
                 names: Mapping[str, str] | None = None) -> list[FieldError]:
    """Every value of ``values`` (column name → value) that its column cannot hold on every
    supported back end. Keys that are not columns are ignored. ``names`` renames fields in the
    messages (e.g. the CSV header a column came from)."""
    columns = _table(table_or_class).columns
    out = []
    for key, value in values.items():
        column = columns.get(key)
        if column is None:
            continue
        problem = check_value(column, value, (names or {}).get(key, key))
        if problem is not None:
            out.append(problem)
    return out
