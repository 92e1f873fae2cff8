"""Complaint and service-request services: intake, the handling flow, the SLA clock, pauses while
waiting on the customer, reopening, attachments, costs, the list due-first, and the bridge to the
supplier SCAR. One transaction per call; results are dataclasses or DataFrames.

"Who" is always ``db.actor.name``. Times are naive UTC-free local times of the quality
department (what the user typed), like every date in the app.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import and_, func, or_, select, update

from app.engines import eight_d, sla
from app.flows import FlowError
from app.flows.complaint import ComplaintFlow
from app.models.admin import signatures, trail
from app.models.admin.permissions import require, requires
from app.models.admin.signatures import Signable, SignatureRequest
from app.models.complaints.errors import ComplaintError, NotFoundError, Problem, ValidationError
from app.models.complaints.tables import (
    CHANNELS,
    PRIORITIES,
    SEVERITIES,
    TYPES,
    Complaint,
    ComplaintAttachment,
    ComplaintEvent,
    ComplaintPause,
    ComplaintSlaTarget,
)
from app.models.core.database import Database, fetch_all
from app.models.core.settings import AppSetting
from app.models.core.validation import field_errors
from app.models.customers.tables import Customer, CustomerContact
from app.models.suppliers import corrective
from app.models.suppliers.tables import CAR_EXTRA, CorrectiveAction, Part, Supplier, SupplierPart

CALENDAR_KEY = "complaints.sla_calendar"
SCAR_DAYS = 30  # default due date of a SCAR raised from a complaint
OPEN_STATES = ("open", "waiting")
ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024


def _who(db_or_session) -> str:
    actor = db_or_session.actor if hasattr(db_or_session, "actor") else db_or_session.info.get("actor")
    return actor.name if actor is not None else ""


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


# ---------------------------------------------------------------------------- SLA settings
def calendar(db_or_session) -> sla.Calendar:
    """The working calendar of the SLA clock (default Mon–Fri 08:00–12:00, 13:00–17:00)."""
    if isinstance(db_or_session, Database):
        with db_or_session.read() as s:
            return calendar(s)
    row = db_or_session.get(AppSetting, CALENDAR_KEY)
    return sla.Calendar() if row is None else sla.Calendar.from_dict(json.loads(row.value))


@requires("complaints.settings")
def set_calendar(db: Database, cal: sla.Calendar) -> None:
    with db.begin() as s:
        row = s.get(AppSetting, CALENDAR_KEY)
        text = json.dumps(cal.to_dict(), ensure_ascii=False)
        if row is None:
            s.add(AppSetting(key=CALENDAR_KEY, value=text))
        else:
            row.value = text


def targets(session, cal: sla.Calendar) -> dict[tuple[str, str], dict[str, int]]:
    """Working minutes per (severity, type) and milestone: defaults, then ``*`` overrides, then per type."""
    base = sla.target_minutes({}, cal)
    out = {(sev, t): dict(base[sev]) for sev in SEVERITIES for t in TYPES}
    rows = session.execute(select(ComplaintSlaTarget)).scalars().all()
    for star in (True, False):
        for r in rows:
            if (r.complaint_type == "*") != star:
                continue
            kinds = TYPES if star else (r.complaint_type,)
            for t in kinds:
                if (r.severity, t) in out:
                    out[(r.severity, t)][r.milestone] = sla.parse_duration(r.duration, cal)
    return out


@requires("complaints.settings")
def set_target(db: Database, severity: str, complaint_type: str, milestone: str, duration: str) -> None:
    """Override one target (``complaint_type`` ``*`` for every type), e.g. ``("critical", "*", "closure", "20d")``."""
    if severity not in SEVERITIES or (complaint_type != "*" and complaint_type not in TYPES) \
            or milestone not in sla.MILESTONES:
        raise ValidationError(f"unknown target {severity}/{complaint_type}/{milestone}", "unknown")
    with db.begin() as s:
        try:
            sla.parse_duration(duration, calendar(s))
        except sla.CalendarError as exc:
            raise ValidationError(str(exc), "bad_duration") from exc
        row = s.get(ComplaintSlaTarget, (severity, complaint_type, milestone))
        if row is None:
            s.add(ComplaintSlaTarget(severity=severity, complaint_type=complaint_type, milestone=milestone,
                                     duration=duration.strip()))
        else:
            row.duration = duration.strip()


def target_texts(db: Database, complaint_type: str = "*") -> dict[str, dict[str, str]]:
    """The targets as typed for every type (``*``: defaults overlaid with the stored every-type
    overrides) or for one type (those, overlaid with the type's own overrides)."""
    out = {sev: dict(sla.DEFAULT_TARGETS[sev]) for sev in SEVERITIES}
    with db.read() as s:
        rows = s.execute(select(ComplaintSlaTarget)).scalars().all()
    for level in ("*", complaint_type):
        for r in rows:
            if r.complaint_type == level and (level == "*" or complaint_type != "*"):
                out[r.severity][r.milestone] = r.duration
    return out


@requires("complaints.settings")
def set_sla_settings(db: Database, cal: sla.Calendar, targets_by_type: dict[str, dict[str, dict[str, str]]]) -> None:
    """Calendar and targets (``{type or "*": {severity: {milestone: "4h"}}}``) in one action; every
    bad duration reported at once. A type's rows are stored only where they differ from ``*``."""
    problems = []
    for ctype, durations in targets_by_type.items():
        if ctype != "*" and ctype not in TYPES:
            problems.append(Problem(ctype, "unknown", f"{ctype}: unknown complaint type"))
            continue
        for sev, ms in durations.items():
            for milestone, text in ms.items():
                key = f"{ctype}.{sev}.{milestone}"
                if sev not in SEVERITIES or milestone not in sla.MILESTONES:
                    problems.append(Problem(key, "unknown", f"{sev} {milestone}: unknown target"))
                    continue
                try:
                    sla.parse_duration(text, cal)
                except sla.CalendarError as exc:
                    problems.append(Problem(key, "bad_duration", f"{ctype} {sev} {milestone}: {exc}"))
    if problems:
        raise ValidationError("; ".join(p.message for p in problems), "invalid", problems)
    with db.begin() as s:
        row = s.get(AppSetting, CALENDAR_KEY)
        text = json.dumps(cal.to_dict(), ensure_ascii=False)
        if row is None:
            s.add(AppSetting(key=CALENDAR_KEY, value=text))
        elif row.value != text:
            row.value = text
        every = {sev: dict(sla.DEFAULT_TARGETS[sev]) for sev in SEVERITIES}
        for r in s.execute(select(ComplaintSlaTarget).where(ComplaintSlaTarget.complaint_type == "*")).scalars():
            every[r.severity][r.milestone] = r.duration
        every_new = targets_by_type.get("*", {})
        for sev, ms in every_new.items():
            every[sev].update({m: d.strip() for m, d in ms.items()})
        for ctype in ["*", *(t for t in targets_by_type if t != "*")]:
            for sev, ms in targets_by_type.get(ctype, {}).items():
                for milestone, duration in ms.items():
                    duration = duration.strip()
                    row = s.get(ComplaintSlaTarget, (sev, ctype, milestone))
                    if ctype != "*" and duration == every[sev][milestone]:
                        if row is not None:  # back to the every-type value: no override needed
                            s.delete(row)
                        continue
                    if row is None:
                        s.add(ComplaintSlaTarget(severity=sev, complaint_type=ctype, milestone=milestone,
                                                 duration=duration))
                    elif row.duration != duration:
                        row.duration = duration


# ---------------------------------------------------------------------------- intake
@dataclass
class ComplaintInput:
    customer_id: int | None = None
    contact_id: int | None = None
    channel: str = "email"
    received_at: datetime | None = None
    complaint_type: str = "quality"
    part_id: int | None = None
    lot: str = ""
    delivery_note: str = ""
    qty_affected: int | None = None
    title: str = ""
    description: str = ""
    defect: str = ""
    severity: str = "major"
    priority: str = "normal"


def intake_problems(session, inp: ComplaintInput, now: datetime | None = None) -> list[Problem]:
    """Every problem of an intake at once (the dialog shows them all and keeps the input)."""
    now = now or _now()
    out: list[Problem] = []
    if inp.customer_id is None:
        out.append(Problem("customer_id", "required", "customer: required"))
    elif session.get(Customer, inp.customer_id) is None:
        out.append(Problem("customer_id", "not_found", f"customer: {inp.customer_id} does not exist"))
    if inp.contact_id is not None:
        contact = session.get(CustomerContact, inp.contact_id)
        if contact is None:
            out.append(Problem("contact_id", "not_found", f"contact: {inp.contact_id} does not exist"))
        elif inp.customer_id is not None and contact.customer_id != inp.customer_id:
            out.append(Problem("contact_id", "wrong_customer", "contact: not a contact of this customer"))
    for name, allowed in (("channel", CHANNELS), ("complaint_type", TYPES), ("severity", SEVERITIES),
                          ("priority", PRIORITIES)):
        if getattr(inp, name) not in allowed:
            out.append(Problem(name, "unknown", f"{name}: one of {', '.join(allowed)}"))
    if inp.received_at is None:
        out.append(Problem("received_at", "required", "received at: required"))
    elif inp.received_at > now + timedelta(minutes=5):
        out.append(Problem("received_at", "future", "received at: later than now"))
    if inp.part_id is not None and session.get(Part, inp.part_id) is None:
        out.append(Problem("part_id", "not_found", f"part: {inp.part_id} does not exist"))
    if inp.qty_affected is not None and inp.qty_affected < 0:
        out.append(Problem("qty_affected", "negative", "quantity affected: must not be negative"))
    if not inp.title.strip():
        out.append(Problem("title", "required", "title: required"))
    if not inp.description.strip():
        out.append(Problem("description", "required", "description: required"))
    seen = {p.field for p in out}
    values = {k: v for k, v in asdict(inp).items() if v is not None}
    for fe in field_errors(Complaint, values):
        if fe.field not in seen:
            out.append(Problem(fe.field, fe.kind, fe.message))
    return out


def _next_number(session, year: int) -> str:
    prefix = f"CC-{year}-"
    last = session.scalar(select(func.max(Complaint.number)).where(Complaint.number.like(prefix + "%")))
    n = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{n:05d}"


def _event(session, complaint_id: int, action: str, *, at: datetime, text: str = "", step: str = "") -> None:
    session.add(ComplaintEvent(complaint_id=complaint_id, at=at, by=_who(session), action=action, step=step,
                               text=text))


@requires("complaints.record")
def create_complaint(db: Database, inp: ComplaintInput, *, now: datetime | None = None) -> int:
    """Take in a complaint or service request; raises ValidationError with every problem at once."""
    with db.begin() as s:
        problems = intake_problems(s, inp, now)
        if problems:
            raise ValidationError("; ".join(p.message for p in problems), "invalid", problems)
        received = inp.received_at.replace(microsecond=0)
        flow = ComplaintFlow(inp.complaint_type, received)
        c = Complaint(number=_next_number(s, received.year), customer_id=inp.customer_id, contact_id=inp.contact_id,
                      channel=inp.channel, received_at=received, complaint_type=inp.complaint_type,
                      part_id=inp.part_id, lot=inp.lot.strip(), delivery_note=inp.delivery_note.strip(),
                      qty_affected=inp.qty_affected, title=inp.title.strip(), description=inp.description.strip(),
                      defect=inp.defect.strip(), severity=inp.severity, priority=inp.priority, state="open",
                      current_step=flow.current, flow_json=flow.to_json(), reopen_count=0, credit_amount=0.0,
                      returns_amount=0.0, sorting_amount=0.0, rating_comment="", created_by=_who(db))
        s.add(c)
        s.flush()
        _event(s, c.id, "intake", at=received, text=inp.title.strip())
        return c.id


def _complaint(session, complaint_id: int) -> Complaint:
    c = session.get(Complaint, complaint_id)
    if c is None:
        raise NotFoundError(f"complaint {complaint_id} does not exist")
    return c


def _flow(c: Complaint) -> ComplaintFlow:
    return ComplaintFlow.from_json(c.flow_json)


def _store_flow(c: Complaint, flow: ComplaintFlow) -> None:
    c.flow_json = flow.to_json()
    c.current_step = flow.current
    m = flow.milestone_times()
    c.first_response_at, c.containment_at, c.root_cause_at = m["first_response"], m["containment"], m["root_cause"]
    c.closed_at = m["closure"]
    rating = flow.rating
    c.rating, c.rating_comment = (rating if rating else (None, ""))


@requires("complaints.record")
def complete_step(db: Database, complaint_id: int, step: str, text: str, *, at: datetime | None = None,
                  rating: int | None = None) -> str:
    """Record the current step as done (who = the signed-in user); returns the next step."""
    with db.begin() as s:
        c = _complaint(s, complaint_id)
        if c.state == "waiting":
            raise ComplaintError(f"{c.number} is waiting on the customer; resume it first", "waiting")
        flow = _flow(c)
        when = at or _now()
        try:
            flow.complete(step, by=_who(db), at=when, text=text, rating=rating)
        except FlowError as exc:
            raise ComplaintError(f"{c.number}: {exc}", "flow") from exc
        _store_flow(c, flow)
        _event(s, c.id, "step", at=when.replace(microsecond=0), step=step,
               text=text.strip() + (f" ({rating}/5)" if rating is not None else ""))
        return flow.current


def _scar_containment_open(session, car_id: int | None) -> bool:
    if car_id is None:
        return False
    ca = corrective._CAR_VIEW  # one view of the core and the 0004 (8D) columns
    row = session.execute(select(ca.c.status, ca.c.eight_d_json).where(ca.c.id == car_id)).first()
    if row is None or row[0] in ("verified", "closed", "cancelled"):
        return False
    texts = json.loads(row[1] or "{}")
    return not str(texts.get(eight_d.CONTAINMENT) or "").strip()


def _close_content(session, record_id: str) -> dict:
    """What a closing signature covers: the complaint's identity, result and every step record."""
    c = session.get(Complaint, int(record_id))
    if c is None:
        return {}
    flow = ComplaintFlow.from_json(c.flow_json)
    return {"number": c.number, "customer_id": c.customer_id, "type": c.complaint_type, "severity": c.severity,
            "state": c.state, "rating": c.rating, "car_id": c.car_id, "records": flow.state["records"],
            "closed": flow.state["closed"]}


CLOSE_SIGNABLE = signatures.register(Signable("complaints.close", "complaints", "关闭顾客投诉", "Close a complaint",
                                              "approved", _close_content, default_required=False))


@requires("complaints.close")
def close_complaint(db: Database, complaint_id: int, *, text: str = "", at: datetime | None = None,
                    override_reason: str = "", signature: SignatureRequest | None = None) -> None:
    """Close after the customer's rating. Refused while the linked SCAR's containment (D3) is open,
    unless overridden with a reason (needs ``complaints.override``; the reason goes to the trail).
    Signed when the administrator requires a signature for ``complaints.close`` (or one is given)."""
    signer = signatures.authenticate(db, "complaints.close", signature)
    with db.begin() as s:
        c = _complaint(s, complaint_id)
        if _scar_containment_open(s, c.car_id):
            if not override_reason.strip():
                raise ComplaintError(f"{c.number}: the supplier's containment (D3) of its SCAR is still open",
                                     "scar_containment_open")
            require(db, "complaints.override")
            trail.set_reason(s, override_reason)
        if c.state == "waiting":
            raise ComplaintError(f"{c.number} is waiting on the customer; resume it first", "waiting")
        flow = _flow(c)
        when = at or _now()
        try:
            flow.close(by=_who(db), at=when, text=text)
        except FlowError as exc:
            raise ComplaintError(f"{c.number}: {exc}", "flow") from exc
        _store_flow(c, flow)
        c.state = "closed"
        note = text.strip()
        if override_reason.strip():
            note = (note + " " if note else "") + f"[override: {override_reason.strip()}]"
        _event(s, c.id, "close", at=when.replace(microsecond=0), text=note)
        if signer is not None:
            signatures.sign(s, signer, c.id)


@requires("complaints.close")
def reopen_complaint(db: Database, complaint_id: int, reason: str, *, back_to: str | None = None,
                     at: datetime | None = None) -> str:
    if not reason.strip():
        raise ComplaintError("reopening a complaint needs a reason", "reason_required")
    with db.begin() as s:
        trail.set_reason(s, reason)
        c = _complaint(s, complaint_id)
        flow = _flow(c)
        when = at or _now()
        closed_at = c.closed_at
        try:
            flow.reopen(by=_who(db), at=when, reason=reason, back_to=back_to)
        except FlowError as exc:
            raise ComplaintError(f"{c.number}: {exc}", "flow") from exc
        _store_flow(c, flow)
        c.state, c.reopen_count = "open", (c.reopen_count or 0) + 1
        if closed_at is not None and closed_at < when.replace(microsecond=0):
            # the time it stood closed does not count against its targets
            s.add(ComplaintPause(complaint_id=c.id, started_at=closed_at, ended_at=when.replace(microsecond=0),
                                 reason=f"closed until reopened: {reason.strip()}", started_by=_who(db)))
        _event(s, c.id, "reopen", at=when.replace(microsecond=0), step=flow.current, text=reason.strip())
        return flow.current


@requires("complaints.record")
def pause(db: Database, complaint_id: int, reason: str, *, at: datetime | None = None) -> None:
    """Waiting on the customer: the SLA clock stops until :func:`resume`."""
    if not reason.strip():
        raise ComplaintError("say what the customer is asked for", "reason_required")
    with db.begin() as s:
        c = _complaint(s, complaint_id)
        if c.state != "open":
            raise ComplaintError(f"{c.number} is {c.state}", "bad_state")
        when = (at or _now()).replace(microsecond=0)
        if when < c.received_at:
            raise ComplaintError("the pause cannot start before the complaint was received", "dates")
        s.add(ComplaintPause(complaint_id=c.id, started_at=when, reason=reason.strip(), started_by=_who(db)))
        c.state = "waiting"
        _event(s, c.id, "pause", at=when, text=reason.strip())


@requires("complaints.record")
def resume(db: Database, complaint_id: int, *, at: datetime | None = None, text: str = "") -> None:
    with db.begin() as s:
        c = _complaint(s, complaint_id)
        if c.state != "waiting":
            raise ComplaintError(f"{c.number} is not waiting on the customer", "bad_state")
        p = s.scalar(select(ComplaintPause).where(ComplaintPause.complaint_id == c.id,
                                                  ComplaintPause.ended_at.is_(None)))
        when = (at or _now()).replace(microsecond=0)
        if p is not None:
            if when < p.started_at:
                raise ComplaintError("the pause cannot end before it started", "dates")
            p.ended_at = when
        c.state = "open"
        _event(s, c.id, "resume", at=when, text=text.strip())


@requires("complaints.record")
def set_costs(db: Database, complaint_id: int, *, credit: float = 0.0, returns: float = 0.0,
              sorting: float = 0.0) -> None:
    """Cost of poor quality entered on the complaint: credit note, returns, sorting."""
    values = {"credit_amount": credit, "returns_amount": returns, "sorting_amount": sorting}
    problems = [Problem(k, "negative", f"{k}: must not be negative") for k, v in values.items()
                if v is None or v < 0]
    problems += [Problem(fe.field, fe.kind, fe.message) for fe in field_errors(Complaint, values)]
    if problems:
        raise ValidationError("; ".join(p.message for p in problems), "invalid", problems)
    with db.begin() as s:
        c = _complaint(s, complaint_id)
        c.credit_amount, c.returns_amount, c.sorting_amount = float(credit), float(returns), float(sorting)
        _event(s, c.id, "cost", at=_now(), text=f"credit {credit:.2f}, returns {returns:.2f}, sorting {sorting:.2f}")


# ---------------------------------------------------------------------------- attachments
def attachment_folder(db: Database) -> Path:
    """``<database file>.files/complaints`` beside the database file."""
    if db.path is None:
        raise ComplaintError("attachments are kept beside a database file; this database is a server",
                             "no_file_database")
    return db.path.with_name(db.path.name + ".files") / "complaints"


@requires("complaints.record")
def add_attachment(db: Database, complaint_id: int, source: str | Path) -> int:
    """Copy the file into the database's folder (not a link to a USB stick); store path and SHA-256."""
    src = Path(source)
    if not src.is_file():
        raise ComplaintError(f"{src.name}: no such file", "no_file")
    size = src.stat().st_size
    if size > ATTACHMENT_MAX_BYTES:
        raise ComplaintError(f"{src.name}: larger than {ATTACHMENT_MAX_BYTES // (1024 * 1024)} MB", "too_big")
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    folder = attachment_folder(db)
    safe = re.sub(r"[^\w.\-]+", "_", src.name)[-120:] or "file"
    with db.begin() as s:
        c = _complaint(s, complaint_id)
        target_dir = folder / str(c.id)
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / f"{digest[:12]}_{safe}"
        if not target.exists():
            shutil.copy2(src, target)
        rel = target.relative_to(folder.parent).as_posix()
        a = ComplaintAttachment(complaint_id=c.id, file_name=src.name[:255], rel_path=rel, sha256=digest, size=size,
                                added_at=_now(), added_by=_who(db))
        s.add(a)
        s.flush()
        _event(s, c.id, "attachment", at=_now(), text=src.name)
        return a.id


def attachment_path(db: Database, attachment_id: int) -> Path:
    with db.read() as s:
        a = s.get(ComplaintAttachment, attachment_id)
        if a is None:
            raise NotFoundError(f"attachment {attachment_id} does not exist")
        return attachment_folder(db).parent / a.rel_path


# ---------------------------------------------------------------------------- the SCAR bridge
def part_suppliers(db: Database, part_id: int) -> list[tuple[int, str, str, str]]:
    """The suppliers of a part: (id, code, name_zh, name_en), largest share first."""
    with db.read() as s:
        rows = s.execute(select(Supplier.id, Supplier.code, Supplier.name_zh, Supplier.name_en)
                         .join(SupplierPart, SupplierPart.supplier_id == Supplier.id)
                         .where(SupplierPart.part_id == part_id)
                         .order_by(SupplierPart.share.desc(), Supplier.code)).all()
    return [tuple(r) for r in rows]


def scar_description(c: Complaint, part: Part | None, d2: str, customer: Customer | None) -> str:
    lines = [f"Customer complaint {c.number}" + (f" ({customer.code})" if customer else ""),
             f"Part: {part.code} {part.name_zh or part.name_en}" if part else "Part: —",
             f"Lot: {c.lot or '—'}; delivery note: {c.delivery_note or '—'}",
             f"Defect: {c.defect or c.title}",
             f"Quantity affected: {c.qty_affected if c.qty_affected is not None else '—'}",
             f"D2 problem description: {d2 or c.description}"]
    return "\n".join(lines)


@requires("complaints.record")
def raise_scar(db: Database, complaint_id: int, *, supplier_id: int | None = None, due_on: date | None = None,
               title: str = "", issued_on: date | None = None) -> int:
    """Trace the complaint to a supplier and raise a SCAR on it, pre-filled from the complaint, in
    the same transaction; links both ways (the SCAR's source is ``complaint``, the complaint keeps
    ``car_id``). The supplier defaults to the one the complaint was traced to, else the part's
    main supplier."""
    require(db, "corrective.create")
    with db.begin() as s:
        c = _complaint(s, complaint_id)
        if c.car_id is not None:
            raise ComplaintError(f"{c.number} already has a SCAR", "has_scar")
        if c.state == "closed":
            raise ComplaintError(f"{c.number} is closed", "bad_state")
        part = s.get(Part, c.part_id) if c.part_id else None
        if supplier_id is None:
            supplier_id = c.supplier_id
        if supplier_id is None:
            if part is None:
                raise ComplaintError(f"{c.number} names no part; choose the supplier", "supplier_required")
            supplier_id = s.scalar(select(SupplierPart.supplier_id).where(SupplierPart.part_id == part.id)
                                   .order_by(SupplierPart.share.desc()).limit(1))
            if supplier_id is None:
                raise ComplaintError(f"part {part.code} has no supplier; choose one", "supplier_required")
        if s.get(Supplier, supplier_id) is None:
            raise NotFoundError(f"supplier {supplier_id} does not exist")
        flow = _flow(c)
        d2 = (flow.record("D2") or {}).get("text", "") if flow.path == "8d" else \
            (flow.record("identify") or {}).get("text", "")
        issued = issued_on or date.today()
        car_id = corrective.raise_corrective_action(
            s, supplier_id, title=title.strip() or f"{c.number}: {c.defect or c.title}"[:300],
            due_on=due_on or issued + timedelta(days=SCAR_DAYS), issued_on=issued,
            description=scar_description(c, part, d2, s.get(Customer, c.customer_id)), source="complaint")
        # the SCAR's D2 starts from the complaint's problem description
        s.execute(update(CAR_EXTRA).where(CAR_EXTRA.c.id == car_id)
                  .values(eight_d_json=json.dumps({"D2": d2 or c.description}, ensure_ascii=False)))
        c.car_id, c.supplier_id = car_id, supplier_id
        number = s.scalar(select(CorrectiveAction.number).where(CorrectiveAction.id == car_id))
        _event(s, c.id, "scar", at=_now(), text=number)
        return car_id


@requires("complaints.record")
def trace_to_supplier(db: Database, complaint_id: int, supplier_id: int | None) -> None:
    """Name the supplier the cause lies with (without a SCAR), or clear it (None)."""
    with db.begin() as s:
        c = _complaint(s, complaint_id)
        if supplier_id is not None and s.get(Supplier, supplier_id) is None:
            raise NotFoundError(f"supplier {supplier_id} does not exist")
        if c.car_id is not None and supplier_id != c.supplier_id:
            raise ComplaintError(f"{c.number} has a SCAR on its supplier", "has_scar")
        c.supplier_id = supplier_id
        _event(s, c.id, "trace", at=_now(), text=str(supplier_id or ""))


# ---------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class ScarStatus:
    id: int
    number: str
    status: str
    due_on: date
    supplier_code: str
    supplier_name: str
    disciplines_done: int
    containment_open: bool


@dataclass(frozen=True)
class ComplaintDetail:
    id: int
    number: str
    customer_id: int
    customer_code: str
    customer_name_zh: str
    customer_name_en: str
    contact_id: int | None
    contact_name: str
    contact_language: str
    channel: str
    received_at: datetime
    complaint_type: str
    part_id: int | None
    part_code: str
    part_name: str
    lot: str
    delivery_note: str
    qty_affected: int | None
    title: str
    description: str
    defect: str
    severity: str
    priority: str
    state: str
    current_step: str
    flow: dict[str, Any]
    reopen_count: int
    credit_amount: float
    returns_amount: float
    sorting_amount: float
    rating: int | None
    rating_comment: str
    supplier_id: int | None
    supplier_code: str
    scar: ScarStatus | None
    sla_milestone: str
    sla_left: int | None  # working minutes (negative = overdue); None when closed
    sla_due_at: datetime | None
    sla_paused: bool
    containment_late: bool
    events: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    pauses: list[dict[str, Any]] = field(default_factory=list)
    part_name_en: str = ""

    @property
    def cost_total(self) -> float:
        return self.credit_amount + self.returns_amount + self.sorting_amount


def scar_status(session, car_id: int | None) -> ScarStatus | None:
    if car_id is None:
        return None
    rows = corrective.car_rows(session, date.today(), car_id=car_id)
    if not rows:
        return None
    r = rows[0]
    done = sum(1 for d in eight_d.EIGHT_D if str(r.eight_d.get(d) or "").strip())
    return ScarStatus(r.id, r.number, r.status, r.due_on, r.supplier_code, r.supplier_name_zh or r.supplier_name_en,
                      done, _scar_containment_open(session, car_id))


def get_complaint(db: Database, complaint_id: int, *, now: datetime | None = None) -> ComplaintDetail:
    now = now or _now()
    with db.read() as s:
        c = _complaint(s, complaint_id)
        cust = s.get(Customer, c.customer_id)
        contact = s.get(CustomerContact, c.contact_id) if c.contact_id else None
        part = s.get(Part, c.part_id) if c.part_id else None
        sup = s.get(Supplier, c.supplier_id) if c.supplier_id else None
        flow = _flow(c)
        events = [{"at": e.at, "by": e.by, "action": e.action, "step": e.step, "text": e.text}
                  for e in s.scalars(select(ComplaintEvent).where(ComplaintEvent.complaint_id == c.id)
                                     .order_by(ComplaintEvent.id))]
        atts = [{"id": a.id, "file_name": a.file_name, "rel_path": a.rel_path, "sha256": a.sha256, "size": a.size,
                 "added_at": a.added_at, "added_by": a.added_by}
                for a in s.scalars(select(ComplaintAttachment).where(ComplaintAttachment.complaint_id == c.id)
                                   .order_by(ComplaintAttachment.id))]
        pauses = [{"started_at": p.started_at, "ended_at": p.ended_at, "reason": p.reason, "by": p.started_by}
                  for p in s.scalars(select(ComplaintPause).where(ComplaintPause.complaint_id == c.id)
                                     .order_by(ComplaintPause.started_at))]
        frame = _sla_frame(s, now, ids=[c.id]) if c.state != "closed" else None
        scar = scar_status(s, c.car_id)
    if frame is not None and len(frame):
        r = frame.iloc[0]
        milestone, left, due, paused = r["milestone"], int(r["left"]), r["due_at"].to_pydatetime(), bool(r["paused"])
    else:
        milestone, left, due, paused = "closure", None, None, False
    return ComplaintDetail(
        c.id, c.number, c.customer_id, cust.code if cust else "", cust.name_zh if cust else "",
        cust.name_en if cust else "", c.contact_id, contact.name if contact else "",
        contact.preferred_language if contact else "zh_CN", c.channel, c.received_at, c.complaint_type, c.part_id,
        part.code if part else "", (part.name_zh or part.name_en) if part else "", c.lot, c.delivery_note,
        c.qty_affected, c.title, c.description, c.defect, c.severity, c.priority, c.state, c.current_step,
        flow.state, c.reopen_count or 0, c.credit_amount or 0.0, c.returns_amount or 0.0, c.sorting_amount or 0.0,
        c.rating, c.rating_comment or "", c.supplier_id, sup.code if sup else "", scar, milestone, left, due, paused,
        flow.containment_late(now) if c.state != "closed" else False, events, atts, pauses,
        part.name_en if part else "")


# ---------------------------------------------------------------------------- SLA of many
_SEV = {s: i for i, s in enumerate(SEVERITIES)}
_TYP = {t: i for i, t in enumerate(TYPES)}


def _target_table(session, cal: sla.Calendar) -> np.ndarray:
    """targets[severity, type, milestone] in working minutes."""
    tg = targets(session, cal)
    out = np.zeros((len(SEVERITIES), len(TYPES), len(sla.MILESTONES)), dtype=np.int64)
    for (sev, t), ms in tg.items():
        for k, m in enumerate(sla.MILESTONES):
            out[_SEV[sev], _TYP[t], k] = ms[m]
    return out


def _sla_frame(session, now: datetime, *, ids: list[int] | None = None) -> pd.DataFrame:
    """SLA state of every open (or waiting) complaint: one query (complaints LEFT JOIN pauses),
    then one vectorised pass. Columns: id, milestone, target, used, left, due_at, overdue, paused."""
    cal = calendar(session)
    table = _target_table(session, cal)
    c, p = Complaint.__table__, ComplaintPause.__table__
    stmt = (select(c.c.id, c.c.severity, c.c.complaint_type, c.c.received_at, c.c.first_response_at,
                   c.c.containment_at, c.c.root_cause_at, p.c.started_at, p.c.ended_at)
            .select_from(c.outerjoin(p, p.c.complaint_id == c.c.id))
            .where(_is_open(c)))
    if ids is not None:
        rows = [tuple(r) for r in session.execute(stmt.where(c.c.id.in_(ids))).all()]
    else:
        rows = fetch_all(session, stmt, {})
    if not rows:
        return _empty_sla()
    col = list(zip(*rows))
    all_ids = np.array(col[0], dtype=np.int64)
    uniq, first, inverse = np.unique(all_ids, return_index=True, return_inverse=True)
    ps = np.array(col[7], dtype="datetime64[m]")
    has_pause = ~np.isnat(ps)
    return _sla_compute(cal, table, now, uniq, [col[1][i] for i in first], [col[2][i] for i in first],
                        *(np.array(col[i], dtype="datetime64[m]")[first] for i in (3, 4, 5, 6)),
                        inverse[has_pause], ps[has_pause], np.array(col[8], dtype="datetime64[m]")[has_pause])


SLA_COLUMNS = ["id", "milestone", "target", "used", "left", "due_at", "overdue", "paused"]


def _empty_sla() -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(dtype=object) for k in SLA_COLUMNS})


