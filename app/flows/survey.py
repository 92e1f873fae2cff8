"""Survey wizard flow (供应商调查表): intro page, one page per survey section, result page.

State (JSON): ``supplier_id``, ``supplier_name``, ``respondent``, ``survey_date``,
``answers`` {question key: value}, ``notes`` {section key: evidence note},
``weights`` {section key: weight override}. Questions with ``show_if`` appear only when the
referenced answer matches (in-page branching); hidden answers are not validated or scored.
"""

from __future__ import annotations

import datetime as _dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.engines.survey import (
    SurveyDefinition,
    SurveyScore,
    check_answer,
    is_blank,
    is_visible,
    parse_survey,
    score_survey,
)
from app.flows import DraftFormatError, Message, Page, PageFlow

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SURVEY_PATH = RESOURCES / "survey" / "survey.json"

INTRO = "intro"
RESULT = "result"


def section_page(key: str) -> str:
    return f"section:{key}"


@lru_cache(maxsize=4)
def _load(path: str) -> SurveyDefinition:
    with open(path, encoding="utf-8") as fh:
        return parse_survey(json.load(fh))


def load_survey_definition(path: str | Path | None = None) -> SurveyDefinition:
    """The shipped survey definition (``resources/survey/survey.json``) or another file."""
    return _load(str(path or SURVEY_PATH))


class SurveyFlow(PageFlow):
    KIND = "survey"
    VERSION = 1

    def __init__(self, definition: SurveyDefinition | None = None, *, supplier_id: int | None = None,
                 supplier_name: str = "", survey_date: str | None = None, lang: str = "en") -> None:
        super().__init__()
        self.definition = definition or load_survey_definition()
        self.lang = lang
        self.state = {
            "definition": {"key": self.definition.key, "version": self.definition.version},
            "supplier_id": supplier_id,
            "supplier_name": supplier_name,
            "respondent": "",
            "survey_date": survey_date or _dt.date.today().isoformat(),
            "answers": {},
            "notes": {},
            "weights": {},
        }
        self._build_pages()
        self.current = self.start

    def _build_pages(self) -> None:
        keys = [section_page(s.key) for s in self.definition.sections]
        chain = [INTRO, *keys, RESULT]
        self.pages = {}
        for i, key in enumerate(chain):
            nxt = chain[i + 1] if i + 1 < len(chain) else None
            if key == INTRO:
                self.pages[key] = Page(key, nxt, SurveyFlow._validate_intro)
            elif key == RESULT:
                self.pages[key] = Page(key, None, None)
            else:
                self.pages[key] = Page(key, nxt, SurveyFlow._validate_section_page)

    # answers -----------------------------------------------------------------------------
    @property
    def answers(self) -> dict[str, Any]:
        return self.state["answers"]

    def set_answer(self, question_key: str, value: Any) -> None:
        self.definition.question(question_key)  # KeyError for an unknown question
        if is_blank(value):
            self.state["answers"].pop(question_key, None)
        else:
            self.state["answers"][question_key] = value

    def set_note(self, section_key: str, text: str) -> None:
        self.definition.section(section_key)
        self.state["notes"][section_key] = text

    def set_weight(self, section_key: str, weight: float) -> None:
        self.definition.section(section_key)
        weight = float(weight)
        if weight < 0 or weight != weight:
            raise ValueError("a section weight must not be negative")
        self.state["weights"][section_key] = weight

    def visible_questions(self, section_key: str) -> list:
        return [q for q in self.definition.section(section_key).questions if is_visible(q, self.answers)]

    # validation --------------------------------------------------------------------------
    def _validate_intro(self) -> list[Message]:
        msgs = []
        if self.state.get("supplier_id") is None and is_blank(self.state.get("supplier_name")):
            msgs.append(Message(INTRO, "supplier", "required", {"label": "供应商" if self.lang == "zh_CN" else "Supplier"}))
        d = self.state.get("survey_date")
        try:
            _dt.date.fromisoformat(str(d))
        except ValueError:
            msgs.append(Message(INTRO, "survey_date", "not_a_date", {"label": "调查日期" if self.lang == "zh_CN" else "Survey date"}))
        return msgs

    def _validate_section_page(self) -> list[Message]:
        return self.validate_section(self.current.split(":", 1)[1])

    def validate_section(self, section_key: str) -> list[Message]:
        page = section_page(section_key)
        msgs = []
        for q in self.visible_questions(section_key):
            value = self.answers.get(q.key)
            params = {"label": q.text(self.lang), "min": q.min_value, "max": q.max_value if q.type == "number" else q.max}
            if q.required and is_blank(value):
                msgs.append(Message(page, q.key, "required", params))
                continue
            code = check_answer(q, value)
            if code:
                msgs.append(Message(page, q.key, code, params))
        return msgs

    def validate_page(self, page: str | None = None) -> list[Message]:
        page = page or self.current
        if page.startswith("section:"):
            return self.validate_section(page.split(":", 1)[1])
        return super().validate_page(page)

    # result -----------------------------------------------------------------------------
    def result(self) -> SurveyScore:
        return score_survey(self.definition, self.answers, weights=self.state.get("weights") or None)

    def is_complete(self) -> bool:
        return not self.validate_all()

    def section_answered(self, section_key: str) -> bool:
        """A section counts as answered when something in it is answered and it passes its checks
        (every visible required question answered, every answer valid)."""
        visible = self.visible_questions(section_key)
        return any(not is_blank(self.answers.get(q.key)) for q in visible) and not self.validate_section(section_key)

    def unanswered_sections(self) -> list[str]:
        """Keys of the sections not yet answered, in order."""
        return [s.key for s in self.definition.sections if not self.section_answered(s.key)]

    def progress(self) -> tuple[int, int]:
        """(sections answered, sections) — what a draft's list entry shows instead of a score."""
        total = len(self.definition.sections)
        return total - len(self.unanswered_sections()), total

    # drafts -----------------------------------------------------------------------------
    @classmethod
    def from_json(cls, text: str | dict, definition: SurveyDefinition | None = None, lang: str = "en") -> "SurveyFlow":
        data = cls._check_draft(text)
        flow = cls(definition, lang=lang)
        state = data["state"]
        saved_def = state.get("definition") or {}
        if saved_def.get("key") not in (None, flow.definition.key):
            raise DraftFormatError(f"the draft belongs to survey '{saved_def.get('key')}'")
        for name in ("supplier_id", "supplier_name", "respondent", "survey_date"):
            if name in state:
                flow.state[name] = state[name]
        known = {q.key for s in flow.definition.sections for q in s.questions}
        flow.state["answers"] = {k: v for k, v in (state.get("answers") or {}).items() if k in known}
        sections = {s.key for s in flow.definition.sections}
        flow.state["notes"] = {k: v for k, v in (state.get("notes") or {}).items() if k in sections}
        flow.state["weights"] = {k: float(v) for k, v in (state.get("weights") or {}).items() if k in sections}
        flow._restore_position(data)
        return flow
