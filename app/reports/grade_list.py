"""Supplier grade list for purchasing and management: Excel, CSV (UTF-8 with BOM) or A4 PDF.

Text comes from small per-language dictionaries (reports also run from the CLI, without Qt).
"""

from __future__ import annotations

import os
from pathlib import Path

from app.engines.indicators import INDICATORS
from app.engines.labels import word
from app.models.evaluation.service import GradeList, GradeRow
from app.reports.tabular import new_workbook, write_by_suffix, write_csv

LANGS = ("zh_CN", "en")
GRADE_FILL = {"A": "C6EFCE", "B": "DDEBF7", "C": "FFEB9C", "D": "FFC7CE"}

TEXT = {
    "zh_CN": {
        "title": "供应商等级清单", "period": "评价期间", "scheme": "评价方案", "method": "评价方法",
        "thresholds": "等级界限", "generated": "评价时间", "summary": "等级分布", "no_grade": "无评分",
        "signatures": ("编制（供应商质量工程师）", "审核（质量经理）", "采购部"),
        "methods": {"weighted": "综合评分法", "demerit": "不合格评分法", "fuzzy": "模糊综合评价"},
        "columns": {"rank": "序号", "code": "供应商代码", "name": "供应商名称", "score": "得分", "grade": "等级",
                    "previous_grade": "上期等级", "change": "变化", "periods_in_grade": "连续期数",
                    "missing": "缺失指标", "actions": "措施", "status": "供应商状态", "certificate": "体系证书",
                    "overdue_cars": "逾期纠正措施", "holds": "措施调整原因", "breaches": "协议违约"},
        "breaches_short": "协议违约",
        "breaches_note": "协议违约：本期内现行质量协议目标条款未达成的次数（质量协议目标与实绩对比）；"
                         "“—”表示没有适用的协议目标。",
        "indicators": {"lot_pass_rate": "批次合格率", "ppm": "PPM", "on_time_delivery": "供货及时率",
                       "order_fulfilment": "订货满足率", "service": "服务", "price": "价格指数",
                       "customer_complaints": "顾客投诉"},
        "change": {"up": "上升", "down": "下降", "same": "持平", "new": "首次"},
        "actions": {"preferred": "优先供应商", "larger_share": "增加订单份额", "reduced_inspection": "放宽检验",
                    "keep": "保持合作", "normal_inspection": "正常检验", "improvement_plan": "限期改进",
                    "tightened_inspection": "加严检验", "smaller_share": "减少订单份额",
                    "stop_new_orders": "暂停新订单", "re_audit": "重新审核", "disqualify": "取消供货资格",
                    "no_score_review": "本期无评分，需核查", "no_orders": "不分配订单"},
    },
    "en": {
        "title": "Supplier grade list", "period": "Period", "scheme": "Scheme", "method": "Method",
        "thresholds": "Grade thresholds", "generated": "Evaluated", "summary": "Grades", "no_grade": "no score",
        "signatures": ("Prepared by (SQE)", "Reviewed by (quality manager)", "Purchasing"),
        "methods": {"weighted": "weighted comprehensive scoring", "demerit": "demerit scoring",
                    "fuzzy": "fuzzy comprehensive evaluation"},
        "columns": {"rank": "No.", "code": "Supplier code", "name": "Supplier name", "score": "Score",
                    "grade": "Grade", "previous_grade": "Previous grade", "change": "Change",
                    "periods_in_grade": "Periods in grade", "missing": "Missing indicators", "actions": "Actions",
                    "status": "Supplier status", "certificate": "QMS certificate", "overdue_cars": "Overdue SCARs",
                    "holds": "Why the actions differ", "breaches": "Agreement breaches"},
        "breaches_short": "Breaches",
        "breaches_note": "Breaches (agreement breaches): how often a target clause of the quality agreement in force was "
                         "missed in the period (agreement targets against actuals); \u201c\u2014\u201d = no agreed "
                         "target applies.",
        "indicators": {"lot_pass_rate": "Lot pass rate", "ppm": "PPM", "on_time_delivery": "On-time delivery",
                       "order_fulfilment": "Order fulfilment", "service": "Service", "price": "Price index",
                       "customer_complaints": "Customer complaints"},
        "change": {"up": "up", "down": "down", "same": "same", "new": "new"},
        "actions": {"preferred": "preferred supplier", "larger_share": "larger order share",
                    "reduced_inspection": "reduced inspection", "keep": "keep", "normal_inspection": "normal inspection",
                    "improvement_plan": "improvement plan", "tightened_inspection": "tightened inspection",
                    "smaller_share": "smaller order share", "stop_new_orders": "stop new orders",
                    "re_audit": "re-audit", "disqualify": "disqualify", "no_score_review": "no score: review",
                    "no_orders": "no orders"},
    },
}

PERCENT = {"lot_pass_rate", "on_time_delivery", "order_fulfilment", "service"}


