"""Supplier approval flow (供应商选择、审核与认可流程) and the supplier status rules.

Steps, in the order of the course material (domain brief §2.4): the supplier returns the survey
→ initial review → the cost department verifies the price → inspection checks samples / the
first article → on-site audit → approval, after which the supplier enters the qualified supplier
list (合格供方名录). Each step is recorded once with who, when, result and remarks; a step can't be
skipped or repeated, and a rejection at any step ends the flow with a reason.

Supplier status: potential → under evaluation → approved / conditional → suspended →
disqualified. Changes happen only through this flow (``flow_status``) or through an explicit
action with a reason (``check_action``).
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from typing import Any

from app.flows import DraftFormatError, FlowError

STEPS = ("survey_received", "initial_review", "price_verification", "sample_inspection", "onsite_audit", "approval")
STEP_TITLES = {
    "survey_received": ("收到调查表", "Survey received"),
    "initial_review": ("初审", "Initial review"),
    "price_verification": ("价格核实", "Price verification"),
    "sample_inspection": ("样品/首件检验", "Sample / first-article inspection"),
    "onsite_audit": ("现场审核", "On-site audit"),
    "approval": ("批准", "Approval"),
}
PASS, CONDITIONAL, REJECT = "pass", "conditional", "reject"
#: results allowed per step; "conditional" means passed with conditions
STEP_RESULTS = {s: (PASS, REJECT) for s in STEPS} | {"onsite_audit": (PASS, CONDITIONAL, REJECT),
                                                       "approval": (PASS, CONDITIONAL, REJECT)}

# flow status
IN_PROGRESS, APPROVED, REJECTED = "in_progress", "approved", "rejected"
FLOW_STATUSES = (IN_PROGRESS, APPROVED, CONDITIONAL, REJECTED)

# supplier status (values of app.models.suppliers.SupplierStatus)
POTENTIAL = "potential"
UNDER_EVALUATION = "under_evaluation"
S_APPROVED = "approved"
S_CONDITIONAL = "conditional"
SUSPENDED = "suspended"
DISQUALIFIED = "disqualified"
SUPPLIER_STATUSES = (POTENTIAL, UNDER_EVALUATION, S_APPROVED, S_CONDITIONAL, SUSPENDED, DISQUALIFIED)

#: explicit actions (each needs a reason); approval itself and "under evaluation" come only from the flow
ACTION_TRANSITIONS: dict[str, tuple[str, ...]] = {
    POTENTIAL: (DISQUALIFIED,),
    UNDER_EVALUATION: (),
    S_APPROVED: (S_CONDITIONAL, SUSPENDED, DISQUALIFIED),
    S_CONDITIONAL: (S_APPROVED, SUSPENDED, DISQUALIFIED),
    SUSPENDED: (S_APPROVED, S_CONDITIONAL, DISQUALIFIED),
    DISQUALIFIED: (POTENTIAL,),
}

#: how long an approval lasts and when to re-evaluate, by importance class (months).
#: Class I (key items) are re-evaluated yearly, class III every two years (brief §2.3: periodic
#: audits "by class and grade"); a conditional approval lasts six months.
VALIDITY_MONTHS = 36
CONDITIONAL_VALIDITY_MONTHS = 6
REEVALUATION_MONTHS = {"I": 12, "II": 12, "III": 24}


class ApprovalError(FlowError):
    """A step was refused. ``code``: unknown_step, skipped, repeated, closed, bad_result,
    reason_required, who_required."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class StatusTransitionError(FlowError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def step_title(step: str, lang: str = "en") -> str:
    zh, en = STEP_TITLES[step]
    return zh if lang == "zh_CN" else en


@dataclass(frozen=True)
class StepRecord:
    step: str
    by: str
    at: str  # ISO date-time
    result: str
    remarks: str = ""


