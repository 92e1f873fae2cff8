"""Sales opportunities (销售机会): create and edit them, move them through the stages, keep the
notes and follow-ups timeline, the weighted pipeline.

Stage flow: qualification → needs analysis → proposal → negotiation → won, one stage forward or
back at a time, or to lost from any open stage. Won needs the amount won, lost the reason; both
close the opportunity. Each stage change resets the probability to the stage's default unless
the user gives one, and is written to the timeline.

A won opportunity of a *potential* customer makes it a current customer; one of a prospect not
yet in the customer master creates the customer (validated by the customers domain's
``master.clean_customer``) in the same transaction.

Every change checks ``crm.sales`` and is on the audit trail (ORM changes are recorded
automatically). Results are dataclasses; the views never get ORM objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, text

from app.models.admin.permissions import require, requires
from app.models.admin.tables import User
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.core.validation import field_errors
from app.models.crm.sales_errors import NotFoundError, Problem, ValidationError
from app.models.crm.tables_sales import DEFAULT_PROBABILITY, OPEN_STAGES, STAGES, Campaign, Opportunity, OpportunityNote
from app.models.customers import master as customer_master
from app.models.customers.tables import Customer, CustomerContact

OPEN = tuple(s.value for s in OPEN_STAGES)
CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,31}$")

EDITABLE_FIELDS = ("customer_id", "prospect_name", "contact_id", "title", "need", "competitors", "expected_revenue",
                   "probability", "expected_close", "owner_user_id", "next_step", "reminder_on", "campaign_id")


# ---------------------------------------------------------------------------- shared cleaning
def to_date(field: str, value: Any, problems: list[Problem]) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        problems.append(Problem(field, "bad_date", {"value": value}))
        return None


def to_amount(field: str, value: Any, problems: list[Problem], *, optional: bool = False) -> float | None:
    if value is None or value == "":
        return None if optional else 0.0
    try:
        number = float(str(value).replace(",", "").strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        number = -1.0
    if number != number or number < 0 or number == float("inf"):
        problems.append(Problem(field, "bad_number", {"value": value}))
        return None
    return number


def to_id(value: Any) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def text_limits(table, values: dict[str, Any], problems: list[Problem]) -> None:
    """Column limits of the text fields (the same on SQLite and PostgreSQL)."""
    texts = {k: v for k, v in values.items() if isinstance(v, str)}
    for err in field_errors(table, texts):
        if err.kind == "too_long":
            problems.append(Problem(err.field, "too_long", {"limit": err.limit}))


def check_owner(session, owner_id: int | None, problems: list[Problem]) -> None:
    if owner_id is None:
        return
    user = session.get(User, owner_id) if owner_id > 0 else None
    if user is None or not user.active:
        problems.append(Problem("owner_user_id", "bad_owner", {"value": owner_id}))


def actor_name(db_or_session) -> str:
    actor = getattr(db_or_session, "actor", None)
    return actor.name if actor is not None else ""


# ---------------------------------------------------------------------------- results
@dataclass(frozen=True)
class OpportunityRow:
    id: int
    title: str
    customer_id: int | None
    customer_code: str
    customer_name_zh: str
    customer_name_en: str
    customer_lifecycle: str
    prospect_name: str
    contact_id: int | None
    contact_name: str
    stage: str
    probability: int
    expected_revenue: float
    weighted: float
    won_amount: float | None
    reason: str
    expected_close: date | None
    closed_on: date | None
    owner_user_id: int | None
    owner_name: str
    next_step: str
    reminder_on: date | None
    campaign_id: int | None
    campaign_code: str
    need: str
    competitors: str

    def customer_label(self, lang: str = "en") -> str:
        if self.customer_id is None:
            return self.prospect_name
        name = self.customer_name_zh if lang == "zh_CN" else self.customer_name_en
        return f"{self.customer_code} {name or self.customer_name_zh or self.customer_name_en}".strip()


@dataclass(frozen=True)
class NoteRow:
    id: int
    at: datetime
    by: str
    kind: str
    text: str
    follow_up_on: date | None


@dataclass(frozen=True)
class PipelineRow:
    stage: str
    count: int
    expected: float
    weighted: float


@dataclass(frozen=True)
class WinResult:
    opportunity: OpportunityRow
    customer_id: int
    customer_created: bool
    customer_promoted: bool  # a potential customer became current


_ROWS_SQL = """
SELECT o.id, o.title, o.customer_id, COALESCE(c.code, ''), COALESCE(c.name_zh, ''), COALESCE(c.name_en, ''),
       COALESCE(c.lifecycle, ''), o.prospect_name, o.contact_id, COALESCE(k.name, ''), o.stage, o.probability,
       o.expected_revenue, o.won_amount, o.reason, o.expected_close, o.closed_on, o.owner_user_id,
       COALESCE(NULLIF(u.display_name, ''), u.username, ''), o.next_step, o.reminder_on, o.campaign_id,
       COALESCE(m.code, ''), o.need, o.competitors
