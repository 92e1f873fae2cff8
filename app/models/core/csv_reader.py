"""All-or-nothing CSV reading with column mapping, encodings and per-row error reports.

Any feature importing a CSV describes its columns (canonical name, accepted header aliases in
Chinese and English, a parser) and gets back either every row parsed or a
:class:`CsvRejected` listing *every* bad row with its line number and reason — never a partial
import. Files exported by Excel/WPS on Chinese Windows are GB18030 (GBK); others are UTF-8,
with or without a byte-order mark. Both are detected.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

ENCODINGS = ("utf-8-sig", "gb18030")
#: How many problems a refusal shows (CLI lines, the GUI dialog); the rest are counted.
MAX_REPORTED = 200
#: Quantities and prices above this are typing mistakes (1e308 fits a float, not an order).
MAX_QUANTITY = 1e9
#: Dates outside these years are refused (0001-01-01, 9999-12-31 are stand-ins for "no date", not dates).
YEAR_MIN, YEAR_MAX = 1900, 2199
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Reason(ValueError):
    """A parser's reason for refusing a value: English text plus a ``key`` and ``params`` that
    the commands' message catalogue (and views) translate."""

    def __init__(self, key: str, message: str, /, **params: Any) -> None:
        super().__init__(message)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], Any]
    required: bool = True
    aliases: tuple[str, ...] = ()
    default: Any = None


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str
    column: str | None = None
    #: Catalogue key and parameters of ``reason`` (``app.commands.messages``), when known.
    key: str | None = field(default=None, compare=False)
    params: dict[str, Any] | None = field(default=None, compare=False, hash=False)

    def __str__(self) -> str:
        where = f" ({self.column})" if self.column else ""
        return f"line {self.line}{where}: {self.reason}"

    @classmethod
    def of(cls, line: int, exc: Exception, column: str | None = None) -> "RowError":
        return cls(line, str(exc), column, getattr(exc, "key", None), getattr(exc, "params", None))


def problem(line: int, key: str, message: str, column: str | None = None, /, **params: Any) -> RowError:
    """A row (or file, line 1) problem with its catalogue key."""
    return RowError(line, message, column, key, params)


