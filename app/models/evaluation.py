"""Supplier performance evaluation: records (migration 0003_evaluation) and services.

``evaluate_period`` is the monthly job: SQL GROUP BY aggregates per supplier → numpy arrays →
the vectorised engines (app.engines.scoring / grading) → one bulk insert of the results, all in
one transaction that replaces any earlier results of the same period.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import numpy as np
from sqlalchemy import (
    CheckConstraint, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint, select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from app.engines.grading import actions_for, assign_grades, grade_history
from app.engines.indicators import INDICATOR_COUNTS, INDICATORS, Period, SupplierCounts
from app.engines.indicators import compute_indicators
from app.engines.scoring import DemeritRule, EvaluationScheme, ScoreResult, SchemeError, evaluate
from app.models.base import Base, utcnow
from app.models.database import Database
from app.models.suppliers import Supplier


class EvaluationError(Exception):
    """An evaluation request the user can fix (unknown scheme, bad period); message for the user."""


class PurchaseOrderLine(Base):
    """One ordered item on a purchase order: what was ordered, by when, at what price."""

    __tablename__ = "purchase_order_lines"
    __table_args__ = (
        UniqueConstraint("po_number", "line_no"),
        CheckConstraint("ordered_qty > 0", name="ordered_positive"),
        CheckConstraint("unit_price IS NULL OR unit_price >= 0", name="price"),
        CheckConstraint("standard_price IS NULL OR standard_price > 0", name="standard"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[int | None] = mapped_column(ForeignKey("parts.id", ondelete="SET NULL"), index=True)
    po_number: Mapped[str] = mapped_column(String(40))
    line_no: Mapped[int] = mapped_column(Integer)
    ordered_qty: Mapped[float] = mapped_column(Float)
    due_on: Mapped[date] = mapped_column(Date)
    unit_price: Mapped[float | None] = mapped_column(Float, nullable=True)
    standard_price: Mapped[float | None] = mapped_column(Float, nullable=True)


class Delivery(Base):
    """A receipt against an order line (partial deliveries are several rows)."""

    __tablename__ = "deliveries"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    po_line_id: Mapped[int] = mapped_column(ForeignKey("purchase_order_lines.id", ondelete="CASCADE"))
    delivered_on: Mapped[date] = mapped_column(Date)
    quantity: Mapped[float] = mapped_column(Float)
    delivery_note: Mapped[str] = mapped_column(String(40), default="")


class InspectionLot(Base):
    """An incoming-inspection lot result (also the record GB/T 2828.1 sampling writes)."""

    __tablename__ = "inspection_lots"
    __table_args__ = (
        UniqueConstraint("supplier_id", "lot_number"),
        CheckConstraint("lot_size > 0", name="lot_size_positive"),
        CheckConstraint("sample_size >= 0 AND sample_size <= lot_size", name="sample_size"),
        CheckConstraint("critical_defects >= 0 AND major_defects >= 0 AND minor_defects >= 0", name="defects"),
        CheckConstraint("defective_units >= 0 AND defective_units <= lot_size", name="defective"),
        CheckConstraint("decision IN ('accepted', 'rejected')", name="decision"),
        CheckConstraint("disposition IS NULL OR disposition IN ('return', 'rework', 'concession', 'scrap', 'sort')",
                        name="disposition"),
        CheckConstraint("severity IN ('normal', 'tightened', 'reduced')", name="severity"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lot_number: Mapped[str] = mapped_column(String(40))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"))
    part_id: Mapped[int | None] = mapped_column(ForeignKey("parts.id", ondelete="SET NULL"), index=True)
    delivery_id: Mapped[int | None] = mapped_column(ForeignKey("deliveries.id", ondelete="SET NULL"), index=True)
    inspected_on: Mapped[date] = mapped_column(Date)
    lot_size: Mapped[int] = mapped_column(Integer)
    sample_size: Mapped[int] = mapped_column(Integer)
    critical_defects: Mapped[int] = mapped_column(Integer, default=0)
    major_defects: Mapped[int] = mapped_column(Integer, default=0)
    minor_defects: Mapped[int] = mapped_column(Integer, default=0)
    defective_units: Mapped[int] = mapped_column(Integer, default=0)
    decision: Mapped[str] = mapped_column(String(10))
    disposition: Mapped[str | None] = mapped_column(String(12), nullable=True)
    severity: Mapped[str] = mapped_column(String(10), default="normal")
    inspection_level: Mapped[str | None] = mapped_column(String(4), nullable=True)
    aql: Mapped[float | None] = mapped_column(Float, nullable=True)
    inspector: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class EvaluationSchemeRecord(Base):
    """A stored, versioned evaluation scheme (JSON of app.engines.scoring.EvaluationScheme)."""

    __tablename__ = "evaluation_schemes"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer)
    config: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    def scheme(self) -> EvaluationScheme:
        return EvaluationScheme.from_json(self.config)


class EvaluationRun(Base):
    __tablename__ = "evaluation_runs"
    __table_args__ = (
        UniqueConstraint("period"),
        CheckConstraint("period_kind IN ('month', 'quarter', 'year')", name="period_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(10))
    period_kind: Mapped[str] = mapped_column(String(8))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("evaluation_schemes.id", ondelete="RESTRICT"), index=True)
    run_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    supplier_count: Mapped[int] = mapped_column(Integer)
    scored_count: Mapped[int] = mapped_column(Integer)


class EvaluationResult(Base):
    """One supplier's score, grade and calculation trace for one period."""

    __tablename__ = "evaluation_results"
    __table_args__ = (
        UniqueConstraint("period", "supplier_id"),
        CheckConstraint("grade IS NULL OR grade IN ('A', 'B', 'C', 'D')", name="grade"),
        CheckConstraint("previous_grade IS NULL OR previous_grade IN ('A', 'B', 'C', 'D')", name="previous_grade"),
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_range"),
        CheckConstraint("(score IS NULL) = (grade IS NULL)", name="grade_iff_score"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No index on run_id: results are found and replaced by period (unique with supplier_id).
    run_id: Mapped[int] = mapped_column(ForeignKey("evaluation_runs.id", ondelete="CASCADE"))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    period_kind: Mapped[str] = mapped_column(String(8))
    scheme_name: Mapped[str] = mapped_column(String(80))
    scheme_version: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(10))
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    grade: Mapped[str | None] = mapped_column(String(1), nullable=True)
    previous_grade: Mapped[str | None] = mapped_column(String(1), nullable=True)
    periods_in_grade: Mapped[int] = mapped_column(Integer, default=0)
    change: Mapped[str | None] = mapped_column(String(5), nullable=True)
    treatment: Mapped[str] = mapped_column(String(12))
    missing: Mapped[str] = mapped_column(Text, default="[]")
    trace: Mapped[str] = mapped_column(Text, default="{}")


# ---------------------------------------------------------------------------------------------
# Schemes
# ---------------------------------------------------------------------------------------------

DEFAULT_SCHEME_NAME = "standard"


def save_scheme(session: Session, scheme: EvaluationScheme, *, activate: bool = True) -> EvaluationSchemeRecord:
    """Store a scheme as the next version of its name (versions are never edited in place)."""
    latest = session.scalar(select(EvaluationSchemeRecord.version).where(EvaluationSchemeRecord.name == scheme.name)
                            .order_by(EvaluationSchemeRecord.version.desc()).limit(1))
    version = (latest or 0) + 1
    stored = EvaluationScheme.from_dict({**scheme.to_dict(), "version": version})
    if activate:
        for rec in session.scalars(select(EvaluationSchemeRecord).where(EvaluationSchemeRecord.name == scheme.name)):
            rec.active = False
    rec = EvaluationSchemeRecord(name=scheme.name, version=version, config=stored.to_json(), active=activate)
    session.add(rec)
    session.flush()
    return rec


def active_scheme(session: Session, name: str | None = None) -> EvaluationSchemeRecord:
    """The active version of the named scheme (default ``standard``, created on first use)."""
    name = name or DEFAULT_SCHEME_NAME
    rec = session.scalar(select(EvaluationSchemeRecord).where(EvaluationSchemeRecord.name == name)
                         .order_by(EvaluationSchemeRecord.active.desc(), EvaluationSchemeRecord.version.desc())
                         .limit(1))
    if rec is None:
        if name != DEFAULT_SCHEME_NAME:
            known = session.scalars(select(EvaluationSchemeRecord.name).distinct()).all()
            raise EvaluationError(f"no evaluation scheme named {name!r} (known: {', '.join(known) or 'none'})")
        rec = save_scheme(session, EvaluationScheme(name=DEFAULT_SCHEME_NAME))
    return rec


# ---------------------------------------------------------------------------------------------
# Aggregation (the hot queries; each is answered from a covering index, see 0003_evaluation)
# ---------------------------------------------------------------------------------------------

LOTS_SQL = """
SELECT supplier_id, COUNT(*), SUM(decision = 'accepted'), SUM(lot_size), SUM(defective_units),
       SUM(critical_defects), SUM(major_defects), SUM(minor_defects)
FROM inspection_lots INDEXED BY ix_inspection_lots_inspected_cover
WHERE inspected_on >= :start AND inspected_on < :end
GROUP BY supplier_id
"""
# On time: -early <= delivered - due <= late, in days (indicators.on_time_mask is the same rule).
DELIVERIES_SQL = """
SELECT l.supplier_id, COUNT(*),
       SUM(julianday(d.delivered_on) - julianday(l.due_on) BETWEEN -:early AND :late),
       SUM(CASE WHEN l.standard_price IS NOT NULL AND l.unit_price IS NOT NULL THEN d.quantity * l.unit_price END),
       SUM(CASE WHEN l.standard_price IS NOT NULL AND l.unit_price IS NOT NULL THEN d.quantity * l.standard_price END)
FROM deliveries d INDEXED BY ix_deliveries_delivered_cover
JOIN purchase_order_lines l ON l.id = d.po_line_id
WHERE d.delivered_on >= :start AND d.delivered_on < :end
GROUP BY l.supplier_id
"""
# Fulfilment: lines due in the period, delivered quantity capped per line.
FULFILMENT_SQL = """
SELECT l.supplier_id, SUM(l.ordered_qty),
       SUM(MIN(l.ordered_qty, (SELECT COALESCE(SUM(d.quantity), 0) FROM deliveries d
                               WHERE d.po_line_id = l.id)))
FROM purchase_order_lines l INDEXED BY ix_purchase_order_lines_due_cover
WHERE l.due_on >= :start AND l.due_on < :end
GROUP BY l.supplier_id
"""
SERVICE_SQL = """
SELECT supplier_id, COUNT(*), SUM(answered_on IS NOT NULL AND answered_on <= due_on)
FROM corrective_actions INDEXED BY ix_corrective_actions_due_cover
WHERE due_on >= :start AND due_on < :end AND status != 'cancelled'
GROUP BY supplier_id
"""
AGGREGATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (LOTS_SQL, ("lots_inspected", "lots_accepted", "units_received", "defective_units",
                "critical_defects", "major_defects", "minor_defects")),
    (DELIVERIES_SQL, ("deliveries", "deliveries_on_time", "amount_actual", "amount_standard")),
    (FULFILMENT_SQL, ("qty_ordered", "qty_fulfilled")),
    (SERVICE_SQL, ("cars_due", "cars_answered_on_time")),
)


