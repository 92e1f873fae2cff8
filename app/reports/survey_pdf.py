"""Printed supplier survey (供应商调查表): the blank form to send to a supplier and the completed
survey with section scores and the recommendation."""

from __future__ import annotations

import os

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.engines.labels import local_name, word
from app.engines.survey import Question, SurveyDefinition, is_visible
from app.reports.audit_pdf import _info_table, _p, _pct, _width
from app.reports.pdf import CJKFont, build_pdf, cjk_font, escape, grid_table, report_styles, signature_block

TEXT = {
    "zh_CN": {
        "blank_title": "{title}",
        "intro": "请如实填写本表并附相关证明文件（营业执照、体系证书、设备清单等）。标 * 为必填项。",
        "supplier": "供应商名称", "respondent": "填表人", "date": "填表日期", "code": "供应商代码",
        "no": "序号", "question": "问题", "answer": "回答", "weight": "权重", "notes": "证据 / 补充说明",
        "yes": "是", "no_": "否", "score": "得分率", "section": "部分", "result": "调查结果",
        "overall": "综合得分", "recommendation": "建议", "knockouts": "否决项",
        "signatures": "签字", "supplier_rep": "供方负责人（盖章）", "reviewer": "采购方审核人（SQE）",
        "status": "状态",
        "unanswered": "（未填）",
        "submitted_title": "{title}（已提交）", "draft_title": "{title}（草稿 / DRAFT）", "watermark": "草稿 / DRAFT",
        "section_unanswered": "（本部分未作答）", "not_answered": "未作答",
        "draft_result": "草稿：已作答 {done} / {total} 个部分。全部作答并提交后才给出总分和建议。",
        "draft_missing": "未作答的部分：{sections}",
    },
    "en": {
        "blank_title": "{title}",
        "intro": "Please answer truthfully and attach evidence (business licence, certificates, equipment list, "
                 "etc.). Items marked * are required.",
        "supplier": "Supplier name", "respondent": "Filled in by", "date": "Date", "code": "Supplier code",
        "no": "No.", "question": "Question", "answer": "Answer", "weight": "Weight", "notes": "Evidence / notes",
        "yes": "Yes", "no_": "No", "score": "Score", "section": "Section", "result": "Survey result",
        "overall": "Overall score", "recommendation": "Recommendation", "knockouts": "Knock-out items",
        "signatures": "Signatures", "supplier_rep": "Supplier's responsible person (company seal)",
        "reviewer": "Reviewed by (SQE)", "status": "Status",
        "unanswered": "(not answered)",
        "submitted_title": "{title} (submitted)", "draft_title": "{title} — 草稿 / DRAFT", "watermark": "草稿 / DRAFT",
        "section_unanswered": "(section not answered)", "not_answered": "not answered",
        "draft_result": "Draft: {done} of {total} sections answered. The total and the recommendation are given "
                        "once every section is answered and the survey is submitted.",
        "draft_missing": "Sections not answered: {sections}",
    },
}


def _t(lang: str) -> dict:
    return TEXT.get(lang, TEXT["en"])


def _blank_answer(q: Question, lang: str, st, T) -> object:
    """The answer cell of the blank form: tick boxes for choices, a line to write on otherwise."""
    box = "\u25a1"  # WenQuanYi has the white square; wrapped in spaces so it reads as a box
    if q.type == "boolean":
        return _p(f"{box} {T['yes']}    {box} {T['no_']}", st.cell)
    if q.type == "choice":
        return _p("    ".join(f"{box} {o.text(lang)}" for o in q.options), st.cell)
    if q.type == "rating":
        return _p("    ".join(f"{box} {v}" for v in range(int(q.max) + 1)), st.cell)
    if q.type == "date":
        return _p("____ - ____ - ____", st.cell)
    return ""


def _answer_text(q: Question, value: object, lang: str, T) -> str:
    if value is None or value == "":
        return T["unanswered"]
    if q.type == "boolean":
        return T["yes"] if value else T["no_"]
    if q.type == "choice":
        for o in q.options:
            if o.value == str(value):
                return o.text(lang)
    if q.type == "rating":
        return f"{value} / {int(q.max)}"
    return str(value)


def _questions_table(definition: SurveyDefinition, section, lang: str, st, w: float, n0: int,
                     answers: dict | None, T) -> tuple[Table, int]:
    rows = [[_p(T["no"], st.cell_bold), _p(T["question"], st.cell_bold), _p(T["answer"], st.cell_bold)]]
    n = n0
    for q in section.questions:
        if answers is not None and not is_visible(q, answers):
            continue
        n += 1
        label = q.text(lang) + (" *" if q.required else "")
        if q.show_if and answers is None:
            ref = definition.question(q.show_if[0])
            label += f"  ({ref.text(lang)})"
        cell = _blank_answer(q, lang, st, T) if answers is None else _p(_answer_text(q, answers.get(q.key), lang, T), st.cell)
        rows.append([str(n), _p(label, st.cell), cell])
    t = grid_table(rows, [w * 0.07, w * 0.48, w * 0.45], zebra=False,
                   extra=[("ALIGN", (0, 1), (0, -1), "CENTER")])
    return t, n


