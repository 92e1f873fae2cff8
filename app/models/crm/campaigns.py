"""Campaigns (市场活动): trade fairs, mailings, visit programmes, webinars; their target contacts
(chosen from contact groups and customer filters), the responses, the opportunities they produced
and their result.

Result figures (one campaign):
- response rate = responding target contacts / target contacts;
- cost per response = actual cost / responding contacts;
- revenue = the amounts of the won opportunities linked to the campaign;
- ROI = (revenue − actual cost) / actual cost.
A figure whose denominator is 0 is None (shown as "–").

Changes check ``crm.campaigns`` and are on the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, select, text

from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.crm.opportunities import CODE_RE, check_owner, text_limits, to_amount, to_date, to_id
from app.models.crm.sales_errors import NotFoundError, Problem, ValidationError
from app.models.crm.tables_sales import RESPONSE_CHANNELS, Campaign, CampaignResponse, CampaignTarget, CampaignType
from app.models.customers.tables import ContactGroup, Customer, CustomerContact, CustomerContactGroup

TYPES = tuple(t.value for t in CampaignType)
GROUPS = tuple(g.value for g in ContactGroup)
EDITABLE_FIELDS = ("code", "name", "campaign_type", "starts_on", "ends_on", "budget", "actual_cost", "description",
                   "owner_user_id")


@dataclass(frozen=True)
class CampaignResult:
    targets: int
    responders: int
    responses: int
    actual_cost: float
    response_rate: float | None
    cost_per_response: float | None
    opportunities: int
    won: int
    revenue: float
    roi: float | None


@dataclass(frozen=True)
class CampaignRow:
    id: int
    code: str
    name: str
    campaign_type: str
    starts_on: date | None
    ends_on: date | None
    budget: float
    actual_cost: float
    description: str
    owner_user_id: int | None
    result: CampaignResult


@dataclass(frozen=True)
class TargetRow:
    id: int
    contact_id: int
    contact_name: str
    role: str
    customer_code: str
    customer_name_zh: str
    customer_name_en: str
    source: str
    responded: bool


@dataclass(frozen=True)
class ResponseRow:
    id: int
    contact_id: int | None
    contact_name: str
    customer_code: str
    responded_on: date
    channel: str
    note: str


def result_figures(targets: int, responders: int, responses: int, cost: float, opportunities: int, won: int,
                   revenue: float) -> CampaignResult:
    """The ratios of the module text from the counts."""
    return CampaignResult(
        targets, responders, responses, cost,
        responders / targets if targets else None,
        cost / responders if responders else None,
        opportunities, won, revenue,
        (revenue - cost) / cost if cost else None)


_RESULT_SQL = text("""
SELECT m.id,
       (SELECT COUNT(*) FROM crm_campaign_targets t WHERE t.campaign_id = m.id),
       (SELECT COUNT(DISTINCT r.contact_id) FROM crm_campaign_responses r
         JOIN crm_campaign_targets t ON t.campaign_id = r.campaign_id AND t.contact_id = r.contact_id
         WHERE r.campaign_id = m.id),
       (SELECT COUNT(*) FROM crm_campaign_responses r WHERE r.campaign_id = m.id),
       (SELECT COUNT(*) FROM crm_opportunities o WHERE o.campaign_id = m.id),
       (SELECT COUNT(*) FROM crm_opportunities o WHERE o.campaign_id = m.id AND o.stage = 'won'),
       (SELECT COALESCE(SUM(o.won_amount), 0) FROM crm_opportunities o WHERE o.campaign_id = m.id AND o.stage = 'won')