def aggregate_params(period: Period, scheme: EvaluationScheme) -> dict[str, object]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat(),
            "early": scheme.window.early_days, "late": scheme.window.late_days}


def aggregate_counts(dbapi_conn, supplier_ids: np.ndarray, period: Period, scheme: EvaluationScheme) -> SupplierCounts:
    """Run the GROUP BY aggregates on a DB-API connection and scatter them into arrays."""
    counts = SupplierCounts.zeros(supplier_ids)
    params = aggregate_params(period, scheme)
    # supplier ids are small positive integers: scatter through a dense position table.
    pos = np.full(int(supplier_ids.max()) + 1 if len(supplier_ids) else 1, -1, dtype=np.int64)
    pos[supplier_ids] = np.arange(len(supplier_ids))
    for sql, names in AGGREGATES:
        rows = dbapi_conn.execute(sql, params).fetchall()
        if not rows:
            continue
        arr = np.array(rows, dtype=float)
        arr = np.nan_to_num(arr)  # SUM over no priced rows is NULL
        ids = arr[:, 0].astype(np.int64)
        keep = (ids < len(pos))
        idx = np.where(keep, pos[np.minimum(ids, len(pos) - 1)], -1)
        ok = idx >= 0
        for j, name in enumerate(names, start=1):
            getattr(counts, name)[idx[ok]] = arr[ok, j]
    return counts