def _t(lang: str) -> dict:
    return TEXT.get(lang, TEXT["en"])


def columns(lang: str) -> list[tuple[str, str]]:
    """(key, header) pairs in display order."""
    t = _t(lang)
    c = t["columns"]
    head = [(k, c[k]) for k in ("rank", "code", "name", "status", "score", "grade", "previous_grade", "change",
                                "periods_in_grade")]
    return head + [(k, t["indicators"][k]) for k in INDICATORS] + [
        (k, c[k]) for k in ("breaches", "missing", "certificate", "overdue_cars", "actions", "holds")]


def breaches_text(row: GradeRow) -> str:
    return "—" if row.breaches is None else str(row.breaches)


def certificate_text(row: GradeRow, lang: str) -> str:
    """State of the mandatory certificates, naming the standards when one is not valid."""
    text = word("certificate", row.certificate, lang)
    if row.certificate in ("expired", "expiring") and row.certificate_standards:
        text += f" ({', '.join(row.certificate_standards)})"
    return text


def actions_text(row: GradeRow, lang: str) -> str:
    t = _t(lang)
    return ("；" if lang == "zh_CN" else "; ").join(t["actions"].get(a, a) for a in row.actions)


def holds_text(row: GradeRow, lang: str) -> str:
    return ("；" if lang == "zh_CN" else "; ").join(word("hold", h, lang) for h in row.holds)


def _indicator_text(key: str, value: float | None) -> str:
    if value is None:
        return "—"
    if key in PERCENT:
        return f"{value * 100:.1f}%"
    if key in ("ppm", "customer_complaints"):
        return f"{value:,.0f}"
    return f"{value:.3f}"


def row_values(row: GradeRow, rank: int, lang: str, *, typed: bool = False) -> list[object]:
    """Cell values of one supplier; ``typed`` keeps numbers as numbers (Excel)."""
    t = _t(lang)
    name = (row.name_zh or row.name_en) if lang == "zh_CN" else (row.name_en or row.name_zh)
    score: object = (round(row.score, 2) if typed else f"{row.score:.2f}") if row.score is not None else ""
    out: list[object] = [rank, row.code, name, word("supplier_status", row.status, lang), score,
                         row.grade or t["no_grade"], row.previous_grade or "",
                         t["change"].get(row.change or "", ""), row.periods_in_grade]
    for key in INDICATORS:
        v = row.indicators.get(key)
        out.append((round(v, 6) if v is not None else None) if typed else _indicator_text(key, v))
    out.append(row.breaches if typed else breaches_text(row))
    out.append(", ".join(t["indicators"].get(m, m) for m in row.missing))
    out.append(certificate_text(row, lang))
    out.append(row.overdue_cars if typed else str(row.overdue_cars))
    out.append(actions_text(row, lang))
    out.append(holds_text(row, lang))
    return out


def _subtitle(gl: GradeList, lang: str) -> list[str]:
    t = _t(lang)
    th = gl.scheme.thresholds
    return [
        f"{t['period']}: {gl.period}",
        f"{t['scheme']}: {gl.scheme_name} v{gl.scheme_version} — {t['method']}: "
        f"{t['methods'].get(gl.scheme.method, gl.scheme.method)}",
        f"{t['thresholds']}: A ≥ {th.a:g}, B ≥ {th.b:g}, C ≥ {th.c:g}, D < {th.c:g}",
        f"{t['generated']}: {gl.run_at:%Y-%m-%d %H:%M} UTC",
    ]


def write_grade_list(gl: GradeList, path: str | os.PathLike[str], lang: str = "zh_CN") -> Path:
    """Write by suffix: .xlsx, .csv or .pdf."""
    return write_by_suffix(path, {".xlsx": lambda p: _xlsx(gl, p, lang), ".csv": lambda p: _csv(gl, p, lang),
                                  ".pdf": lambda p: _pdf(gl, p, lang)})


def _csv(gl: GradeList, path: Path, lang: str) -> None:
    write_csv(path, [h for _, h in columns(lang)], (row_values(row, i, lang) for i, row in enumerate(gl.rows, start=1)))


