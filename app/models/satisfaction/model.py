"""The CSI model of a survey version: its latent variables (blocks), the arrows between them
(paths) and which indicator measures which block (``SurveyNode.latent``).

A standard model (CCSI, ACSI, ECSI: ``resources/models/*.json``) replaces the blocks and paths in
one go; a custom model is edited block by block and path by path. Only a **draft** version is
edited: a released one is frozen (a change is a new version). Every edit needs
``satisfaction.design``, is one transaction and lands in the audit trail (ORM changes).
``validate_model`` lists what keeps the model from being estimated (``app.engines.path_model``);
a wave only opens on a model without errors (``campaigns.open_wave``).

Undo in the editor: ``snapshot`` before an edit, ``restore`` to put it back (one transaction).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.engines import path_model
from app.engines.path_model import Problem
from app.models.admin.permissions import requires
from app.models.core.database import Database
from app.models.satisfaction.messages import STATES_ZH, localised, render  # noqa: F401 (re-exported)
from app.models.satisfaction.tables import ModelBlock, ModelPath, Survey, SurveyNode, SurveyVersion

TEMPLATES = ("ccsi", "acsi", "ecsi")
NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")
LABEL_LIMIT = 80


def _models_dir() -> Path:
    return Path(__file__).resolve().parents[3] / "resources" / "models"


class ModelError(ValueError):
    """A refused model edit: ``key`` (``satisfaction.model.*``) and ``params`` name the message in
    ``app.models.satisfaction.messages``; ``field`` the input it is about; ``text(lang)`` gives it."""

    def __init__(self, key: str, *, field: str = "", **params: Any) -> None:
        self.key, self.field, self.params = key, field, params
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        return render(self.key, lang, **{"field": self.field, **self.params})  # some texts name the field


def problem_text(problem: Problem, lang: str = "en") -> str:
    return render(problem.key, lang, **dict(problem.params))


# ----------------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class VersionChoice:
    id: int
    survey_code: str
    survey_name_zh: str
    survey_name_en: str
    version: int
    state: str
    model_kind: str


@dataclass(frozen=True)
class BlockView:
    name: str
    label_zh: str
    label_en: str
    items: int


@dataclass(frozen=True)
class ItemView:
    node_id: int
    code: str
    text_zh: str
    text_en: str
    block: str


@dataclass(frozen=True)
class ModelView:
    version_id: int
    survey_code: str
    version: int
    state: str
    model_kind: str
    blocks: tuple[BlockView, ...]
    paths: tuple[tuple[str, str], ...]
    items: tuple[ItemView, ...]
    satisfaction: str | None
    problems: tuple[Problem, ...]

    @property
    def editable(self) -> bool:
        return self.state == "draft"

    @property
    def valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


@dataclass(frozen=True)
class Snapshot:
    """Everything an edit may change, to put it back (undo)."""

    model_kind: str
    blocks: tuple[tuple[str, str, str], ...]
    paths: tuple[tuple[str, str], ...]
    assignments: tuple[tuple[int, str], ...]


def list_versions(db: Database) -> list[VersionChoice]:
    """Every survey version, by survey code and version (for the pickers)."""
    with db.read() as s:
        rows = s.execute(select(SurveyVersion.id, Survey.code, Survey.name_zh, Survey.name_en, SurveyVersion.version,
                                SurveyVersion.state, SurveyVersion.model_kind)
                         .join(Survey, Survey.id == SurveyVersion.survey_id)
                         .order_by(Survey.code, SurveyVersion.version)).all()
    return [VersionChoice(*r) for r in rows]


def _version(session, version_id: int) -> SurveyVersion:
    v = session.get(SurveyVersion, version_id) if isinstance(version_id, int) else None
    if v is None:
        raise ModelError("satisfaction.model.no_version", version=version_id)
    return v


def _label(session, v: SurveyVersion) -> str:
    survey = session.get(Survey, v.survey_id)
    return f"{survey.code} v{v.version}"


def _draft(session, version_id: int) -> SurveyVersion:
    v = _version(session, version_id)
    if v.state != "draft":
        raise ModelError("satisfaction.model.frozen", version=_label(session, v), state=v.state)
    return v


def _blocks(session, vid: int) -> list[ModelBlock]:
    return list(session.scalars(select(ModelBlock).where(ModelBlock.version_id == vid)
                                .order_by(ModelBlock.position, ModelBlock.id)))


def _paths(session, vid: int) -> list[ModelPath]:
    return list(session.scalars(select(ModelPath).where(ModelPath.version_id == vid).order_by(ModelPath.id)))


def _indicators(session, vid: int) -> list[SurveyNode]:
    nodes = list(session.scalars(select(SurveyNode).where(SurveyNode.version_id == vid)
                                 .order_by(SurveyNode.position, SurveyNode.id)))
    parents = {n.parent_id for n in nodes}
    order = {n.id: (n.position, n.id) for n in nodes}
    items = [n for n in nodes if n.kind == "indicator" and n.id not in parents]
    items.sort(key=lambda n: (order.get(n.parent_id, (0, 0)), order[n.id]))
    return items


def _problems(session, vid: int) -> list[Problem]:
    blocks = _blocks(session, vid)
    paths = [(p.source, p.target) for p in _paths(session, vid)]
    items = {n.code: n.latent for n in _indicators(session, vid)}
    sat = path_model.satisfaction_block((b.name, b.label_zh, b.label_en) for b in blocks)
    return path_model.check([b.name for b in blocks], paths, items, satisfaction=sat)


def validate_model(db_or_session, version_id: int) -> list[Problem]:
    """Every problem of the version's model (errors, then warnings); [] = valid."""
    if isinstance(db_or_session, Database):
        with db_or_session.read() as s:
            return validate_model(s, version_id)
    _version(db_or_session, version_id)
    return _problems(db_or_session, version_id)


