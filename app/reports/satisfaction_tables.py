"""The analysis of a survey wave as a workbook (one sheet per part, through the one xlsx writer)
and the words shared by the report, the CLI and the screens (quality checks, quadrants, Kano
categories) in both languages."""

from __future__ import annotations

import os
from collections.abc import Sequence

import pandas as pd

from app.engines import kano
from app.models.satisfaction.analysis import SIGNIFICANCE_RULE, WaveAnalysis
from app.reports.tabular import _sheet_title, new_workbook

TEXT = {
    "zh_CN": {
        "summary": "概况", "indicators": "指标", "dimensions": "维度", "ipa": "重要性-绩效", "paths": "路径系数",
        "latent": "潜变量指数", "weights": "外部权重", "kano": "Kano", "checks": "质量检查", "priorities": "优先改进",
        "survey": "调查", "wave": "批次", "period": "期间", "version": "版本", "respondents": "答卷数",
        "targets": "调查对象数", "response_rate": "回收率", "csi": "加权满意度指数 CSI", "nps": "净推荐值 NPS",
        "pls_rows": "PLS 使用的完整答卷", "indicator": "指标", "n": "样本数", "mean": "均值", "sd": "标准差",
        "index": "指数 (0–100)", "low": "区间下限", "high": "区间上限", "weight": "全局权重", "name": "名称",
        "importance": "重要性", "performance": "绩效", "quadrant": "象限", "path": "路径", "coef": "系数",
        "se": "标准误", "t": "t 值", "r2": "R²", "block": "潜变量", "loading": "载荷", "outer": "外部权重",
        "ave": "AVE", "cr": "组合信度", "category": "类别", "better": "Better", "worse": "Worse",
        "level": "级别", "message": "说明", "gap": "差距", "sign": "符号校正", "rule": "显著性规则",
        "significance_rule": "两批次 95% 置信区间不重叠时标记为显著变化",
        "quadrants": {"concentrate here": "重点改进", "keep up the good work": "继续保持",
                      "low priority": "次要", "possible overkill": "过度投入"},
        "kano_names": {k: zh for k, (_en, zh) in kano.CATEGORY_NAMES.items()},  # the domain brief's names
        "check": {
            "ave_low": "潜变量“{block}”的 AVE 为 {value}，低于 0.5：其题目对它的解释不足一半",
            "cr_low": "潜变量“{block}”的组合信度为 {value}，低于 0.7：题目之间一致性偏低",
            "negative_weight": "潜变量“{block}”的题目 {item} 外部权重为负（{value}），该潜变量的 0–100 指数无定义",
            "not_converged": "PLS 迭代 {iterations} 次仍未收敛",
            "all_ok": "AVE ≥ 0.5、组合信度 ≥ 0.7，外部权重均为正",
        },
        "ok": "正常", "warning": "注意",
    },
    "en": {
        "summary": "Summary", "indicators": "Indicators", "dimensions": "Dimensions", "ipa": "Importance-performance",
        "paths": "Path coefficients", "latent": "Latent index", "weights": "Outer weights", "kano": "Kano",
        "checks": "Quality checks", "priorities": "Priorities",
        "survey": "Survey", "wave": "Wave", "period": "Period", "version": "Version", "respondents": "Respondents",
        "targets": "Asked", "response_rate": "Response rate", "csi": "Weighted CSI", "nps": "NPS",
        "pls_rows": "Complete answers used by PLS", "indicator": "Indicator", "n": "n", "mean": "Mean", "sd": "SD",
        "index": "Index (0–100)", "low": "CI low", "high": "CI high", "weight": "Global weight", "name": "Name",
        "importance": "Importance", "performance": "Performance", "quadrant": "Quadrant", "path": "Path",
        "coef": "Coefficient", "se": "SE", "t": "t", "r2": "R²", "block": "Latent variable", "loading": "Loading",
        "outer": "Outer weight", "ave": "AVE", "cr": "Composite reliability", "category": "Category",
        "better": "Better", "worse": "Worse", "level": "Level", "message": "Message", "gap": "Gap",
        "sign": "Sign correction", "rule": "Significance rule", "significance_rule": SIGNIFICANCE_RULE,
        "quadrants": {"concentrate here": "concentrate here", "keep up the good work": "keep up the good work",
                      "low priority": "low priority", "possible overkill": "possible overkill"},
        "kano_names": {k: en for k, (en, _zh) in kano.CATEGORY_NAMES.items()},
        "check": {
            "ave_low": "latent variable '{block}': AVE {value} is below 0.5 — its questions explain less than half of it",
            "cr_low": "latent variable '{block}': composite reliability {value} is below 0.7 — its questions agree poorly",
            "negative_weight": "latent variable '{block}': question {item} has a negative outer weight ({value}); "
                               "its 0–100 index is undefined",
            "not_converged": "PLS did not converge in {iterations} iterations",
            "all_ok": "AVE ≥ 0.5 and composite reliability ≥ 0.7 for every block; all outer weights positive",
        },
        "ok": "ok", "warning": "warning",
    },
}


def words(lang: str) -> dict:
    return TEXT["zh_CN" if lang == "zh_CN" else "en"]


def check_text(key: str, params: dict, lang: str = "en") -> str:
    return words(lang)["check"].get(key, key).format(**params)


def _r(x, nd: int = 4):
    try:
        return None if x is None or pd.isna(x) else round(float(x), nd)
    except (TypeError, ValueError):
        return x


