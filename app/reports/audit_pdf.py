"""Printed audit forms: the blank checklist for on-site paper use and the completed audit report.

A4 through ``app.reports.pdf`` (embedded TrueType CJK font, running header, page x of y);
tables repeat their header rows on every page; text in Chinese or English.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.engines.audit import ChecklistTemplate, ScoringRule
from app.engines.labels import audit_rule_text, local_name, words
from app.reports.pdf import CJKFont, ReportStyles, build_pdf, cjk_font, escape, grid_table, report_styles, signature_block

TEXT = {
    "zh_CN": {
        "blank_title": "{title}（现场用空白表）", "report_title": "供应商审核报告",
        "supplier": "供应商", "date": "审核日期", "auditors": "审核员", "type": "审核类型", "occasion": "审核时机",
        "scope": "审核范围", "template": "检查表", "status": "状态",
        "legend": "评分：{rule}；不适用的条款勾选 N/A 并在备注中说明理由。权重越高的条款对总分影响越大。",
        "no": "序号", "clause": "条款", "item": "检查内容", "weight": "权重", "score": "评分", "na": "N/A",
        "remarks": "证据 / 备注", "severity": "不符合等级", "finding": "发现",
        "result_heading": "审核结论", "overall": "总得分率", "result": "结论", "thresholds": "判定标准",
        "sections_heading": "各部分得分", "section": "部分", "items": "条款数", "na_count": "不适用",
        "section_score": "得分率", "details_heading": "逐项评分", "findings_heading": "不符合项汇总",
        "description": "描述", "evidence": "证据", "none": "无",
        "actions_heading": "纠正措施要求（SCAR / 8D）", "car_no": "编号", "owner": "供方责任人", "due": "完成期限",
        "car_status": "状态", "overdue": "（逾期）", "planned": "计划（审核完成时生成）",
        "signatures": "签字", "auditor": "审核员", "supplier_rep": "供方代表", "quality_manager": "质量经理",
        "draft_note": "草稿：审核尚未完成，分数为暂定值，完成审核后才给出结论。", "incomplete": "未完成",
        "draft_title": "供应商审核报告（草稿 / DRAFT）", "watermark": "草稿 / DRAFT",
        "types": words("audit_type", "zh_CN"),
        "occasions": words("occasion", "zh_CN"),
        "results": words("audit_result", "zh_CN"),
        "reasons": words("audit_reason", "zh_CN"),
        "severities": words("severity", "zh_CN"),
        "statuses": {**words("record_status", "zh_CN"), **words("car_status", "zh_CN")},
    },
    "en": {
        "blank_title": "{title} (blank form for on-site use)", "report_title": "Supplier audit report",
        "supplier": "Supplier", "date": "Audit date", "auditors": "Auditors", "type": "Audit type",
        "occasion": "Occasion", "scope": "Scope", "template": "Checklist", "status": "Status",
        "legend": "Scoring: {rule}; tick N/A for items that do not apply and give the reason under remarks. "
                  "Items with a higher weight count more in the total.",
        "no": "No.", "clause": "Clause", "item": "Checklist item", "weight": "Weight", "score": "Score",
        "na": "N/A", "remarks": "Evidence / remarks", "severity": "Severity", "finding": "Finding",
        "result_heading": "Audit result", "overall": "Overall score", "result": "Result", "thresholds": "Criteria",
        "sections_heading": "Scores by section", "section": "Section", "items": "Items", "na_count": "N/A",
        "section_score": "Score", "details_heading": "Item scores", "findings_heading": "Findings",
        "description": "Description", "evidence": "Evidence", "none": "None",
        "actions_heading": "Corrective action requests (SCAR / 8D)", "car_no": "Number", "owner": "Supplier owner",
        "due": "Due", "car_status": "Status", "overdue": " (overdue)", "planned": "planned (raised on completion)",
        "signatures": "Signatures", "auditor": "Auditor", "supplier_rep": "Supplier representative",
        "quality_manager": "Quality manager",
        "draft_note": "Draft: the audit is not complete, scores are provisional; the result is given when the "
                      "audit is completed.", "incomplete": "incomplete",
        "draft_title": "Supplier audit report — 草稿 / DRAFT", "watermark": "草稿 / DRAFT",
        "types": words("audit_type", "en"),
        "occasions": words("occasion", "en"),
        "results": words("audit_result", "en"),
        "reasons": words("audit_reason", "en"),
        "severities": words("severity", "en"),
        "statuses": {**words("record_status", "en"), **words("car_status", "en")},
    },
}
SCORE_PAD = 3  # points of padding either side of the score boxes on the blank checklist
RESULT_COLOURS = {"approved": "#2e7d32", "conditional": "#ef6c00", "not_approved": "#c62828"}
SECTION_BG = colors.HexColor("#eef1f5")


def _t(lang: str) -> dict:
    return TEXT.get(lang, TEXT["en"])


def _p(text: object, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _width() -> float:
    from reportlab.lib.pagesizes import A4

    return A4[0] - 36 * mm


def _info_table(pairs: Sequence[tuple[str, str]], st: ReportStyles, width: float) -> Table:
    """Two label/value pairs per row; an empty value leaves a line to write on."""
    rows = []
    for i in range(0, len(pairs), 2):
        row = []
        for label, value in pairs[i:i + 2]:
            row += [_p(label, st.cell_bold), _p(value, st.cell)]
        while len(row) < 4:
            row += ["", ""]
        rows.append(row)
    t = Table(rows, colWidths=[width * 0.14, width * 0.36, width * 0.14, width * 0.36],
              rowHeights=[8.5 * mm] * len(rows))
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.font),
        ("LINEBELOW", (1, 0), (1, -1), 0.5, colors.HexColor("#777777")),
        ("LINEBELOW", (3, 0), (3, -1), 0.5, colors.HexColor("#777777")),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    return t


def _score_boxes(rule: ScoringRule, st: ReportStyles, width: float) -> Table:
    """Tick boxes 0…max for short scales; one box with "/max" for long ones (0–10)."""
    if rule.max - rule.min <= 5:
        labels = [str(v) for v in range(rule.min, rule.max + 1)]
        box = 3.6 * mm
        t = Table([labels], colWidths=[width / len(labels)] * len(labels), rowHeights=[box + 1.5 * mm])
        t.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), st.font), ("FONTSIZE", (0, 0), (-1, -1), 6.5),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#444444")),
            ("INNERGRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#444444")),
            ("TEXTCOLOR", (0, 0), (-1, -1), colors.HexColor("#888888")),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ]))
        return t
    t = Table([["", f"/{rule.max}"]], colWidths=[width * 0.55, width * 0.45], rowHeights=[6 * mm])
    t.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.font), ("FONTSIZE", (0, 0), (-1, -1), 7),
        ("BOX", (0, 0), (0, 0), 0.5, colors.HexColor("#444444")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1), ("RIGHTPADDING", (0, 0), (-1, -1), 1),
    ]))
    return t


def _na_box(allowed: bool, st: ReportStyles) -> Table | str:
    if not allowed:
        return "—"
    t = Table([[""]], colWidths=[4 * mm], rowHeights=[4 * mm])
    t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#444444"))]))
    return t


def _rule_label(template: ChecklistTemplate) -> str:
    rules = sorted({(it.rule.min, it.rule.max, it.rule.na_allowed) for it in template.items})
    return "; ".join(f"{lo}–{hi}" + (" / N/A" if na else "") for lo, hi, na in rules)


#: Column shares of the blank checklist: no., clause, item, weight, score boxes, N/A, evidence —
#: the evidence column takes a third of the width, that is where the auditor writes.
CHECKLIST_COLUMNS = (0.045, 0.085, 0.285, 0.065, 0.13, 0.055, 0.335)


def checklist_columns(width: float) -> list[float]:
    return [width * f for f in CHECKLIST_COLUMNS]


def write_blank_checklist(template: ChecklistTemplate, path: str | os.PathLike[str], *, lang: str = "zh_CN",
                          supplier_name: str = "", font: CJKFont | None = None) -> CJKFont:
    """The checklist to print and fill by hand on the shop floor."""
    T = _t(lang)
    font = font or cjk_font()
    st = report_styles(font)
    w = _width()
    title = T["blank_title"].format(title=template.title(lang))
    story: list = [_p(title, st.title)]
    story.append(_info_table([
        (T["supplier"], supplier_name), (T["date"], ""), (T["type"], T["types"].get(template.audit_type, "")),
        (T["occasion"], ""), (T["auditors"], ""), (T["scope"], ""),
    ], st, w))
    story += [Spacer(1, 3 * mm), _p(T["legend"].format(rule=_rule_label(template)), st.small), Spacer(1, 2 * mm)]
    cw = checklist_columns(w)
    rows: list[list] = [[_p(T[k], st.cell_bold) for k in ("no", "clause", "item", "weight", "score", "na", "remarks")]]
    extra: list[tuple] = []
    n = 0
    for section in template.sections:
        items = template.items_in(section.key)
        if not items:
            continue
        rows.append([_p(f"{section.key}  {section.title(lang)}", st.cell_bold), "", "", "", "", "", ""])
        r = len(rows) - 1
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_BG)]
        for it in items:
            n += 1
            rows.append([str(n), _p(it.clause, st.cell), _p(it.text(lang), st.cell), f"{it.weight:g}",
                         _score_boxes(it.rule, st, cw[4] - 2 * SCORE_PAD), _na_box(it.rule.na_allowed, st), ""])
    extra += [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "CENTER"),
              ("ALIGN", (5, 1), (5, -1), "CENTER"),
              # the score boxes fill their cell exactly, so none reaches into the N/A column
              ("LEFTPADDING", (4, 1), (4, -1), SCORE_PAD), ("RIGHTPADDING", (4, 1), (4, -1), SCORE_PAD),
              ("LEFTPADDING", (0, 0), (0, -1), 2), ("RIGHTPADDING", (0, 0), (0, -1), 2),
              ("LEFTPADDING", (3, 0), (3, -1), 2), ("RIGHTPADDING", (3, 0), (3, -1), 2),
              ("LEFTPADDING", (5, 0), (5, -1), 2), ("RIGHTPADDING", (5, 0), (5, -1), 2)]
    story.append(grid_table(rows, cw, zebra=False, extra=extra))
    story += [Spacer(1, 5 * mm), CondPageBreak(50 * mm), _p(T["findings_heading"], st.heading)]
    blank = [[_p(T[k], st.cell_bold) for k in ("no", "clause", "severity", "description")]] + \
        [[str(i), "", "", ""] for i in range(1, 7)]
    story.append(grid_table(blank, [w * 0.07, w * 0.15, w * 0.15, w * 0.63], zebra=False,
                            extra=[("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white])]))
    story += [Spacer(1, 4 * mm), KeepTogether([_p(T["signatures"], st.heading), signature_block(
        [T["auditor"], T["supplier_rep"], T["quality_manager"]], st, lang, w)])]
    return build_pdf(path, story, title=title, lang=lang, header=template.title(lang), font=font)


def _pct(v: float | None) -> str:
    return "—" if v is None else f"{v:.1f}%"


def write_audit_report(report, path: str | os.PathLike[str], *, lang: str = "zh_CN",
                       font: CJKFont | None = None) -> CJKFont:
    """The completed audit report (``app.models.suppliers.audits.AuditReport``)."""
    T = _t(lang)
    font = font or cjk_font()
    st = report_styles(font)
    w = _width()
    tpl: ChecklistTemplate = report.template
    plan = report.plan
    supplier = f"{report.supplier_code} {local_name(report.supplier_name_zh, report.supplier_name_en, lang)}".strip()
    final = report.status == "completed"  # a draft prints as a draft: no result until completed
    story: list = [_p(T["report_title"] if final else T["draft_title"], st.title)]
    story.append(_info_table([
        (T["supplier"], supplier), (T["date"], str(plan.get("audit_date") or "")),
        (T["type"], T["types"].get(tpl.audit_type, tpl.audit_type)),
        (T["occasion"], T["occasions"].get(plan.get("occasion"), str(plan.get("occasion") or ""))),
        (T["auditors"], ", ".join(plan.get("auditors") or [])), (T["template"], f"{tpl.title(lang)} v{tpl.version}"),
        (T["scope"], str(plan.get("scope") or "")), (T["status"], T["statuses"].get(report.status, report.status)),
    ], st, w))
    score = report.score
    if report.status != "completed":
        story += [Spacer(1, 2 * mm), _p(T["draft_note"], st.small)]

    # result box
    result = score.result if final else None
    colour = colors.HexColor(RESULT_COLOURS.get(result or "", "#555555"))
    res_text = T["results"].get(result, T["incomplete"]) if result else T["incomplete"]
    th = report.thresholds
    box = Table([
        [_p(T["overall"], st.cell_bold), _p(_pct(score.percent), st.heading),
         _p(T["result"], st.cell_bold), Paragraph(f"<font color='{colour.hexval().replace('0x', '#')}'>{escape(res_text)}</font>", st.heading)],
        [_p(T["thresholds"], st.cell_bold),
         _p(audit_rule_text(lang, th.approved, th.conditional) + f" ({T['reasons'].get(score.reason if final else 'not_completed', score.reason)})", st.small), "", ""],
    ], colWidths=[w * 0.16, w * 0.22, w * 0.12, w * 0.5])
    box.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.font), ("SPAN", (1, 1), (-1, 1)),
        ("BOX", (0, 0), (-1, -1), 1.0, colour), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#fafafa")),
    ]))
    story += [Spacer(1, 3 * mm), _p(T["result_heading"], st.heading), box]

    # section scores
    rows = [[_p(T[k], st.cell_bold) for k in ("section", "items", "na_count", "section_score")]]
    for sec in score.sections:
        try:
            title = f"{sec.section}  {tpl.section(sec.section).title(lang)}"
        except KeyError:
            title = sec.section
        rows.append([_p(title, st.cell), str(sec.items), str(sec.na), _pct(sec.percent)])
    rows.append([_p(T["overall"], st.cell_bold), str(score.items), str(score.na), _pct(score.percent)])
    story += [_p(T["sections_heading"], st.heading),
              grid_table(rows, [w * 0.55, w * 0.15, w * 0.15, w * 0.15],
                         extra=[("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("LINEABOVE", (0, -1), (-1, -1), 0.9, colors.black)])]

    # findings
    sev = T["severities"]
    story.append(_p(T["findings_heading"], st.heading))
    if report.findings:
        frows = [[_p(T[k], st.cell_bold) for k in ("no", "clause", "severity", "description", "evidence")]]
        for i, f in enumerate(report.findings, 1):
            frows.append([str(i), _p(f.get("clause") or "", st.cell), _p(sev.get(f["severity"], f["severity"]), st.cell),
                          _p(f.get("description") or "", st.cell), _p(f.get("evidence") or "", st.cell)])
        story.append(grid_table(frows, [w * 0.06, w * 0.12, w * 0.14, w * 0.36, w * 0.32]))
    else:
        story.append(_p(T["none"], st.body))

    # corrective actions
    story.append(_p(T["actions_heading"], st.heading))
    crows = [[_p(T[k], st.cell_bold) for k in ("car_no", "finding", "owner", "due", "car_status")]]
    if report.corrective_actions:
        for c in report.corrective_actions:
            crows.append([_p(c.number, st.cell), _p(c.title, st.cell), _p(c.owner, st.cell), c.due_on.isoformat(),
                          _p(T["statuses"].get(c.status, c.status) + (T["overdue"] if c.overdue else ""), st.cell)])
    else:
        by_id = {f["id"]: f for f in report.findings}
        for fid, a in report.planned_actions.items():
            f = by_id.get(fid)
            if f is None:
                continue
            crows.append([_p(T["planned"], st.small), _p(f"{f.get('clause') or ''} {f.get('description') or ''}", st.cell),
                          _p(a.get("owner") or "", st.cell), str(a.get("due_date") or ""), ""])
    if len(crows) > 1:
        story.append(grid_table(crows, [w * 0.17, w * 0.41, w * 0.18, w * 0.12, w * 0.12]))
    else:
        story.append(_p(T["none"], st.body))

    # item details
    story += [CondPageBreak(40 * mm), _p(T["details_heading"], st.heading)]
    cw = [w * 0.05, w * 0.09, w * 0.40, w * 0.08, w * 0.14, w * 0.24]
    rows = [[_p(T[k], st.cell_bold) for k in ("no", "clause", "item", "score", "severity", "remarks")]]
    extra: list[tuple] = []
    n = 0
    for section in tpl.sections:
        items = tpl.items_in(section.key)
        if not items:
            continue
        rows.append([_p(f"{section.key}  {section.title(lang)}", st.cell_bold), "", "", "", "", ""])
        r = len(rows) - 1
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), SECTION_BG)]
        for it in items:
            n += 1
            s = report.items.get(it.key, {})
            if s.get("na"):
                val = "N/A"
            elif s.get("score") is None:
                val = "—"
            else:
                val = f"{s['score']}/{it.rule.max}"
            remark = " ".join(x for x in (s.get("finding") or "", s.get("evidence") or "") if x)
            rows.append([str(n), _p(it.clause, st.cell), _p(it.text(lang), st.cell), val,
                         _p(sev.get(s.get("severity") or "", ""), st.cell), _p(remark, st.cell)])
    extra += [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (3, -1), "CENTER")]
    story.append(grid_table(rows, cw, zebra=False, extra=extra))

    from app.reports.admin_signatures import signature_manifest

    story += signature_manifest(getattr(report, "signatures", None), st, lang, w)  # electronic signatures + hash
    story += [Spacer(1, 5 * mm), KeepTogether([_p(T["signatures"], st.heading), signature_block(
        [T["auditor"], T["supplier_rep"], T["quality_manager"]], st, lang, w)])]
    title = f"{T['report_title']} — {supplier}"
    return build_pdf(path, story, title=title, lang=lang, header=f"{T['report_title']}  {supplier}  "
                     f"{plan.get('audit_date') or date.today().isoformat()}", font=font,
                     watermark=None if final else T["watermark"])
