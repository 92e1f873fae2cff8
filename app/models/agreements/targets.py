"""Agreed targets against actual performance.

For every agreement and every period of each target clause's kind (month/quarter/year) inside
the asked range, the version in force on the period's last day decides whether the clause
applies; the actual comes from the **same** aggregation and indicator functions the supplier
evaluation uses (``app.models.evaluation.service.aggregate_counts`` →
``app.engines.indicators.compute_indicators``), so an agreement never disagrees with the grade
list. A missing indicator (no deliveries) is neither a breach nor a pass. Liability and
escalation follow the clause's rule (``app.engines.agreements.evaluate_targets``). A breach can
raise a SCAR in one step (``raise_scar_for_breach``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from functools import lru_cache

from sqlalchemy import Date, bindparam, select

from app.engines import agreements as eng
from app.engines.indicators import INDICATOR_COUNTS, Period, SupplierCounts, compute_indicators
from app.engines.scoring import EvaluationScheme
from app.models.admin.permissions import requires
from app.models.agreements.errors import NotFoundError, ValidationError
from app.models.agreements.tables import Agreement, AgreementClause, AgreementVersion
from app.models.core.database import Database, fetch_all
from app.models.evaluation.service import DEFAULT_SCHEME_NAME, _parse_scheme, aggregate_counts
from app.models.evaluation.tables import EvaluationSchemeRecord
from app.models.suppliers.tables import Supplier

STATUS_NAMES = {eng.PASS: "pass", eng.BREACH: "breach", eng.MISSING: "missing"}
COLUMNS = ("agreement_id", "agreement", "supplier_id", "supplier_code", "supplier_name_zh", "supplier_name_en",
           "version", "clause_key", "clause_no", "indicator", "comparator", "threshold", "unit", "period_kind",
           "period", "period_start", "actual", "status", "liability", "rule_kind", "breach_count", "escalate")


def periods_between(kind: str, start: date, end: date) -> list[Period]:
    """Periods of ``kind`` lying wholly inside [start, end)."""
    first = {"month": f"{start.year:04d}-{start.month:02d}", "quarter": f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}",
             "year": f"{start.year:04d}"}[kind]
    p = Period.parse(first)
    out = []
    while p.start < end:
        if p.start >= start and p.end <= end:
            out.append(p)
        p = p.next()
    return out


def _range(start: str, end: str) -> tuple[date, date]:
    try:
        a, b = Period.parse(start), Period.parse(end)
    except ValueError as exc:
        raise ValidationError(str(exc), "period") from exc
    if b.end <= a.start:
        raise ValidationError(f"the period range {start}…{end} is empty", "period")
    if (b.end - a.start).days > 366 * 10:
        raise ValidationError("the period range is longer than ten years", "period")
    return a.start, b.end


def _scheme(session) -> EvaluationScheme:
    """The evaluation's active standard scheme (its on-time window), read without creating it."""
    row = session.execute(select(EvaluationSchemeRecord.config).where(EvaluationSchemeRecord.name == DEFAULT_SCHEME_NAME)
                          .order_by(EvaluationSchemeRecord.active.desc(), EvaluationSchemeRecord.version.desc())
                          .limit(1)).first()
    return _parse_scheme(row[0]) if row else EvaluationScheme(name=DEFAULT_SCHEME_NAME)


@dataclass(frozen=True)
class TargetReport:
    rows: pd.DataFrame  # one row per applicable (agreement target line, period): COLUMNS
    start: str
    end: str

    @property
    def breaches(self) -> pd.DataFrame:
        return self.rows[self.rows["status"] == "breach"]

    def totals(self) -> pd.DataFrame:
        """Per supplier: breaches, liability, escalations."""
        r = self.rows
        if r.empty:
            return pd.DataFrame(columns=["supplier_id", "supplier_code", "breaches", "liability", "escalations"])
        g = r.groupby(["supplier_id", "supplier_code"], sort=True)
        return pd.DataFrame({"breaches": g["status"].apply(lambda s: int((s == "breach").sum())),
                             "liability": g["liability"].sum(), "escalations": g["escalate"].sum()}).reset_index()


