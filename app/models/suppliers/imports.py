"""Supplier master import (CSV or Excel, all-or-nothing with row errors) and export.

Reuses the shared reader in ``app.models.core.csv_reader`` (encodings, header aliases, every bad row
reported). An Excel sheet is turned into the same CSV text first, so both paths check alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.models.admin import trail
from app.models.admin.identity import actor_name
from app.models.admin.permissions import requires
from app.models.core.csv_reader import Column, CsvRejected, RowError, choice, read_csv, read_rows, text
from app.models.core.database import Database
from app.models.core.validation import field_errors
from app.models.suppliers.errors import ValidationError
from app.models.suppliers.master import CODE_RE, supplier_rows
from app.models.suppliers.tables import Supplier, SupplierStatus, SupplierStatusChange

IMPORTANCE = {"I": "I", "II": "II", "III": "III", "1": "I", "2": "II", "3": "III", "关键": "I", "重要": "II", "一般": "III"}
RELATIONSHIP = {"competitive": "competitive", "partnership": "partnership", "竞争": "competitive",
                "竞争关系": "competitive", "合作伙伴": "partnership", "合作伙伴关系": "partnership"}


def _code(value: str) -> str:
    v = value.strip()
    if not CODE_RE.match(v):
        raise ValueError(f"bad supplier code {v!r} (letters, digits, '-', '_', '.'; at most 32)")
    return v


def _limited(n: int):
    def parse(value: str) -> str:
        v = value.strip()
        if len(v) > n:
            raise ValueError(f"longer than {n} characters")
        return v
    return parse


COLUMNS = [
    Column("code", _code, aliases=("代码", "供应商代码", "编码")),
    Column("name_zh", _limited(200), required=False, aliases=("中文名称", "名称", "供应商名称"), default=""),
    Column("name_en", _limited(200), required=False, aliases=("英文名称", "name"), default=""),
    Column("category", _limited(80), required=False, aliases=("类别", "品类"), default=""),
    Column("importance_class", choice(IMPORTANCE), required=False, aliases=("重要性", "重要性分类", "importance"),
           default="III"),
    Column("relationship", choice(RELATIONSHIP), required=False, aliases=("关系", "关系模式"), default="competitive"),
    Column("address", _limited(300), required=False, aliases=("地址",), default=""),
    Column("city", _limited(80), required=False, aliases=("城市",), default=""),
    Column("country", _limited(80), required=False, aliases=("国家",), default=""),
    Column("notes", text, required=False, aliases=("备注",), default=""),
]
HEADERS = {
    "en": ["code", "name_zh", "name_en", "category", "importance_class", "relationship", "status",
           "approval_valid_until", "latest_grade", "address", "city", "country", "notes"],
    "zh_CN": ["代码", "中文名称", "英文名称", "类别", "重要性", "关系", "状态", "认可有效期至", "最近等级", "地址", "城市",
              "国家", "备注"],
}


class SupplierImportError(ValidationError):
    """Nothing was imported; ``errors`` lists every bad row (``RowError(line, reason, column)``)."""

    code = "import_rejected"

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = list(errors)
        shown = "; ".join(str(e) for e in self.errors[:3])
        more = f" (and {len(self.errors) - 3} more)" if len(self.errors) > 3 else ""
        super().__init__(f"{len(self.errors)} problem(s), nothing imported: {shown}{more}")


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int


def _cell_text(v) -> str:
    if v is None:
        return ""
    if hasattr(v, "isoformat"):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _xlsx_rows(path: Path) -> list[tuple[int, list[str]]]:
    """The first sheet's rows as (row number, cell texts), for the same reader as a CSV."""
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for a bad file
        raise SupplierImportError([RowError(1, f"cannot read the workbook ({exc})")]) from exc
    try:
        return [(n, [_cell_text(v) for v in row])
                for n, row in enumerate(wb.worksheets[0].iter_rows(values_only=True), start=1)]
    finally:
        wb.close()


def _read(path: Path, columns) -> object:
    """Parse a CSV or an Excel file (recognised by its content, whatever its name says)."""
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_rows(_xlsx_rows(path), columns, encoding="xlsx")
    return read_csv(data, columns)


