"""Waves and their answers in the database: the questions of a wave (its survey version's
indicators on the survey's scale), its targets, storing typed answers (the entry grid) and
importing an answer file (``imports.parse_answers``: all-or-nothing, every bad cell reported),
each in one transaction with ``satisfaction.respond`` and the audit trail (one bulk entry)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.database import Database
from app.models.customers.tables import Customer, CustomerContact
from app.models.satisfaction.analysis import AnalysisError, _wave
from app.models.satisfaction.imports import (
    Item, Respondent as ImportRespondent, parse_answers, remember_mapping, version_items,
)
from app.models.satisfaction.tables import Answer, Respondent, Survey, SurveyNode, SurveyVersion, Wave, WaveTarget
from app.models.satisfaction.targets import Target


@dataclass(frozen=True)
class WaveInfo:
    id: int
    code: str
    survey_code: str
    scale: tuple[int, int]
    state: str


@dataclass(frozen=True)
class Typed:
    """One respondent typed into the entry grid (``row`` = its grid row, for messages)."""

    row: int
    customer_id: int
    contact_id: int | None
    answers: Mapping[str, int]


def _info(session, w: Wave) -> tuple[WaveInfo, list[Item]]:
    v = session.get(SurveyVersion, w.version_id)
    survey = session.get(Survey, v.survey_id)
    return (WaveInfo(w.id, w.code, survey.code, (survey.scale_min, survey.scale_max), w.state),
            version_items(session, v.id))


@requires("satisfaction.view")
def wave_questions(db: Database, wave: int | str) -> tuple[WaveInfo, list[Item]]:
    with db.read() as s:
        return _info(s, _wave(s, wave))


@requires("satisfaction.view")
def wave_targets(db: Database, wave: int | str) -> list[Target]:
    with db.read() as s:
        w = _wave(s, wave)
        rows = s.execute(select(WaveTarget.customer_id, Customer.code, Customer.name_zh, Customer.name_en,
                                WaveTarget.contact_id, CustomerContact.name, Customer.value_class, Customer.industry,
                                Customer.region)
                         .join(Customer, Customer.id == WaveTarget.customer_id)
                         .outerjoin(CustomerContact, CustomerContact.id == WaveTarget.contact_id)
                         .where(WaveTarget.wave_id == w.id).order_by(Customer.code, WaveTarget.id)).all()
    return [Target(r[0], r[1], r[2] or "", r[3] or "", r[4], r[5] or "", r[6], r[7] or "", r[8] or "") for r in rows]


@requires("satisfaction.view")
def answered(db: Database, wave: int | str) -> list[tuple[int, int | None]]:
    """(customer id, contact id) of everyone who has answered in the wave."""
    with db.read() as s:
        w = _wave(s, wave)
        return [(c, k) for c, k in s.execute(select(Respondent.customer_id, Respondent.contact_id)
                                            .where(Respondent.wave_id == w.id))]


def _store(session, wave_id: int, rows: Iterable[tuple[int, int | None, Mapping[str, float]]], source: str,
           day: date, items: Sequence[Item]) -> int:
    """Respondents and their answers; an answer keyed by its column (``items``) is stored as the
    question and kind the column stands for."""
    stored = {it.code: it.stored_as for it in items}
    n = 0
    for customer_id, contact_id, answers in rows:
        r = Respondent(wave_id=wave_id, customer_id=customer_id, contact_id=contact_id, source=source, answered_on=day)
        session.add(r)
        session.flush()
        session.add_all([Answer(respondent_id=r.id, question=stored[q][0], kind=stored[q][1], value=float(v))
                         for q, v in answers.items() if v is not None])
        n += 1
    return n


@requires("satisfaction.respond")
def save_typed(db: Database, wave: int | str, entries: Sequence[Typed], *, day: date | None = None) -> int:
    """Store respondents typed into the entry grid (all or nothing); refused: a closed wave, an
    answer outside the scale or to an unknown question, a respondent who is not a target of the
    wave or answers twice. Returns the number stored."""
    with db.begin() as s:
        w = _wave(s, wave)
        info, items = _info(s, w)
        if w.state == "closed":
            raise AnalysisError(f"wave {w.code} is closed", "survey.wave_closed", wave=w.code)
        scales = {i.code: (i.scale_min, i.scale_max) for i in items}
        targets = {(c, k) for c, k in s.execute(select(WaveTarget.customer_id, WaveTarget.contact_id)
                                                .where(WaveTarget.wave_id == w.id))}
        seen = {(c, k) for c, k in s.execute(select(Respondent.customer_id, Respondent.contact_id)
                                             .where(Respondent.wave_id == w.id))}
        problems: list[str] = []
        for e in entries:
            who = (e.customer_id, e.contact_id)
            if who not in targets:
                problems.append(f"row {e.row}: this customer/contact was not asked in wave {w.code}")
            if who in seen:
                problems.append(f"row {e.row}: this respondent has already answered in wave {w.code}")
            seen.add(who)
            if not any(v is not None for v in e.answers.values()):
                problems.append(f"row {e.row}: no answer at all (a respondent who answered nothing is not stored)")
            for q, v in e.answers.items():
                if q not in scales:
                    problems.append(f"row {e.row}, question {q}: not a question of this survey")
                elif v is not None and not scales[q][0] <= v <= scales[q][1]:
                    problems.append(f"row {e.row}, question {q}: {v} is outside the scale "
                                    f"{scales[q][0]}–{scales[q][1]}")
        if problems:
            raise AnalysisError("; ".join(problems[:5]) + (f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""),
                                "survey.entry_refused", count=len(problems), first=problems[0])
        with trail.bulk(s, "enter", "sat_respondents", record_id=w.code, respondents=len(entries)):
            return _store(s, w.id, [(e.customer_id, e.contact_id, e.answers) for e in entries], "entry",
                          day or date.today(), items)


@requires("satisfaction.respond")
def import_answers(db: Database, wave: int | str, path: str | Path, *, mapping: Mapping[str, str] | None = None,
                   day: date | None = None) -> int:
    """Import an answer file into a wave (the survey's own xlsx export filled in, or any CSV/xlsx
    with a column mapping, remembered for the survey): every row or none; returns the count."""
    info, items = wave_questions(db, wave)
    targets = wave_targets(db, wave)
    people: dict[int, ImportRespondent] = {}
    for t in targets:
        r = people.get(t.customer_id) or ImportRespondent(t.customer_id, t.customer_code, {}, False)
        contacts = dict(r.contacts)
        if t.contact_id is not None:
            contacts[t.contact_name.casefold()] = t.contact_id
        people[t.customer_id] = ImportRespondent(t.customer_id, t.customer_code, contacts,
                                                 r.anyone or t.contact_id is None)
    parsed = parse_answers(path, items, people.values(), mapping=mapping, answered=answered(db, wave))
    with db.begin() as s:
        w = _wave(s, info.id)
        if w.state == "closed":
            raise AnalysisError(f"wave {w.code} is closed", "survey.wave_closed", wave=w.code)
        if mapping:
            remember_mapping(s, info.survey_code, mapping)
        with trail.bulk(s, "import", "sat_respondents", record_id=w.code, file=Path(path).name,
                        respondents=len(parsed.rows)):
            return _store(s, w.id, [(r.customer_id, r.contact_id, r.answers) for r in parsed.rows], "import",
                          day or date.today(), items)