def _sla_compute(cal, table, now, ids, severities, types, rec, fr, cont, rc, pause_owner, ps, pe) -> pd.DataFrame:
    """The vectorised pass: the milestone now running (the first not yet reached), its target,
    and the working time used and left (pauses excluded)."""
    k = np.where(np.isnat(fr), 0, np.where(np.isnat(cont), 1, np.where(np.isnat(rc), 2, 3)))
    sev = np.array([_SEV[x] for x in severities], dtype=np.int64)
    typ = np.array([_TYP[x] for x in types], dtype=np.int64)
    tgt = table[sev, typ, k]
    st = sla.sla_state(cal, rec, now, tgt, pause_owner=pause_owner, pause_start=ps, pause_end=pe)
    return pd.DataFrame({"id": ids, "milestone": np.array(sla.MILESTONES, dtype=object)[k], "target": tgt,
                         "used": st.used, "left": st.left, "due_at": st.due_at.astype("datetime64[ns]"),
                         "overdue": st.overdue, "paused": st.paused})


def _is_open(c):
    """state open or waiting, spelled so SQLite uses the state index (and fetch_all needs no IN list)."""
    return or_(c.c.state == "open", c.c.state == "waiting")


def sla_states(db: Database, *, now: datetime | None = None) -> pd.DataFrame:
    """SLA state of every open complaint (see :func:`_sla_frame`), most urgent first."""
    with db.read() as s:
        frame = _sla_frame(s, now or _now())
    return frame.sort_values(["due_at", "id"]).reset_index(drop=True)