# ---------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PeriodSummary:
    period: str
    period_kind: str
    scheme_name: str
    scheme_version: int
    suppliers: int
    scored: int
    grades: dict[str, int]
    seconds: float


def _dbapi(session: Session):
    return session.connection().connection.driver_connection


TRACE_FIELDS = ("numerator", "denominator", "score", "weight")


def _traces(result: ScoreResult) -> list[str]:
    """Per-supplier trace JSON: for each indicator [numerator, denominator, score, weight].

    The value (numerator / denominator, ×10⁶ for PPM, capped at 1 for fulfilment) and the
    contribution (weight × score) follow from these by definition, so ``trace_details`` derives
    them instead of storing them — formatting numbers is the dominant cost of storing traces for
    every supplier. Fuzzy runs add the membership vector B, demerit runs the counts per class.
    Built with one json.dumps over the whole matrix, then split per supplier.
    """
    c = result.indicators.counts
    cols = []
    for j, key in enumerate(result.keys):
        num, den = INDICATOR_COUNTS[key]
        cols += [getattr(c, num), getattr(c, den), np.round(result.indicator_scores[:, j], 3),
                 np.round(result.weights[:, j], 5)]
    n_ind = len(cols)
    if result.membership is not None:
        cols += list(np.round(result.membership, 5).T)
    elif result.demerit_counts is not None:
        cols += list(result.demerit_counts.values())
    if not cols or len(c) == 0:
        return ["{}"] * len(c)
    text = json.dumps(np.column_stack(cols).tolist()).replace("NaN", "null")
    rows = text[2:-2].split("], [")
    keys = json.dumps(list(result.keys))
    if n_ind == len(cols):
        return ['{"keys":' + keys + ',"v":[' + r + "]}" for r in rows]
    extra = "fuzzy" if result.membership is not None else "demerit"
    head = 4 * len(result.keys)
    out = []
    for r in rows:
        parts = r.split(", ")
        out.append('{"keys":' + keys + ',"v":[' + ",".join(parts[:head]) + '],"' + extra + '":['
                   + ",".join(parts[head:]) + "]}")
    return out