FROM crm_opportunities o
LEFT JOIN customers c ON c.id = o.customer_id
LEFT JOIN customer_contacts k ON k.id = o.contact_id
LEFT JOIN users u ON u.id = o.owner_user_id
LEFT JOIN crm_campaigns m ON m.id = o.campaign_id
"""


def _as_date(v) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _row(t) -> OpportunityRow:
    (oid, title, cid, ccode, czh, cen, clife, prospect, kid, kname, stage, prob, exp, won, reason, close, closed,
     owner, owner_name, step, reminder, camp, camp_code, need, comp) = t
    exp = float(exp or 0.0)
    return OpportunityRow(oid, title, cid, ccode, czh, cen, clife, prospect, kid, kname, stage, int(prob), exp,
                          round(exp * int(prob) / 100.0, 2), None if won is None else float(won), reason,
                          _as_date(close), _as_date(closed), owner, owner_name, step, _as_date(reminder), camp,
                          camp_code, need, comp)


def _select_rows(session, where: str = "", params: dict | None = None) -> list[OpportunityRow]:
    sql = _ROWS_SQL + (f" WHERE {where}" if where else "") + " ORDER BY o.expected_close IS NULL, o.expected_close, o.id"
    return [_row(t) for t in session.execute(text(sql), params or {}).all()]


def list_opportunities(db: Database, *, stage: str | None = None, open_only: bool = False,
                       customer_id: int | None = None, campaign_id: int | None = None,
                       reminder_due: date | None = None) -> list[OpportunityRow]:
    """The grid: every opportunity, or those of one stage / customer / campaign; ``open_only``
    leaves out won and lost; ``reminder_due`` keeps open ones whose reminder date is on or before it."""
    conds, params = [], {}
    if stage:
        conds.append("o.stage = :stage")
        params["stage"] = stage
    if open_only or reminder_due is not None:
        conds.append("o.stage NOT IN ('won', 'lost')")
    if customer_id is not None:
        conds.append("o.customer_id = :cid")
        params["cid"] = customer_id
    if campaign_id is not None:
        conds.append("o.campaign_id = :camp")
        params["camp"] = campaign_id
    if reminder_due is not None:
        conds.append("o.reminder_on IS NOT NULL AND o.reminder_on <= :due")
        params["due"] = reminder_due
    with db.read() as s:
        return _select_rows(s, " AND ".join(conds), params)


def get_opportunity(db: Database, opportunity_id: int) -> OpportunityRow:
    with db.read() as s:
        return _get_row(s, opportunity_id)


def _get_row(session, opportunity_id: int) -> OpportunityRow:
    rows = _select_rows(session, "o.id = :id", {"id": opportunity_id})
    if not rows:
        raise NotFoundError("opportunity", opportunity_id)
    return rows[0]


def timeline(db: Database, opportunity_id: int) -> list[NoteRow]:
    """Notes, follow-ups and stage changes, newest first."""
    with db.read() as s:
        if s.get(Opportunity, opportunity_id) is None:
            raise NotFoundError("opportunity", opportunity_id)
        notes = s.scalars(select(OpportunityNote).where(OpportunityNote.opportunity_id == opportunity_id)
                          .order_by(OpportunityNote.at.desc(), OpportunityNote.id.desc())).all()
        return [NoteRow(n.id, n.at, n.by, n.kind, n.text, n.follow_up_on) for n in notes]


def pipeline(db: Database) -> list[PipelineRow]:
    """Count, expected and weighted (expected × probability) revenue per stage, in stage order."""
    with db.read() as s:
        found = {st: (n, exp or 0.0, w or 0.0) for st, n, exp, w in s.execute(
            select(Opportunity.stage, func.count(), func.sum(Opportunity.expected_revenue),
                   func.sum(Opportunity.expected_revenue * Opportunity.probability / 100.0))
            .group_by(Opportunity.stage)).all()}
    return [PipelineRow(st, int(found.get(st, (0, 0, 0))[0]), round(float(found.get(st, (0, 0, 0))[1]), 2),
                        round(float(found.get(st, (0, 0, 0))[2]), 2)) for st in STAGES]


def stage_counts(db: Database) -> dict[str, int]:
    """Opportunities per stage (every stage present, 0 when none) — the home page's figures."""
    with db.read() as s:
        found = dict(s.execute(select(Opportunity.stage, func.count()).group_by(Opportunity.stage)).all())
    return {st: int(found.get(st, 0)) for st in STAGES}