def _xlsx(gl: GradeList, path: Path, lang: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    t = _t(lang)
    cols = columns(lang)
    wb = new_workbook()
    ws = wb.active
    ws.title = gl.period
    ws.cell(1, 1, f"{t['title']} {gl.period}").font = Font(size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    ws.cell(2, 1, "    ".join(_subtitle(gl, lang)[:3]))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(cols))
    header_row = 4
    thin = Side(style="thin", color="999999")
    for j, (_, head) in enumerate(cols, start=1):
        c = ws.cell(header_row, j, head)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDE6F0")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    keys = [k for k, _ in cols]
    grade_col = keys.index("grade") + 1
    for i, row in enumerate(gl.rows, start=1):
        r = header_row + i
        for j, value in enumerate(row_values(row, i, lang, typed=True), start=1):
            ws.cell(r, j, value)
        for key in INDICATORS:
            cell = ws.cell(r, keys.index(key) + 1)
            cell.number_format = "0.0%" if key in PERCENT else ("#,##0" if key in ("ppm", "customer_complaints")
                                                                else "0.000")
        ws.cell(r, keys.index("score") + 1).number_format = "0.00"
        if row.grade:
            fill = PatternFill("solid", fgColor=GRADE_FILL[row.grade])
            ws.cell(r, grade_col).fill = fill
            ws.cell(r, grade_col).alignment = Alignment(horizontal="center")
    last = header_row + len(gl.rows)
    ws.cell(last + 2, 1, t["breaches_note"])
    ws.cell(header_row, keys.index("breaches") + 1).comment = Comment(t["breaches_note"], "QualityBridge")
    ws.freeze_panes = ws.cell(header_row + 1, 4)  # header and supplier code/name stay in view
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(cols))}{max(last, header_row + 1)}"
    widths = {"rank": 6, "code": 12, "name": 36 if lang == "en" else 28, "score": 8, "grade": 7,
              "previous_grade": 10, "change": 8, "periods_in_grade": 10, "missing": 24, "actions": 40,
              "status": 14, "certificate": 18, "overdue_cars": 10, "holds": 44}
    for j, key in enumerate(keys, start=1):
        ws.column_dimensions[get_column_letter(j)].width = widths.get(key, 13)
    ws.row_dimensions[header_row].height = 30
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    wb.properties.title = f"{t['title']} {gl.period}"
    wb.save(path)


def _pdf(gl: GradeList, path: Path, lang: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from app.reports.pdf import build_pdf, cjk_font, escape, grid_table, report_styles, signature_block

    t = _t(lang)
    font = cjk_font()
    styles = report_styles(font)
    story = [Paragraph(escape(f"{t['title']} {gl.period}"), styles.title)]
    for line in _subtitle(gl, lang):
        story.append(Paragraph(escape(line), styles.body))
    counts = {g: sum(1 for r in gl.rows if r.grade == g) for g in "ABCD"}
    none = sum(1 for r in gl.rows if r.grade is None)
    story.append(Paragraph(escape(f"{t['summary']}: " + ", ".join(f"{g} {n}" for g, n in counts.items())
                                  + f", {t['no_grade']} {none}"), styles.body))
    story.append(Spacer(1, 3 * mm))
    c = t["columns"]
    head = [c["rank"], c["code"], c["name"], c["status"], c["score"], c["grade"], c["previous_grade"],
            c["periods_in_grade"], c["certificate"], c["overdue_cars"], t["breaches_short"] + "¹", c["actions"]]
    rows: list[list[object]] = [[Paragraph(escape(h), styles.cell_bold) for h in head]]
    extra = []
    red = colors.HexColor("#c0392b")
    for i, r in enumerate(gl.rows, start=1):
        v = row_values(r, i, lang)
        actions = escape(actions_text(r, lang))
        if r.holds:  # the reason sits under the actions it changed
            actions += "<br/><font color='#c0392b'>" + escape(holds_text(r, lang)) + "</font>"
        rows.append([str(i), r.code, Paragraph(escape(v[2]), styles.cell), Paragraph(escape(v[3]), styles.cell),
                     v[4], v[5], v[6], str(r.periods_in_grade), Paragraph(escape(certificate_text(r, lang)), styles.cell),
                     str(r.overdue_cars) if r.overdue_cars else "", breaches_text(r), Paragraph(actions, styles.cell)])
        if r.grade:
            extra.append(("BACKGROUND", (5, i), (5, i), colors.HexColor("#" + GRADE_FILL[r.grade])))
        if r.status in ("suspended", "disqualified"):
            extra.append(("TEXTCOLOR", (3, i), (3, i), red))
        if r.overdue_cars:
            extra.append(("TEXTCOLOR", (9, i), (9, i), red))
        if r.breaches:
            extra.append(("TEXTCOLOR", (10, i), (10, i), red))
    # landscape A4: 261 mm between the margins
    widths = [10 * mm, 18 * mm, 40 * mm, 24 * mm, 13 * mm, 13 * mm, 16 * mm, 16 * mm, 30 * mm, 16 * mm, 19 * mm,
              46 * mm]
    story.append(grid_table(rows, widths, extra=extra + [("ALIGN", (4, 1), (7, -1), "CENTER"),
                                                         ("ALIGN", (9, 1), (10, -1), "CENTER")], font_size=8))
    story.append(Spacer(1, 2 * mm))
    story.append(Paragraph(escape("¹ " + t["breaches_note"]), styles.body))
    story.append(Spacer(1, 8 * mm))
    story.append(signature_block(t["signatures"], styles, lang, sum(widths)))
    build_pdf(path, story, title=f"{t['title']} {gl.period}", lang=lang, font=font, landscape=True,
              header=f"{t['title']} — {gl.period} — {gl.scheme_name} v{gl.scheme_version}")
