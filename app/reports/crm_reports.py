"""The CRM reports (客户报表、客户服务报表、自定义报表) as an A4 PDF with charts and as an xlsx
workbook (one sheet per section), in Chinese or English. Charts are the screen's pyqtgraph PNGs
when the screen passes them (``images``), else reportlab bar/line charts, so the CLI runs headless.
The texts are this module's own dictionaries (the CLI has no Qt translator)."""

from __future__ import annotations

import math
import os
from datetime import date, datetime
from pathlib import Path

import pandas as pd
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, Spacer

from app.models.crm.reports import NONE_LABEL, ReportResult, Section
from app.reports.pdf import build_pdf, cjk_font, escape, grid_table, report_styles
from app.reports.tabular import new_workbook

TEXT: dict[str, dict] = {
    "zh_CN": {
        "title": {"customer": "客户报表", "service": "客户服务报表", "custom": "自定义报表",
                  "sales": "销售报表", "campaign": "市场活动报表"},
        "period": "期间", "generated": "生成时间", "figures": "概况", "none": "无数据",
        "sections": {"by_class": "按价值分类的客户", "by_region": "按地区的客户", "by_industry": "按行业的客户",
                     "by_lifecycle": "按生命周期的客户", "growth": "客户增长（每月新增与月末总数）",
                     "at_risk": "流失风险客户", "complaints_by_type": "按类型的投诉",
                     "requests_by_type": "按类型的服务请求", "sla": "时限达成（当月关闭且在关闭时限内）",
                     "satisfaction": "处理满意度（顾客评分 1–5）", "groups": "分组汇总", "rows": "记录",
                     "pipeline": "销售漏斗（按阶段，加权值 = 预期收入 × 概率）", "won_lost": "赢单/丢单分析（按原因）",
                     "forecast": "预测（未关闭机会按预计成交月份）", "campaigns": "各市场活动",
                     "compare_response": "市场活动比较：响应率与每次响应成本", "compare_roi": "市场活动比较：收入与投资回报率",
                     "by_campaign_type": "按活动类型", "revenue_by_month": "各月收入与毛利",
                     "revenue_by_class": "按客户价值分类的收入与毛利", "revenue_by_part": "按零件的收入与毛利（前 20）"},
        "columns": {"count": "数量", "share": "占比", "month": "月份", "new": "新增", "total": "总数",
                    "closed": "关闭数", "within_target": "按时关闭", "rating": "评分", "type": "类型",
                    "value_class": "价值分类", "region": "地区", "industry": "行业", "lifecycle": "生命周期",
                    "code": "代码", "name_zh": "中文名称", "name_en": "英文名称", "customer_type": "客户类型",
                    "key_account": "重点客户", "since": "合作起始", "customer": "客户", "name": "姓名",
                    "role": "职务", "preferred_language": "首选语言", "active": "启用", "number": "编号",
                    "received_at": "收到时间", "complaint_type": "投诉类型", "channel": "渠道", "severity": "严重度",
                    "priority": "优先级", "state": "状态", "defect": "缺陷", "qty_affected": "涉及数量",
                    "cost": "质量损失成本", "category": "类别", "importance_class": "重要度",
                    "status": "状态", "city": "城市", "country": "国家", "approval_valid_until": "认可有效期至",
                    "reason": "原因", "stage": "阶段", "expected": "预期收入", "weighted": "加权值",
                    "amount": "金额", "starts_on": "开始", "ends_on": "结束", "budget": "预算", "actual_cost": "实际费用",
                    "targets": "目标联系人", "responders": "响应人数", "response_rate": "响应率",
                    "cost_per_response": "每次响应成本", "opportunities": "销售机会", "won": "赢单", "revenue": "收入",
                    "roi": "投资回报率", "campaign_type": "活动类型", "title": "标题", "probability": "概率 %",
                    "expected_close": "预计成交", "closed_on": "关闭日期", "won_amount": "成交金额",
                    "expected_revenue": "预期收入", "kind": "类型", "subject": "主题", "due_on": "到期",
                    "done": "已完成", "campaign": "市场活动", "margin": "毛利", "margin_rate": "毛利率",
                    "part": "零件", "risk": "风险原因", "last_order": "最近订单", "order_no": "订单号", "order_date": "订单日期", "quantity": "数量"},
        "values": {"important": "重要", "potential": "潜在", "ordinary": "普通", "lost": "流失", "current": "当前",
                   "past": "以往", "quality": "质量", "delivery": "交付", "commercial": "商务",
                   "documentation": "文件资料", "service_enquiry": "服务咨询", "repair": "维修", "return": "退货",
                   "open": "处理中", "waiting": "等待顾客", "closed": "已关闭", "critical": "严重", "major": "主要",
                   "minor": "一般", "internal": "内部", "external": "外部", NONE_LABEL: "（未填）",
                   "qualification": "资格确认", "needs_analysis": "需求分析", "proposal": "方案报价", "negotiation": "谈判",
                   "won": "赢单", "trade_fair": "展会", "mailing": "邮寄", "visit_programme": "拜访计划",
                   "webinar": "网络研讨会", "call": "电话", "visit": "拜访", "mail": "邮件", "meeting": "会议"},
        "aggregates": {"count": "计数", "sum": "合计", "mean": "平均", "min": "最小", "max": "最大"},
        "record_types": {"customers": "客户", "contacts": "联系人", "complaints": "投诉", "suppliers": "供应商",
                         "opportunities": "销售机会", "campaigns": "市场活动", "activities": "活动记录",
                         "orders": "订单行"},
        "summary": {"customers": "客户数", "new": "本期新增", "key_accounts": "重点客户", "complaints": "投诉",
                    "service_requests": "服务请求", "closed": "本期关闭", "within_target": "按时关闭",
                    "sla_share": "时限达成率", "rated": "已评分", "average_rating": "平均满意度",
                    "open_now": "当前未关闭", "overdue_now": "当前超期", "record_type": "记录类型",
                    "aggregate": "汇总", "value": "汇总值", "rows": "行数", "filters": "筛选条件数",
                    "margin": "毛利", "margin_rate": "毛利率", "open_opportunities": "未关闭机会", "pipeline": "漏斗预期收入", "weighted": "加权值", "won": "赢单",
                    "lost": "丢单", "win_rate": "赢单率", "won_amount": "成交金额", "campaigns": "市场活动",
                    "actual_cost": "实际费用", "revenue": "收入", "roi": "投资回报率", "responders": "响应人数",
                    "targets": "目标联系人"},
        "yes": "是", "no": "否", "colon": "：",
        "column_values": {"stage": {"lost": "丢单"}},
        "risks": {"inactive": "近期无订单", "falling": "订货频率下降", "complaints": "有未关闭投诉",
                  "satisfaction": "满意度下降"},
    },
    "en": {
        "title": {"customer": "Customer report", "service": "Customer service report", "custom": "Custom report",
                  "sales": "Sales report", "campaign": "Campaign report"},
        "period": "Period", "generated": "Generated", "figures": "In figures", "none": "No data",
        "sections": {"by_class": "Customers by value class", "by_region": "Customers by region",
                     "by_industry": "Customers by industry", "by_lifecycle": "Customers by lifecycle",
                     "growth": "Customer growth (new per month, total at month end)", "at_risk": "Customers at risk",
                     "complaints_by_type": "Complaints by type", "requests_by_type": "Service requests by type",
                     "sla": "SLA performance (closed in the month within the closure target)",
                     "satisfaction": "Handling satisfaction (customer rating 1–5)", "groups": "Groups",
                     "rows": "Records", "pipeline": "Pipeline by stage (weighted = expected revenue × probability)",
                     "won_lost": "Won/lost analysis by reason", "forecast": "Forecast (open opportunities by expected "
                     "close month)", "campaigns": "Campaigns", "compare_response": "Campaigns compared: response rate "
                     "and cost per response", "compare_roi": "Campaigns compared: revenue and ROI",
                     "by_campaign_type": "By campaign type", "revenue_by_month": "Revenue and margin by month",
                     "revenue_by_class": "Revenue and margin by customer value class",
                     "revenue_by_part": "Revenue and margin by part (top 20)"},
        "columns": {"count": "Count", "share": "Share", "month": "Month", "new": "New", "total": "Total",
                    "closed": "Closed", "within_target": "Within target", "rating": "Rating", "type": "Type",
                    "value_class": "Value class", "region": "Region", "industry": "Industry", "lifecycle": "Lifecycle",
                    "code": "Code", "name_zh": "Chinese name", "name_en": "English name",
                    "customer_type": "Customer type", "key_account": "Key account", "since": "Customer since",
                    "customer": "Customer", "name": "Name", "role": "Role", "preferred_language": "Language",
                    "active": "Active", "number": "Number", "received_at": "Received", "complaint_type": "Complaint type",
                    "channel": "Channel", "severity": "Severity", "priority": "Priority", "state": "State",
                    "defect": "Defect", "qty_affected": "Qty affected", "cost": "Cost of poor quality",
                    "category": "Category", "importance_class": "Importance", "status": "Status", "city": "City",
                    "country": "Country", "approval_valid_until": "Approval valid until", "reason": "Reason",
                    "stage": "Stage", "expected": "Expected revenue", "weighted": "Weighted", "amount": "Amount",
                    "starts_on": "Starts", "ends_on": "Ends", "budget": "Budget", "actual_cost": "Actual cost",
                    "targets": "Targets", "responders": "Responders", "response_rate": "Response rate",
                    "cost_per_response": "Cost per response", "opportunities": "Opportunities", "won": "Won",
                    "revenue": "Revenue", "roi": "ROI", "campaign_type": "Campaign type", "title": "Title",
                    "probability": "Probability %", "expected_close": "Expected close", "closed_on": "Closed on",
                    "won_amount": "Won amount", "expected_revenue": "Expected revenue", "kind": "Kind",
                    "subject": "Subject", "due_on": "Due", "done": "Done", "campaign": "Campaign",
                    "margin": "Margin", "margin_rate": "Margin rate", "part": "Part", "risk": "Risk reasons",
                    "last_order": "Last order", "order_no": "Order",
                    "order_date": "Order date", "quantity": "Quantity"},
        "values": {"important": "important", "potential": "potential", "ordinary": "ordinary", "lost": "lost",
                   "current": "current", "past": "past", "quality": "quality", "delivery": "delivery",
                   "commercial": "commercial", "documentation": "documentation",
                   "service_enquiry": "service enquiry", "repair": "repair", "return": "return", "open": "open",
                   "waiting": "waiting", "closed": "closed", "critical": "critical", "major": "major",
                   "minor": "minor", "internal": "internal", "external": "external", NONE_LABEL: "(not set)",
                   "qualification": "qualification", "needs_analysis": "needs analysis", "proposal": "proposal",
                   "negotiation": "negotiation", "won": "won", "trade_fair": "trade fair", "mailing": "mailing",
                   "visit_programme": "visit programme", "webinar": "webinar", "call": "call", "visit": "visit",
                   "mail": "mail", "meeting": "meeting"},
        "aggregates": {"count": "count", "sum": "sum", "mean": "mean", "min": "min", "max": "max"},
        "record_types": {"customers": "customers", "contacts": "contacts", "complaints": "complaints",
                         "suppliers": "suppliers", "opportunities": "opportunities", "campaigns": "campaigns",
                         "activities": "activities", "orders": "order lines"},
        "summary": {"customers": "Customers", "new": "New in the period", "key_accounts": "Key accounts",
                    "complaints": "Complaints", "service_requests": "Service requests", "closed": "Closed",
                    "within_target": "Within target", "sla_share": "SLA performance", "rated": "Rated",
                    "average_rating": "Average rating", "open_now": "Open now", "overdue_now": "Overdue now",
                    "record_type": "Record type", "aggregate": "Aggregate", "value": "Value", "rows": "Rows",
                    "filters": "Filters", "margin": "Margin", "margin_rate": "Margin rate",
                    "open_opportunities": "Open opportunities", "pipeline": "Pipeline",
                    "weighted": "Weighted", "won": "Won", "lost": "Lost", "win_rate": "Win rate",
                    "won_amount": "Won amount", "campaigns": "Campaigns", "actual_cost": "Actual cost",
                    "revenue": "Revenue", "roi": "ROI", "responders": "Responders", "targets": "Targets"},
        "yes": "yes", "no": "no", "colon": ": ",
        "column_values": {},
        "risks": {"inactive": "no recent order", "falling": "falling order frequency",
                  "complaints": "open complaints", "satisfaction": "falling satisfaction"},
    },
}
PERCENT = ("share", "sla_share", "response_rate", "roi", "win_rate", "margin_rate")
PALETTE = ["#1f5fa8", "#e67e22", "#27ae60", "#8e44ad", "#16a085", "#c0392b", "#7f8c8d"]