def _notes_box(text: str, st, w: float, T, height: float) -> Table:
    t = Table([[_p(T["notes"], st.small)], [_p(text, st.cell) if text else ""]], colWidths=[w],
              rowHeights=[5 * mm, None if text else height])
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font),
                           ("BOX", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a8a8a"))]))
    return t


def write_blank_survey(definition: SurveyDefinition, path: str | os.PathLike[str], *, lang: str = "zh_CN",
                       supplier_name: str = "", font: CJKFont | None = None) -> CJKFont:
    T = _t(lang)
    font = font or cjk_font()
    st = report_styles(font)
    w = _width()
    title = T["blank_title"].format(title=definition.title(lang))
    story: list = [_p(title, st.title), _info_table([
        (T["supplier"], supplier_name), (T["code"], ""), (T["respondent"], ""), (T["date"], ""),
    ], st, w), Spacer(1, 2 * mm), _p(T["intro"], st.small)]
    n = 0
    for i, section in enumerate(definition.sections, 1):
        table, n = _questions_table(definition, section, lang, st, w, n, None, T)
        story += [CondPageBreak(35 * mm), _p(f"{i}. {section.title(lang)}", st.heading), table, Spacer(1, 1.5 * mm),
                  _notes_box("", st, w, T, 14 * mm)]
    story += [Spacer(1, 5 * mm), KeepTogether([_p(T["signatures"], st.heading),
                                               signature_block([T["supplier_rep"], T["reviewer"]], st, lang, w)])]
    return build_pdf(path, story, title=title, lang=lang, header=definition.title(lang), font=font)


def write_completed_survey(report, path: str | os.PathLike[str], *, lang: str = "zh_CN",
                           font: CJKFont | None = None) -> CJKFont:
    """``report`` is ``app.models.suppliers.surveys.SurveyReport``."""
    T = _t(lang)
    font = font or cjk_font()
    st = report_styles(font)
    w = _width()
    d: SurveyDefinition = report.definition
    name = local_name(report.supplier_name_zh, report.supplier_name_en, lang)
    final = report.status == "submitted"
    missing = set(report.unanswered_sections)
    title = T["submitted_title" if final else "draft_title"].format(title=d.title(lang))
    story: list = [_p(title, st.title), _info_table([
        (T["supplier"], name), (T["code"], report.supplier_code),
        (T["respondent"], report.respondent), (T["date"], str(report.survey_date or "")),
        (T["status"], word("record_status", report.status, lang)), ("", ""),
    ], st, w)]
    score = report.score
    red = "<font color='#c62828'>{}</font>"
    rows = [[_p(T["section"], st.cell_bold), _p(T["weight"], st.cell_bold), _p(T["score"], st.cell_bold)]]
    for sec, ss in zip(d.sections, score.sections):
        cell = Paragraph(red.format(escape(T["not_answered"])), st.cell) if sec.key in missing else _pct(ss.percent)
        rows.append([_p(sec.title(lang), st.cell), f"{ss.weight:g}", cell])
    if final:  # a total and a recommendation only for a finished survey
        rows.append([_p(T["overall"], st.cell_bold), "", _pct(score.percent)])
    extra = [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    if final:
        extra.append(("LINEABOVE", (0, -1), (-1, -1), 0.9, colors.black))
    story += [_p(T["result"], st.heading), grid_table(rows, [w * 0.6, w * 0.2, w * 0.2], extra=extra),
              Spacer(1, 2 * mm)]
    if final:
        story.append(Paragraph(f"<b>{escape(T['recommendation'])}:</b> "
                               f"{escape(word('survey_recommendation', score.recommendation, lang))}", st.body))
    else:
        done = len(d.sections) - len(missing)
        story.append(Paragraph(red.format(escape(T["draft_result"].format(done=done, total=len(d.sections)))), st.body))
        if missing:
            sections = ("、" if lang == "zh_CN" else ", ").join(s.title(lang) for s in d.sections if s.key in missing)
            story.append(Paragraph(escape(T["draft_missing"].format(sections=sections)), st.body))
    if score.knockouts:
        names = "; ".join(d.question(k).text(lang) for k in score.knockouts)
        story.append(Paragraph(f"<font color='#c62828'>{escape(T['knockouts'])}: {escape(names)}</font>", st.body))
    n = 0
    for i, section in enumerate(d.sections, 1):
        table, n = _questions_table(d, section, lang, st, w, n, report.answers, T)
        heading = escape(f"{i}. {section.title(lang)}")
        if section.key in missing:
            heading += " " + red.format(escape(T["section_unanswered"]))
        story += [CondPageBreak(30 * mm), Paragraph(heading, st.heading), table]
        note = report.notes.get(section.key, "")
        if note:
            story += [Spacer(1, 1.5 * mm), _notes_box(note, st, w, T, 0)]
    story += [Spacer(1, 5 * mm), KeepTogether([_p(T["signatures"], st.heading),
                                               signature_block([T["supplier_rep"], T["reviewer"]], st, lang, w)])]
    return build_pdf(path, story, title=title, lang=lang, header=f"{d.title(lang)}  {report.supplier_code} {name}",
                     font=font, watermark=None if final else T["watermark"])
