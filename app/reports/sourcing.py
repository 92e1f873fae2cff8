"""Sourcing plan (货源策略) for purchasing: Excel, CSV (UTF-8 with BOM) or A4 PDF.

One row per item and current supplier (items without a current supplier get one row), so the
spreadsheet filters by strategy, grade or supplier; the PDF groups the suppliers under their
item. Text comes from small per-language dictionaries (reports also run from the CLI, without
Qt); strategy codes, statuses and reasons are always written as words.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from app.engines.labels import word
from app.models.evaluation.sourcing import SourcingItem, SourcingPlan, SourcingSupplier
from app.reports.tabular import new_workbook, write_by_suffix, write_csv

LANGS = ("zh_CN", "en")
GRADE_FILL = {"A": "C6EFCE", "B": "DDEBF7", "C": "FFEB9C", "D": "FFC7CE"}
#: Background of the strategy cell by urgency: needs a new source / improvement / fine.
STRATEGY_FILL = {
    "no_source": "FFC7CE", "develop_new_sources": "FFC7CE", "develop_second_source": "FFEB9C",
    "urge_improvement_seek_better": "FFEB9C", "phase_out_d": "FFEB9C", "no_graded_source": "EDEDED",
    "shift_share_to_best": "DDEBF7", "maintain": "C6EFCE", "single_source_ok": "C6EFCE",
}

TEXT = {
    "zh_CN": {
        "title": "货源策略", "period": "评价期间", "scheme": "评价方案", "generated": "评价时间",
        "rule": "建议份额 = 等级权重 × 得分，按物料归一（权重 {weights}）；物料有其他已评级货源时 D 级不再下新订单（仅有 D 级货源时按得分分配，直至开发出新货源）。",
        "current_def": "在供供应商：供货关系有效且状态为已认可或有条件认可；其余关联供应商列入“未计入”。",
        "summary": "物料 {items} 项，在供关系 {links} 条", "no_grade": "无评分", "none": "—",
        "signatures": ("编制（采购部）", "审核（质量经理）", "批准"),
        "columns": {"item": "物料代码", "item_name": "物料名称", "class": "重要性", "strategy": "货源策略",
                    "supplier": "供应商代码", "supplier_name": "供应商名称", "status": "状态", "grade": "等级",
                    "score": "得分", "current": "当前份额", "suggested": "建议份额", "delta": "份额调整",
                    "not_current": "未计入的关联供应商", "holds": "注意"},
        "pdf_columns": {"code": "代码", "name": "物料 / 供应商", "status": "状态", "grade": "等级", "score": "得分",
                        "current": "当前份额", "suggested": "建议份额"},
        "not_current_line": "未计入：{list}",
        "classes": {"I": "I 类（关键）", "II": "II 类（重要）", "III": "III 类（一般）"},
        "strategy": {
            "no_source": "无在供货源，需开发供应商", "no_graded_source": "在供供应商本期无评分，需核查",
            "single_source_ok": "单一货源可接受", "develop_second_source": "开发第二货源",
            "shift_share_to_best": "订单份额向最优供应商倾斜", "maintain": "维持现有供应格局",
            "urge_improvement_seek_better": "督促改进并寻找更优供应商", "develop_new_sources": "开发新供应商",
            "phase_out_d": "淘汰 D 级供应商",
        },
        "status": {"link_inactive": "供货关系已停用"},
    },
    "en": {
        "title": "Sourcing plan", "period": "Period", "scheme": "Scheme", "generated": "Evaluated",
        "rule": "Suggested share = grade weight × score, normalised per item (weights {weights}); "
                "grade D gets no new orders while the item has another graded source (sole D sources are "
                "shared by score until a new one is found).",
        "current_def": "Current suppliers: active link and status approved or conditionally approved; other "
                       "linked suppliers are listed as not counted.",
        "summary": "{items} items, {links} current supply links", "no_grade": "no score", "none": "—",
        "signatures": ("Prepared by (purchasing)", "Reviewed by (quality manager)", "Approved by"),
        "columns": {"item": "Item code", "item_name": "Item name", "class": "Class", "strategy": "Strategy",
                    "supplier": "Supplier code", "supplier_name": "Supplier name", "status": "Status",
                    "grade": "Grade", "score": "Score", "current": "Current share", "suggested": "Suggested share",
                    "delta": "Share change", "holds": "Attention", "not_current": "Linked suppliers not counted"},
        "pdf_columns": {"code": "Code", "name": "Item / supplier", "status": "Status", "grade": "Grade",
                        "score": "Score", "current": "Current", "suggested": "Suggested"},
        "not_current_line": "Not counted: {list}",
        "classes": {"I": "I (key)", "II": "II (important)", "III": "III (general)"},
        "strategy": {
            "no_source": "No current source: find a supplier", "no_graded_source": "No graded source: review",
            "single_source_ok": "Single source acceptable", "develop_second_source": "Develop a second source",
            "shift_share_to_best": "Shift share to the best supplier", "maintain": "Maintain",
            "urge_improvement_seek_better": "Urge improvement and seek a better supplier",
            "develop_new_sources": "Develop new sources", "phase_out_d": "Phase out grade D",
        },
        "status": {"link_inactive": "link inactive"},
    },
}

COLUMN_KEYS = ("item", "item_name", "class", "strategy", "supplier", "supplier_name", "status", "grade", "score",
               "current", "suggested", "delta", "holds", "not_current")
SHARE_KEYS = ("current", "suggested", "delta")


def report_text(lang: str) -> dict:
    return TEXT.get(lang, TEXT["en"])


def columns(lang: str) -> list[tuple[str, str]]:
    """(key, header) pairs in display order."""
    c = report_text(lang)["columns"]
    return [(k, c[k]) for k in COLUMN_KEYS]


def strategy_text(codes, lang: str) -> str:
    words = report_text(lang)["strategy"]
    return ("；" if lang == "zh_CN" else "; ").join(words.get(c, c) for c in codes)


def status_text(code: str, lang: str) -> str:
    """A supplier status in the one vocabulary (app.engines.labels); ``link_inactive`` is the plan's own."""
    own = report_text(lang)["status"]
    return own[code] if code in own else word("supplier_status", code, lang)