def _scheme_for_run(session: Session, conn, scheme_name: str | None) -> tuple[int, str, int, EvaluationScheme]:
    """The active scheme version (raw lookup on the hot path; created through the ORM once)."""
    name = scheme_name or DEFAULT_SCHEME_NAME
    row = conn.execute("SELECT id, name, version, config FROM evaluation_schemes WHERE name = ?"
                       " ORDER BY active DESC, version DESC LIMIT 1", (name,)).fetchone()
    if row is None:
        rec = active_scheme(session, name)  # creates the default or raises for unknown names
        row = (rec.id, rec.name, rec.version, rec.config)
    try:
        return row[0], row[1], row[2], _parse_scheme(row[3])
    except SchemeError as exc:
        raise EvaluationError(f"scheme {row[1]} v{row[2]} is invalid: {exc}") from exc


@lru_cache(maxsize=32)
def _parse_scheme(config: str) -> EvaluationScheme:
    return EvaluationScheme.from_json(config)


def evaluate_period(db: Database, period_text: str, scheme_name: str | None = None) -> PeriodSummary:
    """Evaluate every supplier for one period and store the results, replacing that period's
    earlier results in the same transaction. SQLite databases (the aggregates use julianday)."""
    started = time.perf_counter()
    try:
        period = Period.parse(period_text)
    except ValueError as exc:
        raise EvaluationError(str(exc)) from exc
    if not db.is_sqlite:
        raise EvaluationError("evaluation runs on SQLite database files")
    with db.begin() as session:
        conn = _dbapi(session)
        scheme_id, name, version, scheme = _scheme_for_run(session, conn, scheme_name)
        # Suppliers that can be graded: everyone except potential (never supplied) ones.
        ids = np.array([r[0] for r in conn.execute(
            "SELECT id FROM suppliers WHERE status != 'potential' ORDER BY id").fetchall()], dtype=np.int64)
        counts = aggregate_counts(conn, ids, period, scheme)
        result = evaluate(counts, scheme)
        grades = assign_grades(result.scores, scheme.thresholds)
        previous, periods, change = grade_history(grades, *_last_grades(conn, ids, period))

        scored = int(np.isfinite(result.scores).sum())
        run = (period.kind, period.start.isoformat(), period.last_day.isoformat(), scheme_id,
               utcnow().isoformat(sep=" "), len(ids), scored, period.label)
        # Re-running keeps the run row (so no cascade scan) and replaces all of its results.
        cur = conn.execute("UPDATE evaluation_runs SET period_kind=?, period_start=?, period_end=?, scheme_id=?,"
                           " run_at=?, supplier_count=?, scored_count=? WHERE period=?", run)
        if cur.rowcount == 0:
            conn.execute("INSERT INTO evaluation_runs (period_kind, period_start, period_end, scheme_id, run_at,"
                         " supplier_count, scored_count, period) VALUES (?,?,?,?,?,?,?,?)", run)
        run_id = conn.execute("SELECT id FROM evaluation_runs WHERE period = ?", (period.label,)).fetchone()[0]

        traces = _traces(result)
        missing_json = [json.dumps(k) for k in (
            [key for key, m in zip(result.keys, row) if m] for row in result.missing.tolist())]
        scores = [None if x != x else x for x in np.round(result.scores, 4).tolist()]
        # Values constant over the run are SQL literals: the label is a parsed period, the method
        # a validated name, the ids integers; each row binds only what varies.
        conn.executemany(
            "INSERT INTO evaluation_results (run_id, period, period_kind, scheme_name, scheme_version, method,"
            " supplier_id, score, grade, previous_grade, periods_in_grade, change, treatment, missing, trace)"
            f" VALUES ({int(run_id)}, '{period.label}', '{period.kind}', ?, {int(version)}, '{scheme.method}',"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            # Upsert in place: cheaper than delete-then-insert, which churns both indexes.
            " ON CONFLICT (period, supplier_id) DO UPDATE SET run_id=excluded.run_id,"
            " period_kind=excluded.period_kind, scheme_name=excluded.scheme_name,"
            " scheme_version=excluded.scheme_version, method=excluded.method, score=excluded.score,"
            " grade=excluded.grade, previous_grade=excluded.previous_grade,"
            " periods_in_grade=excluded.periods_in_grade, change=excluded.change,"
            " treatment=excluded.treatment, missing=excluded.missing, trace=excluded.trace",
            zip([name] * len(ids), ids.tolist(), scores, grades.tolist(), previous.tolist(), periods.tolist(),
                change.tolist(), result.treatment.tolist(), missing_json, traces))
        # Together with the upsert this replaces the period's results: drop suppliers not graded now.
        conn.execute("DELETE FROM evaluation_results WHERE period = ? AND supplier_id NOT IN"
                     " (SELECT id FROM suppliers WHERE status != 'potential')", (period.label,))
    tally = {g: int(np.sum(grades == g)) for g in ("A", "B", "C", "D")}
    return PeriodSummary(period.label, period.kind, name, version, len(ids), scored, tally,
                         round(time.perf_counter() - started, 4))


