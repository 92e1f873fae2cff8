"""The quality agreement as a printed contract (PDF: Chinese, English, or both side by side) and
as a workbook, and the version diff as a printable PDF.

A4 through ``app.reports.pdf`` (embedded TrueType CJK font, page x of y); clauses numbered by
area; signature blocks for both parties; every page's footer carries the agreement number, the
version and the SHA-256 of its content (the hash the electronic signature covers).
"""

from __future__ import annotations

import os
from datetime import date

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table, TableStyle

from app.engines import agreements as eng
from app.models.admin import signatures
from app.models.agreements import service as svc
from app.models.core.database import Database
from app.reports import pdf
from app.reports.pdf import escape
from app.reports.tabular import write_xlsx

TEXT = {
    "zh_CN": {
        "title": "质量保证协议", "number": "协议编号", "version": "版本", "state": "状态", "supplier": "供方",
        "purchaser": "采购方", "purchaser_name": "采购方（本公司）", "scope": "适用范围", "all_parts": "供方供应的全部物料",
        "effective": "生效日期", "expires": "有效期至", "review": "评审日期", "none": "—",
        "party": "责任方", "documents": "引用文件", "sampling": "抽样方案", "target": "目标",
        "skip": "允许跳批", "liability": "违约责任",
        "signatures": "签署", "name": "姓名", "title_": "职务", "date": "日期", "signature": "签字（盖章）",
        "esign": "电子签名", "footer": "{number} 第 {version} 版 · 内容 SHA-256 {hash}", "draft": "（未签署草稿）",
        "diff_title": "质量协议版本对比", "old": "旧版本", "new": "新版本", "kind": "变化",
        "kinds": {"added": "新增", "removed": "删除", "changed": "修改", "unchanged": "未变", "renumbered": "重新编号"},
        "changed_fields": "修改内容", "summary": "新增 {added} 条，删除 {removed} 条，修改 {changed} 条，未变 {unchanged} 条",
        "area_moved": "第 {old} 部分“{area}”移为第 {new} 部分",
        "fields": {"area": "所属部分", "text_zh": "中文条文", "text_en": "英文条文", "party": "责任方", "documents": "引用文件",
                   "aql": "AQL", "level": "检验水平", "target": "目标"},
    },
    "en": {
        "title": "Quality Assurance Agreement", "number": "Agreement no.", "version": "Version", "state": "State",
        "supplier": "Supplier", "purchaser": "Purchaser", "purchaser_name": "Purchaser (our company)",
        "scope": "Scope", "all_parts": "all items the supplier delivers", "effective": "Effective from",
        "expires": "Expires on", "review": "Review on", "none": "—",
        "party": "Responsible", "documents": "Referenced documents", "sampling": "Sampling", "target": "Target",
        "skip": "skip-lot allowed", "liability": "Liability",
        "signatures": "Signatures", "name": "Name", "title_": "Title", "date": "Date", "signature": "Signature (seal)",
        "esign": "Electronic signature", "footer": "{number} version {version} · content SHA-256 {hash}",
        "draft": " (unsigned draft)",
        "diff_title": "Quality agreement: comparison of versions", "old": "Old version", "new": "New version",
        "kind": "Change", "kinds": {"added": "added", "removed": "removed", "changed": "changed", "unchanged": "unchanged",
                                     "renumbered": "renumbered"},
        "changed_fields": "Changed", "summary": "{added} added, {removed} removed, {changed} changed, {unchanged} unchanged",
        "area_moved": "section {old} “{area}” is now section {new}",
        "fields": {"area": "area", "text_zh": "Chinese text", "text_en": "English text", "party": "responsible party",
                   "documents": "documents", "aql": "AQL", "level": "level", "target": "target"},
    },
}
MODES = ("zh_CN", "en", "bilingual")


def _t(lang: str) -> dict:
    return TEXT["zh_CN" if lang == "zh_CN" else "en"]


def _canvas(font: str, lang: str, header: str, footer: str):
    base = pdf._numbered_canvas(font, lang, header)

    class FooterCanvas(base):  # the page label of pdf.py plus the version and hash line
        def _draw_frame(self, total: int) -> None:
            super()._draw_frame(total)
            self.setFont(font, 6.5)
            self.setFillColor(colors.HexColor("#666666"))
            self.drawCentredString(A4[0] / 2, 5 * mm, footer)

    return FooterCanvas


