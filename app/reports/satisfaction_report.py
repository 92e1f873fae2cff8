"""The satisfaction report for management review (PDF, either language, embedded CJK font): the
method, the sample, the index table with intervals, the PLS path diagram, the index trend over
the survey's waves with its bands, the importance–performance quadrants, priorities for action
(low performance × high importance), Kano and the quality checks. Charts are ReportLab drawings
(vector, no Qt), laid out like the screen's (``app.engines.path_layout``)."""

from __future__ import annotations

import math
import os

import pandas as pd
from reportlab.graphics.shapes import Drawing, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.engines.path_layout import positions
from app.models.satisfaction.analysis import WaveAnalysis
from app.reports import pdf
from app.reports.pdf import escape
from app.reports.satisfaction_tables import check_text, words

TEXT = {
    "zh_CN": {
        "title": "顾客满意度分析报告", "method": "方法", "sample": "样本", "indices": "满意度指数",
        "diagram": "PLS 路径图", "trend": "指数趋势", "ipa": "重要性-绩效分析", "priorities": "优先改进事项",
        "kano": "Kano 分析", "checks": "测量质量检查",
        "method_text": "加权满意度指数：各题均值按 (均值 − 最小值)/(最大值 − 最小值) × 100 换算为 0–100，"
                       "按指标体系权重逐级加权（综合加权评分法）；区间为受访者加权得分的 t 置信区间（95%，权重视为固定）。"
                       "PLS 路径模型（{model}，路径加权方案，标准化指标）估计潜变量之间的路径系数；潜变量 0–100 指数按 ACSI 惯例"
                       "（Fornell 等 1996）由非标准化外部权重计算；路径系数的区间为 {boot} 次自助法重抽样的百分位区间，"
                       "每次重抽样按潜变量做符号校正（Tenenhaus 等 2005）。{rule}。",
        "sample_text": "调查 {survey}，批次 {wave}（{start} 至 {end}）：调查对象 {targets} 个，收回答卷 {n} 份，回收率 {rate}；"
                       "PLS 使用 {rows} 份题目全部作答的答卷。",
        "no_boot": "未做自助法",
        "figure_diagram": "方框内为 R²，方框下为潜变量指数（0–100）；箭头上为路径系数，线宽与系数大小成正比。",
        "figure_trend": "阴影为 95% 置信区间；★ 表示与上一批相比变化显著（区间不重叠）。",
        "none": "本批次无此项数据。",
        "derived_text": "由数据求得的权重（{nodes}）：各下级指标按其与总体满意度（满意度潜变量各题的受访者均值）的 Pearson "
                        "相关系数归一化加权（导出重要性，Grisaffe 1993）。",
    },
    "en": {
        "title": "Customer satisfaction report", "method": "Method", "sample": "Sample", "indices": "Satisfaction indices",
        "diagram": "PLS path diagram", "trend": "Index trend", "ipa": "Importance–performance analysis",
        "priorities": "Priorities for action", "kano": "Kano analysis", "checks": "Quality of measurement",
        "method_text": "Weighted CSI: each question's mean is put on 0–100 as (mean − min)/(max − min) × 100 and weighted "
                       "up the indicator tree (comprehensive weighted scoring); intervals are t intervals (95 %) of the "
                       "respondents' weighted scores with the weights held fixed. A PLS path model ({model}, path "
                       "weighting scheme, standardised indicators) estimates the paths between the latent variables; "
                       "their 0–100 index follows the ACSI convention (Fornell et al. 1996) from the unstandardised outer "
                       "weights; path intervals are percentile intervals of {boot} bootstrap resamples, each "
                       "sign-corrected per block (Tenenhaus et al. 2005). {rule}.",
        "sample_text": "Survey {survey}, wave {wave} ({start} to {end}): {targets} asked, {n} answered, response rate "
                       "{rate}; PLS uses the {rows} questionnaires with every model question answered.",
        "no_boot": "no bootstrap",
        "figure_diagram": "R² inside each box, the latent index (0–100) beneath it; arrows carry the path coefficient, "
                          "line width by its size.",
        "figure_trend": "Shaded: 95 % confidence interval; ★ marks a significant change from the previous wave "
                        "(intervals do not overlap).",
        "none": "Not available for this wave.",
        "derived_text": "Weights derived from the data ({nodes}): the indicators below weigh by their Pearson correlation "
                        "with overall satisfaction (each respondent's mean over the satisfaction block's questions), "
                        "normalised to sum 1 (derived importance, Grisaffe 1993).",
    },
}
SERIES = ("#1f6fb2", "#d9822b", "#2e8b57", "#b03a48", "#6a4c93", "#8c6d1f", "#008b8b", "#555555")


