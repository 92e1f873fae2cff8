"""Saved custom reports of the CRM (migration 0017_crm_reports): a record type, the columns shown,
the filters (JSON list of ``[column, operator, value]``), an optional grouping column and one
aggregate (count/sum/mean/min/max over a column). The owner is ``db.actor.name``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base

AGGREGATES = ("count", "sum", "mean", "min", "max")


class SavedReport(Base):
    __tablename__ = "crm_saved_reports"
    __table_args__ = (
        CheckConstraint("aggregate IN ({})".format(", ".join(f"'{a}'" for a in AGGREGATES)), name="aggregate"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    record_type: Mapped[str] = mapped_column(String(20))
    columns_json: Mapped[str] = mapped_column(Text, default="[]")
    filters_json: Mapped[str] = mapped_column(Text, default="[]")
    group_by: Mapped[str] = mapped_column(String(40), default="")
    aggregate: Mapped[str] = mapped_column(String(8), default="count")
    aggregate_column: Mapped[str] = mapped_column(String(40), default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    changed_at: Mapped[datetime] = mapped_column(DateTime)
