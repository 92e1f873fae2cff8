"""The 8D report / reply letter to the customer for one complaint, as an A4 PDF in the customer
contact's preferred language (``app.reports.pdf``: embedded CJK font, page x of y, signature block).

Quality complaints print the eight disciplines (D1–D8, with D3's 24-hour limit checked); other
complaints and service requests print the handling steps. Each step shows who did it and when.
A SCAR raised on a sub-supplier is named by its number and progress only (the letter goes to the
customer; the sub-supplier's name stays internal).
"""

from __future__ import annotations

import os
from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from app.engines import eight_d
from app.flows.complaint import STEP_TITLES, ComplaintFlow
from app.models.complaints.service import ComplaintDetail
from app.reports.pdf import build_pdf, cjk_font, escape, grid_table, report_styles, signature_block

TEXT = {
    "zh_CN": {
        "title_8d": "8D 报告 / 顾客投诉答复函", "title_service": "顾客投诉 / 服务请求答复函",
        "to": "致", "attn": "联系人", "our_ref": "我方编号", "date": "日期", "received": "接收时间",
        "channel": "渠道", "type": "类型", "severity": "严重度", "part": "零件", "lot": "批号 / 送货单",
        "qty": "涉及数量", "subject": "事由", "problem": "问题描述",
        "intro": "感谢贵方就以下问题与我们联系。我们已按照{method}进行处理，结果如下。",
        "method_8d": "8D 方法", "method_service": "投诉处理流程",
        "steps": "处理过程", "step": "步骤", "content": "内容", "by_when": "负责人 / 时间",
        "open": "（进行中）", "containment_ok": "临时遏制措施在接收后 24 小时内完成。",
        "containment_late": "临时遏制措施超过 24 小时（接收后 {h:.0f} 小时）。",
        "containment_open": "临时遏制措施尚未完成。",
        "scar": "已向相关分供方发出纠正措施要求 {number}（状态：{status}，8D 已完成 {done}/8）。",
        "result": "处理结果", "no_result": "处理尚在进行中，我们将及时告知结果。",
        "rating_ask": "请对本次处理给予评价（1–5 分）：", "rating_given": "贵方评价：{r}/5 {c}",
        "closing": "如有任何疑问，请随时与我们联系。", "signatures": "签字",
        "cqe": "顾客质量工程师", "qm": "质量经理", "customer_sign": "顾客确认",
        "types": {"quality": "质量", "delivery": "交付", "commercial": "商务", "documentation": "文件资料",
                  "service_enquiry": "服务咨询", "repair": "维修", "return": "退货"},
        "severities": {"critical": "严重", "major": "主要", "minor": "一般"},
        "channels": {"phone": "电话", "email": "邮件", "visit": "拜访", "survey": "调查", "portal": "门户网站"},
        "scar_status": {"open": "待回复", "answered": "已回复", "verified": "已验证", "closed": "已关闭",
                        "cancelled": "已取消"},
    },
    "en": {
        "title_8d": "8D report / reply to your complaint", "title_service": "Reply to your complaint / service request",
        "to": "To", "attn": "Attn.", "our_ref": "Our reference", "date": "Date", "received": "Received",
        "channel": "Channel", "type": "Type", "severity": "Severity", "part": "Part", "lot": "Lot / delivery note",
        "qty": "Quantity affected", "subject": "Subject", "problem": "Problem",
        "intro": "Thank you for telling us about the problem below. We handled it with {method}; this is the result.",
        "method_8d": "the 8D method", "method_service": "our complaint handling process",
        "steps": "How it was handled", "step": "Step", "content": "What was done", "by_when": "By / when",
        "open": "(in progress)", "containment_ok": "Containment was in place within 24 hours of receipt.",
        "containment_late": "Containment took longer than 24 hours ({h:.0f} hours after receipt).",
        "containment_open": "Containment is not yet in place.",
        "scar": "A corrective action request {number} was issued to the sub-supplier concerned "
                "(status: {status}; 8D {done}/8 disciplines done).",
        "result": "Result", "no_result": "The handling is still in progress; we will tell you the result.",
        "rating_ask": "Please rate how we handled this (1–5):", "rating_given": "Your rating: {r}/5 {c}",
        "closing": "Please do not hesitate to contact us with any question.", "signatures": "Signatures",
        "cqe": "Customer quality engineer", "qm": "Quality manager", "customer_sign": "Customer acknowledgement",
        "types": {"quality": "Quality", "delivery": "Delivery", "commercial": "Commercial",
                  "documentation": "Documentation", "service_enquiry": "Service enquiry", "repair": "Repair",
                  "return": "Return"},
        "severities": {"critical": "Critical", "major": "Major", "minor": "Minor"},
        "channels": {"phone": "Phone", "email": "E-mail", "visit": "Visit", "survey": "Survey", "portal": "Portal"},
        "scar_status": {"open": "open", "answered": "answered", "verified": "verified", "closed": "closed",
                        "cancelled": "cancelled"},
    },
}


def _t(lang: str) -> dict:
    return TEXT.get(lang, TEXT["en"])


