"""CRM reports (客户关系报表), issue 16: the customer report, the service report and the custom
report builder (saved by name, run again later). Every report is read-only and needs
``crm.reports``; saving and deleting a custom report are one transaction each, recorded on the
audit trail (ORM changes). Results are :class:`ReportResult` — sections of DataFrames whose first
column is the label — which the screen, the PDF and the xlsx writer all show the same way.

Aggregation happens in SQL (GROUP BY); pandas only shapes the few rows that come back.
"""

from __future__ import annotations

import functools
import json
import operator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Date, DateTime, Float, Integer, Numeric, and_, func, select
from sqlalchemy import Boolean

from app.models.admin.permissions import requires
from app.models.complaints.tables import TYPES, Complaint
from app.models.core.database import Database, fetch_all
from app.models.crm.reports_errors import ReportError
from app.models.crm.tables_reports import AGGREGATES, SavedReport
from app.models.customers.tables import Customer, CustomerContact
from app.models.suppliers.tables import Supplier

FAMILIES = ("customer", "sales", "campaign", "service", "custom")
COMPLAINT_TYPES = ("quality", "delivery", "commercial", "documentation")
SERVICE_TYPES = ("service_enquiry", "repair", "return")
assert set(COMPLAINT_TYPES + SERVICE_TYPES) == set(TYPES)
VALUE_CLASSES = ("important", "potential", "ordinary", "lost")
NONE_LABEL = "—"


@dataclass(frozen=True)
class Section:
    """One table of a report; ``chart`` is "bar", "line" or "" and charts column ``value`` against
    the first column (the label)."""

    key: str
    frame: pd.DataFrame
    chart: str = ""
    value: str = ""


@dataclass(frozen=True)
class ReportResult:
    family: str
    start: date | None
    end: date | None  # inclusive
    sections: list[Section]
    summary: dict[str, Any] = field(default_factory=dict)
    name: str = ""  # the custom report's name

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


# ---------------------------------------------------------------------------- periods
def period_range(text: str | None, *, today: date | None = None) -> tuple[date, date]:
    """``2026-03`` / ``2026-Q1`` / ``2026`` / ``2025-01..2026-06`` → first and last day; no text =
    the twelve months up to this month. Raises ReportError ``crmreports.bad_period``."""
    from app.models.complaints import service as complaints
    from app.models.complaints.errors import ComplaintError

    if not text or not str(text).strip():
        today = today or date.today()
        end = (date(today.year + (today.month == 12), today.month % 12 + 1, 1) - timedelta(days=1))
        start = date(today.year - 1, today.month, 1) + timedelta(days=32)
        return date(start.year, start.month, 1), end
    try:
        start, end = complaints.period_range(text)
    except ComplaintError as exc:
        raise ReportError("crmreports.bad_period", field="period", value=text) from exc
    return start, end


def months_between(start: date, end: date) -> list[str]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, datetime.min.time()), datetime.combine(end + timedelta(days=1), datetime.min.time())


def _counts(rows, label: str, order: tuple[str, ...] | None = None) -> pd.DataFrame:
    """(label, n) rows → DataFrame label, customers, share (largest first unless ``order``)."""
    frame = pd.DataFrame([(NONE_LABEL if r[0] in (None, "") else r[0], int(r[1])) for r in rows],
                         columns=[label, "count"])
    frame = frame.groupby(label, as_index=False, sort=False)["count"].sum()
    if order is not None:
        frame = (frame.set_index(label).reindex(list(order) + [x for x in frame[label] if x not in order],
                                                fill_value=0).reset_index())
        frame = frame[(frame["count"] > 0) | frame[label].isin(order)].reset_index(drop=True)
    else:
        frame = frame.sort_values(["count", label], ascending=[False, True]).reset_index(drop=True)
    total = frame["count"].sum()
    frame["share"] = frame["count"] / total if total else 0.0
    return frame


