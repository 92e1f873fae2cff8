"""Core supplier records shared by every supplier-side feature (migration 0002_supplier_core).

Terms follow the domain brief §2: importance class I/II/III (重要性分类), relationship
competitive/partnership (竞争关系/合作伙伴关系), status lifecycle potential → under evaluation →
approved / conditionally approved → suspended → disqualified.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class ImportanceClass(StrEnum):
    I = "I"  # key items (关键)
    II = "II"  # important items
    III = "III"  # general items (一般)


class Relationship(StrEnum):
    COMPETITIVE = "competitive"
    PARTNERSHIP = "partnership"


class SupplierStatus(StrEnum):
    POTENTIAL = "potential"
    UNDER_EVALUATION = "under_evaluation"
    APPROVED = "approved"
    CONDITIONAL = "conditional"
    SUSPENDED = "suspended"
    DISQUALIFIED = "disqualified"


class CorrectiveActionStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    VERIFIED = "verified"
    CLOSED = "closed"
    CANCELLED = "cancelled"


def _values(enum: type[StrEnum]) -> str:
    return ", ".join(f"'{m.value}'" for m in enum)


class Supplier(Base):
    __tablename__ = "suppliers"
    __table_args__ = (
        CheckConstraint(f"importance_class IN ({_values(ImportanceClass)})", name="importance_class"),
        CheckConstraint(f"relationship IN ({_values(Relationship)})", name="relationship"),
        CheckConstraint(f"status IN ({_values(SupplierStatus)})", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(80), default="")
    importance_class: Mapped[str] = mapped_column(String(3), default=ImportanceClass.III.value)
    relationship: Mapped[str] = mapped_column(String(16), default=Relationship.COMPETITIVE.value)
    status: Mapped[str] = mapped_column(String(20), default=SupplierStatus.POTENTIAL.value)
    approval_valid_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    country: Mapped[str] = mapped_column(String(80), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    contacts: Mapped[list[SupplierContact]] = orm.relationship(
        back_populates="supplier", cascade="all, delete-orphan", passive_deletes=True
    )
    certificates: Mapped[list[SupplierCertificate]] = orm.relationship(
        back_populates="supplier", cascade="all, delete-orphan", passive_deletes=True
    )
    parts: Mapped[list[SupplierPart]] = orm.relationship(
        back_populates="supplier", cascade="all, delete-orphan", passive_deletes=True
    )


class Part(Base):
    """A purchased item (物料/零件)."""

    __tablename__ = "parts"
    __table_args__ = (
        CheckConstraint(f"importance_class IN ({_values(ImportanceClass)})", name="importance_class"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    category: Mapped[str] = mapped_column(String(80), default="")
    importance_class: Mapped[str] = mapped_column(String(3), default=ImportanceClass.III.value)
    unit: Mapped[str] = mapped_column(String(16), default="pcs")


class SupplierPart(Base):
    """Which supplier delivers which item, with the planned order share (0–1)."""

    __tablename__ = "supplier_parts"
    __table_args__ = (
        UniqueConstraint("supplier_id", "part_id"),
        CheckConstraint("share >= 0 AND share <= 1", name="share_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id", ondelete="CASCADE"), index=True)
    share: Mapped[float] = mapped_column(default=0.0)
    active: Mapped[bool] = mapped_column(default=True)

    supplier: Mapped[Supplier] = orm.relationship(back_populates="parts")
    part: Mapped[Part] = orm.relationship()


class SupplierContact(Base):
    __tablename__ = "supplier_contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(160), default="")
    is_primary: Mapped[bool] = mapped_column(default=False)

    supplier: Mapped[Supplier] = orm.relationship(back_populates="contacts")


class SupplierCertificate(Base):
    """A management-system or product certificate (e.g. ISO 9001, IATF 16949)."""

    __tablename__ = "supplier_certificates"
    __table_args__ = (CheckConstraint("expires_on IS NULL OR issued_on IS NULL OR expires_on >= issued_on", name="dates"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    standard: Mapped[str] = mapped_column(String(80))
    number: Mapped[str] = mapped_column(String(80), default="")
    body: Mapped[str] = mapped_column(String(160), default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    supplier: Mapped[Supplier] = orm.relationship(back_populates="certificates")


class SupplierStatusChange(Base):
    """Audit trail of status changes: who, when, why."""

    __tablename__ = "supplier_status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20), nullable=True)
    to_status: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(120), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class CorrectiveAction(Base):
    """A corrective-action request to a supplier (SCAR / 8D), from an audit, inspection or grade.

    Evaluation reads issued/due/answered dates for the service indicator; the lifecycle feature
    adds the 8D detail.
    """

    __tablename__ = "corrective_actions"
    __table_args__ = (
        CheckConstraint(f"status IN ({_values(CorrectiveActionStatus)})", name="status"),
        CheckConstraint("due_on >= issued_on", name="due_after_issue"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="other")
    issued_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default=CorrectiveActionStatus.OPEN.value)
    owner: Mapped[str] = mapped_column(String(120), default="")
