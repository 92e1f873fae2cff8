"""Supplier survey definition and scoring (供应商调查表).

The survey covers the seven areas of the course material (domain brief §2.2): basic information
and certifications, production and inspection equipment, process capability and supply capacity,
main raw materials and sources, main customers and their feedback, legal compliance, IT level.

Scoring is the comprehensive weighted scoring method of the course (综合评分法, brief §2.4/§2.7):
each scored answer gets points ``p`` out of its maximum ``m``; a section scores

    Sₖ = Σ p / Σ m × 100 over the section's answered, visible, scored questions      (1)

and the survey scores  S = Σ wₖ Sₖ / Σ wₖ  over sections that have a score               (2)

so a section with nothing answered is left out and the remaining weights renormalise (it never
silently counts as 0 or 100). The recommendation is ``recommend`` (go on to the on-site audit)
when S ≥ 75, ``conditional`` when S ≥ 60, else ``reject`` — configurable. A *knock-out*
question (e.g. no valid business licence, a tax violation) answered "no" means ``reject``
whatever the score, as legal compliance is a precondition of selection, not a weighted criterion.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.engines.flags import ACCEPTED_SWITCHES, switch

QUESTION_TYPES = ("text", "number", "date", "boolean", "choice", "rating")
SCORED_TYPES = ("boolean", "choice", "rating")
RECOMMENDATIONS = ("recommend", "conditional", "reject")


class SurveyDefinitionError(ValueError):
    """The survey definition is malformed."""


@dataclass(frozen=True)
class Option:
    value: str
    text_zh: str
    text_en: str
    points: float = 0.0

    def text(self, lang: str) -> str:
        return self.text_zh if lang == "zh_CN" else self.text_en


@dataclass(frozen=True)
class Question:
    key: str
    section: str
    text_zh: str
    text_en: str
    type: str
    required: bool = False
    max: float = 0.0  # points for scored types
    options: tuple[Option, ...] = ()
    min_value: float | None = None  # number range
    max_value: float | None = None
    show_if: tuple[str, tuple[Any, ...]] | None = None  # (question key, values that show it)
    knockout: bool = False

    @property
    def scored(self) -> bool:
        return self.type in SCORED_TYPES and self.max > 0

    def text(self, lang: str) -> str:
        return self.text_zh if lang == "zh_CN" else self.text_en


@dataclass(frozen=True)
class SurveySection:
    key: str
    title_zh: str
    title_en: str
    weight: float
    questions: tuple[Question, ...]

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh_CN" else self.title_en


@dataclass(frozen=True)
class SurveyThresholds:
    recommend: float = 75.0
    conditional: float = 60.0

    def __post_init__(self) -> None:
        if not 0 <= self.conditional <= self.recommend <= 100:
            raise SurveyDefinitionError("survey thresholds need 0 <= conditional <= recommend <= 100")


@dataclass(frozen=True)
class SurveyDefinition:
    key: str
    version: int
    title_zh: str
    title_en: str
    sections: tuple[SurveySection, ...]
    rating_labels: tuple[Option, ...]
    thresholds: SurveyThresholds

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh_CN" else self.title_en

    def section(self, key: str) -> SurveySection:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)

    def question(self, key: str) -> Question:
        for s in self.sections:
            for q in s.questions:
                if q.key == key:
                    return q
        raise KeyError(key)


def _switch(q: Mapping[str, Any], key: str, question: str) -> bool:
    # Read explicitly: bool("false") is True, so "knockout": "false" would reject every supplier.
    value = q.get(key, False)
    if value is None:
        return False
    on = switch(value)
    if on is None:
        raise SurveyDefinitionError(f"question '{question}': {key} must be {ACCEPTED_SWITCHES}, got {value!r}")
    return on


def parse_survey(doc: Mapping[str, Any]) -> SurveyDefinition:
    """Validate the survey JSON (``resources/survey/survey.json``) and build the definition."""
    if not isinstance(doc, Mapping) or "sections" not in doc:
        raise SurveyDefinitionError("survey definition needs 'sections'")
    seen: set[str] = set()
    sections: list[SurveySection] = []
    for si, s in enumerate(doc["sections"], 1):
        sk = str(s.get("key") or "")
        if not sk:
            raise SurveyDefinitionError(f"section {si}: missing key")
        try:
            weight = float(s.get("weight", 1.0))
        except (TypeError, ValueError) as exc:
            raise SurveyDefinitionError(f"section '{sk}': weight is not a number") from exc
        if weight < 0:
            raise SurveyDefinitionError(f"section '{sk}': weight must not be negative")
        questions: list[Question] = []
        for qi, q in enumerate(s.get("questions", []), 1):
            qk = str(q.get("key") or "")
            if not qk or qk in seen:
                raise SurveyDefinitionError(f"section '{sk}' question {qi}: missing or duplicate key '{qk}'")
            seen.add(qk)
            qtype = q.get("type")
            if qtype not in QUESTION_TYPES:
                raise SurveyDefinitionError(f"question '{qk}': unknown type {qtype!r}")
            options = tuple(
                Option(str(o["value"]), str(o.get("text_zh", o["value"])), str(o.get("text_en", o["value"])),
                       float(o.get("points", 0)))
                for o in q.get("options", [])
            )
            if qtype == "choice" and not options:
                raise SurveyDefinitionError(f"question '{qk}': a choice needs options")
            show_if = None
            if q.get("show_if"):
                cond = q["show_if"]
                values = tuple(cond["in"]) if "in" in cond else (cond.get("equals"),)
                if cond.get("question") not in seen:
                    raise SurveyDefinitionError(f"question '{qk}': show_if must refer to an earlier question")
                show_if = (str(cond["question"]), values)
            default_max = {"boolean": 4.0, "rating": 4.0}.get(qtype, 0.0)
            qmax = float(q.get("max", default_max)) if qtype in SCORED_TYPES else 0.0
            if qtype == "choice":
                qmax = max(o.points for o in options)
            questions.append(Question(
                key=qk, section=sk, text_zh=str(q.get("text_zh") or qk), text_en=str(q.get("text_en") or qk),
                type=qtype, required=_switch(q, "required", qk), max=qmax, options=options,
                min_value=q.get("min"), max_value=q.get("max") if qtype == "number" else None,
                show_if=show_if, knockout=_switch(q, "knockout", qk),
            ))
        sections.append(SurveySection(sk, str(s.get("title_zh") or sk), str(s.get("title_en") or sk), weight,
                                      tuple(questions)))
    if not sections:
        raise SurveyDefinitionError("survey has no sections")
    if sum(s.weight for s in sections) <= 0:
        raise SurveyDefinitionError("section weights must not all be zero")
    rec = doc.get("recommendation") or {}
    thresholds = SurveyThresholds(float(rec.get("recommend", 75.0)), float(rec.get("conditional", 60.0)))
    labels = tuple(Option(str(r["value"]), r.get("text_zh", ""), r.get("text_en", ""), float(r["value"]))
                   for r in doc.get("rating_labels", []))
    return SurveyDefinition(str(doc.get("key", "survey")), int(doc.get("version", 1)),
                            str(doc.get("title_zh", "供应商调查表")), str(doc.get("title_en", "Supplier survey")),
                            tuple(sections), labels, thresholds)


# ---------------------------------------------------------------------------- answers
def is_visible(question: Question, answers: Mapping[str, Any]) -> bool:
    """A question with ``show_if`` is shown only when the referenced answer is one of the values."""
    if question.show_if is None:
        return True
    ref, values = question.show_if
    return answers.get(ref) in values


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def check_answer(question: Question, value: Any) -> str | None:
    """None when ``value`` is acceptable for the question, else an error code.

    Codes: ``not_a_number``, ``below_min``, ``above_max``, ``not_a_date``, ``not_yes_no``,
    ``unknown_option``, ``rating_range``. Blank values are accepted here (``required`` is
    checked separately).
    """
    if is_blank(value):
        return None
    t = question.type
    if t == "number":
        if isinstance(value, bool):
            return "not_a_number"
        try:
            v = float(value)
        except (TypeError, ValueError):
            return "not_a_number"
        if v != v:
            return "not_a_number"
        if question.min_value is not None and v < float(question.min_value):
            return "below_min"
        if question.max_value is not None and v > float(question.max_value):
            return "above_max"
    elif t == "date":
        try:
            _dt.date.fromisoformat(str(value))
        except ValueError:
            return "not_a_date"
    elif t == "boolean":
        if not isinstance(value, bool):
            return "not_yes_no"
    elif t == "choice":
        if str(value) not in {o.value for o in question.options}:
            return "unknown_option"
    elif t == "rating":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= question.max \
                or value != int(value):
            return "rating_range"
    return None


def question_points(question: Question, value: Any) -> float | None:
    """Points for an answer, or None when the question is unscored or unanswered."""
    if not question.scored or is_blank(value) or check_answer(question, value) is not None:
        return None
    if question.type == "boolean":
        return question.max if value else 0.0
    if question.type == "choice":
        for o in question.options:
            if o.value == str(value):
                return o.points
    return float(value)  # rating


@dataclass(frozen=True)
class SurveySectionScore:
    section: str
    weight: float
    percent: float | None
    points: float
    max_points: float
    answered: int  # scored questions answered
    scored: int  # visible scored questions


@dataclass(frozen=True)
class SurveyScore:
    percent: float | None
    sections: tuple[SurveySectionScore, ...]
    recommendation: str | None  # None when nothing scored is answered
    knockouts: tuple[str, ...]  # keys of knock-out questions answered "no"/0


def score_survey(definition: SurveyDefinition, answers: Mapping[str, Any], *,
                 weights: Mapping[str, float] | None = None,
                 thresholds: SurveyThresholds | None = None) -> SurveyScore:
    """Section scores (1), overall score (2) and recommendation. ``weights`` overrides section weights."""
    thresholds = thresholds or definition.thresholds
    out: list[SurveySectionScore] = []
    knockouts: list[str] = []
    for s in definition.sections:
        w = float(weights.get(s.key, s.weight)) if weights else s.weight
        if w < 0 or w != w:
            raise SurveyDefinitionError(f"weight of section '{s.key}' must not be negative")
        pts = mx = 0.0
        answered = scored = 0
        for q in s.questions:
            if not is_visible(q, answers):
                continue
            value = answers.get(q.key)
            if q.knockout and not is_blank(value) and (value is False or value == 0):
                knockouts.append(q.key)
            if not q.scored:
                continue
            scored += 1
            p = question_points(q, value)
            if p is None:
                continue
            answered += 1
            pts += p
            mx += q.max
        pct = 100.0 * pts / mx if mx > 0 else None
        out.append(SurveySectionScore(s.key, w, pct, pts, mx, answered, scored))
    wsum = sum(x.weight for x in out if x.percent is not None)
    percent = sum(x.weight * x.percent for x in out if x.percent is not None) / wsum if wsum > 0 else None
    if knockouts:
        rec: str | None = "reject"
    elif percent is None:
        rec = None
    elif percent >= thresholds.recommend:
        rec = "recommend"
    elif percent >= thresholds.conditional:
        rec = "conditional"
    else:
        rec = "reject"
    return SurveyScore(percent, tuple(out), rec, tuple(knockouts))
