"""The blank questionnaire of a survey version: a printed form (PDF, either language, embedded CJK
font, one tick box per scale point, the importance questions, Kano pairs with the five standard
answers, the NPS row 0–10) and the xlsx sent by e-mail, whose header row (``customer_code``,
``contact_name`` and the question codes) the answer import reads back as it is."""

from __future__ import annotations

import os

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.models.satisfaction.questionnaire import Questionnaire
from app.reports import pdf
from app.reports.pdf import escape
from app.reports.tabular import new_workbook

TEXT = {
    "zh_CN": {"title": "顾客满意度调查问卷", "customer": "贵公司名称 / 代码", "contact": "填表人", "date": "日期",
              "intro": "请在每题对应的方框内打 ✓：{lo} 表示非常不满意，{hi} 表示非常满意；不了解的题目请留空。",
              "kano_intro": "每项功能请回答两次：提供该功能时您的感受，以及不提供时您的感受，各勾选一个方框。",
              "xlsx_intro": "在 answers 表中每行填写一位答卷人：顾客代码、联系人，以及每题所选答案的数字（评分 {lo}–{hi}，"
                            "Kano 与推荐意愿见上表的量表）；未作答请留空。",
              "importance": "该项对贵公司的重要程度", "kano": "功能需求", "nps": "推荐意愿",
              "nps_low": "0 = 绝不推荐", "nps_high": "10 = 一定推荐",
              "kano_answers": ("我喜欢这样", "理应如此", "无所谓", "能忍受", "我不喜欢这样"),
              "functional": "如果提供", "dysfunctional": "如果不提供", "thanks": "感谢您的支持！",
              "version": "问卷 {code} 第 {version} 版", "draft": "（草稿）"},
    "en": {"title": "Customer satisfaction questionnaire", "customer": "Your company / code", "contact": "Filled in by",
           "date": "Date",
           "intro": "Please tick one box per question: {lo} = very dissatisfied, {hi} = very satisfied; leave a "
                    "question blank when you cannot judge it.",
           "kano_intro": "Each feature is asked twice: how you feel if we offer it, and how you feel if we do not; "
                         "tick one box in each row.",
           "xlsx_intro": "On the answers sheet one row per respondent: the customer code, the contact, and for each "
                         "question the number of the answer chosen (ratings {lo}–{hi}; Kano and recommendation on "
                         "the scales above); leave a cell blank for no answer.",
           "importance": "How important is this to you", "kano": "Features", "nps": "Recommendation",
           "nps_low": "0 = not at all likely", "nps_high": "10 = extremely likely",
           "kano_answers": ("I like it", "I expect it", "I am neutral", "I can live with it", "I dislike it"),
           "functional": "If we offer it", "dysfunctional": "If we do not offer it", "thanks": "Thank you!",
           "version": "questionnaire {code} version {version}", "draft": " (draft)"},
}


def _box():
    """A tick box drawn as a square (no font has to carry a ballot-box glyph)."""
    from reportlab.graphics.shapes import Drawing, Rect

    d = Drawing(9, 9)
    d.add(Rect(0.5, 0.5, 8, 8, fillColor=None, strokeColor=colors.HexColor("#333333"), strokeWidth=0.7))
    return d


def _t(lang: str) -> dict:
    return TEXT["zh_CN" if lang == "zh_CN" else "en"]


def _text(zh: str, en: str, lang: str) -> str:
    return (zh or en) if lang == "zh_CN" else (en or zh)


