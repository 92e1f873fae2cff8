"""CSV import of deliveries and inspection lots for supplier evaluation (all or nothing).

Every row is checked first — unknown supplier or part, bad dates, negative quantities,
duplicates within the file or against the database, order lines that contradict earlier ones —
and the file is refused with every problem listed, or imported in one transaction.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.csv_reader import (
    Column, CsvRejected, RowError, choice, non_negative, non_negative_int, parse_date, positive, positive_int,
    problem, read_csv, text,
)
from app.models.core.database import Database
from app.models.core.validation import field_errors
from app.models.evaluation.tables import Delivery, InspectionLot, PurchaseOrderLine
from app.models.suppliers.tables import Part, Supplier

KINDS = ("deliveries", "inspection-lots")

DELIVERY_COLUMNS = (
    Column("supplier_code", text, aliases=("supplier", "供应商代码", "供应商编码", "供应商")),
    Column("po_number", text, aliases=("po", "order", "采购订单号", "订单号")),
    Column("line_no", positive_int, required=False, default=1, aliases=("line", "行号")),
    Column("part_code", text, required=False, aliases=("part", "item", "物料代码", "物料编码", "零件号")),
    Column("ordered_qty", positive, aliases=("ordered", "订货数量", "订单数量")),
    Column("due_date", parse_date, aliases=("due", "要求交期", "交货期")),
    Column("delivered_qty", positive, aliases=("quantity", "delivered", "交货数量", "到货数量")),
    Column("delivered_date", parse_date, aliases=("delivered_on", "交货日期", "到货日期")),
    Column("unit_price", non_negative, required=False, aliases=("price", "单价")),
    Column("standard_price", positive, required=False, aliases=("标准价", "标准单价")),
    Column("delivery_note", text, required=False, default="", aliases=("送货单号",)),
)
DECISIONS = {"accepted": "accepted", "accept": "accepted", "a": "accepted", "合格": "accepted", "接收": "accepted",
             "rejected": "rejected", "reject": "rejected", "r": "rejected", "不合格": "rejected", "拒收": "rejected"}
DISPOSITIONS = {"return": "return", "退货": "return", "rework": "rework", "返工": "rework",
                "concession": "concession", "让步接收": "concession", "scrap": "scrap", "报废": "scrap",
                "sort": "sort", "挑选": "sort"}
LOT_COLUMNS = (
    Column("lot_number", text, aliases=("lot", "批号", "批次号")),
    Column("supplier_code", text, aliases=("supplier", "供应商代码", "供应商编码", "供应商")),
    Column("part_code", text, required=False, aliases=("part", "item", "物料代码", "物料编码", "零件号")),
    Column("inspected_date", parse_date, aliases=("inspected_on", "date", "检验日期")),
    Column("lot_size", positive_int, aliases=("批量", "批量大小")),
    Column("sample_size", non_negative_int, aliases=("样本量", "样本大小")),
    Column("critical_defects", non_negative_int, required=False, default=0, aliases=("critical", "致命缺陷")),
    Column("major_defects", non_negative_int, required=False, default=0, aliases=("major", "严重缺陷", "重缺陷")),
    Column("minor_defects", non_negative_int, required=False, default=0, aliases=("minor", "轻微缺陷", "轻缺陷")),
    Column("defective_units", non_negative_int, required=False, default=0, aliases=("defectives", "不合格品数")),
    Column("decision", choice(DECISIONS), aliases=("result", "判定", "检验结论")),
    Column("disposition", choice(DISPOSITIONS), required=False, aliases=("处置", "处理方式")),
    Column("inspector", text, required=False, default="", aliases=("检验员",)),
)


@dataclass(frozen=True)
class ImportSummary:
    kind: str
    rows: int
    created_lines: int
    encoding: str


def _chunks(values, size: int = 500):
    values = sorted(values)
    for i in range(0, len(values), size):
        yield values[i:i + size]


def _lookup(session: Session, table, codes: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for chunk in _chunks(c for c in codes if c):
        out.update((code, ident) for code, ident in session.execute(
            select(table.c.code, table.c.id).where(table.c.code.in_(chunk))))
    return out


@requires("evaluation.import")
def import_csv(db: Database, kind: str, source: str | os.PathLike[str] | bytes, *,
               mapping: dict[str, str] | None = None, encoding: str | None = None) -> ImportSummary:
    """Import a deliveries or inspection-lots CSV; raises :class:`CsvRejected` on any bad row.
    Portable SQL (SQLite and PostgreSQL); one transaction, so a refused file changes nothing.
    One bulk trail entry: who, the file, the counts and the file's SHA-256."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}; use {' or '.join(KINDS)}")
    columns = DELIVERY_COLUMNS if kind == "deliveries" else LOT_COLUMNS
    data = source if isinstance(source, bytes) else open(source, "rb").read()
    name = "" if isinstance(source, bytes) else os.path.basename(os.fspath(source))
    parsed = read_csv(data, columns, mapping=mapping, encoding=encoding, raise_errors=False)
    _check_column_limits(kind, parsed)
    entity = "deliveries" if kind == "deliveries" else "inspection_lots"
    with db.begin() as session, trail.bulk(session, "import", entity, file=name, rows=len(parsed.rows)) as bulk:
        bulk.add_content(data)
        if kind == "deliveries":
            created = _deliveries(session, parsed.rows, parsed.lines, parsed.errors)
            bulk.count("purchase_order_lines.create", created)
        else:
            created = _lots(session, parsed.rows, parsed.lines, parsed.errors)
            # Imported lots also move the switching state of their supplier x part (inspection).
            from app.models.inspection import switching
            switching.update_imported(session, {(r["supplier_code"], r.get("part_code") or "") for r in parsed.rows})
        bulk.count(f"{entity}.create", len(parsed.rows))  # all or nothing: every row is stored
    return ImportSummary(kind, len(parsed.rows), created, parsed.encoding)


