"""Supplier performance evaluation services (the records are in ``tables``).

``evaluate_period`` is the monthly job: SQL GROUP BY aggregates per supplier → numpy arrays →
the vectorised engines (app.engines.scoring / grading) → one bulk upsert of the results plus one
trace matrix for the period, all in one transaction that replaces any earlier results of the
same period. The SQL is portable (SQLite and PostgreSQL); the few spellings that differ are
constructs of app.models.core.database (``days_between``, ``least``, ``upsert``).
"""

from __future__ import annotations

import io
import json
import time
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

import numpy as np
from sqlalchemy import (
    Date, String, bindparam, case, func, select,
)
from sqlalchemy.orm import Session

from app.engines.grading import (HOLD_AGREEMENT_BREACHES, actions_for, apply_holds, assign_grades, grade_history,
                                 lower_grade_for_breaches)
from app.engines.indicators import INDICATOR_COUNTS, Period, SupplierCounts
from app.engines.indicators import compute_indicators
from app.engines.scoring import EvaluationScheme, ScoreResult, SchemeError, evaluate
from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.base import utcnow
from app.models.core.database import Database, days_between, execute_many, fetch_all, least, upsert
from app.models.evaluation.tables import (
    Delivery, EvaluationResult, EvaluationRun, EvaluationSchemeRecord, EvaluationTrace, InspectionLot, PurchaseOrderLine,
)
from app.models.suppliers.tables import CorrectiveAction, Supplier
from app.models.complaints.tables import Complaint  # customer complaints traced to a supplier (issue 12)


class EvaluationError(Exception):
    """An evaluation request the user can fix (unknown scheme, bad period); message for the user."""


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
# Aggregation: the hot queries, portable SQL. Each is answered from a covering index on SQLite
# (see 0003_evaluation and tests/models/evaluation/test_service.py::test_aggregates_use_covering_indexes).
# ---------------------------------------------------------------------------------------------

def _aggregate_statements():
    lots = InspectionLot.__table__
    d = Delivery.__table__
    line = PurchaseOrderLine.__table__
    ca = CorrectiveAction.__table__
    start, end = bindparam("start", type_=Date), bindparam("end", type_=Date)

    def count_if(condition):
        return func.sum(case((condition, 1), else_=0))

    priced = (line.c.standard_price.is_not(None)) & (line.c.unit_price.is_not(None))
    lots_q = (select(lots.c.supplier_id, func.count(), count_if(lots.c.decision == "accepted"), func.sum(lots.c.lot_size),
                     func.sum(lots.c.defective_units), func.sum(lots.c.critical_defects),
                     func.sum(lots.c.major_defects), func.sum(lots.c.minor_defects))
              .where(lots.c.inspected_on >= start, lots.c.inspected_on < end)
              .group_by(lots.c.supplier_id))
    # On time: -early <= delivered - due <= late, in days (indicators.on_time_mask is the same rule).
    deliveries_q = (select(line.c.supplier_id, func.count(),
                           count_if(days_between(d.c.delivered_on, line.c.due_on)
                                    .between(bindparam("neg_early"), bindparam("late"))),
                           func.sum(case((priced, d.c.quantity * line.c.unit_price))),
                           func.sum(case((priced, d.c.quantity * line.c.standard_price))))
                    .select_from(d.join(line, line.c.id == d.c.po_line_id))
                    .where(d.c.delivered_on >= start, d.c.delivered_on < end)
                    .group_by(line.c.supplier_id))
    # Fulfilment: lines due in the period, delivered quantity capped per line.
    delivered = (select(func.coalesce(func.sum(d.c.quantity), 0)).where(d.c.po_line_id == line.c.id)
                 .scalar_subquery())
    fulfilment_q = (select(line.c.supplier_id, func.sum(line.c.ordered_qty),
                           func.sum(least(line.c.ordered_qty, delivered)))
                    .where(line.c.due_on >= start, line.c.due_on < end)
                    .group_by(line.c.supplier_id))
    service_q = (select(ca.c.supplier_id, func.count(),
                        count_if(ca.c.answered_on.is_not(None) & (ca.c.answered_on <= ca.c.due_on)))
                 .where(ca.c.due_on >= start, ca.c.due_on < end, ca.c.status != "cancelled")
                 .group_by(ca.c.supplier_id))
    # Customer complaints traced to the supplier, by the day they were received (issue 12).
    cc = Complaint.__table__
    complaints_q = (select(cc.c.supplier_id, func.count())
                    # "> 0" (ids are positive) rather than IS NOT NULL: SQLite then reads the covering
                    # (supplier_id, received_at) index, not the report's received_at one
                    .where(cc.c.supplier_id > 0, cc.c.received_at >= start, cc.c.received_at < end)
                    .group_by(cc.c.supplier_id))
    return (
        (lots_q, ("lots_inspected", "lots_accepted", "units_received", "defective_units",
                  "critical_defects", "major_defects", "minor_defects")),
        (deliveries_q, ("deliveries", "deliveries_on_time", "amount_actual", "amount_standard")),
        (fulfilment_q, ("qty_ordered", "qty_fulfilled")),
        (service_q, ("cars_due", "cars_answered_on_time")),
        (complaints_q, ("customer_complaints",)),
    )