def texts(lang: str) -> dict:
    return TEXT.get(lang, TEXT["en"])


def title(result: ReportResult, lang: str) -> str:
    T = texts(lang)
    base = T["title"].get(result.family, result.family)
    return f"{base}：{result.name}" if result.name and lang == "zh_CN" else (
        f"{base}: {result.name}" if result.name else base)


def section_title(section: Section, lang: str) -> str:
    return texts(lang)["sections"].get(section.key, section.key)


def column_title(column: str, lang: str) -> str:
    """A column's header; ``sum(cost)`` reads "合计（质量损失成本）" / "sum (Cost of poor quality)"."""
    T = texts(lang)
    if "(" in column and column.endswith(")"):
        agg, inner = column[:-1].split("(", 1)
        a, c = T["aggregates"].get(agg, agg), T["columns"].get(inner, inner)
        return f"{a}（{c}）" if lang == "zh_CN" else f"{a} ({c})"
    return T["columns"].get(column, column)


def cell_text(value, column: str, lang: str) -> str:
    """What a cell shows: translated codes, shares as percent, numbers with two decimals."""
    T = texts(lang)
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, bool):
        return T["yes"] if value else T["no"]
    if column in PERCENT:
        return f"{float(value) * 100:.1f}%"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, (datetime, date)):
        return f"{value:%Y-%m-%d}"
    text = str(value)
    if column == "risk":
        return "；".join(T["risks"].get(k, k) for k in text.split(",") if k) if lang == "zh_CN" else \
            "; ".join(T["risks"].get(k, k) for k in text.split(",") if k)
    special = T["column_values"].get(column, {})
    return special.get(text) or T["values"].get(text, text)