# Where each CSV column is stored: limits (length, int32, finite, date range) come from the column
# types, so SQLite and PostgreSQL refuse the same rows with the same message.
_STORED = {
    "deliveries": ((PurchaseOrderLine, {"po_number": "po_number", "line_no": "line_no", "ordered_qty": "ordered_qty",
                                        "due_date": "due_on", "unit_price": "unit_price",
                                        "standard_price": "standard_price"}),
                   (Delivery, {"delivered_date": "delivered_on", "delivered_qty": "quantity",
                               "delivery_note": "delivery_note"}),
                   (Supplier, {"supplier_code": "code"}), (Part, {"part_code": "code"})),
    "inspection-lots": ((InspectionLot, {c: c for c in ("lot_number", "lot_size", "sample_size", "critical_defects",
                                                        "major_defects", "minor_defects", "defective_units",
                                                        "decision", "disposition", "inspector")}
                         | {"inspected_date": "inspected_on"}),
                        (Supplier, {"supplier_code": "code"}), (Part, {"part_code": "code"})),
}


def _check_column_limits(kind: str, parsed) -> None:
    """Move rows whose values a column cannot hold (on either back end) to ``parsed.errors``."""
    keep_rows, keep_lines = [], []
    for row, line in zip(parsed.rows, parsed.lines):
        bad = False
        for table, fields in _STORED[kind]:
            values = {stored: row.get(csv_name) for csv_name, stored in fields.items() if row.get(csv_name) is not None}
            names = {stored: csv_name for csv_name, stored in fields.items()}
            for err in field_errors(table, values, names=names):
                bad = True
                reason = err.message.split(": ", 1)[-1]
                if err.kind == "too_long":
                    parsed.errors.append(problem(line, "csv.too_long", reason, err.field, limit=err.limit,
                                                 length=len(str(row.get(err.field, "")))))
                elif err.kind == "out_of_range":
                    parsed.errors.append(problem(line, "csv.out_of_range", reason, err.field,
                                                 value=row.get(err.field), lo=err.limit[0], hi=err.limit[1]))
                else:
                    parsed.errors.append(RowError(line, reason, err.field))
        if not bad:
            keep_rows.append(row)
            keep_lines.append(line)
    parsed.rows, parsed.lines = keep_rows, keep_lines


