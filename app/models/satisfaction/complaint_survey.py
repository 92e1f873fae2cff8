"""The transaction survey "after a closed complaint" (issue 15): every closed, rated complaint
(complaints domain, rating 1–5) is a respondent of the survey ``TX-COMPLAINT`` — its customer and
contact answer the one question ``HANDLING`` with the complaint's rating, source "complaint",
``complaint_id`` set.

- The survey (purpose transaction, scale 1–5, one released version with the handling question) is
  created on the first sync.
- One wave per calendar quarter of the close date (``TX-COMPLAINT-2026Q4``), closed once the
  quarter is over, open while it runs.
- Each rated complaint is one respondent (a transaction survey rates the transaction): a contact
  who rated two complaints in a quarter answers that wave twice (migration 0019 lets the
  database hold it; a complaint answers once in all).
- Idempotent: a sync stores what is missing and updates an answer whose complaint was reopened
  and rated again — moved to the quarter of its new close when that changed (``moved``); nothing
  else changes. One transaction, one trail entry (bulk) per sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.database import Database
from app.models.satisfaction.tables import Answer, Respondent, Survey, SurveyNode, SurveyVersion, Wave
from app.models.satisfaction.transactions import RATING_SCALE, closed_ratings

SURVEY_CODE = "TX-COMPLAINT"
QUESTION = "HANDLING"
TEXT_ZH, TEXT_EN = "您对本次投诉处理的满意程度", "How satisfied are you with the handling of this complaint"


@dataclass(frozen=True)
class SyncResult:
    waves: int          # waves created
    stored: int         # respondents added
    updated: int        # answers changed (a complaint re-rated)
    moved: int          # of those, answers moved to another quarter's wave (closed again later)
    total: int          # rated complaints read


def quarter(day: date | datetime) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def _bounds(year: int, q: int) -> tuple[date, date]:
    start = date(year, 3 * q - 2, 1)
    end = date(year + (q == 4), (3 * q) % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)


def _survey_version(s, now: datetime) -> int:
    sv = s.scalar(select(Survey).where(Survey.code == SURVEY_CODE))
    if sv is None:
        sv = Survey(code=SURVEY_CODE, name_zh="投诉处理满意度（事务调查）", name_en="Complaint handling (transaction survey)",
                    purpose="transaction", scale_min=RATING_SCALE[0], scale_max=RATING_SCALE[1],
                    notes="Filled from the ratings of closed complaints.", created_at=now)
        s.add(sv)
        s.flush()
    v = s.scalar(select(SurveyVersion).where(SurveyVersion.survey_id == sv.id, SurveyVersion.state == "released")
                 .order_by(SurveyVersion.version.desc()))
    if v is None:
        number = (s.scalar(select(SurveyVersion.version).where(SurveyVersion.survey_id == sv.id)
                           .order_by(SurveyVersion.version.desc())) or 0) + 1
        v = SurveyVersion(survey_id=sv.id, version=number, state="released", model_kind="custom",
                          released_at=now, released_by="system:complaints", created_at=now)
        s.add(v)
        s.flush()
        goal = SurveyNode(version_id=v.id, kind="goal", code="TOTAL", text_zh="投诉处理", text_en="Complaint handling")
        s.add(goal)
        s.flush()
        dim = SurveyNode(version_id=v.id, parent_id=goal.id, kind="dimension", code="D_SERVICE", text_zh="服务",
                         text_en="Service", weight=1.0)
        s.add(dim)
        s.flush()
        s.add(SurveyNode(version_id=v.id, parent_id=dim.id, kind="indicator", code=QUESTION, text_zh=TEXT_ZH,
                         text_en=TEXT_EN, weight=1.0))
        s.flush()
    return v.id


@requires("satisfaction.respond")
def sync_complaint_ratings(db: Database, *, today: date | None = None, now: datetime | None = None) -> SyncResult:
    """Store the closed complaints' ratings as transaction-survey answers (see the module text);
    ``now`` stamps what is created (default: the clock, UTC)."""
    from app.models.core.base import utcnow

    today = today or date.today()
    now = now or utcnow()
    with db.begin() as s:
        ratings = closed_ratings(s)
        version_id = _survey_version(s, now)
        waves = {w.code: w for w in s.scalars(select(Wave).where(Wave.version_id == version_id))}
        created = stored = updated = moved = 0
        existing = {r.complaint_id: r for r in s.scalars(select(Respondent).where(Respondent.complaint_id.is_not(None)))}
        answers = {a.respondent_id: a for a in s.scalars(select(Answer).where(
            Answer.respondent_id.in_([r.id for r in existing.values()] or [-1]), Answer.question == QUESTION))}
        with trail.bulk(s, "import", "sat_respondents", source="complaints", survey=SURVEY_CODE) as b:
            for r in ratings:  # by close time
                year, q = quarter(r.closed_at)
                code = f"{SURVEY_CODE}-{year}Q{q}"
                start, end = _bounds(year, q)
                w = waves.get(code)
                if w is None:
                    w = Wave(version_id=version_id, code=code, name=f"投诉处理满意度 {year} Q{q}", period_start=start,
                             period_end=end, state="closed" if end < today else "open", created_at=now)
                    s.add(w)
                    s.flush()
                    waves[code] = w
                    created += 1
                elif w.state == "open" and end < today:
                    w.state = "closed"
                resp = existing.get(r.complaint_id)
                if resp is None:
                    resp = Respondent(wave_id=w.id, customer_id=r.customer_id, contact_id=r.contact_id,
                                      source="complaint", complaint_id=r.complaint_id, answered_on=r.closed_at.date(),
                                      created_at=now)
                    s.add(resp)
                    s.flush()
                    s.add(Answer(respondent_id=resp.id, question=QUESTION, kind="rating", value=float(r.rating)))
                    existing[r.complaint_id] = resp
                    stored += 1
                    continue
                ans = answers.get(resp.id)
                now_is = (w.id, r.customer_id, r.contact_id, r.closed_at.date(), float(r.rating))
                was = (resp.wave_id, resp.customer_id, resp.contact_id, resp.answered_on, ans.value if ans else None)
                if now_is == was:
                    continue
                moved += resp.wave_id != w.id
                resp.wave_id, resp.customer_id, resp.contact_id, resp.answered_on = now_is[:4]
                if ans is None:
                    s.add(Answer(respondent_id=resp.id, question=QUESTION, kind="rating", value=float(r.rating)))
                else:
                    ans.value = float(r.rating)
                updated += 1
            b.add_content(f"{stored}/{updated}/{len(ratings)}".encode())
    return SyncResult(created, stored, updated, moved, len(ratings))