class CsvRejected(Exception):
    """The file was refused; nothing was imported. ``errors`` holds every problem found (sorted
    by line); show :meth:`shown` — the first :data:`MAX_REPORTED` — and say :attr:`hidden` more."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        shown = "; ".join(str(e) for e in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        super().__init__(f"{len(self.errors)} problem(s), nothing imported: {shown}{more}")

    def shown(self, limit: int = MAX_REPORTED) -> list[RowError]:
        return self.errors[:limit]

    @property
    def hidden(self) -> int:
        return max(0, len(self.errors) - MAX_REPORTED)


@dataclass
class ParsedCsv:
    rows: list[dict[str, Any]]
    lines: list[int]  # physical line number of each row, for later checks (duplicates, lookups)
    encoding: str
    header: list[str] = field(default_factory=list)
    #: Row problems found while parsing (only with ``raise_errors=False``; bad rows are left out
    #: of ``rows`` so the caller can run its own checks on the rest and report everything at once).
    errors: list[RowError] = field(default_factory=list)


# ---- parsers (raise ValueError with the reason) --------------------------------------------

_DATE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")


def parse_date(text: str) -> date:
    """YYYY-MM-DD, also YYYY/MM/DD and YYYY.MM.DD (Excel on Chinese Windows writes slashes);
    years :data:`YEAR_MIN`–:data:`YEAR_MAX`."""
    m = _DATE.match(text.strip())
    if not m:
        raise Reason("csv.bad_date", f"bad date {text!r} (use YYYY-MM-DD)", text=text)
    try:
        value = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise Reason("csv.no_day", f"bad date {text!r} (no such day)", text=text) from None
    if not YEAR_MIN <= value.year <= YEAR_MAX:
        raise Reason("csv.date_range", f"date {text.strip()} is outside {YEAR_MIN}–{YEAR_MAX}",
                     text=text.strip(), lo=YEAR_MIN, hi=YEAR_MAX)
    return value


def _number(text: str) -> float:
    cleaned = text.strip().replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise Reason("csv.not_number", f"not a number: {text!r}", text=text) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise Reason("csv.not_number", f"not a number: {text!r}", text=text)
    if abs(value) > MAX_QUANTITY:
        raise Reason("csv.too_large", f"{text.strip()} is implausibly large (at most {MAX_QUANTITY:,.0f})",
                     text=text.strip(), limit=int(MAX_QUANTITY))
    return value


def non_negative(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise Reason("csv.negative", f"negative quantity {text.strip()}", text=text.strip())
    return value


def positive(text: str) -> float:
    value = non_negative(text)
    if value == 0:
        raise Reason("csv.zero", "quantity must be greater than zero")
    return value


def _whole(value: float, text: str) -> int:
    if value != int(value):
        raise Reason("csv.not_whole", f"not a whole number: {text.strip()}", text=text.strip())
    return int(value)


def non_negative_int(text: str) -> int:
    return _whole(non_negative(text), text)


def positive_int(text: str) -> int:
    return _whole(positive(text), text)


def text(value: str) -> str:
    return value.strip()


def choice(mapping: dict[str, str]) -> Callable[[str], str]:
    """Parser accepting any key of ``mapping`` (case-insensitive), returning its value."""
    lowered = {k.lower(): v for k, v in mapping.items()}

    def parse(value: str) -> str:
        key = value.strip().lower()
        if key not in lowered:
            choices = ", ".join(sorted(set(mapping.values())))
            raise Reason("csv.unknown_value", f"unknown value {value.strip()!r} (use {choices})",
                         text=value.strip(), choices=choices)
        return lowered[key]

    return parse


# ---- reading --------------------------------------------------------------------------------

def _file_error(key: str, message: str, /, **params: Any) -> CsvRejected:
    return CsvRejected([problem(1, key, message, **params)])


def sniff_binary(data: bytes) -> None:
    """Refuse, by content, files that are not text whatever their name says."""
    head = data[:8]
    if head.startswith(b"PK\x03\x04"):
        raise _file_error("csv.xlsx", "this is an Excel workbook (.xlsx), not a CSV file: save it as CSV "
                                      "(comma delimited) first")
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _file_error("csv.xls", "this is an old Excel workbook (.xls), not a CSV file: save it as CSV "
                                     "(comma delimited) first")
    for magic, what in ((b"%PDF", "PDF"), (b"SQLite format 3", "SQLite database"), (b"\x89PNG", "PNG image"),
                        (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip archive")):
        if data.startswith(magic):
            raise _file_error("csv.binary", f"this is not a text file ({what}); import a CSV file", what=what)
    if data[:4096].count(b"\x00") > 8 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _file_error("csv.binary", "this is not a text file (binary data); import a CSV file",
                          what="binary data")


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode with the given encoding, or UTF-8 (BOM optional) and then GB18030."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise _file_error("csv.not_encoding", f"the file is not valid {encoding} ({exc.reason})",
                              encoding=encoding, reason=exc.reason) from None
    sniff_binary(data)
    for enc in ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise _file_error("csv.encoding", "unknown text encoding; save the file as UTF-8 or GB18030")


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-()（）]+", "", name).lower()


def unquote_formula(cell: str) -> str:
    """Undo the ``'`` that QualityBridge's own exports put before text starting with ``=``, ``+``,
    ``-``, ``@`` (``app.reports.tabular``), so a round trip changes nothing."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in _FORMULA_START:
        return cell[1:]
    return cell


def read_csv(source: str | os.PathLike[str] | bytes, columns: Sequence[Column], *,
             mapping: dict[str, str] | None = None, encoding: str | None = None,
             raise_errors: bool = True) -> ParsedCsv:
    """Parse the whole file; raise :class:`CsvRejected` listing every bad row.

    ``mapping`` maps a column's canonical name to the header used in the file, for files whose
    headers match neither the canonical names nor the aliases.
    """
    data = source if isinstance(source, bytes) else open(source, "rb").read()
    content, used = decode(data, encoding)
    return read_rows(_csv_records(content), columns, mapping=mapping, encoding=used, raise_errors=raise_errors)


def _csv_records(content: str):
    """(line, cells) per record of CSV text; an unclosed quote is reported at the line it opened."""
    reader = csv.reader(io.StringIO(content, newline=""), strict=True)
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "unexpected end of data" in str(exc) or "EOF" in str(exc):
                raise _QuoteError(start) from None
            raise _CsvError(reader.line_num or start, str(exc)) from None
        yield start, cells


