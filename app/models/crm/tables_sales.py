"""Sales tables of the CRM (migration ``0014_crm_sales``): opportunities with their notes and
follow-ups timeline, campaigns with target contacts and responses, activities (calls, visits,
mails, meetings) with due and reminder dates.

An opportunity belongs to a customer row (a *potential* one for a prospect) or, before the
prospect is in the customer master, to a prospect name; winning it can create the customer
(``opportunities.win``). Services beside this module return dataclasses, never these objects.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.admin import tables as _admin_tables  # noqa: F401  (users)
from app.models.core.base import Base
from app.models.customers import tables as _customer_tables  # noqa: F401  (customers, contacts)


class Stage(StrEnum):
    QUALIFICATION = "qualification"
    NEEDS_ANALYSIS = "needs_analysis"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    WON = "won"
    LOST = "lost"


#: the open stages in their order; ``won`` follows ``negotiation``
OPEN_STAGES = (Stage.QUALIFICATION, Stage.NEEDS_ANALYSIS, Stage.PROPOSAL, Stage.NEGOTIATION)
STAGES = tuple(s.value for s in Stage)
#: default win probability (percent) of each stage; the user may change it per opportunity
DEFAULT_PROBABILITY = {"qualification": 10, "needs_analysis": 25, "proposal": 50, "negotiation": 75, "won": 100,
                       "lost": 0}


class CampaignType(StrEnum):
    TRADE_FAIR = "trade_fair"
    MAILING = "mailing"
    VISIT_PROGRAMME = "visit_programme"
    WEBINAR = "webinar"


class ActivityKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    MAIL = "mail"
    MEETING = "meeting"


class NoteKind(StrEnum):
    NOTE = "note"
    FOLLOW_UP = "follow_up"
    STAGE = "stage"


RESPONSE_CHANNELS = ("email", "phone", "visit", "form", "booth")


def _values(enum: type[StrEnum] | tuple) -> str:
    items = [m.value for m in enum] if isinstance(enum, type) else list(enum)
    return ", ".join(f"'{v}'" for v in items)


class Campaign(Base):
    __tablename__ = "crm_campaigns"
    __table_args__ = (
        CheckConstraint(f"campaign_type IN ({_values(CampaignType)})", name="campaign_type"),
        CheckConstraint("budget >= 0 AND actual_cost >= 0", name="money"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    campaign_type: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    budget: Mapped[float] = mapped_column(Float, default=0.0)
    actual_cost: Mapped[float] = mapped_column(Float, default=0.0)
    description: Mapped[str] = mapped_column(Text, default="")
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class CampaignTarget(Base):
    """A contact the campaign addresses; ``source`` says how it was chosen (a group key or 'filter')."""

    __tablename__ = "crm_campaign_targets"
    __table_args__ = (UniqueConstraint("campaign_id", "contact_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("crm_campaigns.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("customer_contacts.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(40), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime)


class CampaignResponse(Base):
    __tablename__ = "crm_campaign_responses"
    __table_args__ = (CheckConstraint(f"channel IN ({_values(RESPONSE_CHANNELS)})", name="channel"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("crm_campaigns.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("customer_contacts.id", ondelete="SET NULL"),
                                                   nullable=True)
    responded_on: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(10), default="email")
    note: Mapped[str] = mapped_column(Text, default="")


class Opportunity(Base):
    __tablename__ = "crm_opportunities"
    __table_args__ = (
        CheckConstraint(f"stage IN ({_values(Stage)})", name="stage"),
        CheckConstraint("probability BETWEEN 0 AND 100", name="probability"),
        CheckConstraint("expected_revenue >= 0", name="expected_revenue"),
        CheckConstraint("customer_id IS NOT NULL OR prospect_name <> ''", name="customer_or_prospect"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"), nullable=True,
                                                    index=True)
    prospect_name: Mapped[str] = mapped_column(String(200), default="")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("customer_contacts.id", ondelete="SET NULL"),
                                                   nullable=True)
    title: Mapped[str] = mapped_column(String(200))
    need: Mapped[str] = mapped_column(Text, default="")
    competitors: Mapped[str] = mapped_column(String(300), default="")
    stage: Mapped[str] = mapped_column(String(20), default="qualification")
    reason: Mapped[str] = mapped_column(Text, default="")  # why won or lost
    expected_revenue: Mapped[float] = mapped_column(Float, default=0.0)
    won_amount: Mapped[float | None] = mapped_column(Float, nullable=True)
    probability: Mapped[int] = mapped_column(Integer, default=10)
    expected_close: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    next_step: Mapped[str] = mapped_column(String(300), default="")
    reminder_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("crm_campaigns.id", ondelete="SET NULL"),
                                                    nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(120), default="")


class OpportunityNote(Base):
    """The opportunity's timeline: notes, follow-ups (with their date) and stage changes."""

    __tablename__ = "crm_opportunity_notes"
    __table_args__ = (CheckConstraint(f"kind IN ({_values(NoteKind)})", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("crm_opportunities.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(120), default="")
    kind: Mapped[str] = mapped_column(String(12), default="note")
    text: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class Activity(Base):
    """A call, visit, mail or meeting against a customer, a contact, an opportunity or a complaint."""

    __tablename__ = "crm_activities"
    __table_args__ = (CheckConstraint(f"kind IN ({_values(ActivityKind)})", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(200))
    note: Mapped[str] = mapped_column(Text, default="")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), nullable=True,
                                                    index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("customer_contacts.id", ondelete="SET NULL"),
                                                   nullable=True)
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("crm_opportunities.id", ondelete="CASCADE"),
                                                       nullable=True, index=True)
    #: the complaints table is another branch of the history (0012); the service checks the id
    complaint_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reminder_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    done: Mapped[bool] = mapped_column(default=False)
    done_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True,
                                                      index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(120), default="")