#: (statement, count fields of its columns after supplier_id), run with ``aggregate_params``.
AGGREGATES = _aggregate_statements()


def aggregate_sql(dialect, params: dict[str, object]) -> list[tuple[str, dict[str, object]]]:
    """The aggregate statements as SQL text of a dialect, each with its full parameter dict
    (dates as ISO text, as SQLite stores them) — for EXPLAIN and the benchmark's baseline, which
    runs exactly these statements on a plain DB-API connection."""
    out = []
    for stmt, _names in AGGREGATES:
        compiled = stmt.compile(dialect=dialect)
        values = compiled.construct_params(params)
        out.append((str(compiled), {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}))
    return out


def aggregate_params(period: Period, scheme: EvaluationScheme) -> dict[str, object]:
    return {"start": period.start, "end": period.end,
            "neg_early": -scheme.window.early_days, "late": scheme.window.late_days}


def aggregate_counts(session: Session, supplier_ids: np.ndarray, period: Period,
                     scheme: EvaluationScheme, *, fields: frozenset[str] | None = None) -> SupplierCounts:
    """Run the GROUP BY aggregates and scatter their rows into per-supplier arrays. ``fields``
    (count names): run only the statements that give one of them (the others stay zero)."""
    counts = SupplierCounts.zeros(supplier_ids)
    params = aggregate_params(period, scheme)
    # supplier ids are small positive integers: scatter through a dense position table.
    pos = np.full(int(supplier_ids.max()) + 1 if len(supplier_ids) else 1, -1, dtype=np.int64)
    pos[supplier_ids] = np.arange(len(supplier_ids))
    for stmt, names in AGGREGATES:
        if fields is not None and not fields.intersection(names):
            continue
        rows = fetch_all(session, stmt, params)
        if not rows:
            continue
        arr = np.array(rows, dtype=float)  # PostgreSQL sums of integers arrive as Decimal
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


TRACE_FIELDS = ("numerator", "denominator", "score", "weight")
RESULT_COLUMNS = ("score", "grade", "previous_grade", "periods_in_grade", "change", "treatment", "missing")


def trace_matrix(result: ScoreResult) -> tuple[list[str], np.ndarray]:
    """Every supplier's calculation trace as one float64 matrix with named columns.

    Per indicator the numerator and denominator counts, the 0–100 score and the weight applied;
    the value (numerator / denominator, ×10⁶ for PPM, capped at 1 for fulfilment) and the
    contribution (weight × score) follow by definition, so ``trace_details`` derives them. Fuzzy
    runs add the membership vector B, demerit runs the counts per demerit class. Kept at full
    precision, so a trace reproduces the stored score exactly.
    """
    c = result.indicators.counts
    columns, cols = ["supplier_id"], [np.asarray(c.supplier_ids, dtype=float)]
    for j, key in enumerate(result.keys):
        num, den = INDICATOR_COUNTS[key]
        columns += [f"{key}.{f}" for f in TRACE_FIELDS]
        cols += [getattr(c, num), getattr(c, den), result.indicator_scores[:, j], result.weights[:, j]]
    if result.membership is not None:
        columns += [f"fuzzy.{g}" for g in "ABCD"]
        cols += list(np.asarray(result.membership, dtype=float).T)
    elif result.demerit_counts is not None:
        for name, values in result.demerit_counts.items():
            columns.append(f"demerit.{name}")
            cols.append(values)
    return columns, np.column_stack([np.asarray(x, dtype=float) for x in cols]).reshape(len(c), len(columns))


