"""Printed incoming-inspection documents (A4, embedded CJK font via ``app.reports.pdf``):

* the **inspection record** of one lot: lot data, the plan and result per defect class, the
  measured values, the decision with its reason, the SCAR, the disposition and e-signatures;
* the blank **inspection sheet** of a part's characteristics for paper use, with the plan for a
  given lot size when one is stated.
"""

from __future__ import annotations

import os

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.models.inspection import service
from app.reports.pdf import CJKFont, build_pdf, cjk_font, escape, grid_table, report_styles, signature_block

TEXT = {
    "zh_CN": {
        "record_title": "进货检验记录", "sheet_title": "进货检验单（空白，现场填写）",
        "supplier": "供应商", "part": "物料", "lot": "批号", "po": "采购订单号", "delivery": "送货单号",
        "lot_size": "批量", "date": "检验日期", "inspector": "检验员", "level": "检验水平", "severity": "检验严格度",
        "standard": "依据标准", "plan_heading": "抽样方案与判定（按缺陷类别）", "class": "缺陷类别", "letter": "样本量字码",
        "n": "样本量 n", "ac": "Ac", "re": "Re", "found": "不合格品数", "verdict": "判定",
        "measure_heading": "检验数据", "characteristic": "检验特性", "spec": "规格", "method": "检验方法", "gauge": "量具",
        "sample": "样本", "bad": "不合格", "decision_heading": "批判定", "decision": "结论", "reason": "理由",
        "scar": "纠正措施要求（SCAR）", "disposition_heading": "不合格批处置", "kind": "处置方式", "qty": "数量",
        "by": "执行方", "cost": "费用承担", "notes": "说明", "recorded": "记录人", "approved": "批准人",
        "esign_heading": "电子签名", "esign": "{name}（{user}）{meaning}于 {at} UTC · {state}",
        "sign_inspector": "检验员", "sign_qm": "质量经理", "none": "无", "hundred": "（全检）",
        "aql": "AQL", "items_heading": "检验项目", "blank_grid": "检验结果（计量特性填实测值，计数特性填 OK/NG）",
        "plan_for": "按批量 {n} 的抽样方案（{severity}）", "no_plan": "批量到货后按 GB/T 2828.1 确定样本量",
        "accepted": "接收", "rejected": "拒收", "accept": "接收", "reject": "不接收",
        "classes": {"critical": "致命", "major": "严重", "minor": "轻微"},
        "severities": {"normal": "正常检验", "tightened": "加严检验", "reduced": "放宽检验", "discontinued": "暂停检验"},
        "kinds": {"return": "退货", "sort": "挑选", "rework": "返工", "concession": "让步接收", "scrap": "报废"},
        "who": {"supplier": "供方", "internal": "本公司", "third_party": "第三方", "company": "本公司", "": ""},
        "limits_attr": "OK/NG",
    },
    "en": {
        "record_title": "Incoming inspection record", "sheet_title": "Incoming inspection sheet (blank, for paper use)",
        "supplier": "Supplier", "part": "Part", "lot": "Lot", "po": "PO number", "delivery": "Delivery note",
        "lot_size": "Lot size", "date": "Inspected on", "inspector": "Inspector", "level": "Inspection level",
        "severity": "Severity", "standard": "Standard", "plan_heading": "Sampling plan and decision per defect class",
        "class": "Defect class", "letter": "Code letter", "n": "Sample n", "ac": "Ac", "re": "Re",
        "found": "Nonconforming", "verdict": "Verdict", "measure_heading": "Inspection data",
        "characteristic": "Characteristic", "spec": "Specification", "method": "Method", "gauge": "Gauge",
        "sample": "Sample", "bad": "NG", "decision_heading": "Lot decision", "decision": "Decision",
        "reason": "Reason", "scar": "Corrective action request (SCAR)", "disposition_heading": "Disposition",
        "kind": "Disposition", "qty": "Quantity", "by": "By", "cost": "Cost borne by", "notes": "Notes",
        "recorded": "Recorded by", "approved": "Approved by", "esign_heading": "Electronic signatures",
        "esign": "{name} ({user}) {meaning} on {at} UTC · {state}", "sign_inspector": "Inspector",
        "sign_qm": "Quality manager", "none": "none", "hundred": " (100 %)", "aql": "AQL",
        "items_heading": "Inspection items",
        "blank_grid": "Results (variables: measured value; attributes: OK/NG)",
        "plan_for": "Plan for a lot of {n} ({severity})", "no_plan": "Sample size by GB/T 2828.1 once the lot size is known",
        "accepted": "Accepted", "rejected": "Rejected", "accept": "accept", "reject": "reject",
        "classes": {"critical": "Critical", "major": "Major", "minor": "Minor"},
        "severities": {"normal": "Normal", "tightened": "Tightened", "reduced": "Reduced",
                       "discontinued": "Discontinued"},
        "kinds": {"return": "Return to supplier", "sort": "Sort", "rework": "Rework", "concession": "Concession",
                  "scrap": "Scrap"},
        "who": {"supplier": "Supplier", "internal": "Our company", "third_party": "Third party", "company": "Our company",
                "": ""},
        "limits_attr": "OK/NG",
    },
}
GREEN, RED = colors.HexColor("#1e7b34"), colors.HexColor("#b02a37")
SAMPLES_PER_ROW = 10
# Value grids have no header row: white cells, the sample-range column shaded.
_PLAIN = [("BACKGROUND", (0, 0), (-1, -1), colors.white), ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f5")),
          ("ALIGN", (1, 0), (-1, -1), "CENTER")]


