"""Qualified supplier list (合格供方名录) exports: xlsx, csv with a UTF-8 BOM (opens in Excel on
Chinese Windows), and an A4 PDF with the expiring entries marked."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pandas as pd
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from app.engines.labels import local_name
from app.reports.tabular import new_workbook, write_csv
from app.reports.pdf import CJKFont, build_pdf, cjk_font, escape, grid_table, report_styles

TEXT = {
    "zh_CN": {
        "title": "合格供方名录", "as_of": "截至 {d}，共 {n} 条；黄色 = 即将到期或需再评价，红色 = 已过期。",
        "columns": ["供应商代码", "供应商名称", "重要性", "物料/类别", "批准日期", "有效期至", "再评价日期", "条件", "状态"],
        "pdf_columns": ["代码", "供应商名称", "重要性", "物料/类别", "批准日期", "有效期至", "再评价", "条件", "状态"],
        "conditional": "有条件", "states": {"valid": "有效", "expiring": "将到期", "expired": "已过期"},
        "sheet": "合格供方名录",
    },
    "en": {
        "title": "Qualified supplier list", "as_of": "As of {d}, {n} entries; yellow = expires or is due for "
                                                    "re-evaluation soon, red = expired.",
        "columns": ["Supplier code", "Supplier name", "Class", "Item / category", "Approved", "Valid until",
                    "Re-evaluate", "Condition", "State"],
        "pdf_columns": ["Code", "Supplier name", "Class", "Item / category", "Approved", "Valid until",
                        "Re-evaluate", "Cond.", "State"],
        "conditional": "conditional", "states": {"valid": "valid", "expiring": "expiring", "expired": "expired"},
        "sheet": "Qualified suppliers",
    },
}
STATE_COLOURS = {"expiring": "#fff4c2", "expired": "#ffd6d6"}


def _rows(df: pd.DataFrame, lang: str) -> list[list[object]]:
    T = TEXT.get(lang, TEXT["en"])
    out = []
    for r in df.itertuples(index=False):
        name = local_name(r.supplier_name_zh, r.supplier_name_en, lang)
        part_name = local_name(r.part_name_zh, r.part_name_en, lang)
        item = f"{r.part_code} {part_name}".strip() if r.part_code else r.category
        out.append([r.supplier_code, name, r.importance_class, item, r.approved_on, r.valid_until, r.reevaluate_on,
                    T["conditional"] if r.conditional else "", T["states"].get(r.state, r.state)])
    return out


def export_qualified(df: pd.DataFrame, path: str | os.PathLike[str], *, lang: str = "zh_CN",
                     as_of: date | None = None, font: CJKFont | None = None) -> CJKFont | None:
    """Write ``suppliers.approval.qualified_list(...)`` by the file's suffix; returns the PDF font
    (check ``.warning``) or None for spreadsheets."""
    path = Path(path)
    T = TEXT.get(lang, TEXT["en"])
    rows = _rows(df, lang)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        write_csv(path, T["columns"], ([v.isoformat() if isinstance(v, date) else v for v in row] for row in rows))
        return None
    if suffix == ".xlsx":
        from openpyxl.styles import Font, PatternFill

        wb = new_workbook()
        ws = wb.active
        ws.title = T["sheet"]
        ws.append(T["columns"])
        for c in ws[1]:
            c.font = Font(bold=True)
        for row, state in zip(rows, df["state"] if len(df) else []):
            ws.append(row)
            if state in STATE_COLOURS:
                fill = PatternFill("solid", fgColor=STATE_COLOURS[state].lstrip("#"))
                for c in ws[ws.max_row]:
                    c.fill = fill
        for r in range(2, ws.max_row + 1):
            for col in (5, 6, 7):
                ws.cell(r, col).number_format = "yyyy-mm-dd"
        for col, width in zip("ABCDEFGHI", (12, 36, 8, 30, 12, 12, 12, 10, 10)):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        wb.save(path)
        return None
    if suffix == ".pdf":
        font = font or cjk_font()
        st = report_styles(font)
        from reportlab.lib.pagesizes import A4

        width = A4[0] - 36 * mm
        from reportlab.lib.styles import ParagraphStyle

        small = ParagraphStyle("qb-ql", parent=st.cell, fontSize=7, leading=8.8)
        cw = [0.075, 0.22, 0.055, 0.18, 0.105, 0.105, 0.105, 0.075, 0.08]
        data = [[Paragraph(escape(h), small) for h in T["pdf_columns"]]]
        extra = []
        for i, (row, state) in enumerate(zip(rows, df["state"] if len(df) else []), 1):
            data.append([Paragraph(escape(v.isoformat() if isinstance(v, date) else v), small) for v in row])
            if state in STATE_COLOURS:
                extra.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(STATE_COLOURS[state])))
        story = [Paragraph(escape(T["title"]), st.title),
                 Paragraph(escape(T["as_of"].format(d=(as_of or date.today()).isoformat(), n=len(rows))), st.small),
                 Spacer(1, 3 * mm), grid_table(data, [width * c for c in cw], zebra=False, extra=extra)]
        return build_pdf(path, story, title=T["title"], lang=lang, font=font)
    raise ValueError(f"cannot export to '{suffix}' (use .xlsx, .csv or .pdf)")