def _npy(matrix: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(matrix, dtype=np.float64), allow_pickle=False)
    return buf.getvalue()


def _missing_texts(keys: tuple[str, ...], missing: np.ndarray) -> list[str]:
    """JSON list of missing indicators per supplier; suppliers share a handful of patterns."""
    if missing.size == 0:
        return ["[]"] * missing.shape[0]
    codes = missing.astype(np.int64) @ (1 << np.arange(missing.shape[1], dtype=np.int64))
    uniq, inverse = np.unique(codes, return_inverse=True)
    texts = [json.dumps([k for b, k in enumerate(keys) if int(code) >> b & 1]) for code in uniq]
    return [texts[i] for i in inverse.tolist()]


def _scheme_for_run(session: Session, scheme_name: str | None) -> tuple[int, str, int, EvaluationScheme]:
    """The active scheme version (created through the ORM on first use of the default)."""
    name = scheme_name or DEFAULT_SCHEME_NAME
    row = session.execute(select(EvaluationSchemeRecord.id, EvaluationSchemeRecord.name,
                                 EvaluationSchemeRecord.version, EvaluationSchemeRecord.config)
                          .where(EvaluationSchemeRecord.name == name)
                          .order_by(EvaluationSchemeRecord.active.desc(), EvaluationSchemeRecord.version.desc())
                          .limit(1)).first()
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


@lru_cache(maxsize=4)
def _upserts(dialect_name: str):
    results = upsert(EvaluationResult.__table__, dialect_name, ["period", "supplier_id"], list(RESULT_COLUMNS))
    traces = upsert(EvaluationTrace.__table__, dialect_name, ["period"], ["columns", "data"])
    return results, traces


