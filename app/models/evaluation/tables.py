"""Supplier evaluation records: order lines, deliveries and inspection lots (migration
0003_evaluation) — the raw data every indicator is counted from — and the stored schemes, runs,
results and traces of each evaluated period (0003, reshaped by 0005_evaluation_traces)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, DateTime, Float, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.engines.scoring import EvaluationScheme
from app.models.core.base import Base, utcnow


class PurchaseOrderLine(Base):
    """One ordered item on a purchase order: what was ordered, by when, at what price."""

    __tablename__ = "purchase_order_lines"
    __table_args__ = (
        UniqueConstraint("po_number", "line_no"),
        CheckConstraint("ordered_qty > 0", name="ordered_positive"),
        CheckConstraint("unit_price IS NULL OR unit_price >= 0", name="price"),
        CheckConstraint("standard_price IS NULL OR standard_price > 0", name="standard"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), index=True)
    part_id: Mapped[int | None] = mapped_column(ForeignKey("parts.id", ondelete="SET NULL"), index=True)
    po_number: Mapped[str] = mapped_column(String(40))
    line_no: Mapped[int] = mapped_column(Integer)
    ordered_qty: Mapped[float] = mapped_column(Float)
    due_on: Mapped[date] = mapped_column(Date)
    unit_price: Mapped[float | None] = mapped_column(Float, nullable=True)
    standard_price: Mapped[float | None] = mapped_column(Float, nullable=True)


class Delivery(Base):
    """A receipt against an order line (partial deliveries are several rows)."""

    __tablename__ = "deliveries"
    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    po_line_id: Mapped[int] = mapped_column(ForeignKey("purchase_order_lines.id", ondelete="CASCADE"))
    delivered_on: Mapped[date] = mapped_column(Date)
    quantity: Mapped[float] = mapped_column(Float)
    delivery_note: Mapped[str] = mapped_column(String(40), default="")


class InspectionLot(Base):
    """An incoming-inspection lot result (also the record GB/T 2828.1 sampling writes)."""

    __tablename__ = "inspection_lots"
    __table_args__ = (
        UniqueConstraint("supplier_id", "lot_number"),
        CheckConstraint("lot_size > 0", name="lot_size_positive"),
        CheckConstraint("sample_size >= 0 AND sample_size <= lot_size", name="sample_size"),
        CheckConstraint("critical_defects >= 0 AND major_defects >= 0 AND minor_defects >= 0", name="defects"),
        CheckConstraint("defective_units >= 0 AND defective_units <= lot_size", name="defective"),
        CheckConstraint("decision IN ('accepted', 'rejected')", name="decision"),
        CheckConstraint("disposition IS NULL OR disposition IN ('return', 'rework', 'concession', 'scrap', 'sort')",
                        name="disposition"),
        CheckConstraint("severity IN ('normal', 'tightened', 'reduced')", name="severity"),
        Index("ix_inspection_lots_supplier_part", "supplier_id", "part_id", "inspected_on"),  # 0008_inspection
        Index("ix_inspection_lots_awaiting", "inspected_on", "id",  # 0013_inspection_lists
              sqlite_where=text("decision = 'rejected' AND disposition IS NULL"),
              postgresql_where=text("decision = 'rejected' AND disposition IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    lot_number: Mapped[str] = mapped_column(String(40))
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"))
    part_id: Mapped[int | None] = mapped_column(ForeignKey("parts.id", ondelete="SET NULL"), index=True)
    delivery_id: Mapped[int | None] = mapped_column(ForeignKey("deliveries.id", ondelete="SET NULL"), index=True)
    inspected_on: Mapped[date] = mapped_column(Date)
    lot_size: Mapped[int] = mapped_column(Integer)
    sample_size: Mapped[int] = mapped_column(Integer)
    critical_defects: Mapped[int] = mapped_column(Integer, default=0)
    major_defects: Mapped[int] = mapped_column(Integer, default=0)
    minor_defects: Mapped[int] = mapped_column(Integer, default=0)
    defective_units: Mapped[int] = mapped_column(Integer, default=0)
    decision: Mapped[str] = mapped_column(String(10))
    disposition: Mapped[str | None] = mapped_column(String(12), nullable=True)
    severity: Mapped[str] = mapped_column(String(10), default="normal")
    inspection_level: Mapped[str | None] = mapped_column(String(4), nullable=True)
    aql: Mapped[float | None] = mapped_column(Float, nullable=True)
    inspector: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Added by 0008_inspection (the inspector's record; app/models/inspection/ writes them).
    po_number: Mapped[str] = mapped_column(String(40), default="", server_default="")
    delivery_note: Mapped[str] = mapped_column(String(40), default="", server_default="")
    decision_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    switching_score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    corrective_action_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    recorded_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class EvaluationSchemeRecord(Base):
    """A stored, versioned evaluation scheme (JSON of app.engines.scoring.EvaluationScheme)."""

    __tablename__ = "evaluation_schemes"
    __table_args__ = (UniqueConstraint("name", "version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    version: Mapped[int] = mapped_column(Integer)
    config: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    def scheme(self) -> EvaluationScheme:
        return EvaluationScheme.from_json(self.config)


class EvaluationRun(Base):
    __tablename__ = "evaluation_runs"
    __table_args__ = (
        UniqueConstraint("period"),
        CheckConstraint("period_kind IN ('month', 'quarter', 'year')", name="period_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(10))
    period_kind: Mapped[str] = mapped_column(String(8))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    scheme_id: Mapped[int] = mapped_column(ForeignKey("evaluation_schemes.id", ondelete="RESTRICT"), index=True)
    run_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    supplier_count: Mapped[int] = mapped_column(Integer)
    scored_count: Mapped[int] = mapped_column(Integer)


# Equality chains, not IN lists: SQLite evaluates a CHECK's IN list through a temporary table per row.
_GRADE_OK = "{c} IS NULL OR {c} = 'A' OR {c} = 'B' OR {c} = 'C' OR {c} = 'D'"


class EvaluationResult(Base):
    """One supplier's score and grade for one period (migration 0005_evaluation_traces).

    Keyed by (period, supplier_id): a new period appends in key order. The scheme and method are
    the run's (``evaluation_runs.scheme_id``); the calculation trace is in ``evaluation_traces``.
    """

    __tablename__ = "evaluation_results"
    __table_args__ = (
        CheckConstraint(_GRADE_OK.format(c="grade"), name="grade"),
        CheckConstraint(_GRADE_OK.format(c="previous_grade"), name="previous_grade"),
        CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_range"),
        CheckConstraint("(score IS NULL) = (grade IS NULL)", name="grade_iff_score"),
        {"sqlite_with_rowid": False},
    )

    period: Mapped[str] = mapped_column(String(10), ForeignKey("evaluation_runs.period", ondelete="CASCADE"),
                                        primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("suppliers.id", ondelete="CASCADE"), primary_key=True)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    grade: Mapped[str | None] = mapped_column(String(1), nullable=True)
    previous_grade: Mapped[str | None] = mapped_column(String(1), nullable=True)
    periods_in_grade: Mapped[int] = mapped_column(Integer, default=0)
    change: Mapped[str | None] = mapped_column(String(5), nullable=True)
    treatment: Mapped[str] = mapped_column(String(12))
    missing: Mapped[str] = mapped_column(Text, default="[]")


class EvaluationTrace(Base):
    """The calculation traces of one period: a float64 matrix (NumPy ``.npy`` bytes), one row per
    supplier, with named columns — see migration 0005 for the layout."""

    __tablename__ = "evaluation_traces"

    period: Mapped[str] = mapped_column(String(10), ForeignKey("evaluation_runs.period", ondelete="CASCADE"),
                                        primary_key=True)
    columns: Mapped[str] = mapped_column(Text)
    data: Mapped[bytes] = mapped_column(LargeBinary)