def summary_pairs(result: ReportResult, lang: str) -> list[tuple[str, str]]:
    T = texts(lang)
    out = []
    for key, value in result.summary.items():
        if key == "record_type":
            value = T["record_types"].get(value, value)
        elif key == "aggregate":
            value = column_title(str(value), lang)
        elif key == "average_rating" and value is not None:
            value = f"{value:.2f} / 5"
        else:
            value = cell_text(value, key, lang)
        out.append((T["summary"].get(key, key), str(value)))
    return out


def chart_points(section: Section, lang: str) -> tuple[list[str], list[float]]:
    """Labels and values the chart of a section plots (NaN shares as 0)."""
    frame = section.frame
    if not section.chart or frame.empty or section.value not in frame.columns:
        return [], []
    label = frame.columns[0]
    values = pd.to_numeric(frame[section.value], errors="coerce").fillna(0.0).astype(float)
    if not values.any():  # nothing to draw: the table says it
        return [], []
    if section.value in PERCENT:
        values = values * 100
    return [cell_text(v, label, lang) for v in frame[label]], values.tolist()


def _chart(section: Section, lang: str, width: float, font: str) -> Drawing | None:
    labels, values = chart_points(section, lang)
    if not labels:
        return None
    height = 48 * mm
    d = Drawing(width, height)
    chart = HorizontalLineChart() if section.chart == "line" else VerticalBarChart()
    chart.x, chart.y = 40, 28
    chart.width, chart.height = width - 60, height - 40
    chart.data = [tuple(values)]
    shown = labels if len(labels) <= 16 else [lb if i % max(1, len(labels) // 12) == 0 else ""
                                             for i, lb in enumerate(labels)]
    chart.categoryAxis.categoryNames = [lb[:18] for lb in shown]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = font
        axis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    if section.chart == "line":
        chart.lines[0].strokeColor = colors.HexColor(PALETTE[0])
        chart.lines[0].strokeWidth = 1.5
    else:
        chart.bars[0].fillColor = colors.HexColor(PALETTE[0])
        chart.bars[0].strokeColor = None
    d.add(chart)
    return d


MAX_PDF_ROWS = 500


def write_pdf(result: ReportResult, path: str | os.PathLike[str], *, lang: str = "zh_CN",
              images: dict[str, str | os.PathLike[str]] | None = None):
    """Write the report; ``images`` maps a section key to a PNG of its chart. Returns the font."""
    T = texts(lang)
    font = cjk_font()
    st = report_styles(font)
    from reportlab.lib.pagesizes import A4

    width = A4[0] - 36 * mm
    head = title(result, lang)
    story = [Paragraph(escape(head), st.title)]
    if result.start and result.end:
        story.append(Paragraph(escape(f"{T['period']}{T['colon']}{result.start:%Y-%m-%d} – {result.end:%Y-%m-%d}"), st.body))
    story.append(Paragraph(escape(f"{T['generated']}{T['colon']}{datetime.now():%Y-%m-%d %H:%M}"), st.small))
    pairs = summary_pairs(result, lang)
    if pairs:
        story.append(Paragraph(escape(T["figures"]), st.heading))
        if len(pairs) % 2:
            pairs.append(("", ""))
        rows = [[Paragraph(escape(pairs[i][0]), st.cell_bold), Paragraph(escape(pairs[i][1]), st.cell),
                 Paragraph(escape(pairs[i + 1][0]), st.cell_bold), Paragraph(escape(pairs[i + 1][1]), st.cell)]
                for i in range(0, len(pairs), 2)]
        story.append(grid_table(rows, [width * 0.25, width * 0.25] * 2, header_rows=0, zebra=False))
    for section in result.sections:
        block = [Paragraph(escape(section_title(section, lang)), st.heading)]
        png = (images or {}).get(section.key)
        if png and Path(png).exists():
            img = Image(str(png))
            scale = min(width / img.imageWidth, 62 * mm / img.imageHeight)  # at most the page width, 62 mm high
            img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
            block.append(img)
        else:
            chart = _chart(section, lang, width, font.name)
            if chart is not None:
                block.append(chart)
        frame = section.frame
        if frame.empty:
            block.append(Paragraph(escape(T["none"]), st.small))
            story.append(KeepTogether(block))
            continue
        cols = list(frame.columns)
        rows = [[Paragraph(escape(column_title(c, lang)), st.cell_bold) for c in cols]]
        for rec in frame.head(MAX_PDF_ROWS).itertuples(index=False):
            rows.append([Paragraph(escape(cell_text(v, c, lang)), st.cell) for v, c in zip(rec, cols)])
        story.append(KeepTogether(block))
        story.append(grid_table(rows, [width / len(cols)] * len(cols)))
        story.append(Spacer(1, 2 * mm))
    return build_pdf(path, story, title=head, lang=lang, font=font)


def write_xlsx(result: ReportResult, path: str | os.PathLike[str], *, lang: str = "zh_CN") -> None:
    """One sheet per section (translated headers, codes shown in the language), summary first."""
    from openpyxl.styles import Font

    T = texts(lang)
    wb = new_workbook()
    ws = wb.active
    ws.title = T["figures"][:31]
    ws.append([title(result, lang)])
    ws["A1"].font = Font(bold=True, size=13)
    if result.start and result.end:
        ws.append([T["period"], f"{result.start:%Y-%m-%d} – {result.end:%Y-%m-%d}"])
    for k, v in summary_pairs(result, lang):
        ws.append([k, v])
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 28
    used = {ws.title}
    for section in result.sections:
        name = section_title(section, lang)
        for ch in "[]:*?/\\":
            name = name.replace(ch, " ")
        name = name[:28]
        while name in used:
            name = name[:26] + f"{len(used)}"
        used.add(name)
        sh = wb.create_sheet(name)
        cols = list(section.frame.columns)
        sh.append([column_title(c, lang) for c in cols])
        for c in sh[1]:
            c.font = Font(bold=True)
        for rec in section.frame.itertuples(index=False):
            out = []
            for v, c in zip(rec, cols):
                if isinstance(v, bool) or isinstance(v, str) or v is None:
                    out.append(cell_text(v, c, lang) if v is not None else "")
                elif isinstance(v, float) and math.isnan(v):
                    out.append("")
                else:
                    out.append(v.item() if hasattr(v, "item") else v)
            sh.append(out)
        for j in range(len(cols)):
            sh.column_dimensions[chr(65 + j) if j < 26 else "A"].width = 18
        sh.freeze_panes = "A2"
    wb.save(path)