def _last_grades(conn, ids: np.ndarray, period: Period) -> tuple[np.ndarray, np.ndarray]:
    """Last grade (carried through ungraded periods) and its streak from the previous period."""
    last_grade = np.full(len(ids), None, dtype=object)
    last_streak = np.zeros(len(ids))
    rows = conn.execute("SELECT supplier_id, COALESCE(grade, previous_grade), periods_in_grade"
                        " FROM evaluation_results WHERE period = ?", (period.previous().label,)).fetchall()
    if rows and len(ids):
        sid = np.array([r[0] for r in rows], dtype=np.int64)
        idx = np.searchsorted(ids, sid)
        ok = (idx < len(ids)) & (ids[np.minimum(idx, len(ids) - 1)] == sid)
        last_grade[idx[ok]] = np.array([r[1] for r in rows], dtype=object)[ok]
        last_streak[idx[ok]] = np.array([r[2] for r in rows], dtype=float)[ok]
    return last_grade, last_streak


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GradeRow:
    supplier_id: int
    code: str
    name_zh: str
    name_en: str
    score: float | None
    grade: str | None
    previous_grade: str | None
    periods_in_grade: int
    change: str | None
    treatment: str
    missing: list[str]
    indicators: dict[str, float | None]
    actions: tuple[str, ...]


@dataclass(frozen=True)
class GradeList:
    period: str
    period_kind: str
    scheme_name: str
    scheme_version: int
    scheme: EvaluationScheme
    run_at: datetime
    rows: list[GradeRow]