@requires("suppliers.import")
def import_suppliers(db: Database, path: str | Path) -> ImportResult:
    """Create new codes, update existing ones; any bad row refuses the whole file. One bulk trail
    entry (counts and the file's SHA-256), recorded as the signed-in user's."""
    path = Path(path)
    if not path.is_file():
        raise SupplierImportError([RowError(0, f"{path} does not exist")])
    errors: list[RowError] = []
    try:
        parsed = _read(path, COLUMNS)
    except CsvRejected as exc:
        errors.extend(exc.errors)
        parsed = None
    # cross-row checks run on the raw text too, so one pass reports every problem
    lenient = [Column(c.name, text, required=False, aliases=c.aliases, default="") for c in COLUMNS]
    try:
        raw = _read(path, lenient)
    except CsvRejected:
        raw = None
    if raw is not None:
        seen: dict[str, int] = {}
        for row, line in zip(raw.rows, raw.lines):
            code = row.get("code")
            if code in seen:
                errors.append(RowError(line, f"code {code} repeats line {seen[code]}", "code"))
            elif code:
                seen[code] = line
            if not row.get("name_zh") and not row.get("name_en"):
                errors.append(RowError(line, "a Chinese or English name is required", "name_zh"))
    if parsed is not None:  # the columns' own limits, alike on SQLite and PostgreSQL
        for row, line in zip(parsed.rows, parsed.lines):
            for err in field_errors(Supplier, row):
                errors.append(RowError(line, err.message.split(": ", 1)[-1], err.field))
    if errors or parsed is None:
        raise SupplierImportError(sorted(set(errors), key=lambda e: (e.line, e.column or "")))
    codes = [row["code"] for row in parsed.rows]
    created = updated = 0
    with db.begin() as s, trail.bulk(s, "import", "suppliers", file=path.name) as b:
        b.add_content(path.read_bytes())
        by = actor_name(s)
        existing = {sup.code: sup for sup in s.scalars(select(Supplier).where(Supplier.code.in_(codes)))}
        for row in parsed.rows:
            values = {k: ("" if v is None else v) for k, v in row.items()}
            sup = existing.get(values["code"])
            if sup is None:
                sup = Supplier(**values, status=SupplierStatus.POTENTIAL.value)
                s.add(sup)
                s.flush()
                s.add(SupplierStatusChange(supplier_id=sup.id, from_status=None, to_status=sup.status, changed_by=by,
                                           reason=f"imported from {path.name}"))
                created += 1
            else:
                for k, v in values.items():
                    setattr(sup, k, v)
                updated += 1
        b.details.update(rows=len(parsed.rows), created=created, updated=updated)
    return ImportResult(created, updated)


def export_suppliers(db: Database, path: str | Path, *, lang: str = "en", grade_kind: str | None = "month") -> int:
    """Write the supplier master to ``.csv`` (UTF-8 with BOM, opens in Excel) or ``.xlsx``; the
    latest grade is that of ``grade_kind`` periods (as on the grid)."""
    path = Path(path)
    rows = supplier_rows(db, grade_kind=grade_kind)
    with db.begin() as s:
        extra = {r.id: (r.address, r.city, r.country, r.notes) for r in s.scalars(select(Supplier))}
    header = HEADERS.get(lang, HEADERS["en"])
    data = []
    for r in rows:
        addr, city, country, notes = extra[r.id]
        data.append([r.code, r.name_zh, r.name_en, r.category, r.importance_class, r.relationship, r.status,
                     r.approval_valid_until, r.latest_grade or "", addr, city, country, notes])
    suffix = path.suffix.lower()
    # The one writer (text that a spreadsheet could run is stored as text); a leaf module, so
    # this model-layer function may use it without the models depending on the reports.
    from app.reports.tabular import write_csv, write_xlsx

    if suffix == ".csv":
        write_csv(path, header, data)
    elif suffix == ".xlsx":
        write_xlsx(path, header, data, title="供应商" if lang == "zh_CN" else "Suppliers",
                   widths=(10, 30, 36, 12, 8, 12, 14, 14, 8, 30, 12, 12, 20))
    else:
        raise ValidationError(f"cannot export to '{suffix}' (use .csv or .xlsx)", "bad_format")
    return len(data)
