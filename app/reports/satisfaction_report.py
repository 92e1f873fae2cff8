"""The satisfaction report for management review (PDF, either language, embedded CJK font): the
method, the sample, the index table with intervals, the PLS path diagram, the index trend over
the survey's waves with its bands, the importance–performance quadrants, priorities for action
(low performance × high importance), Kano and the quality checks. Charts are ReportLab drawings
(vector, no Qt), laid out like the screen's (``app.engines.path_layout``)."""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

import pandas as pd
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from app.engines.label_layout import Rect4, place_near_points, place_on_curves
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
        "method_csi": "加权满意度指数：各题均值按 (均值 − 最小值)/(最大值 − 最小值) × 100 换算为 0–100，"
                      "按指标体系权重逐级加权（综合加权评分法）；区间为受访者加权得分的 t 置信区间（95%，权重视为固定）。",
        "method_pls": "PLS 路径模型（{model}，路径加权方案，标准化指标）估计潜变量之间的路径系数；潜变量 0–100 指数按 ACSI 惯例"
                      "（Fornell 等 1996）由非标准化外部权重计算。",
        "method_boot": "路径系数的区间为 {boot} 次自助法重抽样的百分位区间，每次重抽样按潜变量做符号校正（Tenenhaus 等 2005）。",
        "method_no_boot": "本次分析未做自助法重抽样，路径系数没有区间。",
        "method_kano": "Kano 分析：每个属性的功能/反功能问题对按 Kano 评价表归类（A 魅力质量、O 一元质量、M 理所当然质量、I 无差异质量、"
                       "R 反向质量、Q 可疑结果），取频数最多者；Better = (A+O)/(A+O+M+I)，Worse = −(O+M)/(A+O+M+I)。",
        "method_nps": "净推荐值 NPS = 推荐者（9–10 分）比例 − 贬损者（0–6 分）比例，× 100。",
        "method_rule": "{rule}。",
        "sample_text": "调查 {survey}，批次 {wave}（{start} 至 {end}）：调查对象 {targets} 个，收回答卷 {n} 份，回收率 {rate}。",
        "sample_pls": "PLS 使用 {rows} 份模型题目全部作答的答卷。",
        "figure_diagram": "方框内为 R²，方框下为潜变量指数（0–100）；箭头上为路径系数，线宽与系数大小成正比。",
        "figure_trend": "阴影为 95% 置信区间；★ 表示与上一批相比变化显著（区间不重叠）。",
        "none": "本批次无此项数据。",
        "priorities_rule": "先列“重点改进”象限，再列重要性仍高于绩效的“次要”指标；各组按差距排序，差距 = 重要性标准分 − 绩效标准分。",
        "group_csi": "加权满意度指数", "group_pls": "PLS 潜变量指数",
        "figure_ipa": "横轴为重要性，纵轴为绩效（0–100），虚线为两者的均值；点旁为指标代码。右下“重点改进”象限即优先改进事项。",
        "figure_kano": "横轴为 |Worse|，纵轴为 Better，虚线在 0.5：左上魅力质量、右上一元质量、右下理所当然质量、左下无差异质量。",
        "figure_nps": "推荐意愿 0–10 分的答卷数：红色为贬损者（0–6），灰色为被动者（7–8），绿色为推荐者（9–10）。",
        "nps": "NPS 分布",
        "nps_title": "推荐意愿分布（NPS = {nps}，n = {n}）", "nps_detractor": "贬损者", "nps_passive": "被动者",
        "nps_promoter": "推荐者", "axis_nps": "推荐意愿（0–10）", "axis_importance": "重要性",
        "axis_performance": "绩效（0–100）", "axis_better": "Better", "axis_worse": "|Worse|",
        "kano_chart": "Kano Better–Worse 图",
        "derived_text": "由数据求得的权重（{nodes}）：各下级指标按其与总体满意度（满意度潜变量各题的受访者均值）的 Pearson "
                        "相关系数归一化加权（导出重要性，Grisaffe 1993）。",
    },
    "en": {
        "title": "Customer satisfaction report", "method": "Method", "sample": "Sample", "indices": "Satisfaction indices",
        "diagram": "PLS path diagram", "trend": "Index trend", "ipa": "Importance–performance analysis",
        "priorities": "Priorities for action", "kano": "Kano analysis", "checks": "Quality of measurement",
        "method_csi": "Weighted CSI: each question's mean is put on 0–100 as (mean − min)/(max − min) × 100 and weighted "
                      "up the indicator tree (comprehensive weighted scoring); intervals are t intervals (95 %) of the "
                      "respondents' weighted scores with the weights held fixed.",
        "method_pls": "A PLS path model ({model}, path weighting scheme, standardised indicators) estimates the paths "
                      "between the latent variables; their 0–100 index follows the ACSI convention (Fornell et al. 1996) "
                      "from the unstandardised outer weights.",
        "method_boot": "Path intervals are percentile intervals of {boot} bootstrap resamples, each sign-corrected per "
                       "block (Tenenhaus et al. 2005).",
        "method_no_boot": "No bootstrap was run for this analysis, so the paths have no intervals.",
        "method_kano": "Kano: each attribute's functional/dysfunctional pair is classified with the Kano evaluation table "
                       "(A attractive, O one-dimensional, M must-be, I indifferent, R reverse, Q questionable), the most "
                       "frequent class wins; Better = (A+O)/(A+O+M+I), Worse = −(O+M)/(A+O+M+I).",
        "method_nps": "NPS = share of promoters (9–10) − share of detractors (0–6), × 100.",
        "method_rule": "{rule}.",
        "sample_text": "Survey {survey}, wave {wave} ({start} to {end}): {targets} asked, {n} answered, response rate "
                       "{rate}.",
        "sample_pls": "PLS uses the {rows} questionnaires with every model question answered.",
        "figure_diagram": "R² inside each box, the latent index (0–100) beneath it; arrows carry the path coefficient, "
                          "line width by its size.",
        "figure_trend": "Shaded: 95 % confidence interval; ★ marks a significant change from the previous wave "
                        "(intervals do not overlap).",
        "none": "Not available for this wave.",
        "priorities_rule": "The 'concentrate here' quadrant first, then 'low priority' indicators whose importance still "
                           "exceeds their performance; each group by its gap = standardised importance − standardised "
                           "performance.",
        "group_csi": "Weighted CSI", "group_pls": "PLS latent index",
        "figure_ipa": "Importance across, performance (0–100) up, the dashed lines at their means; each point is an "
                      "indicator code. The bottom-right quadrant (concentrate here) holds the priorities for action.",
        "figure_kano": "|Worse| across, Better up, the dashed lines at 0.5: attractive top left, one-dimensional top right, "
                       "must-be bottom right, indifferent bottom left.",
        "figure_nps": "Answers 0–10 to the recommendation question: red detractors (0–6), grey passives (7–8), green "
                      "promoters (9–10).",
        "nps": "NPS distribution",
        "nps_title": "Likelihood to recommend (NPS = {nps}, n = {n})", "nps_detractor": "Detractors",
        "nps_passive": "Passives", "nps_promoter": "Promoters", "axis_nps": "Likelihood to recommend (0–10)",
        "axis_importance": "Importance", "axis_performance": "Performance (0–100)", "axis_better": "Better",
        "axis_worse": "|Worse|", "kano_chart": "Kano Better–Worse chart",
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
            tip, before = (pts[-2], pts[-1]), (pts[-6], pts[-5])
            curve = list(zip(pts[0::2], pts[1::2]))
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
            before, curve = start, [start, tip]
        ang = math.atan2(tip[1] - before[1], tip[0] - before[0])
        head = 6
        d.add(Polygon([tip[0], tip[1], tip[0] - head * math.cos(ang - 0.4), tip[1] - head * math.sin(ang - 0.4),
                       tip[0] - head * math.cos(ang + 0.4), tip[1] - head * math.sin(ang + 0.4)],
                      fillColor=colour, strokeColor=None))
        label_items.append((curve, f"{coef:.3f}"))
    obstacles: list[Rect4] = []
    for n in nodes:
        x, y = pos[n]
        obstacles.append((px(x), py(y) - 11, px(x) + box_w * scale, py(y) + box_h * sy))  # the box and its index
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
        if ci is not None:  # on white, so an arrow passing beneath the box does not cross the number out
            iw = stringWidth(_f(ci.index), font, 7) + 3
            d.add(Rect(cx - iw / 2, py(y) - 10.5, iw, 8.5, fillColor=colors.white, strokeColor=None))
            d.add(String(cx, py(y) - 9, _f(ci.index), fontName=font, fontSize=7, textAnchor="middle",
                         fillColor=colors.HexColor("#b03a48")))
    sizes = [(stringWidth(text, font, 6.5) + 4, 9.0) for _c, text in label_items]
    spots = place_on_curves([c for c, _t in label_items], sizes, obstacles)
    for ((mx, my), (lw, lh)), (_c, text) in zip(zip(spots, sizes), label_items):
        d.add(Rect(mx - lw / 2, my - lh / 2, lw, lh, fillColor=colors.white, strokeColor=colors.HexColor("#c8c8c8"),
                   strokeWidth=0.3))
        d.add(String(mx, my - 2.3, text, fontName=font, fontSize=6.5, textAnchor="middle"))
    return d


def _short_wave_names(waves: Sequence[str]) -> list[str]:
    """The wave codes without the part they all share up to a dash (CCSI-2026-Q3 → 2026-Q3,
    TX-COMPLAINT-2026Q3 → 2026Q3)."""
    head = os.path.commonprefix(list(waves))
    cut = head.rfind("-") + 1 if len(waves) > 1 else 0
    return [w[cut:] or w for w in waves]


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

    def py(v: float) -> float:  # a band reaching past the axis is cut at it
        return bottom + plot_h * (min(max(v, y_min), y_max) - y_min) / (y_max - y_min)

    for v in range(int(y_min), 101, 10 if y_max - y_min > 40 else 5):
        d.add(Line(left, py(v), left + plot_w, py(v), strokeColor=colors.HexColor("#e3e3e3"), strokeWidth=0.4))
        d.add(String(left - 3, py(v) - 2.5, str(v), fontName=font, fontSize=6.5, textAnchor="end"))
    names = _short_wave_names(waves)
    slot = plot_w / max(len(waves) - 1, 1)
    size = min(6.0, max(4.0, 6.0 * (slot - 2) / max(stringWidth(n, font, 6) for n in names)))
    for i, name in enumerate(names):
        d.add(String(px(i), bottom - 10, name, fontName=font, fontSize=size, textAnchor="middle"))
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


def _quadrant_drawing(points: Sequence[tuple[str, float, float]], *, x_line: float, y_line: float,
                      x_range: tuple[float, float], y_range: tuple[float, float], x_label: str, y_label: str,
                      corners: Sequence[str], width: float, font: str, margin: float = 0.0) -> Drawing:
    """A scatter split into quadrants by two dashed lines, each point labelled beside it (labels
    nudged off each other), the quadrant names in the corners (top-left, top-right, bottom-left,
    bottom-right). ``margin``: a share of each range left blank beyond it, so a point on the end of
    a fixed scale (Kano's |Worse| = 1) is drawn whole inside the frame; the ticks stay on the range."""
    height, left, bottom, right, top = 78 * mm, 34, 26, 8, 8
    plot_w, plot_h = width - left - right, height - bottom - top
    (xa, xb), (ya, yb) = x_range, y_range
    d = Drawing(width, height)
    mx, my = margin * (xb - xa), margin * (yb - ya)

    def px(v: float) -> float:
        return left + plot_w * (v - xa + mx) / (xb - xa + 2 * mx)

    def py(v: float) -> float:
        return bottom + plot_h * (v - ya + my) / (yb - ya + 2 * my)

    grid, ink = colors.HexColor("#e3e3e3"), colors.HexColor("#333333")
    d.add(Rect(left, bottom, plot_w, plot_h, fillColor=None, strokeColor=colors.HexColor("#888888"), strokeWidth=0.6))
    nx, ny = _divisions(xb - xa), _divisions(yb - ya)
    for i in range(nx + 1):
        vx = xa + (xb - xa) * i / nx
        d.add(Line(px(vx), bottom, px(vx), bottom + plot_h, strokeColor=grid, strokeWidth=0.3))
        d.add(String(px(vx), bottom - 9, _tick(vx, (xb - xa) / nx), fontName=font, fontSize=6.5, textAnchor="middle"))
    for i in range(ny + 1):
        vy = ya + (yb - ya) * i / ny
        d.add(Line(left, py(vy), left + plot_w, py(vy), strokeColor=grid, strokeWidth=0.3))
        d.add(String(left - 3, py(vy) - 2.3, _tick(vy, (yb - ya) / ny), fontName=font, fontSize=6.5, textAnchor="end"))
    d.add(String(left + plot_w / 2, 4, x_label, fontName=font, fontSize=7.5, textAnchor="middle", fillColor=ink))
    turned = Group(String(0, 0, y_label, fontName=font, fontSize=7.5, textAnchor="middle", fillColor=ink))
    turned.transform = (0, 1, -1, 0, 9, bottom + plot_h / 2)  # read bottom to top
    d.add(turned)
    dash = colors.HexColor("#7a7a7a")
    d.add(Line(px(x_line), bottom, px(x_line), bottom + plot_h, strokeColor=dash, strokeWidth=0.8, strokeDashArray=[3, 2]))
    d.add(Line(left, py(y_line), left + plot_w, py(y_line), strokeColor=dash, strokeWidth=0.8, strokeDashArray=[3, 2]))
    red = colors.HexColor("#b03a48")
    for text, (x, y, anchor) in zip(corners, ((left + 4, bottom + plot_h - 10, "start"),
                                              (left + plot_w - 4, bottom + plot_h - 10, "end"),
                                              (left + 4, bottom + 4, "start"), (left + plot_w - 4, bottom + 4, "end"))):
        d.add(String(x, y, text, fontName=font, fontSize=7.5, textAnchor=anchor, fillColor=red))
    spots = [(px(x), py(y)) for _l, x, y in points]
    for x, y in spots:
        d.add(Circle(x, y, 2.6, fillColor=colors.HexColor("#1f6fb2"), strokeColor=colors.white, strokeWidth=0.4))
    sizes = [(stringWidth(label, font, 6.5) + 1, 7.0) for label, _x, _y in points]
    corner_boxes = [(left, bottom + plot_h - 12, left + plot_w, bottom + plot_h)]  # keep the top names readable
    at = place_near_points(spots, sizes, (left + 1, bottom + 1, left + plot_w - 1, bottom + plot_h - 12), 2.6,
                           avoid=corner_boxes)
    for (label, _x, _y), (lx, ly) in zip(points, at):
        d.add(String(lx, ly + 1.5, label, fontName=font, fontSize=6.5, fillColor=ink))
    return d


def _divisions(span: float) -> int:
    """How many grid steps split *span* into a round (1, 2, 2.5 or 5 × 10ⁿ) step, 4 to 10 of them."""
    for n in (5, 4, 6, 8, 10, 7, 9):
        step = span / n
        mant = step / 10 ** math.floor(math.log10(step))
        if any(abs(mant - m) < 1e-6 for m in (1, 2, 2.5, 5, 10)):
            return n
    return 5


def _tick(v: float, step: float) -> str:
    return f"{v:.0f}" if step >= 1 else f"{v:.1f}" if step >= 0.1 else f"{v:.2f}"


def _padded(values: Sequence[float], line: float, pad: float = 0.1) -> tuple[float, float]:
    """The data range widened a little and rounded out to a 1/2/5 step, so the ticks read well."""
    lo, hi = min([*values, line]), max([*values, line])
    span = (hi - lo) or 1.0
    lo, hi = lo - pad * span, hi + pad * span
    raw = (hi - lo) / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


def ipa_drawing(result: WaveAnalysis, width: float, font: str, lang: str) -> Drawing | None:
    """Importance across, performance (0–100) up, the lines at the means, each indicator by its code."""
    ipa = result.ipa
    if ipa is None or not len(ipa.table):
        return None
    w, t = words(lang), _t(lang)
    tab = ipa.table
    points = [(str(code), float(r["importance"]), float(r["performance"])) for code, r in tab.iterrows()]
    q = w["quadrants"]
    return _quadrant_drawing(points, x_line=ipa.importance_line, y_line=ipa.performance_line,
                             x_range=_padded([p[1] for p in points], ipa.importance_line),
                             y_range=_padded([p[2] for p in points], ipa.performance_line),
                             x_label=t["axis_importance"], y_label=t["axis_performance"],
                             corners=[q["possible overkill"], q["keep up the good work"],
                                      q["low priority"], q["concentrate here"]], width=width, font=font)


def kano_drawing(result: WaveAnalysis, width: float, font: str, lang: str) -> Drawing | None:
    """|Worse| across, Better up, both 0–1 with the quadrant lines at 0.5: attractive (top left),
    one-dimensional (top right), indifferent (bottom left), must-be (bottom right)."""
    pts = [(result.data.label(k.attribute, lang), abs(k.worse), k.better) for k in result.kano
           if k.better is not None and k.worse is not None]
    if not pts:
        return None
    n = words(lang)["kano_names"]
    return _quadrant_drawing(pts, x_line=0.5, y_line=0.5, x_range=(0.0, 1.0), y_range=(0.0, 1.0),
                             x_label=_t(lang)["axis_worse"], y_label=_t(lang)["axis_better"],
                             corners=[n["A"], n["O"], n["I"], n["M"]], width=width, font=font, margin=0.03)


NPS_COLOURS = {"detractor": "#b03a48", "passive": "#9a9a9a", "promoter": "#2e8b57"}


def nps_drawing(result: WaveAnalysis, width: float, font: str, lang: str) -> Drawing | None:
    """Bars for the answers 0–10 to the recommendation question: detractors (0–6), passives (7–8),
    promoters (9–10); the NPS in the title."""
    answers = result.data.nps
    if answers is None or not len(answers) or result.nps is None:
        return None
    t = _t(lang)
    values = pd.Series(answers, dtype=float).round().astype(int)
    counts = [int((values == i).sum()) for i in range(11)]
    height, left, bottom, top = 64 * mm, 34, 38, 16
    plot_w, plot_h = width - left - 8, height - bottom - top
    top_count = max(max(counts), 1)
    mag = 10 ** max(0, math.floor(math.log10(top_count / 5))) if top_count >= 5 else 1
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= top_count / 5)  # a round count, 5 or so lines
    y_max = step * math.ceil(top_count * 1.05 / step)
    d = Drawing(width, height)
    d.add(String(left + plot_w / 2, height - 11, t["nps_title"].format(nps=f"{result.nps:+.1f}", n=len(values)),
                 fontName=font, fontSize=8.5, textAnchor="middle"))
    for v in range(0, y_max + 1, step):
        y = bottom + plot_h * v / y_max
        d.add(Line(left, y, left + plot_w, y, strokeColor=colors.HexColor("#e3e3e3"), strokeWidth=0.4))
        d.add(String(left - 3, y - 2.3, str(v), fontName=font, fontSize=6.5, textAnchor="end"))
    slot = plot_w / 11
    for i, c in enumerate(counts):
        group = "detractor" if i <= 6 else "passive" if i <= 8 else "promoter"
        x = left + slot * i + slot * 0.1
        d.add(Rect(x, bottom, slot * 0.8, plot_h * c / y_max, fillColor=colors.HexColor(NPS_COLOURS[group]),
                   strokeColor=None))
        if c:
            d.add(String(x + slot * 0.4, bottom + plot_h * c / y_max + 2, str(c), fontName=font, fontSize=6,
                         textAnchor="middle"))
        d.add(String(x + slot * 0.4, bottom - 9, str(i), fontName=font, fontSize=7, textAnchor="middle"))
    d.add(String(left + plot_w / 2, bottom - 20, t["axis_nps"], fontName=font, fontSize=7.5, textAnchor="middle"))
    lx = left
    for group in ("detractor", "passive", "promoter"):
        key = {"detractor": "detractors", "passive": "passives", "promoter": "promoters"}[group]
        label = f"{t['nps_' + group]} ({result.nps_counts.get(key, 0)})"
        d.add(Rect(lx, 3, 7, 7, fillColor=colors.HexColor(NPS_COLOURS[group]), strokeColor=None))
        d.add(String(lx + 10, 4, label, fontName=font, fontSize=7))
        lx += 16 + stringWidth(label, font, 7)
    return d


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _figure(t: dict, heading: str, chart, caption: str, st) -> KeepTogether:
    """A chart kept on one page with its heading and its caption."""
    return KeepTogether([Paragraph(escape(t[heading]), st.heading), chart, Paragraph(escape(t[caption]), st.small)])


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
    method = []
    if result.csi is not None:
        method.append(t["method_csi"])
    if result.pls is not None:
        method.append(t["method_pls"].format(model=str((d.model or {}).get("name", "")).upper() or "—"))
        method.append(t["method_boot"].format(boot=result.boot.resamples) if result.boot is not None
                      else t["method_no_boot"])
    if result.kano:
        method.append(t["method_kano"])
    if result.nps is not None:
        method.append(t["method_nps"])
    if result.csi is not None or result.pls is not None:
        method.append(t["method_rule"].format(rule=_sentence(w["significance_rule"])))
    sample = t["sample_text"].format(survey=d.survey_code, wave=d.wave_code, start=d.period_start, end=d.period_end,
                                     targets=d.targets, n=d.n, rate=rate)
    if result.pls is not None:
        sample += (" " if lang != "zh_CN" else "") + t["sample_pls"].format(rows=result.pls_rows)
    story = [Paragraph(escape(t["title"]), st.title),
             Paragraph(escape(f"{d.survey_code} {name} · {d.wave_code}"), st.body), Spacer(1, 3 * mm),
             Paragraph(escape(t["method"]), st.heading),
             *[Paragraph(escape(m), st.body) for m in method],
             *([Paragraph(escape(t["derived_text"].format(nodes=", ".join(
                 d.label(c, lang) for c in result.derived_nodes))), st.body)] if result.derived_nodes else []),
             Paragraph(escape(t["sample"]), st.heading), Paragraph(escape(sample), st.body)]
    cells = lambda r, style=st.cell: [Paragraph(escape(str(c)), style) for c in r]  # noqa: E731
    rows = [cells([w["name"], w["index"], w["low"], w["high"], w["r2"], w["n"]], st.cell_bold)]
    groups = []
    if result.node_ci:
        groups.append(len(rows))
        rows.append(cells([t["group_csi"], "", "", "", "", ""], st.cell_bold))
        for key, ci in result.node_ci.items():
            rows.append(cells([d.label(key, lang), _f(ci.index), _f(ci.low), _f(ci.high), "", ci.n]))
    if result.pls is not None:
        groups.append(len(rows))
        rows.append(cells([t["group_pls"], "", "", "", "", ""], st.cell_bold))
        for lv in result.pls.model.blocks:
            ci = result.latent_ci.get(lv)
            rows.append(cells([labels.get(lv, lv), _f(ci.index if ci else None), _f(ci.low if ci else None),
                               _f(ci.high if ci else None), _f(result.pls.r2.get(lv), 3), ci.n if ci else ""]))
    if result.nps is not None:
        rows.append(cells([w["nps"], _f(result.nps), "", "", "", sum(result.nps_counts.values())]))
    if len(rows) > 1:
        extra = [("SPAN", (0, g), (-1, g)) for g in groups] + \
                [("BACKGROUND", (0, g), (-1, g), colors.HexColor("#dde6f0")) for g in groups]
        story += [Paragraph(escape(t["indices"]), st.heading),
                  pdf.grid_table(rows, [width * 0.36, width * 0.16, width * 0.12, width * 0.12, width * 0.12,
                                        width * 0.12], extra=extra)]
    diagram = path_drawing(result, width, font.name, lang)
    if diagram is not None:
        story.append(_figure(t, "diagram", diagram, "figure_diagram", st))
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
        story.append(_figure(t, "trend", chart, "figure_trend", st))
    ipa = ipa_drawing(result, width, font.name, lang)
    if ipa is not None:
        story.append(_figure(t, "ipa", ipa, "figure_ipa", st))
    if result.ipa is not None:  # a wave without importance data has no priorities to rank
        story.append(Paragraph(escape(t["priorities"]), st.heading))
        pr = result.priorities(top=8)
        if len(pr):
            prow = [[w["indicator"], w["name"], w["importance"], w["performance"], w["gap"], w["quadrant"]]]
            for code, r in pr.iterrows():
                prow.append([code, d.label(code, lang), _f(r["importance"], 2), _f(r["performance"]), _f(r["gap"], 2),
                             w["quadrants"].get(r["quadrant"], r["quadrant"])])
            story.append(pdf.grid_table([[Paragraph(escape(str(c)), st.cell) for c in r] for r in prow],
                                        [width * 0.1, width * 0.36, width * 0.13, width * 0.14, width * 0.09, width * 0.18]))
            story.append(Spacer(1, 3))
            story.append(Paragraph(escape(t["priorities_rule"]), st.body))
        else:
            story.append(Paragraph(escape(t["none"]), st.body))
    if result.kano:
        story.append(Paragraph(escape(t["kano"]), st.heading))
        krow = [[w["name"], "A", "O", "M", "I", "R", "Q", w["category"], w["better"], w["worse"]]]
        for k in result.kano:
            krow.append([d.label(k.attribute, lang), *[k.counts[c] for c in "AOMIRQ"],
                         w["kano_names"].get(k.category, k.category), _f(k.better, 2), _f(k.worse, 2)])
        story.append(pdf.grid_table([[Paragraph(escape(str(c)), st.cell) for c in r] for r in krow],
                                    [width * 0.24] + [width * 0.06] * 6 + [width * 0.16, width * 0.1, width * 0.14]))
        chart = kano_drawing(result, width, font.name, lang)
        if chart is not None:
            story.append(_figure(t, "kano_chart", chart, "figure_kano", st))
    chart = nps_drawing(result, width, font.name, lang)
    if chart is not None:
        story.append(_figure(t, "nps", chart, "figure_nps", st))
    if result.checks:
        story.append(Paragraph(escape(t["checks"]), st.heading))
        story += [Paragraph(escape(f"• {check_text(key, params, lang)}"), st.body) for _l, key, params in result.checks]
    return pdf.build_pdf(path, story, title=t["title"], lang=lang, header=f"{t['title']} · {d.wave_code}", font=font)