# ---------------------------------------------------------------------------- customer report
@requires("crm.reports")
def customer_report(db: Database, start: date, end: date) -> ReportResult:
    """Customers by value class, region, industry and lifecycle (all customers now), and growth
    over the period's months: new customers per month (by ``since``) and the total at each month's
    end (customers without a start date count as existing before the period). The at-risk list
    is added by the value analysis when it exists in this database."""
    cu = Customer.__table__
    with db.read() as s:
        by = {col: fetch_all(s, select(cu.c[col], func.count()).group_by(cu.c[col]), {})
              for col in ("value_class", "region", "industry", "lifecycle")}
        before = fetch_all(s, select(func.count()).where((cu.c.since < start) | cu.c.since.is_(None)), {})[0][0]
        since_rows = fetch_all(s, select(cu.c.since).where(cu.c.since >= start, cu.c.since <= end), {})
    months = months_between(start, end)
    labels = pd.Series([str(d)[:7] for (d,) in since_rows if d is not None], dtype=object)  # date or ISO text
    new = labels.value_counts().reindex(months, fill_value=0).astype(int)
    growth = pd.DataFrame({"month": months, "new": new.values, "total": before + new.cumsum().values})
    sections = [
        Section("by_class", _counts(by["value_class"], "value_class", VALUE_CLASSES), "bar", "count"),
        Section("by_region", _counts(by["region"], "region"), "bar", "count"),
        Section("by_industry", _counts(by["industry"], "industry"), "bar", "count"),
        Section("by_lifecycle", _counts(by["lifecycle"], "lifecycle", ("potential", "current", "past", "lost")),
                "bar", "count"),
        Section("growth", growth, "line", "total"),
    ]
    at_risk = _at_risk(db, end)
    if at_risk is not None:
        sections.append(Section("at_risk", at_risk))
    total = int(sum(int(r[1]) for r in by["lifecycle"]))
    summary = {"customers": total, "new": int(new.sum()), "key_accounts": _key_accounts(db)}
    return ReportResult("customer", start, end, sections, summary)


def _key_accounts(db: Database) -> int:
    cu = Customer.__table__
    with db.read() as s:
        return int(fetch_all(s, select(func.count()).where(cu.c.key_account.is_(True)), {})[0][0])


def _at_risk(db: Database, as_of: date) -> pd.DataFrame | None:
    """The value analysis' at-risk customers as of ``as_of`` (code, names, revenue of its window, last
    order, reason keys: inactive, falling, complaints, satisfaction), most revenue first; None when the
    order tables are absent or the user may not run the value analysis."""
    try:
        from app.models.crm import value
    except ImportError:
        return None
    from app.models.admin.permissions import PermissionDenied

    try:
        analysis = value.analyse(db, value.ValueParams(as_of=as_of))
    except PermissionDenied:
        return None
    table = analysis.table
    if table.empty:
        return pd.DataFrame(columns=["code", "name_zh", "name_en", "revenue", "last_order", "risk"])
    risky = table[table["risk"].astype(str) != ""]
    return risky[["code", "name_zh", "name_en", "revenue", "last_order", "risk"]].reset_index(drop=True)


# ---------------------------------------------------------------------------- service report
@requires("crm.reports")
def service_report(db: Database, start: date, end: date, *, now: datetime | None = None) -> ReportResult:
    """Complaints and service requests received in the period by type; SLA performance per month
    (share of the complaints closed that month within their closure target, working time, pauses
    excluded — the complaint domain's own measure); handling satisfaction (the customer's 1–5
    rating of the complaints received in the period)."""
    from app.models.complaints import service as complaints

    c = Complaint.__table__
    lo, hi = _bounds(start, end)
    with db.read() as s:
        type_rows = fetch_all(s, select(c.c.complaint_type, func.count())
                              .where(c.c.received_at >= lo, c.c.received_at < hi).group_by(c.c.complaint_type), {})
        rating_rows = fetch_all(s, select(c.c.rating, func.count())
                                .where(c.c.received_at >= lo, c.c.received_at < hi, c.c.rating.is_not(None))
                                .group_by(c.c.rating), {})
    monthly = complaints.monthly_report(db, start, end, now=now)
    months = months_between(start, end)
    sla_frame = monthly.sla_by_month.reindex(months[-12:], fill_value=0).reset_index(names="month")
    sla_frame["share"] = np.where(sla_frame["closed"] > 0,
                                  sla_frame["within_target"] / sla_frame["closed"].where(sla_frame["closed"] > 0, 1),
                                  np.nan)
    sla_frame["closed"] = sla_frame["closed"].astype(int)
    sla_frame["within_target"] = sla_frame["within_target"].astype(int)
    by_type = dict((t, int(n)) for t, n in type_rows)
    comp = _counts([(t, by_type.get(t, 0)) for t in COMPLAINT_TYPES], "type", COMPLAINT_TYPES)
    serv = _counts([(t, by_type.get(t, 0)) for t in SERVICE_TYPES], "type", SERVICE_TYPES)
    ratings = {int(r): int(n) for r, n in rating_rows}
    sat = _counts([(str(k), ratings.get(k, 0)) for k in range(1, 6)], "rating", tuple(str(k) for k in range(1, 6)))
    rated = sum(ratings.values())
    closed = int(sla_frame["closed"].sum())
    summary = {
        "complaints": int(comp["count"].sum()), "service_requests": int(serv["count"].sum()),
        "closed": closed, "within_target": int(sla_frame["within_target"].sum()),
        "sla_share": (float(sla_frame["within_target"].sum()) / closed) if closed else None,
        "rated": rated, "average_rating": (sum(k * n for k, n in ratings.items()) / rated) if rated else None,
        "open_now": int(monthly.summary["open_now"]), "overdue_now": int(monthly.summary["overdue_now"]),
    }
    sections = [Section("complaints_by_type", comp, "bar", "count"),
                Section("requests_by_type", serv, "bar", "count"),
                Section("sla", sla_frame[["month", "closed", "within_target", "share"]], "line", "share"),
                Section("satisfaction", sat, "bar", "count")]
    return ReportResult("service", start, end, sections, summary)