def _common_checks(session, rows, lines, errors: list[RowError]) -> tuple[dict[str, int], dict[str, int]]:
    suppliers = _lookup(session, Supplier.__table__, {r["supplier_code"] for r in rows})
    parts = _lookup(session, Part.__table__, {r.get("part_code") or "" for r in rows})
    for row, line in zip(rows, lines):
        if row["supplier_code"] not in suppliers:
            errors.append(problem(line, "import.unknown_supplier", f"unknown supplier {row['supplier_code']!r}",
                                  "supplier_code", code=row["supplier_code"]))
        if row.get("part_code") and row["part_code"] not in parts:
            errors.append(problem(line, "import.unknown_part", f"unknown part {row['part_code']!r}", "part_code",
                                  code=row["part_code"]))
    return suppliers, parts


def _deliveries(session, rows, lines, parse_errors: list[RowError]) -> int:
    errors: list[RowError] = list(parse_errors)
    suppliers, parts = _common_checks(session, rows, lines, errors)
    pol, dl = PurchaseOrderLine.__table__, Delivery.__table__
    keys = {(r["po_number"], r["line_no"]) for r in rows}
    existing_lines: dict[tuple[str, int], tuple] = {}
    for chunk in _chunks({k[0] for k in keys}):
        for row in session.execute(select(pol.c.po_number, pol.c.line_no, pol.c.id, pol.c.supplier_id,
                                          pol.c.ordered_qty, pol.c.due_on).where(pol.c.po_number.in_(chunk))):
            existing_lines[(row[0], row[1])] = tuple(row[2:])
    # Deliveries already stored against those lines, to refuse re-importing the same file.
    stored: set[tuple] = set()
    for chunk in _chunks({v[0] for v in existing_lines.values()}):
        stored.update((r[0], r[1], float(r[2]), r[3]) for r in session.execute(
            select(dl.c.po_line_id, dl.c.delivered_on, dl.c.quantity, dl.c.delivery_note)
            .where(dl.c.po_line_id.in_(chunk))))
    seen_line: dict[tuple[str, int], tuple] = {}
    seen_delivery: dict[tuple, int] = {}
    for row, line in zip(rows, lines):
        key = (row["po_number"], row["line_no"])
        sid = suppliers.get(row["supplier_code"])
        terms = (sid, float(row["ordered_qty"]), row["due_date"])
        if key in existing_lines:
            _id, e_sid, e_qty, e_due = existing_lines[key]
            if sid is not None and (e_sid, float(e_qty), e_due) != terms:
                errors.append(problem(line, "import.line_conflict_db", f"order {key[0]} line {key[1]} already exists "
                                      "with a different supplier, quantity or due date", None,
                                      po=key[0], line_no=key[1]))
        elif key in seen_line and sid is not None and seen_line[key] != terms:
            errors.append(problem(line, "import.line_conflict_file", f"order {key[0]} line {key[1]} has different "
                                  "supplier, quantity or due date on another row", None, po=key[0], line_no=key[1]))
        seen_line.setdefault(key, terms)
        dkey = (key, row["delivered_date"], row["delivered_qty"], row["delivery_note"] or "")
        if dkey in seen_delivery:
            errors.append(problem(line, "import.duplicate_row", f"duplicate of line {seen_delivery[dkey]}", None,
                                  other=seen_delivery[dkey]))
        seen_delivery.setdefault(dkey, line)
        if key in existing_lines and (existing_lines[key][0], row["delivered_date"], float(row["delivered_qty"]),
                                      row["delivery_note"] or "") in stored:
            errors.append(problem(line, "import.delivery_stored", "duplicate: this delivery is already in the database"))
    if errors:
        raise CsvRejected(sorted(errors, key=lambda e: e.line))
    created = 0
    line_ids = {k: v[0] for k, v in existing_lines.items()}
    for row in rows:
        key = (row["po_number"], row["line_no"])
        if key not in line_ids:
            result = session.execute(insert(pol).values(
                supplier_id=suppliers[row["supplier_code"]], part_id=parts.get(row.get("part_code") or ""),
                po_number=key[0], line_no=key[1], ordered_qty=row["ordered_qty"], due_on=row["due_date"],
                unit_price=row.get("unit_price"), standard_price=row.get("standard_price")))
            line_ids[key] = result.inserted_primary_key[0]
            created += 1
    session.execute(insert(dl), [
        {"po_line_id": line_ids[(r["po_number"], r["line_no"])], "delivered_on": r["delivered_date"],
         "quantity": r["delivered_qty"], "delivery_note": r["delivery_note"] or ""} for r in rows])
    return created