def _gradable_with_history(session: Session, period: Period) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Suppliers that can be graded (everyone except potential, never-supplied ones), by id, with
    their last grade (carried through ungraded periods) and its streak from the previous period."""
    rows = fetch_all(session, _history_statement(), {"previous": period.previous().label})
    ids = np.array([r[0] for r in rows], dtype=np.int64)
    last_grade = np.array([r[1] for r in rows], dtype=object)
    last_streak = np.array([0 if r[2] is None else r[2] for r in rows], dtype=float)
    return ids, last_grade, last_streak


@lru_cache(maxsize=1)
def _history_statement():
    sup, res = Supplier.__table__, EvaluationResult.__table__
    return (select(sup.c.id, func.coalesce(res.c.grade, res.c.previous_grade), res.c.periods_in_grade)
            .select_from(sup.outerjoin(res, (res.c.supplier_id == sup.c.id)
                                       & (res.c.period == bindparam("previous", type_=String))))
            .where(sup.c.status != "potential").order_by(sup.c.id))


@requires("evaluation.run")
def evaluate_period(db: Database, period_text: str, scheme_name: str | None = None) -> PeriodSummary:
    """Evaluate every supplier for one period and store the results and their traces, replacing
    that period's earlier results in the same transaction. Portable SQL (SQLite and PostgreSQL).
    One bulk trail entry (who, period, scheme, counts, the results' SHA-256)."""
    started = time.perf_counter()
    try:
        period = Period.parse(period_text)
    except ValueError as exc:
        raise EvaluationError(str(exc)) from exc
    with db.begin() as session, trail.bulk(session, "evaluate", "evaluation_results", record_id=period.label,
                                           period=period.label) as bulk:
        scheme_id, name, version, scheme = _scheme_for_run(session, scheme_name)
        bulk.details.update(scheme=name, scheme_version=version)
        ids, last_grade, last_streak = _gradable_with_history(session, period)
        counts = aggregate_counts(session, ids, period, scheme)
        result = evaluate(counts, scheme)
        grades = assign_grades(result.scores, scheme.thresholds)
        previous, periods, change = grade_history(grades, last_grade, last_streak)
        scored = int(np.isfinite(result.scores).sum())
        _save_run(session, period, scheme_id, len(ids), scored)

        scores = [None if x != x else x for x in np.round(result.scores, 4).tolist()]
        rows = list(zip([period.label] * len(ids), ids.tolist(), scores, grades.tolist(), previous.tolist(),
                        periods.tolist(), change.tolist(), result.treatment.tolist(),
                        _missing_texts(result.keys, result.missing)))
        written, removed = _store_results(session, period.label, rows)
        bulk.count("evaluation_results.upsert", written)
        if removed:
            bulk.count("evaluation_results.delete", removed)
        bulk.details.update(suppliers=len(ids), scored=scored)
        bulk.add_content(json.dumps(rows, ensure_ascii=False, default=str))
        columns, matrix = trace_matrix(result)
        upsert_trace = _upserts(session.get_bind().dialect.name)[1]
        session.execute(upsert_trace, {"period": period.label, "columns": json.dumps(columns), "data": _npy(matrix)})
    tally = {g: int(np.sum(grades == g)) for g in ("A", "B", "C", "D")}
    return PeriodSummary(period.label, period.kind, name, version, len(ids), scored, tally,
                         round(time.perf_counter() - started, 4))


def _store_results(session: Session, label: str, rows: list[tuple]) -> tuple[int, int]:
    """Make the period's stored results equal ``rows`` (period, supplier_id, *RESULT_COLUMNS):
    write only rows that are new or changed (a re-run after a few corrections rewrites a few
    rows, not the whole period) and delete suppliers no longer graded. Returns (written, removed)."""
    table = EvaluationResult.__table__
    stored = {r[0]: tuple(r[1:]) for r in fetch_all(session, _stored_statement(), {"period": label})}
    gone: set = set()
    if stored:
        changed = [row for row in rows if stored.get(row[1]) != row[2:]]
        gone = set(stored) - {row[1] for row in rows}
        if gone:
            session.execute(table.delete().where(table.c.period == label, table.c.supplier_id.in_(sorted(gone))))
    else:
        changed = rows
    # Upsert in place: cheaper than delete-then-insert, which churns the key index.
    upsert_results = _upserts(session.get_bind().dialect.name)[0]
    execute_many(session, upsert_results, ("period", "supplier_id") + RESULT_COLUMNS, changed)
    return len(changed), len(gone)


@lru_cache(maxsize=1)
def _stored_statement():
    t = EvaluationResult.__table__
    return select(t.c.supplier_id, *(t.c[c] for c in RESULT_COLUMNS)).where(
        t.c.period == bindparam("period", type_=String))


def _save_run(session: Session, period: Period, scheme_id: int, suppliers: int, scored: int) -> None:
    """Insert or update the period's run row (re-running keeps it: results refer to its period)."""
    runs = EvaluationRun.__table__
    values = {"period_kind": period.kind, "period_start": period.start, "period_end": period.last_day,
              "scheme_id": scheme_id, "run_at": utcnow(), "supplier_count": suppliers, "scored_count": scored}
    updated = session.execute(runs.update().where(runs.c.period == period.label).values(**values))
    if updated.rowcount == 0:
        session.execute(runs.insert().values(period=period.label, **values))


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
    actions: tuple[str, ...]           # the grade's actions after the holds below
    status: str = ""                   # the supplier's status today
    certificate: str = "none"          # mandatory certificates: expired / expiring / valid / open_ended / none
    certificate_standards: tuple[str, ...] = ()  # the mandatory standards in that state
    overdue_cars: int = 0              # overdue corrective action requests today
    holds: tuple[str, ...] = ()        # why the actions differ from the grade's (grading.apply_holds)
    breaches: int | None = None        # quality agreement target breaches in the period; None = no agreed target
    computed_grade: str | None = None  # the stored grade when the agreement breach rule lowered ``grade``


@dataclass(frozen=True)
class GradeList:
    period: str
    period_kind: str
    scheme_name: str
    scheme_version: int
    scheme: EvaluationScheme
    run_at: datetime
    rows: list[GradeRow]


def grade_list(db: Database, period_text: str, *, as_of: date | None = None) -> GradeList:
    """The stored results of a period, best score first (ungraded suppliers last).

    Beside the grade, each row carries what purchasing must know *today* (``as_of``): the
    supplier's status, the state of its mandatory certificates and its overdue corrective action
    requests (the corrective-action list's rule); they override the grade's actions
    (``grading.apply_holds``) and ``holds`` says why.
    """
    from app.models.suppliers.corrective import car_counts
    from app.models.suppliers.master import mandatory_certificate_states

    today = as_of or date.today()
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
            select(EvaluationResult, Supplier.code, Supplier.name_zh, Supplier.name_en, Supplier.status)
            .join(Supplier, Supplier.id == EvaluationResult.supplier_id)
            .where(EvaluationResult.period == label)
            .order_by(EvaluationResult.score.is_(None), EvaluationResult.score.desc(), Supplier.code)).all()
        values = _stored_values(*_load_trace(session, label))
        certificates = mandatory_certificate_states(session, today)
        cars = car_counts(session, today)
        out = []
        for res, code, zh, en, status in rows:
            cert = certificates.get(res.supplier_id)
            overdue = cars.get(res.supplier_id, (0, 0))[1]
            actions, holds = apply_holds(actions_for(res.grade, res.periods_in_grade, scheme.policy), status,
                                         certificate_expired=bool(cert and cert.expired), overdue_cars=overdue)
            out.append(GradeRow(res.supplier_id, code, zh, en, res.score, res.grade, res.previous_grade,
                                res.periods_in_grade, res.change, res.treatment, json.loads(res.missing),
                                values.get(res.supplier_id, {}), actions, status,
                                cert.state if cert else "none", cert.standards if cert else (), overdue, holds))
        run_kind, scheme_name, scheme_version, run_at = run.period_kind, scheme_rec.name, scheme_rec.version, run.run_at
    # agreement breaches of the period, from the agreements' own target-vs-actual computation
    # (imported here: app.models.agreements.targets builds on this module), for the listed suppliers only
    from app.models.agreements.targets import breach_counts

    from app.models.agreements.grade_rule import breach_rule

    breaches = breach_counts(db, label, [r.supplier_id for r in out])
    out = [replace(r, breaches=breaches.get(r.supplier_id)) for r in out]
    # the optional rule (off by default): the listed grade one letter lower, the stored one unchanged
    min_breaches = breach_rule(db)
    if min_breaches is not None:
        lowered = []
        for r in out:
            shown = lower_grade_for_breaches(r.grade, r.breaches, min_breaches)
            if shown != r.grade:
                actions, holds = apply_holds(actions_for(shown, r.periods_in_grade, scheme.policy), r.status,
                                             certificate_expired=r.certificate == "expired",
                                             overdue_cars=r.overdue_cars)
                # the change is the listed grade's against the previous period (same rule as
                # grade_history), so "Change" agrees with the grade the row shows
                change = grade_history([shown], [r.previous_grade], [0])[2][0] if r.previous_grade else r.change
                r = replace(r, grade=shown, computed_grade=r.grade, actions=actions, change=change,
                            holds=holds + (HOLD_AGREEMENT_BREACHES,))
            lowered.append(r)
        out = lowered
    return GradeList(label, run_kind, scheme_name, scheme_version, scheme, run_at, out)


