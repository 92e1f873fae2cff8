"""The monthly complaint report (顾客投诉月报) as an A4 PDF with charts (reportlab graphics, so it
runs headless): the period's figures, complaints per month by type (stacked, 12 months), SLA
performance (share closed within the closure target per month), cost of poor quality per month,
Pareto of defects and of parts, top customers. Chinese or English (embedded CJK font)."""

from __future__ import annotations

import os

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.models.complaints.service import ComplaintReport
from app.models.complaints.tables import TYPES
from app.reports.pdf import build_pdf, cjk_font, escape, grid_table, report_styles

TEXT = {
    "zh_CN": {
        "title": "顾客投诉月报", "period": "期间", "figures": "本期概况", "received": "收到投诉",
        "quality": "其中质量投诉", "closed": "本期关闭", "within": "按时关闭", "open": "当前未关闭",
        "overdue": "当前超期", "traced": "追溯至供应商", "scars": "发出 SCAR", "rating": "平均满意度",
        "cost": "质量损失成本（元）", "severity": "严重度分布",
        "per_month": "各月投诉数（按类型）", "sla": "时限达成率（当月关闭且在关闭时限内的比例）",
        "cost_month": "各月质量损失成本（元）", "pareto_defects": "缺陷排列图（质量投诉）", "pareto_parts": "零件排列图",
        "top": "投诉最多的顾客", "defect": "缺陷", "part": "零件", "count": "次数", "cum": "累计 %",
        "customer": "顾客", "complaints": "投诉", "none": "本期无数据",
        "types": {"quality": "质量", "delivery": "交付", "commercial": "商务", "documentation": "文件资料",
                  "service_enquiry": "服务咨询", "repair": "维修", "return": "退货"},
        "severities": {"critical": "严重", "major": "主要", "minor": "一般"},
    },
    "en": {
        "title": "Monthly complaint report", "period": "Period", "figures": "The period in figures",
        "received": "Complaints received", "quality": "of which quality", "closed": "Closed in the period",
        "within": "closed within target", "open": "Open now", "overdue": "Overdue now",
        "traced": "Traced to suppliers", "scars": "SCARs raised", "rating": "Average rating",
        "cost": "Cost of poor quality (CNY)", "severity": "By severity",
        "per_month": "Complaints per month by type", "sla": "SLA performance (share of the month's closed "
                                                            "complaints closed within target)",
        "cost_month": "Cost of poor quality per month (CNY)", "pareto_defects": "Pareto of defects (quality)",
        "pareto_parts": "Pareto of parts", "top": "Top customers by complaints", "defect": "Defect", "part": "Part",
        "count": "Count", "cum": "Cum. %", "customer": "Customer", "complaints": "Complaints",
        "none": "No data in the period",
        "types": {"quality": "Quality", "delivery": "Delivery", "commercial": "Commercial",
                  "documentation": "Documentation", "service_enquiry": "Service enquiry", "repair": "Repair",
                  "return": "Return"},
        "severities": {"critical": "critical", "major": "major", "minor": "minor"},
    },
}
PALETTE = ["#1f5fa8", "#e67e22", "#27ae60", "#8e44ad", "#16a085", "#c0392b", "#7f8c8d"]


def _width() -> float:
    from reportlab.lib.pagesizes import A4

    return A4[0] - 36 * mm


def _bar_chart(width: float, height: float, categories: list[str], series: list[list[float]], font: str, *,
               stacked: bool = False, percent: bool = False, names: list[str] | None = None) -> Drawing:
    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - (150 if names else 60), height - 45
    chart.data = [tuple(float(v) for v in s) for s in series] if series and categories else [(0,)]
    chart.categoryAxis.categoryNames = [c[2:] for c in categories] if categories else [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    if percent:
        chart.valueAxis.valueMax = 100
        chart.valueAxis.valueStep = 20
    if stacked:
        chart.categoryAxis.style = "stacked"
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        chart.bars[i].strokeColor = None
    d.add(chart)
    if names:
        legend = Legend()
        legend.x, legend.y = width - 100, height - 20
        legend.fontName, legend.fontSize = font, 7
        legend.alignment = "right"
        legend.columnMaximum = 8
        legend.colorNamePairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]), n) for i, n in enumerate(names)]
        d.add(legend)
    return d


