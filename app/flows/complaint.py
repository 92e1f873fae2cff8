"""Complaint and service-request handling flow (顾客投诉与服务请求处理), as plain JSON state.

Domain brief §3.3: identify the problem → analyse its causes → propose a solution → implement
it → verify the effect → improve the service system, then tell the customer the result and
record the customer's satisfaction with the handling (1–5 and a comment); then it is closed.
Quality complaints are worked as an 8D (the disciplines of :mod:`app.engines.eight_d`, the same
as supplier SCARs, D3 containment within 24 hours), followed by the same two customer steps.

Rules: steps are done strictly in order (none can be skipped), each records who, when and what;
a step cannot be dated before the one before it; a closed complaint is reopened only with a
reason, and goes back to a step (by default the cause analysis — D4 for an 8D); the records of
the steps done again are kept under ``superseded``.

State (JSON)::

    {"type": "quality", "received_at": "2026-03-06T15:00:00", "steps": ["D1", …, "inform", "rating"],
     "records": {"D1": {"by": "…", "at": "…", "text": "…"}, …, "rating": {…, "rating": 4}},
     "closed": {"by", "at", "text"} | None, "reopenings": [{"by", "at", "reason", "back_to"}],
     "superseded": [{"step", "by", "at", "text", "reopening": 0}]}
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from app.engines import eight_d
from app.flows import DraftFormatError, FlowError

COMPLAINT_TYPES = ("quality", "delivery", "commercial", "documentation", "service_enquiry", "repair", "return")
#: the service path of the brief (§3.3) for every type except quality
SERVICE_STEPS = ("identify", "analyse", "propose", "implement", "verify", "improve")
CUSTOMER_STEPS = ("inform", "rating")
CLOSED = "closed"

STEP_TITLES = {
    "identify": ("识别问题", "Identify the problem"),
    "analyse": ("分析原因", "Analyse the causes"),
    "propose": ("提出解决方案", "Propose a solution"),
    "implement": ("实施方案", "Implement the solution"),
    "verify": ("验证效果", "Verify the effect"),
    "improve": ("改进服务体系", "Improve the service system"),
    "inform": ("告知顾客处理结果", "Tell the customer the result"),
    "rating": ("顾客对处理的满意度", "Customer's rating of the handling"),
    CLOSED: ("已关闭", "Closed"),
    **{d: t for d, t in eight_d.EIGHT_D_TITLES.items()},
}

#: which step ends each SLA milestone, per path (closure = the complaint being closed)
MILESTONES = ("first_response", "containment", "root_cause", "closure")
_MILESTONE_STEPS = {
    "8d": {"first_response": "D1", "containment": eight_d.CONTAINMENT, "root_cause": eight_d.ROOT_CAUSE},
    "service": {"first_response": "identify", "containment": "propose", "root_cause": "analyse"},
}


def steps_for(complaint_type: str) -> tuple[str, ...]:
    if complaint_type not in COMPLAINT_TYPES:
        raise FlowError(f"unknown complaint type '{complaint_type}' (one of {', '.join(COMPLAINT_TYPES)})")
    core = eight_d.EIGHT_D if complaint_type == "quality" else SERVICE_STEPS
    return (*core, *CUSTOMER_STEPS)


def step_title(step: str, lang: str = "en") -> str:
    zh, en = STEP_TITLES[step]
    if step in eight_d.EIGHT_D:
        return f"{step} {zh}" if lang == "zh_CN" else f"{step} {en}"
    return zh if lang == "zh_CN" else en


def _time(value: datetime | str) -> datetime:
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    try:
        return datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise FlowError(f"'{value}' is not a date and time") from exc


class ComplaintFlow:
    KIND = "complaint"
    VERSION = 1

    def __init__(self, complaint_type: str, received_at: datetime | str) -> None:
        self.state: dict[str, Any] = {
            "type": complaint_type, "received_at": _time(received_at).isoformat(),
            "steps": list(steps_for(complaint_type)), "records": {}, "closed": None,
            "reopenings": [], "superseded": [],
        }

    # reading ---------------------------------------------------------------------------------
    @property
    def type(self) -> str:
        return self.state["type"]

    @property
    def steps(self) -> list[str]:
        return list(self.state["steps"])

    @property
    def path(self) -> str:
        return "8d" if self.type == "quality" else "service"

    @property
    def received_at(self) -> datetime:
        return datetime.fromisoformat(self.state["received_at"])

    @property
    def is_closed(self) -> bool:
        return self.state["closed"] is not None

    @property
    def current(self) -> str:
        """The step to do next, or ``"closed"``; when every step is done but not yet closed: ``"close"``."""
        if self.is_closed:
            return CLOSED
        for step in self.state["steps"]:
            if step not in self.state["records"]:
                return step
        return "close"

    def record(self, step: str) -> dict[str, Any] | None:
        return self.state["records"].get(step)

    def done_steps(self) -> list[str]:
        return [s for s in self.state["steps"] if s in self.state["records"]]

    def progress(self) -> tuple[int, int]:
        """(steps done, steps in all) — closing counts as the last one."""
        return len(self.done_steps()) + (1 if self.is_closed else 0), len(self.state["steps"]) + 1

    def last_time(self) -> datetime:
        times = [self.received_at] + [datetime.fromisoformat(r["at"]) for r in self.state["records"].values()]
        for r in self.state["reopenings"]:
            times.append(datetime.fromisoformat(r["at"]))
        return max(times)

    def milestone_times(self) -> dict[str, datetime | None]:
        """When each SLA milestone was reached (None while not yet)."""
        out: dict[str, datetime | None] = {}
        for name, step in _MILESTONE_STEPS[self.path].items():
            rec = self.record(step)
            out[name] = datetime.fromisoformat(rec["at"]) if rec else None
        closed = self.state["closed"]
        out["closure"] = datetime.fromisoformat(closed["at"]) if closed else None
        return out

    @staticmethod
    def milestone_step(path: str, milestone: str) -> str:
        return CLOSED if milestone == "closure" else _MILESTONE_STEPS[path][milestone]

    def containment_late(self, now: datetime) -> bool:
        """8D only: D3 later than 24 hours after the complaint was received."""
        if self.path != "8d":
            return False
        rec = self.record(eight_d.CONTAINMENT)
        return eight_d.containment_late(self.received_at, datetime.fromisoformat(rec["at"]) if rec else None, now)

    @property
    def rating(self) -> tuple[int, str] | None:
        rec = self.record("rating")
        return (int(rec["rating"]), rec["text"]) if rec else None

    # changing --------------------------------------------------------------------------------
    def _check_time(self, at: datetime) -> None:
        if at < self.last_time():
            raise FlowError(f"{at.isoformat(' ')} is before the previous step ({self.last_time().isoformat(' ')})")

    def complete(self, step: str, *, by: str, at: datetime | str, text: str, rating: int | None = None) -> None:
        """Record ``step`` as done. It must be the current step; ``text`` says what was done."""
        if self.is_closed:
            raise FlowError("the complaint is closed; reopen it first")
        if step not in self.state["steps"]:
            raise FlowError(f"'{step}' is not a step of a {self.type} complaint")
        if step != self.current:
            raise FlowError(f"'{step}' cannot be done before '{self.current}' (no step may be skipped)")
        if not str(by).strip():
            raise FlowError("who did the step is required")
        if not str(text).strip():
            raise FlowError(f"'{step}': say what was done")
        when = _time(at)
        self._check_time(when)
        rec: dict[str, Any] = {"by": str(by).strip(), "at": when.isoformat(), "text": str(text).strip()}
        if step == "rating":
            if rating is None or isinstance(rating, bool) or int(rating) != rating or not 1 <= int(rating) <= 5:
                raise FlowError("the customer's rating must be a whole number from 1 to 5")
            rec["rating"] = int(rating)
        elif rating is not None:
            raise FlowError("only the customer's rating step takes a rating")
        self.state["records"][step] = rec

    def close(self, *, by: str, at: datetime | str, text: str = "") -> None:
        if self.is_closed:
            raise FlowError("the complaint is already closed")
        if self.current != "close":
            raise FlowError(f"the complaint cannot be closed before '{self.current}' is done")
        if not str(by).strip():
            raise FlowError("who closed the complaint is required")
        when = _time(at)
        self._check_time(when)
        self.state["closed"] = {"by": str(by).strip(), "at": when.isoformat(), "text": str(text).strip()}

    def default_reopen_step(self) -> str:
        return eight_d.ROOT_CAUSE if self.path == "8d" else "analyse"

    def reopen(self, *, by: str, at: datetime | str, reason: str, back_to: str | None = None) -> None:
        """Reopen a closed complaint: a reason is required; the steps from ``back_to`` on are done again."""
        if not self.is_closed:
            raise FlowError("only a closed complaint can be reopened")
        if not str(reason).strip():
            raise FlowError("reopening a complaint needs a reason")
        if not str(by).strip():
            raise FlowError("who reopened the complaint is required")
        back = back_to or self.default_reopen_step()
        if back not in self.state["steps"]:
            raise FlowError(f"'{back}' is not a step of a {self.type} complaint")
        when = _time(at)
        self._check_time(when)
        index = len(self.state["reopenings"])
        self.state["reopenings"].append({"by": str(by).strip(), "at": when.isoformat(),
                                         "reason": str(reason).strip(), "back_to": back})
        first = self.state["steps"].index(back)
        for step in self.state["steps"][first:]:
            rec = self.state["records"].pop(step, None)
            if rec is not None:
                self.state["superseded"].append({"step": step, **rec, "reopening": index})
        self.state["closed"] = None

    # JSON ------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.KIND, "version": self.VERSION, "state": self.state}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | dict[str, Any]) -> "ComplaintFlow":
        try:
            data = json.loads(text) if isinstance(text, str) else dict(text)
        except (TypeError, ValueError) as exc:
            raise DraftFormatError(f"the complaint flow is damaged: {exc}") from exc
        if not isinstance(data, dict) or data.get("kind") != cls.KIND:
            raise DraftFormatError("not a complaint flow")
        if int(data.get("version", 0)) > cls.VERSION:
            raise DraftFormatError("the complaint flow was saved by a newer version")
        state = data.get("state")
        if not isinstance(state, dict) or "type" not in state or "received_at" not in state:
            raise DraftFormatError("the complaint flow has no state")
        flow = cls(state["type"], state["received_at"])
        for key in ("records", "closed", "reopenings", "superseded"):
            if key in state:
                flow.state[key] = state[key]
        return flow