def _load_trace(session: Session, label: str) -> tuple[list[str], np.ndarray]:
    """The stored trace matrix of a period (no columns and no rows when none was stored)."""
    row = session.execute(select(EvaluationTrace.columns, EvaluationTrace.data)
                          .where(EvaluationTrace.period == label)).first()
    if row is None:
        return ["supplier_id"], np.zeros((0, 1))
    matrix = np.load(io.BytesIO(bytes(row[1])), allow_pickle=False)
    return json.loads(row[0]), matrix.reshape(-1, max(len(json.loads(row[0])), 1))


def _trace_keys(columns: list[str]) -> list[str]:
    return [c[:-len(".numerator")] for c in columns if c.endswith(".numerator")]


def _stored_values(columns: list[str], matrix: np.ndarray) -> dict[int, dict[str, float | None]]:
    """Indicator values per supplier id from a stored trace's counts (same definitions as the
    engine), computed for the whole period at once."""
    keys = _trace_keys(columns)
    sids = matrix[:, 0].astype(np.int64) if len(matrix) else np.zeros(0, dtype=np.int64)
    counts = SupplierCounts.zeros(sids)
    col = {c: i for i, c in enumerate(columns)}
    for key in keys:
        num, den = INDICATOR_COUNTS[key]
        getattr(counts, num)[:] = np.nan_to_num(matrix[:, col[f"{key}.numerator"]])
        getattr(counts, den)[:] = np.nan_to_num(matrix[:, col[f"{key}.denominator"]])
    computed = compute_indicators(counts).values
    table = {key: [None if not np.isfinite(v) else round(v, 6) for v in computed[key].tolist()] for key in keys}
    return {sid: {key: table[key][i] for key in keys} for i, sid in enumerate(sids.tolist())}