def _t(lang: str) -> dict:
    return TEXT["zh_CN" if lang == "zh_CN" else "en"]


def _width() -> float:
    from reportlab.lib.pagesizes import A4

    return A4[0] - 36 * mm


def _info(pairs, st, w) -> Table:
    rows, row = [], []
    for label, value in pairs:
        row += [Paragraph(escape(label), st.small), Paragraph(escape(value), st.cell)]
        if len(row) == 6:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (6 - len(row)))
    table = Table(rows, colWidths=[w * 0.11, w * 0.22] * 3)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f5")),
                               ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eef1f5")),
                               ("BACKGROUND", (4, 0), (4, -1), colors.HexColor("#eef1f5")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return table


def _spec(item, T) -> str:
    if item is None:
        return ""
    return T["limits_attr"] if item.kind == "attribute" else item.limits_text()


def _value_rows(values: list, T, st, blank_n: int = 0) -> list[list]:
    """Sample numbers and values in rows of ten."""
    n = len(values) if values else blank_n
    rows = []
    for start in range(0, n, SAMPLES_PER_ROW):
        chunk = range(start, min(start + SAMPLES_PER_ROW, n))
        rows.append([Paragraph(f"{T['sample']} {start + 1}–{chunk[-1] + 1}", st.small)]
                    + [("" if not values or values[k] is None else
                        (f"{values[k]:g}" if isinstance(values[k], float) else str(values[k]))) for k in chunk]
                    + [""] * (SAMPLES_PER_ROW - len(chunk)))
    return rows


def write_record(db, lot_id: int, path: str | os.PathLike[str], *, lang: str = "zh_CN",
                 font: CJKFont | None = None) -> CJKFont:
    """The inspection record of one lot."""
    T = _t(lang)
    d = service.lot_detail(db, lot_id)
    font = font or cjk_font()
    st = report_styles(font)
    w = _width()
    lot = d.lot
    story: list = [Paragraph(escape(T["record_title"]), st.title)]
    story.append(_info([
        (T["supplier"], f"{lot.supplier_code} {lot.supplier_name}"), (T["part"], f"{lot.part_code} {d.part_name}"),
        (T["lot"], lot.lot_number), (T["po"], d.po_number or "—"), (T["delivery"], d.delivery_note or "—"),
        (T["lot_size"], str(lot.lot_size)), (T["date"], lot.inspected_on.isoformat()), (T["inspector"], lot.inspector),
        (T["level"], d.level or "—"), (T["severity"], T["severities"].get(lot.severity, lot.severity)),
        (T["standard"], "GB/T 2828.1-2012"), (T["aql"], ", ".join(f"{T['classes'][c.defect_class]} {c.aql:g}"
                                                               for c in d.classes) or "—"),
    ], st, w))
    story.append(Paragraph(escape(T["plan_heading"]), st.heading))
    rows = [[T["class"], T["aql"], T["letter"], T["n"], T["ac"], T["re"], T["found"], T["verdict"]]]
    extra = []
    for i, c in enumerate(d.classes, 1):
        rows.append([T["classes"][c.defect_class], f"{c.aql:g}", c.code_letter,
                     f"{c.n}{T['hundred'] if c.hundred_percent else ''}", str(c.ac), str(c.re), str(c.defects),
                     T["accept"] if c.accepted else T["reject"]])
        extra.append(("TEXTCOLOR", (7, i), (7, i), GREEN if c.accepted else RED))
    if len(rows) > 1:
        story.append(grid_table(rows, [w * x for x in (0.16, 0.1, 0.14, 0.14, 0.08, 0.08, 0.14, 0.16)], extra=extra))
    else:
        story.append(Paragraph(escape(T["none"]), st.body))
    if d.measurements:
        story.append(Paragraph(escape(T["measure_heading"]), st.heading))
        for item, name, cls, values, bad in d.measurements:
            head = f"<b>{escape(name)}</b> · {T['classes'].get(cls, cls)} · {T['spec']} {escape(_spec(item, T))}"
            if item is not None and (item.method or item.gauge):
                head += f" · {escape(item.method)} {escape(item.gauge)}".rstrip()
            head += f" · {T['bad']} {bad}"
            story.append(Paragraph(head, st.cell))
            vr = _value_rows(values, T, st)
            cw = [w * 0.16] + [w * 0.084] * SAMPLES_PER_ROW
            marks = []
            for r, row in enumerate(vr):
                for k in range(SAMPLES_PER_ROW):
                    idx = r * SAMPLES_PER_ROW + k
                    if item is not None and idx < len(values) and values[idx] is not None:
                        try:
                            ok = item.conforms(values[idx])
                        except Exception:  # noqa: BLE001 - printed as typed
                            ok = False
                        if ok is False:
                            marks.append(("TEXTCOLOR", (k + 1, r), (k + 1, r), RED))
            story.append(grid_table(vr, cw, header_rows=0, zebra=False, extra=_PLAIN + marks, font_size=8))
            story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(escape(T["decision_heading"]), st.heading))
    verdict = T["accepted"] if lot.decision == "accepted" else T["rejected"]
    colour = "#1e7b34" if lot.decision == "accepted" else "#b02a37"
    reasons = "<br/>".join(escape(c.reason(lang)) for c in d.classes) or escape(d.decision_reason)
    story.append(_info([(T["decision"], verdict), (T["scar"], d.corrective_action_number or "—")], st, w))
    story.append(Spacer(1, 1.5 * mm))
    story.append(Paragraph(f"<font color='{colour}'><b>{escape(verdict)}</b></font> · {reasons}", st.body))
    if d.dispositions:
        story.append(Paragraph(escape(T["disposition_heading"]), st.heading))
        rows = [[T["kind"], T["qty"], T["by"], T["cost"], T["notes"], T["recorded"], T["approved"]]]
        for kind, qty, by, cost, notes, recorded, approved in d.dispositions:
            rows.append([T["kinds"].get(kind, kind), str(qty), T["who"].get(by, by), T["who"].get(cost, cost),
                         Paragraph(escape(notes), st.cell), recorded, approved])
        story.append(grid_table(rows, [w * x for x in (0.15, 0.08, 0.12, 0.12, 0.27, 0.13, 0.13)]))
    if d.signatures:
        story.append(Paragraph(escape(T["esign_heading"]), st.heading))
        for sig in d.signatures:
            story.append(Paragraph(escape(T["esign"].format(
                name=sig.full_name, user=sig.username, meaning=sig.meaning_label(lang),
                at=sig.signed_at.strftime("%Y-%m-%d %H:%M"), state=sig.state_label(lang))), st.body))
    story.append(Spacer(1, 6 * mm))
    story.append(signature_block([T["sign_inspector"], T["sign_qm"]], st, lang, w))
    return build_pdf(path, story, title=f"{T['record_title']} {lot.lot_number}", lang=lang,
                     header=f"{T['record_title']}  {lot.lot_number}  {lot.supplier_code}  {lot.part_code}", font=font)