# ---------------------------------------------------------------------------- custom reports
@dataclass(frozen=True)
class FieldDef:
    key: str
    kind: str  # text | number | date | yes/no
    column: Any  # SQL expression


@functools.lru_cache(maxsize=1)
def _record_types() -> dict[str, tuple[Any, Any, dict[str, FieldDef]]]:
    """record type → (table or join, base table, {field key: FieldDef})."""
    cu, cc, co, su = Customer.__table__, CustomerContact.__table__, Complaint.__table__, Supplier.__table__

    def fields(*items):
        return {k: FieldDef(k, kind, col) for k, kind, col in items}

    owner = cu.alias("owner_customer")
    cost = (co.c.credit_amount + co.c.returns_amount + co.c.sorting_amount)
    types = {
        "customers": (cu, cu, fields(
            ("code", "text", cu.c.code), ("name_zh", "text", cu.c.name_zh), ("name_en", "text", cu.c.name_en),
            ("industry", "text", cu.c.industry), ("region", "text", cu.c.region),
            ("customer_type", "text", cu.c.customer_type), ("lifecycle", "text", cu.c.lifecycle),
            ("value_class", "text", cu.c.value_class), ("key_account", "yes/no", cu.c.key_account),
            ("since", "date", cu.c.since))),
        "contacts": (cc.join(owner, owner.c.id == cc.c.customer_id), cc, fields(
            ("customer", "text", owner.c.code), ("name", "text", cc.c.name), ("role", "text", cc.c.role),
            ("preferred_language", "text", cc.c.preferred_language), ("active", "yes/no", cc.c.active))),
        "complaints": (co.join(owner, owner.c.id == co.c.customer_id), co, fields(
            ("number", "text", co.c.number), ("customer", "text", owner.c.code),
            ("region", "text", owner.c.region), ("received_at", "date", co.c.received_at),
            ("complaint_type", "text", co.c.complaint_type), ("channel", "text", co.c.channel),
            ("severity", "text", co.c.severity), ("priority", "text", co.c.priority), ("state", "text", co.c.state),
            ("defect", "text", co.c.defect), ("qty_affected", "number", co.c.qty_affected),
            ("cost", "number", cost), ("rating", "number", co.c.rating))),
        "suppliers": (su, su, fields(
            ("code", "text", su.c.code), ("name_zh", "text", su.c.name_zh), ("name_en", "text", su.c.name_en),
            ("category", "text", su.c.category), ("importance_class", "text", su.c.importance_class),
            ("status", "text", su.c.status), ("city", "text", su.c.city), ("country", "text", su.c.country),
            ("approval_valid_until", "date", su.c.approval_valid_until))),
    }
    try:
        from app.models.crm.tables_orders import CrmOrder, CrmOrderLine
    except ImportError:  # a build without the CRM order tables
        pass
    else:
        od, ln = CrmOrder.__table__, CrmOrderLine.__table__
        od_cust = cu.alias("order_customer")
        types["orders"] = (ln.join(od, od.c.id == ln.c.order_id).join(od_cust, od_cust.c.id == od.c.customer_id), ln,
                           fields(("order_no", "text", od.c.order_no), ("order_date", "date", od.c.order_date),
                                  ("customer", "text", od_cust.c.code), ("region", "text", od_cust.c.region),
                                  ("value_class", "text", od_cust.c.value_class), ("part", "text", ln.c.part_code),
                                  ("quantity", "number", ln.c.quantity), ("amount", "number", ln.c.amount),
                                  ("margin", "number", ln.c.margin)))
    try:
        from app.models.crm.tables_sales import Activity, Campaign, Opportunity
    except ImportError:  # a build without the CRM sales tables
        return types
    op, cm, ac = Opportunity.__table__, Campaign.__table__, Activity.__table__
    op_cust, ac_cust, op_camp = cu.alias("opportunity_customer"), cu.alias("activity_customer"), cm.alias("op_campaign")
    types["opportunities"] = (
        op.outerjoin(op_cust, op_cust.c.id == op.c.customer_id).outerjoin(op_camp, op_camp.c.id == op.c.campaign_id),
        op, fields(("title", "text", op.c.title), ("customer", "text", op_cust.c.code),
                   ("region", "text", op_cust.c.region), ("stage", "text", op.c.stage),
                   ("reason", "text", op.c.reason), ("expected_revenue", "number", op.c.expected_revenue),
                   ("probability", "number", op.c.probability), ("won_amount", "number", op.c.won_amount),
                   ("expected_close", "date", op.c.expected_close), ("closed_on", "date", op.c.closed_on),
                   ("campaign", "text", op_camp.c.code)))
    types["campaigns"] = (cm, cm, fields(
        ("code", "text", cm.c.code), ("name", "text", cm.c.name), ("campaign_type", "text", cm.c.campaign_type),
        ("starts_on", "date", cm.c.starts_on), ("ends_on", "date", cm.c.ends_on), ("budget", "number", cm.c.budget),
        ("actual_cost", "number", cm.c.actual_cost)))
    types["activities"] = (ac.outerjoin(ac_cust, ac_cust.c.id == ac.c.customer_id), ac, fields(
        ("kind", "text", ac.c.kind), ("subject", "text", ac.c.subject), ("customer", "text", ac_cust.c.code),
        ("due_on", "date", ac.c.due_on), ("done", "yes/no", ac.c.done)))
    return types


