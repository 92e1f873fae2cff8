"""Survey design: surveys, their versions (draft → released → retired; a released version is
frozen, a change is a new version copied from it), the indicator tree, AHP judgements (weights and
CR by ``app.engines.mcda.ahp_weights``), Kano pairs and the NPS question. Every change checks
``satisfaction.design`` and runs in one transaction (ORM changes: the audit trail records them)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import select

from app.engines import mcda
from app.models.admin.permissions import requires
from app.models.core.base import Base, utcnow
from app.models.core.database import Database
from app.models.satisfaction.tables import (
    NODE_KINDS, PURPOSES, WEIGHT_METHODS, AhpJudgement, KanoPair, Survey, SurveyNode, SurveyVersion, Wave,
)

#: key → (English, Chinese)
MESSAGES: dict[str, tuple[str, str]] = {
    "satisfaction.design.frozen": ("version {version} of survey {survey} is {state}: a released version is frozen "
                                   "— make a new version",
                                   "调查 {survey} 第 {version} 版状态为{state}：已发布的版本已冻结——请新建版本"),
    "satisfaction.design.unknown": ("there is no {what} {id}", "没有{what} {id}"),
    "satisfaction.design.code_required": ("{field}: a code is required", "{field}：必须填写代码"),
    "satisfaction.design.bad_code": ("{field}: '{value}' is not a valid code (letters, digits and _ only, at most "
                                     "20 characters)", "{field}：“{value}”不是有效代码（仅限字母、数字和 _，最多 20 个字符）"),
    "satisfaction.design.reserved_code": ("{field}: '{value}' is reserved", "{field}：“{value}”为保留字"),
    "satisfaction.design.duplicate_code": ("{field}: code '{value}' is already used", "{field}：代码“{value}”已被使用"),
    "satisfaction.design.name_required": ("name_zh: a Chinese name is required", "name_zh：必须填写中文名称"),
    "satisfaction.design.too_long": ("{field}: longer than {limit} characters", "{field}：超过 {limit} 个字符"),
    "satisfaction.design.bad_purpose": ("purpose: '{value}' is not one of {choices}", "用途：“{value}”不在 {choices} 之中"),
    "satisfaction.design.bad_scale": ("scale: {low}–{high} is not a scale (0 ≤ min < max ≤ 10, at least 3 points)",
                                      "量表：{low}–{high} 无效（0 ≤ 最小值 < 最大值 ≤ 10，至少 3 个刻度）"),
    "satisfaction.design.scale_in_use": ("scale: the survey has released versions; its scale cannot change",
                                         "量表：该调查已有发布的版本，量表不能再修改"),
    "satisfaction.design.bad_languages": ("languages: '{value}' (use zh_CN or zh_CN,en)",
                                          "语言：“{value}”无效（可用 zh_CN 或 zh_CN,en）"),
    "satisfaction.design.draft_exists": ("survey {survey} already has draft version {version}",
                                         "调查 {survey} 已有草稿第 {version} 版"),
    "satisfaction.design.copy_draft": ("version {version} is a draft; new versions copy a released or retired one",
                                       "第 {version} 版为草稿；新版本只能复制已发布或已停用的版本"),
    "satisfaction.design.not_released": ("version {version} is {state}; only a released version can be retired",
                                         "第 {version} 版状态为{state}；只有已发布的版本可以停用"),
    "satisfaction.design.bad_child": ("a {parent} cannot have a child (goal → dimension → indicator)",
                                      "{parent}不能再添加下级（目标 → 维度 → 指标）"),
    "satisfaction.design.goal_exists": ("the version already has its goal", "该版本已有总目标"),
    "satisfaction.design.bad_weight": ("weight: '{value}' must be a positive number", "权重：“{value}”必须为正数"),
    "satisfaction.design.bad_method": ("weight_method: '{value}' is not one of {choices}",
                                       "权重方法：“{value}”不在 {choices} 之中"),
    "satisfaction.design.bad_saaty": ("{row} vs {col}: '{value}' is not on Saaty's scale (1/9 … 9)",
                                      "{row} 对 {col}：“{value}”不在 Saaty 标度（1/9 … 9）之内"),
    "satisfaction.design.not_children": ("{value} is not a child of {parent}", "{value} 不是 {parent} 的下级"),
    "satisfaction.design.inconsistent": ("the judgements of {parent} are inconsistent: CR = {cr} ≥ 0.10; revise them",
                                         "{parent} 的两两比较不一致：CR = {cr} ≥ 0.10，请修改"),
    "satisfaction.design.no_indicator": ("release: the tree has no indicator", "发布：指标体系中没有指标"),
    "satisfaction.design.text_missing": ("release: indicator {code} has no {language} text", "发布：指标 {code} 缺少{language}文字"),
    "satisfaction.design.ahp_incomplete": ("release: the AHP matrix of {parent} is incomplete ({missing} comparisons "
                                           "missing)", "发布：{parent} 的 AHP 判断矩阵不完整（缺 {missing} 个比较）"),
    "satisfaction.design.weight_missing": ("release: {code} has no positive weight ({parent} weighs directly)",
                                           "发布：{code} 没有正的权重（{parent} 采用直接赋权）"),
    "satisfaction.design.kano_duplicate": ("release: code {value} is used by an indicator and a Kano pair",
                                           "发布：代码 {value} 同时用于指标和 Kano 问题"),
    "satisfaction.design.attribute_required": ("attribute_zh: the Kano attribute needs a Chinese name",
                                               "attribute_zh：Kano 属性必须填写中文名称"),
}


STATE_ZH = {"draft": "草稿", "released": "已发布", "retired": "已停用"}


def render(key: str, lang: str = "en", **params: Any) -> str:
    en, zh = MESSAGES.get(key, ("{key}", "{key}"))
    if lang == "zh_CN" and "state" in params:
        params = {**params, "state": STATE_ZH.get(str(params["state"]), params["state"])}
    try:
        return (zh if lang == "zh_CN" else en).format(key=key, **params)
    except (KeyError, IndexError, ValueError):
        return zh if lang == "zh_CN" else en


class DesignError(Exception):
    """A refused design change: ``key`` (``satisfaction.design.*``), ``params``, the ``field`` concerned."""

    def __init__(self, key: str, *, field: str = "", **params: Any) -> None:
        self.key, self.field, self.params = key, field, params
        self.code = key.rsplit(".", 1)[-1]
        super().__init__(render(key, "en", **params))

    def text(self, lang: str = "en") -> str:
        return render(self.key, lang, **self.params)


CODE_RE = re.compile(r"^[A-Za-z0-9_]{1,20}$")
RESERVED = {"NPS", "CUSTOMER", "CONTACT"}
LANGUAGES = ("zh_CN", "zh_CN,en")


# ------------------------------------------------------------------------------------ rows
@dataclass(frozen=True)
class VersionRow:
    id: int
    survey_id: int
    version: int
    state: str
    model_kind: str
    nps_zh: str
    nps_en: str
    based_on_id: int | None
    released_by: str


@dataclass(frozen=True)
class SurveyRow:
    id: int
    code: str
    name_zh: str
    name_en: str
    purpose: str
    scale_min: int
    scale_max: int
    languages: str
    notes: str
    versions: tuple[VersionRow, ...]


@dataclass(frozen=True)
class NodeRow:
    id: int
    version_id: int
    parent_id: int | None
    kind: str
    code: str
    text_zh: str
    text_en: str
    position: int
    weight: float | None
    weight_method: str
    importance_question: bool
    latent: str


@dataclass(frozen=True)
class AhpState:
    parent_id: int
    children: tuple[NodeRow, ...]
    matrix: tuple[tuple[float | None, ...], ...]
    weights: tuple[float, ...] | None
    cr: float | None
    complete: bool

    @property
    def acceptable(self) -> bool:
        return self.cr is not None and self.cr < mcda.CR_LIMIT


def _vrow(v: SurveyVersion) -> VersionRow:
    return VersionRow(v.id, v.survey_id, v.version, v.state, v.model_kind, v.nps_zh, v.nps_en, v.based_on_id,
                      v.released_by)


def _nrow(n: SurveyNode) -> NodeRow:
    return NodeRow(n.id, n.version_id, n.parent_id, n.kind, n.code, n.text_zh, n.text_en, n.position, n.weight,
                   n.weight_method, bool(n.importance_question), n.latent)


# ------------------------------------------------------------------------------------ helpers
def _get(session, cls, ident, what: str):
    obj = session.get(cls, ident)
    if obj is None:
        raise DesignError("satisfaction.design.unknown", what=what, id=ident)
    return obj


def _draft(session, version_id: int) -> SurveyVersion:
    v = _get(session, SurveyVersion, version_id, "survey version")
    if v.state != "draft":
        survey = session.get(Survey, v.survey_id)
        raise DesignError("satisfaction.design.frozen", survey=survey.code, version=v.version, state=v.state)
    return v


def _code(value: str, field: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DesignError("satisfaction.design.code_required", field=field)
    if not CODE_RE.match(value):
        raise DesignError("satisfaction.design.bad_code", field=field, value=value)
    if value.upper() in RESERVED:
        raise DesignError("satisfaction.design.reserved_code", field=field, value=value)
    return value


def _text(value: str, field: str, limit: int | None) -> str:
    value = (value or "").strip()
    if limit is not None and len(value) > limit:
        raise DesignError("satisfaction.design.too_long", field=field, limit=limit)
    return value


def _weight(value) -> float | None:
    if value is None or value == "":
        return None
    try:
        w = float(value)
    except (TypeError, ValueError):
        raise DesignError("satisfaction.design.bad_weight", field="weight", value=value) from None
    if not np.isfinite(w) or w <= 0:
        raise DesignError("satisfaction.design.bad_weight", field="weight", value=value)
    return w


def parse_saaty(value) -> float:
    """A judgement typed as 3, '1/5', 0.2 …: a value v with v or 1/v an integer 1–9."""
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        try:
            if "/" in text:
                a, b = text.split("/", 1)
                v = float(a) / float(b)
            else:
                v = float(text)
        except (ValueError, ZeroDivisionError):
            raise ValueError(value) from None
    else:
        v = float(value)
    if not np.isfinite(v) or v <= 0:
        raise ValueError(value)
    k = v if v >= 1 else 1 / v
    if abs(k - round(k)) > 1e-3 or not 1 <= round(k) <= 9:
        raise ValueError(value)
    return float(round(k)) if v >= 1 else 1 / round(k)


def evaluate(n: int, upper: Mapping[tuple[int, int], float]) -> tuple[list[float] | None, float | None, bool]:
    """Weights and CR of an n×n matrix given by its upper triangle {(i, j): a_ij} (i < j); (None,
    None, False) while comparisons are missing. For the live grid and the service alike."""
    a = np.ones((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            v = upper.get((i, j))
            if v is None:
                return None, None, False
            a[i, j], a[j, i] = v, 1 / v
    if n == 0:
        return [], 0.0, True
    r = mcda.ahp_weights(a, refuse_inconsistent=False)
    return [float(w) for w in r.weights], float(r.cr), True


def _children(session, parent_id: int) -> list[SurveyNode]:
    return list(session.scalars(select(SurveyNode).where(SurveyNode.parent_id == parent_id)
                                .order_by(SurveyNode.position, SurveyNode.id)))


def _upper(session, parent_id: int, kids: list[SurveyNode]) -> dict[tuple[int, int], float]:
    index = {k.id: i for i, k in enumerate(kids)}
    out: dict[tuple[int, int], float] = {}
    for j in session.scalars(select(AhpJudgement).where(AhpJudgement.parent_id == parent_id)):
        r, c = index.get(j.row_id), index.get(j.col_id)
        if r is None or c is None or r == c:
            continue
        out[(r, c) if r < c else (c, r)] = j.value if r < c else 1 / j.value
    return out


# ------------------------------------------------------------------------------------ surveys
def _clean_survey(session, values: dict, survey: Survey | None) -> dict:
    out: dict[str, Any] = {}
    if "code" in values:
        code = _code(values["code"], "code")
        other = session.scalar(select(Survey).where(Survey.code == code))
        if other is not None and other is not survey:
            raise DesignError("satisfaction.design.duplicate_code", field="code", value=code)
        out["code"] = code
    if "name_zh" in values:
        out["name_zh"] = _text(values["name_zh"], "name_zh", 120)
        if not out["name_zh"]:
            raise DesignError("satisfaction.design.name_required", field="name_zh")
    if "name_en" in values:
        out["name_en"] = _text(values["name_en"], "name_en", 120)
    if "notes" in values:
        out["notes"] = _text(values["notes"], "notes", None)
    if "purpose" in values:
        if values["purpose"] not in PURPOSES:
            raise DesignError("satisfaction.design.bad_purpose", field="purpose", value=values["purpose"],
                              choices=", ".join(PURPOSES))
        out["purpose"] = values["purpose"]
    if "languages" in values:
        langs = ",".join(x.strip() for x in str(values["languages"]).split(",") if x.strip())
        if langs not in LANGUAGES:
            raise DesignError("satisfaction.design.bad_languages", field="languages", value=values["languages"])
        out["languages"] = langs
    if "scale_min" in values or "scale_max" in values:
        lo = values.get("scale_min", survey.scale_min if survey else 1)
        hi = values.get("scale_max", survey.scale_max if survey else 10)
        if not (isinstance(lo, int) and isinstance(hi, int) and 0 <= lo and hi <= 10 and hi - lo >= 2):
            raise DesignError("satisfaction.design.bad_scale", field="scale_min", low=lo, high=hi)
        if survey is not None and (lo, hi) != (survey.scale_min, survey.scale_max) and session.scalar(
                select(SurveyVersion.id).where(SurveyVersion.survey_id == survey.id,
                                               SurveyVersion.state != "draft").limit(1)):
            raise DesignError("satisfaction.design.scale_in_use", field="scale_min")
        out["scale_min"], out["scale_max"] = lo, hi
    return out


def _survey_row(session, s: Survey) -> SurveyRow:
    versions = session.scalars(select(SurveyVersion).where(SurveyVersion.survey_id == s.id)
                               .order_by(SurveyVersion.version))
    return SurveyRow(s.id, s.code, s.name_zh, s.name_en, s.purpose, s.scale_min, s.scale_max, s.languages, s.notes,
                     tuple(_vrow(v) for v in versions))


@requires("satisfaction.view")
def list_surveys(db: Database) -> list[SurveyRow]:
    with db.read() as s:
        return [_survey_row(s, x) for x in s.scalars(select(Survey).order_by(Survey.code))]


@requires("satisfaction.design")
def create_survey(db: Database, code: str, name_zh: str, name_en: str = "", *, purpose: str = "periodic",
                  scale_min: int = 1, scale_max: int = 10, languages: str = "zh_CN,en", notes: str = "") -> SurveyRow:
    """A new survey with its first draft version and the tree's goal node."""
    with db.begin() as s:
        values = _clean_survey(s, dict(code=code, name_zh=name_zh, name_en=name_en, purpose=purpose,
                                       scale_min=scale_min, scale_max=scale_max, languages=languages, notes=notes),
                               None)
        survey = Survey(**values)
        s.add(survey)
        s.flush()
        v = SurveyVersion(survey_id=survey.id, version=1, state="draft")
        s.add(v)
        s.flush()
        s.add(SurveyNode(version_id=v.id, parent_id=None, kind="goal", code="TOTAL", text_zh=values["name_zh"],
                         text_en=values.get("name_en", ""), position=0, weight_method="direct"))
        s.flush()
        return _survey_row(s, survey)