def write_blank_sheet(db, supplier_id: int, part_id: int, path: str | os.PathLike[str], *, lang: str = "zh_CN",
                      lot_size: int | None = None, font: CJKFont | None = None) -> CJKFont:
    """A blank sheet with the part's inspection items and an empty result grid per item (the
    sample size of the item's class when ``lot_size`` is given, else 10 boxes)."""
    T = _t(lang)
    setting = service.get_setting(db, supplier_id, part_id)
    if setting is None:
        raise service.NotFound("no inspection setting for this supplier and part", "no_setting",
                               zh="该供应商与物料尚无检验设置")
    plan = service.plan_for(db, supplier_id, part_id, lot_size) if lot_size else None
    font = font or cjk_font()
    st = report_styles(font)
    w = _width()
    story: list = [Paragraph(escape(T["sheet_title"]), st.title)]
    story.append(_info([
        (T["supplier"], f"{setting.supplier_code} {setting.supplier_name}"),
        (T["part"], f"{setting.part_code} {setting.part_name}"), (T["lot"], ""), (T["po"], ""),
        (T["delivery"], ""), (T["lot_size"], str(lot_size or "")), (T["date"], ""), (T["inspector"], ""),
        (T["level"], setting.level), (T["severity"], T["severities"].get(setting.severity, setting.severity)),
        (T["standard"], "GB/T 2828.1-2012"),
        (T["aql"], ", ".join(f"{T['classes'][k]} {v:g}" for k, v in setting.aqls.items() if v is not None)),
    ], st, w))
    n_by_class = {}
    if plan is not None:
        story.append(Paragraph(escape(T["plan_for"].format(n=lot_size, severity=T["severities"][plan.severity])),
                               st.heading))
        rows = [[T["class"], T["aql"], T["letter"], T["n"], T["ac"], T["re"], T["found"], T["verdict"]]]
        for cp in plan.classes:
            p = cp.plan
            n_by_class[cp.defect_class] = p.n
            rows.append([T["classes"][cp.defect_class], f"{cp.aql:g}", p.code_letter,
                         f"{p.n}{T['hundred'] if p.hundred_percent else ''}", str(p.ac), str(p.re), "", ""])
        story.append(grid_table(rows, [w * x for x in (0.16, 0.1, 0.14, 0.14, 0.08, 0.08, 0.14, 0.16)]))
    else:
        story.append(Paragraph(escape(T["no_plan"]), st.small))
    story.append(Paragraph(escape(T["items_heading"]), st.heading))
    rows = [["#", T["characteristic"], T["class"], T["spec"], T["method"], T["gauge"]]]
    for it in setting.items:
        rows.append([str(it.position), Paragraph(escape(it.characteristic), st.cell), T["classes"][it.defect_class],
                     escape(_spec(it, T)), Paragraph(escape(it.method), st.cell), Paragraph(escape(it.gauge), st.cell)])
    story.append(grid_table(rows, [w * x for x in (0.05, 0.25, 0.12, 0.18, 0.22, 0.18)]))
    story.append(Paragraph(escape(T["blank_grid"]), st.heading))
    for it in setting.items:
        story.append(Paragraph(f"<b>{it.position}. {escape(it.characteristic)}</b> · {escape(_spec(it, T))}", st.cell))
        n = n_by_class.get(it.defect_class, SAMPLES_PER_ROW)
        vr = _value_rows([], T, st, blank_n=min(n, 200))
        table = grid_table(vr, [w * 0.16] + [w * 0.084] * SAMPLES_PER_ROW, header_rows=0, zebra=False,
                           extra=_PLAIN + [("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)],
                           font_size=8)
        story.append(table)
        story.append(Spacer(1, 2 * mm))
    story.append(Spacer(1, 4 * mm))
    story.append(signature_block([T["sign_inspector"]], st, lang, w))
    return build_pdf(path, story, title=f"{T['sheet_title']} {setting.part_code}", lang=lang,
                     header=f"{T['sheet_title']}  {setting.supplier_code}  {setting.part_code}", font=font)

