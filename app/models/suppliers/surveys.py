"""Supplier survey services: drafts saved as the user goes, resume, submit with score."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from app.engines.survey import SurveyDefinition, SurveyScore
from app.flows import DraftFormatError
from app.flows.survey import SurveyFlow, load_survey_definition
from app.models.admin.identity import actor_name
from app.models.admin.permissions import requires
from app.models.core.base import utcnow
from app.models.core.database import Database
from app.models.suppliers.errors import NotFoundError, ValidationError
from app.models.suppliers.tables import SupplierSurvey
from app.models.suppliers.tables import Supplier


@dataclass(frozen=True)
class SurveyRow:
    id: int
    supplier_id: int | None
    supplier_code: str
    supplier_name: str
    status: str
    survey_date: date | None
    percent: float | None
    recommendation: str | None
    updated_at: datetime
    submitted_at: datetime | None
    sections_done: int = 0      # sections answered (a draft shows "2 / 7", never its partial percent)
    sections_total: int = 0
    progress: str = ""          # "2 / 7": sections answered / sections

@dataclass(frozen=True)
class SurveyReport:
    """Everything the completed-survey PDF needs."""

    id: int
    supplier_code: str
    supplier_name_zh: str
    supplier_name_en: str
    status: str
    survey_date: date | None
    respondent: str
    definition: SurveyDefinition
    answers: dict[str, Any]
    notes: dict[str, str]
    score: SurveyScore
    submitted_by: str
    submitted_at: datetime | None
    unanswered_sections: tuple[str, ...] = ()  # section keys not yet answered (a draft)

    @property
    def final(self) -> bool:
        """Only a submitted survey has a total and a recommendation to print."""
        return self.status == "submitted"


def _date(v: Any) -> date | None:
    try:
        return date.fromisoformat(str(v)) if v else None
    except ValueError:
        return None


def _progress(sv: SupplierSurvey) -> tuple[int, int]:
    """Sections answered / sections, from the stored section list (drafts saved before it knew
    "answered" are read from their state)."""
    try:
        sections = json.loads(sv.section_scores_json or "[]")
    except ValueError:
        sections = []
    if sections and all("answered" in x for x in sections):
        return sum(1 for x in sections if x["answered"]), len(sections)
    try:
        return SurveyFlow.from_json(sv.state_json, definition=load_survey_definition()).progress()
    except (DraftFormatError, ValueError):
        return 0, len(sections)


def _row(s, sv: SupplierSurvey) -> SurveyRow:
    code = ""
    name = sv.supplier_name
    if sv.supplier_id is not None:
        sup = s.get(Supplier, sv.supplier_id)
        if sup is not None:
            code, name = sup.code, sup.name_zh or sup.name_en
    done, total = _progress(sv)
    final = sv.status == "submitted"
    return SurveyRow(sv.id, sv.supplier_id, code, name, sv.status, sv.survey_date, sv.percent if final else None,
                     sv.recommendation if final else None, sv.updated_at, sv.submitted_at,
                     total if final else done, total, f"{total if final else done} / {total}")


def new_survey(db: Database, supplier_id: int | None = None, *, lang: str = "en") -> SurveyFlow:
    """A fresh survey wizard state, with the supplier's name filled in."""
    name = ""
    if supplier_id is not None:
        with db.begin() as s:
            sup = s.get(Supplier, supplier_id)
            if sup is None:
                raise NotFoundError(f"supplier {supplier_id} does not exist")
            name = (sup.name_zh if lang == "zh_CN" else sup.name_en) or sup.name_zh or sup.name_en
    return SurveyFlow(supplier_id=supplier_id, supplier_name=name, lang=lang)


def _store(sv: SupplierSurvey, flow: SurveyFlow) -> None:
    st = flow.state
    sv.supplier_id = st.get("supplier_id")
    sv.supplier_name = str(st.get("supplier_name") or "")[:200]
    sv.survey_date = _date(st.get("survey_date"))
    sv.definition_key = flow.definition.key
    sv.definition_version = flow.definition.version
    sv.state_json = flow.to_json()
    score = flow.result()
    sv.percent = score.percent
    sv.section_scores_json = json.dumps([{"section": x.section, "percent": x.percent, "weight": x.weight,
                                          "answered": flow.section_answered(x.section)} for x in score.sections])
    sv.updated_at = utcnow()