def class_text(code: str, lang: str) -> str:
    return report_text(lang)["classes"].get(code, code)


def local_name(obj, lang: str) -> str:
    first, second = (obj.name_zh, obj.name_en) if lang == "zh_CN" else (obj.name_en, obj.name_zh)
    return first or second or ""


def not_current_text(item: SourcingItem, lang: str) -> str:
    sep = "，" if lang == "zh_CN" else ", "
    return sep.join(f"{o.code} {status_text(o.reason, lang)}" for o in item.not_current)


def text_width(text: str) -> int:
    """Width of text in monospace cells: Chinese (wide) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}%"


def share_delta(s: SourcingSupplier) -> float | None:
    """Suggested minus recorded share (None when the item records no split)."""
    return None if s.current_share is None else round(s.suggested_share - s.current_share, 6)


def row_values(item: SourcingItem, s: SourcingSupplier | None, lang: str, *, typed: bool = False) -> list[object]:
    """Cells of one item–supplier row (``s`` None: the item has no current supplier).
    ``typed`` keeps shares and scores as numbers (Excel)."""
    t = report_text(lang)
    head: list[object] = [item.code, local_name(item, lang), class_text(item.importance_class, lang),
                          strategy_text(item.strategy, lang)]
    tail = [not_current_text(item, lang)]
    if s is None:
        return head + ["", "", "", "", None if typed else "", None if typed else "", None if typed else "",
                       None if typed else "", ""] + tail
    delta = share_delta(s)
    if typed:
        shares: list[object] = [s.current_share, s.suggested_share, delta]
        score: object = None if s.score is None else round(s.score, 2)
    else:
        shares = [percent(s.current_share), percent(s.suggested_share),
                  "" if delta is None else f"{delta * 100:+.1f}%"]
        score = "" if s.score is None else f"{s.score:.2f}"
    holds = ("；" if lang == "zh_CN" else "; ").join(word("hold", h, lang) for h in s.holds)
    return head + [s.code, local_name(s, lang), status_text(s.status, lang), s.grade or t["no_grade"], score] + shares \
        + [holds] + tail


def plan_rows(plan: SourcingPlan, lang: str, *, typed: bool = False) -> list[tuple[SourcingItem, SourcingSupplier | None, list[object]]]:
    out = []
    for item in plan.items:
        for s in item.suppliers or (None,):
            out.append((item, s, row_values(item, s, lang, typed=typed)))
    return out


def _weights(plan: SourcingPlan) -> str:
    return ", ".join(f"{g} {plan.share_weight.get(g, 0):g}" for g in "ABCD")


def _subtitle(plan: SourcingPlan, lang: str) -> list[str]:
    t = report_text(lang)
    links = sum(len(it.suppliers) for it in plan.items)
    return [
        f"{t['period']}: {plan.period}  ·  {t['scheme']}: {plan.scheme_name} v{plan.scheme_version}  ·  "
        f"{t['generated']}: {plan.run_at:%Y-%m-%d %H:%M} UTC",
        t["summary"].format(items=len(plan.items), links=links),
        t["rule"].format(weights=_weights(plan)),
        t["current_def"],
    ]


def write_sourcing_plan(plan: SourcingPlan, path: str | os.PathLike[str], lang: str = "zh_CN") -> Path:
    """Write by suffix: .xlsx, .csv or .pdf."""
    return write_by_suffix(path, {".xlsx": lambda p: _xlsx(plan, p, lang), ".csv": lambda p: _csv(plan, p, lang),
                                  ".pdf": lambda p: _pdf(plan, p, lang)})


def _csv(plan: SourcingPlan, path: Path, lang: str) -> None:
    write_csv(path, [h for _, h in columns(lang)], (values for _, _, values in plan_rows(plan, lang)))


def _xlsx(plan: SourcingPlan, path: Path, lang: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    t = report_text(lang)
    cols = columns(lang)
    keys = [k for k, _ in cols]
    wb = new_workbook()
    ws = wb.active
    ws.title = plan.period
    ws.cell(1, 1, f"{t['title']} {plan.period}").font = Font(size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    sub = _subtitle(plan, lang)
    ws.cell(2, 1, f"{sub[0]}    {sub[1]}")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(cols))
    ws.cell(3, 1, f"{sub[2]} {sub[3]}").font = Font(size=9, color="555555")
    ws.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(cols))
    header_row = 4
    thin = Side(style="thin", color="999999")
    for j, (_, head) in enumerate(cols, start=1):
        c = ws.cell(header_row, j, head)
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDE6F0")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    col = {k: keys.index(k) + 1 for k in keys}
    rows = plan_rows(plan, lang, typed=True)
    for i, (item, s, values) in enumerate(rows, start=1):
        r = header_row + i
        for j, value in enumerate(values, start=1):
            ws.cell(r, j, value)
        for key in SHARE_KEYS:
            ws.cell(r, col[key]).number_format = "+0.0%;-0.0%;0.0%" if key == "delta" else "0.0%"
        ws.cell(r, col["score"]).number_format = "0.00"
        ws.cell(r, col["strategy"]).fill = PatternFill("solid", fgColor=STRATEGY_FILL.get(item.strategy[0], "FFFFFF"))
        if s is not None and s.grade:
            ws.cell(r, col["grade"]).fill = PatternFill("solid", fgColor=GRADE_FILL[s.grade])
        ws.cell(r, col["grade"]).alignment = Alignment(horizontal="center")
    last = header_row + len(rows)
    ws.freeze_panes = ws.cell(header_row + 1, 3)  # header, item code and name stay in view
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(cols))}{max(last, header_row + 1)}"
    # Widths from the longest text (Chinese characters count double), within limits per column.
    minimum = {"grade": 7, "score": 8, "current": 10, "suggested": 10, "delta": 10}
    text_rows = [values for _, _, values in plan_rows(plan, lang)]
    for j, key in enumerate(keys, start=1):
        longest = max([text_width(str(r[j - 1] or "")) for r in text_rows] + [min(text_width(cols[j - 1][1]), 14)])
        ws.column_dimensions[get_column_letter(j)].width = max(minimum.get(key, 8), min(longest + 2, 60))
    ws.row_dimensions[header_row].height = 30
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.title = f"{t['title']} {plan.period}"
    wb.save(path)


def _pdf(plan: SourcingPlan, path: Path, lang: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from app.reports.pdf import build_pdf, cjk_font, escape, grid_table, report_styles, signature_block

    t = report_text(lang)
    font = cjk_font()
    styles = report_styles(font)
    story: list = [Paragraph(escape(f"{t['title']} {plan.period}"), styles.title)]
    for line in _subtitle(plan, lang):
        story.append(Paragraph(escape(line), styles.body))
    counts = plan.strategy_counts()
    if counts:
        sep = "；" if lang == "zh_CN" else "; "
        story.append(Paragraph(escape(sep.join(f"{t['strategy'].get(c, c)} {n}" for c, n in counts.items())),
                               styles.small))
    story.append(Spacer(1, 3 * mm))
    pc = t["pdf_columns"]
    head = [pc["code"], pc["name"], pc["status"], pc["grade"], pc["score"], pc["current"], pc["suggested"]]
    rows: list[list[object]] = [[Paragraph(escape(h), styles.cell_bold) for h in head]]
    extra: list[tuple] = []
    item_bg = colors.HexColor("#eef2f7")
    for item in plan.items:
        r = len(rows)
        title = f"{local_name(item, lang)}  ·  {class_text(item.importance_class, lang)}"
        rows.append([Paragraph(f"<b>{escape(item.code)}</b>", styles.cell), Paragraph(escape(title), styles.cell),
                     Paragraph(f"<b>{escape(strategy_text(item.strategy, lang))}</b>", styles.cell), "", "", "", ""])
        extra += [("SPAN", (2, r), (6, r)), ("BACKGROUND", (0, r), (-1, r), item_bg),
                  ("BACKGROUND", (2, r), (6, r), colors.HexColor("#" + STRATEGY_FILL.get(item.strategy[0], "FFFFFF")))]
        for s in item.suppliers:
            r = len(rows)
            rows.append([s.code, Paragraph(escape(local_name(s, lang)), styles.cell),
                         Paragraph(escape(status_text(s.status, lang)) + "".join(
                             f"<br/><font color='#c0392b'>{escape(word('hold', h, lang))}</font>" for h in s.holds),
                             styles.cell),
                         s.grade or Paragraph(escape(t["no_grade"]), styles.cell),
                         "" if s.score is None else f"{s.score:.2f}",
                         percent(s.current_share) or t["none"], percent(s.suggested_share)])
            if s.grade:
                extra.append(("BACKGROUND", (3, r), (3, r), colors.HexColor("#" + GRADE_FILL[s.grade])))
        if item.not_current:
            r = len(rows)
            rows.append([Paragraph(escape(t["not_current_line"].format(list=not_current_text(item, lang))),
                                   styles.small), "", "", "", "", "", ""])
            extra.append(("SPAN", (0, r), (6, r)))
    widths = [18 * mm, 50 * mm, 35 * mm, 17 * mm, 14 * mm, 19 * mm, 21 * mm]
    story.append(grid_table(rows, widths, zebra=False, font_size=8,
                            extra=extra + [("ALIGN", (3, 1), (-1, -1), "CENTER")]))
    story.append(Spacer(1, 8 * mm))
    story.append(signature_block(t["signatures"], styles, lang, sum(widths)))
    build_pdf(path, story, title=f"{t['title']} {plan.period}", lang=lang, font=font,
              header=f"{t['title']} — {plan.period} — {plan.scheme_name} v{plan.scheme_version}")