def win_rate(db: Database) -> float | None:
    """Won / (won + lost); None while nothing is closed."""
    counts = stage_counts(db)
    closed = counts["won"] + counts["lost"]
    return counts["won"] / closed if closed else None


def default_probability(stage: str) -> int:
    return DEFAULT_PROBABILITY[stage]


# ---------------------------------------------------------------------------- validation
def clean(data: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """Normalised values and every problem with them (no database access)."""
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k not in EDITABLE_FIELDS:
            problems.append(Problem(k, "unknown_field"))
        elif k in ("customer_id", "contact_id", "owner_user_id", "campaign_id"):
            out[k] = to_id(v)
        elif k == "expected_revenue":
            amount = to_amount(k, v, problems)
            if amount is not None:
                out[k] = amount
        elif k == "probability":
            try:
                p = int(str(v).strip().rstrip("%")) if v not in (None, "") else None
            except ValueError:
                p = -1
            if p is None or not 0 <= p <= 100:
                problems.append(Problem(k, "bad_percent", {"value": v}))
            else:
                out[k] = p
        elif k in ("expected_close", "reminder_on"):
            out[k] = to_date(k, v, problems)
        else:
            out[k] = "" if v is None else str(v).strip()
    if "title" in out and not out["title"]:
        problems.append(Problem("title", "required"))
    text_limits(Opportunity, out, problems)
    return out, problems


def field_problem(field: str, value: Any) -> Problem | None:
    """The first problem of one field's value (a form shows it beside the field), or None."""
    _values, problems = clean({field: value})
    return problems[0] if problems else None


def _check_links(session, values: dict[str, Any], problems: list[Problem], opp: Opportunity | None = None) -> None:
    cid = values.get("customer_id", opp.customer_id if opp else None)
    prospect = values.get("prospect_name", opp.prospect_name if opp else "")
    if cid is None and not prospect:
        problems.append(Problem("customer_id", "customer_or_prospect"))
    if cid is not None and (cid < 0 or session.get(Customer, cid) is None):
        problems.append(Problem("customer_id", "not_found", {"what": "customer", "id": values.get("customer_id")}))
        cid = None
    kid = values.get("contact_id", opp.contact_id if opp else None)
    if kid is not None:
        contact = session.get(CustomerContact, kid) if kid > 0 else None
        if contact is None:
            problems.append(Problem("contact_id", "not_found", {"what": "contact", "id": kid}))
        elif cid is not None and contact.customer_id != cid:
            problems.append(Problem("contact_id", "contact_elsewhere", {"value": kid}))
    camp = values.get("campaign_id")
    if camp is not None and (camp < 0 or session.get(Campaign, camp) is None):
        problems.append(Problem("campaign_id", "not_found", {"what": "campaign", "id": camp}))
    check_owner(session, values.get("owner_user_id"), problems)


# ---------------------------------------------------------------------------- changes
@requires("crm.sales")
def create_opportunity(db: Database, data: dict[str, Any]) -> int:
    """A new opportunity in qualification; the probability defaults to the stage's."""
    values, problems = clean(dict(data))
    if not values.get("title"):
        if not any(p.field == "title" for p in problems):
            problems.append(Problem("title", "required"))
    with db.begin() as s:
        _check_links(s, values, problems)
        if problems:
            raise ValidationError(problems)
        values.setdefault("probability", DEFAULT_PROBABILITY["qualification"])
        opp = Opportunity(**values, stage="qualification", created_at=utcnow(), created_by=actor_name(db))
        s.add(opp)
        s.flush()
        s.add(OpportunityNote(opportunity_id=opp.id, at=utcnow(), by=actor_name(db), kind="stage",
                              text="qualification"))
        return opp.id


@requires("crm.sales")
def update_opportunity(db: Database, opportunity_id: int, changes: dict[str, Any]) -> OpportunityRow:
    values, problems = clean(dict(changes))
    with db.begin() as s:
        opp = s.get(Opportunity, opportunity_id)
        if opp is None:
            raise NotFoundError("opportunity", opportunity_id)
        _check_links(s, values, problems, opp)
        if problems:
            raise ValidationError(problems)
        for k, v in values.items():
            setattr(opp, k, v)
        s.flush()
        return _get_row(s, opportunity_id)


def allowed_moves(stage: str) -> tuple[str, ...]:
    """Where an opportunity in ``stage`` may go: one stage forward or back, or lost (closed: none)."""
    if stage not in OPEN:
        return ()
    i = OPEN.index(stage)
    moves = []
    if i > 0:
        moves.append(OPEN[i - 1])
    moves.append(OPEN[i + 1] if i + 1 < len(OPEN) else "won")
    moves.append("lost")
    return tuple(moves)


@requires("crm.sales")
def move_stage(db: Database, opportunity_id: int, stage: str, *, probability: int | None = None,
               won_amount: Any = None, reason: str = "", new_customer: dict[str, Any] | None = None,
               first_order: dict[str, Any] | None = None, today: date | None = None) -> WinResult | OpportunityRow:
    """Move to ``stage`` (see the module text). Won returns a :class:`WinResult`: the customer the
    opportunity is now for (created from ``new_customer`` for a prospect, promoted from potential
    to current for a potential customer).

    ``first_order`` (won only, needs ``crm.orders`` too): ``{"order_no", "order_date", "lines":
    [{"part_code", "part_name", "quantity", "amount", "margin"}, …]}`` — the customer's first order
    lines, stored in the same transaction (the sales history the value analysis reads)."""
    today = today or date.today()
    reason = (reason or "").strip()
    if first_order is not None:
        if stage != "won":
            raise ValidationError([Problem("first_order", "first_order_not_won")])
        require(db, "crm.orders")
    with db.begin() as s:
        opp = s.get(Opportunity, opportunity_id)
        if opp is None:
            raise NotFoundError("opportunity", opportunity_id)
        if stage not in STAGES:
            raise ValidationError([Problem("stage", "bad_choice", {"value": stage, "choices": ", ".join(STAGES)})])
        if opp.stage not in OPEN:
            raise ValidationError([Problem("stage", "stage_closed", {"current": opp.stage})])
        if stage not in allowed_moves(opp.stage):
            raise ValidationError([Problem("stage", "stage_jump", {"current": opp.stage, "value": stage})])
        problems: list[Problem] = []
        if probability is not None:
            values, probs = clean({"probability": probability})
            problems += probs
            probability = values.get("probability")
        amount = None
        if stage == "won":
            amount = to_amount("won_amount", won_amount, problems, optional=True)
            if amount is None or amount <= 0:
                if not any(p.field == "won_amount" for p in problems):
                    problems.append(Problem("won_amount", "amount_required"))
        if stage == "lost" and not reason:
            problems.append(Problem("reason", "reason_required"))
        customer_values: dict[str, Any] | None = None
        if stage == "won" and opp.customer_id is None:
            if not new_customer or not new_customer.get("code") or not (new_customer.get("name_zh")
                                                                         or new_customer.get("name_en")):
                problems.append(Problem("new_customer", "new_customer_required"))
            else:
                customer_values, cust_problems = customer_master.clean_customer(dict(new_customer))
                for p in cust_problems:
                    problems.append(Problem(f"new_customer.{p.field}", "required" if p.key == "required" else
                                            "bad_code" if p.key == "bad_code" else "too_long" if p.key == "too_long"
                                            else "bad_choice", {**p.params, "value": p.params.get("value", "")}))
                code = customer_values.get("code", "")
                if code and s.scalar(select(Customer.id).where(Customer.code == code)) is not None:
                    problems.append(Problem("new_customer.code", "duplicate_code", {"value": code}))
        order_lines: list[dict[str, Any]] = []
        order_day: date | None = None
        if first_order is not None:
            order_day, order_lines = _check_first_order(s, first_order, problems)
        if problems:
            raise ValidationError(problems)
        before = opp.stage
        opp.stage = stage
        opp.probability = probability if probability is not None else DEFAULT_PROBABILITY[stage]
        created = promoted = False
        note = f"{before} → {stage}"
        if stage == "won":
            opp.won_amount = amount
            opp.reason = reason
            opp.closed_on = today
            if customer_values is not None:
                customer_values.setdefault("customer_type", "external")
                customer_values["lifecycle"] = "current"
                customer_values.setdefault("since", today)
                cust = Customer(**customer_values)
                s.add(cust)
                s.flush()
                opp.customer_id = cust.id
                created = True
            else:
                cust = s.get(Customer, opp.customer_id)
                if cust.lifecycle == "potential":
                    cust.lifecycle = "current"
                    if cust.since is None:
                        cust.since = today
                    promoted = True
            opp.reminder_on = None
            if first_order is not None:
                _store_first_order(s, opp.customer_id, first_order["order_no"].strip(), order_day, order_lines,
                                   opp.title)
        elif stage == "lost":
            opp.reason = reason
            opp.closed_on = today
            opp.reminder_on = None
        if reason:
            note += f": {reason}"
        s.add(OpportunityNote(opportunity_id=opp.id, at=utcnow(), by=actor_name(db), kind="stage", text=note))
        s.flush()
        row = _get_row(s, opportunity_id)
        if stage == "won":
            return WinResult(row, opp.customer_id, created, promoted)
        return row


def _check_first_order(s, order: dict[str, Any], problems: list[Problem]) -> tuple[date | None, list[dict[str, Any]]]:
    from app.models.crm.tables_orders import CrmOrder, CrmOrderLine

    no = str(order.get("order_no") or "").strip()
    if not no:
        problems.append(Problem("first_order.order_no", "required"))
    elif len(no) > CrmOrder.__table__.c.order_no.type.length:
        problems.append(Problem("first_order.order_no", "too_long", {"limit": CrmOrder.__table__.c.order_no.type.length}))
    elif s.scalar(select(CrmOrder.id).where(CrmOrder.order_no == no)) is not None:
        problems.append(Problem("first_order.order_no", "duplicate_code", {"value": no}))
    day = to_date("first_order.order_date", order.get("order_date"), problems)
    if day is None and not any(p.field == "first_order.order_date" for p in problems):
        problems.append(Problem("first_order.order_date", "required"))
    lines = []
    for i, ln in enumerate(order.get("lines") or [], start=1):
        where = f"first_order.lines.{i}"
        qty = to_amount(f"{where}.quantity", ln.get("quantity"), problems)
        amount = to_amount(f"{where}.amount", ln.get("amount"), problems)
        try:
            margin = float(str(ln.get("margin") or 0).replace(",", ""))
        except ValueError:
            problems.append(Problem(f"{where}.margin", "bad_signed", {"value": ln.get("margin")}))
            margin = 0.0
        code = str(ln.get("part_code") or "").strip()
        name = str(ln.get("part_name") or "").strip()
        if not code and not name:
            problems.append(Problem(f"{where}.part_code", "required"))
        for col, text_ in (("part_code", code), ("part_name", name)):
            limit = CrmOrderLine.__table__.c[col].type.length
            if len(text_) > limit:
                problems.append(Problem(f"{where}.{col}", "too_long", {"limit": limit}))
        lines.append({"part_code": code, "part_name": name, "quantity": qty, "amount": amount, "margin": margin})
    if not lines:
        problems.append(Problem("first_order.lines", "lines_required"))
    return day, lines


def _store_first_order(s, customer_id: int, order_no: str, day: date, lines: list[dict[str, Any]], title: str) -> None:
    from app.models.crm.tables_orders import CrmOrder, CrmOrderLine
    from app.models.customers.tables import CustomerPart
    from app.models.suppliers.tables import Part

    links = {code: cpid for cpid, code in s.execute(
        select(CustomerPart.id, Part.code).join(Part, Part.id == CustomerPart.part_id)
        .where(CustomerPart.customer_id == customer_id))}
    order = CrmOrder(customer_id=customer_id, order_no=order_no, order_date=day, currency="CNY",
                     note=f"won opportunity: {title}"[:2000])
    for i, ln in enumerate(lines, start=1):
        order.lines.append(CrmOrderLine(line_no=i, customer_part_id=links.get(ln["part_code"]), **ln))
    s.add(order)


@requires("crm.sales")
def add_note(db: Database, opportunity_id: int, text_: str, *, follow_up_on: Any = None) -> int:
    """A note on the timeline; with ``follow_up_on`` it is a follow-up and becomes the reminder date."""
    problems: list[Problem] = []
    body = (text_ or "").strip()
    if not body:
        problems.append(Problem("text", "text_required"))
    due = to_date("follow_up_on", follow_up_on, problems)
    with db.begin() as s:
        opp = s.get(Opportunity, opportunity_id)
        if opp is None:
            raise NotFoundError("opportunity", opportunity_id)
        if problems:
            raise ValidationError(problems)
        note = OpportunityNote(opportunity_id=opportunity_id, at=utcnow(), by=actor_name(db),
                               kind="follow_up" if due else "note", text=body, follow_up_on=due)
        s.add(note)
        if due is not None and opp.stage in OPEN:
            opp.reminder_on = due
        s.flush()
        return note.id


@requires("crm.sales")
def delete_opportunity(db: Database, opportunity_id: int) -> None:
    with db.begin() as s:
        opp = s.get(Opportunity, opportunity_id)
        if opp is None:
            raise NotFoundError("opportunity", opportunity_id)
        s.delete(opp)