def _t(lang: str) -> dict:
    return TEXT["zh_CN" if lang == "zh_CN" else "en"]


def _f(x, nd: int = 1) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.{nd}f}"


def path_drawing(result: WaveAnalysis, width: float, font: str, lang: str) -> Drawing | None:
    fit = result.pls
    if fit is None:
        return None
    nodes = list(fit.model.blocks)
    paths = {tuple(k.split("->")): v for k, v in fit.paths.items()}
    pos, box_w, _chain = positions(nodes, list(paths), row_gap=1.5)
    labels = {k: v.get("zh_CN" if lang == "zh_CN" else "en", k) for k, v in (result.data.model or {}).get("labels", {}).items()}
    box_h = 0.62
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, x1 = min(xs) - 0.1, max(xs) + box_w + 0.1
    y0, y1 = min(ys) - 0.5, max(ys) + box_h + 0.9
    scale = width / (x1 - x0)
    height = (y1 - y0) * scale * 0.55  # squeeze the rows a little: the page is wider than tall
    sy = height / (y1 - y0)
    d = Drawing(width, height)

    def px(x: float) -> float:
        return (x - x0) * scale

    def py(y: float) -> float:
        return (y - y0) * sy

    biggest = max((abs(v) for v in paths.values()), default=1.0) or 1.0
    top_row = max(ys)
    label_items = []
    for (a, b), coef in paths.items():
        (ax, ay), (bx, by) = pos[a], pos[b]
        colour = colors.HexColor("#2e5d87" if coef >= 0 else "#b03a48")
        w = 0.6 + 2.6 * abs(coef) / biggest
        if ay == by and abs(bx - ax) > box_w + 0.6:  # an arc over/under the boxes between
            up = ay >= top_row
            s = (px(ax + box_w / 2), py(ay + (box_h if up else 0)))
            e = (px(bx + box_w / 2), py(by + (box_h if up else 0)))
            lift = min(1.0, 0.35 + 0.1 * abs(bx - ax)) * sy * (1 if up else -1)
            c = ((s[0] + e[0]) / 2, s[1] + 2 * lift)
            pts = []
            for i in range(31):
                t = i / 30
                pts += [(1 - t) ** 2 * s[0] + 2 * (1 - t) * t * c[0] + t ** 2 * e[0],
                        (1 - t) ** 2 * s[1] + 2 * (1 - t) * t * c[1] + t ** 2 * e[1]]
            d.add(PolyLine(pts, strokeColor=colour, strokeWidth=w))
            tip, before, mid = (pts[-2], pts[-1]), (pts[-6], pts[-5]), (pts[30], pts[31])
        else:
            ca = (px(ax + box_w / 2), py(ay + box_h / 2))
            cb = (px(bx + box_w / 2), py(by + box_h / 2))
            half_w, half_h = box_w / 2 * scale, box_h / 2 * sy

            def edge(cx, cy, tx, ty):
                dx, dy = tx - cx, ty - cy
                k = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
                return cx + dx * k, cy + dy * k

            start, tip = edge(*ca, *cb), edge(*cb, *ca)
            d.add(Line(*start, *tip, strokeColor=colour, strokeWidth=w))
            before, mid = start, ((start[0] + tip[0]) / 2, (start[1] + tip[1]) / 2)
        ang = math.atan2(tip[1] - before[1], tip[0] - before[0])
        head = 6
        d.add(Polygon([tip[0], tip[1], tip[0] - head * math.cos(ang - 0.4), tip[1] - head * math.sin(ang - 0.4),
                       tip[0] - head * math.cos(ang + 0.4), tip[1] - head * math.sin(ang + 0.4)],
                      fillColor=colour, strokeColor=None))
        label_items.append((mid, f"{coef:.3f}"))
    for n in nodes:
        x, y = pos[n]
        d.add(Rect(px(x), py(y), box_w * scale, box_h * sy, fillColor=colors.HexColor("#e8f0fa"),
                   strokeColor=colors.HexColor("#1f3b5a"), strokeWidth=0.8))
        cx = px(x + box_w / 2)
        r2 = fit.r2.get(n)
        has_r2 = r2 is not None and not (isinstance(r2, float) and math.isnan(r2))
        d.add(String(cx, py(y + box_h * (0.58 if has_r2 else 0.42)), labels.get(n, n), fontName=font, fontSize=7.5,
                     textAnchor="middle", fillColor=colors.HexColor("#1f3b5a")))
        if has_r2:
            d.add(String(cx, py(y + box_h * 0.18), f"R² = {r2:.3f}", fontName=font, fontSize=6.5, textAnchor="middle"))
        ci = result.latent_ci.get(n)
        if ci is not None:
            d.add(String(cx, py(y) - 9, _f(ci.index), fontName=font, fontSize=7, textAnchor="middle",
                         fillColor=colors.HexColor("#b03a48")))
    for (mx, my), text in label_items:
        d.add(Rect(mx - 11, my - 4, 22, 9, fillColor=colors.white, strokeColor=None))
        d.add(String(mx, my - 2.5, text, fontName=font, fontSize=6.5, textAnchor="middle"))
    return d


