"""Activities (跟进活动): calls, visits, mails and meetings logged against a customer, a contact,
an opportunity or a complaint, with a due date and a reminder date; and the reminders due — the
open activities whose reminder (or due) date has come, and the open opportunities whose next
step's reminder date has come. The home page counts exactly :func:`reminders`.

Changes check ``crm.sales`` and are on the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import text

from app.models.admin.permissions import requires
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.crm.opportunities import actor_name, check_owner, list_opportunities, text_limits, to_date, to_id
from app.models.crm.sales_errors import NotFoundError, Problem, ValidationError
from app.models.crm.tables_sales import Activity, ActivityKind, Opportunity
from app.models.customers.tables import Customer, CustomerContact

KINDS = tuple(k.value for k in ActivityKind)
EDITABLE_FIELDS = ("kind", "subject", "note", "customer_id", "contact_id", "opportunity_id", "complaint_id", "due_on",
                   "reminder_on", "owner_user_id")


@dataclass(frozen=True)
class ActivityRow:
    id: int
    kind: str
    subject: str
    note: str
    customer_id: int | None
    customer_code: str
    contact_id: int | None
    contact_name: str
    opportunity_id: int | None
    opportunity_title: str
    complaint_id: int | None
    due_on: date | None
    reminder_on: date | None
    done: bool
    owner_user_id: int | None
    owner_name: str


@dataclass(frozen=True)
class ReminderRow:
    """One reminder: an activity (``source`` 'activity') or an opportunity's next step ('opportunity')."""

    source: str
    record_id: int
    kind: str  # the activity kind, or the opportunity's stage
    subject: str
    customer: str
    on: date
    overdue: bool


def _as_date(v) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


_ROWS_SQL = """
SELECT a.id, a.kind, a.subject, a.note, a.customer_id, COALESCE(c.code, ''), a.contact_id, COALESCE(k.name, ''),
       a.opportunity_id, COALESCE(o.title, ''), a.complaint_id, a.due_on, a.reminder_on, a.done, a.owner_user_id,
       COALESCE(NULLIF(u.display_name, ''), u.username, '')
FROM crm_activities a
LEFT JOIN customers c ON c.id = a.customer_id
LEFT JOIN customer_contacts k ON k.id = a.contact_id
LEFT JOIN crm_opportunities o ON o.id = a.opportunity_id
LEFT JOIN users u ON u.id = a.owner_user_id
"""


def _row(t) -> ActivityRow:
    t = list(t)
    t[11], t[12], t[13] = _as_date(t[11]), _as_date(t[12]), bool(t[13])
    return ActivityRow(*t)


def _select(session, where: str = "", params: dict | None = None) -> list[ActivityRow]:
    sql = (_ROWS_SQL + (f" WHERE {where}" if where else "")
           + " ORDER BY a.done, COALESCE(a.reminder_on, a.due_on) IS NULL, COALESCE(a.reminder_on, a.due_on), a.id")
    return [_row(t) for t in session.execute(text(sql), params or {}).all()]


def list_activities(db: Database, *, open_only: bool = False, owner_user_id: int | None = None,
                    customer_id: int | None = None, opportunity_id: int | None = None) -> list[ActivityRow]:
    conds, params = [], {}
    if open_only:
        conds.append("a.done = :f")
        params["f"] = False
    if owner_user_id is not None:
        conds.append("a.owner_user_id = :owner")
        params["owner"] = owner_user_id
    if customer_id is not None:
        conds.append("a.customer_id = :cid")
        params["cid"] = customer_id
    if opportunity_id is not None:
        conds.append("a.opportunity_id = :oid")
        params["oid"] = opportunity_id
    with db.read() as s:
        return _select(s, " AND ".join(conds), params)


def get_activity(db: Database, activity_id: int) -> ActivityRow:
    with db.read() as s:
        rows = _select(s, "a.id = :id", {"id": activity_id})
    if not rows:
        raise NotFoundError("activity", activity_id)
    return rows[0]


def reminders(db: Database, today: date | None = None, *, owner_user_id: int | None = None) -> list[ReminderRow]:
    """What is due on or before ``today``: open activities (reminder date, else due date) and open
    opportunities (reminder date); ``overdue`` when the date lies before today. Oldest first."""
    today = today or date.today()
    out: list[ReminderRow] = []
    params: dict[str, Any] = {"today": today, "f": False}
    owner = ""
    if owner_user_id is not None:
        owner = " AND a.owner_user_id = :owner"
        params["owner"] = owner_user_id
    with db.read() as s:
        for a in _select(s, _DUE_ACTIVITIES + owner, params):
            on = a.reminder_on or a.due_on
            out.append(ReminderRow("activity", a.id, a.kind, a.subject, a.customer_code, on, on < today))
    for o in list_opportunities(db, reminder_due=today):
        if owner_user_id is not None and o.owner_user_id != owner_user_id:
            continue
        out.append(ReminderRow("opportunity", o.id, o.stage, o.next_step or o.title,
                               o.customer_code or o.prospect_name, o.reminder_on, o.reminder_on < today))
    out.sort(key=lambda r: (r.on, r.source, r.record_id))
    return out


