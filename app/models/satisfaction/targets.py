"""Whom a wave asks: targets chosen by customer filters or contact groups, and the response rate.

A target is one contact of a customer (or the customer alone when it has no active contact and
no contact group was asked for). Filters combine with AND across kinds and OR within a kind:
value classes {important, potential} × region {华东} = the important or potential customers in
华东. Contact groups (customers domain: quality, purchasing, …) narrow the targets to the active,
not erased contacts in any of the groups. Only customers in the chosen lifecycle states (default:
current) are asked. The entry grid and the answer import read the same list, so a respondent is
always someone the wave asked (or, for a transaction survey, the complaint's contact).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from app.models.core.database import Database
from app.models.customers.tables import ContactGroup, Customer, CustomerContact, CustomerContactGroup, Lifecycle


@dataclass(frozen=True)
class TargetFilter:
    value_classes: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    contact_groups: tuple[str, ...] = ()
    lifecycles: tuple[str, ...] = (Lifecycle.CURRENT.value,)
    customer_ids: tuple[int, ...] = ()

    def problems(self) -> list[tuple[str, str]]:
        """(field, bad value) for values that are not known codes."""
        from app.models.customers.tables import ValueClass

        out = []
        for name, values, known in (("value_classes", self.value_classes, {v.value for v in ValueClass}),
                                    ("contact_groups", self.contact_groups, {g.value for g in ContactGroup}),
                                    ("lifecycles", self.lifecycles, {lc.value for lc in Lifecycle})):
            out += [(name, v) for v in values if v not in known]
        return out


@dataclass(frozen=True)
class Target:
    customer_id: int
    customer_code: str
    customer_name_zh: str
    customer_name_en: str
    contact_id: int | None
    contact_name: str
    value_class: str | None = None
    industry: str = ""
    region: str = ""


@dataclass(frozen=True)
class FilterChoices:
    industries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)


def filter_choices(db: Database) -> FilterChoices:
    """The industries and regions the customer master uses (for the wave dialog's lists)."""
    with db.read() as s:
        industries = sorted({v for (v,) in s.execute(select(Customer.industry).distinct()) if v})
        regions = sorted({v for (v,) in s.execute(select(Customer.region).distinct()) if v})
    return FilterChoices(industries, regions)


def select_targets(db_or_session, flt: TargetFilter) -> list[Target]:
    """Every target of ``flt``, by customer code then contact id."""
    if isinstance(db_or_session, Database):
        with db_or_session.read() as s:
            return select_targets(s, flt)
    s = db_or_session
    cq = select(Customer.id, Customer.code, Customer.name_zh, Customer.name_en, Customer.value_class,
                Customer.industry, Customer.region)
    if flt.lifecycles:
        cq = cq.where(Customer.lifecycle.in_(flt.lifecycles))
    if flt.value_classes:
        cq = cq.where(Customer.value_class.in_(flt.value_classes))
    if flt.industries:
        cq = cq.where(Customer.industry.in_(flt.industries))
    if flt.regions:
        cq = cq.where(Customer.region.in_(flt.regions))
    if flt.customer_ids:
        cq = cq.where(Customer.id.in_(flt.customer_ids))
    customers = {row[0]: row for row in s.execute(cq.order_by(Customer.code))}
    if not customers:
        return []
    kq = (select(CustomerContact.id, CustomerContact.customer_id, CustomerContact.name)
          .where(CustomerContact.customer_id.in_(list(customers)), CustomerContact.active.is_(True),
                 CustomerContact.erased_at.is_(None)))
    if flt.contact_groups:
        kq = kq.where(CustomerContact.id.in_(select(CustomerContactGroup.contact_id)
                                             .where(CustomerContactGroup.group_key.in_(flt.contact_groups))))
    contacts: dict[int, list[tuple[int, str]]] = {}
    for cid, cust, name in s.execute(kq.order_by(CustomerContact.id)):
        contacts.setdefault(cust, []).append((cid, name))
    out = []
    for cust_id, (_id, code, zh, en, vc, industry, region) in customers.items():
        people = contacts.get(cust_id)
        if not people:
            if flt.contact_groups:
                continue  # nobody of the asked groups at this customer
            out.append(Target(cust_id, code, zh, en, None, "", vc, industry or "", region or ""))
            continue
        out += [Target(cust_id, code, zh, en, cid, name, vc, industry or "", region or "") for cid, name in people]
    return out


def response_rate(respondents: int, targets: int) -> float | None:
    """Respondents / targets (None for a wave without targets). A respondent outside the target
    list (a transaction survey's complaint contact) still counts once, so the rate may exceed 1
    only when the wave was answered by more people than it asked; it is not capped."""
    if targets <= 0:
        return None
    return respondents / targets


def target_keys(targets: Sequence[Target]) -> set[tuple[int, int | None]]:
    return {(t.customer_id, t.contact_id) for t in targets}


def respondents(targets: Sequence[Target]):
    """The answer import's respondents (``imports.Respondent``): each target customer with its
    target contacts by name, in target order."""
    from app.models.satisfaction.imports import Respondent

    contacts: dict[int, dict[str, int]] = {}
    codes: dict[int, str] = {}
    for t in targets:
        codes.setdefault(t.customer_id, t.customer_code)
        people = contacts.setdefault(t.customer_id, {})
        if t.contact_id is not None:
            people.setdefault(t.contact_name.casefold(), t.contact_id)
    return [Respondent(cid, codes[cid], people) for cid, people in contacts.items()]
