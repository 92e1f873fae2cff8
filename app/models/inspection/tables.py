"""Incoming-inspection tables (migration 0008_inspection).

The lots are the evaluation's ``inspection_lots`` rows (one table, no copy); these tables hold
what the inspector adds: the settings and switching state per supplier x part, the inspection
items, the severity history with its reasons, each lot's result per defect class, the measured
values (one JSON list per characteristic) and the dispositions of rejected lots.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base, utcnow

DEFECT_CLASSES = ("critical", "major", "minor")
EXEMPTIONS = ("none", "skip_lot", "exempt")
DISPOSITION_KINDS = ("return", "sort", "rework", "concession", "scrap")
PERFORMERS = ("supplier", "internal", "third_party")
COST_BEARERS = ("supplier", "company")


class InspectionSetting(Base):
    """How one supplier x part is inspected, and where its switching (clause 9) stands."""

    __tablename__ = "inspection_settings"
    __table_args__ = (
        UniqueConstraint("supplier_id", "part_id"),
        CheckConstraint("severity IN ('normal', 'tightened', 'reduced', 'discontinued')", name="severity"),
        CheckConstraint("exemption IN ('none', 'skip_lot', 'exempt')", name="exemption"),
        CheckConstraint("switching_score >= 0", name="score"),
    )
    __audit_exclude__ = frozenset({"recent_normal", "tightened_accepted_run", "tightened_not_accepted", "lots_count"})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"))
    part_id: Mapped[int] = mapped_column(ForeignKey("parts.id", ondelete="CASCADE"), index=True)
    level: Mapped[str] = mapped_column(String(4), default="II")
    aql_critical: Mapped[float | None] = mapped_column(Float, nullable=True)
    aql_major: Mapped[float | None] = mapped_column(Float, nullable=True)
    aql_minor: Mapped[float | None] = mapped_column(Float, nullable=True)
    severity: Mapped[str] = mapped_column(String(12), default="normal")
    switching_score: Mapped[int] = mapped_column(Integer, default=0)
    recent_normal: Mapped[str] = mapped_column(String(4), default="")  # "A"/"R" per lot, oldest first
    tightened_accepted_run: Mapped[int] = mapped_column(Integer, default=0)
    tightened_not_accepted: Mapped[int] = mapped_column(Integer, default=0)
    lots_count: Mapped[int] = mapped_column(Integer, default=0)
    production_steady: Mapped[bool] = mapped_column(Boolean, default=True)
    reduced_approved: Mapped[bool] = mapped_column(Boolean, default=False)
    reduced_approved_by: Mapped[str] = mapped_column(String(120), default="")
    reduced_approved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    exemption: Mapped[str] = mapped_column(String(10), default="none")
    exemption_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)


class InspectionItem(Base):
    """One characteristic to check: method, gauge, and limits (variable) or OK/NG (attribute)."""

    __tablename__ = "inspection_items"
    __table_args__ = (
        UniqueConstraint("setting_id", "position"),
        CheckConstraint("defect_class IN ('critical', 'major', 'minor')", name="defect_class"),
        CheckConstraint("kind IN ('variable', 'attribute')", name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    setting_id: Mapped[int] = mapped_column(ForeignKey("inspection_settings.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    characteristic: Mapped[str] = mapped_column(String(120))
    defect_class: Mapped[str] = mapped_column(String(8), default="major")
    kind: Mapped[str] = mapped_column(String(10), default="attribute")
    method: Mapped[str] = mapped_column(String(120), default="")
    gauge: Mapped[str] = mapped_column(String(120), default="")
    lower_limit: Mapped[float | None] = mapped_column(Float, nullable=True)
    upper_limit: Mapped[float | None] = mapped_column(Float, nullable=True)
    unit: Mapped[str] = mapped_column(String(20), default="")


class SeverityChange(Base):
    """A change of inspection severity with the rule and the reason (clause 9 or a person)."""

    __tablename__ = "inspection_severity_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    setting_id: Mapped[int] = mapped_column(ForeignKey("inspection_settings.id", ondelete="CASCADE"), index=True)
    lot_id: Mapped[int | None] = mapped_column(ForeignKey("inspection_lots.id", ondelete="SET NULL"), nullable=True)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    from_severity: Mapped[str] = mapped_column(String(12))
    to_severity: Mapped[str] = mapped_column(String(12))
    rule: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text, default="")
    changed_by: Mapped[str] = mapped_column(String(120), default="")


class LotClassResult(Base):
    """A lot's plan and result for one defect class (n, Ac, Re, defects found, decision)."""

    __tablename__ = "inspection_lot_classes"
    __table_args__ = (
        CheckConstraint("defect_class IN ('critical', 'major', 'minor')", name="defect_class"),
        CheckConstraint("defects >= 0 AND ac >= 0 AND re > ac", name="counts"),
    )

    lot_id: Mapped[int] = mapped_column(ForeignKey("inspection_lots.id", ondelete="CASCADE"), primary_key=True)
    defect_class: Mapped[str] = mapped_column(String(8), primary_key=True)
    aql: Mapped[float] = mapped_column(Float)
    code_letter: Mapped[str] = mapped_column(String(1))
    sample_size: Mapped[int] = mapped_column(Integer)
    ac: Mapped[int] = mapped_column(Integer)
    re: Mapped[int] = mapped_column(Integer)
    defects: Mapped[int] = mapped_column(Integer)
    accepted: Mapped[bool] = mapped_column(Boolean)
    hundred_percent: Mapped[bool] = mapped_column(Boolean, default=False)


class Measurement(Base):
    """The values of one characteristic over the samples of a lot, as one JSON list (numbers for
    variables, "OK"/"NG" for attributes, null for not measured)."""

    __tablename__ = "inspection_measurements"

    lot_id: Mapped[int] = mapped_column(ForeignKey("inspection_lots.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    characteristic: Mapped[str] = mapped_column(String(120))
    defect_class: Mapped[str] = mapped_column(String(8))
    samples: Mapped[str] = mapped_column(Text)
    nonconforming: Mapped[int] = mapped_column(Integer, default=0)


class Disposition(Base):
    """One line of a rejected lot's disposition; the lines of a lot add up to its size."""

    __tablename__ = "inspection_dispositions"
    __table_args__ = (
        CheckConstraint("kind IN ('return', 'sort', 'rework', 'concession', 'scrap')", name="kind"),
        CheckConstraint("quantity > 0", name="quantity"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("inspection_lots.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    quantity: Mapped[int] = mapped_column(Integer)
    performed_by: Mapped[str] = mapped_column(String(12), default="")
    cost_bearer: Mapped[str] = mapped_column(String(12), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(120), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    approved_by: Mapped[str] = mapped_column(String(120), default="")
