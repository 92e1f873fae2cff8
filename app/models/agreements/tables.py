"""Quality agreement records (migrations 0009_agreements, 0015_agreement_areas)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, CheckConstraint, Column, Date, DateTime, Float, ForeignKey, Integer, SmallInteger, String, Table, Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base, utcnow

STATES = ("draft", "review", "signed")


class AgreementTemplate(Base):
    __tablename__ = "agreement_templates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the order of the eight areas (migration 0015), e.g. "1,2,4,3,5,6,7,8"
    area_order: Mapped[str] = mapped_column(String(40), default="1,2,3,4,5,6,7,8",
                                            server_default="1,2,3,4,5,6,7,8")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class Agreement(Base):
    """A quality agreement with one supplier (a frame agreement, or one for some parts)."""

    __tablename__ = "agreements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title_zh: Mapped[str] = mapped_column(String(200), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    part_family: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


AGREEMENT_PARTS = Table(
    "agreement_parts", Base.metadata,
    Column("agreement_id", ForeignKey("agreements.id", ondelete="CASCADE"), primary_key=True),
    Column("part_id", ForeignKey("parts.id", ondelete="CASCADE"), primary_key=True),
)


class AgreementVersion(Base):
    __tablename__ = "agreement_versions"
    __table_args__ = (
        UniqueConstraint("agreement_id", "version"),
        CheckConstraint("state IN ('draft', 'review', 'signed')", name="state"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreements.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12), default="draft")
    #: the order of the eight areas (migration 0015); numbering follows it
    area_order: Mapped[str] = mapped_column(String(40), default="1,2,3,4,5,6,7,8",
                                            server_default="1,2,3,4,5,6,7,8")
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("agreement_versions.id", ondelete="SET NULL"),
                                                    nullable=True)
    effective_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    purchaser_signatory: Mapped[str] = mapped_column(String(120), default="")
    purchaser_title: Mapped[str] = mapped_column(String(120), default="")
    purchaser_signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    supplier_signatory: Mapped[str] = mapped_column(String(120), default="")
    supplier_title: Mapped[str] = mapped_column(String(120), default="")
    supplier_signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    content_sha256: Mapped[str] = mapped_column(String(64), default="")
    signed_pdf_sha256: Mapped[str] = mapped_column(String(64), default="")
    signed_pdf_name: Mapped[str] = mapped_column(String(200), default="")
    submitted_by: Mapped[str] = mapped_column(String(120), default="")
    signed_by: Mapped[str] = mapped_column(String(120), default="")
    signed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AgreementClause(Base):
    """A clause of a version or of a template (exactly one of the two)."""

    __tablename__ = "agreement_clauses"
    __table_args__ = (
        CheckConstraint("(version_id IS NULL) <> (template_id IS NULL)", name="owner"),
        CheckConstraint("area BETWEEN 1 AND 8", name="area"),
        CheckConstraint("party IN ('purchaser', 'supplier', 'both')", name="party"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int | None] = mapped_column(ForeignKey("agreement_versions.id", ondelete="CASCADE"),
                                                   nullable=True)
    template_id: Mapped[int | None] = mapped_column(ForeignKey("agreement_templates.id", ondelete="CASCADE"),
                                                    nullable=True)
    key: Mapped[str] = mapped_column(String(32))
    area: Mapped[int] = mapped_column(SmallInteger)
    position: Mapped[int] = mapped_column(Integer)
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    party: Mapped[str] = mapped_column(String(10), default="both")
    documents: Mapped[str] = mapped_column(String(400), default="")
    aql: Mapped[str] = mapped_column(String(10), default="")
    level: Mapped[str] = mapped_column(String(10), default="")
    skip_lot_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    indicator: Mapped[str | None] = mapped_column(String(20), nullable=True)
    comparator: Mapped[str] = mapped_column(String(2), default="")
    threshold: Mapped[float | None] = mapped_column(Float, nullable=True)
    period: Mapped[str] = mapped_column(String(8), default="month")
    rule_kind: Mapped[str] = mapped_column(String(10), default="none")
    rule_amount: Mapped[float] = mapped_column(Float, default=0.0)
    escalate_after: Mapped[int] = mapped_column(Integer, default=0)