def load_model(db: Database, version_id: int) -> ModelView:
    with db.read() as s:
        v = _version(s, version_id)
        survey = s.get(Survey, v.survey_id)
        blocks = _blocks(s, v.id)
        items = _indicators(s, v.id)
        counts: dict[str, int] = {}
        for n in items:
            counts[n.latent] = counts.get(n.latent, 0) + 1
        sat = path_model.satisfaction_block((b.name, b.label_zh, b.label_en) for b in blocks)
        return ModelView(v.id, survey.code, v.version, v.state, v.model_kind,
                         tuple(BlockView(b.name, b.label_zh, b.label_en, counts.get(b.name, 0)) for b in blocks),
                         tuple((p.source, p.target) for p in _paths(s, v.id)),
                         tuple(ItemView(n.id, n.code, n.text_zh, n.text_en, n.latent) for n in items),
                         sat, tuple(_problems(s, v.id)))


# ------------------------------------------------------------------------------------ templates
def template(kind: str) -> tuple[list[tuple[str, str, str]], list[tuple[str, str]]]:
    """The standard model ``kind``: ([(name, zh, en)], [(source, target)])."""
    if kind not in TEMPLATES:
        raise ModelError("satisfaction.model.bad_kind", field="model_kind", kind=kind, known=", ".join(TEMPLATES))
    spec = json.loads((_models_dir() / f"{kind}.json").read_text(encoding="utf-8"))
    labels = spec.get("labels", {})
    blocks = [(name, labels.get(name, {}).get("zh_CN", name), labels.get(name, {}).get("en", name))
              for name in spec["blocks"]]
    return blocks, [(a, b) for a, b in spec["paths"]]


def _replace(s, vid: int, blocks: Sequence[tuple[str, str, str]], paths: Sequence[tuple[str, str]]) -> None:
    for b in _blocks(s, vid):
        s.delete(b)
    for p in _paths(s, vid):
        s.delete(p)
    s.flush()
    s.add_all([ModelBlock(version_id=vid, name=n, label_zh=zh, label_en=en, position=k)
               for k, (n, zh, en) in enumerate(blocks)])
    s.add_all([ModelPath(version_id=vid, source=a, target=b) for a, b in paths])


@requires("satisfaction.design")
def apply_template(db: Database, version_id: int, kind: str) -> None:
    """Make the version's model the standard ``kind`` (ccsi/acsi/ecsi): its blocks and paths
    replace the present ones, labelled in both languages. "custom" keeps the blocks and paths
    and marks the model as the version's own. Assignments of indicators stay; one that names a
    block the template lacks is reported by ``validate_model`` until it is reassigned."""
    if kind != "custom":
        blocks, paths = template(kind)
    with db.begin() as s:
        v = _draft(s, version_id)
        if kind != "custom":
            _replace(s, v.id, blocks, paths)
        v.model_kind = kind


# ---------------------------------------------------------------------------------- custom edits
def _check_name(name: str, field: str = "name") -> str:
    name = (name or "").strip()
    if not NAME_RE.match(name):
        raise ModelError("satisfaction.model.bad_name", field=field, name=name)
    return name


def _check_labels(label_zh: str, label_en: str) -> None:
    for field, value in (("label_zh", label_zh), ("label_en", label_en)):
        if len(value or "") > LABEL_LIMIT:
            raise ModelError("satisfaction.model.label_long", field=field, limit=LABEL_LIMIT)


def _block(s, vid: int, name: str) -> ModelBlock:
    b = s.scalar(select(ModelBlock).where(ModelBlock.version_id == vid, ModelBlock.name == name))
    if b is None:
        raise ModelError("satisfaction.model.no_block", field="name", block=name)
    return b


@requires("satisfaction.design")
def add_block(db: Database, version_id: int, name: str, label_zh: str = "", label_en: str = "") -> None:
    name = _check_name(name)
    _check_labels(label_zh, label_en)
    with db.begin() as s:
        v = _draft(s, version_id)
        blocks = _blocks(s, v.id)
        if any(b.name.casefold() == name.casefold() for b in blocks):
            raise ModelError("satisfaction.model.duplicate_block", field="name", block=name)
        s.add(ModelBlock(version_id=v.id, name=name, label_zh=(label_zh or "").strip(),
                         label_en=(label_en or "").strip(), position=max((b.position for b in blocks), default=-1) + 1))
        v.model_kind = "custom"


