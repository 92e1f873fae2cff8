"""The printed supplier approval record (供应商认可记录): the supplier, the six steps with result,
who and when, the outcome, and the electronic-signature manifest with the record's hash."""

from __future__ import annotations

import os

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.flows.approval import STEPS, step_title
from app.reports.admin_signatures import signature_manifest
from app.reports.pdf import CJKFont, build_pdf, cjk_font, escape, grid_table, report_styles

TEXT = {
    "zh_CN": {"title": "供应商认可记录", "supplier": "供应商", "class": "重要性分类", "category": "类别",
              "started": "发起", "status": "流程状态", "ended": "结束", "reason": "原因", "steps": "认可步骤",
              "no": "序号", "step": "步骤", "result": "结果", "who": "记录人", "when": "时间（UTC）", "remarks": "备注",
              "results": {"pass": "通过", "conditional": "有条件通过", "reject": "不通过"},
              "statuses": {"in_progress": "进行中", "approved": "批准", "conditional": "有条件批准", "rejected": "拒绝"}},
    "en": {"title": "Supplier approval record", "supplier": "Supplier", "class": "Importance class",
           "category": "Category", "started": "Started", "status": "Flow status", "ended": "Ended", "reason": "Reason",
           "steps": "Approval steps", "no": "No.", "step": "Step", "result": "Result", "who": "Recorded by",
           "when": "When (UTC)", "remarks": "Remarks",
           "results": {"pass": "Pass", "conditional": "Conditional", "reject": "Reject"},
           "statuses": {"in_progress": "In progress", "approved": "Approved", "conditional": "Conditionally approved",
                        "rejected": "Rejected"}},
}


def write_approval_record(record, path: str | os.PathLike[str], *, lang: str = "zh_CN",
                          font: CJKFont | None = None) -> CJKFont:
    """``record``: ``app.models.suppliers.approval.ApprovalRecord``."""
    T = TEXT.get(lang, TEXT["en"])
    font = font or cjk_font()
    st = report_styles(font)
    from reportlab.lib.pagesizes import A4

    w = A4[0] - 36 * mm
    flow = record.flow
    name = record.supplier_name_zh if lang == "zh_CN" else record.supplier_name_en
    supplier = f"{record.supplier_code} {name or record.supplier_name_zh}".strip()

    def p(text, style=st.cell):
        return Paragraph(escape(text), style)

    info = [(T["supplier"], supplier), (T["class"], record.importance_class), (T["category"], flow.category or ""),
            (T["started"], f"{flow.started_by}  {flow.started_at:%Y-%m-%d %H:%M}"),
            (T["status"], T["statuses"].get(flow.status, flow.status)),
            (T["ended"], f"{flow.ended_at:%Y-%m-%d %H:%M}" if flow.ended_at else "—")]
    if flow.reason:
        info.append((T["reason"], flow.reason))
    rows = []
    for i in range(0, len(info), 2):
        pair = info[i:i + 2] + [("", "")] * (2 - len(info[i:i + 2]))
        rows.append([p(pair[0][0], st.cell_bold), p(pair[0][1]), p(pair[1][0], st.cell_bold), p(pair[1][1])])
    table = Table(rows, colWidths=[w * 0.16, w * 0.34, w * 0.16, w * 0.34])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    done = {s.step: s for s in flow.steps}
    srows = [[p(T[k], st.cell_bold) for k in ("no", "step", "result", "who", "when", "remarks")]]
    for i, step in enumerate(STEPS, start=1):
        s = done.get(step)
        srows.append([str(i), p(step_title(step, lang)), p(T["results"].get(s.result, s.result) if s else "—"),
                      p(s.done_by if s else ""), f"{s.done_at:%Y-%m-%d %H:%M}" if s else "", p(s.remarks if s else "")])
    story = [p(T["title"], st.title), table, Spacer(1, 3 * mm), p(T["steps"], st.heading),
             grid_table(srows, [w * 0.06, w * 0.22, w * 0.13, w * 0.2, w * 0.17, w * 0.22])]
    story += signature_manifest(record.signatures, st, lang, w)
    return build_pdf(path, story, title=f"{T['title']} — {supplier}", lang=lang,
                     header=f"{T['title']}  {supplier}", font=font)