def _pareto_table(series, label: str, T: dict, st, width: float):
    if series is None or not len(series):
        return Paragraph(escape(T["none"]), st.small)
    total = float(series.sum())
    rows = [[label, T["count"], T["cum"]]]
    cum = 0.0
    for key, n in series.head(10).items():
        cum += float(n)
        rows.append([Paragraph(escape(key), st.cell), str(int(n)), f"{cum / total * 100:.0f}%"])
    return grid_table(rows, [width * 0.6, width * 0.2, width * 0.2])


def write_report(report: ComplaintReport, path: str | os.PathLike[str], *, lang: str = "zh_CN"):
    """Write the monthly report; returns the CJK font used (for the embedded-font warning)."""
    T = TEXT.get(lang, TEXT["en"])
    font = cjk_font()
    st = report_styles(font)
    width = _width()
    s = report.summary
    period = f"{report.start:%Y-%m-%d} – {report.end:%Y-%m-%d}"
    story = [Paragraph(escape(T["title"]), st.title), Paragraph(escape(f"{T['period']}: {period}"), st.body),
             Paragraph(escape(T["figures"]), st.heading)]
    rating = "—" if s["average_rating"] is None else f"{s['average_rating']:.1f} / 5"
    sev = ", ".join(f"{T['severities'].get(k, k)} {v}" for k, v in s["by_severity"].items()) or "—"
    pairs = [(T["received"], f"{s['received']} ({T['quality']} {s['quality']})"),
             (T["closed"], f"{s['closed']} ({T['within']} {s['closed_within_target']})"),
             (T["open"], str(s["open_now"])), (T["overdue"], str(s["overdue_now"])),
             (T["traced"], str(s["traced_to_suppliers"])), (T["scars"], str(s["scars"])),
             (T["rating"], rating), (T["cost"], f"{s['cost']:,.2f}"), (T["severity"], sev), ("", "")]
    rows = [[Paragraph(escape(pairs[i][0]), st.cell_bold), Paragraph(escape(pairs[i][1]), st.cell),
             Paragraph(escape(pairs[i + 1][0]), st.cell_bold), Paragraph(escape(pairs[i + 1][1]), st.cell)]
            for i in range(0, len(pairs), 2)]
    story.append(grid_table(rows, [width * 0.22, width * 0.28, width * 0.22, width * 0.28], header_rows=0,
                            zebra=False))
    months = report.months
    pmt = report.per_month_type
    story += [Paragraph(escape(T["per_month"]), st.heading),
              _bar_chart(width, 62 * mm, months, [pmt[t].tolist() for t in TYPES], font.name, stacked=True,
                         names=[T["types"][t] for t in TYPES])]
    share = (report.sla_by_month["share"] * 100).fillna(0).tolist()
    story += [KeepTogether([Paragraph(escape(T["sla"]), st.heading),
                            _bar_chart(width, 50 * mm, months, [share], font.name, percent=True)])]
    story += [KeepTogether([Paragraph(escape(T["cost_month"]), st.heading),
                            _bar_chart(width, 50 * mm, months, [report.cost_by_month.tolist()], font.name)])]
    half = width / 2 - 3 * mm
    pareto = Table([[Paragraph(escape(T["pareto_defects"]), st.heading), Paragraph(escape(T["pareto_parts"]),
                                                                                   st.heading)],
                    [_pareto_table(report.pareto_defects, T["defect"], T, st, half),
                     _pareto_table(report.pareto_parts, T["part"], T, st, half)]],
                   colWidths=[half + 3 * mm, half + 3 * mm])
    pareto.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story += [Spacer(1, 2 * mm), KeepTogether([pareto])]
    top = report.top_customers
    story.append(Paragraph(escape(T["top"]), st.heading))
    if len(top):
        name = "name_zh" if lang == "zh_CN" else "name_en"
        other = "name_en" if lang == "zh_CN" else "name_zh"
        rows = [[T["customer"], T["complaints"], T["cost"]]] + [
            [Paragraph(escape(f"{r['code']} {r[name] or r[other]}"), st.cell), str(int(r["complaints"])),
             f"{r['cost']:,.2f}"] for r in top.to_dict("records")]
        story.append(grid_table(rows, [width * 0.6, width * 0.15, width * 0.25]))
    else:
        story.append(Paragraph(escape(T["none"]), st.small))
    build_pdf(path, story, title=f"{T['title']} {period}", lang=lang, font=font)
    return font