def _num(x: float) -> float | None:
    return None if not np.isfinite(x) else float(x)


def trace_details(db: Database, supplier_code: str, period_text: str) -> dict:
    """The full calculation trace of one stored result, with named fields: "why is this supplier C?"."""
    try:
        label = Period.parse(period_text).label
    except ValueError as exc:
        raise EvaluationError(str(exc)) from exc
    with db.begin() as session:
        row = session.execute(
            select(EvaluationResult, EvaluationRun.scheme_id).join(Supplier, Supplier.id == EvaluationResult.supplier_id)
            .join(EvaluationRun, EvaluationRun.period == EvaluationResult.period)
            .where(Supplier.code == supplier_code, EvaluationResult.period == label)).first()
        if row is None:
            raise EvaluationError(f"no result for supplier {supplier_code} in {label}")
        res, scheme_id = row
        scheme_rec = session.get(EvaluationSchemeRecord, scheme_id)
        scheme = scheme_rec.scheme()
        columns, matrix = _load_trace(session, label)
    hit = np.flatnonzero(matrix[:, 0] == res.supplier_id) if len(matrix) else []
    trace = matrix[hit[0]] if len(hit) else np.full(len(columns), np.nan)
    col = {c: i for i, c in enumerate(columns)}
    values = _stored_values(columns, trace.reshape(1, -1)).get(res.supplier_id, {}) if len(hit) else {}
    indicators = {}
    for key in _trace_keys(columns):
        num, den, score, weight = (_num(trace[col[f"{key}.{f}"]]) for f in TRACE_FIELDS)
        indicators[key] = {"counts": dict(zip(INDICATOR_COUNTS[key], (num, den))), "value": values.get(key),
                           "score": score, "weight": weight,
                           "contribution": None if score is None or weight is None else score * weight}
    out = {"supplier": supplier_code, "period": label, "scheme": scheme_rec.name, "version": scheme_rec.version,
           "method": scheme.method, "missing_policy": scheme.missing_policy, "treatment": res.treatment,
           "score": res.score, "grade": res.grade, "previous_grade": res.previous_grade,
           "periods_in_grade": res.periods_in_grade, "thresholds": scheme.thresholds.as_dict(),
           "window": {"early_days": scheme.window.early_days, "late_days": scheme.window.late_days},
           "missing": json.loads(res.missing), "indicators": indicators}
    fuzzy = [c for c in columns if c.startswith("fuzzy.")]
    if fuzzy:
        out["fuzzy"] = {"operator": scheme.fuzzy.operator,
                        "membership": {c[len("fuzzy."):]: _num(trace[col[c]]) for c in fuzzy}}
    demerit = [c for c in columns if c.startswith("demerit.")]
    if demerit:
        out["demerit"] = {c[len("demerit."):]: {"count": _num(trace[col[c]]),
                                                "points": scheme.demerit.points.get(c[len("demerit."):], 0.0)}
                          for c in demerit}
    return out