def _lots(session, rows, lines, parse_errors: list[RowError]) -> int:
    errors: list[RowError] = list(parse_errors)
    suppliers, parts = _common_checks(session, rows, lines, errors)
    lots = InspectionLot.__table__
    stored: set[tuple[int, str]] = set()
    for chunk in _chunks({r["lot_number"] for r in rows}):
        stored.update((r[0], r[1]) for r in session.execute(
            select(lots.c.supplier_id, lots.c.lot_number).where(lots.c.lot_number.in_(chunk))))
    seen: dict[tuple[str, str], int] = {}
    for row, line in zip(rows, lines):
        key = (row["supplier_code"], row["lot_number"])
        if key in seen:
            errors.append(problem(line, "import.duplicate_lot", f"duplicate lot {row['lot_number']!r} (also on line "
                                  f"{seen[key]})", "lot_number", lot=row["lot_number"], other=seen[key]))
        seen.setdefault(key, line)
        sid = suppliers.get(row["supplier_code"])
        if sid is not None and (sid, row["lot_number"]) in stored:
            errors.append(problem(line, "import.lot_stored", f"duplicate: lot {row['lot_number']!r} is already in "
                                  "the database", "lot_number", lot=row["lot_number"]))
        if row["sample_size"] > row["lot_size"]:
            errors.append(problem(line, "import.sample_gt_lot", "sample size is larger than the lot", "sample_size"))
        if row["defective_units"] > row["lot_size"]:
            errors.append(problem(line, "import.defectives_gt_lot", "more defective units than the lot holds",
                                  "defective_units"))
        elif row["defective_units"] > row["sample_size"]:
            # Defective units are counted in the inspected sample: 400 in a sample of 5 is a typing mistake.
            errors.append(problem(line, "import.defectives_gt_sample",
                                  f"{row['defective_units']} defective units in a sample of {row['sample_size']}",
                                  "defective_units", defectives=row["defective_units"], sample=row["sample_size"]))
        if row["decision"] == "accepted" and row.get("disposition") not in (None, "concession"):
            errors.append(problem(line, "import.accepted_disposition", "an accepted lot has no disposition",
                                  "disposition"))
    if errors:
        raise CsvRejected(sorted(errors, key=lambda e: e.line))
    session.execute(insert(lots), [
        {"lot_number": r["lot_number"], "supplier_id": suppliers[r["supplier_code"]],
         "part_id": parts.get(r.get("part_code") or ""), "inspected_on": r["inspected_date"],
         "lot_size": r["lot_size"], "sample_size": r["sample_size"], "critical_defects": r["critical_defects"],
         "major_defects": r["major_defects"], "minor_defects": r["minor_defects"],
         "defective_units": r["defective_units"], "decision": r["decision"], "disposition": r.get("disposition"),
         "severity": "normal", "inspector": r["inspector"] or "", "notes": ""} for r in rows])
    return 0