def target_actuals(db: Database, *, start: str, end: str, supplier_id: int | None = None,
                   supplier_code: str | None = None,
                   progress: Callable[[float, str], None] | None = None) -> TargetReport:
    """Target clauses against actuals for the periods from ``start`` to ``end`` (labels such as
    ``2025-01`` … ``2026-12``). ``progress(fraction, month_label)`` is called after each month's
    counts (a background task passes its ``state.progress``; it may raise to cancel)."""
    lo, hi = _range(start, end)
    with db.read() as s:
        if supplier_code is not None:
            supplier_id = s.scalar(select(Supplier.id).where(Supplier.code == supplier_code))
            if supplier_id is None:
                raise NotFoundError(f"no supplier with code {supplier_code}")
        rows = _compute(s, lo, hi, supplier_id, progress)
    if progress is not None:
        progress(1.0, "")
    return TargetReport(rows, start, end)


def breach_counts(db: Database, period: str, supplier_ids=None) -> dict[int, int]:
    """Agreement breaches per supplier in one evaluation period (``2026-10``, ``2026-Q3``, ``2026``):
    the target lines of :func:`target_actuals` whose periods lie inside it. A supplier is a key only
    when at least one agreed target applied (0 = all met or missing); ``supplier_ids`` limits the
    work to those suppliers (one supplier is computed alone)."""
    lo, hi = _range(period, period)
    wanted = None if supplier_ids is None else {int(x) for x in supplier_ids}
    if wanted is not None and not wanted:
        return {}
    with db.read() as s:
        rows = _compute(s, lo, hi, next(iter(wanted)) if wanted is not None and len(wanted) == 1 else None)
    if rows.empty:
        return {}
    counts = (rows["status"] == "breach").groupby(rows["supplier_id"].astype(np.int64)).sum()
    return {int(k): int(v) for k, v in counts.items() if wanted is None or int(k) in wanted}


def _monthly_counts(session, supplier_ids: np.ndarray, lo: date, hi: date, scheme,
                    fields: frozenset[str] | None = None,
                    progress: Callable[[float, str], None] | None = None) -> tuple[list[Period], list]:
    """The evaluation's own aggregation (``aggregate_counts``) for every month in [lo, hi), only
    the statements giving ``fields``; ``progress(done / months, label)`` after each month."""
    months = periods_between("month", lo, hi)
    out = []
    for i, p in enumerate(months):
        out.append(aggregate_counts(session, supplier_ids, p, scheme, fields=fields))
        if progress is not None:
            progress((i + 1) / len(months), p.label)
    return months, out


def needed_fields(indicators, sorting: bool) -> frozenset[str]:
    """The counts the target clauses need: each indicator's numerator and denominator, and the
    lot counts for a sorting-cost rule."""
    out = {f for k in indicators for f in INDICATOR_COUNTS[k]}
    if eng.CUSTOMER_COMPLAINTS in indicators:  # a month with deliveries and no complaint is 0
        out |= {"lots_inspected", "deliveries"}
    if sorting:
        out |= {"lots_inspected", "lots_accepted"}
    return frozenset(out)


def _counts_for(kind: str, months: list[Period], monthly: list, lo: date, hi: date) -> tuple[list[Period], list]:
    """Counts of each period of ``kind``: the sum of its months' counts. Every count is a sum over
    records dated inside the period (lots by inspection date, deliveries by delivery date, order
    lines and SCARs by due date), so a quarter's counts are exactly its three months' counts."""
    if kind == "month":
        return months, monthly
    periods = periods_between(kind, lo, hi)
    index = {p.label: i for i, p in enumerate(months)}
    out = []
    for p in periods:
        parts = [monthly[index[m.label]] for m in periods_between("month", p.start, p.end)]
        summed = SupplierCounts(parts[0].supplier_ids, **{f: sum(getattr(c, f) for c in parts)
                                                          for f in SupplierCounts.COUNT_FIELDS})
        out.append(summed)
    return periods, out


@lru_cache(maxsize=2)
def _statements(one_supplier: bool):
    """The signed versions and their target clauses (bound: ``hi``, and ``sid`` for one supplier);
    built once, run through ``fetch_all`` (plain tuples)."""
    v, a, c, sup = AgreementVersion, Agreement, AgreementClause, Supplier
    hi = bindparam("hi", type_=Date)
    vq = select(v.id, v.agreement_id, v.version, v.effective_from, v.expires_on, a.supplier_id, a.number, sup.code,
                sup.name_zh, sup.name_en) \
        .join(a, a.id == v.agreement_id).join(sup, sup.id == a.supplier_id) \
        .where(v.state == "signed", v.effective_from.is_not(None), v.effective_from < hi)
    cq = select(c.version_id, c.key, c.area, c.position, c.indicator, c.comparator, c.threshold, c.period, c.rule_kind,
                c.rule_amount, c.escalate_after) \
        .join(v, v.id == c.version_id).join(a, a.id == v.agreement_id) \
        .where(c.indicator.is_not(None), v.state == "signed", v.effective_from.is_not(None), v.effective_from < hi)
    if one_supplier:
        vq = vq.where(a.supplier_id == bindparam("sid"))
        cq = cq.where(a.supplier_id == bindparam("sid"))
    return vq, cq