def _build(path, story, *, title: str, lang: str, header: str, footer: str) -> pdf.CJKFont:
    font = pdf.cjk_font()
    doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=16 * mm, rightMargin=16 * mm, topMargin=18 * mm,
                          bottomMargin=16 * mm, title=title, author="QualityBridge", creator="QualityBridge")
    doc.addPageTemplates([PageTemplate(id="page", frames=[Frame(doc.leftMargin, doc.bottomMargin, doc.width,
                                                                doc.height, id="body")])])
    doc.build(list(story), canvasmaker=_canvas(font.name, lang, header, footer))
    return font


def _d(value: date | None, t: dict) -> str:
    return value.isoformat() if value else t["none"]


def _meta(c: svc.Clause, lang: str) -> str:
    t = _t(lang)
    parts = [f"{t['party']}: {eng.party_label(c.party, lang)}"]
    if c.documents:
        parts.append(f"{t['documents']}: {c.documents}")
    if c.aql or c.level:
        parts.append(f"{t['sampling']}: AQL {c.aql}" + (f" / {c.level}" if c.level else "")
                     + (f" ({t['skip']})" if c.skip_lot_allowed else ""))
    if c.is_target:
        tg = c.target()
        parts.append(f"{t['target']}: {tg.text(lang)}")
        if tg.rule.kind != "none":
            zh, en = eng.LIABILITY_LABELS[tg.rule.kind]
            parts.append(f"{t['liability']}: {zh if lang == 'zh_CN' else en} {tg.rule.amount:g}"
                         + (f"; re-audit ≥ {tg.rule.escalate_after}" if lang != "zh_CN" and tg.rule.escalate_after else "")
                         + (f"；累计 {tg.rule.escalate_after} 次再审核" if lang == "zh_CN" and tg.rule.escalate_after else ""))
    return " · ".join(parts) if lang != "zh_CN" else "；".join(parts)


#: characters a line must not start with (Chinese line-breaking rule 避头点)
NO_LINE_START = set("，。、；：？！）】》」』”’,.;:?!)%")


