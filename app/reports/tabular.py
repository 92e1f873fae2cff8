"""The one xlsx/CSV writer every list export goes through (docs/architecture.md, "Exports").

Text from the database may begin with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return; a
spreadsheet would run it as a formula (OWASP "CSV Injection": ``=cmd|' /C calc'!A0``,
``=HYPERLINK(...)``). So:

* CSV: such text gets a leading ``'`` (the OWASP rule), which Excel and WPS show as plain text;
* xlsx: every text cell is stored with data type string — never a formula, whatever it begins with;
* numbers (``int``/``float``, also negative ones) stay numbers, and text that is only a number
  (``-12``, ``+5.0%``, ``1,200``) is left as it is: it cannot be a formula.

Only this module may call ``csv.writer(`` or create an ``openpyxl`` workbook
(``tests/reports/test_tabular.py`` scans ``app/`` for it). Use :func:`write_csv`,
:func:`write_xlsx` for a plain list, or :func:`new_workbook` for a styled sheet (its ``save``
makes every text cell a string first).
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

#: First characters that make a spreadsheet read a cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d[\d,]*)?(\.\d+)?([eE][+-]?\d+)?%?$")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could run ``text`` (it starts with a formula character and is not
    simply a signed number such as ``-12`` or ``+5.0%``)."""
    if not text or not text.startswith(FORMULA_START):
        return False
    return not (any(ch.isdigit() for ch in text) and _PLAIN_NUMBER.match(text))


def csv_cell(value: object) -> object:
    """A value as CSV should hold it: text that could run gets a leading ``'``; dates in ISO
    form; ``None`` empty; numbers unchanged."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def write_csv(path: str | os.PathLike[str], header: Sequence[object], rows: Iterable[Sequence[object]]) -> None:
    """UTF-8 with a byte-order mark (Excel on Chinese Windows then opens Chinese text correctly);
    every cell through :func:`csv_cell`."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([csv_cell(h) for h in header])
        w.writerows([csv_cell(v) for v in row] for row in rows)


def _text_cells_as_strings(wb) -> None:
    """Make every text cell a string cell, so nothing in the file is a formula."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"


def new_workbook():
    """An empty ``openpyxl`` workbook whose ``save`` stores every text cell as a string (never a
    formula). For reports that style their sheet; plain lists use :func:`write_xlsx`."""
    from openpyxl import Workbook

    class _SafeWorkbook(Workbook):
        def save(self, filename) -> None:
            _text_cells_as_strings(self)
            super().save(filename)

    return _SafeWorkbook()


def write_xlsx(path: str | os.PathLike[str], header: Sequence[object], rows: Iterable[Sequence[object]], *,
               title: str = "Sheet1", widths: Sequence[float] = (), date_format: str = "yyyy-mm-dd") -> None:
    """A one-sheet list: bold header row kept in view, optional column widths; text as text."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = new_workbook()
    ws = wb.active
    ws.title = _sheet_title(title)
    ws.append(list(header))
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in rows:
        ws.append(["" if v is None else v for v in row])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = date_format
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"
    wb.save(path)


def _sheet_title(title: str) -> str:
    # Excel refuses sheet names over 31 characters or with any of []:*?/\
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", str(title)).strip() or "Sheet1"
    return cleaned[:31]


def write_by_suffix(path: str | os.PathLike[str], writers: dict[str, Callable[[Path], None]]) -> Path:
    """Call the writer registered for the file's suffix (e.g. ``{".xlsx": ..., ".csv": ...}``)."""
    path = Path(path)
    writer = writers.get(path.suffix.lower())
    if writer is None:
        raise ValueError(f"unsupported file type {path.suffix!r}; use {', '.join(writers)}")
    writer(path)
    return path