def write_questionnaire_pdf(q: Questionnaire, path: str | os.PathLike[str], *, lang: str = "zh_CN") -> pdf.CJKFont:
    t = _t(lang)
    font = pdf.cjk_font()
    st = pdf.report_styles(font)
    width = A4[0] - 36 * mm
    lo, hi = q.scale
    points = list(range(lo, hi + 1))
    name = _text(q.name_zh, q.name_en, lang)
    story = [Paragraph(escape(f"{t['title']} · {name}"), st.title),
             pdf.grid_table([[t["customer"], "", t["contact"], "", t["date"], ""]],
                            [width * 0.2, width * 0.3, width * 0.12, width * 0.16, width * 0.08, width * 0.14],
                            header_rows=0, zebra=False),
             Spacer(1, 3 * mm)]
    if q.sections:  # the rating scale is explained where there are ratings; a Kano study explains its pairs
        story.append(Paragraph(escape(t["intro"].format(lo=lo, hi=hi)), st.body))
    if q.kano:
        story.append(Paragraph(escape(t["kano_intro"]), st.body))
    story.append(Spacer(1, 2 * mm))
    from reportlab.pdfbase.pdfmetrics import stringWidth

    codes = [qu.code for sec in q.sections for qu in sec.questions] + [p.code for p in q.kano]
    code_w = min(26 * mm, max([12 * mm] + [stringWidth(c, font.name, 8.5) + 4 * mm for c in codes]))
    text_w = width * 0.44 + 12 * mm - code_w
    box_w = (width - text_w - code_w) / len(points)
    for sec in q.sections:
        rows = [[Paragraph(escape(_text(sec.title_zh, sec.title_en, lang)), st.cell_bold), ""] +
                [Paragraph(str(p), st.cell) for p in points]]
        for qu in sec.questions:
            rows.append([qu.code, Paragraph(escape(_text(qu.text_zh, qu.text_en, lang)), st.cell)] + [_box() for _ in points])
            if qu.importance:
                rows.append(["", Paragraph(escape(f"↳ {t['importance']}"), st.small)] + [_box() for _ in points])
        table = Table(rows, colWidths=[code_w, text_w] + [box_w] * len(points), repeatRows=1)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font.name), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                                   ("FONTSIZE", (2, 1), (-1, -1), 11), ("ALIGN", (2, 0), (-1, -1), "CENTER"),
                                   ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")), ("SPAN", (0, 0), (1, 0)),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#bbbbbb"))]))
        story += [table, Spacer(1, 3 * mm)]
    if q.nps_zh or q.nps_en:
        rows = [[Paragraph(escape(_text(q.nps_zh, q.nps_en, lang)), st.cell)] + [str(p) for p in range(11)],
                [Paragraph(escape(f"{t['nps_low']} · {t['nps_high']}"), st.small)] + [_box() for _ in range(11)]]
        nps = Table(rows, colWidths=[text_w + code_w] + [(width - text_w - code_w) / 11] * 11)
        nps.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font.name), ("FONTSIZE", (1, 1), (-1, -1), 11),
                                 ("ALIGN", (1, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                 ("BOX", (0, 0), (-1, -1), 0.4, colors.grey)]))
        story += [KeepTogether([Paragraph(escape(t["nps"]), st.heading), nps]), Spacer(1, 3 * mm)]
    if q.kano:
        story.append(Paragraph(escape(t["kano"]), st.heading))
        answers = t["kano_answers"]
        kano_text_w = width * 0.36 + 12 * mm - code_w  # wider answer columns: "I can live with it" unbroken
        aw = (width - kano_text_w - code_w) / 5
        for p in q.kano:
            attr = _text(p.attribute_zh, p.attribute_en, lang)
            rows = [[Paragraph(escape(f"{p.code} {attr}"), st.cell_bold), ""] + [Paragraph(escape(a), st.small) for a in answers],
                    ["", Paragraph(escape(_text(p.functional_zh, p.functional_en, lang) or t["functional"]), st.cell)]
                    + [_box() for _ in range(5)],
                    ["", Paragraph(escape(_text(p.dysfunctional_zh, p.dysfunctional_en, lang) or t["dysfunctional"]),
                                   st.cell)] + [_box() for _ in range(5)]]
            table = Table(rows, colWidths=[code_w, kano_text_w] + [aw] * 5)
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font.name), ("FONTSIZE", (2, 1), (-1, -1), 11),
                                       ("ALIGN", (2, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                       ("SPAN", (0, 0), (1, 0)),
                                       ("LINEBELOW", (0, -1), (-1, -1), 0.3, colors.HexColor("#bbbbbb"))]))
            story += [KeepTogether([table]), Spacer(1, 2 * mm)]
    story.append(Paragraph(escape(t["thanks"]), st.body))
    header = t["version"].format(code=q.survey_code, version=q.version) + ("" if q.state == "released" else t["draft"])
    return pdf.build_pdf(path, story, title=t["title"], lang=lang, header=header, font=font,
                         watermark=None if q.state == "released" else ("草稿" if lang == "zh_CN" else "DRAFT"))


def write_questionnaire_xlsx(q: Questionnaire, path: str | os.PathLike[str], *, lang: str = "zh_CN") -> None:
    """Sheet 1 ``answers``: the header row the import reads (``customer_code``, ``contact_name``,
    the question codes); respondents fill in the rows below. Sheet 2 ``questions``: every code with
    its question text and the scale."""
    from openpyxl.styles import Font

    t = _t(lang)
    lo, hi = q.scale
    wb = new_workbook()
    ws = wb.active
    ws.title = "answers"
    items = q.items
    ws.append(["customer_code", "contact_name", *(it.code for it in items)])
    for c in ws[1]:
        c.font = Font(bold=True)
    ws.freeze_panes = "C2"
    info = wb.create_sheet("questions")
    info.append(["code", "question", "scale"])
    for c in info[1]:
        c.font = Font(bold=True)
    for it in items:
        scale = f"{it.scale_min}–{it.scale_max}"
        if it.kind.startswith("kano"):
            scale += "  (" + ", ".join(f"{k + 1} {a}" for k, a in enumerate(t["kano_answers"])) + ")"
        elif it.kind == "nps":
            scale += f"  ({t['nps_low']}, {t['nps_high']})"
        info.append([it.code, _text(it.text_zh, it.text_en, lang), scale])
    info.append([])
    info.append([t["xlsx_intro"].format(lo=lo, hi=hi)])
    info.column_dimensions["B"].width = 70
    info.column_dimensions["C"].width = 40
    wb.save(path)
