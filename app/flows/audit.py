"""Audit wizard flow (供应商审核): plan → checklist (one page per section) → findings → result
→ corrective actions.

The corrective-actions page is only on the path when a finding needs a corrective action
request (severity minor, major or critical); otherwise the result page ends the wizard.

State (JSON):
``plan``      supplier_id, supplier_name, audit_type, occasion, auditors [str], audit_date, scope
``template``  the checklist document (a snapshot, so editing the template later changes no draft)
``items``     {item key: {"score": int|None, "na": bool, "evidence": str, "severity": str|None,
               "finding": str}}
``extra_findings`` [{"id": "extra:N", "description", "severity", "evidence"}]
``thresholds`` {"approved": 85, "conditional": 70, ...}
``actions``   {finding id: {"owner", "due_date", "title", "method": "8D"}}
"""

from __future__ import annotations

import datetime as _dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.engines.audit import (
    AUDIT_OCCASIONS,
    AUDIT_TYPES,
    CAR_SEVERITIES,
    SEVERITIES,
    AuditScore,
    AuditThresholds,
    ChecklistError,
    ChecklistTemplate,
    answers_for,
    checklist_to_dict,
    parse_checklist,
    score_audit,
)
from app.flows import DraftFormatError, FlowError, Message, Page, PageFlow

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
CHECKLIST_DIR = RESOURCES / "checklists"
SHIPPED_TEMPLATES = ("qms", "process", "product")

PLAN = "plan"
FINDINGS = "findings"
RESULT = "result"
ACTIONS = "actions"

_LABELS = {
    "supplier": ("供应商", "Supplier"),
    "audit_type": ("审核类型", "Audit type"),
    "occasion": ("审核时机", "Occasion"),
    "auditors": ("审核员", "Auditors"),
    "audit_date": ("审核日期", "Audit date"),
    "scope": ("审核范围", "Scope"),
    "description": ("不符合项描述", "Finding description"),
    "owner": ("责任人", "Owner"),
    "due_date": ("完成期限", "Due date"),
    "extra_finding": ("检查表外不符合项 {n}", "Finding outside the checklist {n}"),
    "clause_finding": ("条款 {clause} 的不符合项", "Finding at clause {clause}"),
}

#: the column of the corrective-action page a message concerns: ``Message.field`` is
#: ``"<finding id>/<column>"`` (``title``, ``owner``, ``due_date``)
ACTION_FIELD = "{finding}/{column}"


def _label(name: str, lang: str) -> str:
    zh, en = _LABELS[name]
    return zh if lang == "zh_CN" else en


def checklist_page(section_key: str) -> str:
    return f"checklist:{section_key}"


