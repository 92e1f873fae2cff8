"""What the satisfaction domain offers other domains (read only, no permission of its own: the
caller's service has checked its own).

``falling_satisfaction(db, as_of)`` feeds the CRM churn-risk flags (issue 16): a customer whose
0–100 score in its latest periodic wave ended by ``as_of`` is ``drop_points`` or more below the
mean of its ``previous`` waves before. The score per customer and wave is the mean over all its
rating answers of 100·(value − scale min)/(scale max − scale min), aggregated in SQL.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.models.core.database import Database
from app.models.satisfaction.tables import Answer, Respondent, Survey, SurveyVersion, Wave


def customer_wave_scores(db: Database, as_of: date) -> dict[int, list[tuple[date, float]]]:
    """Per customer, its (wave end, 0–100 score) of periodic waves ended by ``as_of``, oldest first."""
    score = func.avg(100.0 * (Answer.value - Survey.scale_min) / (Survey.scale_max - Survey.scale_min))
    q = (select(Respondent.customer_id, Wave.period_end, score)
         .join(Answer, Answer.respondent_id == Respondent.id)
         .join(Wave, Wave.id == Respondent.wave_id)
         .join(SurveyVersion, SurveyVersion.id == Wave.version_id)
         .join(Survey, Survey.id == SurveyVersion.survey_id)
         .where(Answer.kind == "rating", Survey.purpose == "periodic", Wave.period_end <= as_of)
         .group_by(Respondent.customer_id, Wave.id, Wave.period_end)
         .order_by(Respondent.customer_id, Wave.period_end))
    out: dict[int, list[tuple[date, float]]] = {}
    with db.read() as s:
        for cid, end, value in s.execute(q):
            out.setdefault(int(cid), []).append((end, float(value)))
    return out


def falling_satisfaction(db: Database, as_of: date, *, drop_points: float = 15.0,
                         previous: int = 2) -> dict[int, str]:
    """Customer id → "78 → 61" for customers whose latest score fell by ``drop_points`` or more."""
    found: dict[int, str] = {}
    for cid, scores in customer_wave_scores(db, as_of).items():
        if len(scores) < 2:
            continue
        latest = scores[-1][1]
        before = [v for _, v in scores[-1 - previous:-1]]
        base = sum(before) / len(before)
        if base - latest >= drop_points:
            found[cid] = f"{base:.0f} → {latest:.0f}"
    return found
