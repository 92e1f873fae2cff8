"""Wave planning: a wave of a **released** survey version is planned (code, name, period, the
targets chosen by ``targets.select_targets``), its targets edited while it is planned, opened
(only when ``model.validate_model`` finds no error: the model is validated before a wave starts)
and closed. Each action needs ``satisfaction.design``, is one transaction and is on the audit
trail (the wave's ORM changes; targets as one bulk entry with their count)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select

from app.engines.path_model import Problem
from app.models.admin import trail
from app.models.admin.permissions import requires
from app.models.core.database import Database
from app.models.satisfaction import model
from app.models.satisfaction.messages import render
from app.models.satisfaction.tables import ModelBlock, Survey, SurveyVersion, Wave, WaveTarget
from app.models.satisfaction.targets import Target, TargetFilter, select_targets

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,29}$")
NAME_LIMIT = 120


class WaveError(ValueError):
    """A refused wave action: ``key`` (``satisfaction.wave.*``), ``params``, ``field`` (the input
    it is about, "" when none), ``text(lang)``; ``problems`` lists every refusal of the input at
    once, ``model_problems`` the model's problems when a wave cannot open."""

    def __init__(self, key: str, *, field: str = "", problems: list[WaveError] | None = None,
                 model_problems: list[Problem] | None = None, **params: Any) -> None:
        self.key, self.field, self.params = key, field, params
        self.problems = problems or [self]
        self.model_problems = model_problems or []
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        params = dict(self.params)
        sep = "；" if lang == "zh_CN" else "; "
        if self.model_problems:
            params["problems"] = sep.join(model.problem_text(p, lang) for p in self.model_problems if p.is_error)
        if len(self.problems) > 1:
            return render("satisfaction.wave.invalid", lang, count=len(self.problems),
                          summary=sep.join(p.text(lang) for p in self.problems))
        return render(self.key, lang, **params)


@dataclass(frozen=True)
class WaveRow:
    id: int
    code: str
    name: str
    survey_code: str
    version_id: int
    version: int
    state: str
    period_start: date
    period_end: date
    targets: int


@dataclass(frozen=True)
class Plan:
    version_id: int
    code: str
    name: str
    period_start: date | None
    period_end: date | None
    filter: TargetFilter = field(default_factory=TargetFilter)


def released_versions(db: Database) -> list[model.VersionChoice]:
    return [v for v in model.list_versions(db) if v.state == "released"]


def list_planning(db: Database) -> list[WaveRow]:
    """Every wave with its version, state, period and number of targets, newest period first."""
    with db.read() as s:
        counts = dict(s.execute(select(WaveTarget.wave_id, func.count()).group_by(WaveTarget.wave_id)).all())
        rows = s.execute(select(Wave.id, Wave.code, Wave.name, Survey.code, SurveyVersion.id, SurveyVersion.version,
                                Wave.state, Wave.period_start, Wave.period_end)
                         .join(SurveyVersion, SurveyVersion.id == Wave.version_id)
                         .join(Survey, Survey.id == SurveyVersion.survey_id)
                         .order_by(Wave.period_end.desc(), Wave.code)).all()
    return [WaveRow(*r, counts.get(r[0], 0)) for r in rows]


def preview(db: Database, flt: TargetFilter) -> list[Target]:
    """The targets a filter chooses (what a wave planned with it would ask)."""
    return select_targets(db, flt)


def _wave(s, wave: int | str) -> Wave:
    w = s.get(Wave, wave) if isinstance(wave, int) else s.scalar(select(Wave).where(Wave.code == str(wave).strip()))
    if w is None:
        raise WaveError("satisfaction.wave.unknown", wave=wave)
    return w


def _filter_problems(flt: TargetFilter) -> list[WaveError]:
    return [WaveError("satisfaction.wave.bad_filter", field=name, value=value) for name, value in flt.problems()]


def _add(s, w: Wave, targets: list[Target], action: str) -> int:
    have = {(c, k) for c, k in s.execute(select(WaveTarget.customer_id, WaveTarget.contact_id)
                                        .where(WaveTarget.wave_id == w.id))}
    new = [t for t in targets if (t.customer_id, t.contact_id) not in have]
    with trail.bulk(s, action, "sat_wave_targets", record_id=w.code, targets=len(new)) as b:
        s.add_all([WaveTarget(wave_id=w.id, customer_id=t.customer_id, contact_id=t.contact_id) for t in new])
        b.add_content(",".join(f"{t.customer_id}:{t.contact_id or ''}" for t in new).encode())
    return len(new)


