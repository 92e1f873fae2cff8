"""Shared PDF machinery: an embedded CJK font and an A4 document with page numbers.

Chinese text must show on any viewer, so reportlab has to *embed* a TrueType-outline CJK font.
OpenType/CFF collections (Noto CJK ``.ttc``) do not load in reportlab, so we look for TrueType
ones (Microsoft YaHei / SimHei / SimSun on Windows, STHeiti / Arial Unicode on macOS,
WenQuanYi / AR PL on Linux). Only when none is found do we fall back to the non-embedded Adobe
CID font ``STSong-Light`` and report a warning the caller must show.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle

FONT_ENV = "QUALITYBRIDGE_CJK_FONT"

#: Chinese line breaking (GB/T 15834 标点符号用法 / 避头尾): these never start a line. ReportLab's
#: CJK wrapping knows the Japanese set only, so "，" "？" "；" started lines; a character from this
#: set now stays at the end of the line before (hanging punctuation).
CANNOT_START_LINE_ZH = "，。、；：？！）》」』】〕〉”’…—～·％"


def _chinese_line_breaking() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(ch for ch in CANNOT_START_LINE_ZH if ch not in textsplit.ALL_CANNOT_START)
    if extra:
        textsplit.ALL_CANNOT_START += extra
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START


_chinese_line_breaking()

# (path, subfont index) in order of preference; Simplified Chinese designs first.
CANDIDATE_FONTS: list[tuple[str, int]] = [
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttf", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/System/Library/Fonts/STHeiti Medium.ttc", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
]
FALLBACK_CID = "STSong-Light"


@dataclass(frozen=True)
class CJKFont:
    name: str  # reportlab font name to use in styles
    path: str | None  # the TrueType file embedded, or None for the CID fallback
    embedded: bool
    warning: str | None


def _try_register(path: str, index: int) -> str | None:
    if not Path(path).is_file():
        return None
    name = f"QB-CJK-{Path(path).stem}"
    try:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except (TTFError, OSError, ValueError):
        return None  # e.g. CFF outlines, which reportlab cannot embed
    return name


@lru_cache(maxsize=8)
def cjk_font(override: str | None = None) -> CJKFont:
    """The font to write Chinese with: an override path (settings), ``$QUALITYBRIDGE_CJK_FONT``,
    then the system candidates; otherwise the CID fallback with a warning."""
    candidates: list[tuple[str, int]] = []
    for explicit in (override, os.environ.get(FONT_ENV)):
        if explicit:
            candidates.append((explicit, 0))
    candidates += CANDIDATE_FONTS
    for path, index in candidates:
        name = _try_register(path, index)
        if name:
            return CJKFont(name=name, path=path, embedded=True, warning=None)
    if FALLBACK_CID not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
    return CJKFont(
        name=FALLBACK_CID,
        path=None,
        embedded=False,
        warning=(
            "No TrueType Chinese font was found, so Chinese text in this PDF uses the viewer's "
            "STSong-Light font and may not display everywhere. Install fonts-wqy-microhei (Linux) "
            "or set a font file in Settings."
        ),
    )


@dataclass(frozen=True)
class ReportStyles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    font: str


def report_styles(font: CJKFont | None = None) -> ReportStyles:
    font = font or cjk_font()
    base = dict(fontName=font.name, wordWrap="CJK")
    return ReportStyles(
        title=ParagraphStyle("qb-title", fontSize=16, leading=21, alignment=TA_CENTER, spaceAfter=4 * mm, **base),
        heading=ParagraphStyle("qb-heading", fontSize=11.5, leading=15, spaceBefore=3 * mm, spaceAfter=2 * mm, **base),
        body=ParagraphStyle("qb-body", fontSize=9.5, leading=13, **base),
        small=ParagraphStyle("qb-small", fontSize=8, leading=10, textColor=colors.HexColor("#555555"), **base),
        cell=ParagraphStyle("qb-cell", fontSize=8.5, leading=11, **base),
        cell_bold=ParagraphStyle("qb-cell-bold", fontSize=8.5, leading=11, textColor=colors.HexColor("#1f2d3d"), **base),
        font=font.name,
    )


PAGE_LABEL = {"zh_CN": "第 {page} 页 / 共 {pages} 页", "en": "Page {page} of {pages}"}


def _numbered_canvas(font_name: str, lang: str, header: str, watermark: str | None = None) -> type[rl_canvas.Canvas]:
    """A canvas that knows the page count when it writes each footer (two-pass save)."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_frame(total)
                super().showPage()
            super().save()

        def _draw_frame(self, total: int) -> None:
            width, height = self._pagesize
            self.setFont(font_name, 8)
            self.setFillColor(colors.HexColor("#666666"))
            self.drawString(18 * mm, height - 11 * mm, header)
            self.drawRightString(width - 18 * mm, height - 11 * mm, "QualityBridge")
            self.setStrokeColor(colors.HexColor("#bbbbbb"))
            self.line(18 * mm, height - 12.5 * mm, width - 18 * mm, height - 12.5 * mm)
            label = PAGE_LABEL.get(lang, PAGE_LABEL["en"]).format(page=self._pageNumber, pages=total)
            self.drawCentredString(width / 2, 9 * mm, label)
            if watermark:  # e.g. "草稿 / DRAFT": diagonal, light, behind nothing the reader needs
                self.saveState()
                self.setFont(font_name, 54)
                self.setFillColor(colors.Color(0.75, 0.2, 0.15, alpha=0.16))
                self.translate(width / 2, height / 2)
                self.rotate(40)
                self.drawCentredString(0, 0, watermark)
                self.restoreState()

    return NumberedCanvas