RECORD_TYPES = tuple(_record_types())  # customers, contacts, complaints, suppliers (+ CRM sales records)
OPERATORS = ("=", "!=", "<", "<=", ">", ">=", "contains", "empty", "not_empty")


def record_fields(record_type: str) -> list[tuple[str, str]]:
    """(field key, kind) of a record type, in display order."""
    types = _record_types()
    if record_type not in types:
        raise ReportError("crmreports.bad_record_type", field="record_type", value=record_type,
                          choices=", ".join(RECORD_TYPES))
    return [(f.key, f.kind) for f in types[record_type][2].values()]


@dataclass(frozen=True)
class CustomSpec:
    record_type: str
    columns: tuple[str, ...]
    filters: tuple[tuple[str, str, str], ...] = ()
    group_by: str = ""
    aggregate: str = "count"
    aggregate_column: str = ""
    name: str = ""


def _coerce(row: int, fd: FieldDef, value: str):
    text = str(value).strip()
    try:
        if fd.kind == "number":
            return float(text)
        if fd.kind == "date":
            return date.fromisoformat(text)
        if fd.kind == "yes/no":
            low = text.lower()
            if low in ("yes", "true", "1", "是"):
                return True
            if low in ("no", "false", "0", "否"):
                return False
            raise ValueError(text)
    except ValueError as exc:
        raise ReportError("crmreports.bad_value", field=f"filters/{row}", row=row, value=value, kind=fd.kind, column=fd.key) from exc
    return text