class _QuoteError(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _CsvError(Exception):
    def __init__(self, line: int, detail: str) -> None:
        self.line, self.detail = line, detail


def read_rows(records, columns: Sequence[Column], *, mapping: dict[str, str] | None = None,
              encoding: str = "", raise_errors: bool = True) -> ParsedCsv:
    """Parse ``records`` — (line number, list of cell texts), the first one the header — as
    :func:`read_csv` does (an Excel sheet's rows come here directly)."""
    records = iter(records)
    try:
        first = next(records, None)
    except _QuoteError as exc:
        raise CsvRejected([problem(exc.line, "csv.unclosed_quote", "a quote opened on this line is never closed")]) \
            from None
    except _CsvError as exc:
        raise _file_error("csv.header", f"unreadable CSV header ({exc.detail})", detail=exc.detail) from None
    if first is None or not any(str(c).strip() for c in first[1]):
        raise _file_error("csv.empty", "the file is empty")
    header = [str(h).strip() for h in first[1]]
    known = {c.name for c in columns}
    errors: list[RowError] = []
    for name in (mapping or {}):
        if name not in known:
            errors.append(problem(1, "csv.map_unknown", f"the column mapping names an unknown column {name!r} "
                                  f"(columns: {', '.join(c.name for c in columns)})", None,
                                  column=name, known=", ".join(c.name for c in columns)))
    positions: dict[str, int] = {}
    duplicates: dict[str, tuple[int, int]] = {}
    for i, h in enumerate(header):
        key = _norm(h)
        if not key:
            continue
        if key in positions:
            duplicates.setdefault(key, (positions[key], i))
        else:
            positions[key] = i
    where: dict[str, int] = {}
    for col in columns:
        wanted = [mapping[col.name]] if mapping and col.name in mapping else [col.name, *col.aliases]
        found = next((_norm(w) for w in wanted if _norm(w) in positions), None)
        if found is not None:
            where[col.name] = positions[found]
            if found in duplicates:
                a, b = duplicates[found]
                errors.append(problem(1, "csv.duplicate_header", f"column {header[a]!r} appears twice (columns "
                                      f"{a + 1} and {b + 1}); remove one", col.name,
                                      header=header[a], first=a + 1, second=b + 1))
        elif col.required:
            errors.append(problem(1, "csv.missing_column", f"missing column {wanted[0]!r}", col.name,
                                  column=wanted[0]))
    if errors and len(header) == 1 and any(sep in header[0] for sep in (";", "\t", "|")):
        sep = next(sep for sep in (";", "\t", "|") if sep in header[0])
        raise _file_error("csv.delimiter", f"the columns are separated by {sep!r}, not by commas: save the file "
                                           "as CSV (comma delimited)", sep=sep)
    if errors:
        raise CsvRejected(errors)

    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    try:
        for line, raw in records:
            if not any(str(cell).strip() for cell in raw):
                continue
            row: dict[str, Any] = {}
            before = len(errors)
            for col in columns:
                i = where.get(col.name)
                cell = unquote_formula(str(raw[i]).strip()) if i is not None and i < len(raw) else ""
                if cell == "":
                    if col.required:
                        errors.append(problem(line, "csv.value_missing", "value missing", col.name))
                    row[col.name] = col.default
                    continue
                if _CONTROL.search(cell):
                    errors.append(problem(line, "csv.nul", "the text contains a NUL or control character", col.name))
                    continue
                try:
                    row[col.name] = col.parse(cell)
                except ValueError as exc:
                    errors.append(RowError.of(line, exc, col.name))
            if len(errors) == before:
                rows.append(row)
                lines.append(line)
    except _QuoteError as exc:
        errors.append(problem(exc.line, "csv.unclosed_quote", "a quote opened on this line is never closed"))
    except _CsvError as exc:
        errors.append(problem(exc.line, "csv.unreadable", f"unreadable CSV ({exc.detail})", detail=exc.detail))
    if errors and raise_errors:
        raise CsvRejected(errors)
    if not rows and not errors:
        raise CsvRejected([problem(2, "csv.no_rows", "the file has a header but no data rows")])
    return ParsedCsv(rows, lines, encoding, header, errors)
