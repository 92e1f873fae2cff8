"""Corrective action requests (SCAR, usually as an 8D): the list with its open and overdue
state, creating a request by hand, the 8D disciplines, answer → verify → close, cancel. Requests
raised by an audit's findings are created by ``audits.complete_audit``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy import func, select, update

from app.models.admin import signatures, trail
from app.models.admin.identity import actor_name
from app.models.admin.permissions import require, requires
from app.models.admin.signatures import Signable, SignatureRequest
from app.models.core.database import Database
from app.models.suppliers.errors import SupplierError, NotFoundError, ValidationError
from app.models.suppliers.master import supplier_names
from app.models.suppliers.tables import CAR_EXTRA, EIGHT_D, CorrectiveAction, Supplier

#: One definition of "open" for every screen, report and command: a request stays open until it
#: is closed or cancelled, whatever step it is at (the supplier answering, our verification of
#: effectiveness, the closure).
OPEN_CAR = ("open", "answered", "verified")
#: Days our side has for each step after the supplier's part is done; the supplier's own step
#: (answering with the 8D) is due on ``due_on``.
VERIFY_WITHIN_DAYS = 30  # answered → verified: effectiveness checked within 30 days of the answer
CLOSE_WITHIN_DAYS = 14   # verified → closed: the request closed within 14 days of the verification
#: one Core view of corrective_actions with the core and the 0004 columns, for reading
_CAR_VIEW = sa.table("corrective_actions",
                     *[sa.column(c.name, c.type) for c in CorrectiveAction.__table__.c],
                     *[sa.column(c.name, c.type) for c in CAR_EXTRA.c if c.name != "id"])



def set_extra(session, car_id: int, **values) -> None:
    """Write 0004's Core columns of one request and record the change on the audit trail (the
    ORM does not see them, so the trail would not either)."""
    cols = list(values)
    old = session.execute(select(*[CAR_EXTRA.c[k] for k in cols]).where(CAR_EXTRA.c.id == car_id)).one()
    changes = {}
    for key, before in zip(cols, old):
        a, b = trail.jsonable(before), trail.jsonable(values[key])
        if a != b:
            changes[key] = [a, b]
    session.execute(update(CAR_EXTRA).where(CAR_EXTRA.c.id == car_id).values(**values))
    if changes:
        trail.record(session, "update", "corrective_actions", car_id, changes)


def _signed_content(session, record_id: str, *, closing: bool) -> dict:
    """What a verification (the 8D, the verification note, who and when) or a closure (all of
    that plus the closed state) signature covers; a later edit of any of it shows as changed."""
    r = session.execute(select(_CAR_VIEW).where(_CAR_VIEW.c.id == int(record_id))).mappings().first()
    if r is None:
        return {}
    keys = ["number", "supplier_id", "title", "description", "issued_on", "due_on", "answered_on", "eight_d_json",
            "verification", "verified_by", "verified_on"]
    if closing:
        keys += ["status", "closed_on", "closed_by"]
    return {k: trail.jsonable(r[k]) for k in keys}


VERIFY = signatures.register(Signable(
    "corrective.verify", "corrective_actions", "验证纠正措施有效", "Verify a corrective action as effective",
    "verified", lambda s, rid: _signed_content(s, rid, closing=False)))
CLOSE = signatures.register(Signable(
    "corrective.close", "corrective_actions", "关闭纠正措施", "Close a corrective action",
    "approved", lambda s, rid: _signed_content(s, rid, closing=True)))


@dataclass(frozen=True)
class CarRow:
    id: int
    supplier_id: int
    supplier_code: str
    supplier_name_zh: str
    supplier_name_en: str
    number: str
    title: str
    description: str
    source: str
    issued_on: date
    due_on: date
    answered_on: date | None
    closed_on: date | None
    status: str
    owner: str
    audit_id: int | None
    method: str
    eight_d: dict[str, str]
    verification: str
    verified_by: str
    verified_on: date | None
    overdue: bool       # open and past the due date of its current step (``days_overdue``)
    days_overdue: int
    step_due: date | None = None  # when the current step is due (None: closed / cancelled)



def step_due(status: str, due_on: date, answered_on: date | None = None,
             verified_on: date | None = None) -> date | None:
    """When the current step of a request is due; None when it is closed or cancelled.

    open → the supplier's answer, due on ``due_on``; answered → our verification, due
    ``VERIFY_WITHIN_DAYS`` after the answer (never before ``due_on``); verified → the closure, due
    ``CLOSE_WITHIN_DAYS`` after the verification (never before ``due_on``).
    """
    if status == "open":
        return due_on
    if status == "answered":
        return max(due_on, (answered_on or due_on) + timedelta(days=VERIFY_WITHIN_DAYS))
    if status == "verified":
        return max(due_on, (verified_on or answered_on or due_on) + timedelta(days=CLOSE_WITHIN_DAYS))
    return None


def days_overdue(status: str, due_on: date, answered_on: date | None, verified_on: date | None, as_of: date) -> int:
    """Days the current step is late (0 = not overdue). *Overdue* = open and past the due date
    of its current step — the one rule behind every count of overdue requests."""
    due = step_due(status, due_on, answered_on, verified_on)
    return (as_of - due).days if due is not None and due < as_of else 0


@dataclass(frozen=True)
class CarCounts:
    open: int
    overdue: int


def _open_car_rows(session, supplier_id: int | None = None):
    ca = _CAR_VIEW
    q = select(ca.c.supplier_id, ca.c.status, ca.c.due_on, ca.c.answered_on, ca.c.verified_on) \
        .where(ca.c.status.in_(OPEN_CAR))
    if supplier_id is not None:
        q = q.where(ca.c.supplier_id == supplier_id)
    return session.execute(q).all()


def car_counts(session, as_of: date, *, supplier_id: int | None = None) -> dict[int, tuple[int, int]]:
    """(open, overdue) requests per supplier id (suppliers with none are absent)."""
    out: dict[int, list[int]] = {}
    for sid, status, due, answered, verified in _open_car_rows(session, supplier_id):
        c = out.setdefault(sid, [0, 0])
        c[0] += 1
        c[1] += days_overdue(status, due, answered, verified, as_of) > 0
    return {k: (v[0], v[1]) for k, v in out.items()}


def count_corrective_actions(session, as_of: date | None = None, *, supplier_id: int | None = None) -> CarCounts:
    """Open and overdue requests in total (overview, reports, CLI) — the same rule as the list."""
    counts = car_counts(session, as_of or date.today(), supplier_id=supplier_id)
    return CarCounts(sum(v[0] for v in counts.values()), sum(v[1] for v in counts.values()))


def corrective_action_counts(db: Database, *, supplier_id: int | None = None, as_of: date | None = None) -> CarCounts:
    with db.read() as s:
        return count_corrective_actions(s, as_of, supplier_id=supplier_id)


def next_car_number(session, issued: date) -> str:
    prefix = f"SCAR-{issued.year}-"
    n = session.scalar(select(func.count()).where(CorrectiveAction.number.like(prefix + "%"))) or 0
    while True:
        n += 1
        number = f"{prefix}{n:04d}"
        if session.scalar(select(CorrectiveAction.id).where(CorrectiveAction.number == number)) is None:
            return number



# ------------------------------------------------------------------------------ corrective actions
def car_rows(session, as_of: date, *, car_id: int | None = None, supplier_id: int | None = None,
              audit_id: int | None = None, open_only: bool = False, overdue_only: bool = False) -> list[CarRow]:
    ca = _CAR_VIEW
    sup = Supplier.__table__
    q = select(ca, sup.c.code, sup.c.name_zh, sup.c.name_en) \
        .select_from(ca.join(sup, sup.c.id == ca.c.supplier_id)) \
        .order_by(ca.c.due_on, ca.c.id)
    if car_id is not None:
        q = q.where(ca.c.id == car_id)
    if supplier_id is not None:
        q = q.where(ca.c.supplier_id == supplier_id)
    if audit_id is not None:
        q = q.where(ca.c.audit_id == audit_id)
    if open_only or overdue_only:
        q = q.where(ca.c.status.in_(OPEN_CAR))
    out = []
    for r in session.execute(q).mappings():
        late = days_overdue(r["status"], r["due_on"], r["answered_on"], r["verified_on"], as_of)
        if overdue_only and not late:
            continue
        out.append(CarRow(
            r["id"], r["supplier_id"], r["code"], r["name_zh"], r["name_en"], r["number"], r["title"], r["description"],
            r["source"], r["issued_on"], r["due_on"], r["answered_on"], r["closed_on"], r["status"], r["owner"],
            r["audit_id"], r["method"] or "8D", json.loads(r["eight_d_json"] or "{}"), r["verification"] or "",
            r["verified_by"] or "", r["verified_on"], late > 0, late,
            step_due(r["status"], r["due_on"], r["answered_on"], r["verified_on"])))
    return out


def list_corrective_actions(db: Database, *, supplier_id: int | None = None, open_only: bool = False,
                            as_of: date | None = None) -> list[CarRow]:
    with db.begin() as s:
        return car_rows(s, as_of or date.today(), supplier_id=supplier_id, open_only=open_only)


def overdue_corrective_actions(db: Database, *, supplier_id: int | None = None,
                               as_of: date | None = None) -> list[CarRow]:
    """Open requests whose current step is past due (see ``step_due``)."""
    with db.begin() as s:
        return car_rows(s, as_of or date.today(), supplier_id=supplier_id, overdue_only=True)


def get_corrective_action(db: Database, car_id: int) -> CarRow:
    with db.begin() as s:
        rows = car_rows(s, date.today(), car_id=car_id)
    if not rows:
        raise NotFoundError(f"corrective action {car_id} does not exist")
    return rows[0]


def raise_corrective_action(session, supplier_id: int, *, title: str, due_on: date, owner: str = "",
                            description: str = "", audit_id: int | None = None, issued_on: date | None = None,
                            source: str = "other", method: str = "8D") -> int:
    """Create a request inside the caller's transaction (an audit, an inspection lot or a
    customer complaint raises its SCAR in the same user action); returns its id. The caller's
    service has checked its own permission; ``owner`` defaults to the signed-in user."""
    issued = issued_on or date.today()
    if not title.strip():
        raise ValidationError("the corrective action needs a title", "title_required")
    if due_on < issued:
        raise ValidationError("the due date is before the issue date", "dates")
    supplier_names(session, supplier_id)
    car = CorrectiveAction(supplier_id=supplier_id, number=next_car_number(session, issued), title=title.strip()[:300],
                           description=description, source=source[:20], issued_on=issued, due_on=due_on,
                           status="open", owner=(owner or actor_name(session))[:120])
    session.add(car)
    session.flush()
    set_extra(session, car.id, audit_id=audit_id, method=method[:8])
    return car.id


@requires("corrective.create")
def create_corrective_action(db: Database, supplier_id: int, *, title: str, due_on: date, owner: str = "",
                             description: str = "", audit_id: int | None = None, issued_on: date | None = None,
                             source: str = "other", method: str = "8D") -> int:
    with db.begin() as s:
        return raise_corrective_action(s, supplier_id, title=title, due_on=due_on, owner=owner,
                                       description=description, audit_id=audit_id, issued_on=issued_on,
                                       source=source, method=method)


def _car(session, car_id: int) -> CorrectiveAction:
    car = session.get(CorrectiveAction, car_id)
    if car is None:
        raise NotFoundError(f"corrective action {car_id} does not exist")
    return car


@requires("corrective.edit")
def set_8d(db: Database, car_id: int, discipline: str, text: str) -> None:
    if discipline not in EIGHT_D:
        raise ValidationError(f"unknown 8D discipline '{discipline}' (D1–D8)", "bad_discipline")
    with db.begin() as s:
        car = _car(s, car_id)
        if car.status in ("closed", "cancelled"):
            raise SupplierError(f"{car.number} is {car.status}", "closed")
        current = s.scalar(select(CAR_EXTRA.c.eight_d_json).where(CAR_EXTRA.c.id == car_id)) or "{}"
        data = json.loads(current)
        data[discipline] = text
        set_extra(s, car_id, eight_d_json=json.dumps(data, ensure_ascii=False))


@requires("corrective.edit")
def answer_car(db: Database, car_id: int, *, on: date | None = None) -> None:
    with db.begin() as s:
        car = _car(s, car_id)
        if car.status != "open":
            raise SupplierError(f"{car.number} is {car.status}, not open", "bad_state")
        car.status, car.answered_on = "answered", on or date.today()


def verify_car(db: Database, car_id: int, *, note: str = "", on: date | None = None,
               signature: SignatureRequest | None = None) -> None:
    """Record that the supplier's actions were checked and found effective, as the signed-in
    user (``verified_by``), with an electronic signature where the administrator requires one."""
    require(db, "corrective.verify")
    signer = signatures.authenticate(db, VERIFY.action, signature)
    with db.begin() as s:
        car = _car(s, car_id)
        if car.status not in ("open", "answered"):
            raise SupplierError(f"{car.number} is {car.status}", "bad_state")
        day = on or date.today()
        if car.answered_on is None:
            car.answered_on = day
        car.status = "verified"
        set_extra(s, car_id, verified_by=actor_name(db)[:120], verified_on=day, verification=note)
        if signer is not None:
            signatures.sign(s, signer, car_id)


def close_car(db: Database, car_id: int, *, on: date | None = None, signature: SignatureRequest | None = None) -> None:
    """Close a verified request as the signed-in user (``closed_by``), signed where required."""
    require(db, "corrective.verify")
    signer = signatures.authenticate(db, CLOSE.action, signature)
    with db.begin() as s:
        car = _car(s, car_id)
        if car.status != "verified":
            raise SupplierError(f"{car.number} must be verified before it is closed", "not_verified")
        car.status, car.closed_on = "closed", on or date.today()
        set_extra(s, car_id, closed_by=actor_name(db)[:120])
        if signer is not None:
            signatures.sign(s, signer, car_id)


@requires("corrective.verify")
def cancel_car(db: Database, car_id: int, *, reason: str) -> None:
    """Cancel a request with a reason (kept on the request and on the audit trail)."""
    if not reason.strip():
        raise ValidationError("cancelling needs a reason", "reason_required")
    with db.begin() as s:
        trail.set_reason(s, reason)
        car = _car(s, car_id)
        if car.status in ("closed", "cancelled"):
            raise SupplierError(f"{car.number} is already {car.status}", "bad_state")
        car.status = "cancelled"
        set_extra(s, car_id, cancel_reason=f"{reason.strip()} ({actor_name(db)})")