@requires("satisfaction.design")
def edit_survey(db: Database, survey_id: int, **changes) -> SurveyRow:
    with db.begin() as s:
        survey = _get(s, Survey, survey_id, "survey")
        for k, v in _clean_survey(s, changes, survey).items():
            setattr(survey, k, v)
        s.flush()
        return _survey_row(s, survey)


# ------------------------------------------------------------------------------------ versions
def _version_tables() -> list[type]:
    """Every mapped table holding rows of a version (``version_id`` → sat_survey_versions) other
    than the tree and the waves: copied row by row into a new version."""
    out = []
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if cls in (SurveyNode, Wave) or "version_id" not in mapper.columns:
            continue
        col = mapper.columns["version_id"]
        if any(fk.column.table.name == "sat_survey_versions" for fk in col.foreign_keys):
            out.append(cls)
    return out


@requires("satisfaction.design")
def new_version(db: Database, survey_id: int, from_version_id: int) -> VersionRow:
    """A new draft copied from a released (or retired) version: tree, AHP judgements, model
    blocks and paths, Kano pairs, NPS text and every other row of the version."""
    with db.begin() as s:
        survey = _get(s, Survey, survey_id, "survey")
        src = _get(s, SurveyVersion, from_version_id, "survey version")
        versions = list(s.scalars(select(SurveyVersion).where(SurveyVersion.survey_id == survey.id)))
        draft = next((v for v in versions if v.state == "draft"), None)
        if draft is not None:
            raise DesignError("satisfaction.design.draft_exists", survey=survey.code, version=draft.version)
        if src.survey_id != survey.id:
            raise DesignError("satisfaction.design.unknown", what="version of survey " + survey.code, id=src.id)
        if src.state == "draft":
            raise DesignError("satisfaction.design.copy_draft", version=src.version)
        v = SurveyVersion(survey_id=survey.id, version=max(x.version for x in versions) + 1, state="draft",
                          model_kind=src.model_kind, nps_zh=src.nps_zh, nps_en=src.nps_en, based_on_id=src.id,
                          notes=src.notes)
        s.add(v)
        s.flush()
        nodes = list(s.scalars(select(SurveyNode).where(SurveyNode.version_id == src.id).order_by(SurveyNode.id)))
        ids: dict[int, int] = {}
        pending = list(nodes)
        while pending:  # parents before children
            rest = []
            for n in pending:
                if n.parent_id is not None and n.parent_id not in ids:
                    rest.append(n)
                    continue
                copy = SurveyNode(version_id=v.id, parent_id=ids.get(n.parent_id), kind=n.kind, code=n.code,
                                  text_zh=n.text_zh, text_en=n.text_en, position=n.position, weight=n.weight,
                                  weight_method=n.weight_method, importance_question=n.importance_question,
                                  latent=n.latent)
                s.add(copy)
                s.flush()
                ids[n.id] = copy.id
            pending = rest
        if ids:
            for j in s.scalars(select(AhpJudgement).where(AhpJudgement.parent_id.in_(list(ids)))).all():
                s.add(AhpJudgement(parent_id=ids[j.parent_id], row_id=ids[j.row_id], col_id=ids[j.col_id],
                                   value=j.value))
        for cls in _version_tables():
            cols = [c.key for c in cls.__mapper__.column_attrs if c.key not in ("id", "version_id")]
            for row in s.scalars(select(cls).where(cls.version_id == src.id)).all():
                s.add(cls(version_id=v.id, **{c: getattr(row, c) for c in cols}))
        s.flush()
        return _vrow(v)


