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

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd
from sqlalchemy import select

from app.engines import agreements as eng
from app.engines.indicators import Period, compute_indicators
from app.engines.scoring import EvaluationScheme
from app.models.admin.permissions import requires
from app.models.agreements.errors import NotFoundError, ValidationError
from app.models.agreements.tables import Agreement, AgreementClause, AgreementVersion
from app.models.core.database import Database
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
                   supplier_code: str | None = None) -> TargetReport:
    """Target clauses against actuals for the periods from ``start`` to ``end`` (labels such as
    ``2025-01`` … ``2026-12``)."""
    lo, hi = _range(start, end)
    with db.read() as s:
        if supplier_code is not None:
            supplier_id = s.scalar(select(Supplier.id).where(Supplier.code == supplier_code))
            if supplier_id is None:
                raise NotFoundError(f"no supplier with code {supplier_code}")
        rows = _compute(s, lo, hi, supplier_id)
    return TargetReport(rows, start, end)


def _compute(session, lo: date, hi: date, supplier_id: int | None) -> pd.DataFrame:
    v, a, c, sup = AgreementVersion, Agreement, AgreementClause, Supplier
    vq = select(v.id, v.agreement_id, v.version, v.effective_from, v.expires_on, a.supplier_id, a.number, sup.code,
                sup.name_zh, sup.name_en) \
        .join(a, a.id == v.agreement_id).join(sup, sup.id == a.supplier_id) \
        .where(v.state == "signed", v.effective_from.is_not(None), v.effective_from < hi)
    if supplier_id is not None:
        vq = vq.where(a.supplier_id == supplier_id)
    versions = pd.DataFrame(session.execute(vq).all(),
                            columns=["version_id", "agreement_id", "version", "eff", "exp", "supplier_id", "agreement",
                                     "supplier_code", "supplier_name_zh", "supplier_name_en"])
    if versions.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    cq = select(c.version_id, c.key, c.area, c.position, c.indicator, c.comparator, c.threshold, c.period, c.rule_kind,
                c.rule_amount, c.escalate_after) \
        .join(v, v.id == c.version_id).join(a, a.id == v.agreement_id) \
        .where(c.indicator.is_not(None), v.state == "signed", v.effective_from.is_not(None), v.effective_from < hi)
    if supplier_id is not None:
        cq = cq.where(a.supplier_id == supplier_id)
    clauses = pd.DataFrame(session.execute(cq).all(),
                           columns=["version_id", "key", "area", "position", "indicator", "comparator", "threshold",
                                    "period_kind", "rule_kind", "amount", "escalate"])
    if clauses.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    clauses = clauses[clauses["indicator"].isin(eng.INDICATOR_KEYS)]
    versions["eff_o"] = versions["eff"].map(lambda d: d.toordinal())
    versions["exp_o"] = versions["exp"].map(lambda d: d.toordinal() if d is not None and not pd.isna(d) else 10 ** 7)
    versions = versions.sort_values(["agreement_id", "eff_o", "version"]).reset_index(drop=True)
    scheme = _scheme(session)
    supplier_ids = np.array(sorted(versions["supplier_id"].unique()), dtype=np.int64)
    spos = {int(x): i for i, x in enumerate(supplier_ids)}
    frames = []
    for kind in eng.PERIOD_KINDS:
        kc = clauses[clauses["period_kind"] == kind]
        if kc.empty:
            continue
        periods = periods_between(kind, lo, hi)
        if not periods:
            continue
        P = len(periods)
        # which version is in force on each period's last day (the latest effective one, unless expired)
        in_force = np.full((len(versions), P), False)
        ag_ids = versions["agreement_id"].to_numpy()
        eff, exp = versions["eff_o"].to_numpy(), versions["exp_o"].to_numpy()
        for j, p in enumerate(periods):
            day = p.last_day.toordinal()
            cand = np.flatnonzero(eff <= day)
            if not len(cand):
                continue
            # versions are sorted by (agreement, eff, version): the last candidate per agreement wins
            last = cand[np.r_[ag_ids[cand][1:] != ag_ids[cand][:-1], True]]
            in_force[last[exp[last] >= day], j] = True
        # actuals from the evaluation's aggregation and indicators, per period
        values = {k: np.full((len(supplier_ids), P), np.nan) for k in eng.INDICATOR_KEYS}
        rejected = np.zeros((len(supplier_ids), P))
        for j, p in enumerate(periods):
            counts = aggregate_counts(session, supplier_ids, p, scheme)
            ind = compute_indicators(counts)
            for k in eng.INDICATOR_KEYS:
                values[k][:, j] = eng.to_unit(k, ind.values[k])
            rejected[:, j] = counts.lots_inspected - counts.lots_accepted
        # one line per (agreement, clause key); each period takes the clause of the version in force
        merged = kc.merge(versions[["version_id", "agreement_id"]].reset_index().rename(columns={"index": "vrow"}),
                          on="version_id")
        lines = merged.groupby(["agreement_id", "key"], sort=True).size().index
        line_pos = {k: i for i, k in enumerate(lines)}
        L = len(lines)
        applicable = np.zeros((L, P), bool)
        cmp_ = np.zeros((L, P), np.int8)
        thr = np.zeros((L, P))
        knd = np.zeros((L, P), np.int8)
        amt = np.zeros((L, P))
        esc = np.zeros((L, P), np.int64)
        actual = np.full((L, P), np.nan)
        rej = np.zeros((L, P))
        ver = np.zeros((L, P), np.int64)
        no = np.empty((L, P), object)
        line_ind = np.empty(L, object)
        line_agr = np.zeros(L, np.int64)
        for rec in merged.itertuples(index=False):
            li = line_pos[(rec.agreement_id, rec.key)]
            cols = in_force[rec.vrow]
            if not cols.any():
                continue
            vrow = versions.iloc[rec.vrow]
            srow = spos[int(vrow["supplier_id"])]
            applicable[li, cols] = True
            cmp_[li, cols] = eng.comparator_code(rec.comparator)
            thr[li, cols] = float(rec.threshold)
            knd[li, cols] = eng.liability_code(rec.rule_kind or "none")
            amt[li, cols] = float(rec.amount or 0.0)
            esc[li, cols] = int(rec.escalate or 0)
            actual[li, cols] = values[rec.indicator][srow, cols]
            rej[li, cols] = rejected[srow, cols]
            ver[li, cols] = int(vrow["version"])
            no[li, cols] = f"{rec.area}.{rec.position}"
            line_ind[li] = rec.indicator
            line_agr[li] = rec.agreement_id
        ev = eng.evaluate_targets(actual, applicable, cmp_, thr, knd, amt, esc, rej)
        li_idx, p_idx = np.nonzero(applicable)
        if not len(li_idx):
            continue
        first = versions.drop_duplicates("agreement_id").set_index("agreement_id")
        agr = line_agr[li_idx]
        info = first.loc[agr]
        inds = line_ind[li_idx]
        frames.append(pd.DataFrame({
            "agreement_id": agr, "agreement": info["agreement"].to_numpy(),
            "supplier_id": info["supplier_id"].to_numpy(), "supplier_code": info["supplier_code"].to_numpy(),
            "supplier_name_zh": info["supplier_name_zh"].to_numpy(), "supplier_name_en": info["supplier_name_en"].to_numpy(),
            "version": ver[li_idx, p_idx], "clause_key": [lines[i][1] for i in li_idx], "clause_no": no[li_idx, p_idx],
            "indicator": inds, "comparator": [eng.COMPARATORS[x] for x in cmp_[li_idx, p_idx]],
            "threshold": thr[li_idx, p_idx], "unit": [eng.indicator_info(k)[3] for k in inds], "period_kind": kind,
            "period": [periods[j].label for j in p_idx], "period_start": [periods[j].start for j in p_idx],
            "actual": ev.actual[li_idx, p_idx],
            "status": [STATUS_NAMES[int(x)] for x in ev.status[li_idx, p_idx]],
            "liability": ev.liability[li_idx, p_idx], "rule_kind": [eng.LIABILITY_KINDS[x] for x in knd[li_idx, p_idx]],
            "breach_count": ev.breaches[li_idx, p_idx], "escalate": ev.escalate[li_idx, p_idx],
        }))
    if not frames:
        return pd.DataFrame(columns=list(COLUMNS))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["supplier_code", "agreement", "clause_no", "period_start"]).reset_index(drop=True)


@requires("corrective.create")
def raise_scar_for_breach(db: Database, agreement_id: int, clause_key: str, period: str, *,
                          due_days: int = 30, lang: str = "zh_CN") -> int:
    """Raise a SCAR for a breached target clause in one step (checked again here: a pass or a
    missing period is refused). Returns the corrective action's id."""
    from app.models.suppliers.corrective import raise_corrective_action

    with db.read() as s:
        a = s.get(Agreement, agreement_id)
        if a is None:
            raise NotFoundError(f"agreement {agreement_id} does not exist")
    report = target_actuals(db, start=period, end=period, supplier_id=a.supplier_id)
    hit = report.rows[(report.rows["agreement_id"] == agreement_id) & (report.rows["clause_key"] == clause_key)
                      & (report.rows["period"] == period)]
    if hit.empty or hit.iloc[0]["status"] != "breach":
        raise ValidationError(f"clause {clause_key} of {a.number} is not breached in {period}", "not_breached")
    r = hit.iloc[0]
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
