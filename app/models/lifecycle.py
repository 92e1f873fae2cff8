"""Supplier lifecycle records (migration 0004_lifecycle): surveys, audit templates, audits with
items and findings, approval flows with steps, the qualified supplier list (合格供方名录) and
supplier development plans. Corrective actions use the core ``corrective_actions`` table; the
8D detail columns this feature adds are reached through ``CAR_EXTRA`` (a Core table clause), so
the core ORM class stays exactly as the foundation defines it.

Services live in ``lifecycle_suppliers``, ``lifecycle_import``, ``lifecycle_surveys``,
``lifecycle_audits`` and ``lifecycle_approval``; they return dataclasses, never these objects.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import CheckConstraint, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, utcnow


class LifecycleError(Exception):
    """A user-fixable problem; ``str()`` is one line, ``code`` a stable key."""

    code = "error"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class NotFoundError(LifecycleError):
    code = "not_found"


class ValidationError(LifecycleError):
    """Invalid input; ``messages`` holds flow messages (``app.flows.Message``) when from a wizard."""

    code = "invalid"

    def __init__(self, message: str, code: str | None = None, messages: list | None = None) -> None:
        super().__init__(message, code)
        self.messages = list(messages or [])


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

    items: Mapped[list[AuditTemplateItem]] = relationship(
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

    template: Mapped[AuditTemplate] = relationship(back_populates="items")


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

    items: Mapped[list[AuditItem]] = relationship(cascade="all, delete-orphan", passive_deletes=True,
                                                  order_by="AuditItem.position")
    findings: Mapped[list[AuditFinding]] = relationship(cascade="all, delete-orphan", passive_deletes=True,
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

    steps: Mapped[list[ApprovalStepRecord]] = relationship(cascade="all, delete-orphan", passive_deletes=True,
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
EIGHT_D = ("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8")
EIGHT_D_TITLES = {
    "D1": ("成立小组", "Team"), "D2": ("问题描述", "Problem description"), "D3": ("临时遏制措施", "Containment"),
    "D4": ("根本原因分析", "Root cause"), "D5": ("永久纠正措施", "Permanent corrective action"),
    "D6": ("实施与验证", "Implementation and validation"), "D7": ("预防再发生", "Prevent recurrence"),
    "D8": ("关闭与表彰", "Closure and recognition"),
}


def table_exists(session, name: str) -> bool:
    return sa.inspect(session.connection()).has_table(name)
