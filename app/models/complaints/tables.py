"""Complaint tables (migration 0012_complaints).

``complaints`` keeps the handling flow as JSON (``flow_json``, :class:`app.flows.complaint.ComplaintFlow`)
and, for the SLA pass over every open complaint in one query, the times at which each milestone
was reached (``first_response_at``, ``containment_at``, ``root_cause_at``, ``closed_at``) and
the current step. Waiting on the customer is a row in ``complaint_pauses``. ``complaint_events``
is the step history (who, when, what). Attachments are files copied into the folder beside the
database file (``<database>.files/complaints/<id>/``), stored by relative path and SHA-256.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base, utcnow
from app.models.customers import tables as _customer_tables  # noqa: F401  (customers, contacts)
from app.models.suppliers import tables as _supplier_tables  # noqa: F401  (parts, suppliers, SCARs)

CHANNELS = ("phone", "email", "visit", "survey", "portal")
TYPES = ("quality", "delivery", "commercial", "documentation", "service_enquiry", "repair", "return")
SEVERITIES = ("critical", "major", "minor")
PRIORITIES = ("high", "normal", "low")
STATES = ("open", "waiting", "closed")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class Complaint(Base):
    __tablename__ = "complaints"
    __table_args__ = (
        CheckConstraint(f"channel IN ({_in(CHANNELS)})", name="channel"),
        CheckConstraint(f"complaint_type IN ({_in(TYPES)})", name="complaint_type"),
        CheckConstraint(f"severity IN ({_in(SEVERITIES)})", name="severity"),
        CheckConstraint(f"priority IN ({_in(PRIORITIES)})", name="priority"),
        CheckConstraint(f"state IN ({_in(STATES)})", name="state"),
        CheckConstraint("rating IS NULL OR rating BETWEEN 1 AND 5", name="rating"),
        CheckConstraint("qty_affected IS NULL OR qty_affected >= 0", name="qty_affected"),
        Index("ix_complaints_state_received_at", "state", "received_at"),
        # the evaluation counts complaints per supplier and period from this index alone
        Index("ix_complaints_supplier_id_received_at", "supplier_id", "received_at"),
        # the monthly report's trend and SLA performance read these indexes alone (covering)
        Index("ix_complaints_received_at", "received_at", "complaint_type", "credit_amount", "returns_amount",
              "sorting_amount"),
        Index("ix_complaints_closed_at", "closed_at", "severity", "complaint_type", "received_at"),
    )
    __audit_exclude__ = frozenset({"flow_json", "updated_at"})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="RESTRICT"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("customer_contacts.id", ondelete="SET NULL"),
                                                   nullable=True)
    channel: Mapped[str] = mapped_column(String(10), default="email")
    received_at: Mapped[datetime] = mapped_column(DateTime)
    complaint_type: Mapped[str] = mapped_column(String(20), default="quality")
    part_id: Mapped[int | None] = mapped_column(ForeignKey("parts.id", ondelete="SET NULL"), nullable=True, index=True)
    lot: Mapped[str] = mapped_column(String(60), default="")
    delivery_note: Mapped[str] = mapped_column(String(60), default="")
    qty_affected: Mapped[int | None] = mapped_column(Integer, nullable=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    defect: Mapped[str] = mapped_column(String(120), default="")
    severity: Mapped[str] = mapped_column(String(10), default="major")
    priority: Mapped[str] = mapped_column(String(10), default="normal")
    state: Mapped[str] = mapped_column(String(10), default="open")
    current_step: Mapped[str] = mapped_column(String(12), default="")
    flow_json: Mapped[str] = mapped_column(Text, default="{}")
    first_response_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    containment_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    root_cause_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    credit_amount: Mapped[float] = mapped_column(Float, default=0.0)
    returns_amount: Mapped[float] = mapped_column(Float, default=0.0)
    sorting_amount: Mapped[float] = mapped_column(Float, default=0.0)
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rating_comment: Mapped[str] = mapped_column(Text, default="")
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id", ondelete="SET NULL"), nullable=True)
    car_id: Mapped[int | None] = mapped_column(ForeignKey("corrective_actions.id", ondelete="SET NULL"),
                                               nullable=True, index=True)
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class ComplaintPause(Base):
    """The SLA clock stands still while the complaint waits on the customer."""

    __tablename__ = "complaint_pauses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    started_by: Mapped[str] = mapped_column(String(120), default="")


class ComplaintEvent(Base):
    """Step history: intake, each step, pause/resume, SCAR, attachment, cost, close, reopen."""

    __tablename__ = "complaint_events"
    __audit__ = False  # itself a log (the complaint's own changes are in the audit trail)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(20))
    step: Mapped[str] = mapped_column(String(12), default="")
    text: Mapped[str] = mapped_column(Text, default="")


class ComplaintAttachment(Base):
    __tablename__ = "complaint_attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaints.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    rel_path: Mapped[str] = mapped_column(String(400))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    added_by: Mapped[str] = mapped_column(String(120), default="")


class ComplaintSlaTarget(Base):
    """A target overriding the default (``app.engines.sla.DEFAULT_TARGETS``); type ``*`` = every type."""

    __tablename__ = "complaint_sla_targets"
    __table_args__ = (CheckConstraint(f"severity IN ({_in(SEVERITIES)})", name="severity"),
                      CheckConstraint("milestone IN ('first_response', 'containment', 'root_cause', 'closure')",
                                      name="milestone"))

    severity: Mapped[str] = mapped_column(String(10), primary_key=True)
    complaint_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    milestone: Mapped[str] = mapped_column(String(16), primary_key=True)
    duration: Mapped[str] = mapped_column(String(12))
