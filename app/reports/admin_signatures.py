"""The signature manifest printed on signed documents (audit report, approval record): printed
name, date/time (UTC), meaning and whether the record still has the signed content, plus the
record's SHA-256 content hash (21 CFR Part 11 §11.50). Bilingual by a small dictionary."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from app.reports.pdf import ReportStyles, escape, grid_table

TEXT = {
    "zh_CN": {"heading": "电子签名", "name": "签名人", "when": "日期时间（UTC）", "meaning": "签名含义", "state": "状态",
              "hash": "记录内容哈希（SHA-256）：{hash}", "none": "本记录尚无电子签名。",
              "changed": "签名后记录已被更改：此签名不再覆盖当前内容。"},
    "en": {"heading": "Electronic signatures", "name": "Printed name", "when": "Date and time (UTC)",
           "meaning": "Meaning", "state": "State", "hash": "Record content hash (SHA-256): {hash}",
           "none": "This record has no electronic signature yet.",
           "changed": "The record was changed after signing: that signature no longer covers the current content."},
}


def signature_manifest(manifest, st: ReportStyles, lang: str, width: float) -> list:
    """Flowables for ``app.models.admin.signatures.Manifest`` (``None``: nothing to print)."""
    if manifest is None:
        return []
    T = TEXT.get(lang, TEXT["en"])
    parts: list = [Paragraph(escape(T["heading"]), st.heading)]
    if manifest.signatures:
        rows = [[Paragraph(escape(T[k]), st.cell_bold) for k in ("name", "when", "meaning", "state")]]
        for sig in manifest.signatures:
            colour = "#2e7d32" if sig.valid else "#c62828"
            rows.append([Paragraph(escape(f"{sig.full_name} ({sig.username})"), st.cell),
                         f"{sig.signed_at:%Y-%m-%d %H:%M:%S}", Paragraph(escape(sig.meaning_label(lang)), st.cell),
                         Paragraph(f"<font color='{colour}'>{escape(sig.state_label(lang))}</font>", st.cell)])
        parts.append(grid_table(rows, [width * 0.34, width * 0.24, width * 0.16, width * 0.26]))
        if not all(sig.valid for sig in manifest.signatures):
            parts.append(Paragraph(escape(T["changed"]), st.small))
    else:
        parts.append(Paragraph(escape(T["none"]), st.small))
    parts += [Spacer(1, 1.5 * mm), Paragraph(escape(T["hash"].format(hash=manifest.record_hash)), st.small)]
    return [Spacer(1, 4 * mm), KeepTogether(parts)]