@dataclass
class ComplaintFilter:
    customer_id: int | None = None
    complaint_type: str | None = None
    severity: str | None = None
    state: str | None = None  # open | waiting | closed | active (open or waiting)
    overdue_only: bool = False
    part_id: int | None = None
    supplier_id: int | None = None
    part_code: str = ""  # exact code (the list's filter boxes)
    supplier_code: str = ""
    received_from: date | None = None
    received_to: date | None = None  # inclusive
    text: str = ""
    limit: int | None = None


LIST_COLUMNS = ["id", "number", "received_at", "customer_id", "customer_code", "customer_name_zh", "customer_name_en",
                "complaint_type", "severity", "priority", "state", "current_step", "title", "defect", "part_code",
                "supplier_code", "car_id", "car_number", "qty_affected", "cost_total", "rating", "reopen_count", "closed_at",
                "milestone", "target", "left", "due_at", "overdue", "paused"]


def _list_stmt(f: ComplaintFilter):
    c, cu, pa, su = Complaint.__table__, Customer.__table__, Part.__table__, Supplier.__table__
    ca = CorrectiveAction.__table__
    stmt = (select(c.c.id, c.c.number, c.c.received_at, c.c.customer_id, cu.c.code, cu.c.name_zh, cu.c.name_en,
                   c.c.complaint_type, c.c.severity, c.c.priority, c.c.state, c.c.current_step, c.c.title,
                   c.c.defect, pa.c.code, su.c.code, c.c.car_id, ca.c.number, c.c.qty_affected,
                   (c.c.credit_amount + c.c.returns_amount + c.c.sorting_amount), c.c.rating, c.c.reopen_count,
                   c.c.closed_at,
                   # for the SLA pass of the open rows (not part of the list's columns)
                   c.c.first_response_at, c.c.containment_at, c.c.root_cause_at)
            # LEFT JOIN customers (every complaint has one): SQLite then drives from complaints and
            # its indexes instead of scanning the customers first
            .select_from(c.outerjoin(cu, cu.c.id == c.c.customer_id).outerjoin(pa, pa.c.id == c.c.part_id)
                         .outerjoin(su, su.c.id == c.c.supplier_id).outerjoin(ca, ca.c.id == c.c.car_id)))
    conds = []
    if f.customer_id is not None:
        conds.append(c.c.customer_id == f.customer_id)
    if f.complaint_type:
        conds.append(c.c.complaint_type == f.complaint_type)
    if f.severity:
        conds.append(c.c.severity == f.severity)
    if f.state == "active" or f.overdue_only:
        conds.append(_is_open(c))
    elif f.state:
        conds.append(c.c.state == f.state)
    if f.part_id is not None:
        conds.append(c.c.part_id == f.part_id)
    if f.supplier_id is not None:
        conds.append(c.c.supplier_id == f.supplier_id)
    if f.part_code.strip():
        conds.append(pa.c.code == f.part_code.strip())
    if f.supplier_code.strip():
        conds.append(su.c.code == f.supplier_code.strip())
    if f.received_from is not None:
        conds.append(c.c.received_at >= datetime.combine(f.received_from, datetime.min.time()))
    if f.received_to is not None:
        conds.append(c.c.received_at < datetime.combine(f.received_to + timedelta(days=1), datetime.min.time()))
    if f.text.strip():
        like = f"%{f.text.strip()}%"
        conds.append(or_(c.c.number.like(like), c.c.title.like(like), c.c.defect.like(like), cu.c.code.like(like),
                         cu.c.name_zh.like(like), cu.c.name_en.like(like), c.c.lot.like(like)))
    if conds:
        stmt = stmt.where(and_(*conds))
    return stmt


