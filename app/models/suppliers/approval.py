"""Approval flow services, the qualified supplier list (合格供方名录) and development plans.

The order rules live in ``app.flows.approval.ApprovalFlow``: every call rebuilds the flow from
its stored steps and asks it to record the next one, so the database and the pure rules can't
disagree; a unique (flow, step) constraint backs it up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import pandas as pd
from sqlalchemy import select

from app.flows.approval import (
    IN_PROGRESS,
    ApprovalError,
    ApprovalFlow,
    StatusTransitionError,
    flow_status,
    qualification_dates,
)
from app.models.admin import signatures, trail
from app.models.admin.identity import actor_name
from app.models.admin.permissions import require, requires
from app.models.admin.signatures import Signable, SignatureRequest
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.suppliers.tables import ApprovalFlowRecord, ApprovalStepRecord, DevelopmentPlan, QualifiedSupplier
from app.models.suppliers.errors import SupplierError, NotFoundError, ValidationError
from app.models.suppliers.tables import Part, Supplier, SupplierStatusChange

SOON_DAYS = 60


class ApprovalRuleError(SupplierError):
    code = "approval_rule"


@dataclass(frozen=True)
class StepRow:
    seq: int
    step: str
    result: str
    done_by: str
    done_at: datetime
    remarks: str


@dataclass(frozen=True)
class ApprovalRow:
    id: int
    supplier_id: int
    status: str
    from_status: str
    category: str
    part_ids: tuple[int, ...]
    started_by: str
    started_at: datetime
    ended_at: datetime | None
    reason: str
    steps: tuple[StepRow, ...]
    next_step: str | None


@dataclass(frozen=True)
class DevelopmentPlanRow:
    id: int
    supplier_id: int
    supplier_code: str
    weak_area: str
    source: str
    source_ref: str
    actions: str
    owner: str
    due_on: date | None
    status: str
    reevaluate_on: date | None
    outcome: str
    overdue: bool


def _row(rec: ApprovalFlowRecord) -> ApprovalRow:
    steps = tuple(StepRow(s.seq, s.step, s.result, s.done_by, s.done_at, s.remarks) for s in rec.steps)
    flow = _replay(rec)
    return ApprovalRow(rec.id, rec.supplier_id, rec.status, rec.from_status, rec.category,
                       tuple(json.loads(rec.part_ids_json or "[]")), rec.started_by, rec.started_at, rec.ended_at,
                       rec.reason, steps, flow.next_step())


def _replay(rec: ApprovalFlowRecord) -> ApprovalFlow:
    flow = ApprovalFlow(rec.supplier_id, from_status=rec.from_status, scope=rec.category, started_by=rec.started_by,
                        started_at=rec.started_at.isoformat(timespec="seconds"))
    for s in rec.steps:
        flow.record(s.step, by=s.done_by, result=s.result, remarks=s.remarks, at=s.done_at.isoformat(timespec="seconds"))
    return flow


#: The step that approves (or rejects) the supplier: it needs ``approval.approve`` and is signed.
APPROVAL_STEP = "approval"


def _flow_content(session, record_id: str) -> dict:
    """What the approval signature covers: the flow, every step with who and when, the outcome."""
    rec = session.get(ApprovalFlowRecord, int(record_id))
    if rec is None:
        return {}
    return {"supplier_id": rec.supplier_id, "from_status": rec.from_status, "category": rec.category,
            "part_ids": rec.part_ids_json, "started_by": rec.started_by, "status": rec.status, "reason": rec.reason,
            "ended_at": trail.jsonable(rec.ended_at),
            "steps": [[st.seq, st.step, st.result, st.done_by, trail.jsonable(st.done_at), st.remarks]
                      for st in rec.steps]}


APPROVE = signatures.register(Signable("approval.approve", "approval_flows", "批准供应商（认可流程批准步骤）",
                                       "Approve a supplier (the approval step of the approval flow)", "approved",
                                       _flow_content))


def _status_change(session, sup: Supplier, new: str, reason: str) -> None:
    if sup.status == new:
        return
    session.add(SupplierStatusChange(supplier_id=sup.id, from_status=sup.status, to_status=new,
                                     changed_by=actor_name(session),
                                     reason=reason, changed_at=utcnow()))
    sup.status = new


@requires("approval.record")
def start_approval(db: Database, supplier_id: int, *, part_ids: tuple[int, ...] | list[int] = (),
                   category: str | None = None) -> ApprovalRow:
    """Open an approval flow as the signed-in user; the supplier goes under evaluation (a
    re-approval of an approved supplier keeps its status until the flow ends)."""
    by = actor_name(db)
    with db.begin() as s:
        sup = s.get(Supplier, supplier_id)
        if sup is None:
            raise NotFoundError(f"supplier {supplier_id} does not exist")
        if s.scalar(select(ApprovalFlowRecord.id).where(ApprovalFlowRecord.supplier_id == supplier_id,
                                                        ApprovalFlowRecord.status == IN_PROGRESS)) is not None:
            raise ApprovalRuleError(f"{sup.code} already has an approval in progress", "in_progress")
        try:
            ApprovalFlow(supplier_id, from_status=sup.status)
        except StatusTransitionError as exc:
            raise ApprovalRuleError(str(exc), exc.code) from exc
        for pid in part_ids:
            if s.get(Part, pid) is None:
                raise NotFoundError(f"item {pid} does not exist")
        rec = ApprovalFlowRecord(supplier_id=supplier_id, status=IN_PROGRESS, from_status=sup.status,
                                 category=category if category is not None else sup.category,
                                 part_ids_json=json.dumps(list(part_ids)), started_by=by[:120], started_at=utcnow())
        s.add(rec)
        if sup.status not in ("approved", "conditional"):
            trail.set_reason(s, "approval flow started")
            _status_change(s, sup, "under_evaluation", "approval flow started")
        s.flush()
        return _row(rec)


def record_step(db: Database, flow_id: int, step: str, *, result: str, remarks: str = "",
                at: datetime | None = None, signature: SignatureRequest | None = None) -> ApprovalRow:
    """Record the next step as the signed-in user. Order violations raise ApprovalRuleError with
    the flow's code. The approval step needs ``approval.approve`` and is electronically signed
    (where the administrator requires it); the others need ``approval.record``."""
    require(db, "approval.approve" if step == APPROVAL_STEP else "approval.record")
    signer = signatures.authenticate(db, APPROVE.action, signature) if step == APPROVAL_STEP else None
    by = actor_name(db)
    with db.begin() as s:
        rec = s.get(ApprovalFlowRecord, flow_id)
        if rec is None:
            raise NotFoundError(f"approval flow {flow_id} does not exist")
        flow = _replay(rec)
        when = (at or utcnow()).replace(microsecond=0)
        try:
            flow.record(step, by=by, result=result, remarks=remarks, at=when.isoformat())
        except ApprovalError as exc:
            raise ApprovalRuleError(str(exc), exc.code) from exc
        rec.steps.append(ApprovalStepRecord(seq=len(rec.steps) + 1, step=step, result=result, done_by=by[:120],
                                            done_at=when, remarks=remarks))
        if flow.closed:
            rec.status, rec.ended_at, rec.reason = flow.status, when, flow.reason
            sup = s.get(Supplier, rec.supplier_id)
            new_status = flow_status(rec.from_status, flow.status)
            why = f"approval {flow.status}" + (f": {flow.reason}" if flow.reason else "")
            trail.set_reason(s, why)
            _status_change(s, sup, new_status, why)
            if flow.status in ("approved", "conditional"):
                _enter_qualified_list(s, rec, sup, when.date(), flow.status == "conditional")
        s.flush()
        if signer is not None:
            signatures.sign(s, signer, rec.id)
        return _row(rec)


def _enter_qualified_list(session, rec: ApprovalFlowRecord, sup: Supplier, on: date, conditional: bool) -> None:
    part_ids = json.loads(rec.part_ids_json or "[]")
    targets: list[tuple[int | None, str, str]] = []
    for pid in part_ids:
        part = session.get(Part, pid)
        if part is not None:
            targets.append((pid, part.category, part.importance_class))
    if not targets:
        targets.append((None, rec.category or sup.category, sup.importance_class))
    latest = on
    for pid, category, _importance in targets:
        # an item is as critical as the supplier's class says for re-evaluation (brief §2.1)
        until, reeval = qualification_dates(on, sup.importance_class, conditional)
        latest = max(latest, until)
        prev = select(QualifiedSupplier).where(QualifiedSupplier.supplier_id == sup.id,
                                               QualifiedSupplier.status == "active")
        prev = prev.where(QualifiedSupplier.part_id == pid) if pid is not None else \
            prev.where(QualifiedSupplier.part_id.is_(None), QualifiedSupplier.category == category)
        for old in session.scalars(prev):
            old.status, old.status_reason, old.status_at = "superseded", f"re-approved (flow {rec.id})", utcnow()
        session.add(QualifiedSupplier(supplier_id=sup.id, part_id=pid, category=category, approved_on=on,
                                      valid_until=until, reevaluate_on=reeval, conditional=conditional,
                                      flow_id=rec.id, status="active"))
    sup.approval_valid_until = latest


def active_approval(db: Database, supplier_id: int) -> ApprovalRow | None:
    with db.begin() as s:
        rec = s.scalar(select(ApprovalFlowRecord).where(ApprovalFlowRecord.supplier_id == supplier_id,
                                                        ApprovalFlowRecord.status == IN_PROGRESS))
        return _row(rec) if rec else None


@dataclass(frozen=True)
class ApprovalRecord:
    """What the printed approval record carries: the flow, the supplier and the signatures."""

    flow: ApprovalRow
    supplier_code: str
    supplier_name_zh: str
    supplier_name_en: str
    importance_class: str
    signatures: Any  # app.models.admin.signatures.Manifest


def approval_record(db: Database, flow_id: int) -> ApprovalRecord:
    with db.read() as s:
        rec = s.get(ApprovalFlowRecord, flow_id)
        if rec is None:
            raise NotFoundError(f"approval flow {flow_id} does not exist")
        sup = s.get(Supplier, rec.supplier_id)
        return ApprovalRecord(_row(rec), sup.code, sup.name_zh, sup.name_en, sup.importance_class,
                              signatures.manifest_in(s, APPROVE.action, flow_id))


def approval_history(db: Database, supplier_id: int) -> list[ApprovalRow]:
    with db.begin() as s:
        q = select(ApprovalFlowRecord).where(ApprovalFlowRecord.supplier_id == supplier_id) \
            .order_by(ApprovalFlowRecord.started_at.desc(), ApprovalFlowRecord.id.desc())
        return [_row(r) for r in s.scalars(q)]


# ------------------------------------------------------------------------------ qualified list
QUALIFIED_COLUMNS = ["entry_id", "supplier_id", "supplier_code", "supplier_name_zh", "supplier_name_en",
                     "importance_class", "supplier_status", "part_code", "part_name_zh", "part_name_en", "category",
                     "approved_on", "valid_until", "reevaluate_on", "conditional", "state", "days_left", "status"]


def qualification_state(valid_until: date, reevaluate_on: date, as_of: date, soon_days: int = SOON_DAYS) -> str:
    if valid_until < as_of:
        return "expired"
    if valid_until <= as_of + timedelta(days=soon_days) or reevaluate_on <= as_of + timedelta(days=soon_days):
        return "expiring"
    return "valid"


def qualified_list(db: Database, *, as_of: date | None = None, soon_days: int = SOON_DAYS,
                   include_withdrawn: bool = False) -> pd.DataFrame:
    """The qualified supplier list, one row per supplier × item/category, soonest expiry first."""
    as_of = as_of or date.today()
    with db.begin() as s:
        q = select(QualifiedSupplier, Supplier, Part).join(Supplier, Supplier.id == QualifiedSupplier.supplier_id) \
            .outerjoin(Part, Part.id == QualifiedSupplier.part_id) \
            .order_by(QualifiedSupplier.valid_until, Supplier.code)
        if not include_withdrawn:
            q = q.where(QualifiedSupplier.status == "active")
        rows = []
        for qs, sup, part in s.execute(q):
            rows.append([qs.id, sup.id, sup.code, sup.name_zh, sup.name_en, sup.importance_class, sup.status,
                         part.code if part else "", part.name_zh if part else "", part.name_en if part else "",
                         qs.category, qs.approved_on, qs.valid_until, qs.reevaluate_on, bool(qs.conditional),
                         qualification_state(qs.valid_until, qs.reevaluate_on, as_of, soon_days),
                         (qs.valid_until - as_of).days, qs.status])
    return pd.DataFrame(rows, columns=QUALIFIED_COLUMNS)


@requires("approval.approve")
def withdraw_qualification(db: Database, entry_id: int, *, reason: str) -> None:
    """Withdraw a qualified-list entry with a reason, as the signed-in user."""
    if not reason.strip():
        raise ValidationError("withdrawing an entry needs a reason", "reason_required")
    with db.begin() as s:
        trail.set_reason(s, reason)
        q = s.get(QualifiedSupplier, entry_id)
        if q is None:
            raise NotFoundError(f"qualified-list entry {entry_id} does not exist")
        if q.status != "active":
            raise ValidationError("the entry is not active", "not_active")
        q.status, q.status_reason, q.status_by, q.status_at = "withdrawn", reason, actor_name(db)[:120], utcnow()


# ------------------------------------------------------------------------------ development plans
_PLAN_FIELDS = ("weak_area", "source", "source_ref", "actions", "owner", "due_on", "status", "reevaluate_on", "outcome")
PLAN_STATUSES = ("planned", "in_progress", "done", "cancelled")
PLAN_SOURCES = ("audit", "grade", "other")


def _plan_values(data: dict[str, Any], partial: bool) -> dict[str, Any]:
    unknown = set(data) - set(_PLAN_FIELDS)
    if unknown:
        raise ValidationError(f"unknown plan field(s): {', '.join(sorted(unknown))}", "unknown_field")
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k in ("due_on", "reevaluate_on"):
            if v in (None, ""):
                out[k] = None
            elif isinstance(v, date):
                out[k] = v
            else:
                try:
                    out[k] = date.fromisoformat(str(v))
                except ValueError as exc:
                    raise ValidationError(f"{k}: '{v}' is not a date (YYYY-MM-DD)", "bad_date") from exc
        else:
            out[k] = str(v or "").strip()
    if (not partial or "weak_area" in out) and not out.get("weak_area"):
        raise ValidationError("the weak area is required", "weak_area_required")
    if "status" in out and out["status"] not in PLAN_STATUSES:
        raise ValidationError(f"status must be one of {', '.join(PLAN_STATUSES)}", "bad_status")
    if "source" in out and out["source"] not in PLAN_SOURCES:
        raise ValidationError(f"source must be one of {', '.join(PLAN_SOURCES)}", "bad_source")
    return out


def _plan_row(p: DevelopmentPlan, code: str, as_of: date) -> DevelopmentPlanRow:
    overdue = p.due_on is not None and p.due_on < as_of and p.status in ("planned", "in_progress")
    return DevelopmentPlanRow(p.id, p.supplier_id, code, p.weak_area, p.source, p.source_ref, p.actions, p.owner,
                              p.due_on, p.status, p.reevaluate_on, p.outcome, overdue)


def list_development_plans(db: Database, *, supplier_id: int | None = None,
                           as_of: date | None = None) -> list[DevelopmentPlanRow]:
    as_of = as_of or date.today()
    with db.begin() as s:
        q = select(DevelopmentPlan, Supplier.code).join(Supplier, Supplier.id == DevelopmentPlan.supplier_id) \
            .order_by(DevelopmentPlan.due_on, DevelopmentPlan.id)
        if supplier_id is not None:
            q = q.where(DevelopmentPlan.supplier_id == supplier_id)
        return [_plan_row(p, code, as_of) for p, code in s.execute(q)]


@requires("development.edit")
def create_development_plan(db: Database, supplier_id: int, data: dict[str, Any]) -> int:
    values = _plan_values(dict(data), partial=False)
    with db.begin() as s:
        if s.get(Supplier, supplier_id) is None:
            raise NotFoundError(f"supplier {supplier_id} does not exist")
        p = DevelopmentPlan(supplier_id=supplier_id, **values)
        s.add(p)
        s.flush()
        return p.id


@requires("development.edit")
def update_development_plan(db: Database, plan_id: int, changes: dict[str, Any]) -> DevelopmentPlanRow:
    values = _plan_values(dict(changes), partial=True)
    with db.begin() as s:
        p = s.get(DevelopmentPlan, plan_id)
        if p is None:
            raise NotFoundError(f"development plan {plan_id} does not exist")
        for k, v in values.items():
            setattr(p, k, v)
        p.updated_at = utcnow()
        code = s.get(Supplier, p.supplier_id).code
        return _plan_row(p, code, date.today())


@requires("development.edit")
def delete_development_plan(db: Database, plan_id: int) -> None:
    with db.begin() as s:
        p = s.get(DevelopmentPlan, plan_id)
        if p is None:
            raise NotFoundError(f"development plan {plan_id} does not exist")
        s.delete(p)