@lru_cache(maxsize=8)
def _load_doc(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def load_checklist_document(key: str) -> dict[str, Any]:
    """The shipped checklist JSON document ``resources/checklists/<key>.json``."""
    path = CHECKLIST_DIR / f"{key}.json"
    if not path.is_file():
        raise ChecklistError(f"no shipped checklist '{key}' (expected one of {', '.join(SHIPPED_TEMPLATES)})")
    return json.loads(_load_doc(str(path)))


def load_checklist(key: str) -> ChecklistTemplate:
    return parse_checklist(load_checklist_document(key))


def _blank_item() -> dict[str, Any]:
    return {"score": None, "na": False, "evidence": "", "severity": None, "finding": ""}


class AuditFlow(PageFlow):
    KIND = "audit"
    VERSION = 1

    def __init__(self, template: ChecklistTemplate | dict[str, Any] | None = None, *,
                 thresholds: AuditThresholds | None = None, lang: str = "en", **plan: Any) -> None:
        super().__init__()
        self.lang = lang
        if template is None:
            template = load_checklist(plan.get("audit_type") or "qms")
        self.template = template if isinstance(template, ChecklistTemplate) else parse_checklist(template)
        self.state = {
            "plan": {
                "supplier_id": None, "supplier_name": "", "audit_type": self.template.audit_type,
                "occasion": "selection", "auditors": [], "audit_date": _dt.date.today().isoformat(), "scope": "",
            },
            "template": checklist_to_dict(self.template),
            "items": {it.key: _blank_item() for it in self.template.items},
            "extra_findings": [],
            "thresholds": (thresholds or AuditThresholds()).to_dict(),
            "actions": {},
        }
        self.set_plan(**plan)
        self._build_pages()
        self.current = self.start

    # navigation map ------------------------------------------------------------------------
    def _build_pages(self) -> None:
        sections = [checklist_page(s.key) for s in self.template.sections if self.template.items_in(s.key)]
        chain = [PLAN, *sections, FINDINGS, RESULT]
        self.pages = {}
        for i, key in enumerate(chain):
            nxt = chain[i + 1] if i + 1 < len(chain) else None
            if key == PLAN:
                self.pages[key] = Page(key, nxt, AuditFlow._validate_plan)
            elif key == FINDINGS:
                self.pages[key] = Page(key, nxt, AuditFlow._validate_findings)
            elif key == RESULT:
                self.pages[key] = Page(key, AuditFlow._after_result, None)
            else:
                self.pages[key] = Page(key, nxt, None)  # validate_page dispatches checklist pages
        self.pages[ACTIONS] = Page(ACTIONS, None, AuditFlow._validate_actions)

    def _after_result(self) -> str | None:
        return ACTIONS if self.findings_needing_action() else None

    # plan ---------------------------------------------------------------------------------
    @property
    def plan(self) -> dict[str, Any]:
        return self.state["plan"]

    def set_plan(self, **values: Any) -> None:
        unknown = set(values) - set(self.state["plan"])
        if unknown:
            raise FlowError(f"unknown plan field(s): {', '.join(sorted(unknown))}")
        if "auditors" in values and isinstance(values["auditors"], str):
            values["auditors"] = [a.strip() for a in values["auditors"].replace("，", ",").split(",") if a.strip()]
        self.state["plan"].update(values)

    def set_template(self, template: ChecklistTemplate | dict[str, Any]) -> None:
        """Switch checklist (e.g. the audit type changed on the plan page); keeps answers of shared keys."""
        t = template if isinstance(template, ChecklistTemplate) else parse_checklist(template)
        old = self.state["items"]
        self.template = t
        self.state["template"] = checklist_to_dict(t)
        self.state["items"] = {it.key: old.get(it.key, _blank_item()) for it in t.items}
        self.state["plan"]["audit_type"] = t.audit_type
        current = self.current
        self._build_pages()
        if current not in self.pages:
            self.current, self.history = PLAN, []
        else:
            self.history = [p for p in self.history if p in self.pages]

    def _validate_plan(self) -> list[Message]:
        p, lang, msgs = self.plan, self.lang, []
        if p.get("supplier_id") is None and not str(p.get("supplier_name") or "").strip():
            msgs.append(Message(PLAN, "supplier", "required", {"label": _label("supplier", lang)}))
        if p.get("audit_type") not in AUDIT_TYPES:
            msgs.append(Message(PLAN, "audit_type", "unknown_value", {"label": _label("audit_type", lang)}))
        if p.get("occasion") not in AUDIT_OCCASIONS:
            msgs.append(Message(PLAN, "occasion", "unknown_value", {"label": _label("occasion", lang)}))
        if not [a for a in p.get("auditors") or [] if str(a).strip()]:
            msgs.append(Message(PLAN, "auditors", "required", {"label": _label("auditors", lang)}))
        if _parse_date(p.get("audit_date")) is None:
            msgs.append(Message(PLAN, "audit_date", "not_a_date", {"label": _label("audit_date", lang)}))
        if not str(p.get("scope") or "").strip():
            msgs.append(Message(PLAN, "scope", "required", {"label": _label("scope", lang)}))
        return msgs

    # checklist -----------------------------------------------------------------------------
    def item_state(self, key: str) -> dict[str, Any]:
        return self.state["items"][key]

    def score_item(self, key: str, score: int | None = None, *, na: bool = False, evidence: str | None = None,
                   severity: str | None = None, finding: str | None = None) -> None:
        """Record an item's answer. Range problems are reported by validation, not raised,
        except an unknown item key or severity (programming errors)."""
        if key not in self.state["items"]:
            raise KeyError(key)
        if severity is not None and severity not in SEVERITIES:
            raise FlowError(f"unknown severity '{severity}'")
        st = self.state["items"][key]
        st["score"] = None if na else score
        st["na"] = bool(na)
        if evidence is not None:
            st["evidence"] = evidence
        st["severity"] = severity
        if finding is not None:
            st["finding"] = finding

    def validate_checklist_section(self, section_key: str) -> list[Message]:
        page = checklist_page(section_key)
        msgs = []
        for it in self.template.items_in(section_key):
            st = self.state["items"][it.key]
            label = it.clause or it.key
            params = {"label": label, "min": it.rule.min, "max": it.rule.max}
            if st.get("na"):
                if not it.rule.na_allowed:
                    msgs.append(Message(page, it.key, "na_not_allowed", params))
                elif not str(st.get("evidence") or "").strip():
                    msgs.append(Message(page, it.key, "na_reason", params))
                continue
            score = st.get("score")
            if score is None:
                msgs.append(Message(page, it.key, "score_missing", params))
                continue
            try:
                it.rule.check(score)
            except ChecklistError:
                msgs.append(Message(page, it.key, "score_range", params))
                continue
            if score == it.rule.min and not st.get("severity"):
                msgs.append(Message(page, it.key, "zero_needs_finding", params))
            if st.get("severity") and not str(st.get("finding") or "").strip():
                msgs.append(Message(page, it.key, "finding_text", params))
        return msgs

    def validate_page(self, page: str | None = None) -> list[Message]:
        page = page or self.current
        if page.startswith("checklist:"):
            return self.validate_checklist_section(page.split(":", 1)[1])
        return super().validate_page(page)

    # findings -----------------------------------------------------------------------------
    def add_finding(self, description: str, severity: str, evidence: str = "") -> str:
        if severity not in SEVERITIES:
            raise FlowError(f"unknown severity '{severity}'")
        n = 1 + max((int(f["id"].split(":")[1]) for f in self.state["extra_findings"]), default=0)
        fid = f"extra:{n}"
        self.state["extra_findings"].append({"id": fid, "description": description, "severity": severity,
                                             "evidence": evidence})
        return fid

    def remove_finding(self, finding_id: str) -> None:
        self.state["extra_findings"] = [f for f in self.state["extra_findings"] if f["id"] != finding_id]
        self.state["actions"].pop(finding_id, None)

    def findings(self) -> list[dict[str, Any]]:
        """Findings from checklist items with a severity, then the extra ones, in checklist order."""
        out = []
        for it in self.template.items:
            st = self.state["items"][it.key]
            if st.get("severity") and not st.get("na"):
                out.append({"id": f"item:{it.key}", "item_key": it.key, "section": it.section, "clause": it.clause,
                            "severity": st["severity"], "description": st.get("finding") or "",
                            "evidence": st.get("evidence") or "", "score": st.get("score")})
        for f in self.state["extra_findings"]:
            out.append({"id": f["id"], "item_key": None, "section": None, "clause": "",
                        "severity": f["severity"], "description": f.get("description") or "",
                        "evidence": f.get("evidence") or "", "score": None})
        return out

    def findings_needing_action(self) -> list[dict[str, Any]]:
        return [f for f in self.findings() if f["severity"] in CAR_SEVERITIES]

    def _validate_findings(self) -> list[Message]:
        msgs = []
        for f in self.state["extra_findings"]:
            if not str(f.get("description") or "").strip():
                msgs.append(Message(FINDINGS, f["id"], "required", {"label": _label("description", self.lang)}))
            if f.get("severity") not in SEVERITIES:
                msgs.append(Message(FINDINGS, f["id"], "unknown_severity", {"label": self.finding_label(f)}))
        if self.result().percent is None:
            msgs.append(Message(FINDINGS, "items", "no_applicable_items"))
        return msgs

    # result ---------------------------------------------------------------------------------
    @property
    def thresholds(self) -> AuditThresholds:
        return AuditThresholds.from_dict(self.state["thresholds"])

    def set_thresholds(self, thresholds: AuditThresholds) -> None:
        self.state["thresholds"] = thresholds.to_dict()

    def result(self) -> AuditScore:
        return score_audit(answers_for(self.template, self.state["items"]),
                           severities=[f["severity"] for f in self.findings()],
                           thresholds=self.thresholds, section_order=[s.key for s in self.template.sections])

    # corrective actions ------------------------------------------------------------------
    def set_action(self, finding_id: str, *, owner: str, due_date: str, title: str = "", method: str = "8D") -> None:
        if finding_id not in {f["id"] for f in self.findings()}:
            raise FlowError(f"no finding '{finding_id}'")
        self.state["actions"][finding_id] = {"owner": owner, "due_date": due_date, "title": title, "method": method}

    def finding_label(self, finding: dict[str, Any]) -> str:
        """A finding in the user's words: its clause, or its number among the findings outside the
        checklist, with the start of its description (never the internal id)."""
        if finding.get("clause"):
            head = _label("clause_finding", self.lang).format(clause=finding["clause"])
        else:
            extras = [f["id"] for f in self.state["extra_findings"]]
            n = extras.index(finding["id"]) + 1 if finding["id"] in extras else len(extras) + 1
            head = _label("extra_finding", self.lang).format(n=n)
        text = str(finding.get("description") or "").strip()
        if len(text) > 30:
            text = text[:29] + "…"
        return f"{head}（{text}）" if text and self.lang == "zh_CN" else f"{head} ({text})" if text else head

    def _validate_actions(self) -> list[Message]:
        """Every problem of every corrective action at once, each naming its finding and column."""
        msgs = []
        audit_date = _parse_date(self.plan.get("audit_date"))
        for f in self.findings_needing_action():
            a = self.state["actions"].get(f["id"]) or {}
            label = self.finding_label(f)
            if not str(a.get("owner") or "").strip():
                msgs.append(Message(ACTIONS, ACTION_FIELD.format(finding=f["id"], column="owner"), "required",
                                    {"label": f"{label}: {_label('owner', self.lang)}"}))
            due = _parse_date(a.get("due_date"))
            if due is None:
                msgs.append(Message(ACTIONS, ACTION_FIELD.format(finding=f["id"], column="due_date"), "not_a_date",
                                    {"label": f"{label}: {_label('due_date', self.lang)}"}))
            elif audit_date is not None and due < audit_date:
                msgs.append(Message(ACTIONS, ACTION_FIELD.format(finding=f["id"], column="due_date"), "due_before_audit",
                                    {"label": f"{label}: {_label('due_date', self.lang)}"}))
        return msgs

    def is_complete(self) -> bool:
        return not self.validate_all()

    # drafts ----------------------------------------------------------------------------------
    @classmethod
    def from_json(cls, text: str | dict, lang: str = "en") -> "AuditFlow":
        data = cls._check_draft(text)
        state = data["state"]
        try:
            flow = cls(state["template"], lang=lang)
        except (KeyError, ChecklistError) as exc:
            raise DraftFormatError(f"the audit draft's checklist is unreadable: {exc}") from exc
        flow.state["plan"].update({k: v for k, v in (state.get("plan") or {}).items() if k in flow.state["plan"]})
        for key, st in (state.get("items") or {}).items():
            if key in flow.state["items"]:
                flow.state["items"][key].update({k: st.get(k, v) for k, v in _blank_item().items()})
        flow.state["extra_findings"] = list(state.get("extra_findings") or [])
        if state.get("thresholds"):
            flow.state["thresholds"] = AuditThresholds.from_dict(state["thresholds"]).to_dict()
        flow.state["actions"] = dict(state.get("actions") or {})
        flow._restore_position(data)
        return flow


def _parse_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        return None