def list_complaints(db: Database, flt: ComplaintFilter | None = None, *, now: datetime | None = None) -> pd.DataFrame:
    """The complaints list: open ones by what is due first (overdue on top), then closed ones,
    newest first. SLA columns (``left`` in working minutes, ``due_at``) are empty for closed ones."""
    f = flt or ComplaintFilter()
    now = now or _now()
    c = Complaint.__table__
    want_open = f.state in (None, "active", "open", "waiting") or f.overdue_only
    want_closed = f.state in (None, "closed") and not f.overdue_only
    with db.read() as s:
        rows: list[tuple] = []
        if want_open:  # every open one: the order is by the SLA deadline, known only after the pass
            stmt = _list_stmt(f)
            rows += fetch_all(s, stmt.where(_is_open(c)) if f.state in (None, "active") else stmt, {})
        n_open = len(rows)
        if want_closed:  # closed ones newest first, limited in SQL
            stmt = _list_stmt(f)
            stmt = (stmt.where(c.c.state == "closed") if f.state is None else stmt) \
                .order_by(c.c.received_at.desc(), c.c.id.desc())
            if f.limit is not None:
                stmt = stmt.limit(max(f.limit - n_open, 0) if not f.overdue_only else f.limit)
            rows += fetch_all(s, stmt, {})
        if n_open:  # the SLA pass over the open rows themselves, with their pauses
            cal = calendar(s)
            table = _target_table(s, cal)
            p = ComplaintPause.__table__
            pauses = fetch_all(s, select(p.c.complaint_id, p.c.started_at, p.c.ended_at)
                               .select_from(p.join(c, c.c.id == p.c.complaint_id)).where(_is_open(c)), {})
            col = list(zip(*rows[:n_open]))
            ids = np.array(col[0], dtype=np.int64)
            order = np.argsort(ids)
            owners = np.array([r[0] for r in pauses], dtype=np.int64)
            pos = np.searchsorted(ids[order], owners)
            known = (pos < len(ids)) & (ids[order][np.minimum(pos, len(ids) - 1)] == owners)
            frame = _sla_compute(
                cal, table, now, ids, col[8], col[7], np.array(col[2], dtype="datetime64[m]"),
                *(np.array(col[i], dtype="datetime64[m]") for i in (23, 24, 25)),
                order[np.minimum(pos, len(ids) - 1)][known],
                np.array([r[1] for r in pauses], dtype="datetime64[m]")[known],
                np.array([r[2] for r in pauses], dtype="datetime64[m]")[known])
        else:
            frame = None
        base = pd.DataFrame([r[:23] for r in rows], columns=LIST_COLUMNS[:23])
    base["received_at"] = pd.to_datetime(base["received_at"], format="ISO8601")
    base["closed_at"] = pd.to_datetime(base["closed_at"], format="ISO8601")
    if frame is not None and len(frame):
        base = base.merge(frame[["id", "milestone", "target", "left", "due_at", "overdue", "paused"]], on="id",
                          how="left")
    else:
        for col, dtype in (("milestone", object), ("target", float), ("left", float), ("due_at", "datetime64[ns]"),
                           ("overdue", object), ("paused", object)):
            base[col] = pd.Series(dtype=dtype, index=base.index)
    base["overdue"] = base["overdue"].fillna(False).astype(bool)
    base["paused"] = base["paused"].fillna(False).astype(bool)
    if f.overdue_only:
        base = base[base["overdue"]]
    is_open = base["state"].isin(OPEN_STATES)
    opened = base[is_open].sort_values(["due_at", "id"], na_position="last")
    closed = base[~is_open].sort_values(["received_at", "id"], ascending=[False, False])
    out = pd.concat([opened, closed], ignore_index=True) if len(closed) else opened.reset_index(drop=True)
    if f.limit is not None:
        out = out.head(f.limit)
    return out[LIST_COLUMNS].reset_index(drop=True)