class ApprovalFlow:
    """State of one approval of one supplier (JSON-serialisable, no database)."""

    KIND = "approval"
    VERSION = 1

    def __init__(self, supplier_id: int | None = None, *, from_status: str = POTENTIAL,
                 scope: str = "", started_by: str = "", started_at: str | None = None) -> None:
        if from_status not in SUPPLIER_STATUSES:
            raise StatusTransitionError("unknown_status", f"unknown supplier status '{from_status}'")
        if from_status == UNDER_EVALUATION:
            raise StatusTransitionError("already_evaluating", "the supplier is already under evaluation")
        self.supplier_id = supplier_id
        self.from_status = from_status
        self.scope = scope
        self.started_by = started_by
        self.started_at = started_at or _dt.datetime.now().isoformat(timespec="seconds")
        self.steps: list[StepRecord] = []
        self.status = IN_PROGRESS
        self.reason = ""

    # queries ------------------------------------------------------------------------------
    @property
    def closed(self) -> bool:
        return self.status != IN_PROGRESS

    def next_step(self) -> str | None:
        if self.closed:
            return None
        return STEPS[len(self.steps)]

    def done(self, step: str) -> bool:
        return any(r.step == step for r in self.steps)

    def record_of(self, step: str) -> StepRecord | None:
        return next((r for r in self.steps if r.step == step), None)

    # the one way to move ---------------------------------------------------------------------
    def record(self, step: str, *, by: str, result: str, remarks: str = "", at: str | None = None) -> StepRecord:
        """Record a step. Raises ApprovalError when the order or the input is wrong."""
        if step not in STEPS:
            raise ApprovalError("unknown_step", f"unknown approval step '{step}'")
        if self.closed:
            raise ApprovalError("closed", f"the approval flow is already {self.status}")
        if self.done(step):
            raise ApprovalError("repeated", f"step '{step}' has already been recorded")
        expected = self.next_step()
        if step != expected:
            raise ApprovalError("skipped", f"step '{step}' cannot be done before '{expected}'")
        if result not in STEP_RESULTS[step]:
            raise ApprovalError("bad_result", f"result '{result}' is not allowed for step '{step}'")
        if not str(by).strip():
            raise ApprovalError("who_required", "the person recording the step is required")
        if result == REJECT and not remarks.strip():
            raise ApprovalError("reason_required", "a rejection needs a reason")
        rec = StepRecord(step, by.strip(), at or _dt.datetime.now().isoformat(timespec="seconds"), result, remarks)
        self.steps.append(rec)
        if result == REJECT:
            self.status, self.reason = REJECTED, remarks
        elif step == "approval":
            # a conditional on-site audit can only give a conditional approval
            audit = self.record_of("onsite_audit")
            conditional = result == CONDITIONAL or (audit is not None and audit.result == CONDITIONAL)
            self.status = CONDITIONAL if conditional else APPROVED
            self.reason = remarks
        return rec

    def supplier_status(self) -> str:
        """The supplier's status implied by this flow now."""
        return flow_status(self.from_status, self.status)

    # drafts -------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.KIND, "version": self.VERSION, "supplier_id": self.supplier_id,
                "from_status": self.from_status, "scope": self.scope, "started_by": self.started_by,
                "started_at": self.started_at, "status": self.status, "reason": self.reason,
                "steps": [r.__dict__ for r in self.steps]}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | dict) -> "ApprovalFlow":
        """Rebuild by replaying the steps, so a tampered record cannot bypass the order rules."""
        try:
            data = json.loads(text) if isinstance(text, str) else dict(text)
        except (TypeError, ValueError) as exc:
            raise DraftFormatError(f"the approval record is damaged: {exc}") from exc
        if data.get("kind") != cls.KIND:
            raise DraftFormatError("not an approval record")
        flow = cls(data.get("supplier_id"), from_status=data.get("from_status", POTENTIAL),
                   scope=data.get("scope", ""), started_by=data.get("started_by", ""),
                   started_at=data.get("started_at"))
        for r in data.get("steps", []):
            flow.record(r["step"], by=r["by"], result=r["result"], remarks=r.get("remarks", ""), at=r["at"])
        return flow


def flow_status(from_status: str, flow_state: str) -> str:
    """Supplier status while / after an approval flow.

    In progress → under evaluation. Approved / conditional → that status. Rejected → a
    candidate goes back to potential; a supplier that was approved is suspended; one that was
    suspended or disqualified is disqualified.
    """
    if flow_state == IN_PROGRESS:
        return UNDER_EVALUATION
    if flow_state == APPROVED:
        return S_APPROVED
    if flow_state == CONDITIONAL:
        return S_CONDITIONAL
    if flow_state == REJECTED:
        return {POTENTIAL: POTENTIAL, S_APPROVED: SUSPENDED, S_CONDITIONAL: SUSPENDED}.get(from_status, DISQUALIFIED)
    raise StatusTransitionError("unknown_status", f"unknown flow state '{flow_state}'")


def allowed_actions(status: str) -> tuple[str, ...]:
    """Statuses reachable from ``status`` by an explicit action (each needs a reason)."""
    return ACTION_TRANSITIONS.get(status, ())


def check_action(old: str, new: str, reason: str) -> None:
    """Raise StatusTransitionError unless an explicit status change ``old → new`` is allowed."""
    if new not in SUPPLIER_STATUSES or old not in SUPPLIER_STATUSES:
        raise StatusTransitionError("unknown_status", f"unknown supplier status '{new if new not in SUPPLIER_STATUSES else old}'")
    if old == new:
        raise StatusTransitionError("unchanged", f"the supplier is already '{new}'")
    if new not in ACTION_TRANSITIONS[old]:
        if new in (UNDER_EVALUATION, S_APPROVED, S_CONDITIONAL):
            raise StatusTransitionError("flow_only", f"'{old}' → '{new}' only happens through the approval flow")
        raise StatusTransitionError("not_allowed", f"a supplier cannot go from '{old}' to '{new}'")
    if not str(reason or "").strip():
        raise StatusTransitionError("reason_required", "a status change needs a reason")


def _add_months(d: _dt.date, months: int) -> _dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return _dt.date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)  # unreachable: day 28 always exists


def qualification_dates(approved_on: _dt.date, importance_class: str = "III",
                        conditional: bool = False) -> tuple[_dt.date, _dt.date]:
    """(valid_until, reevaluate_on) for an entry in the qualified supplier list."""
    if conditional:
        until = _add_months(approved_on, CONDITIONAL_VALIDITY_MONTHS)
        return until, until
    until = _add_months(approved_on, VALIDITY_MONTHS)
    reeval = _add_months(approved_on, REEVALUATION_MONTHS.get(importance_class, 12))
    return until, min(reeval, until)
