"""The transaction survey "after a closed complaint" (issue 15): every closed, rated complaint
(complaints domain, rating 1–5) is a respondent of the survey ``TX-COMPLAINT`` — its customer and
contact answer the one question ``HANDLING`` with the complaint's rating, source "complaint",
``complaint_id`` set.

- The survey (purpose transaction, scale 1–5, one released version with the handling question) is
  created on the first sync.
- One wave per calendar quarter of the close date (``TX-COMPLAINT-2026Q4``), closed once the
  quarter is over, open while it runs.
- A contact answers a wave once (the respondents' rule): when the same customer and contact rated
  several complaints in a quarter, the latest one is the answer; the others keep their rating on
  the complaint and are counted as ``superseded``.
- Idempotent: a sync stores what is missing and updates an answer whose complaint was reopened
  and rated again; nothing else changes. One transaction, one trail entry (bulk) per sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.database import Database
from app.models.satisfaction.tables import Answer, Respondent, Survey, SurveyNode, SurveyVersion, Wave
from app.models.satisfaction.transactions import RATING_SCALE, HandlingRating, closed_ratings

SURVEY_CODE = "TX-COMPLAINT"
QUESTION = "HANDLING"
TEXT_ZH, TEXT_EN = "您对本次投诉处理的满意程度", "How satisfied are you with the handling of this complaint"


@dataclass(frozen=True)
class SyncResult:
    waves: int          # waves created
    stored: int         # respondents added
    updated: int        # answers changed (a complaint re-rated)
    superseded: int     # ratings of a contact that rated a later complaint in the same quarter
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
        latest: dict[tuple[int, int, int | None], HandlingRating] = {}
        for r in ratings:  # by close time: the last one per quarter and contact wins
            latest[(*quarter(r.closed_at), r.customer_id, r.contact_id)] = r
        superseded = len(ratings) - len(latest)
        version_id = _survey_version(s, now)
        waves = {w.code: w for w in s.scalars(select(Wave).where(Wave.version_id == version_id))}
        created = stored = updated = 0
        existing = {(w, cu, ct): rid for rid, w, cu, ct in s.execute(
            select(Respondent.id, Respondent.wave_id, Respondent.customer_id, Respondent.contact_id)
            .where(Respondent.wave_id.in_([w.id for w in waves.values()] or [-1])))}
        answers = {a.respondent_id: a for a in s.scalars(select(Answer).where(
            Answer.respondent_id.in_(list(existing.values()) or [-1]), Answer.question == QUESTION))}
        with trail.bulk(s, "import", "sat_respondents", source="complaints", survey=SURVEY_CODE) as b:
            for (year, q, cid, kid), r in sorted(latest.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[1].closed_at)):
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
                rid = existing.get((w.id, cid, kid))
                if rid is None:
                    resp = Respondent(wave_id=w.id, customer_id=cid, contact_id=kid, source="complaint",
                                      complaint_id=r.complaint_id, answered_on=r.closed_at.date(), created_at=now)
                    s.add(resp)
                    s.flush()
                    s.add(Answer(respondent_id=resp.id, question=QUESTION, kind="rating", value=float(r.rating)))
                    existing[(w.id, cid, kid)] = resp.id
                    stored += 1
                else:
                    resp = s.get(Respondent, rid)
                    ans = answers.get(rid)
                    if resp.source != "complaint":
                        continue  # answered some other way: leave it
                    if resp.complaint_id != r.complaint_id or ans is None or ans.value != float(r.rating):
                        resp.complaint_id, resp.answered_on = r.complaint_id, r.closed_at.date()
                        if ans is None:
                            s.add(Answer(respondent_id=rid, question=QUESTION, kind="rating", value=float(r.rating)))
                        else:
                            ans.value = float(r.rating)
                        updated += 1
            b.add_content(f"{stored}/{updated}/{len(ratings)}".encode())
    return SyncResult(created, stored, updated, superseded, len(ratings))