def build_pdf(path: str | os.PathLike[str], story: Sequence[Flowable], *, title: str, lang: str,
              header: str | None = None, font: CJKFont | None = None, author: str = "QualityBridge",
              landscape: bool = False, watermark: str | None = None) -> CJKFont:
    """Write *story* to an A4 PDF (portrait, or ``landscape`` for wide lists) with a running
    header and "page x of y" footers."""
    font = font or cjk_font()
    doc = BaseDocTemplate(str(path), pagesize=(A4[1], A4[0]) if landscape else A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                          bottomMargin=16 * mm, title=title, author=author, creator="QualityBridge")
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=_numbered_canvas(font.name, lang, header or title, watermark))
    return font


def grid_table(rows: Sequence[Sequence[object]], col_widths: Sequence[float], *, header_rows: int = 1,
               zebra: bool = True, extra: Sequence[tuple] = (), font_size: float = 8.5) -> Table:
    """A table whose header rows repeat on every page (``repeatRows``)."""
    table = Table(list(rows), colWidths=list(col_widths), repeatRows=header_rows)
    style: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), cjk_font().name),
        ("FONTSIZE", (0, 0), (-1, -1), font_size),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#8a8a8a")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor("#dde6f0")),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if zebra:
        for r in range(header_rows, len(rows)):
            if (r - header_rows) % 2 == 1:
                style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f5f7fa")))
    style.extend(extra)
    table.setStyle(TableStyle(style))
    return table


SIGNATURE_LABELS = {
    "zh_CN": {"signature": "签字", "date": "日期"},
    "en": {"signature": "Signature", "date": "Date"},
}


def signature_block(roles: Sequence[str], styles: ReportStyles, lang: str, width: float) -> Table:
    """Boxes for hand signatures: one row per role with signature and date lines."""
    labels = SIGNATURE_LABELS.get(lang, SIGNATURE_LABELS["en"])
    rows = [[Paragraph(role, styles.cell), Paragraph(labels["signature"], styles.small), "",
             Paragraph(labels["date"], styles.small), ""] for role in roles]
    table = Table(rows, colWidths=[width * 0.28, width * 0.1, width * 0.32, width * 0.08, width * 0.22],
                  rowHeights=[13 * mm] * len(rows))
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("LINEBELOW", (2, 0), (2, -1), 0.6, colors.black),
        ("LINEBELOW", (4, 0), (4, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]))
    return table


def paragraphs(texts: Sequence[str], style: ParagraphStyle, gap: float = 1.5 * mm) -> list[Flowable]:
    out: list[Flowable] = []
    for text in texts:
        out.append(Paragraph(text, style))
        out.append(Spacer(1, gap))
    return out


def escape(text: object) -> str:
    """Paragraph text is mini-HTML: escape user input."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