def release_problems(session, v: SurveyVersion) -> tuple[list[DesignError], dict[int, float]]:
    survey = session.get(Survey, v.survey_id)
    nodes = list(session.scalars(select(SurveyNode).where(SurveyNode.version_id == v.id)
                                 .order_by(SurveyNode.position, SurveyNode.id)))
    kids: dict[int | None, list[SurveyNode]] = {}
    for n in nodes:
        kids.setdefault(n.parent_id, []).append(n)
    problems: list[DesignError] = []
    weights: dict[int, float] = {}
    indicators = [n for n in nodes if n.kind == "indicator"]
    if not indicators:
        problems.append(DesignError("satisfaction.design.no_indicator"))
    langs = survey.languages.split(",")
    for n in indicators:
        if not n.text_zh.strip():
            problems.append(DesignError("satisfaction.design.text_missing", field="text_zh", code=n.code,
                                        language="Chinese"))
        if "en" in langs and not n.text_en.strip():
            problems.append(DesignError("satisfaction.design.text_missing", field="text_en", code=n.code,
                                        language="English"))
    codes = [n.code for n in nodes]
    for c in sorted({c for c in codes if codes.count(c) > 1}):
        problems.append(DesignError("satisfaction.design.duplicate_code", field="code", value=c))
    kano = {p.code for p in session.scalars(select(KanoPair).where(KanoPair.version_id == v.id))}
    for c in sorted(kano & {n.code for n in indicators}):
        problems.append(DesignError("satisfaction.design.kano_duplicate", field="code", value=c))
    for parent in nodes:
        children = kids.get(parent.id, [])
        if not children:
            continue
        if parent.weight_method == "ahp":
            upper = _upper(session, parent.id, children)
            w, cr, complete = evaluate(len(children), upper)
            if not complete:
                n = len(children)
                problems.append(DesignError("satisfaction.design.ahp_incomplete", parent=parent.code,
                                            missing=n * (n - 1) // 2 - len(upper)))
            elif cr >= mcda.CR_LIMIT:
                problems.append(DesignError("satisfaction.design.inconsistent", parent=parent.code, cr=f"{cr:.3f}"))
            else:
                weights.update({c.id: x for c, x in zip(children, w)})
        elif parent.weight_method == "direct":
            if any(c.weight is None or c.weight <= 0 for c in children):
                for c in children:
                    if c.weight is None or c.weight <= 0:
                        problems.append(DesignError("satisfaction.design.weight_missing", field="weight",
                                                    code=c.code, parent=parent.code))
            else:
                total = sum(c.weight for c in children)
                weights.update({c.id: c.weight / total for c in children})
    return problems, weights


class ReleaseRefused(DesignError):
    """Release refused: ``problems`` lists every reason (the first is the message)."""

    def __init__(self, problems: list[DesignError]) -> None:
        first = problems[0]
        super().__init__(first.key, field=first.field, **first.params)
        self.problems = problems


@requires("satisfaction.design")
def release(db: Database, version_id: int) -> VersionRow:
    """Freeze a draft after the checks; stores the normalised direct and the AHP weights."""
    with db.begin() as s:
        v = _draft(s, version_id)
        problems, weights = release_problems(s, v)
        if problems:
            raise ReleaseRefused(problems)
        for nid, w in weights.items():
            s.get(SurveyNode, nid).weight = round(float(w), 6)
        v.state, v.released_at, v.released_by = "released", utcnow(), db.actor.name
        s.flush()
        return _vrow(v)


@requires("satisfaction.design")
def retire(db: Database, version_id: int) -> VersionRow:
    with db.begin() as s:
        v = _get(s, SurveyVersion, version_id, "survey version")
        if v.state != "released":
            raise DesignError("satisfaction.design.not_released", version=v.version, state=v.state)
        v.state = "retired"
        s.flush()
        return _vrow(v)


@requires("satisfaction.design")
def set_nps(db: Database, version_id: int, nps_zh: str, nps_en: str = "") -> VersionRow:
    with db.begin() as s:
        v = _draft(s, version_id)
        v.nps_zh, v.nps_en = _text(nps_zh, "nps_zh", None), _text(nps_en, "nps_en", None)
        s.flush()
        return _vrow(v)


# ------------------------------------------------------------------------------------ tree
@requires("satisfaction.view")
def version_tree(db: Database, version_id: int) -> list[NodeRow]:
    """The version's nodes, parents before their children, siblings in position order."""
    with db.read() as s:
        nodes = list(s.scalars(select(SurveyNode).where(SurveyNode.version_id == version_id)
                               .order_by(SurveyNode.position, SurveyNode.id)))
    kids: dict[int | None, list[SurveyNode]] = {}
    for n in nodes:
        kids.setdefault(n.parent_id, []).append(n)
    out: list[NodeRow] = []

    def walk(pid):
        for n in kids.get(pid, []):
            out.append(_nrow(n))
            walk(n.id)
    walk(None)
    return out


def _unique_code(session, version_id: int, code: str, node: SurveyNode | None) -> None:
    other = session.scalar(select(SurveyNode).where(SurveyNode.version_id == version_id, SurveyNode.code == code))
    if other is not None and other is not node:
        raise DesignError("satisfaction.design.duplicate_code", field="code", value=code)


@requires("satisfaction.design")
def add_node(db: Database, version_id: int, parent_id: int | None, code: str, text_zh: str = "", text_en: str = "",
             *, weight=None, importance_question: bool = False) -> NodeRow:
    """Add a child under ``parent_id`` (goal → dimension → indicator), last among its siblings;
    ``parent_id`` None adds the goal of an empty tree."""
    with db.begin() as s:
        _draft(s, version_id)
        if parent_id is None:
            if s.scalar(select(SurveyNode.id).where(SurveyNode.version_id == version_id,
                                                    SurveyNode.parent_id.is_(None)).limit(1)):
                raise DesignError("satisfaction.design.goal_exists")
            kind = "goal"
        else:
            parent = _get(s, SurveyNode, parent_id, "node")
            if parent.version_id != version_id:
                raise DesignError("satisfaction.design.unknown", what="node", id=parent_id)
            i = NODE_KINDS.index(parent.kind)
            if i + 1 >= len(NODE_KINDS):
                raise DesignError("satisfaction.design.bad_child", parent=parent.kind)
            kind = NODE_KINDS[i + 1]
        code = _code(code, "code")
        _unique_code(s, version_id, code, None)
        siblings = s.scalars(select(SurveyNode.position).where(SurveyNode.version_id == version_id,
                                                               SurveyNode.parent_id == parent_id)).all() \
            if parent_id is not None else []
        n = SurveyNode(version_id=version_id, parent_id=parent_id, kind=kind, code=code,
                       text_zh=_text(text_zh, "text_zh", None), text_en=_text(text_en, "text_en", None),
                       position=max(siblings, default=-1) + 1, weight=_weight(weight), weight_method="direct",
                       importance_question=bool(importance_question) and kind == "indicator")
        s.add(n)
        s.flush()
        return _nrow(n)


@requires("satisfaction.design")
def edit_node(db: Database, node_id: int, **changes) -> NodeRow:
    """Change code, text_zh, text_en, weight, weight_method, importance_question or latent."""
    with db.begin() as s:
        n = _get(s, SurveyNode, node_id, "node")
        _draft(s, n.version_id)
        if "code" in changes:
            code = _code(changes["code"], "code")
            _unique_code(s, n.version_id, code, n)
            n.code = code
        for f in ("text_zh", "text_en"):
            if f in changes:
                setattr(n, f, _text(changes[f], f, None))
        if "latent" in changes:
            n.latent = _text(changes["latent"], "latent", 40)
        if "weight" in changes:
            n.weight = _weight(changes["weight"])
        if "weight_method" in changes:
            if changes["weight_method"] not in WEIGHT_METHODS:
                raise DesignError("satisfaction.design.bad_method", field="weight_method",
                                  value=changes["weight_method"], choices=", ".join(WEIGHT_METHODS))
            n.weight_method = changes["weight_method"]
        if "importance_question" in changes:
            n.importance_question = bool(changes["importance_question"]) and n.kind == "indicator"
        s.flush()
        return _nrow(n)


@dataclass(frozen=True)
class Deleted:
    """What ``delete_node`` removed, for ``restore_nodes`` (undo)."""

    version_id: int
    nodes: tuple[NodeRow, ...]
    judgements: tuple[tuple[int, int, int, float], ...]


@requires("satisfaction.design")
def delete_node(db: Database, node_id: int) -> Deleted:
    """Delete a node with its children (and the AHP judgements they take part in)."""
    with db.begin() as s:
        n = _get(s, SurveyNode, node_id, "node")
        _draft(s, n.version_id)
        subtree = [n]
        i = 0
        while i < len(subtree):
            subtree += _children(s, subtree[i].id)
            i += 1
        ids = [x.id for x in subtree]
        judgements = list(s.scalars(select(AhpJudgement).where(
            AhpJudgement.parent_id.in_(ids) | AhpJudgement.row_id.in_(ids) | AhpJudgement.col_id.in_(ids))))
        snap = Deleted(n.version_id, tuple(_nrow(x) for x in subtree),
                       tuple((j.parent_id, j.row_id, j.col_id, j.value) for j in judgements))
        for j in judgements:
            s.delete(j)
        s.flush()
        for x in reversed(subtree):
            s.delete(x)
            s.flush()
        return snap


@requires("satisfaction.design")
def restore_nodes(db: Database, deleted: Deleted) -> None:
    """Put deleted nodes back with their ids (undo of ``delete_node``)."""
    with db.begin() as s:
        _draft(s, deleted.version_id)
        for r in deleted.nodes:
            _unique_code(s, deleted.version_id, r.code, None)
            s.add(SurveyNode(id=r.id, version_id=r.version_id, parent_id=r.parent_id, kind=r.kind, code=r.code,
                             text_zh=r.text_zh, text_en=r.text_en, position=r.position, weight=r.weight,
                             weight_method=r.weight_method, importance_question=r.importance_question,
                             latent=r.latent))
            s.flush()
        for p, r, c, v in deleted.judgements:
            s.add(AhpJudgement(parent_id=p, row_id=r, col_id=c, value=v))
        s.flush()


def _move(s, cls, obj, siblings: list, step: int) -> bool:
    i = siblings.index(obj)
    j = i + step
    if not 0 <= j < len(siblings):
        return False
    siblings[i], siblings[j] = siblings[j], siblings[i]
    for k, x in enumerate(siblings):
        if x.position != k:
            x.position = k
    s.flush()
    return True


@requires("satisfaction.design")
def move_node(db: Database, node_id: int, step: int) -> bool:
    """Move a node up (step -1) or down (+1) among its siblings; False at the end of the list."""
    with db.begin() as s:
        n = _get(s, SurveyNode, node_id, "node")
        _draft(s, n.version_id)
        siblings = list(s.scalars(select(SurveyNode).where(SurveyNode.version_id == n.version_id,
                                                           SurveyNode.parent_id == n.parent_id)
                                  .order_by(SurveyNode.position, SurveyNode.id)))
        return _move(s, SurveyNode, n, siblings, step)


# ------------------------------------------------------------------------------------ AHP
def _state(s, parent: SurveyNode) -> AhpState:
    kids = _children(s, parent.id)
    upper = _upper(s, parent.id, kids)
    n = len(kids)
    matrix = []
    for i in range(n):
        row = []
        for j in range(n):
            if i == j:
                row.append(1.0)
            elif i < j:
                row.append(upper.get((i, j)))
            else:
                v = upper.get((j, i))
                row.append(None if v is None else 1 / v)
        matrix.append(tuple(row))
    w, cr, complete = evaluate(n, upper)
    return AhpState(parent.id, tuple(_nrow(k) for k in kids), tuple(matrix), None if w is None else tuple(w), cr,
                    complete)


@requires("satisfaction.view")
def ahp_state(db: Database, parent_id: int) -> AhpState:
    with db.read() as s:
        return _state(s, _get(s, SurveyNode, parent_id, "node"))


@requires("satisfaction.design")
def set_judgements(db: Database, parent_id: int, judgements: Mapping[tuple[int, int], float | str]) -> AhpState:
    """Store the pairwise judgements of ``parent_id``'s children ({(row id, col id): value},
    Saaty 1/9 … 9, either triangle), replacing the stored ones; the parent then weighs its
    children by AHP. A complete matrix with CR ≥ 0.10 is refused; a complete consistent one
    stores the weights on the children."""
    with db.begin() as s:
        parent = _get(s, SurveyNode, parent_id, "node")
        _draft(s, parent.version_id)
        kids = _children(s, parent.id)
        index = {k.id: i for i, k in enumerate(kids)}
        codes = {k.id: k.code for k in kids}
        upper: dict[tuple[int, int], float] = {}
        for (r, c), raw in judgements.items():
            if r not in index or c not in index or r == c:
                raise DesignError("satisfaction.design.not_children", value=f"{r}/{c}", parent=parent.code)
            try:
                v = parse_saaty(raw)
            except (TypeError, ValueError):
                raise DesignError("satisfaction.design.bad_saaty", field=f"{r}/{c}", row=codes[r], col=codes[c],
                                  value=raw) from None
            i, j = index[r], index[c]
            upper[(i, j) if i < j else (j, i)] = v if i < j else 1 / v
        w, cr, complete = evaluate(len(kids), upper)
        if complete and cr >= mcda.CR_LIMIT:
            raise DesignError("satisfaction.design.inconsistent", parent=parent.code, cr=f"{cr:.3f}")
        for old in s.scalars(select(AhpJudgement).where(AhpJudgement.parent_id == parent.id)).all():
            s.delete(old)
        s.flush()
        for (i, j), v in sorted(upper.items()):
            s.add(AhpJudgement(parent_id=parent.id, row_id=kids[i].id, col_id=kids[j].id, value=v))
        parent.weight_method = "ahp"
        if complete:
            for k, x in zip(kids, w):
                k.weight = round(x, 6)
        s.flush()
        return _state(s, parent)


# ------------------------------------------------------------------------------------ Kano
KANO_FIELDS = ("attribute_zh", "attribute_en", "functional_zh", "functional_en", "dysfunctional_zh",
               "dysfunctional_en")


@dataclass(frozen=True)
class KanoRow:
    id: int
    code: str
    attribute_zh: str
    attribute_en: str
    functional_zh: str
    functional_en: str
    dysfunctional_zh: str
    dysfunctional_en: str
    position: int


def _krow(p: KanoPair) -> KanoRow:
    return KanoRow(p.id, p.code, *(getattr(p, f) for f in KANO_FIELDS), p.position)


@requires("satisfaction.view")
def kano_pairs(db: Database, version_id: int) -> list[KanoRow]:
    with db.read() as s:
        return [_krow(p) for p in s.scalars(select(KanoPair).where(KanoPair.version_id == version_id)
                                            .order_by(KanoPair.position, KanoPair.id))]


def _kano_values(s, version_id: int, values: dict, pair: KanoPair | None) -> dict:
    out = {}
    if "code" in values:
        code = _code(values["code"], "code")
        other = s.scalar(select(KanoPair).where(KanoPair.version_id == version_id, KanoPair.code == code))
        if other is not None and other is not pair:
            raise DesignError("satisfaction.design.duplicate_code", field="code", value=code)
        out["code"] = code
    for f in KANO_FIELDS:
        if f in values:
            out[f] = _text(values[f], f, 200 if f.startswith("attribute") else None)
    if "attribute_zh" in out and not out["attribute_zh"]:
        raise DesignError("satisfaction.design.attribute_required", field="attribute_zh")
    return out


@requires("satisfaction.design")
def add_kano(db: Database, version_id: int, code: str, attribute_zh: str, *, at: int | None = None,
             **texts) -> KanoRow:
    """A Kano pair at the end of the version's pairs, or at place ``at`` (0 = first; what an undone
    delete puts back)."""
    with db.begin() as s:
        _draft(s, version_id)
        values = _kano_values(s, version_id, dict(code=code, attribute_zh=attribute_zh, **texts), None)
        pairs = list(s.scalars(select(KanoPair).where(KanoPair.version_id == version_id)
                               .order_by(KanoPair.position, KanoPair.id)))
        p = KanoPair(version_id=version_id, position=len(pairs), **values)
        s.add(p)
        if at is not None and 0 <= at < len(pairs):
            for k, x in enumerate(pairs[:at] + [p] + pairs[at:]):
                x.position = k
        s.flush()
        return _krow(p)


@requires("satisfaction.design")
def edit_kano(db: Database, pair_id: int, **changes) -> KanoRow:
    with db.begin() as s:
        p = _get(s, KanoPair, pair_id, "Kano pair")
        _draft(s, p.version_id)
        for k, v in _kano_values(s, p.version_id, changes, p).items():
            setattr(p, k, v)
        s.flush()
        return _krow(p)


@requires("satisfaction.design")
def delete_kano(db: Database, pair_id: int) -> KanoRow:
    with db.begin() as s:
        p = _get(s, KanoPair, pair_id, "Kano pair")
        _draft(s, p.version_id)
        row = _krow(p)
        s.delete(p)
        s.flush()
        return row


@requires("satisfaction.design")
def move_kano(db: Database, pair_id: int, step: int) -> bool:
    with db.begin() as s:
        p = _get(s, KanoPair, pair_id, "Kano pair")
        _draft(s, p.version_id)
        siblings = list(s.scalars(select(KanoPair).where(KanoPair.version_id == p.version_id)
                                  .order_by(KanoPair.position, KanoPair.id)))
        return _move(s, KanoPair, p, siblings, step)