def _check(spec: CustomSpec) -> dict[str, FieldDef]:
    """Every problem of a spec as a ReportError naming the field (and filter row)."""
    types = _record_types()
    if spec.record_type not in types:
        raise ReportError("crmreports.bad_record_type", field="record_type", value=spec.record_type,
                          choices=", ".join(RECORD_TYPES))
    fields = types[spec.record_type][2]
    choices = ", ".join(fields)

    def known(name: str, what: str) -> None:
        if name not in fields:
            raise ReportError("crmreports.bad_column", field=what, value=name, record_type=spec.record_type,
                              choices=choices, column=what)

    if not spec.columns and not spec.group_by:
        raise ReportError("crmreports.no_columns", field="columns")
    for col in spec.columns:
        known(col, "columns")
    if spec.group_by:
        known(spec.group_by, "group_by")
    if spec.aggregate not in AGGREGATES:
        raise ReportError("crmreports.bad_aggregate", field="aggregate", value=spec.aggregate)
    if spec.aggregate != "count" or spec.aggregate_column:
        if not spec.aggregate_column:
            raise ReportError("crmreports.numeric_needed", field="aggregate_column", aggregate=spec.aggregate,
                              value="")
        known(spec.aggregate_column, "aggregate_column")
        if spec.aggregate in ("sum", "mean") and fields[spec.aggregate_column].kind != "number":
            raise ReportError("crmreports.numeric_needed", field="aggregate_column", aggregate=spec.aggregate,
                              value=spec.aggregate_column)
    for row, flt in enumerate(spec.filters, start=1):
        col, op, value = (list(flt) + ["", "", ""])[:3]
        known(col, f"filters/{row}")
        if op not in OPERATORS:
            raise ReportError("crmreports.bad_operator", field=f"filters/{row}", row=row, value=op,
                              choices=", ".join(OPERATORS))
        if op == "contains" and fields[col].kind != "text":  # LIKE is for text (PostgreSQL refuses it on numbers)
            raise ReportError("crmreports.bad_operator", field=f"filters/{row}", row=row, value=op,
                              choices=", ".join(o for o in OPERATORS if o != "contains"))
        if op not in ("empty", "not_empty", "contains"):
            _coerce(row, fields[col], value)
    return fields


def _condition(row: int, fd: FieldDef, op: str, value: str):
    col = fd.column
    if op == "empty":
        return col.is_(None) | (col == "") if fd.kind == "text" else col.is_(None)
    if op == "not_empty":
        return col.is_not(None) & (col != "") if fd.kind == "text" else col.is_not(None)
    if op == "contains":
        return col.like(f"%{value}%")
    v = _coerce(row, fd, value)
    if fd.kind == "date" and isinstance(v, date) and isinstance(col.type, DateTime):
        day = datetime.combine(v, datetime.min.time())
        nxt = day + timedelta(days=1)
        return {"=": and_(col >= day, col < nxt), "!=": (col < day) | (col >= nxt), "<": col < day,
                "<=": col < nxt, ">": col >= nxt, ">=": col >= day}[op]
    if isinstance(v, bool):
        return col.is_(v) if op == "=" else col.is_not(v)
    return {"=": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt,
            ">=": operator.ge}[op](col, v)


ROW_LIMIT = 50_000


@requires("crm.reports")
def run_custom(db: Database, spec: CustomSpec) -> ReportResult:
    """Grouped: one row per group value with the aggregate (count of rows, or sum/mean/min/max of
    the aggregate column), largest first. Ungrouped: the chosen columns of every matching row (at
    most ROW_LIMIT), the aggregate over all of them in the summary."""
    fields = _check(spec)
    source, base, _ = _record_types()[spec.record_type]
    where = [_condition(i, fields[c], op, v) for i, (c, op, v) in enumerate(spec.filters, start=1)]
    agg_col = fields[spec.aggregate_column].column if spec.aggregate_column else None
    if spec.aggregate == "count":
        agg = func.count(agg_col) if agg_col is not None else func.count()
    else:
        agg = {"sum": func.sum, "mean": func.avg, "min": func.min, "max": func.max}[spec.aggregate](agg_col)
    label = f"{spec.aggregate}({spec.aggregate_column})" if spec.aggregate_column else "count"
    with db.read() as s:
        total = fetch_all(s, select(agg).select_from(source).where(*where), {})[0][0]
        if spec.group_by:
            g = fields[spec.group_by].column
            rows = fetch_all(s, select(g, agg).select_from(source).where(*where).group_by(g), {})
            frame = pd.DataFrame([(NONE_LABEL if k in (None, "") else k, v) for k, v in rows],
                                 columns=[spec.group_by, label])
            frame = frame.sort_values([label, spec.group_by], ascending=[False, True], na_position="last",
                                      key=lambda c: c if c.name == label else c.astype(str)).reset_index(drop=True)
            section = Section("groups", frame, "bar", label)
        else:
            cols = [fields[c].column.label(c) for c in spec.columns]
            rows = fetch_all(s, select(*cols).select_from(source).where(*where).order_by(base.c.id)
                             .limit(ROW_LIMIT), {})
            section = Section("rows", pd.DataFrame(rows, columns=list(spec.columns)))
    if isinstance(total, float) or spec.aggregate == "mean":
        total = None if total is None else float(total)
    summary = {"record_type": spec.record_type, "aggregate": label, "value": total,
               "rows": len(section.frame), "filters": len(spec.filters)}
    return ReportResult("custom", None, None, [section], summary, spec.name)


