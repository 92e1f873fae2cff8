"""Customer master (顾客): internal or external; potential, current, past or lost (domain brief §3.1).

Migration 0002_supplier_core created ``customers``; 0007_customers adds the key account flag, the
value class (from the value analysis, or set by hand with a reason), the owner (the customer
quality engineer, a user), contacts with groups and a preferred language, and the parts we supply
(our ``parts`` rows, with the customer's own part number).

``contact_name/phone/email`` are the single contact of 0002: kept readable, copied into
``customer_contacts`` by 0007 and no longer written by the services.

Services live beside this module (``master``); they return dataclasses and DataFrames, never these
objects.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from app.models.admin import tables as _admin_tables  # noqa: F401  (users, the owner's table)
from app.models.core.base import Base
from app.models.suppliers import tables as _supplier_tables  # noqa: F401  (parts)


class CustomerType(StrEnum):
    INTERNAL = "internal"
    EXTERNAL = "external"


class Lifecycle(StrEnum):
    POTENTIAL = "potential"
    CURRENT = "current"
    PAST = "past"
    LOST = "lost"


class ValueClass(StrEnum):
    """Classes of the customer value analysis (brief §3.3): high value and loyal = important."""

    IMPORTANT = "important"
    POTENTIAL = "potential"
    ORDINARY = "ordinary"
    LOST = "lost"


class Language(StrEnum):
    ZH_CN = "zh_CN"
    EN = "en"


class ContactGroup(StrEnum):
    QUALITY = "quality"
    PURCHASING = "purchasing"
    MANAGEMENT = "management"
    LOGISTICS = "logistics"
    ENGINEERING = "engineering"


def _values(enum: type[StrEnum]) -> str:
    return ", ".join(f"'{m.value}'" for m in enum)


class Customer(Base):
    __tablename__ = "customers"
    #: the 0002 single contact (personal data, no longer written) stays out of the trail
    __audit_exclude__ = frozenset({"contact_name", "contact_phone", "contact_email"})
    __table_args__ = (
        CheckConstraint(f"customer_type IN ({_values(CustomerType)})", name="customer_type"),
        CheckConstraint(f"lifecycle IN ({_values(Lifecycle)})", name="lifecycle"),
        CheckConstraint(f"value_class IS NULL OR value_class IN ({_values(ValueClass)})", name="value_class"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(80), default="")
    region: Mapped[str] = mapped_column(String(80), default="")
    customer_type: Mapped[str] = mapped_column(String(12), default="external")
    lifecycle: Mapped[str] = mapped_column(String(12), default="current")
    since: Mapped[date | None] = mapped_column(Date, nullable=True)
    contact_name: Mapped[str] = mapped_column(String(120), default="")
    contact_phone: Mapped[str] = mapped_column(String(60), default="")
    contact_email: Mapped[str] = mapped_column(String(160), default="")
    key_account: Mapped[bool] = mapped_column(default=False)
    value_class: Mapped[str | None] = mapped_column(String(12), nullable=True)
    value_class_reason: Mapped[str] = mapped_column(Text, default="")
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True,
                                                      index=True)

    contacts: Mapped[list[CustomerContact]] = orm.relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True,
        order_by="CustomerContact.id")
    parts: Mapped[list[CustomerPart]] = orm.relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True,
        order_by="CustomerPart.id")


class CustomerContact(Base):
    """A person at the customer. Erased on request: name/phone/email anonymised, the row (and so
    every complaint pointing at it) stays."""

    __tablename__ = "customer_contacts"
    #: Personal data stays out of the append-only trail (it could never be erased there); the
    #: services record which personal fields changed instead (``master._trail_personal``).
    __audit_exclude__ = frozenset({"name", "phone", "email"})
    __table_args__ = (CheckConstraint(f"preferred_language IN ({_values(Language)})", name="preferred_language"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(120), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    email: Mapped[str] = mapped_column(String(160), default="")
    preferred_language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    active: Mapped[bool] = mapped_column(default=True)
    erased_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    customer: Mapped[Customer] = orm.relationship(back_populates="contacts")
    groups: Mapped[list[CustomerContactGroup]] = orm.relationship(
        back_populates="contact", cascade="all, delete-orphan", passive_deletes=True,
        order_by="CustomerContactGroup.group_key")


class CustomerContactGroup(Base):
    """Membership of a contact in a group (quality, purchasing, …); a contact may be in several."""

    __tablename__ = "customer_contact_groups"
    __table_args__ = (CheckConstraint(f"group_key IN ({_values(ContactGroup)})", name="group_key"),)

    contact_id: Mapped[int] = mapped_column(ForeignKey("customer_contacts.id", ondelete="CASCADE"),
                                            primary_key=True)
    group_key: Mapped[str] = mapped_column(String(20), primary_key=True)

    contact: Mapped[CustomerContact] = orm.relationship(back_populates="groups")


class CustomerPart(Base):
    """One of our parts supplied to the customer, with the customer's part number."""

    __tablename__ = "customer_parts"
    __table_args__ = (UniqueConstraint("customer_id", "part_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id", ondelete="CASCADE"), index=True)
    customer_part_no: Mapped[str] = mapped_column(String(60), default="")

    customer: Mapped[Customer] = orm.relationship(back_populates="parts")