def _day(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _compute(session, lo: date, hi: date, supplier_id: int | None,
             progress: Callable[[float, str], None] | None = None) -> pd.DataFrame:
    vq, cq = _statements(supplier_id is not None)
    params = {"hi": hi, "sid": supplier_id} if supplier_id is not None else {"hi": hi}
    vrows = [(r[0], r[1], r[2], _day(r[3]), _day(r[4]) if r[4] is not None else None, *r[5:])
             for r in fetch_all(session, vq, params)]
    if not vrows:
        return pd.DataFrame(columns=list(COLUMNS))
    crows = [r for r in fetch_all(session, cq, params) if r[4] in eng.INDICATOR_KEYS]
    if not crows:
        return pd.DataFrame(columns=list(COLUMNS))
    # versions sorted by (agreement, effective date, version): the in-force rule needs that order
    vrows.sort(key=lambda r: (r[1], r[3], r[2]))
    nv = len(vrows)
    v_pos = {r[0]: i for i, r in enumerate(vrows)}
    v_agr = np.array([r[1] for r in vrows], np.int64)
    v_ver = np.array([r[2] for r in vrows], np.int64)
    v_eff = np.array([r[3].toordinal() for r in vrows], np.int64)
    v_exp = np.array([r[4].toordinal() if r[4] is not None else 10 ** 7 for r in vrows], np.int64)
    v_sup = np.array([r[5] for r in vrows], np.int64)
    agr_info = {r[1]: (r[6], r[5], r[7], r[8], r[9]) for r in vrows}
    supplier_ids = np.unique(v_sup)
    v_srow = np.searchsorted(supplier_ids, v_sup)
    scheme = _scheme(session)
    fields = needed_fields({r[4] for r in crows}, any(r[8] == "sorting" for r in crows))
    months, monthly = _monthly_counts(session, supplier_ids, lo, hi, scheme, fields, progress)
    # one line per (agreement, clause key); each period takes the clause of the version in force
    # lines in report order: supplier code, agreement number, clause number (of the first version seen)
    first_no: dict[tuple[int, str], tuple[int, int]] = {}
    for r in crows:
        first_no.setdefault((int(v_agr[v_pos[r[0]]]), r[1]), (r[2], r[3]))
    line_keys = sorted(first_no, key=lambda k: (agr_info[k[0]][2], agr_info[k[0]][0], first_no[k], k[1]))
    line_pos = {k: i for i, k in enumerate(line_keys)}
    v_agr_i = [int(x) for x in v_agr]
    frames = []
    for kind in eng.PERIOD_KINDS:
        kc = [r for r in crows if r[7] == kind]
        if not kc:
            continue
        periods, counts = _counts_for(kind, months, monthly, lo, hi)
        if not periods:
            continue
        P = len(periods)
        days = np.array([p.last_day.toordinal() for p in periods], np.int64)
        # in force on a period's last day: the latest effective version of its agreement, unless expired
        eff_ok = v_eff[:, None] <= days[None, :]
        later_same = np.zeros((nv, P), bool)  # a later version of the same agreement is effective too
        same_next = np.r_[v_agr[1:] == v_agr[:-1], False]
        for i in range(nv - 2, -1, -1):
            if same_next[i]:
                later_same[i] = later_same[i + 1] | eff_ok[i + 1]
        in_force = eff_ok & ~later_same & (v_exp[:, None] >= days[None, :])
        values = {k: np.full((len(supplier_ids), P), np.nan) for k in eng.INDICATOR_KEYS}
        rejected = np.zeros((len(supplier_ids), P))
        for j, cnt in enumerate(counts):
            ind = compute_indicators(cnt)
            for k in eng.INDICATOR_KEYS:
                values[k][:, j] = eng.to_unit(k, ind.values[k])
            values[eng.CUSTOMER_COMPLAINTS][:, j] = eng.complaint_actuals(
                values[eng.CUSTOMER_COMPLAINTS][:, j], cnt.lots_inspected + cnt.deliveries)
            rejected[:, j] = cnt.lots_inspected - cnt.lots_accepted
        # per clause of this kind: its line, version row and values (vectorised over clauses × periods)
        c_vi = np.array([v_pos[r[0]] for r in kc], np.int64)
        c_line_g = np.array([line_pos[(v_agr_i[v_pos[r[0]]], r[1])] for r in kc], np.int64)
        lines, c_line = np.unique(c_line_g, return_inverse=True)
        lines = lines.tolist()
        L = len(lines)
        c_cmp = np.array([eng.comparator_code(r[5]) for r in kc], np.int8)
        c_thr = np.array([float(r[6]) for r in kc])
        c_knd = np.array([eng.liability_code(r[8] or "none") for r in kc], np.int8)
        c_amt = np.array([float(r[9] or 0.0) for r in kc])
        c_esc = np.array([int(r[10] or 0) for r in kc], np.int64)
        c_no = np.array([f"{r[2]}.{r[3]}" for r in kc], object)
        c_ind = np.array([eng.INDICATOR_KEYS.index(r[4]) for r in kc], np.int64)
        # a line's cell takes the clause whose version is in force then (one version per agreement)
        cc, pp = np.nonzero(in_force[c_vi])
        ll = c_line[cc]
        applicable = np.zeros((L, P), bool)
        applicable[ll, pp] = True
        cmp_ = np.zeros((L, P), np.int8)
        cmp_[ll, pp] = c_cmp[cc]
        thr = np.zeros((L, P))
        thr[ll, pp] = c_thr[cc]
        knd = np.zeros((L, P), np.int8)
        knd[ll, pp] = c_knd[cc]
        amt = np.zeros((L, P))
        amt[ll, pp] = c_amt[cc]
        esc = np.zeros((L, P), np.int64)
        esc[ll, pp] = c_esc[cc]
        ver = np.zeros((L, P), np.int64)
        ver[ll, pp] = v_ver[c_vi[cc]]
        no = np.empty((L, P), object)
        no[ll, pp] = c_no[cc]
        srow = np.zeros(L, np.int64)
        srow[c_line] = v_srow[c_vi]  # every clause of a line belongs to the same agreement, so supplier
        ind_code = np.zeros(L, np.int64)
        ind_code[c_line] = c_ind
        actual = np.full((L, P), np.nan)
        rej = np.zeros((L, P))
        for k_i, k in enumerate(eng.INDICATOR_KEYS):
            sel = ind_code == k_i
            actual[sel] = values[k][srow[sel]]
        rej[:] = rejected[srow]
        ev = eng.evaluate_targets(actual, applicable, cmp_, thr, knd, amt, esc, rej)
        li_idx, p_idx = np.nonzero(applicable)
        if not len(li_idx):
            continue
        glob = np.array(lines, np.int64)[li_idx]
        keys_arr = np.array([line_keys[g][1] for g in lines], object)[li_idx]
        agr_ids = np.array([line_keys[g][0] for g in lines], np.int64)[li_idx]
        uniq_agr, inv = np.unique(agr_ids, return_inverse=True)
        info = [agr_info[int(x)] for x in uniq_agr]
        take = lambda j: np.array([row[j] for row in info], object)[inv]  # noqa: E731
        inds = np.array(eng.INDICATOR_KEYS, object)[ind_code[li_idx]]
        units = np.array([eng.indicator_info(k)[3] for k in eng.INDICATOR_KEYS], object)[ind_code[li_idx]]
        status_names = np.array(["", "missing", "breach", "pass"], object)  # index = status + 2 (NA, MISSING, BREACH, PASS)
        frames.append(pd.DataFrame({
            "agreement_id": agr_ids, "agreement": take(0), "supplier_id": take(1).astype(np.int64),
            "supplier_code": take(2), "supplier_name_zh": take(3), "supplier_name_en": take(4),
            "version": ver[li_idx, p_idx], "clause_key": keys_arr, "clause_no": no[li_idx, p_idx],
            "indicator": inds, "comparator": np.array(eng.COMPARATORS, object)[cmp_[li_idx, p_idx]],
            "threshold": thr[li_idx, p_idx], "unit": units, "period_kind": kind,
            "period": np.array([p.label for p in periods], object)[p_idx],
            "period_start": np.array([p.start for p in periods], object)[p_idx],
            "actual": ev.actual[li_idx, p_idx],
            "status": status_names[ev.status[li_idx, p_idx].astype(np.int64) + 2],
            "liability": ev.liability[li_idx, p_idx],
            "rule_kind": np.array(eng.LIABILITY_KINDS, object)[knd[li_idx, p_idx]],
            "breach_count": ev.breaches[li_idx, p_idx], "escalate": ev.escalate[li_idx, p_idx],
            "_line": glob, "_start": np.array([p.start.toordinal() for p in periods], np.int64)[p_idx],
        }))
    if not frames:
        return pd.DataFrame(columns=list(COLUMNS))
    out = pd.concat(frames, ignore_index=True)
    order = np.lexsort((out["_start"].to_numpy(), out["_line"].to_numpy()))
    return out.iloc[order].drop(columns=["_line", "_start"]).reset_index(drop=True)


def _breach(db: Database, agreement_id: int, clause_key: str, period: str):
    """The evaluated row of a breached clause in a period (refused unless it is a breach)."""
    with db.read() as s:
        a = s.get(Agreement, agreement_id)
        if a is None:
            raise NotFoundError(f"agreement {agreement_id} does not exist")
        number, supplier_id = a.number, a.supplier_id
    report = target_actuals(db, start=period, end=period, supplier_id=supplier_id)
    hit = report.rows[(report.rows["agreement_id"] == agreement_id) & (report.rows["clause_key"] == clause_key)
                      & (report.rows["period"] == period)]
    if hit.empty or hit.iloc[0]["status"] != "breach":
        raise ValidationError(f"clause {clause_key} of {number} is not breached in {period}", "not_breached")
    return hit.iloc[0]


@requires("development.edit")
def plan_for_breach(db: Database, agreement_id: int, clause_key: str, period: str, *, due_days: int = 60,
                    lang: str = "zh_CN") -> int:
    """A supplier development plan item for a breached target clause (weak area = the clause's
    indicator, reference = agreement, clause and period). Returns the plan's id."""
    from app.models.suppliers.approval import create_development_plan

    r = _breach(db, agreement_id, clause_key, period)
    label = eng.indicator_label(r["indicator"], lang)
    if lang == "zh_CN":
        weak = f"{label}未达协议目标（{r['actual']:.2f} {r['unit']}，目标 {r['comparator']} {r['threshold']:g}）"
        actions = "分析原因（8D）；制定改进措施；按月跟踪该指标直至连续三个月达标。"
    else:
        weak = (f"{label} misses the agreed target ({r['actual']:.2f} {r['unit']}, target {r['comparator']} "
                f"{r['threshold']:g})")
        actions = "Root-cause analysis (8D); improvement actions; track the indicator monthly until three months on target."
    return create_development_plan(db, int(r["supplier_id"]), {
        "weak_area": weak[:300], "source": "other", "source_ref": f"{r['agreement']} {r['clause_no']} {period}"[:120],
        "actions": actions, "due_on": date.today() + timedelta(days=due_days), "status": "planned"})


@requires("corrective.create")
def raise_scar_for_breach(db: Database, agreement_id: int, clause_key: str, period: str, *,
                          due_days: int = 30, lang: str = "zh_CN") -> int:
    """Raise a SCAR for a breached target clause in one step (checked again here: a pass or a
    missing period is refused). Returns the corrective action's id."""
    from app.models.suppliers.corrective import raise_corrective_action

    r = _breach(db, agreement_id, clause_key, period)
    label = eng.indicator_label(r["indicator"], lang)
    if lang == "zh_CN":
        title = f"质量协议 {r['agreement']} 第 {r['clause_no']} 条违约（{period}）：{label} {r['actual']:.2f} {r['unit']}，目标 {r['comparator']} {r['threshold']:g}"
        desc = (f"依据质量协议 {r['agreement']} 第 {r['version']} 版第 {r['clause_no']} 条，{period} 实际 {label} 为 "
                f"{r['actual']:.2f} {r['unit']}，未达到约定目标 {r['comparator']} {r['threshold']:g} {r['unit']}。"
                f"按违约责任条款计违约金 {r['liability']:.2f} 元。请在期限内提交 8D 报告。")
    else:
        title = (f"Agreement {r['agreement']} clause {r['clause_no']} breached ({period}): {label} "
                 f"{r['actual']:.2f} {r['unit']}, target {r['comparator']} {r['threshold']:g}")
        desc = (f"Under clause {r['clause_no']} of agreement {r['agreement']} v{r['version']}, the {label} in {period} "
                f"was {r['actual']:.2f} {r['unit']} against the agreed {r['comparator']} {r['threshold']:g} {r['unit']}. "
                f"Liability under the clause: CNY {r['liability']:.2f}. Please submit an 8D report by the due date.")
    with db.begin() as s:
        return raise_corrective_action(s, int(r["supplier_id"]), title=title[:300], due_on=date.today() + timedelta(days=due_days),
                                       description=desc, source="agreement")