FROM crm_campaigns m
""")


def _as_date(v) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def _rows(session, campaign_id: int | None = None) -> list[CampaignRow]:
    figures = {t[0]: t[1:] for t in session.execute(_RESULT_SQL).all()}
    q = select(Campaign).order_by(Campaign.starts_on.desc(), Campaign.code)
    if campaign_id is not None:
        q = q.where(Campaign.id == campaign_id)
    out = []
    for c in session.scalars(q):
        tg, resp_people, resp, opps, won, revenue = figures.get(c.id, (0, 0, 0, 0, 0, 0.0))
        out.append(CampaignRow(c.id, c.code, c.name, c.campaign_type, _as_date(c.starts_on), _as_date(c.ends_on),
                               float(c.budget), float(c.actual_cost), c.description, c.owner_user_id,
                               result_figures(int(tg), int(resp_people), int(resp), float(c.actual_cost), int(opps),
                                              int(won), float(revenue or 0.0))))
    return out


def list_campaigns(db: Database) -> list[CampaignRow]:
    with db.read() as s:
        return _rows(s)


def get_campaign(db: Database, campaign_id: int) -> CampaignRow:
    with db.read() as s:
        rows = _rows(s, campaign_id)
    if not rows:
        raise NotFoundError("campaign", campaign_id)
    return rows[0]


def campaign_result(db: Database, campaign_id: int) -> CampaignResult:
    return get_campaign(db, campaign_id).result


def campaign_choices(db: Database) -> list[tuple[int, str]]:
    with db.read() as s:
        return [(i, f"{code} {name}") for i, code, name in
                s.execute(select(Campaign.id, Campaign.code, Campaign.name).order_by(Campaign.code)).all()]


def targets(db: Database, campaign_id: int) -> list[TargetRow]:
    with db.read() as s:
        responded = set(s.scalars(select(CampaignResponse.contact_id).where(CampaignResponse.campaign_id == campaign_id)))
        rows = s.execute(
            select(CampaignTarget.id, CampaignTarget.contact_id, CustomerContact.name, CustomerContact.role,
                   Customer.code, Customer.name_zh, Customer.name_en, CampaignTarget.source)
            .join(CustomerContact, CustomerContact.id == CampaignTarget.contact_id)
            .join(Customer, Customer.id == CustomerContact.customer_id)
            .where(CampaignTarget.campaign_id == campaign_id).order_by(Customer.code, CustomerContact.name)).all()
    return [TargetRow(*r, responded=r[1] in responded) for r in rows]


def responses(db: Database, campaign_id: int) -> list[ResponseRow]:
    with db.read() as s:
        rows = s.execute(
            select(CampaignResponse.id, CampaignResponse.contact_id, CustomerContact.name, Customer.code,
                   CampaignResponse.responded_on, CampaignResponse.channel, CampaignResponse.note)
            .outerjoin(CustomerContact, CustomerContact.id == CampaignResponse.contact_id)
            .outerjoin(Customer, Customer.id == CustomerContact.customer_id)
            .where(CampaignResponse.campaign_id == campaign_id)
            .order_by(CampaignResponse.responded_on.desc(), CampaignResponse.id.desc())).all()
    return [ResponseRow(i, k, name or "", code or "", _as_date(d), ch, note) for i, k, name, code, d, ch, note in rows]


# ---------------------------------------------------------------------------- validation
def clean(data: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for k, v in data.items():
        if k not in EDITABLE_FIELDS:
            problems.append(Problem(k, "unknown_field"))
        elif k in ("budget", "actual_cost"):
            amount = to_amount(k, v, problems)
            if amount is not None:
                out[k] = amount
        elif k in ("starts_on", "ends_on"):
            out[k] = to_date(k, v, problems)
        elif k == "owner_user_id":
            out[k] = to_id(v)
        else:
            out[k] = "" if v is None else str(v).strip()
    if "code" in out and not CODE_RE.match(out["code"]):
        problems.append(Problem("code", "bad_code" if out["code"] else "required"))
    if "name" in out and not out["name"]:
        problems.append(Problem("name", "required"))
    if "campaign_type" in out and out["campaign_type"] not in TYPES:
        problems.append(Problem("campaign_type", "bad_choice", {"value": out["campaign_type"],
                                                                "choices": ", ".join(TYPES)}))
    text_limits(Campaign, out, problems)
    return out, problems


def field_problem(field: str, value: Any) -> Problem | None:
    _values, problems = clean({field: value})
    return problems[0] if problems else None


def _check(session, values: dict[str, Any], problems: list[Problem], own: Campaign | None = None) -> None:
    starts = values.get("starts_on", own.starts_on if own else None)
    ends = values.get("ends_on", own.ends_on if own else None)
    if starts and ends and ends < starts:
        problems.append(Problem("ends_on", "ends_before_start", {"value": ends.isoformat()}))
    code = values.get("code")
    if code:
        q = select(Campaign.id).where(Campaign.code == code)
        if own is not None:
            q = q.where(Campaign.id != own.id)
        if session.scalar(q) is not None:
            problems.append(Problem("code", "duplicate_code", {"value": code}))
    check_owner(session, values.get("owner_user_id"), problems)


@requires("crm.campaigns")
def create_campaign(db: Database, data: dict[str, Any]) -> int:
    values, problems = clean(dict(data))
    for f in ("code", "name", "campaign_type"):
        if f not in values and not any(p.field == f for p in problems):
            problems.append(Problem(f, "required"))
    with db.begin() as s:
        _check(s, values, problems)
        if problems:
            raise ValidationError(problems)
        camp = Campaign(**values, created_at=utcnow())
        s.add(camp)
        s.flush()
        return camp.id


@requires("crm.campaigns")
def update_campaign(db: Database, campaign_id: int, changes: dict[str, Any]) -> CampaignRow:
    values, problems = clean(dict(changes))
    with db.begin() as s:
        camp = s.get(Campaign, campaign_id)
        if camp is None:
            raise NotFoundError("campaign", campaign_id)
        _check(s, values, problems, camp)
        if problems:
            raise ValidationError(problems)
        for k, v in values.items():
            setattr(camp, k, v)
        s.flush()
        return _rows(s, campaign_id)[0]


@requires("crm.campaigns")
def add_targets(db: Database, campaign_id: int, *, group: str | None = None, region: str | None = None,
                industry: str | None = None, lifecycle: str | None = None, key_account: bool | None = None,
                contact_ids: list[int] | None = None) -> int:
    """Add the active contacts matching a contact group and customer filters (or the given
    contacts); contacts already targeted are kept once. Returns how many were added."""
    if group and group not in GROUPS:
        raise ValidationError([Problem("group", "bad_choice", {"value": group, "choices": ", ".join(GROUPS)})])
    with db.begin() as s:
        if s.get(Campaign, campaign_id) is None:
            raise NotFoundError("campaign", campaign_id)
        q = (select(CustomerContact.id).join(Customer, Customer.id == CustomerContact.customer_id)
             .where(CustomerContact.active.is_(True), CustomerContact.erased_at.is_(None)))
        if group:
            q = q.join(CustomerContactGroup, CustomerContactGroup.contact_id == CustomerContact.id) \
                .where(CustomerContactGroup.group_key == group)
        if region:
            q = q.where(Customer.region == region)
        if industry:
            q = q.where(Customer.industry == industry)
        if lifecycle:
            q = q.where(Customer.lifecycle == lifecycle)
        if key_account is not None:
            q = q.where(Customer.key_account.is_(bool(key_account)))
        if contact_ids is not None:
            q = q.where(CustomerContact.id.in_([int(i) for i in contact_ids]))
        found = list(dict.fromkeys(s.scalars(q.order_by(CustomerContact.id))))
        have = set(s.scalars(select(CampaignTarget.contact_id).where(CampaignTarget.campaign_id == campaign_id)))
        new = [k for k in found if k not in have]
        if not found:
            raise ValidationError([Problem("group", "no_targets")])
        source = group or "filter"
        now = utcnow()
        with trail.bulk(s, "add_targets", "crm_campaigns", record_id=campaign_id, source=source, count=len(new)):
            s.add_all([CampaignTarget(campaign_id=campaign_id, contact_id=k, source=source, added_at=now) for k in new])
            s.flush()
        return len(new)


@requires("crm.campaigns")
def remove_target(db: Database, campaign_id: int, contact_id: int) -> None:
    with db.begin() as s:
        s.execute(delete(CampaignTarget).where(CampaignTarget.campaign_id == campaign_id,
                                               CampaignTarget.contact_id == contact_id))
        trail.record(s, "remove_target", "crm_campaigns", campaign_id, {"contact_id": contact_id})


@requires("crm.campaigns")
def record_response(db: Database, campaign_id: int, contact_id: int, *, responded_on: Any = None,
                    channel: str = "email", note: str = "") -> int:
    """A target contact answered (visited the booth, replied, registered …)."""
    problems: list[Problem] = []
    day = to_date("responded_on", responded_on, problems) or date.today()
    if channel not in RESPONSE_CHANNELS:
        problems.append(Problem("channel", "bad_choice", {"value": channel, "choices": ", ".join(RESPONSE_CHANNELS)}))
    with db.begin() as s:
        if s.get(Campaign, campaign_id) is None:
            raise NotFoundError("campaign", campaign_id)
        is_target = s.scalar(select(CampaignTarget.id).where(CampaignTarget.campaign_id == campaign_id,
                                                             CampaignTarget.contact_id == contact_id))
        if is_target is None:
            problems.append(Problem("contact_id", "not_target", {"value": contact_id}))
        if problems:
            raise ValidationError(problems)
        resp = CampaignResponse(campaign_id=campaign_id, contact_id=contact_id, responded_on=day, channel=channel,
                                note=(note or "").strip())
        s.add(resp)
        s.flush()
        return resp.id
