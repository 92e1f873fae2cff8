"""The breach report for purchasing: per supplier and period range, every target clause that was
breached, the actual against the target and the liability each breach incurs by the clause's rule
(PDF or xlsx). Built from ``app.models.agreements.targets.TargetReport``."""

from __future__ import annotations

import os

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.engines import agreements as eng
from app.models.agreements.targets import TargetReport
from app.reports import pdf
from app.reports.pdf import escape
from app.reports.tabular import write_by_suffix, write_xlsx

TEXT = {
    "zh_CN": {"title": "质量协议违约报告", "range": "期间：{start} 至 {end}", "supplier": "供应商", "agreement": "协议",
              "clause": "条款", "indicator": "指标", "target": "目标", "period": "期间", "actual": "实际",
              "liability": "违约金（元）", "rule": "违约责任", "escalate": "升级", "reaudit": "再审核",
              "total": "合计", "none": "期间内无违约。", "breaches": "违约次数", "summary": "按供应商汇总",
              "details": "违约明细", "missing_note": "无交货或无检验的期间记为“缺失”，既不算违约也不算达标。"},
    "en": {"title": "Quality agreement breach report", "range": "Periods {start} to {end}", "supplier": "Supplier",
           "agreement": "Agreement", "clause": "Clause", "indicator": "Indicator", "target": "Target",
           "period": "Period", "actual": "Actual", "liability": "Liability (CNY)", "rule": "Rule",
           "escalate": "Escalation", "reaudit": "re-audit", "total": "Total", "none": "No breaches in these periods.",
           "breaches": "Breaches", "summary": "By supplier", "details": "Breaches",
           "missing_note": "Periods without deliveries or inspections are 'missing': neither a breach nor a pass."},
}


def _t(lang: str) -> dict:
    return TEXT["zh_CN" if lang == "zh_CN" else "en"]


def breach_rows(report: TargetReport, lang: str) -> list[list[object]]:
    out = []
    for r in report.breaches.itertuples(index=False):
        name = r.supplier_name_zh if lang == "zh_CN" else (r.supplier_name_en or r.supplier_name_zh)
        zh, en = eng.LIABILITY_LABELS[r.rule_kind]
        out.append([f"{r.supplier_code} {name}", f"{r.agreement} v{r.version}", r.clause_no,
                    eng.indicator_label(r.indicator, lang), f"{r.comparator} {r.threshold:g} {r.unit}", r.period,
                    round(float(r.actual), 2), zh if lang == "zh_CN" else en, round(float(r.liability), 2),
                    _t(lang)["reaudit"] if r.escalate else ""])
    return out


def header(lang: str) -> list[str]:
    t = _t(lang)
    return [t["supplier"], t["agreement"], t["clause"], t["indicator"], t["target"], t["period"], t["actual"],
            t["rule"], t["liability"], t["escalate"]]


def write_breach_pdf(report: TargetReport, path: str | os.PathLike[str], *, lang: str = "zh_CN") -> pdf.CJKFont:
    t = _t(lang)
    st = pdf.report_styles()
    story = [Paragraph(escape(t["title"]), st.title),
             Paragraph(escape(t["range"].format(start=report.start, end=report.end)), st.body),
             Paragraph(escape(t["missing_note"]), st.small), Spacer(1, 3 * mm)]
    rows = breach_rows(report, lang)
    totals = report.totals()
    totals = totals[totals["breaches"] > 0]
    if not rows:
        story.append(Paragraph(escape(t["none"]), st.body))
    else:
        story.append(Paragraph(escape(t["summary"]), st.heading))
        data = [[t["supplier"], t["breaches"], t["liability"]]]
        for r in totals.itertuples(index=False):
            data.append([r.supplier_code, int(r.breaches), f"{r.liability:,.2f}"])
        data.append([t["total"], int(totals["breaches"].sum()), f"{totals['liability'].sum():,.2f}"])
        story.append(pdf.grid_table(data, [60 * mm, 30 * mm, 40 * mm],
                                    extra=[("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                                           ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eef1f5"))]))
        story.append(Paragraph(escape(t["details"]), st.heading))
        cell = st.cell
        from reportlab.lib.styles import ParagraphStyle

        small = ParagraphStyle("qb-breach", parent=cell, fontSize=7, leading=8.5)
        body = [[Paragraph(escape(h), small) for h in header(lang)[:-1]]]
        for row in rows:
            *first, rule, amount, escalate = row
            rule = f"{rule} → {escalate}" if escalate else rule
            body.append([Paragraph(escape(str(x)), small) for x in first[:2]] + [first[2]]
                        + [Paragraph(escape(str(x)), small) for x in first[3:5]] + [first[5]]
                        + [escape(f"{first[6]:,.2f}"), Paragraph(escape(rule), small), f"{amount:,.2f}"])
        w = [34, 25, 9, 19, 19, 13, 16, 23, 16]  # 174 mm: the A4 frame
        story.append(pdf.grid_table(body, [x * mm for x in w], font_size=7,
                                    extra=[("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (6, 1), (6, -1), "RIGHT"),
                                           ("ALIGN", (8, 1), (8, -1), "RIGHT")]))
    return pdf.build_pdf(path, story, title=t["title"], lang=lang, header=f"{t['title']} · {report.start}–{report.end}")


def write_breach_xlsx(report: TargetReport, path: str | os.PathLike[str], *, lang: str = "zh_CN") -> None:
    write_xlsx(path, header(lang), breach_rows(report, lang), title=_t(lang)["title"],
               widths=(30, 20, 8, 18, 18, 10, 10, 26, 14, 10))


def write_breach_report(report: TargetReport, path: str | os.PathLike[str], *, lang: str = "zh_CN"):
    return write_by_suffix(path, {".pdf": lambda p: write_breach_pdf(report, p, lang=lang),
                                  ".xlsx": lambda p: write_breach_xlsx(report, p, lang=lang)})
