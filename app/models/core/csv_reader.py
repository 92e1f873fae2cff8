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
MAX_REPORTED = 200


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

    def __str__(self) -> str:
        where = f" ({self.column})" if self.column else ""
        return f"line {self.line}{where}: {self.reason}"


class CsvRejected(Exception):
    """The file was refused; nothing was imported. ``errors`` holds every problem found."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        self.errors = list(errors)
        shown = "; ".join(str(e) for e in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        super().__init__(f"{len(self.errors)} problem(s), nothing imported: {shown}{more}")


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
    """YYYY-MM-DD, also YYYY/MM/DD and YYYY.MM.DD (Excel on Chinese Windows writes slashes)."""
    m = _DATE.match(text.strip())
    if not m:
        raise ValueError(f"bad date {text!r} (use YYYY-MM-DD)")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValueError(f"bad date {text!r} (no such day)") from None


def _number(text: str) -> float:
    cleaned = text.strip().replace(",", "")
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"not a number: {text!r}") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"not a number: {text!r}")
    return value


def non_negative(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise ValueError(f"negative quantity {text.strip()}")
    return value


def positive(text: str) -> float:
    value = _number(text)
    if value < 0:
        raise ValueError(f"negative quantity {text.strip()}")
    if value == 0:
        raise ValueError("quantity must be greater than zero")
    return value


def non_negative_int(text: str) -> int:
    value = non_negative(text)
    if value != int(value):
        raise ValueError(f"not a whole number: {text.strip()}")
    return int(value)


def positive_int(text: str) -> int:
    value = positive(text)
    if value != int(value):
        raise ValueError(f"not a whole number: {text.strip()}")
    return int(value)


def text(value: str) -> str:
    return value.strip()


def choice(mapping: dict[str, str]) -> Callable[[str], str]:
    """Parser accepting any key of ``mapping`` (case-insensitive), returning its value."""
    lowered = {k.lower(): v for k, v in mapping.items()}

    def parse(value: str) -> str:
        key = value.strip().lower()
        if key not in lowered:
            raise ValueError(f"unknown value {value.strip()!r} (use {', '.join(sorted(set(mapping.values())))})")
        return lowered[key]

    return parse


# ---- reading --------------------------------------------------------------------------------

def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode with the given encoding, or UTF-8 (BOM optional) and then GB18030."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise CsvRejected([RowError(1, f"the file is not valid {encoding} ({exc.reason})")]) from None
    for enc in ENCODINGS:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise CsvRejected([RowError(1, "unknown text encoding; save the file as UTF-8 or GB18030")])


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-()（）]+", "", name).lower()


def read_csv(source: str | os.PathLike[str] | bytes, columns: Sequence[Column], *,
             mapping: dict[str, str] | None = None, encoding: str | None = None,
             raise_errors: bool = True) -> ParsedCsv:
    """Parse the whole file; raise :class:`CsvRejected` listing every bad row.

    ``mapping`` maps a column's canonical name to the header used in the file, for files whose
    headers match neither the canonical names nor the aliases.
    """
    data = source if isinstance(source, bytes) else open(source, "rb").read()
    content, used = decode(data, encoding)
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvRejected([RowError(1, "the file is empty")]) from None
    except csv.Error as exc:
        raise CsvRejected([RowError(1, f"unreadable CSV header ({exc})")]) from None
    positions = {_norm(h): i for i, h in enumerate(header)}
    where: dict[str, int] = {}
    errors: list[RowError] = []
    for col in columns:
        wanted = [mapping[col.name]] if mapping and col.name in mapping else [col.name, *col.aliases]
        found = next((positions[_norm(w)] for w in wanted if _norm(w) in positions), None)
        if found is not None:
            where[col.name] = found
        elif col.required:
            errors.append(RowError(1, f"missing column {wanted[0]!r}", col.name))
    if errors:
        raise CsvRejected(errors)

    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    try:
        for raw in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in raw):
                continue
            row: dict[str, Any] = {}
            before = len(errors)
            for col in columns:
                i = where.get(col.name)
                cell = raw[i].strip() if i is not None and i < len(raw) else ""
                if cell == "":
                    if col.required:
                        errors.append(RowError(line, "value missing", col.name))
                    row[col.name] = col.default
                    continue
                try:
                    row[col.name] = col.parse(cell)
                except ValueError as exc:
                    errors.append(RowError(line, str(exc), col.name))
            if len(errors) == before:
                rows.append(row)
                lines.append(line)
            if len(errors) >= MAX_REPORTED:
                break
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, f"unreadable CSV ({exc})"))
    if errors and raise_errors:
        raise CsvRejected(errors)
    if not rows and not errors:
        raise CsvRejected([RowError(2, "the file has a header but no data rows")])
    return ParsedCsv(rows, lines, used, header, errors)