def register_frame(db: Database, received_from: date | None = None, received_to: date | None = None) -> pd.DataFrame:
    """The complaint register: every complaint of the period with its state, SLA and costs."""
    df = list_complaints(db, ComplaintFilter(received_from=received_from, received_to=received_to))
    return df.sort_values(["received_at", "id"]).reset_index(drop=True)


def supplier_complaint_counts(db_or_session, period_start: date, period_end: date) -> dict[int, int]:
    """Customer complaints traced to each supplier, received in [start, end] (for the evaluation)."""
    if isinstance(db_or_session, Database):
        with db_or_session.read() as s:
            return supplier_complaint_counts(s, period_start, period_end)
    c = Complaint.__table__
    rows = db_or_session.execute(
        select(c.c.supplier_id, func.count()).where(
            c.c.supplier_id.is_not(None),
            c.c.received_at >= datetime.combine(period_start, datetime.min.time()),
            c.c.received_at < datetime.combine(period_end + timedelta(days=1), datetime.min.time()))
        .group_by(c.c.supplier_id)).all()
    return {int(r[0]): int(r[1]) for r in rows}


def customer_contacts(db: Database, customer_id: int) -> list[tuple[int, str, str]]:
    """(id, name, preferred language) of the customer's active contacts, for the intake dialog."""
    with db.read() as s:
        rows = s.execute(select(CustomerContact.id, CustomerContact.name, CustomerContact.preferred_language)
                         .where(CustomerContact.customer_id == customer_id, CustomerContact.active.is_(True))
                         .order_by(CustomerContact.name)).all()
    return [tuple(r) for r in rows]