@requires("satisfaction.design")
def plan_wave(db: Database, version_id: int, code: str, name: str, period_start: date | None,
              period_end: date | None, flt: TargetFilter) -> WaveRow:
    """Plan a wave of a released version; every problem of the input is reported at once."""
    code = (code or "").strip()
    name = (name or "").strip()
    with db.begin() as s:
        problems: list[WaveError] = []
        v = s.get(SurveyVersion, version_id) if isinstance(version_id, int) else None
        if v is None:
            problems.append(WaveError("satisfaction.wave.no_version", field="version", version=version_id))
        elif v.state != "released":
            problems.append(WaveError("satisfaction.wave.not_released", field="version",
                                      version=f"{s.get(Survey, v.survey_id).code} v{v.version}", state=v.state))
        if not CODE_RE.match(code):
            problems.append(WaveError("satisfaction.wave.bad_code", field="code", code=code))
        elif s.scalar(select(Wave.id).where(func.lower(Wave.code) == code.lower())) is not None:
            problems.append(WaveError("satisfaction.wave.duplicate_code", field="code", code=code))
        if len(name) > NAME_LIMIT:
            problems.append(WaveError("satisfaction.wave.name_long", field="name", limit=NAME_LIMIT))
        if not isinstance(period_start, date):
            problems.append(WaveError("satisfaction.wave.no_date", field="period_start"))
        if not isinstance(period_end, date):
            problems.append(WaveError("satisfaction.wave.no_date", field="period_end"))
        if isinstance(period_start, date) and isinstance(period_end, date) and period_end < period_start:
            problems.append(WaveError("satisfaction.wave.bad_period", field="period_end",
                                      start=period_start.isoformat(), end=period_end.isoformat()))
        bad_filter = _filter_problems(flt)
        problems += bad_filter
        targets = select_targets(s, flt) if not bad_filter else []
        if not bad_filter and not targets:
            problems.append(WaveError("satisfaction.wave.no_targets", field="filter"))
        if problems:
            raise problems[0] if len(problems) == 1 else WaveError(problems[0].key, field=problems[0].field,
                                                                  problems=problems, **problems[0].params)
        w = Wave(version_id=v.id, code=code, name=name, period_start=period_start, period_end=period_end,
                 state="planned")
        s.add(w)
        s.flush()
        n = _add(s, w, targets, "plan")
        survey = s.get(Survey, v.survey_id)
        return WaveRow(w.id, w.code, w.name, survey.code, v.id, v.version, w.state, w.period_start, w.period_end, n)


def _planned(s, wave) -> Wave:
    w = _wave(s, wave)
    if w.state != "planned":
        raise WaveError("satisfaction.wave.not_planned", wave=w.code, state=w.state)
    return w


@requires("satisfaction.design")
def add_targets(db: Database, wave: int | str, flt: TargetFilter) -> int:
    """Add the targets of ``flt`` to a planned wave (those already asked are skipped); the count added."""
    bad = _filter_problems(flt)
    if bad:
        raise bad[0]
    with db.begin() as s:
        w = _planned(s, wave)
        return _add(s, w, select_targets(s, flt), "add_targets")


@requires("satisfaction.design")
def remove_targets(db: Database, wave: int | str, flt: TargetFilter) -> int:
    """Remove the targets of ``flt`` from a planned wave; refused when none would remain."""
    bad = _filter_problems(flt)
    if bad:
        raise bad[0]
    with db.begin() as s:
        w = _planned(s, wave)
        drop = {(t.customer_id, t.contact_id) for t in select_targets(s, flt)}
        rows = list(s.scalars(select(WaveTarget).where(WaveTarget.wave_id == w.id)))
        gone = [r for r in rows if (r.customer_id, r.contact_id) in drop]
        if gone and len(gone) == len(rows):
            raise WaveError("satisfaction.wave.last_targets", field="filter", wave=w.code)
        with trail.bulk(s, "remove_targets", "sat_wave_targets", record_id=w.code, targets=len(gone)):
            for r in gone:
                s.delete(r)
        return len(gone)


@requires("satisfaction.design")
def open_wave(db: Database, wave: int | str) -> None:
    """Start a planned wave: its version released, at least one target, and — when the version has
    a CSI path model (a periodic survey's CCSI/ACSI/ECSI/custom blocks) — a model without errors.
    A Kano study, a transaction or lost-customer survey without blocks is analysed without PLS."""
    with db.begin() as s:
        w = _planned(s, wave)
        v = s.get(SurveyVersion, w.version_id)
        label = f"{s.get(Survey, v.survey_id).code} v{v.version}"
        if v.state != "released":
            raise WaveError("satisfaction.wave.not_released", field="version", version=label, state=v.state)
        if not s.scalar(select(func.count()).select_from(WaveTarget).where(WaveTarget.wave_id == w.id)):
            raise WaveError("satisfaction.wave.no_targets", field="filter")
        has_model = bool(s.scalar(select(func.count()).select_from(ModelBlock).where(ModelBlock.version_id == v.id)))
        errors = [p for p in model.validate_model(s, v.id) if p.is_error] if has_model else []
        if errors:
            raise WaveError("satisfaction.wave.model_invalid", wave=w.code, version=label, count=len(errors),
                            model_problems=errors)
        w.state = "open"


@requires("satisfaction.design")
def close_wave(db: Database, wave: int | str) -> None:
    with db.begin() as s:
        w = _wave(s, wave)
        if w.state != "open":
            raise WaveError("satisfaction.wave.not_open", wave=w.code, state=w.state)
        w.state = "closed"