def grade_list(db: Database, period_text: str) -> GradeList:
    """The stored results of a period, best score first (ungraded suppliers last)."""
    try:
        label = Period.parse(period_text).label
    except ValueError as exc:
        raise EvaluationError(str(exc)) from exc
    with db.begin() as session:
        run = session.scalar(select(EvaluationRun).where(EvaluationRun.period == label))
        if run is None:
            raise EvaluationError(f"period {label} has not been evaluated; run 'qualitybridge evaluate' first")
        scheme_rec = session.get(EvaluationSchemeRecord, run.scheme_id)
        scheme = scheme_rec.scheme()
        rows = session.execute(
            select(EvaluationResult, Supplier.code, Supplier.name_zh, Supplier.name_en)
            .join(Supplier, Supplier.id == EvaluationResult.supplier_id)
            .where(EvaluationResult.period == label)
            .order_by(EvaluationResult.score.is_(None), EvaluationResult.score.desc(), Supplier.code)).all()
        out = []
        for res, code, zh, en in rows:
            values = _stored_values(json.loads(res.trace))
            out.append(GradeRow(res.supplier_id, code, zh, en, res.score, res.grade, res.previous_grade,
                                res.periods_in_grade, res.change, res.treatment, json.loads(res.missing),
                                {k: values.get(k) for k in INDICATORS if k in values},
                                actions_for(res.grade, res.periods_in_grade, scheme.policy)))
        return GradeList(label, run.period_kind, scheme_rec.name, scheme_rec.version, scheme, run.run_at, out)


def _stored_values(stored: dict) -> dict[str, float | None]:
    """Indicator values from a stored trace's counts (same definitions as the engine)."""
    keys = stored.get("keys", [])
    v = stored.get("v", [])
    counts = SupplierCounts.zeros(np.zeros(1))
    for k, key in enumerate(keys):
        num, den = INDICATOR_COUNTS[key]
        getattr(counts, num)[0] = v[4 * k] or 0.0
        getattr(counts, den)[0] = v[4 * k + 1] or 0.0
    computed = compute_indicators(counts).values
    return {key: (None if not np.isfinite(computed[key][0]) else round(float(computed[key][0]), 6)) for key in keys}


def trace_details(db: Database, supplier_code: str, period_text: str) -> dict:
    """The full calculation trace of one stored result, with named fields: "why is this supplier C?"."""
    label = Period.parse(period_text).label
    with db.begin() as session:
        row = session.execute(
            select(EvaluationResult, EvaluationRun.scheme_id).join(Supplier, Supplier.id == EvaluationResult.supplier_id)
            .join(EvaluationRun, EvaluationRun.id == EvaluationResult.run_id)
            .where(Supplier.code == supplier_code, EvaluationResult.period == label)).first()
        if row is None:
            raise EvaluationError(f"no result for supplier {supplier_code} in {label}")
        res, scheme_id = row
        scheme = session.get(EvaluationSchemeRecord, scheme_id).scheme()
    stored = json.loads(res.trace)
    indicators = {}
    values = _stored_values(stored)
    for k, key in enumerate(stored.get("keys", [])):
        num, den, score, weight = stored["v"][4 * k: 4 * k + 4]
        indicators[key] = {"counts": dict(zip(INDICATOR_COUNTS[key], (num, den))), "value": values.get(key),
                           "score": score, "weight": weight,
                           "contribution": None if score is None or weight is None else round(score * weight, 6)}
    out = {"supplier": supplier_code, "period": label, "scheme": res.scheme_name, "version": res.scheme_version,
           "method": res.method, "missing_policy": scheme.missing_policy, "treatment": res.treatment,
           "score": res.score, "grade": res.grade, "previous_grade": res.previous_grade,
           "periods_in_grade": res.periods_in_grade, "thresholds": scheme.thresholds.as_dict(),
           "window": {"early_days": scheme.window.early_days, "late_days": scheme.window.late_days},
           "missing": json.loads(res.missing), "indicators": indicators}
    if "fuzzy" in stored:
        out["fuzzy"] = {"operator": scheme.fuzzy.operator, "membership": dict(zip("ABCD", stored["fuzzy"]))}
    if "demerit" in stored:
        out["demerit"] = {k: {"count": v, "points": scheme.demerit.points.get(k, 0.0)}
                          for k, v in zip(DemeritRule.CLASSES, stored["demerit"])}
    return out
