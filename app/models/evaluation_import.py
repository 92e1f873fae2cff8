"""CSV import of deliveries and inspection lots for supplier evaluation (all or nothing).

Every row is checked first — unknown supplier or part, bad dates, negative quantities,
duplicates within the file or against the database, order lines that contradict earlier ones —
and the file is refused with every problem listed, or imported in one transaction.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from app.models.csv_import import (
    Column, CsvRejected, RowError, choice, non_negative, non_negative_int, parse_date, positive, positive_int,
    read_csv, text,
)
from app.models.database import Database

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


def _lookup(conn, table: str, codes: set[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    codes_list = sorted(c for c in codes if c)
    for i in range(0, len(codes_list), 500):
        chunk = codes_list[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out.update(conn.execute(f"SELECT code, id FROM {table} WHERE code IN ({marks})", chunk).fetchall())
    return out


def import_csv(db: Database, kind: str, source: str | os.PathLike[str] | bytes, *,
               mapping: dict[str, str] | None = None, encoding: str | None = None) -> ImportSummary:
    """Import a deliveries or inspection-lots CSV; raises :class:`CsvRejected` on any bad row."""
    if kind not in KINDS:
        raise ValueError(f"unknown import kind {kind!r}; use {' or '.join(KINDS)}")
    columns = DELIVERY_COLUMNS if kind == "deliveries" else LOT_COLUMNS
    parsed = read_csv(source, columns, mapping=mapping, encoding=encoding, raise_errors=False)
    with db.begin() as session:
        conn = session.connection().connection.driver_connection
        if kind == "deliveries":
            created = _deliveries(conn, parsed.rows, parsed.lines, parsed.errors)
        else:
            created = _lots(conn, parsed.rows, parsed.lines, parsed.errors)
    return ImportSummary(kind, len(parsed.rows), created, parsed.encoding)


def _common_checks(conn, rows, lines, errors: list[RowError]) -> tuple[dict[str, int], dict[str, int]]:
    suppliers = _lookup(conn, "suppliers", {r["supplier_code"] for r in rows})
    parts = _lookup(conn, "parts", {r.get("part_code") or "" for r in rows})
    for row, line in zip(rows, lines):
        if row["supplier_code"] not in suppliers:
            errors.append(RowError(line, f"unknown supplier {row['supplier_code']!r}", "supplier_code"))
        if row.get("part_code") and row["part_code"] not in parts:
            errors.append(RowError(line, f"unknown part {row['part_code']!r}", "part_code"))
    return suppliers, parts


def _deliveries(conn, rows, lines, parse_errors: list[RowError]) -> int:
    errors: list[RowError] = list(parse_errors)
    suppliers, parts = _common_checks(conn, rows, lines, errors)
    keys = {(r["po_number"], r["line_no"]) for r in rows}
    existing_lines: dict[tuple[str, int], tuple] = {}
    for po in sorted({k[0] for k in keys}):
        for row in conn.execute("SELECT po_number, line_no, id, supplier_id, ordered_qty, due_on FROM"
                                " purchase_order_lines WHERE po_number = ?", (po,)):
            existing_lines[(row[0], row[1])] = row[2:]
    seen_line: dict[tuple[str, int], tuple] = {}
    seen_delivery: dict[tuple, int] = {}
    for row, line in zip(rows, lines):
        key = (row["po_number"], row["line_no"])
        sid = suppliers.get(row["supplier_code"])
        terms = (sid, row["ordered_qty"], row["due_date"].isoformat())
        if key in existing_lines:
            _id, e_sid, e_qty, e_due = existing_lines[key]
            if sid is not None and (e_sid, e_qty, e_due) != terms:
                errors.append(RowError(line, f"order {key[0]} line {key[1]} already exists with a different"
                                             " supplier, quantity or due date"))
        elif key in seen_line and sid is not None and seen_line[key] != terms:
            errors.append(RowError(line, f"order {key[0]} line {key[1]} has different supplier, quantity or"
                                         " due date on another row"))
        seen_line.setdefault(key, terms)
        dkey = (key, row["delivered_date"], row["delivered_qty"], row["delivery_note"] or "")
        if dkey in seen_delivery:
            errors.append(RowError(line, f"duplicate of line {seen_delivery[dkey]}"))
        seen_delivery.setdefault(dkey, line)
        if key in existing_lines and conn.execute(
                "SELECT 1 FROM deliveries WHERE po_line_id = ? AND delivered_on = ? AND quantity = ?"
                " AND delivery_note = ?", (existing_lines[key][0], row["delivered_date"].isoformat(),
                                           row["delivered_qty"], row["delivery_note"] or "")).fetchone():
            errors.append(RowError(line, "duplicate: this delivery is already in the database"))
    if errors:
        raise CsvRejected(sorted(errors, key=lambda e: e.line))
    created = 0
    line_ids = {k: v[0] for k, v in existing_lines.items()}
    for row in rows:
        key = (row["po_number"], row["line_no"])
        if key not in line_ids:
            cur = conn.execute(
                "INSERT INTO purchase_order_lines (supplier_id, part_id, po_number, line_no, ordered_qty, due_on,"
                " unit_price, standard_price) VALUES (?,?,?,?,?,?,?,?)",
                (suppliers[row["supplier_code"]], parts.get(row.get("part_code") or ""), key[0], key[1],
                 row["ordered_qty"], row["due_date"].isoformat(), row.get("unit_price"), row.get("standard_price")))
            line_ids[key] = cur.lastrowid
            created += 1
    conn.executemany(
        "INSERT INTO deliveries (po_line_id, delivered_on, quantity, delivery_note) VALUES (?,?,?,?)",
        [(line_ids[(r["po_number"], r["line_no"])], r["delivered_date"].isoformat(), r["delivered_qty"],
          r["delivery_note"] or "") for r in rows])
    return created


def _lots(conn, rows, lines, parse_errors: list[RowError]) -> int:
    errors: list[RowError] = list(parse_errors)
    suppliers, parts = _common_checks(conn, rows, lines, errors)
    seen: dict[tuple[str, str], int] = {}
    for row, line in zip(rows, lines):
        key = (row["supplier_code"], row["lot_number"])
        if key in seen:
            errors.append(RowError(line, f"duplicate lot {row['lot_number']!r} (also on line {seen[key]})",
                                   "lot_number"))
        seen.setdefault(key, line)
        sid = suppliers.get(row["supplier_code"])
        if sid is not None and conn.execute("SELECT 1 FROM inspection_lots WHERE supplier_id = ? AND lot_number = ?",
                                            (sid, row["lot_number"])).fetchone():
            errors.append(RowError(line, f"duplicate: lot {row['lot_number']!r} is already in the database",
                                   "lot_number"))
        if row["sample_size"] > row["lot_size"]:
            errors.append(RowError(line, "sample size is larger than the lot", "sample_size"))
        if row["defective_units"] > row["lot_size"]:
            errors.append(RowError(line, "more defective units than the lot holds", "defective_units"))
        if row["decision"] == "accepted" and row.get("disposition") not in (None, "concession"):
            errors.append(RowError(line, "an accepted lot has no disposition", "disposition"))
    if errors:
        raise CsvRejected(sorted(errors, key=lambda e: e.line))
    conn.executemany(
        "INSERT INTO inspection_lots (lot_number, supplier_id, part_id, inspected_on, lot_size, sample_size,"
        " critical_defects, major_defects, minor_defects, defective_units, decision, disposition, severity,"
        " inspector, notes) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'normal',?,'')",
        [(r["lot_number"], suppliers[r["supplier_code"]], parts.get(r.get("part_code") or ""),
          r["inspected_date"].isoformat(), r["lot_size"], r["sample_size"], r["critical_defects"],
          r["major_defects"], r["minor_defects"], r["defective_units"], r["decision"], r.get("disposition"),
          r["inspector"] or "") for r in rows])
    return 0