def sheets(result: WaveAnalysis, lang: str = "en") -> list[tuple[str, list[str], list[list]]]:
    """(title, header, rows) of every part of the analysis; the same tables the screen shows."""
    w = words(lang)
    d = result.data
    out: list[tuple[str, list[str], list[list]]] = []
    name = d.survey_name_zh if lang == "zh_CN" else (d.survey_name_en or d.survey_name_zh)
    summary = [[w["survey"], f"{d.survey_code} {name}"], [w["wave"], f"{d.wave_code} {d.wave_name}".strip()],
               [w["period"], f"{d.period_start:%Y-%m-%d} – {d.period_end:%Y-%m-%d}"], [w["version"], d.version],
               [w["respondents"], d.n], [w["targets"], d.targets],
               [w["response_rate"], None if result.response_rate is None else _r(result.response_rate, 4)],
               [w["csi"], None if result.csi is None else _r(result.csi.index, 2)],
               [w["nps"], None if result.nps is None else _r(result.nps, 1)],
               [w["pls_rows"], result.pls_rows], [w["rule"], w["significance_rule"]]]
    if result.boot is not None:
        summary.append([w["sign"], result.boot.sign_correction])
    out.append((w["summary"], [w["name"], ""], summary))
    if result.csi is not None:
        ind = result.csi.indicators
        out.append((w["indicators"], [w["indicator"], w["name"], w["n"], w["mean"], w["sd"], w["index"], w["low"],
                                      w["high"], w["weight"]],
                    [[c, d.label(c, lang), int(r["n"]), _r(r["mean"]), _r(r["sd"]), _r(r["index"], 2),
                      _r(r["index_low"], 2), _r(r["index_high"], 2), _r(r["global_weight"])] for c, r in ind.iterrows()]))
        out.append((w["dimensions"], [w["indicator"], w["name"], w["n"], w["index"], w["low"], w["high"]],
                    [[k, d.label(k, lang), ci.n, _r(ci.index, 2), _r(ci.low, 2), _r(ci.high, 2)]
                     for k, ci in result.node_ci.items()]))
    if result.ipa is not None:
        pr = result.priorities(top=len(result.ipa.table))
        out.append((w["ipa"], [w["indicator"], w["name"], w["importance"], w["performance"], w["quadrant"], w["gap"]],
                    [[c, d.label(c, lang), _r(r["importance"]), _r(r["performance"], 2),
                      w["quadrants"].get(r["quadrant"], r["quadrant"]), _r(r["gap"], 3)] for c, r in pr.iterrows()]))
    if result.pls is not None:
        boot = result.boot.paths if result.boot is not None else None
        rows = []
        for key, coef in result.pls.paths.items():
            b = boot.loc[key] if boot is not None and key in boot.index else None
            rows.append([key, _r(coef), None if b is None else _r(b["se"]), None if b is None else _r(b["t"], 2),
                         None if b is None else _r(b["lower"]), None if b is None else _r(b["upper"])])
        out.append((w["paths"], [w["path"], w["coef"], w["se"], w["t"], w["low"], w["high"]], rows))
        labels = (d.model or {}).get("labels", {})
        out.append((w["latent"], [w["block"], w["name"], w["index"], w["low"], w["high"], w["r2"], w["ave"], w["cr"]],
                    [[lv, labels.get(lv, {}).get("zh_CN" if lang == "zh_CN" else "en", lv),
                      _r(result.latent_ci[lv].index, 2) if lv in result.latent_ci else None,
                      _r(result.latent_ci[lv].low, 2) if lv in result.latent_ci else None,
                      _r(result.latent_ci[lv].high, 2) if lv in result.latent_ci else None,
                      _r(result.pls.r2.get(lv)), _r(result.pls.ave.get(lv)),
                      _r(result.pls.composite_reliability.get(lv))] for lv in result.pls.model.blocks]))
        out.append((w["weights"], [w["indicator"], w["block"], w["outer"], w["loading"]],
                    [[c, lv, _r(result.pls.outer_weights[c]), _r(result.pls.loadings[c])]
                     for lv, cols in result.pls.model.blocks.items() for c in cols]))
        out.append((w["checks"], [w["level"], w["message"]],
                    [[w[level], check_text(key, params, lang)] for level, key, params in result.checks]))
    if result.kano:
        out.append((w["kano"], [w["indicator"], w["name"], "A", "O", "M", "I", "R", "Q", w["n"], w["category"],
                                w["better"], w["worse"]],
                    [[k.attribute, d.label(k.attribute, lang), *[k.counts[c] for c in "AOMIRQ"], k.n,
                      w["kano_names"].get(k.category, k.category), _r(k.better), _r(k.worse)] for k in result.kano]))
    return out


def write_analysis_xlsx(result: WaveAnalysis, path: str | os.PathLike[str], lang: str = "en") -> None:
    from openpyxl.styles import Font

    wb = new_workbook()
    wb.remove(wb.active)
    for title, header, rows in sheets(result, lang):
        ws = wb.create_sheet(_sheet_title(title))
        ws.append(header)
        for c in ws[1]:
            c.font = Font(bold=True)
        for row in rows:
            ws.append(["" if v is None else v for v in row])
        ws.freeze_panes = "A2"
        for col, width in zip("ABCDEFGHIJKL", _widths(header, rows)):
            ws.column_dimensions[col].width = width
    wb.save(path)


def _widths(header: Sequence[str], rows: Sequence[Sequence]) -> list[float]:
    out = []
    for j, h in enumerate(header):
        longest = max([len(str(h))] + [len(str(r[j])) for r in rows[:200] if j < len(r) and r[j] is not None])
        out.append(min(60.0, max(8.0, longest * 1.2 + 2)))
    return out
