"""Read-only queries over stored evaluation results for the evaluation screen: which periods
have been evaluated, which schemes can be chosen, and one supplier's score history (the
grade-trend chart). Each function is one transaction and returns plain values / DataFrames."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from app.engines.indicators import Period
from app.models.core.database import Database
from app.models.evaluation.service import DEFAULT_SCHEME_NAME
from app.models.evaluation.tables import EvaluationResult, EvaluationRun, EvaluationSchemeRecord
from app.models.suppliers.tables import Supplier

HISTORY_COLUMNS = ("period", "score", "grade")


def score_history(db: Database, supplier_code: str, period_kind: str | None = "month") -> pd.DataFrame:
    """Stored score and grade of one supplier per evaluated period, oldest first.

    ``period_kind`` ("month", "quarter", "year") keeps one kind of period so the trend compares
    like with like; ``None`` returns every stored period. Ungraded periods have score NaN and
    grade None. Unknown suppliers give an empty frame with the same columns.
    """
    query = (select(EvaluationResult.period, EvaluationResult.score, EvaluationResult.grade)
             .join(Supplier, Supplier.id == EvaluationResult.supplier_id)
             .join(EvaluationRun, EvaluationRun.period == EvaluationResult.period)
             .where(Supplier.code == supplier_code)
             .order_by(EvaluationRun.period_start, EvaluationResult.period))
    if period_kind is not None:
        query = query.where(EvaluationRun.period_kind == period_kind)
    with db.begin() as session:
        rows = session.execute(query).all()
    frame = pd.DataFrame.from_records([tuple(r) for r in rows], columns=list(HISTORY_COLUMNS))
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce").astype(float)
    frame["grade"] = frame["grade"].astype(object).where(frame["grade"].notna(), None)
    return frame


def evaluated_periods(db: Database, period_kind: str | None = None) -> list[str]:
    """Labels of the evaluated periods, newest first (optionally of one kind)."""
    query = select(EvaluationRun.period).order_by(EvaluationRun.period_start.desc(), EvaluationRun.period_end)
    if period_kind is not None:
        query = query.where(EvaluationRun.period_kind == period_kind)
    with db.begin() as session:
        return list(session.scalars(query))


def latest_period(db: Database, period_kind: str | None = None) -> Period | None:
    """The newest evaluated period (a month before a quarter or year starting the same day)."""
    periods = evaluated_periods(db, period_kind)
    return Period.parse(periods[0]) if periods else None


def active_scheme_names(db: Database) -> list[str]:
    """Names of the schemes with an active version; the default scheme is always offered first
    (the evaluation creates it on first use)."""
    with db.begin() as session:
        names = list(session.scalars(select(EvaluationSchemeRecord.name).where(EvaluationSchemeRecord.active)
                                     .distinct().order_by(EvaluationSchemeRecord.name)))
    return [DEFAULT_SCHEME_NAME] + [n for n in names if n != DEFAULT_SCHEME_NAME]