def wrap_cjk(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of Chinese text that fit ``width`` points, broken between any two characters except
    before closing punctuation — the rule reportlab's ``wordWrap="CJK"`` follows, done once per
    paragraph with cached character widths (reportlab's own measures every split repeatedly)."""
    widths = _char_widths(font, size)
    out: list[str] = []
    for raw in text.split("\n"):
        line, w = [], 0.0
        for ch in raw:
            cw = widths.get(ch)
            if cw is None:
                cw = widths[ch] = pdfmetrics.stringWidth(ch, font, size)
            if line and w + cw > width and ch not in NO_LINE_START:
                out.append("".join(line))
                line, w = [], 0.0
            line.append(ch)
            w += cw
        out.append("".join(line))
    return out


_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _char_widths(font: str, size: float) -> dict[str, float]:
    return _WIDTHS.setdefault((font, size), {})


def _cell_text(text: str, meta: str, *, cjk: tuple[str, float] | None = None) -> str:
    """A clause's text and, in small grey type below it, its party, documents, sampling and target.
    ``cjk`` = (font, width): Chinese text is broken into lines here (the paragraph then wraps
    nothing)."""
    if cjk is None:
        body, small = escape(text).replace("\n", "<br/>"), escape(meta)
    else:
        font, width = cjk
        body = "<br/>".join(escape(x) for x in wrap_cjk(text, font, 8.5, width))
        small = "<br/>".join(escape(x) for x in wrap_cjk(meta, font, 7, width))
    return body + f"<br/><font size=7 color='#555555'>{small}</font>"


def write_contract_pdf(db: Database, version_id: int, path: str | os.PathLike[str], *, mode: str = "bilingual") -> pdf.CJKFont:
    """The contract of one version: ``mode`` = ``zh_CN``, ``en`` or ``bilingual`` (side by side)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    lang = "zh_CN" if mode in ("zh_CN", "bilingual") else "en"
    v = svc.get_version(db, version_id)
    a = svc.get_agreement(db, v.agreement_id)
    clauses = svc.version_clauses(db, version_id)
    digest = svc.content_digest(db, version_id)
    st = pdf.report_styles()
    cell = st.cell
    # English wraps at spaces: reportlab's CJK wrapping measures every character and costs ~5× more
    cell_en = ParagraphStyle("qb-cell-en", parent=st.cell, wordWrap=None)
    small = st.small
    zh, en = TEXT["zh_CN"], TEXT["en"]

    def both(key: str) -> str:
        if mode == "bilingual":
            return f"{zh[key]} / {en[key]}"
        return _t(mode)[key]

    t = _t(lang)
    title = both("title")
    story: list = [Paragraph(escape(title), st.title)]
    if mode == "bilingual":
        title_line = f"{a.title_zh} / {a.title_en}"
    else:
        title_line = a.title_zh if mode == "zh_CN" else a.title_en
    if title_line.strip(" /") and title_line.strip(" /") != title:
        story.append(Paragraph(escape(title_line), st.heading))
    sup_name = {"zh_CN": a.supplier_name_zh, "en": a.supplier_name_en or a.supplier_name_zh,
                "bilingual": f"{a.supplier_name_zh} / {a.supplier_name_en}"}[mode]
    parts = svc.supplier_parts(db, a.part_ids)
    scope = "; ".join(f"{code} {pz if lang == 'zh_CN' else (pe or pz)}" for code, pz, pe in parts) or both("all_parts")
    if a.part_family:
        scope = f"{a.part_family}: {scope}"
    state = svc.state_label(v.display_state, "zh_CN") + " / " + svc.state_label(v.display_state, "en") \
        if mode == "bilingual" else svc.state_label(v.display_state, mode)
    info = [[both("number"), a.number, both("version"), f"{v.version} ({state})"],
            [both("supplier"), f"{sup_name} ({a.supplier_code})", both("purchaser"), both("purchaser_name")],
            [both("scope"), scope, both("effective"), _d(v.effective_from, t)],
            [both("review"), _d(v.review_on, t), both("expires"), _d(v.expires_on, t)]]
    width = A4[0] - 32 * mm
    story.append(pdf.grid_table([[Paragraph(escape(x), cell) for x in row] for row in info],
                                [width * 0.21, width * 0.33, width * 0.21, width * 0.25], header_rows=0, zebra=False,
                                extra=[("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef1f5")),
                                       ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eef1f5"))]))
    story.append(Spacer(1, 4 * mm))
    by_area: dict[int, list[svc.Clause]] = {}
    for c in clauses:
        by_area.setdefault(c.area, []).append(c)
    order = svc.version_area_order(db, version_id)
    for section, area in enumerate(order, start=1):  # areas in the version's order, numbered by place
        items = by_area.get(area, [])
        if not items:
            continue
        head = f"{section}  {eng.area_label(area, 'zh_CN')}  {eng.area_label(area, 'en')}" if mode == "bilingual" \
            else f"{section}  {eng.area_label(area, mode)}"
        rows = []
        text_w = ((width - 11 * mm) / 2 if mode == "bilingual" else width - 11 * mm) - 12 - 1  # less the cell padding
        for c in items:
            if mode == "bilingual":
                rows.append([c.number, Paragraph(_cell_text(c.text_zh, _meta(c, "zh_CN"), cjk=(st.font, text_w)), cell_en),
                             Paragraph(_cell_text(c.text_en, _meta(c, "en")), cell_en)])
            else:
                text = c.text_zh if mode == "zh_CN" else (c.text_en or c.text_zh)
                rows.append([c.number, Paragraph(_cell_text(text, _meta(c, mode), cjk=(st.font, text_w)
                                                            if mode == "zh_CN" else None), cell_en)])
        widths = [11 * mm, (width - 11 * mm) / 2, (width - 11 * mm) / 2] if mode == "bilingual" else [11 * mm, width - 11 * mm]
        table = Table(rows, colWidths=widths, repeatRows=0)
        table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), st.font),
                                   ("FONTSIZE", (0, 0), (0, -1), 8.5),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
                                   ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        story.append(KeepTogether([Paragraph(escape(head), st.heading), table]) if len(rows) <= 3 else
                     Paragraph(escape(head), st.heading))
        if len(rows) > 3:
            story.append(table)
    # signature blocks for both parties
    story.append(Spacer(1, 6 * mm))
    sig_rows = [["", both("purchaser"), both("supplier")],
                [both("name"), v.purchaser.name, v.supplier.name],
                [both("title_"), v.purchaser.title, v.supplier.title],
                [both("date"), _d(v.purchaser.signed_on, t) if v.purchaser.signed_on else "",
                 _d(v.supplier.signed_on, t) if v.supplier.signed_on else ""],
                [both("signature"), "", ""]]
    sig = Table([[Paragraph(escape(x), cell) for x in row] for row in sig_rows],
                colWidths=[width * 0.22, width * 0.39, width * 0.39], rowHeights=[7 * mm, 7 * mm, 7 * mm, 7 * mm, 16 * mm])
    sig.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                             ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    block = [Paragraph(escape(both("signatures")), st.heading), sig]
    for s in signatures.signature_states(db, "agreement_versions", version_id):
        block.append(Paragraph(escape(f"{both('esign')}: {s.full_name} ({s.username}) · {s.meaning_label(lang)} · "
                                      f"{s.signed_at:%Y-%m-%d %H:%M} UTC · {s.state_label(lang)} · {s.content_hash[:16]}…"), small))
    story.append(KeepTogether(block))
    footer = t["footer"].format(number=a.number, version=v.version, hash=digest) + ("" if v.state == "signed" else t["draft"])
    return _build(path, story, title=f"{a.number} v{v.version}", lang=lang, header=f"{title} · {a.number}", footer=footer)


def write_contract_xlsx(db: Database, version_id: int, path: str | os.PathLike[str]) -> None:
    v = svc.get_version(db, version_id)
    a = svc.get_agreement(db, v.agreement_id)
    rows = [[a.number, v.version, c.number, c.area, eng.area_label(c.area, "zh_CN"), eng.area_label(c.area, "en"),
             c.text_zh, c.text_en, c.party, c.documents, c.aql, c.level, "yes" if c.skip_lot_allowed else "",
             c.indicator or "", c.comparator, c.threshold, c.period if c.indicator else "", c.rule_kind if c.indicator else "",
             c.rule_amount if c.indicator else "", c.escalate_after if c.indicator else ""]
            for c in svc.version_clauses(db, version_id)]
    header = ["agreement", "version", "number", "area", "area_zh", "area_en", "text_zh", "text_en", "party", "documents",
              "aql", "level", "skip_lot_allowed", "indicator", "comparator", "threshold", "period", "rule_kind",
              "rule_amount", "escalate_after"]
    write_xlsx(path, header, rows, title=f"{a.number} v{v.version}",
               widths=(16, 7, 7, 5, 16, 24, 60, 60, 10, 24, 6, 6, 8, 16, 6, 8, 8, 10, 10, 8))


def write_diff_pdf(db: Database, old_version_id: int, new_version_id: int, path: str | os.PathLike[str], *,
                   lang: str = "zh_CN") -> pdf.CJKFont:
    """The clause-by-clause comparison, old and new side by side, changed rows marked."""
    t = _t(lang)
    old, new = svc.get_version(db, old_version_id), svc.get_version(db, new_version_id)
    rows = svc.diff(db, old_version_id, new_version_id, lang)
    counts = eng.diff_counts(rows)
    st = pdf.report_styles()
    text_field = "text_zh" if lang == "zh_CN" else "text_en"
    width = A4[0] - 32 * mm

    def text_of(c: eng.ClauseText | None) -> str:
        if c is None:
            return ""
        s = escape(getattr(c, text_field) or c.text_zh).replace("\n", "<br/>")
        extra = [c.documents, f"AQL {c.aql} {c.level}".strip() if c.aql else "", c.target]
        extra = [escape(x) for x in extra if x]
        return s + (f"<br/><font size=7 color='#555555'>{' · '.join(extra)}</font>" if extra else "")

    data = [[Paragraph(t["kind"], st.cell_bold), Paragraph(f"{t['old']} v{old.version}", st.cell_bold), "",
             Paragraph(f"{t['new']} v{new.version}", st.cell_bold), ""]]
    style = []
    colours = {"added": "#e3f4e3", "removed": "#fbe3e3", "changed": "#fff3d6", "renumbered": "#e8f0fb"}
    for i, r in enumerate(rows, start=1):
        shown = "renumbered" if (r.kind == "unchanged" and r.old and r.new and r.old.number != r.new.number) else r.kind
        kind = t["kinds"][shown]
        if r.fields:
            kind += "<br/><font size=7>" + ", ".join(t["fields"][f] for f in r.fields) + "</font>"
        data.append([Paragraph(kind, st.cell), Paragraph(r.old.number if r.old else "", st.cell),
                     Paragraph(text_of(r.old), st.cell), Paragraph(r.new.number if r.new else "", st.cell),
                     Paragraph(text_of(r.new), st.cell)])
        if shown in colours:
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor(colours[shown])))
    table = pdf.grid_table(data, [width * 0.13, width * 0.06, width * 0.375, width * 0.06, width * 0.375], zebra=False,
                           extra=[("VALIGN", (0, 0), (-1, -1), "TOP"), *style])
    story = [Paragraph(escape(t["diff_title"]), st.title),
             Paragraph(escape(f"{old.agreement_number}: v{old.version} → v{new.version} · " + t["summary"].format(**counts)),
                       st.body)]
    moves = svc.area_moves(db, old_version_id, new_version_id)
    if moves:
        story.append(Paragraph(escape("; ".join(t["area_moved"].format(area=eng.area_label(area, lang), old=o, new=n)
                                                for area, o, n in moves)), st.body))
    story += [Spacer(1, 3 * mm), table]
    return pdf.build_pdf(path, story, title=t["diff_title"], lang=lang, header=f"{t['diff_title']} · {old.agreement_number}")

