"""What a blank questionnaire shows: a survey version's questions grouped by dimension (with the
importance questions), the Kano pairs, the NPS question and the scale (for the printed form and
the xlsx the answers are typed into and imported back)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.models.admin.permissions import requires
from app.models.core.database import Database
from app.models.satisfaction.analysis import AnalysisError
from app.models.satisfaction.imports import version_items
from app.models.satisfaction.tables import KanoPair, Survey, SurveyNode, SurveyVersion


@dataclass(frozen=True)
class Question:
    code: str
    text_zh: str
    text_en: str
    importance: bool


@dataclass(frozen=True)
class Section:
    code: str
    title_zh: str
    title_en: str
    questions: tuple[Question, ...]


@dataclass
class Questionnaire:
    survey_code: str
    name_zh: str
    name_en: str
    version: int
    state: str
    scale: tuple[int, int]
    sections: list[Section] = field(default_factory=list)
    kano: list[KanoPair] = field(default_factory=list)
    nps_zh: str = ""
    nps_en: str = ""
    #: every answer column (ratings, importance, Kano, NPS) as the import reads them
    items: list = field(default_factory=list)

    @property
    def question_codes(self) -> list[str]:
        return [q.code for s in self.sections for q in s.questions]


@requires("satisfaction.view")
def load_questionnaire(db: Database, survey_code: str, version: int | None = None) -> Questionnaire:
    """The survey's version ``version`` (default: the latest released, else the latest)."""
    with db.read() as s:
        survey = s.scalar(select(Survey).where(Survey.code == survey_code.strip()))
        if survey is None:
            raise AnalysisError(f"survey {survey_code} does not exist", "survey.survey_unknown", survey=survey_code)
        versions = list(s.scalars(select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)
                                  .order_by(SurveyVersion.version)))
        if version is not None:
            v = next((x for x in versions if x.version == version), None)
        else:
            v = next((x for x in reversed(versions) if x.state == "released"), versions[-1] if versions else None)
        if v is None:
            raise AnalysisError(f"survey {survey_code} has no version {version or ''}".strip(), "survey.no_version",
                                survey=survey_code, version=version or "")
        nodes = list(s.scalars(select(SurveyNode).where(SurveyNode.version_id == v.id)
                               .order_by(SurveyNode.position, SurveyNode.id)))
        pairs = list(s.scalars(select(KanoPair).where(KanoPair.version_id == v.id).order_by(KanoPair.position)))
        items = version_items(s, v.id)
        for p in pairs:
            s.expunge(p)
    kids: dict[int | None, list[SurveyNode]] = {}
    for n in nodes:
        kids.setdefault(n.parent_id, []).append(n)
    sections: list[Section] = []
    for n in nodes:
        leaves = [k for k in kids.get(n.id, []) if not kids.get(k.id)]
        if n.kind == "dimension" and leaves:
            sections.append(Section(n.code, n.text_zh, n.text_en,
                                    tuple(Question(q.code, q.text_zh, q.text_en, q.importance_question) for q in leaves)))
    return Questionnaire(survey.code, survey.name_zh, survey.name_en, v.version, v.state,
                         (survey.scale_min, survey.scale_max), sections, pairs, v.nps_zh, v.nps_en, items)
