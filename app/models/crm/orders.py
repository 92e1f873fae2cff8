"""Customer orders: import from an ERP export (CSV or xlsx, all-or-nothing with row errors, column
mapping remembered by name), entry by hand, and the order list.

One file row is one order line; rows with the same order number form one order (customer and date
must agree). A line links to the customer's supplied part (``customer_parts`` by our part code)
where it exists, and keeps the part code/name text of the export either way. The import is one
trail entry (``trail.bulk``, counts and the file's hash); an order entered by hand is trailed row
by row by the ORM.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.csv_reader import Column, CsvRejected, RowError, non_negative, parse_date, problem, text
from app.models.core.database import Database
from app.models.core.validation import field_errors
from app.models.crm.tables_orders import CrmImportMapping, CrmOrder, CrmOrderLine
from app.models.customers.imports import CustomerImportError, _read
from app.models.customers.tables import Customer, CustomerPart
from app.models.suppliers.tables import Part


def _signed(value: str) -> float:
    v = value.strip().replace(",", "")
    try:
        return float(v)
    except ValueError:
        raise ValueError(f"{value.strip()!r} is not a number") from None


COLUMNS = (
    Column("order_no", text, aliases=("order", "order number", "订单号", "订单编号", "单号")),
    Column("customer", text, aliases=("customer code", "customer_code", "顾客", "顾客代码", "客户", "客户代码")),
    Column("order_date", parse_date, aliases=("date", "日期", "订单日期")),
    Column("part_code", text, required=False, default="", aliases=("part", "零件号", "物料号", "物料编码")),
    Column("part_name", text, required=False, default="", aliases=("零件名称", "物料名称", "品名")),
    Column("quantity", non_negative, aliases=("qty", "数量")),
    Column("amount", non_negative, aliases=("revenue", "金额", "销售额")),
    Column("margin", _signed, required=False, default=0.0, aliases=("毛利", "毛利额")),
    Column("currency", text, required=False, default="CNY", aliases=("币种", "货币")),
)
FIELDS = tuple(c.name for c in COLUMNS)


class OrderImportError(CustomerImportError):
    """Nothing was imported; ``errors`` lists every bad row."""


class OrderError(ValueError):
    """A refusal the user can fix; ``text(lang)`` in both languages."""

    def __init__(self, key: str, en: str, zh: str) -> None:
        super().__init__(en)
        self.key, self._en, self._zh = key, en, zh

    def text(self, lang: str = "en") -> str:
        return self._zh if lang == "zh_CN" else self._en


@dataclass(frozen=True)
class ImportResult:
    orders: int
    lines: int
    linked_parts: int


@dataclass(frozen=True)
class OrderRow:
    id: int
    order_no: str
    customer_code: str
    order_date: date
    lines: int
    amount: float
    margin: float
    currency: str


# ---- remembered mappings ------------------------------------------------------------------------
def mappings(db: Database) -> dict[str, dict[str, str]]:
    with db.begin() as s:
        return {m.name: json.loads(m.mapping_json) for m in s.scalars(select(CrmImportMapping)
                                                                       .order_by(CrmImportMapping.name))}


@requires("crm.orders")
def save_mapping(db: Database, name: str, mapping: dict[str, str]) -> None:
    """Remember a column mapping (our field → the file's header) under ``name``."""
    name = (name or "").strip()
    if not name:
        raise OrderError("crm.mapping_name", "mapping name: a value is required", "映射名称：必须填写")
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise OrderError("crm.mapping_field", f"mapping: unknown field(s) {', '.join(unknown)}",
                         f"映射：未知字段 {', '.join(unknown)}")
    clean = {k: v.strip() for k, v in mapping.items() if v and v.strip()}
    with db.begin() as s:
        row = s.scalar(select(CrmImportMapping).where(CrmImportMapping.name == name))
        if row is None:
            row = CrmImportMapping(name=name)
            s.add(row)
        row.mapping_json = json.dumps(clean, ensure_ascii=False, sort_keys=True)
        row.updated_by = db.actor.name


def _resolve_mapping(db: Database, mapping: dict[str, str] | str | None) -> dict[str, str] | None:
    if mapping is None or isinstance(mapping, dict):
        return mapping or None
    found = mappings(db).get(mapping)
    if found is None:
        raise OrderError("crm.mapping_unknown", f"there is no saved mapping {mapping!r}",
                         f"没有名为“{mapping}”的已保存映射")
    return found


# ---- import ---------------------------------------------------------------------------------------
@requires("crm.orders")
def import_orders(db: Database, path: str | Path, *, mapping: dict[str, str] | str | None = None) -> ImportResult:
    """Import order lines; ``mapping`` is a field → header dict or the name of a saved mapping.
    Any bad row refuses the whole file; an order number already in the database is refused."""
    path = Path(path)
    if not path.is_file():
        raise OrderImportError([problem(0, "customers.no_file", f"{path} does not exist", None, path=str(path))])
    cols = _resolve_mapping(db, mapping)
    data = path.read_bytes()
    try:
        parsed = _read(data, path, COLUMNS, cols)
    except CsvRejected as exc:
        raise OrderImportError(exc.errors) from exc
    except CustomerImportError as exc:
        raise OrderImportError(exc.errors) from exc
    errors: list[RowError] = list(parsed.errors)
    with db.begin() as s:
        codes = {r["customer"] for r in parsed.rows}
        customers = dict(s.execute(select(Customer.code, Customer.id).where(Customer.code.in_(codes))).all()) if codes else {}
        numbers = {r["order_no"] for r in parsed.rows}
        taken = set(s.scalars(select(CrmOrder.order_no).where(CrmOrder.order_no.in_(numbers)))) if numbers else set()
        links = {(cid, code): cpid for cpid, cid, code in s.execute(
            select(CustomerPart.id, CustomerPart.customer_id, Part.code).join(Part, Part.id == CustomerPart.part_id))}
        heads: dict[str, tuple[str, date, int]] = {}
        for row, line in zip(parsed.rows, parsed.lines):
            no = row["order_no"]
            if row["customer"] not in customers:
                errors.append(problem(line, "crm.no_customer", f"there is no customer {row['customer']!r}",
                                      "customer", code=row["customer"]))
            if no in taken:
                errors.append(problem(line, "crm.order_exists", f"order {no} is already in the database",
                                      "order_no", order=no))
            head = heads.setdefault(no, (row["customer"], row["order_date"], line))
            if head[:2] != (row["customer"], row["order_date"]):
                errors.append(problem(line, "crm.order_mismatch",
                                      f"order {no}: customer or date differs from line {head[2]}", "order_no",
                                      order=no, first=head[2]))
            for err in field_errors(CrmOrderLine, {"part_code": row["part_code"], "part_name": row["part_name"]}):
                errors.append(problem(line, "csv.too_long", err.message.split(": ", 1)[-1], err.field,
                                      limit=err.limit, length=len(str(row[err.field]))))
            for err in field_errors(CrmOrder, {"order_no": no, "currency": row["currency"]}):
                errors.append(problem(line, "csv.too_long", err.message.split(": ", 1)[-1], err.field,
                                      limit=err.limit, length=len(str(row[err.field]))))
        if errors:
            raise OrderImportError(sorted(set(errors), key=lambda e: (e.line, e.column or "")))
        orders: dict[str, CrmOrder] = {}
        linked = 0
        with trail.bulk(s, "import", "crm_orders", file=path.name, rows=len(parsed.rows)) as b:
            b.add_content(data)
            for row in parsed.rows:
                cid = customers[row["customer"]]
                order = orders.get(row["order_no"])
                if order is None:
                    order = CrmOrder(customer_id=cid, order_no=row["order_no"], order_date=row["order_date"],
                                     currency=(row["currency"] or "CNY").upper(), note="")
                    orders[row["order_no"]] = order
                    s.add(order)
                cpid = links.get((cid, row["part_code"]))
                linked += cpid is not None
                order.lines.append(CrmOrderLine(line_no=len(order.lines) + 1, customer_part_id=cpid,
                                                part_code=row["part_code"], part_name=row["part_name"],
                                                quantity=row["quantity"], amount=row["amount"], margin=row["margin"]))
    return ImportResult(len(orders), len(parsed.rows), linked)


# ---- by hand ----------------------------------------------------------------------------------------
def _problems_line(i: int, ln: dict[str, Any]) -> list[str]:
    out = []
    for key in ("quantity", "amount"):
        try:
            if float(ln.get(key, 0)) < 0:
                out.append(f"line {i}: {key} must not be negative")
        except (TypeError, ValueError):
            out.append(f"line {i}: {key} is not a number")
    try:
        float(ln.get("margin", 0))
    except (TypeError, ValueError):
        out.append(f"line {i}: margin is not a number")
    return out


@requires("crm.orders")
def save_order(db: Database, values: dict[str, Any], lines: list[dict[str, Any]], *,
               order_id: int | None = None) -> int:
    """Create (``order_id`` None) or replace an order with its lines, entered by hand."""
    problems = [f"{e.field}: {e.message}" for e in field_errors(CrmOrder, {
        "order_no": values.get("order_no") or "", "currency": values.get("currency") or "CNY"})]
    if not (values.get("order_no") or "").strip():
        problems.append("order_no: a value is required")
    if not isinstance(values.get("order_date"), date):
        problems.append("order_date: a date is required")
    if not lines:
        problems.append("lines: at least one line is required")
    for i, ln in enumerate(lines, start=1):
        problems += _problems_line(i, ln)
    if problems:
        msg = "; ".join(problems)
        raise OrderError("crm.order_invalid", msg, "；".join(problems))
    with db.begin() as s:
        cust = s.get(Customer, values.get("customer_id"))
        if cust is None:
            raise OrderError("crm.no_customer", f"customer {values.get('customer_id')} does not exist",
                             f"顾客 {values.get('customer_id')} 不存在")
        clash = s.scalar(select(CrmOrder.id).where(CrmOrder.order_no == values["order_no"].strip()))
        if clash is not None and clash != order_id:
            raise OrderError("crm.order_exists", f"order {values['order_no']} already exists",
                             f"订单 {values['order_no']} 已存在")
        order = s.get(CrmOrder, order_id) if order_id else CrmOrder()
        if order is None:
            raise OrderError("crm.no_order", f"order {order_id} does not exist", f"订单 {order_id} 不存在")
        order.customer_id, order.order_no = cust.id, values["order_no"].strip()
        order.order_date, order.currency = values["order_date"], (values.get("currency") or "CNY").upper()
        order.note = values.get("note") or ""
        links = {code: cpid for cpid, code in s.execute(
            select(CustomerPart.id, Part.code).join(Part, Part.id == CustomerPart.part_id)
            .where(CustomerPart.customer_id == cust.id))}
        order.lines.clear()
        s.add(order)
        s.flush()
        for i, ln in enumerate(lines, start=1):
            code = (ln.get("part_code") or "").strip()
            order.lines.append(CrmOrderLine(line_no=i, customer_part_id=links.get(code), part_code=code,
                                            part_name=ln.get("part_name") or "", quantity=float(ln.get("quantity", 0)),
                                            amount=float(ln.get("amount", 0)), margin=float(ln.get("margin", 0))))
        s.flush()
        return order.id


def order_rows(db: Database, *, customer_id: int | None = None, limit: int = 500) -> list[OrderRow]:
    """Latest orders first, with their totals (aggregated in SQL)."""
    q = (select(CrmOrder.id, CrmOrder.order_no, Customer.code, CrmOrder.order_date, func.count(CrmOrderLine.id),
                func.coalesce(func.sum(CrmOrderLine.amount), 0.0), func.coalesce(func.sum(CrmOrderLine.margin), 0.0),
                CrmOrder.currency)
         .join(Customer, Customer.id == CrmOrder.customer_id)
         .outerjoin(CrmOrderLine, CrmOrderLine.order_id == CrmOrder.id)
         .group_by(CrmOrder.id, CrmOrder.order_no, Customer.code, CrmOrder.order_date, CrmOrder.currency)
         .order_by(CrmOrder.order_date.desc(), CrmOrder.id.desc()).limit(limit))
    if customer_id is not None:
        q = q.where(CrmOrder.customer_id == customer_id)
    with db.begin() as s:
        return [OrderRow(*r) for r in s.execute(q)]


# ---- order lines list, one order, delete (the orders screens) --------------------------------------
@dataclass(frozen=True)
class LineFilter:
    """What the order-lines list shows; every part optional, all of them together (AND)."""
    customer_id: int | None = None
    part: str = ""          # part code or name contains
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""          # order number, customer code/name, part code/name contains


@dataclass(frozen=True)
class LineRow:
    line_id: int
    order_id: int
    order_no: str
    order_date: date
    customer_code: str
    customer_name_zh: str
    customer_name_en: str
    line_no: int
    part_code: str
    part_name: str
    quantity: float
    amount: float
    margin: float
    currency: str


LINE_SORT = ("order_no", "order_date", "customer_code", "line_no", "part_code", "part_name",
             "quantity", "amount", "margin", "currency")


def _line_query(flt: LineFilter):
    from sqlalchemy import or_

    q = (select(CrmOrderLine.id, CrmOrder.id, CrmOrder.order_no, CrmOrder.order_date, Customer.code,
                Customer.name_zh, Customer.name_en, CrmOrderLine.line_no, CrmOrderLine.part_code,
                CrmOrderLine.part_name, CrmOrderLine.quantity, CrmOrderLine.amount, CrmOrderLine.margin,
                CrmOrder.currency)
         .join(CrmOrder, CrmOrder.id == CrmOrderLine.order_id)
         .join(Customer, Customer.id == CrmOrder.customer_id))
    if flt.customer_id is not None:
        q = q.where(CrmOrder.customer_id == flt.customer_id)
    if flt.date_from is not None:
        q = q.where(CrmOrder.order_date >= flt.date_from)
    if flt.date_to is not None:
        q = q.where(CrmOrder.order_date <= flt.date_to)
    if flt.part.strip():
        like = f"%{flt.part.strip()}%"
        q = q.where(or_(CrmOrderLine.part_code.ilike(like), CrmOrderLine.part_name.ilike(like)))
    if flt.text.strip():
        like = f"%{flt.text.strip()}%"
        q = q.where(or_(CrmOrder.order_no.ilike(like), Customer.code.ilike(like), Customer.name_zh.ilike(like),
                        Customer.name_en.ilike(like), CrmOrderLine.part_code.ilike(like),
                        CrmOrderLine.part_name.ilike(like)))
    return q


def line_count(db: Database, flt: LineFilter = LineFilter()) -> tuple[int, float, float]:
    """How many lines the filter shows, with their revenue and margin (summed in SQL)."""
    sub = _line_query(flt).subquery()
    q = select(func.count(), func.coalesce(func.sum(sub.c.amount), 0.0), func.coalesce(func.sum(sub.c.margin), 0.0))
    with db.read() as s:
        n, amount, margin = s.execute(q).one()
    return int(n), float(amount), float(margin)


def order_lines(db: Database, flt: LineFilter = LineFilter(), *, sort: str = "order_date", descending: bool = True,
                offset: int = 0, limit: int = 500) -> list[LineRow]:
    """One page of order lines, sorted in SQL (ties by order and line number, so pages never overlap)."""
    if sort not in LINE_SORT:
        raise OrderError("crm.order_sort", f"cannot sort by {sort!r}", f"不能按“{sort}”排序")
    col = {"order_no": CrmOrder.order_no, "order_date": CrmOrder.order_date, "customer_code": Customer.code,
           "line_no": CrmOrderLine.line_no, "part_code": CrmOrderLine.part_code, "part_name": CrmOrderLine.part_name,
           "quantity": CrmOrderLine.quantity, "amount": CrmOrderLine.amount, "margin": CrmOrderLine.margin,
           "currency": CrmOrder.currency}[sort]
    q = _line_query(flt).order_by(col.desc() if descending else col.asc(), CrmOrder.id.desc() if descending
                                  else CrmOrder.id.asc(), CrmOrderLine.line_no).offset(offset).limit(limit)
    with db.read() as s:
        return [LineRow(*r) for r in s.execute(q)]


@dataclass(frozen=True)
class OrderDetail:
    id: int
    customer_id: int
    order_no: str
    order_date: date
    currency: str
    note: str
    lines: tuple[dict[str, Any], ...]


def order_detail(db: Database, order_id: int) -> OrderDetail:
    with db.read() as s:
        o = s.get(CrmOrder, order_id)
        if o is None:
            raise OrderError("crm.no_order", f"order {order_id} does not exist", f"订单 {order_id} 不存在")
        return OrderDetail(o.id, o.customer_id, o.order_no, o.order_date, o.currency, o.note or "", tuple(
            {"part_code": ln.part_code, "part_name": ln.part_name, "quantity": ln.quantity, "amount": ln.amount,
             "margin": ln.margin} for ln in o.lines))


@requires("crm.orders")
def update_order(db: Database, order_id: int, values: dict[str, Any], lines: list[dict[str, Any]]) -> int:
    """Replace an existing order's header and lines (trailed row by row by the ORM)."""
    with db.read() as s:
        if s.get(CrmOrder, order_id) is None:
            raise OrderError("crm.no_order", f"order {order_id} does not exist", f"订单 {order_id} 不存在")
    return save_order(db, values, lines, order_id=order_id)


@requires("crm.orders")
def delete_order(db: Database, order_id: int) -> None:
    """Delete one order with its lines (the trail keeps a snapshot of each row)."""
    with db.begin() as s:
        o = s.get(CrmOrder, order_id)
        if o is None:
            raise OrderError("crm.no_order", f"order {order_id} does not exist", f"订单 {order_id} 不存在")
        for line in list(o.lines):  # loaded, so each line's delete is trailed too
            s.delete(line)
        s.delete(o)


# ---- what the import dialog shows before it runs ---------------------------------------------------
def preview(path: str | Path, rows: int = 8) -> tuple[list[str], list[list[str]]]:
    """The file's header and its first ``rows`` data rows (CSV or xlsx), for the mapping dialog.
    An unreadable file raises :class:`OrderImportError` with the reason."""
    from itertools import islice

    from app.models.core.csv_reader import _csv_records, decode
    from app.models.customers.imports import _xlsx_rows

    path = Path(path)
    try:
        data = path.read_bytes()
        if data.startswith(b"PK\x03\x04") or path.suffix.lower() in (".xlsx", ".xlsm"):
            records = iter(_xlsx_rows(path))
        else:
            records = _csv_records(decode(data)[0])
        got = [cells for _line, cells in islice(records, rows + 1)]
    except CsvRejected as exc:
        raise OrderImportError(exc.errors) from exc
    except CustomerImportError as exc:
        raise OrderImportError(exc.errors) from exc
    except (OSError, Exception) as exc:  # the csv module's own errors (bad quoting) among them
        raise OrderImportError([problem(1, "csv.unreadable", f"cannot read the file ({exc})", None,
                                        reason=str(exc))]) from exc
    if not got:
        return [], []
    header = [str(h or "").strip() for h in got[0]]
    return header, [[str(c if c is not None else "") for c in r] for r in got[1:]]


def guess_mapping(header: list[str]) -> dict[str, str]:
    """Our field → the file's header that names it (its own name or one of its aliases)."""
    from app.models.core.csv_reader import _norm

    by_norm = {_norm(h): h for h in header if h}
    out: dict[str, str] = {}
    for col in COLUMNS:
        for name in (col.name, *col.aliases):
            if _norm(name) in by_norm and by_norm[_norm(name)] not in out.values():
                out[col.name] = by_norm[_norm(name)]
                break
    return out


REQUIRED_FIELDS = tuple(c.name for c in COLUMNS if c.required)


def customer_choices(db: Database) -> list[tuple[int, str, str, str]]:
    """(id, code, Chinese name, English name) of every customer, by code, for the order's picker."""
    with db.read() as s:
        return [tuple(r) for r in s.execute(select(Customer.id, Customer.code, Customer.name_zh, Customer.name_en)
                                            .order_by(Customer.code))]