_DUE_ACTIVITIES = "a.done = :f AND COALESCE(a.reminder_on, a.due_on) <= :today"
_COUNT_DUE = text(f"""
SELECT (SELECT COUNT(*) FROM crm_activities a WHERE {_DUE_ACTIVITIES}),
       (SELECT COUNT(*) FROM crm_opportunities o WHERE o.stage NOT IN ('won', 'lost')
          AND o.reminder_on IS NOT NULL AND o.reminder_on <= :today)
""")


def reminders_count(db: Database, today: date | None = None) -> int:
    """``len(reminders(db, today))`` without building the rows (the home page's figure)."""
    with db.read() as s:
        acts, opps = s.execute(_COUNT_DUE, {"today": today or date.today(), "f": False}).one()
    return int(acts) + int(opps)


# ---------------------------------------------------------------------------- validation
def clean(data: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k not in EDITABLE_FIELDS:
            problems.append(Problem(k, "unknown_field"))
        elif k in ("customer_id", "contact_id", "opportunity_id", "complaint_id", "owner_user_id"):
            out[k] = to_id(v)
        elif k in ("due_on", "reminder_on"):
            out[k] = to_date(k, v, problems)
        else:
            out[k] = "" if v is None else str(v).strip()
    if "kind" in out and out["kind"] not in KINDS:
        problems.append(Problem("kind", "bad_choice", {"value": out["kind"], "choices": ", ".join(KINDS)}))
    if "subject" in out and not out["subject"]:
        problems.append(Problem("subject", "required"))
    text_limits(Activity, out, problems)
    return out, problems


def field_problem(field: str, value: Any) -> Problem | None:
    _values, problems = clean({field: value})
    return problems[0] if problems else None


def _complaint_customer(session, complaint_id: int) -> int | None | bool:
    """The complaint's customer id; False when there is no such complaint."""
    if "complaints" not in sa_inspect(session.get_bind()).get_table_names():
        return False
    found = session.execute(text("SELECT customer_id FROM complaints WHERE id = :id"), {"id": complaint_id}).first()
    return False if found is None else found[0]


def _check_links(session, values: dict[str, Any], problems: list[Problem], own: Activity | None = None) -> None:
    """Every link must exist; the customer follows from the contact, opportunity or complaint."""
    get = (lambda k: values.get(k, getattr(own, k) if own else None))
    cid = get("customer_id")
    if cid is not None and (cid < 0 or session.get(Customer, cid) is None):
        problems.append(Problem("customer_id", "not_found", {"what": "customer", "id": cid}))
    kid = get("contact_id")
    if kid is not None:
        contact = session.get(CustomerContact, kid) if kid > 0 else None
        if contact is None:
            problems.append(Problem("contact_id", "not_found", {"what": "contact", "id": kid}))
        elif cid is None:
            values["customer_id"] = cid = contact.customer_id
        elif contact.customer_id != cid:
            problems.append(Problem("contact_id", "contact_elsewhere", {"value": kid}))
    oid = get("opportunity_id")
    if oid is not None:
        opp = session.get(Opportunity, oid) if oid > 0 else None
        if opp is None:
            problems.append(Problem("opportunity_id", "not_found", {"what": "opportunity", "id": oid}))
        elif cid is None and opp.customer_id is not None:
            values["customer_id"] = cid = opp.customer_id
    comp = get("complaint_id")
    if comp is not None:
        owner = _complaint_customer(session, comp) if comp > 0 else False
        if owner is False:
            problems.append(Problem("complaint_id", "not_found", {"what": "complaint", "id": comp}))
        elif cid is None:
            values["customer_id"] = cid = owner
    if cid is None and kid is None and oid is None and comp is None:
        problems.append(Problem("customer_id", "link_required"))
    check_owner(session, values.get("owner_user_id"), problems)


@requires("crm.sales")
def create_activity(db: Database, data: dict[str, Any]) -> int:
    values, problems = clean(dict(data))
    for f in ("kind", "subject"):
        if f not in values and not any(p.field == f for p in problems):
            problems.append(Problem(f, "required"))
    with db.begin() as s:
        _check_links(s, values, problems)
        if problems:
            raise ValidationError(problems)
        if "owner_user_id" not in values and getattr(db, "actor", None) is not None:
            values["owner_user_id"] = db.actor.user_id
        act = Activity(**values, done=False, created_at=utcnow(), created_by=actor_name(db))
        s.add(act)
        s.flush()
        return act.id


@requires("crm.sales")
def update_activity(db: Database, activity_id: int, changes: dict[str, Any]) -> ActivityRow:
    values, problems = clean(dict(changes))
    with db.begin() as s:
        act = s.get(Activity, activity_id)
        if act is None:
            raise NotFoundError("activity", activity_id)
        _check_links(s, values, problems, act)
        if problems:
            raise ValidationError(problems)
        for k, v in values.items():
            setattr(act, k, v)
    return get_activity(db, activity_id)


@requires("crm.sales")
def set_done(db: Database, activity_id: int, done: bool = True) -> ActivityRow:
    with db.begin() as s:
        act = s.get(Activity, activity_id)
        if act is None:
            raise NotFoundError("activity", activity_id)
        act.done = bool(done)
        act.done_at = utcnow() if done else None
    return get_activity(db, activity_id)


@requires("crm.sales")
def delete_activity(db: Database, activity_id: int) -> None:
    with db.begin() as s:
        act = s.get(Activity, activity_id)
        if act is None:
            raise NotFoundError("activity", activity_id)
        s.delete(act)