def trend_drawing(trend: pd.DataFrame | None, labels: dict[str, str], width: float, font: str) -> Drawing | None:
    if trend is None or not len(trend):
        return None
    kind = "latent" if (trend["kind"] == "latent").any() else "dimension"
    part = trend[(trend["kind"] == kind) & (trend["segment"] == "")]
    waves = list(dict.fromkeys(part["wave"]))
    if len(waves) < 2:
        return None
    height, left, bottom, legend_w = 60 * mm, 28, 22, 42 * mm
    plot_w, plot_h = width - left - legend_w - 6, height - bottom - 8
    lows = [v for v in part["low"] if v == v]
    y_min = max(0.0, math.floor((min(lows) if lows else 50) / 5) * 5 - 5)
    y_max = 100.0
    d = Drawing(width, height)

    def px(i: int) -> float:
        return left + plot_w * (i / (len(waves) - 1))

    def py(v: float) -> float:
        return bottom + plot_h * (v - y_min) / (y_max - y_min)

    for v in range(int(y_min), 101, 10 if y_max - y_min > 40 else 5):
        d.add(Line(left, py(v), left + plot_w, py(v), strokeColor=colors.HexColor("#e3e3e3"), strokeWidth=0.4))
        d.add(String(left - 3, py(v) - 2.5, str(v), fontName=font, fontSize=6.5, textAnchor="end"))
    for i, w in enumerate(waves):
        d.add(String(px(i), bottom - 10, w.split("-", 1)[-1], fontName=font, fontSize=6, textAnchor="middle"))
    for k, (name, g) in enumerate(part.groupby("name", sort=False)):
        g = g.set_index("wave").reindex(waves)
        colour = colors.HexColor(SERIES[k % len(SERIES)])
        band = colors.Color(colour.red, colour.green, colour.blue, alpha=0.15)
        hi = [(px(i), py(float(r["high"]))) for i, (_w, r) in enumerate(g.iterrows()) if r["high"] == r["high"]]
        lo = [(px(i), py(float(r["low"]))) for i, (_w, r) in enumerate(g.iterrows()) if r["low"] == r["low"]]
        if len(hi) == len(waves) and len(lo) == len(waves):
            pts = [c for p in hi + lo[::-1] for c in p]
            d.add(Polygon(pts, fillColor=band, strokeColor=None))
        line = [c for i, (_w, r) in enumerate(g.iterrows()) if r["index"] == r["index"] for c in (px(i), py(float(r["index"])))]
        d.add(PolyLine(line, strokeColor=colour, strokeWidth=1.3))
        for i, (_w, r) in enumerate(g.iterrows()):
            if bool(r["significant"]) and r["index"] == r["index"]:
                d.add(String(px(i), py(float(r["index"])) + 2, "★", fontName=font, fontSize=8, textAnchor="middle",
                             fillColor=colors.HexColor("#b8860b")))
        ly = height - 10 - k * 10
        d.add(Line(width - legend_w, ly + 2, width - legend_w + 10, ly + 2, strokeColor=colour, strokeWidth=1.5))
        d.add(String(width - legend_w + 13, ly, labels.get(name, name), fontName=font, fontSize=6.5))
    return d