def _p(text: object, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _width() -> float:
    from reportlab.lib.pagesizes import A4

    return A4[0] - 36 * mm


def _step_title(step: str, lang: str) -> str:
    zh, en = STEP_TITLES[step]
    title = zh if lang == "zh_CN" else en
    return f"{step} {title}" if step in eight_d.EIGHT_D else title


def _fmt(dt: datetime | str | None) -> str:
    if not dt:
        return ""
    if isinstance(dt, str):
        dt = datetime.fromisoformat(dt)
    return dt.strftime("%Y-%m-%d %H:%M")


def letter_language(detail: ComplaintDetail, lang: str | None = None) -> str:
    """The language asked for, else the contact's preferred one."""
    return lang if lang in TEXT else (detail.contact_language if detail.contact_language in TEXT else "zh_CN")


def write_letter(detail: ComplaintDetail, path: str | os.PathLike[str], *, lang: str | None = None,
                 today: datetime | None = None) -> str:
    """Write the 8D report / reply letter; returns the language used."""
    lang = letter_language(detail, lang)
    T = _t(lang)
    st = report_styles()
    width = _width()
    flow = ComplaintFlow.from_json({"kind": "complaint", "version": 1, "state": detail.flow})
    is_8d = flow.path == "8d"
    title = T["title_8d"] if is_8d else T["title_service"]
    customer = (detail.customer_name_zh or detail.customer_name_en) if lang == "zh_CN" else \
        (detail.customer_name_en or detail.customer_name_zh)
    part_name = (detail.part_name_en or detail.part_name) if lang == "en" else detail.part_name
    story = [_p(title, st.title)]
    info = [
        [_p(T["to"], st.cell_bold), _p(f"{detail.customer_code} {customer}", st.cell),
         _p(T["our_ref"], st.cell_bold), _p(detail.number, st.cell)],
        [_p(T["attn"], st.cell_bold), _p(detail.contact_name or "—", st.cell),
         _p(T["date"], st.cell_bold), _p((today or datetime.now()).strftime("%Y-%m-%d"), st.cell)],
        [_p(T["received"], st.cell_bold), _p(_fmt(detail.received_at), st.cell),
         _p(T["channel"], st.cell_bold), _p(T["channels"].get(detail.channel, detail.channel), st.cell)],
        [_p(T["type"], st.cell_bold), _p(T["types"].get(detail.complaint_type, detail.complaint_type), st.cell),
         _p(T["severity"], st.cell_bold), _p(T["severities"].get(detail.severity, detail.severity), st.cell)],
        [_p(T["part"], st.cell_bold), _p(f"{detail.part_code} {part_name}".strip() or "—", st.cell),
         _p(T["lot"], st.cell_bold), _p(" / ".join(x for x in (detail.lot, detail.delivery_note) if x) or "—", st.cell)],
        [_p(T["qty"], st.cell_bold), _p("—" if detail.qty_affected is None else str(detail.qty_affected), st.cell),
         _p(T["subject"], st.cell_bold), _p(detail.title, st.cell)],
    ]
    story.append(grid_table(info, [width * 0.18, width * 0.32, width * 0.18, width * 0.32], header_rows=0,
                            zebra=False))
    story += [Spacer(1, 3 * mm), _p(T["problem"], st.heading), _p(detail.description, st.body), Spacer(1, 2 * mm),
              _p(T["intro"].format(method=T["method_8d"] if is_8d else T["method_service"]), st.body),
              _p(T["steps"], st.heading)]
    rows = [[_p(T["step"], st.cell_bold), _p(T["content"], st.cell_bold), _p(T["by_when"], st.cell_bold)]]
    for step in flow.steps:
        if step == "rating":
            continue
        rec = flow.record(step)
        if rec:
            rows.append([_p(_step_title(step, lang), st.cell), _p(rec["text"], st.cell),
                         _p(f"{rec['by']}\n{_fmt(rec['at'])}", st.cell)])
        else:
            rows.append([_p(_step_title(step, lang), st.cell), _p(T["open"], st.small), ""])
    story.append(grid_table(rows, [width * 0.24, width * 0.56, width * 0.20]))
    if is_8d:
        rec = flow.record(eight_d.CONTAINMENT)
        if rec is None:
            note = T["containment_open"]
        else:
            hours = (datetime.fromisoformat(rec["at"]) - flow.received_at).total_seconds() / 3600
            note = T["containment_ok"] if hours <= eight_d.CONTAINMENT_HOURS else T["containment_late"].format(h=hours)
        story += [Spacer(1, 2 * mm), _p(note, st.body)]
    if detail.scar is not None:
        story.append(_p(T["scar"].format(number=detail.scar.number, done=detail.scar.disciplines_done,
                                         status=T["scar_status"].get(detail.scar.status, detail.scar.status)), st.body))
    story.append(_p(T["result"], st.heading))
    inform = flow.record("inform")
    story.append(_p(inform["text"] if inform else T["no_result"], st.body))
    story.append(Spacer(1, 2 * mm))
    rating = flow.rating
    story.append(_p(T["rating_given"].format(r=rating[0], c=rating[1]) if rating
                    else T["rating_ask"] + "  □1  □2  □3  □4  □5", st.body))
    story += [Spacer(1, 2 * mm), _p(T["closing"], st.body), Spacer(1, 4 * mm),
              KeepTogether([_p(T["signatures"], st.heading),
                            signature_block([T["cqe"], T["qm"], T["customer_sign"]], st, lang, width)])]
    build_pdf(path, story, title=f"{title} {detail.number}", lang=lang, header=f"{detail.number} · {title}",
              font=cjk_font())
    return lang
