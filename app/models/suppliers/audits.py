"""Audit services: checklist templates (seeded from resources, editable, JSON import/export),
audit drafts and completion with findings; completing an audit raises the corrective action
requests its findings need (``corrective``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from app.engines.audit import (
    AuditScore,
    AuditThresholds,
    ChecklistError,
    ChecklistItem,
    ChecklistSection,
    ChecklistTemplate,
    ScoringRule,
    checklist_to_dict,
    default_occasion,
    parse_checklist,
)
from app.flows import DraftFormatError
from app.flows.audit import SHIPPED_TEMPLATES, AuditFlow, load_checklist_document
from app.models.admin import signatures
from app.models.admin.identity import actor_name
from app.models.admin.permissions import require, requires
from app.models.admin.signatures import Signable, SignatureRequest
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.suppliers.tables import CAR_EXTRA, Audit, AuditFinding, AuditItem, AuditTemplate, AuditTemplateItem
from app.models.suppliers.errors import NotFoundError, ValidationError
from app.models.suppliers.tables import CorrectiveAction, Supplier
from app.models.suppliers.corrective import CarRow, car_rows, next_car_number, set_extra
from app.models.suppliers.master import supplier_names

# ------------------------------------------------------------------------------ signature
def _report_content(session, record_id: str) -> dict:
    """What the completed audit report's signature covers: the plan, every answer, findings,
    the result and who completed it (a completed audit cannot be edited through the services)."""
    a = session.get(Audit, int(record_id))
    if a is None:
        return {}
    return {"supplier_id": a.supplier_id, "template_key": a.template_key, "audit_type": a.audit_type,
            "occasion": a.occasion, "auditors": a.auditors, "audit_date": a.audit_date, "scope": a.scope,
            "state_json": a.state_json, "percent": a.percent, "status": a.status, "result": a.result,
            "result_reason": a.result_reason, "completed_by": a.completed_by, "completed_at": a.completed_at}


COMPLETE = signatures.register(Signable("audits.complete", "audits", "完成审核报告", "Complete an audit report",
                                        "authored", _report_content))


# ------------------------------------------------------------------------------ dataclasses
@dataclass(frozen=True)
class TemplateRow:
    key: str
    audit_type: str
    title_zh: str
    title_en: str
    version: int
    items: int
    updated_at: datetime


@dataclass(frozen=True)
class AuditRow:
    id: int
    supplier_id: int | None
    supplier_code: str
    supplier_name: str
    template_key: str
    audit_type: str
    occasion: str
    auditors: str
    audit_date: date | None
    status: str
    percent: float | None
    result: str | None
    findings: int
    updated_at: datetime
    items_answered: int = 0   # checklist items scored or N/A (a draft shows "12 / 24", not its partial score)
    items_total: int = 0
    progress: str = ""


@dataclass(frozen=True)
class AuditReport:
    """What the completed audit report prints (also works for a draft)."""

    id: int
    status: str
    supplier_code: str
    supplier_name_zh: str
    supplier_name_en: str
    template: ChecklistTemplate
    plan: dict[str, Any]
    items: dict[str, dict[str, Any]]
    findings: list[dict[str, Any]]
    score: AuditScore
    thresholds: AuditThresholds
    corrective_actions: list[CarRow] = field(default_factory=list)
    planned_actions: dict[str, dict[str, Any]] = field(default_factory=dict)
    completed_by: str = ""
    completed_at: datetime | None = None
    signatures: Any = None  # app.models.admin.signatures.Manifest: the signatures and the record hash


# ------------------------------------------------------------------------------ templates
def _template_from_row(t: AuditTemplate) -> ChecklistTemplate:
    sections = tuple(ChecklistSection(s["key"], s.get("title_zh", s["key"]), s.get("title_en", s["key"]))
                     for s in json.loads(t.sections_json))
    items = tuple(ChecklistItem(i.item_key, i.section, i.clause, i.text_zh, i.text_en, i.weight,
                                ScoringRule(i.max_score, bool(i.na_allowed), i.min_score)) for i in t.items)
    return ChecklistTemplate(t.key, t.audit_type, t.title_zh, t.title_en, sections, items,
                             ScoringRule(t.default_max, bool(t.default_na_allowed)), t.version, t.source)


def _write_template(session, tpl: ChecklistTemplate, row: AuditTemplate | None = None) -> AuditTemplate:
    if row is None:
        row = AuditTemplate(key=tpl.key)
        session.add(row)
    row.audit_type, row.title_zh, row.title_en = tpl.audit_type, tpl.title_zh, tpl.title_en
    row.version, row.source = tpl.version, tpl.source
    row.default_max, row.default_na_allowed = tpl.default_rule.max, tpl.default_rule.na_allowed
    row.sections_json = json.dumps([{"key": s.key, "title_zh": s.title_zh, "title_en": s.title_en}
                                    for s in tpl.sections], ensure_ascii=False)
    row.updated_at = utcnow()
    row.items.clear()
    session.flush()
    for pos, it in enumerate(tpl.items):
        row.items.append(AuditTemplateItem(position=pos, item_key=it.key, section=it.section, clause=it.clause,
                                           text_zh=it.text_zh, text_en=it.text_en, weight=it.weight,
                                           max_score=it.rule.max, min_score=it.rule.min,
                                           na_allowed=it.rule.na_allowed))
    session.flush()
    return row


def _ensure_seeded(session) -> None:
    """Put the shipped templates in once (whoever first opens the templates): one bulk trail
    entry, as it is the software's content rather than anyone's edit."""
    from app.models.admin import trail

    have = set(session.scalars(select(AuditTemplate.key)))
    missing = [key for key in SHIPPED_TEMPLATES if key not in have]
    if not missing:
        return
    with trail.bulk(session, "seed", "audit_templates", templates=missing) as b:
        for key in missing:
            doc = load_checklist_document(key)
            b.add_content(json.dumps(doc, ensure_ascii=False, sort_keys=True))
            _write_template(session, parse_checklist(doc))


def _template_row(session, key: str) -> AuditTemplate:
    _ensure_seeded(session)
    row = session.scalar(select(AuditTemplate).where(AuditTemplate.key == key))
    if row is None:
        raise NotFoundError(f"no checklist template '{key}'")
    return row


def list_templates(db: Database) -> list[TemplateRow]:
    with db.begin() as s:
        _ensure_seeded(s)
        counts = dict(s.execute(select(AuditTemplateItem.template_id, func.count()).group_by(AuditTemplateItem.template_id)).all())
        return [TemplateRow(t.key, t.audit_type, t.title_zh, t.title_en, t.version, counts.get(t.id, 0), t.updated_at)
                for t in s.scalars(select(AuditTemplate).order_by(AuditTemplate.key))]


def get_template(db: Database, key: str) -> ChecklistTemplate:
    with db.begin() as s:
        return _template_from_row(_template_row(s, key))


@requires("audits.templates")
def save_template(db: Database, template: ChecklistTemplate | dict[str, Any]) -> TemplateRow:
    """Save the whole template (the editor's grid): validated, items in the given order."""
    try:
        tpl = parse_checklist(checklist_to_dict(template) if isinstance(template, ChecklistTemplate) else template)
    except ChecklistError as exc:
        raise ValidationError(f"checklist template: {exc}", "bad_template") from exc
    with db.begin() as s:
        _ensure_seeded(s)
        row = s.scalar(select(AuditTemplate).where(AuditTemplate.key == tpl.key))
        if row is not None and tpl.version <= row.version and _template_from_row(row) != tpl:
            tpl = ChecklistTemplate(tpl.key, tpl.audit_type, tpl.title_zh, tpl.title_en, tpl.sections, tpl.items,
                                    tpl.default_rule, row.version + 1, tpl.source)
        row = _write_template(s, tpl, row)
        return TemplateRow(row.key, row.audit_type, row.title_zh, row.title_en, row.version, len(tpl.items),
                           row.updated_at)


@requires("audits.templates")
def delete_template(db: Database, key: str) -> None:
    if key in SHIPPED_TEMPLATES:
        raise ValidationError(f"the shipped template '{key}' cannot be deleted; reset it instead", "shipped")
    with db.begin() as s:
        s.delete(_template_row(s, key))


@requires("audits.templates")
def reset_template(db: Database, key: str) -> TemplateRow:
    """Put a shipped template back as it is in resources/checklists."""
    doc = load_checklist_document(key)
    with db.begin() as s:
        row = s.scalar(select(AuditTemplate).where(AuditTemplate.key == key))
        version = (row.version + 1) if row is not None else 1
    doc = dict(doc, version=version)
    return save_template(db, doc)


def export_template(db: Database, key: str, path: str | Path) -> Path:
    path = Path(path)
    doc = checklist_to_dict(get_template(db, key))
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


@requires("audits.templates")
def import_template(db: Database, path: str | Path, *, replace: bool = False) -> TemplateRow:
    """Import a template JSON file; an existing key needs ``replace=True``."""
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ValidationError(f"cannot read {Path(path).name}: {exc}", "unreadable") from exc
    try:
        tpl = parse_checklist(doc)
    except ChecklistError as exc:
        raise ValidationError(f"{Path(path).name}: {exc}", "bad_template") from exc
    if not replace and any(t.key == tpl.key for t in list_templates(db)):
        raise ValidationError(f"a template '{tpl.key}' already exists", "exists")
    return save_template(db, tpl)


# ------------------------------------------------------------------------------ audits
def new_audit(db: Database, template_key: str, *, supplier_id: int | None = None, lang: str = "en",
              thresholds: AuditThresholds | None = None) -> AuditFlow:
    """A fresh audit; the occasion defaults by the supplier's status (``audit.default_occasion``:
    an approved supplier's audit is periodic, a candidate's is for selection); the signed-in user
    is the first auditor."""
    with db.begin() as s:
        tpl = _template_from_row(_template_row(s, template_key))
        _, zh, en = supplier_names(s, supplier_id)
        status = s.get(Supplier, supplier_id).status if supplier_id is not None else None
    name = (zh if lang == "zh_CN" else en) or zh or en
    flow = AuditFlow(tpl, thresholds=thresholds, lang=lang, supplier_id=supplier_id, supplier_name=name)
    flow.set_plan(occasion=default_occasion(status))
    lead = actor_name(db)
    if lead and not (getattr(db.actor, "system", False)):
        flow.set_plan(auditors=[lead])  # the signed-in user leads the audit; the team is added on the plan page
    return flow


def _store(a: Audit, flow: AuditFlow) -> None:
    p = flow.plan
    a.supplier_id = p.get("supplier_id")
    a.supplier_name = str(p.get("supplier_name") or "")[:200]
    a.template_key = flow.template.key
    a.audit_type = flow.template.audit_type
    a.occasion = str(p.get("occasion") or "selection")
    a.auditors = ", ".join(p.get("auditors") or [])[:300]
    try:
        a.audit_date = date.fromisoformat(str(p.get("audit_date")))
    except ValueError:
        a.audit_date = None
    a.scope = str(p.get("scope") or "")
    a.state_json = flow.to_json()
    score = flow.result()
    a.percent = score.percent
    a.section_scores_json = json.dumps([{"section": x.section, "percent": x.percent} for x in score.sections])
    a.thresholds_json = json.dumps(flow.thresholds.to_dict())
    a.updated_at = utcnow()


@requires("audits.edit")
def save_audit_draft(db: Database, flow: AuditFlow, *, audit_id: int | None = None) -> int:
    with db.begin() as s:
        if audit_id is None:
            a = Audit(status="draft", created_by=actor_name(db))
            s.add(a)
        else:
            a = s.get(Audit, audit_id)
            if a is None:
                raise NotFoundError(f"audit {audit_id} does not exist")
            if a.status != "draft":
                raise ValidationError("a completed audit can no longer be changed", "completed")
        _store(a, flow)
        s.flush()
        return a.id


def load_audit(db: Database, audit_id: int, *, lang: str = "en") -> AuditFlow:
    with db.begin() as s:
        a = s.get(Audit, audit_id)
        if a is None:
            raise NotFoundError(f"audit {audit_id} does not exist")
        text = a.state_json
    try:
        return AuditFlow.from_json(text, lang=lang)
    except DraftFormatError as exc:
        raise ValidationError(f"audit {audit_id}: {exc}", "bad_draft") from exc


def complete_audit(db: Database, audit_id: int, flow: AuditFlow, *,
                   signature: SignatureRequest | None = None) -> AuditRow:
    """Validate every page, then store items, findings, result and raise the corrective actions;
    completed by the signed-in user, with the report's electronic signature where required."""
    require(db, "audits.edit")
    msgs = flow.validate_all()
    if msgs:
        raise ValidationError(f"the audit is not complete: {msgs[0].text(flow.lang)}", "incomplete", msgs)
    score = flow.result()
    if flow.plan.get("supplier_id") is None:
        raise ValidationError("choose a supplier from the supplier list before completing the audit", "no_supplier")
    signer = signatures.authenticate(db, COMPLETE.action, signature)
    with db.begin() as s:
        a = s.get(Audit, audit_id)
        if a is None:
            raise NotFoundError(f"audit {audit_id} does not exist")
        if a.status != "draft":
            raise ValidationError("the audit was already completed", "completed")
        supplier_names(s, flow.plan["supplier_id"])
        _store(a, flow)
        a.status, a.result, a.result_reason = "completed", score.result, score.reason
        a.completed_at, a.completed_by = utcnow(), actor_name(db)[:120]
        s.execute(delete(AuditItem).where(AuditItem.audit_id == a.id))
        s.execute(delete(AuditFinding).where(AuditFinding.audit_id == a.id))
        s.add_all([
            AuditItem(audit_id=a.id, position=pos, item_key=it.key, section=it.section, clause=it.clause,
                      text_zh=it.text_zh, text_en=it.text_en, weight=it.weight, max_score=it.rule.max,
                      min_score=it.rule.min, na_allowed=it.rule.na_allowed,
                      score=flow.item_state(it.key).get("score"), na=bool(flow.item_state(it.key).get("na")),
                      evidence=flow.item_state(it.key).get("evidence") or "",
                      severity=flow.item_state(it.key).get("severity"), finding=flow.item_state(it.key).get("finding") or "")
            for pos, it in enumerate(flow.template.items)])
        issued = a.audit_date or date.today()
        for f in flow.findings():
            fr = AuditFinding(audit_id=a.id, ref=f["id"], item_key=f["item_key"], clause=f["clause"] or "",
                              severity=f["severity"], description=f["description"], evidence=f["evidence"])
            s.add(fr)
            s.flush()
            action = flow.state["actions"].get(f["id"])
            if f["severity"] not in ("minor", "major", "critical") or not action:
                continue
            due = date.fromisoformat(action["due_date"])
            title = action.get("title") or f"{f['clause']} {f['description']}".strip()
            car = CorrectiveAction(supplier_id=a.supplier_id, number=next_car_number(s, issued), title=title[:300],
                                   description=f"[{f['severity']}] {f['description']}\n{f['evidence']}".strip(),
                                   source="audit", issued_on=issued, due_on=max(due, issued), status="open",
                                   owner=str(action.get("owner") or "")[:120])
            s.add(car)
            s.flush()
            set_extra(s, car.id, audit_id=a.id, finding_id=fr.id, method=str(action.get("method") or "8D")[:8],
                      eight_d_json=json.dumps({"D2": f["description"]}, ensure_ascii=False))
        s.flush()
        if signer is not None:
            signatures.sign(s, signer, a.id)
        return _audit_row(s, a)


def _audit_row(s, a: Audit) -> AuditRow:
    code, zh, en = ("", a.supplier_name, a.supplier_name)
    if a.supplier_id is not None:
        sup = s.get(Supplier, a.supplier_id)
        if sup is not None:
            code, zh, en = sup.code, sup.name_zh, sup.name_en
    n = s.scalar(select(func.count()).select_from(AuditFinding).where(AuditFinding.audit_id == a.id)) or 0
    done, total = _items_progress(a.state_json)
    final = a.status == "completed"  # a draft's percent and result are provisional: not shown as a score
    return AuditRow(a.id, a.supplier_id, code, zh or en, a.template_key, a.audit_type, a.occasion, a.auditors,
                    a.audit_date, a.status, a.percent if final else None, a.result if final else None, int(n),
                    a.updated_at, total if final else done, total, f"{total if final else done} / {total}")


def _items_progress(state_json: str | None) -> tuple[int, int]:
    """(items scored or N/A, items) of a stored audit state."""
    try:
        items = (json.loads(state_json or "{}").get("state") or {}).get("items") or {}
    except (ValueError, AttributeError):
        return 0, 0
    done = sum(1 for st in items.values() if isinstance(st, dict) and (st.get("na") or st.get("score") is not None))
    return done, len(items)


def list_audits(db: Database, *, supplier_id: int | None = None, status: str | None = None) -> list[AuditRow]:
    with db.begin() as s:
        q = select(Audit).order_by(Audit.audit_date.desc(), Audit.id.desc())
        if supplier_id is not None:
            q = q.where(Audit.supplier_id == supplier_id)
        if status is not None:
            q = q.where(Audit.status == status)
        return [_audit_row(s, a) for a in s.scalars(q)]


def latest_audit_draft(db: Database, *, supplier_id: int | None = None) -> AuditRow | None:
    with db.begin() as s:
        q = select(Audit).where(Audit.status == "draft").order_by(Audit.updated_at.desc(), Audit.id.desc()).limit(1)
        if supplier_id is not None:
            q = q.where(Audit.supplier_id == supplier_id)
        a = s.scalar(q)
        return _audit_row(s, a) if a else None


@requires("audits.edit")
def delete_audit(db: Database, audit_id: int) -> None:
    with db.begin() as s:
        a = s.get(Audit, audit_id)
        if a is None:
            raise NotFoundError(f"audit {audit_id} does not exist")
        for car_id in s.scalars(select(CAR_EXTRA.c.id).where(CAR_EXTRA.c.audit_id == audit_id)).all():
            set_extra(s, car_id, audit_id=None, finding_id=None)
        s.delete(a)


def audit_report(db: Database, audit_id: int, *, as_of: date | None = None) -> AuditReport:
    with db.begin() as s:
        a = s.get(Audit, audit_id)
        if a is None:
            raise NotFoundError(f"audit {audit_id} does not exist")
        code, zh, en = supplier_names(s, a.supplier_id) if a.supplier_id is not None else ("", a.supplier_name, a.supplier_name)
        text, status, by, at = a.state_json, a.status, a.completed_by, a.completed_at
        cars = car_rows(s, as_of or date.today(), audit_id=audit_id)
        manifest = signatures.manifest_in(s, COMPLETE.action, audit_id) if status == "completed" else None
    flow = AuditFlow.from_json(text)
    return AuditReport(audit_id, status, code, zh or a.supplier_name, en or a.supplier_name, flow.template,
                       dict(flow.plan), {k: dict(v) for k, v in flow.state["items"].items()}, flow.findings(),
                       flow.result(), flow.thresholds, cars, dict(flow.state["actions"]), by, at, manifest)


# ---------------------------------------------------------------------------- discarding a draft
from app.models.admin.permissions import requires  # noqa: E402


@requires("audits.edit")
def discard_audit_draft(db: Database, audit_id: int, *, reason: str = "discarded by the user") -> None:
    """Delete an audit *draft* (the user starts a new one instead); a completed audit stays."""
    from app.models.admin import trail

    with db.begin() as s:
        a = s.get(Audit, audit_id)
        if a is None:
            raise NotFoundError(f"audit {audit_id} does not exist")
        if a.status != "draft":
            raise ValidationError("only a draft can be discarded; this audit was completed", "completed")
        trail.set_reason(s, reason)
        s.delete(a)