@requires("satisfaction.design")
def update_block(db: Database, version_id: int, name: str, *, new_name: str | None = None,
                 label_zh: str | None = None, label_en: str | None = None) -> None:
    """Rename a block (its paths and indicators follow) and/or change its labels."""
    if new_name is not None:
        new_name = _check_name(new_name, "new_name")
    _check_labels(label_zh or "", label_en or "")
    with db.begin() as s:
        v = _draft(s, version_id)
        b = _block(s, v.id, name)
        if new_name is not None and new_name != b.name:
            if any(o.name.casefold() == new_name.casefold() and o.id != b.id for o in _blocks(s, v.id)):
                raise ModelError("satisfaction.model.duplicate_block", field="new_name", block=new_name)
            for p in _paths(s, v.id):
                if p.source == b.name:
                    p.source = new_name
                if p.target == b.name:
                    p.target = new_name
            for n in _indicators(s, v.id):
                if n.latent == b.name:
                    n.latent = new_name
            b.name = new_name
            v.model_kind = "custom"
        if label_zh is not None:
            b.label_zh = label_zh.strip()
        if label_en is not None:
            b.label_en = label_en.strip()


@requires("satisfaction.design")
def delete_block(db: Database, version_id: int, name: str) -> None:
    """Delete a block, its paths, and the assignment of its indicators (they measure nothing)."""
    with db.begin() as s:
        v = _draft(s, version_id)
        b = _block(s, v.id, name)
        for p in _paths(s, v.id):
            if b.name in (p.source, p.target):
                s.delete(p)
        for n in _indicators(s, v.id):
            if n.latent == b.name:
                n.latent = ""
        s.delete(b)
        v.model_kind = "custom"


@requires("satisfaction.design")
def add_path(db: Database, version_id: int, source: str, target: str) -> None:
    """An arrow between two blocks of the model. A cycle is stored (the editor shows it as a
    problem until it is undone), a loop or a repeated arrow is refused."""
    with db.begin() as s:
        v = _draft(s, version_id)
        _block(s, v.id, source)
        try:
            _block(s, v.id, target)
        except ModelError:
            raise ModelError("satisfaction.model.no_block", field="target", block=target) from None
        if source == target:
            raise ModelError("satisfaction.model.loop", field="target", block=source)
        if any(p.source == source and p.target == target for p in _paths(s, v.id)):
            raise ModelError("satisfaction.model.duplicate_path", field="target", source=source, target=target)
        s.add(ModelPath(version_id=v.id, source=source, target=target))
        v.model_kind = "custom"


@requires("satisfaction.design")
def delete_path(db: Database, version_id: int, source: str, target: str) -> None:
    with db.begin() as s:
        v = _draft(s, version_id)
        p = s.scalar(select(ModelPath).where(ModelPath.version_id == v.id, ModelPath.source == source,
                                             ModelPath.target == target))
        if p is None:
            raise ModelError("satisfaction.model.no_path", source=source, target=target)
        s.delete(p)
        v.model_kind = "custom"


@requires("satisfaction.design")
def assign(db: Database, node_id: int, block: str) -> None:
    """The block the indicator ``node_id`` measures ("" = none)."""
    block = (block or "").strip()
    with db.begin() as s:
        n = s.get(SurveyNode, node_id)
        if n is None or n.kind != "indicator":
            raise ModelError("satisfaction.model.no_indicator", field="node", node=node_id)
        v = _draft(s, n.version_id)
        if block:
            _block(s, v.id, block)
        n.latent = block


# --------------------------------------------------------------------------------------- undo
def snapshot(db: Database, version_id: int) -> Snapshot:
    with db.read() as s:
        v = _version(s, version_id)
        return Snapshot(v.model_kind, tuple((b.name, b.label_zh, b.label_en) for b in _blocks(s, v.id)),
                        tuple((p.source, p.target) for p in _paths(s, v.id)),
                        tuple((n.id, n.latent) for n in _indicators(s, v.id)))


@requires("satisfaction.design")
def restore(db: Database, version_id: int, snap: Snapshot) -> None:
    """Put the model back as ``snap`` recorded it (undo/redo of an edit): one transaction."""
    with db.begin() as s:
        v = _draft(s, version_id)
        now = (tuple((b.name, b.label_zh, b.label_en) for b in _blocks(s, v.id)),
               tuple((p.source, p.target) for p in _paths(s, v.id)))
        if now != (snap.blocks, snap.paths):
            _replace(s, v.id, snap.blocks, snap.paths)
        latent: Mapping[int, str] = dict(snap.assignments)
        for n in _indicators(s, v.id):
            if n.id in latent and n.latent != latent[n.id]:
                n.latent = latent[n.id]
        v.model_kind = snap.model_kind