def _spec_of(row: SavedReport) -> CustomSpec:
    return CustomSpec(row.record_type, tuple(json.loads(row.columns_json)),
                      tuple(tuple(f) for f in json.loads(row.filters_json)), row.group_by, row.aggregate,
                      row.aggregate_column, row.name)


@requires("crm.reports")
def save_custom(db: Database, spec: CustomSpec) -> int:
    """Save (or replace) the custom report named ``spec.name``; the owner is the signed-in user."""
    name = (spec.name or "").strip()
    if not name:
        raise ReportError("crmreports.name_required", field="name")
    if len(name) > 120:
        raise ReportError("crmreports.name_long", field="name")
    _check(spec)
    now = datetime.now().replace(microsecond=0)
    actor = db.actor
    with db.begin() as s:
        row = s.execute(select(SavedReport).where(SavedReport.name == name)).scalar_one_or_none()
        if row is None:
            row = SavedReport(name=name, created_at=now, owner=actor.name if actor is not None else "")
            s.add(row)
        row.record_type = spec.record_type
        row.columns_json = json.dumps(list(spec.columns), ensure_ascii=False)
        row.filters_json = json.dumps([list(f) for f in spec.filters], ensure_ascii=False)
        row.group_by = spec.group_by
        row.aggregate = spec.aggregate
        row.aggregate_column = spec.aggregate_column
        row.changed_at = now
        s.flush()
        return row.id


def load_custom(db: Database, name: str) -> CustomSpec:
    with db.read() as s:
        row = s.execute(select(SavedReport).where(SavedReport.name == name.strip())).scalar_one_or_none()
        if row is None:
            raise ReportError("crmreports.not_found", field="name", name=name)
        return _spec_of(row)


@requires("crm.reports")
def delete_custom(db: Database, name: str) -> None:
    with db.begin() as s:
        row = s.execute(select(SavedReport).where(SavedReport.name == name.strip())).scalar_one_or_none()
        if row is None:
            raise ReportError("crmreports.not_found", field="name", name=name)
        s.delete(row)


def saved_reports(db: Database) -> pd.DataFrame:
    """name, record_type, group_by, aggregate, owner, changed_at of every saved report, by name."""
    t = SavedReport.__table__
    with db.read() as s:
        rows = fetch_all(s, select(t.c.name, t.c.record_type, t.c.group_by, t.c.aggregate, t.c.owner,
                                   t.c.changed_at).order_by(t.c.name), {})
    return pd.DataFrame(rows, columns=["name", "record_type", "group_by", "aggregate", "owner", "changed_at"])


# ---------------------------------------------------------------------------- one entry point
def run_family(db: Database, family: str, *, start: date | None = None, end: date | None = None,
               name: str = "", now: datetime | None = None) -> ReportResult:
    """The report of a family (customer, service, custom by saved name) for [start, end]."""
    if family not in FAMILIES:
        raise ReportError("crmreports.bad_family", field="family", value=family)
    if start is None or end is None:
        start, end = period_range(None)
    if family == "customer":
        return customer_report(db, start, end)
    if family == "service":
        return service_report(db, start, end, now=now)
    if family == "custom":
        if not name.strip():
            raise ReportError("crmreports.name_required", field="name")
        return run_custom(db, load_custom(db, name))
    try:
        from app.models.crm import reports_sales
    except ImportError as exc:  # the opportunities and campaigns are not in this build
        raise ReportError("crmreports.needs_tables", field="family", family=family) from exc
    if family == "sales":
        return reports_sales.sales_report(db, start, end)
    return reports_sales.campaign_report(db, start, end)