def customer_choices(db: Database) -> list[tuple[int, str, str, str]]:
    with db.read() as s:
        rows = s.execute(select(Customer.id, Customer.code, Customer.name_zh, Customer.name_en)
                         .order_by(Customer.code)).all()
    return [tuple(r) for r in rows]


def part_choices(db: Database, customer_id: int | None = None) -> list[tuple[int, str, str]]:
    """Parts (id, code, name): those supplied to the customer when it has any, else all parts."""
    from app.models.customers.tables import CustomerPart

    with db.read() as s:
        q = select(Part.id, Part.code, func.coalesce(func.nullif(Part.name_zh, ""), Part.name_en)).order_by(Part.code)
        if customer_id is not None:
            linked = s.execute(q.join(CustomerPart, CustomerPart.part_id == Part.id)
                               .where(CustomerPart.customer_id == customer_id)).all()
            if linked:
                return [tuple(r) for r in linked]
        return [tuple(r) for r in s.execute(q).all()]


# ---------------------------------------------------------------------------- periods
def period_range(text: str | None) -> tuple[date | None, date | None]:
    """``2026-03`` / ``2026-Q1`` / ``2026`` / ``2025-01..2026-06`` → first and last day (inclusive);
    (None, None) for no text. Raises ValidationError (code ``bad_period``)."""
    from app.engines.indicators import Period

    if not text or not str(text).strip():
        return None, None
    first, sep, last = str(text).strip().partition("..")
    try:
        a = Period.parse(first)
        b = Period.parse(last) if sep else a
    except ValueError as exc:
        raise ValidationError(f"bad period '{text}': use YYYY-MM, YYYY-Qn, YYYY or FROM..TO", "bad_period") from exc
    if b.end <= a.start:
        raise ValidationError(f"bad period '{text}': the end is before the start", "bad_period")
    return a.start, b.end - timedelta(days=1)