@requires("surveys.edit")
def save_survey_draft(db: Database, flow: SurveyFlow, *, survey_id: int | None = None) -> int:
    """Insert or update the draft; returns its id (keep it for the next save)."""
    with db.begin() as s:
        if survey_id is None:
            sv = SupplierSurvey(status="draft", created_by=actor_name(db))
            s.add(sv)
        else:
            sv = s.get(SupplierSurvey, survey_id)
            if sv is None:
                raise NotFoundError(f"survey {survey_id} does not exist")
            if sv.status != "draft":
                raise ValidationError("a submitted survey can no longer be changed", "submitted")
        _store(sv, flow)
        s.flush()
        return sv.id


def load_survey(db: Database, survey_id: int, *, lang: str = "en") -> SurveyFlow:
    with db.begin() as s:
        sv = s.get(SupplierSurvey, survey_id)
        if sv is None:
            raise NotFoundError(f"survey {survey_id} does not exist")
        text = sv.state_json
    try:
        return SurveyFlow.from_json(text, lang=lang)
    except DraftFormatError as exc:
        raise ValidationError(f"survey {survey_id}: {exc}", "bad_draft") from exc


@requires("surveys.edit")
def submit_survey(db: Database, survey_id: int, flow: SurveyFlow) -> SurveyRow:
    """Check every page, then store the final answers, score and recommendation."""
    msgs = flow.validate_all()
    if msgs:
        raise ValidationError(f"the survey is not complete: {msgs[0].text(flow.lang)}", "incomplete", msgs)
    score = flow.result()
    with db.begin() as s:
        sv = s.get(SupplierSurvey, survey_id)
        if sv is None:
            raise NotFoundError(f"survey {survey_id} does not exist")
        if sv.status != "draft":
            raise ValidationError("the survey was already submitted", "submitted")
        _store(sv, flow)
        sv.status = "submitted"
        sv.recommendation = score.recommendation
        sv.submitted_at = utcnow()
        sv.submitted_by = actor_name(db)
        s.flush()
        return _row(s, sv)


def list_surveys(db: Database, *, supplier_id: int | None = None, status: str | None = None) -> list[SurveyRow]:
    with db.begin() as s:
        q = select(SupplierSurvey).order_by(SupplierSurvey.updated_at.desc(), SupplierSurvey.id.desc())
        if supplier_id is not None:
            q = q.where(SupplierSurvey.supplier_id == supplier_id)
        if status is not None:
            q = q.where(SupplierSurvey.status == status)
        return [_row(s, sv) for sv in s.scalars(q)]


def latest_survey_draft(db: Database, *, supplier_id: int | None = None) -> SurveyRow | None:
    rows = list_surveys(db, supplier_id=supplier_id, status="draft")
    return rows[0] if rows else None


@requires("surveys.edit")
def delete_survey(db: Database, survey_id: int) -> None:
    with db.begin() as s:
        sv = s.get(SupplierSurvey, survey_id)
        if sv is None:
            raise NotFoundError(f"survey {survey_id} does not exist")
        s.delete(sv)


def survey_report(db: Database, survey_id: int) -> SurveyReport:
    with db.begin() as s:
        sv = s.get(SupplierSurvey, survey_id)
        if sv is None:
            raise NotFoundError(f"survey {survey_id} does not exist")
        sup = s.get(Supplier, sv.supplier_id) if sv.supplier_id is not None else None
        code = sup.code if sup else ""
        zh = sup.name_zh if sup else sv.supplier_name
        en = sup.name_en if sup else sv.supplier_name  # the report falls back to the other language
        text, status, sdate, by, at = sv.state_json, sv.status, sv.survey_date, sv.submitted_by, sv.submitted_at
    flow = SurveyFlow.from_json(text, definition=load_survey_definition())
    return SurveyReport(survey_id, code, zh, en, status, sdate, str(flow.state.get("respondent") or ""),
                        flow.definition, dict(flow.answers), dict(flow.state.get("notes") or {}), flow.result(), by, at,
                        () if status == "submitted" else tuple(flow.unanswered_sections()))


# ---------------------------------------------------------------------------- discarding a draft
from app.models.admin.permissions import requires  # noqa: E402


@requires("surveys.edit")
def discard_survey_draft(db: Database, survey_id: int, *, reason: str = "discarded by the user") -> None:
    """Delete a survey *draft* (the user starts a new one instead); a submitted survey stays."""
    from app.models.admin import trail

    with db.begin() as s:
        sv = s.get(SupplierSurvey, survey_id)
        if sv is None:
            raise NotFoundError(f"survey {survey_id} does not exist")
        if sv.status != "draft":
            raise ValidationError("only a draft can be discarded; this survey was submitted", "submitted")
        trail.set_reason(s, reason)
        s.delete(sv)
