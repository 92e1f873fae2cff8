"""Analysis of stored survey waves through the satisfaction engines as they are (issue 15).

Per wave (:func:`analyse_wave`): response rate; the weighted CSI of the indicator tree with a
confidence interval per indicator, dimension and total; importance–performance quadrants (the
stated importance questions, else the derived importance); the PLS fit of the version's CSI model
(paths, R², outer weights, loadings, the 0–100 index per latent variable with its confidence
interval, bootstrap intervals of the paths, sign-corrected); quality checks a user can read;
Kano categories with Better/Worse; NPS. Across waves (:func:`trend`): the index per latent
variable and per dimension, optionally by customer segment, with a mark where the change from
the previous wave exceeds the confidence intervals.

Confidence intervals of an index (dimension, total, latent variable) are the t interval of the
respondents' composite scores with the weights held fixed (each respondent's weighted 0–100
score over the questions he answered); the engines' indicator intervals are the same t interval
of one question (Montgomery & Runger §8.2). A change is marked significant when the two waves'
intervals do not overlap (a conservative rule, stated on screen and in the report).

PLS needs every question of the model answered: respondents with a blank model question are
left out of the PLS fit (listwise), and the result says how many. Reading only: no trail.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import func, select

from app.engines import kano as kano_engine
from app.engines import path_model
from app.engines import pls as pls_engine
from app.engines import satisfaction as sat
from app.engines.customers import nps as nps_score
from app.models.admin.permissions import requires
from app.models.core.database import Database
from app.models.customers.tables import Customer, CustomerContact
from app.models.satisfaction.tables import (
    AhpJudgement, Answer, KanoPair, ModelBlock, ModelPath, Respondent, Survey, SurveyNode, SurveyVersion, Wave,
    WaveTarget,
)

SEGMENTS = ("value_class", "industry", "region")
MIN_PLS_ROWS = 30  # fewer complete answers than this give no PLS fit (stated, not attempted)
SIGNIFICANCE_RULE = ("a change is marked when the confidence intervals (95 %) of the two waves do not overlap")


class AnalysisError(ValueError):
    """A wave that cannot be analysed (unknown, no answers); one line for the user."""

    def __init__(self, message: str, key: str = "analysis", **params) -> None:
        super().__init__(message)
        self.key, self.params = key, params


# ------------------------------------------------------------------------------------ loading
@dataclass
class WaveData:
    """A stored wave as the engines want it."""

    wave_id: int
    wave_code: str
    wave_name: str
    period_start: date
    period_end: date
    survey_code: str
    survey_name_zh: str
    survey_name_en: str
    version: int
    scale: tuple[float, float]
    targets: int
    ratings: pd.DataFrame            # respondent id × indicator code (NaN = no answer)
    importance: pd.DataFrame         # respondent id × indicator code (importance questions)
    kano: pd.DataFrame               # long: respondent, attribute, functional, dysfunctional
    nps: pd.Series                   # respondent id → 0–10
    respondents: pd.DataFrame        # respondent id → customer_id, value_class, industry, region
    tree: sat.IndicatorNode | None   # goal → dimensions → indicators (column = code)
    ahp: dict[str, list[list[float]]] = field(default_factory=dict)
    weight_method: str = "direct"
    node_methods: dict[str, str] = field(default_factory=dict)  # dimension/goal code → engine method
    overall_items: tuple[str, ...] = ()  # the satisfaction block's questions: overall satisfaction
    model: dict | None = None        # {"blocks": {...}, "paths": [...], "labels": {...}, "name": ...}
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (zh, en)
    kano_labels: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.respondents)

    def label(self, code: str, lang: str = "en") -> str:
        zh, en = self.labels.get(code) or self.kano_labels.get(code) or (code, code)
        return (zh or en) if lang == "zh_CN" else (en or zh)


def _satisfaction_block(blocks: Sequence[ModelBlock]) -> str | None:
    return path_model.satisfaction_block((b.name, b.label_zh, b.label_en) for b in blocks)


def _wave(session, wave: int | str) -> Wave:
    w = session.get(Wave, wave) if isinstance(wave, int) else \
        session.scalar(select(Wave).where(Wave.code == str(wave).strip()))
    if w is None:
        raise AnalysisError(f"survey wave {wave} does not exist", "survey.wave_unknown", wave=wave)
    return w


#: a node's weight method as stored → the engine's: "derived" weighs the children by their Pearson r
#: with overall satisfaction (derived importance, Grisaffe 1993)
ENGINE_METHODS = {"direct": "direct", "ahp": "ahp", "derived": "correlation"}
OVERALL = "__overall__"


def _tree(nodes: list[SurveyNode]) -> tuple[sat.IndicatorNode | None, str, dict[str, str]]:
    children: dict[int | None, list[SurveyNode]] = {}
    for n in nodes:
        children.setdefault(n.parent_id, []).append(n)
    for v in children.values():
        v.sort(key=lambda n: (n.position, n.id))
    roots = children.get(None, [])
    if not roots:
        return None, "direct", {}

    def build(n: SurveyNode) -> sat.IndicatorNode:
        kids = children.get(n.id, [])
        if not kids:
            return sat.IndicatorNode(n.code, n.weight, column=n.code, label=n.text_en or n.text_zh)
        return sat.IndicatorNode(n.code, n.weight, [build(k) for k in kids], label=n.text_en or n.text_zh)

    root = roots[0]
    if len(roots) > 1:  # several tops: one goal above them
        tree = sat.IndicatorNode("total", None, [build(r) for r in roots])
    else:
        tree = build(root)
    methods = {n.weight_method for n in nodes if children.get(n.id)}
    per_node = {n.code: ENGINE_METHODS.get(n.weight_method, "direct") for n in nodes if children.get(n.id)}
    return tree, ("ahp" if "ahp" in methods else "direct"), per_node


@requires("satisfaction.view")
def load_wave(db: Database, wave: int | str) -> WaveData:
    """Everything the analysis of one wave needs, read in one transaction."""
    with db.read() as s:
        w = _wave(s, wave)
        v = s.get(SurveyVersion, w.version_id)
        survey = s.get(Survey, v.survey_id)
        nodes = list(s.scalars(select(SurveyNode).where(SurveyNode.version_id == v.id)))
        judgements = list(s.scalars(select(AhpJudgement).join(SurveyNode, SurveyNode.id == AhpJudgement.parent_id)
                                    .where(SurveyNode.version_id == v.id)))
        blocks = list(s.scalars(select(ModelBlock).where(ModelBlock.version_id == v.id)
                                .order_by(ModelBlock.position, ModelBlock.id)))
        paths = [(p.source, p.target) for p in s.scalars(select(ModelPath).where(ModelPath.version_id == v.id)
                                                          .order_by(ModelPath.id))]
        pairs = list(s.scalars(select(KanoPair).where(KanoPair.version_id == v.id).order_by(KanoPair.position)))
        targets = int(s.scalar(select(func.count()).select_from(WaveTarget).where(WaveTarget.wave_id == w.id)) or 0)
        resp = s.execute(select(Respondent.id, Respondent.customer_id, Customer.value_class, Customer.industry,
                                Customer.region)
                         .join(Customer, Customer.id == Respondent.customer_id)
                         .where(Respondent.wave_id == w.id).order_by(Respondent.id)).all()
        answers = s.execute(select(Answer.respondent_id, Answer.question, Answer.kind, Answer.value)
                            .join(Respondent, Respondent.id == Answer.respondent_id)
                            .where(Respondent.wave_id == w.id)).all()
    respondents = pd.DataFrame(resp, columns=["respondent", "customer_id", "value_class", "industry", "region"]) \
        .set_index("respondent")
    for col in SEGMENTS:
        respondents[col] = respondents[col].fillna("").astype(str)
    ans = pd.DataFrame(answers, columns=["respondent", "question", "kind", "value"])
    indicators = [n.code for n in sorted(nodes, key=lambda n: (n.position, n.id))
                  if not any(m.parent_id == n.id for m in nodes)]

    def wide(kind: str, columns: Sequence[str]) -> pd.DataFrame:
        part = ans[ans["kind"] == kind]
        table = part.pivot_table(index="respondent", columns="question", values="value", aggfunc="first") \
            if len(part) else pd.DataFrame()
        return table.reindex(index=respondents.index, columns=list(columns)).astype(float)

    ratings = wide("rating", indicators)
    importance = wide("importance", [n.code for n in nodes if n.importance_question])
    kf = ans[ans["kind"] == "kano_functional"].set_index(["respondent", "question"])["value"]
    kd = ans[ans["kind"] == "kano_dysfunctional"].set_index(["respondent", "question"])["value"]
    both = pd.concat([kf.rename("functional"), kd.rename("dysfunctional")], axis=1).dropna().reset_index()
    both = both.rename(columns={"question": "attribute"})
    order = {p.code: k for k, p in enumerate(pairs)}
    both = both.sort_values(by=["attribute"], key=lambda c: c.map(order)) if len(both) else both
    nps = ans[ans["kind"] == "nps"].set_index("respondent")["value"]
    tree, method, node_methods = _tree(nodes)
    ahp: dict[str, list[list[float]]] = {}
    if method == "ahp":
        by_id = {n.id: n for n in nodes}
        kids: dict[int, list[SurveyNode]] = {}
        for n in nodes:
            if n.parent_id is not None:
                kids.setdefault(n.parent_id, []).append(n)
        for pid, ks in kids.items():
            if by_id[pid].weight_method != "ahp":
                continue
            ks.sort(key=lambda n: (n.position, n.id))
            pos = {k.id: i for i, k in enumerate(ks)}
            m = np.ones((len(ks), len(ks)))
            for j in judgements:
                if j.parent_id == pid and j.row_id in pos and j.col_id in pos:
                    m[pos[j.row_id], pos[j.col_id]] = j.value
                    m[pos[j.col_id], pos[j.row_id]] = 1.0 / j.value
            ahp[by_id[pid].code] = m.tolist()
    model = None
    if blocks:
        items: dict[str, list[str]] = {b.name: [] for b in blocks}
        for n in sorted(nodes, key=lambda n: (n.position, n.id)):
            if n.latent in items:
                items[n.latent].append(n.code)
        model = {"name": v.model_kind, "blocks": items, "paths": [list(p) for p in paths],
                 "labels": {b.name: {"zh_CN": b.label_zh or b.name, "en": b.label_en or b.name} for b in blocks}}
    return WaveData(
        wave_id=w.id, wave_code=w.code, wave_name=w.name, period_start=w.period_start, period_end=w.period_end,
        survey_code=survey.code, survey_name_zh=survey.name_zh, survey_name_en=survey.name_en, version=v.version,
        scale=(float(survey.scale_min), float(survey.scale_max)), targets=targets, ratings=ratings,
        importance=importance, kano=both, nps=nps, respondents=respondents, tree=tree, ahp=ahp,
        weight_method=method, node_methods=node_methods, model=model,
        overall_items=tuple((model or {}).get("blocks", {}).get(_satisfaction_block(blocks) or "", ())),
        labels={n.code: (n.text_zh, n.text_en) for n in nodes},
        kano_labels={p.code: (p.attribute_zh, p.attribute_en) for p in pairs})


# ----------------------------------------------------------------------------------- analysis
@dataclass
class IndexCI:
    index: float
    low: float
    high: float
    n: int


@dataclass
class WaveAnalysis:
    data: WaveData
    response_rate: float | None
    csi: sat.CSIResult | None = None
    node_ci: dict[str, IndexCI] = field(default_factory=dict)   # dimension/goal code → index with CI
    ipa: sat.IPAResult | None = None
    ipa_basis: str = ""                                          # "stated", "derived" or "weights"
    pls: pls_engine.PLSResult | None = None
    pls_rows: int = 0                                            # complete answers used by PLS
    boot: pls_engine.BootstrapResult | None = None
    latent_ci: dict[str, IndexCI] = field(default_factory=dict)  # latent variable → 0–100 with CI
    checks: list[tuple[str, str, dict]] = field(default_factory=list)  # (level, key, params)
    kano: list[kano_engine.KanoAttribute] = field(default_factory=list)
    nps: float | None = None
    nps_counts: dict[str, int] = field(default_factory=dict)     # detractors / passives / promoters
    problems: list[str] = field(default_factory=list)            # parts that could not be computed

    @property
    def derived_nodes(self) -> list[str]:
        """The dimensions (or goal) whose children are weighed from the data."""
        return [code for code, m in self.data.node_methods.items() if m in ("correlation", "regression")]

    @property
    def n(self) -> int:
        return self.data.n

    def priorities(self, top: int = 5) -> pd.DataFrame:
        """Indicators to act on first: low performance × high importance — the IPA 'concentrate here'
        quadrant first, then 'low priority' ones whose importance still exceeds their performance
        on standardised scales, each group by that gap. Well-performing indicators ('keep up the
        good work', 'possible overkill') are never priorities."""
        if self.ipa is None:
            return pd.DataFrame(columns=["importance", "performance", "quadrant", "gap"])
        t = self.ipa.table.copy()
        z = lambda s: (s - s.mean()) / (s.std(ddof=0) or 1.0)  # noqa: E731
        t["gap"] = z(t["importance"]) - z(t["performance"])
        t["_first"] = (t["quadrant"] != "concentrate here").astype(int)
        t = t[(t["quadrant"] == "concentrate here") | ((t["quadrant"] == "low priority") & (t["gap"] > 0))]
        return t.sort_values(["_first", "gap"], ascending=[True, False]).drop(columns="_first").head(top)


def _t_ci(values: np.ndarray, confidence: float = 0.95) -> IndexCI:
    v = values[np.isfinite(values)]
    n = int(v.size)
    if n == 0:
        return IndexCI(float("nan"), float("nan"), float("nan"), 0)
    mean = float(v.mean())
    if n < 2:
        return IndexCI(mean, float("nan"), float("nan"), n)
    half = sat.t_quantile(0.5 + confidence / 2, n - 1) * float(v.std(ddof=1)) / math.sqrt(n)
    # an index lives on 0–100: a small sample's t interval is cut at the ends of the scale
    return IndexCI(mean, max(0.0, mean - half), min(100.0, mean + half), n)


def _composites(csi: sat.CSIResult, ratings: pd.DataFrame, scale: tuple[float, float]) -> dict[str, np.ndarray]:
    """Each respondent's weighted 0–100 score per node (weights held fixed, over what he answered)."""
    lo, hi = scale
    nodes = csi.nodes
    scores: dict[str, np.ndarray] = {}
    for name in reversed(list(nodes.index)):  # DFS order reversed: children before parents
        row = nodes.loc[name]
        col = row.get("column") if "column" in nodes else None
        if isinstance(col, str):
            scores[name] = ((ratings[col].to_numpy(float) - lo) / (hi - lo)) * 100.0
            continue
        kids = [k for k in nodes.index if nodes.loc[k, "parent"] == name]
        if not kids:
            continue
        m = np.column_stack([scores[k] for k in kids])
        w = np.array([float(nodes.loc[k, "local_weight"]) for k in kids])
        wm = np.where(np.isfinite(m), w, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            scores[name] = np.nansum(np.nan_to_num(m) * wm, axis=1) / wm.sum(axis=1)
        scores[name][wm.sum(axis=1) == 0] = np.nan
    return scores


def _latent_scores(fit: pls_engine.PLSResult, data: pd.DataFrame) -> dict[str, np.ndarray]:
    lo, hi = fit.scale
    out = {}
    for lv, cols in fit.model.blocks.items():
        w = fit.outer_weights[list(cols)].to_numpy()
        if np.any(w < 0):
            continue
        raw = w / fit.sds[list(cols)].to_numpy()
        raw = raw / raw.sum()
        out[lv] = 100.0 * ((data[list(cols)].to_numpy(float) - lo) @ raw) / (hi - lo)
    return out


def _quality_checks(fit: pls_engine.PLSResult) -> list[tuple[str, str, dict]]:
    checks: list[tuple[str, str, dict]] = []
    for lv, cols in fit.model.blocks.items():
        if len(cols) > 1 and float(fit.ave[lv]) < 0.5:
            checks.append(("warning", "ave_low", {"block": lv, "value": round(float(fit.ave[lv]), 3)}))
        if len(cols) > 1 and float(fit.composite_reliability[lv]) < 0.7:
            checks.append(("warning", "cr_low", {"block": lv, "value": round(float(fit.composite_reliability[lv]), 3)}))
        neg = [c for c in cols if float(fit.outer_weights[c]) < 0]
        if neg:
            checks.append(("warning", "negative_weight", {"block": lv, "item": neg[0],
                                                           "value": round(float(fit.outer_weights[neg[0]]), 3)}))
    if not fit.converged:
        checks.append(("warning", "not_converged", {"iterations": fit.iterations}))
    if not checks:
        checks.append(("ok", "all_ok", {}))
    return checks


Progress = Callable[[float, str], None]


@requires("satisfaction.analyse")
def analyse_wave(db: Database, wave: int | str, *, resamples: int = 500, seed: int = 2026,
                 confidence: float = 0.95, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> WaveAnalysis:
    """The full analysis of one wave (see the module text). ``progress(fraction, what)`` and
    ``cancelled()`` let a background task show progress and stop between the steps."""
    step = progress or (lambda _f, _t: None)
    stop = cancelled or (lambda: False)
    data = load_wave(db, wave)
    if data.n == 0:
        raise AnalysisError(f"wave {data.wave_code} has no answers yet", "survey.wave_empty", wave=data.wave_code)
    out = WaveAnalysis(data, data.n / data.targets if data.targets else None)
    ratings = data.ratings
    step(0.05, "csi")
    if data.tree is not None and ratings.notna().any().any():
        try:
            frame, overall = ratings, None
            if out.derived_nodes:  # overall satisfaction: each respondent's mean over the satisfaction questions
                asked = [c for c in data.overall_items if c in ratings.columns]
                if not asked:
                    raise sat.SurveyDataError(
                        f"weights derived from the data ({', '.join(out.derived_nodes)}) need overall satisfaction: "
                        "assign questions to the satisfaction block of the CSI model")
                frame, overall = ratings.assign(**{OVERALL: ratings[asked].mean(axis=1)}), OVERALL
            out.csi = sat.weighted_csi(frame, data.tree, data.scale, method=data.weight_method,
                                       ahp_matrices=data.ahp or None, confidence=confidence,
                                       node_methods=data.node_methods, overall=overall)
            comps = _composites(out.csi, ratings, data.scale)
            for name in out.csi.nodes.index:
                if name in comps and not isinstance(out.csi.nodes.loc[name].get("column"), str):
                    out.node_ci[name] = _t_ci(comps[name], confidence)
        except (sat.SurveyDataError, ValueError) as exc:
            out.problems.append(f"CSI: {exc}")
    if stop():
        return out
    step(0.15, "ipa")
    cols = [c for c in ratings.columns if ratings[c].notna().sum() >= 2]
    stated = [c for c in cols if c in data.importance.columns and data.importance[c].notna().any()]
    overall = [c for c in data.overall_items if c in ratings.columns]
    try:
        # stated importance when every rated question had its importance asked; else the derived
        # importance of all of them (Pearson r with overall satisfaction, Grisaffe 1993), so a few
        # stated items never stand in for the whole questionnaire; else the CSI's global weights
        if len(stated) >= 2 and len(stated) == len(cols):
            imp = sat.indicator_statistics(data.importance, stated, data.scale)["index"]
            out.ipa = sat.ipa_from_survey(ratings, stated, data.scale, importance=imp.to_dict())
            out.ipa_basis = "stated"
        elif overall and len([c for c in cols if c not in overall]) >= 2:
            mean_overall = ratings[overall].mean(axis=1)
            asked = [c for c in cols if c not in overall]
            r = pd.Series({c: ratings[c].corr(mean_overall) for c in asked}).dropna()
            perf = sat.indicator_statistics(ratings, list(r.index), data.scale)["index"]
            out.ipa = sat.importance_performance(r, perf)
            out.ipa_basis = "derived"
        elif out.csi is not None and len(cols) >= 2:
            weights = out.csi.indicators["global_weight"].reindex(cols)
            perf = out.csi.indicators["index"].reindex(cols)
            if weights.notna().all():
                out.ipa = sat.importance_performance(weights, perf)
                out.ipa_basis = "weights"
    except (sat.SurveyDataError, ValueError) as exc:
        out.problems.append(f"IPA: {exc}")
    if stop():
        return out
    if data.model is not None:
        step(0.25, "pls")
        items = [c for cols_ in data.model["blocks"].values() for c in cols_]
        complete = ratings[items].dropna() if items and all(c in ratings.columns for c in items) else ratings.iloc[0:0]
        out.pls_rows = len(complete)
        if len(complete) < MIN_PLS_ROWS:
            out.problems.append(f"PLS: {len(complete)} complete answers, at least {MIN_PLS_ROWS} needed")
        else:
            try:
                model = pls_engine.model_from_dict(data.model, data.model.get("name", "custom"))
                out.pls = pls_engine.pls_fit(complete, model, scale=data.scale)
                out.checks = _quality_checks(out.pls)
                for lv, vals in _latent_scores(out.pls, complete).items():
                    out.latent_ci[lv] = _t_ci(vals, confidence)
                if resamples and not stop():
                    step(0.35, "bootstrap")
                    try:
                        out.boot = pls_engine.bootstrap(complete, model, resamples=resamples, seed=seed,
                                                        level=confidence, scale=data.scale, cancelled=stop,
                                                        progress=lambda f: step(0.35 + 0.5 * f, "bootstrap"))
                    except pls_engine.Cancelled:
                        return out  # the caller asked to stop; what is done so far is returned
            except (pls_engine.ModelError, pls_engine.ConvergenceError, sat.SurveyDataError, ValueError) as exc:
                out.problems.append(f"PLS: {exc}")
    if stop():
        return out
    step(0.9, "kano")
    if len(data.kano):
        try:
            out.kano = kano_engine.kano_survey(data.kano)
        except kano_engine.KanoInputError as exc:
            out.problems.append(f"Kano: {exc}")
    if len(data.nps):
        scores = data.nps.to_numpy(float)
        out.nps = float(nps_score(scores))
        out.nps_counts = {"detractors": int((scores <= 6).sum()), "passives": int(((scores > 6) & (scores < 9)).sum()),
                          "promoters": int((scores >= 9).sum())}
    step(1.0, "done")
    return out


# -------------------------------------------------------------------------------------- trend
@requires("satisfaction.view")
def survey_waves(db: Database, survey: str) -> list[tuple[int, str, date]]:
    """(id, code, period end) of a survey's waves, oldest first."""
    with db.read() as s:
        sid = s.scalar(select(Survey.id).where(Survey.code == survey.strip()))
        if sid is None:
            raise AnalysisError(f"survey {survey} does not exist", "survey.survey_unknown", survey=survey)
        rows = s.execute(select(Wave.id, Wave.code, Wave.period_end).join(SurveyVersion, SurveyVersion.id == Wave.version_id)
                         .where(SurveyVersion.survey_id == sid).order_by(Wave.period_end, Wave.id)).all()
    return [(r.id, r.code, r.period_end) for r in rows]


@requires("satisfaction.analyse")
def trend(db: Database, survey: str, *, segment: str | None = None, confidence: float = 0.95,
          progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> pd.DataFrame:
    """The index per latent variable and per dimension over the survey's waves, optionally per
    customer segment (``value_class``, ``industry`` or ``region``): columns wave, period_end,
    segment, kind ("latent"/"dimension"), name, index, low, high, n, change, significant. The
    weights and the PLS outer weights are estimated per wave on all its complete answers; a
    segment's index uses them on that segment's respondents."""
    if segment is not None and segment not in SEGMENTS:
        raise AnalysisError(f"unknown segment {segment!r} (use {', '.join(SEGMENTS)})", "survey.segment_unknown",
                            segment=segment)
    waves = survey_waves(db, survey)
    rows: list[dict] = []
    for k, (wid, code, end) in enumerate(waves):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(k / max(len(waves), 1), code)
        try:
            a = analyse_wave(db, wid, resamples=0, confidence=confidence)
        except AnalysisError as exc:
            if exc.key == "survey.wave_empty":  # a wave still being answered has no point on the trend
                continue
            raise
        d = a.data
        groups = [("", d.respondents.index)] if segment is None else \
            [(g, idx.index) for g, idx in d.respondents.groupby(segment)]
        comps = _composites(a.csi, d.ratings, d.scale) if a.csi is not None else {}
        latent: dict[str, np.ndarray] = {}
        complete = None
        if a.pls is not None:
            items = [c for cols_ in d.model["blocks"].values() for c in cols_]
            complete = d.ratings[items].dropna()
            latent = _latent_scores(a.pls, complete)
        for g, idx in groups:
            mask = d.ratings.index.isin(idx)
            for name, ci in a.node_ci.items():
                c = _t_ci(comps[name][mask], confidence)
                rows.append({"wave": code, "period_end": end, "segment": g, "kind": "dimension", "name": name,
                             "index": c.index, "low": c.low, "high": c.high, "n": c.n})
            if complete is not None:
                cmask = complete.index.isin(idx)
                for lv, vals in latent.items():
                    c = _t_ci(vals[cmask], confidence)
                    rows.append({"wave": code, "period_end": end, "segment": g, "kind": "latent", "name": lv,
                                 "index": c.index, "low": c.low, "high": c.high, "n": c.n})
    table = pd.DataFrame(rows, columns=["wave", "period_end", "segment", "kind", "name", "index", "low", "high", "n"])
    table["change"] = np.nan
    table["significant"] = False
    for _key, part in table.groupby(["segment", "kind", "name"], sort=False):
        prev = None
        for i in part.index:
            if prev is not None and np.isfinite(table.at[i, "index"]) and np.isfinite(table.at[prev, "index"]):
                table.at[i, "change"] = table.at[i, "index"] - table.at[prev, "index"]
                table.at[i, "significant"] = bool(table.at[i, "low"] > table.at[prev, "high"]
                                                  or table.at[i, "high"] < table.at[prev, "low"])
            prev = i
    return table


@dataclass(frozen=True)
class WaveRow:
    id: int
    code: str
    name: str
    survey_code: str
    survey_name_zh: str
    survey_name_en: str
    period_end: date
    respondents: int


@requires("satisfaction.view")
def list_waves(db: Database) -> list[WaveRow]:
    """Every wave with its survey and number of respondents, newest first (for the screens)."""
    with db.read() as s:
        counts = dict(s.execute(select(Respondent.wave_id, func.count()).group_by(Respondent.wave_id)).all())
        rows = s.execute(select(Wave.id, Wave.code, Wave.name, Survey.code, Survey.name_zh, Survey.name_en,
                                Wave.period_end)
                         .join(SurveyVersion, SurveyVersion.id == Wave.version_id)
                         .join(Survey, Survey.id == SurveyVersion.survey_id)
                         .order_by(Wave.period_end.desc(), Survey.code, Wave.id.desc())).all()
    return [WaveRow(r[0], r[1], r[2] or "", r[3], r[4], r[5] or "", r[6], int(counts.get(r[0], 0))) for r in rows]


@requires("satisfaction.view")
def customer_history(db: Database, customer_id: int) -> pd.DataFrame:
    """One customer's answers over the waves: per wave and respondent (contact) the 0–100 score of
    the rating answers (mean over the questions answered), how many were answered, the NPS answer,
    and the wave's index over all its respondents for comparison; oldest wave first."""
    with db.read() as s:
        rows = s.execute(
            select(Wave.id, Wave.code, Wave.period_end, Survey.code, Survey.scale_min, Survey.scale_max,
                   Respondent.id, Respondent.contact_id, Respondent.answered_on, Answer.kind, Answer.value,
                   Respondent.customer_id, Survey.purpose)
            .join(SurveyVersion, SurveyVersion.id == Wave.version_id).join(Survey, Survey.id == SurveyVersion.survey_id)
            .join(Respondent, Respondent.wave_id == Wave.id).join(Answer, Answer.respondent_id == Respondent.id)
            .where(Wave.id.in_(select(Respondent.wave_id).where(Respondent.customer_id == customer_id)))
            .where(Answer.kind.in_(("rating", "nps")))).all()
        contacts = dict(s.execute(select(CustomerContact.id, CustomerContact.name)
                                  .where(CustomerContact.customer_id == customer_id)).all())
    columns = ["wave", "period_end", "survey", "contact", "answered_on", "score", "answers", "nps", "wave_score",
               "respondent", "purpose"]
    if not rows:
        return pd.DataFrame(columns=columns)
    df = pd.DataFrame(rows, columns=["wave_id", "wave", "period_end", "survey", "lo", "hi", "respondent", "contact_id",
                                     "answered_on", "kind", "value", "customer_id", "purpose"])
    df["score"] = 100.0 * (df["value"] - df["lo"]) / (df["hi"] - df["lo"])
    ratings = df[df["kind"] == "rating"]
    per_resp = ratings.groupby("respondent").agg(score=("score", "mean"), answers=("score", "size"))
    wave_score = ratings.groupby("wave_id")["score"].mean()
    mine = df[df["customer_id"] == customer_id]
    head = mine.drop_duplicates("respondent").set_index("respondent")
    nps = mine[mine["kind"] == "nps"].set_index("respondent")["value"]
    out = pd.DataFrame({
        "wave": head["wave"], "period_end": head["period_end"], "survey": head["survey"],
        "contact": [contacts.get(c, "") if c is not None and c == c else "" for c in head["contact_id"]],
        "answered_on": head["answered_on"], "score": per_resp["score"].reindex(head.index),
        "answers": per_resp["answers"].reindex(head.index).fillna(0).astype(int),
        "nps": nps.reindex(head.index), "wave_score": wave_score.reindex(head["wave_id"]).to_numpy(),
        "respondent": head.index.to_numpy(), "purpose": head["purpose"]})
    return out.sort_values(["period_end", "wave"]).reset_index(drop=True)[columns]


#: how an answer sheet names the kinds of answer
ANSWER_KINDS = {"rating": ("评分", "Rating"), "importance": ("重要性", "Importance"),
                "kano_functional": ("Kano 具备时", "Kano if present"),
                "kano_dysfunctional": ("Kano 不具备时", "Kano if absent"), "nps": ("推荐意愿", "Recommend")}


@requires("satisfaction.view")
def answer_sheet(db: Database, respondent_id: int) -> pd.DataFrame:
    """One respondent's answers question by question, in questionnaire order: code, the question
    in both languages, the kind of answer, the value and (ratings, importance) its 0–100 score."""
    with db.read() as s:
        r = s.get(Respondent, respondent_id)
        if r is None:
            raise AnalysisError(f"there is no answer sheet {respondent_id}", "survey.sheet_unknown", sheet=respondent_id)
        w = s.get(Wave, r.wave_id)
        v = s.get(SurveyVersion, w.version_id)
        survey = s.get(Survey, v.survey_id)
        nodes = {n.code: n for n in s.scalars(select(SurveyNode).where(SurveyNode.version_id == v.id))}
        pairs = {p.code: p for p in s.scalars(select(KanoPair).where(KanoPair.version_id == v.id))}
        answers = s.execute(select(Answer.question, Answer.kind, Answer.value)
                            .where(Answer.respondent_id == respondent_id)).all()
        nps_zh, nps_en = v.nps_zh, v.nps_en
        lo, hi = float(survey.scale_min), float(survey.scale_max)
    kids: dict[int | None, list[SurveyNode]] = {}
    for n in nodes.values():
        kids.setdefault(n.parent_id, []).append(n)
    walk, stack = [], sorted(kids.get(None, []), key=lambda n: (n.position, n.id), reverse=True)
    while stack:  # the questionnaire's order: depth first through the tree
        n = stack.pop()
        walk.append(n.code)
        stack.extend(sorted(kids.get(n.id, []), key=lambda k: (k.position, k.id), reverse=True))
    order = {code: (0, k, 0) for k, code in enumerate(walk)}
    order.update({code: (1, p.position, p.id) for code, p in pairs.items()})
    kinds = list(ANSWER_KINDS)
    rows = []
    for q, kind, value in sorted(answers, key=lambda a: (order.get(a[0], (2, 0, 0)), kinds.index(a[1])
                                                          if a[1] in kinds else 9)):
        if q in nodes:
            zh, en = nodes[q].text_zh, nodes[q].text_en
        elif q in pairs:
            p = pairs[q]
            zh, en = ((p.functional_zh, p.functional_en) if kind == "kano_functional"
                      else (p.dysfunctional_zh, p.dysfunctional_en)) if p.functional_zh or p.dysfunctional_zh \
                else (p.attribute_zh, p.attribute_en)
        else:
            zh, en = (nps_zh, nps_en) if kind == "nps" else (q, q)
        score = 100.0 * (value - lo) / (hi - lo) if kind in ("rating", "importance") else math.nan
        rows.append({"question": q, "text_zh": zh or en, "text_en": en or zh, "kind": kind,
                     "kind_zh": ANSWER_KINDS.get(kind, (kind, kind))[0], "kind_en": ANSWER_KINDS.get(kind, (kind, kind))[1],
                     "value": float(value), "score": score})
    return pd.DataFrame(rows, columns=["question", "text_zh", "text_en", "kind", "kind_zh", "kind_en", "value",
                                       "score"])