# ---------------------------------------------------------------------------- monthly report
@dataclass(frozen=True)
class ComplaintReport:
    """What the monthly complaint report shows: the period's figures and a 12-month trend."""

    start: date
    end: date  # inclusive
    months: list[str]  # YYYY-MM of the trend, oldest first (the last is the period's last month)
    per_month_type: pd.DataFrame  # index months, columns complaint types: complaints received
    sla_by_month: pd.DataFrame  # index months: closed, within_target, share (NaN when none closed)
    cost_by_month: pd.Series  # cost of poor quality of the complaints received each month
    pareto_defects: pd.Series  # quality complaints of the period by defect, largest first
    pareto_parts: pd.Series  # complaints of the period by part code, largest first
    top_customers: pd.DataFrame  # code, name_zh, name_en, complaints, cost
    summary: dict[str, Any]


def _month_label(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def monthly_report(db: Database, start: date, end: date, *, now: datetime | None = None) -> ComplaintReport:
    """Figures of the complaints received in [start, end] and the 12 months up to ``end``; SLA
    performance = share of the complaints closed in a month that closed within their closure
    target (working time, pauses excluded)."""
    now = now or _now()
    months = []
    y, m = end.year, end.month
    for _ in range(12):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    months = months[::-1]
    window_start = date(int(months[0][:4]), int(months[0][5:]), 1)
    lo = datetime.combine(min(window_start, start), datetime.min.time())
    hi = datetime.combine(end + timedelta(days=1), datetime.min.time())
    c, cu, pa = Complaint.__table__, Customer.__table__, Part.__table__
    p = ComplaintPause.__table__
    p_lo = datetime.combine(start, datetime.min.time())
    cost = c.c.credit_amount + c.c.returns_amount + c.c.sorting_amount
    with db.read() as s:
        cal = calendar(s)
        table = _target_table(s, cal)
        # three narrow queries: the trend (no joins), the closed ones (for SLA), the period's detail
        trend = fetch_all(s, select(c.c.received_at, c.c.complaint_type, cost)
                          .where(c.c.received_at >= lo, c.c.received_at < hi), {})
        closed_rows = fetch_all(s, select(c.c.id, c.c.received_at, c.c.closed_at, c.c.severity, c.c.complaint_type)
                                .where(c.c.closed_at >= lo, c.c.closed_at < hi), {})
        pause_rows = fetch_all(s, select(p.c.complaint_id, p.c.started_at, p.c.ended_at)
                               .select_from(p.join(c, c.c.id == p.c.complaint_id))
                               .where(c.c.closed_at >= lo, c.c.closed_at < hi), {})
        rows = fetch_all(s, select(c.c.id, c.c.complaint_type, c.c.severity, c.c.defect, pa.c.code, cu.c.code,
                                   cu.c.name_zh, cu.c.name_en, cost, c.c.rating, c.c.supplier_id, c.c.car_id)
                         .select_from(c.outerjoin(cu, cu.c.id == c.c.customer_id)
                                      .outerjoin(pa, pa.c.id == c.c.part_id))
                         .where(c.c.received_at >= p_lo, c.c.received_at < hi), {})
        open_frame = _sla_frame(s, now)

    def month_labels(values) -> np.ndarray:
        arr = np.array(values, dtype="datetime64[m]")
        return np.where(np.isnat(arr), "", np.datetime_as_string(arr.astype("datetime64[M]")))

    tr = pd.DataFrame({"month": month_labels([r[0] for r in trend]), "type": [r[1] for r in trend],
                       "cost": np.array([r[2] or 0.0 for r in trend], dtype=float)})
    per_month_type = (tr.groupby(["month", "type"]).size().unstack(fill_value=0)
                      .reindex(index=months, columns=list(TYPES), fill_value=0))
    cost_by_month = tr.groupby("month")["cost"].sum().reindex(months, fill_value=0.0)
    # SLA performance of the complaints closed in each month (closure target, pauses excluded)
    if closed_rows:
        col = list(zip(*closed_rows))
        ids = np.array(col[0], dtype=np.int64)
        rec = np.array(col[1], dtype="datetime64[m]")
        clo = np.array(col[2], dtype="datetime64[m]")
        sev = np.array([_SEV[x] for x in col[3]], dtype=np.int64)
        typ = np.array([_TYP[x] for x in col[4]], dtype=np.int64)
        order = np.argsort(ids)
        owners = np.array([r[0] for r in pause_rows], dtype=np.int64)
        pos = np.searchsorted(ids[order], owners)
        owner_idx = order[np.minimum(pos, len(ids) - 1)] if len(owners) else np.array([], dtype=np.int64)
        st = sla.sla_state(cal, rec, clo.max().astype(datetime), table[sev, typ, 3], pause_owner=owner_idx,
                           pause_start=np.array([r[1] for r in pause_rows], dtype="datetime64[m]"),
                           pause_end=np.array([r[2] for r in pause_rows], dtype="datetime64[m]"), stopped_at=clo)
        closed = pd.DataFrame({"closed_month": month_labels(clo), "closed_at": clo.astype("datetime64[ns]"),
                               "within": ~st.overdue})
    else:
        closed = pd.DataFrame({"closed_month": pd.Series(dtype=object), "closed_at": pd.Series(dtype="datetime64[ns]"),
                               "within": pd.Series(dtype=bool)})
    g = closed[closed["closed_month"].isin(months)].groupby("closed_month")
    sla_by_month = pd.DataFrame({"closed": g.size(), "within_target": g["within"].sum()}).reindex(months,
                                                                                                fill_value=0)
    sla_by_month["share"] = np.where(sla_by_month["closed"] > 0,
                                     sla_by_month["within_target"] / sla_by_month["closed"].where(
                                         sla_by_month["closed"] > 0, 1), np.nan)
    period = pd.DataFrame(rows, columns=["id", "type", "severity", "defect", "part", "code", "name_zh", "name_en",
                                         "cost", "rating", "supplier_id", "car_id"])
    quality = period[period["type"] == "quality"]
    pareto_defects = quality["defect"].replace("", "—").value_counts()
    pareto_parts = period["part"].dropna().value_counts()
    top = (period.groupby(["code", "name_zh", "name_en"]).agg(complaints=("id", "size"), cost=("cost", "sum"))
           .reset_index().sort_values(["complaints", "cost"], ascending=False).head(10).reset_index(drop=True))
    closed_in_period = closed[(closed["closed_at"] >= pd.Timestamp(start)) & (closed["closed_at"] < pd.Timestamp(hi))]
    ratings = pd.to_numeric(period["rating"], errors="coerce").dropna()
    summary = {
        "received": int(len(period)),
        "quality": int(len(quality)),
        "closed": int(len(closed_in_period)),
        "closed_within_target": int(closed_in_period["within"].sum()) if len(closed_in_period) else 0,
        "open_now": int(len(open_frame)),
        "overdue_now": int(open_frame["overdue"].sum()) if len(open_frame) else 0,
        "traced_to_suppliers": int(period["supplier_id"].notna().sum()),
        "scars": int(period["car_id"].notna().sum()),
        "average_rating": float(ratings.mean()) if len(ratings) else None,
        "cost": float(pd.to_numeric(period["cost"]).sum()) if len(period) else 0.0,
        "by_severity": {k: int(v) for k, v in period["severity"].value_counts().items()},
    }
    return ComplaintReport(start, end, months, per_month_type, sla_by_month, cost_by_month, pareto_defects,
                           pareto_parts, top, summary)
