"""Supplier records. The core (migration 0002_supplier_core) is shared by every feature: suppliers,
parts, supplier × part links, contacts, certificates, status changes and corrective actions.
Migration 0004_lifecycle adds surveys, audit templates, audits with items and findings, approval
flows with steps, the qualified supplier list (合格供方名录) and development plans; the 8D detail
columns it adds to ``corrective_actions`` are reached through ``CAR_EXTRA`` (a Core table clause),
so the core ORM class stays exactly as the foundation defines it.

Terms follow the domain brief §2: importance class I/II/III (重要性分类), relationship
competitive/partnership (竞争关系/合作伙伴关系), status lifecycle potential → under evaluation →
approved / conditionally approved → suspended → disqualified.

Services live beside this module (master, imports, surveys, audits, corrective, approval); they
return dataclasses, never these objects.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy import CheckConstraint, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy import orm
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base, utcnow


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


class SupplierSurvey(Base):
    __tablename__ = "supplier_surveys"
    __table_args__ = (CheckConstraint("status IN ('draft', 'submitted')", name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="draft")
    survey_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    supplier_name: Mapped[str] = mapped_column(String(200), default="")
    definition_key: Mapped[str] = mapped_column(String(40), default="supplier_survey")
    definition_version: Mapped[int] = mapped_column(Integer, default=1)
    state_json: Mapped[str] = mapped_column(Text, default="{}")
    percent: Mapped[float | None] = mapped_column(Float, nullable=True)
    recommendation: Mapped[str | None] = mapped_column(String(12), nullable=True)
    section_scores_json: Mapped[str] = mapped_column(Text, default="[]")
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    submitted_by: Mapped[str] = mapped_column(String(120), default="")


class AuditTemplate(Base):
    __tablename__ = "audit_templates"
    __table_args__ = (CheckConstraint("audit_type IN ('product', 'process', 'qms')", name="audit_type"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)
    audit_type: Mapped[str] = mapped_column(String(12))
    title_zh: Mapped[str] = mapped_column(String(200), default="")
    title_en: Mapped[str] = mapped_column(String(200), default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    source: Mapped[str] = mapped_column(String(200), default="")
    default_max: Mapped[int] = mapped_column(Integer, default=3)
    default_na_allowed: Mapped[bool] = mapped_column(default=True)
    sections_json: Mapped[str] = mapped_column(Text, default="[]")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    items: Mapped[list[AuditTemplateItem]] = orm.relationship(
        back_populates="template", cascade="all, delete-orphan", passive_deletes=True,
        order_by="AuditTemplateItem.position")


class AuditTemplateItem(Base):
    __tablename__ = "audit_template_items"
    __table_args__ = (
        UniqueConstraint("template_id", "item_key"),
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("max_score > min_score AND min_score >= 0", name="score_range"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    template_id: Mapped[int] = mapped_column(ForeignKey("audit_templates.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_key: Mapped[str] = mapped_column(String(40))
    section: Mapped[str] = mapped_column(String(40))
    clause: Mapped[str] = mapped_column(String(60), default="")
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    max_score: Mapped[int] = mapped_column(Integer, default=3)
    min_score: Mapped[int] = mapped_column(Integer, default=0)
    na_allowed: Mapped[bool] = mapped_column(default=True)

    template: Mapped[AuditTemplate] = orm.relationship(back_populates="items")


class Audit(Base):
    __tablename__ = "audits"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'completed')", name="status"),
        CheckConstraint("result IS NULL OR result IN ('approved', 'conditional', 'not_approved')", name="result"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    supplier_name: Mapped[str] = mapped_column(String(200), default="")
    template_key: Mapped[str] = mapped_column(String(40), default="")
    audit_type: Mapped[str] = mapped_column(String(12), default="qms")
    occasion: Mapped[str] = mapped_column(String(20), default="selection")
    auditors: Mapped[str] = mapped_column(String(300), default="")
    audit_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    scope: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="draft")
    state_json: Mapped[str] = mapped_column(Text, default="{}")
    percent: Mapped[float | None] = mapped_column(Float, nullable=True)
    result: Mapped[str | None] = mapped_column(String(16), nullable=True)
    result_reason: Mapped[str] = mapped_column(String(24), default="")
    section_scores_json: Mapped[str] = mapped_column(Text, default="[]")
    thresholds_json: Mapped[str] = mapped_column(Text, default="{}")
    created_by: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    completed_by: Mapped[str] = mapped_column(String(120), default="")

    items: Mapped[list[AuditItem]] = orm.relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                  order_by="AuditItem.position")
    findings: Mapped[list[AuditFinding]] = orm.relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                        order_by="AuditFinding.id")


class AuditItem(Base):
    """A checklist item as it was when the audit was completed (text, weight and rule copied)."""

    __tablename__ = "audit_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_key: Mapped[str] = mapped_column(String(40))
    section: Mapped[str] = mapped_column(String(40))
    clause: Mapped[str] = mapped_column(String(60), default="")
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    max_score: Mapped[int] = mapped_column(Integer, default=3)
    min_score: Mapped[int] = mapped_column(Integer, default=0)
    na_allowed: Mapped[bool] = mapped_column(default=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    na: Mapped[bool] = mapped_column(default=False)
    evidence: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[str | None] = mapped_column(String(12), nullable=True)
    finding: Mapped[str] = mapped_column(Text, default="")


class AuditFinding(Base):
    __tablename__ = "audit_findings"
    __table_args__ = (CheckConstraint("severity IN ('observation', 'minor', 'major', 'critical')", name="severity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("audits.id", ondelete="CASCADE"), index=True)
    ref: Mapped[str] = mapped_column(String(60))  # "item:<key>" or "extra:<n>" as in the wizard
    item_key: Mapped[str | None] = mapped_column(String(40), nullable=True)
    clause: Mapped[str] = mapped_column(String(60), default="")
    severity: Mapped[str] = mapped_column(String(12))
    description: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")


class ApprovalFlowRecord(Base):
    __tablename__ = "approval_flows"
    __table_args__ = (
        CheckConstraint("status IN ('in_progress', 'approved', 'conditional', 'rejected')", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="in_progress")
    from_status: Mapped[str] = mapped_column(String(20), default="potential")
    category: Mapped[str] = mapped_column(String(80), default="")
    part_ids_json: Mapped[str] = mapped_column(Text, default="[]")
    started_by: Mapped[str] = mapped_column(String(120), default="")
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")

    steps: Mapped[list[ApprovalStepRecord]] = orm.relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                           order_by="ApprovalStepRecord.seq")


class ApprovalStepRecord(Base):
    __tablename__ = "approval_steps"
    __table_args__ = (
        UniqueConstraint("flow_id", "step"),  # a step cannot be done twice, even by a buggy caller
        UniqueConstraint("flow_id", "seq"),
        CheckConstraint("result IN ('pass', 'conditional', 'reject')", name="result"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    flow_id: Mapped[int] = mapped_column(ForeignKey("approval_flows.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(String(24))
    result: Mapped[str] = mapped_column(String(12))
    done_by: Mapped[str] = mapped_column(String(120))
    done_at: Mapped[datetime] = mapped_column(DateTime)
    remarks: Mapped[str] = mapped_column(Text, default="")


class QualifiedSupplier(Base):
    """An entry of the qualified supplier list: supplier × item (or category), with validity."""

    __tablename__ = "qualified_suppliers"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'withdrawn', 'superseded')", name="status"),
        CheckConstraint("valid_until >= approved_on", name="dates"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[int | None] = mapped_column(ForeignKey("parts.id", ondelete="SET NULL"), nullable=True, index=True)
    category: Mapped[str] = mapped_column(String(80), default="")
    approved_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    reevaluate_on: Mapped[date] = mapped_column(Date)
    conditional: Mapped[bool] = mapped_column(default=False)
    flow_id: Mapped[int | None] = mapped_column(ForeignKey("approval_flows.id", ondelete="SET NULL"), nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="active")
    status_reason: Mapped[str] = mapped_column(Text, default="")
    status_by: Mapped[str] = mapped_column(String(120), default="")
    status_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class DevelopmentPlan(Base):
    __tablename__ = "development_plans"
    __table_args__ = (
        CheckConstraint("status IN ('planned', 'in_progress', 'done', 'cancelled')", name="status"),
        CheckConstraint("source IN ('audit', 'grade', 'other')", name="source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    weak_area: Mapped[str] = mapped_column(String(300))
    source: Mapped[str] = mapped_column(String(12), default="other")
    source_ref: Mapped[str] = mapped_column(String(120), default="")
    actions: Mapped[str] = mapped_column(Text, default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(12), default="planned")
    reevaluate_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


#: The 8D / verification columns 0004 adds to ``corrective_actions`` (Core, not mapped on the
#: core class, so that class keeps matching a database without this branch).
CAR_EXTRA = sa.table(
    "corrective_actions",
    sa.column("id", Integer),
    sa.column("audit_id", Integer),
    sa.column("finding_id", Integer),
    sa.column("method", String),
    sa.column("eight_d_json", Text),
    sa.column("verification", Text),
    sa.column("verified_by", String),
    sa.column("verified_on", Date),
    sa.column("closed_by", String),
    sa.column("cancel_reason", Text),
)
#: the 8D structure is shared with quality complaints: defined once in app.engines.eight_d
from app.engines.eight_d import EIGHT_D, EIGHT_D_TITLES  # noqa: E402,F401