def write_report(result: WaveAnalysis, trend: pd.DataFrame | None, path: str | os.PathLike[str], *,
                 lang: str = "zh_CN") -> pdf.CJKFont:
    t, w = _t(lang), words(lang)
    font = pdf.cjk_font()
    st = pdf.report_styles(font)
    d = result.data
    width = A4[0] - 36 * mm
    labels = {k: v.get("zh_CN" if lang == "zh_CN" else "en", k) for k, v in (d.model or {}).get("labels", {}).items()}
    name = d.survey_name_zh if lang == "zh_CN" else (d.survey_name_en or d.survey_name_zh)
    rate = "—" if result.response_rate is None else f"{100 * result.response_rate:.1f} %"
    story = [Paragraph(escape(t["title"]), st.title),
             Paragraph(escape(f"{d.survey_code} {name} · {d.wave_code}"), st.body), Spacer(1, 3 * mm),
             Paragraph(escape(t["method"]), st.heading),
             Paragraph(escape(t["method_text"].format(
                 model=str((d.model or {}).get("name", "")).upper() or "—",
                 boot=result.boot.resamples if result.boot is not None else t["no_boot"],
                 rule=w["significance_rule"])), st.body),
             *([Paragraph(escape(t["derived_text"].format(nodes=", ".join(
                 d.label(c, lang) for c in result.derived_nodes))), st.body)] if result.derived_nodes else []),
             Paragraph(escape(t["sample"]), st.heading),
             Paragraph(escape(t["sample_text"].format(survey=d.survey_code, wave=d.wave_code, start=d.period_start,
                                                      end=d.period_end, targets=d.targets, n=d.n, rate=rate,
                                                      rows=result.pls_rows)), st.body),
             Paragraph(escape(t["indices"]), st.heading)]
    rows = [[w["name"], w["index"], w["low"], w["high"], w["r2"], w["n"]]]
    for key, ci in result.node_ci.items():
        rows.append([d.label(key, lang), _f(ci.index), _f(ci.low), _f(ci.high), "", ci.n])
    if result.pls is not None:
        for lv in result.pls.model.blocks:
            ci = result.latent_ci.get(lv)
            rows.append([labels.get(lv, lv), _f(ci.index if ci else None), _f(ci.low if ci else None),
                         _f(ci.high if ci else None), _f(result.pls.r2.get(lv), 3), ci.n if ci else ""])
    if result.nps is not None:
        rows.append([w["nps"], _f(result.nps), "", "", "", sum(result.nps_counts.values())])
    story.append(pdf.grid_table([[Paragraph(escape(str(c)), st.cell) for c in r] for r in rows],
                                [width * 0.42] + [width * 0.116] * 5))
    diagram = path_drawing(result, width, font.name, lang)
    if diagram is not None:
        story += [Paragraph(escape(t["diagram"]), st.heading), diagram,
                  Paragraph(escape(t["figure_diagram"]), st.small)]
        boot = result.boot.paths if result.boot is not None else None
        prow = [[w["path"], w["coef"], w["low"], w["high"], w["t"]]]
        for key, coef in result.pls.paths.items():
            a, b = key.split("->")
            has = boot is not None and key in boot.index
            prow.append([f"{labels.get(a, a)} → {labels.get(b, b)}", f"{coef:.3f}",
                         _f(boot.loc[key, "lower"], 3) if has else "", _f(boot.loc[key, "upper"], 3) if has else "",
                         _f(boot.loc[key, "t"], 2) if has else ""])
        story += [Spacer(1, 2 * mm), pdf.grid_table([[Paragraph(escape(str(c)), st.cell) for c in r] for r in prow],
                                                     [width * 0.52] + [width * 0.12] * 4)]
    chart = trend_drawing(trend, labels if (trend is not None and (trend["kind"] == "latent").any())
                          else {k: d.label(k, lang) for k in d.labels}, width, font.name)
    if chart is not None:
        story += [Paragraph(escape(t["trend"]), st.heading), chart, Paragraph(escape(t["figure_trend"]), st.small)]
    story.append(Paragraph(escape(t["priorities"]), st.heading))
    pr = result.priorities(top=8)
    if len(pr):
        prow = [[w["indicator"], w["name"], w["importance"], w["performance"], w["quadrant"]]]
        for code, r in pr.iterrows():
            prow.append([code, d.label(code, lang), _f(r["importance"], 2), _f(r["performance"]),
                         w["quadrants"].get(r["quadrant"], r["quadrant"])])
        story.append(pdf.grid_table([[Paragraph(escape(str(c)), st.cell) for c in r] for r in prow],
                                    [width * 0.1, width * 0.45, width * 0.13, width * 0.13, width * 0.19]))
    else:
        story.append(Paragraph(escape(t["none"]), st.body))
    if result.kano:
        story.append(Paragraph(escape(t["kano"]), st.heading))
        krow = [[w["name"], "A", "O", "M", "I", "R", "Q", w["category"], w["better"], w["worse"]]]
        for k in result.kano:
            krow.append([d.label(k.attribute, lang), *[k.counts[c] for c in "AOMIRQ"],
                         w["kano_names"].get(k.category, k.category), _f(k.better, 2), _f(k.worse, 2)])
        story.append(pdf.grid_table([[Paragraph(escape(str(c)), st.cell) for c in r] for r in krow],
                                    [width * 0.28] + [width * 0.05] * 6 + [width * 0.18, width * 0.1, width * 0.14]))
    if result.checks:
        story.append(Paragraph(escape(t["checks"]), st.heading))
        story += [Paragraph(escape(f"• {check_text(key, params, lang)}"), st.body) for _l, key, params in result.checks]
    return pdf.build_pdf(path, story, title=t["title"], lang=lang, header=f"{t['title']} · {d.wave_code}", font=font)
