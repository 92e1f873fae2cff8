"""Issue 10 §11: severity and result names come from one vocabulary (app.engines.labels): the
audit wizard, the printed audit report with its rule text, and the CLI use identical words in
both languages."""

from __future__ import annotations

import subprocess

import pytest

from app.engines.audit import SEVERITIES
from app.engines.labels import VOCABULARY, audit_rule_text, word, words
from app.models.suppliers import audits
from app.reports.audit_pdf import TEXT, write_audit_report
from tests.models.suppliers.test_services import complete_audit, make


def test_each_chinese_word_names_one_level():
    for kind in ("severity", "audit_result", "occasion"):
        for i in (0, 1):
            names = [pair[i] for pair in VOCABULARY[kind].values()]
            assert len(set(names)) == len(names), kind
    # the screen's "严重" must never print as another level: no label is contained in another
    zh = list(words("severity", "zh_CN").values())
    assert not any(a != b and a in b for a in zh for b in zh)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_wizard_report_and_cli_use_the_same_words(db, qapp, qtbot, tmp_path, lang):
    from app.cli import main
    from app.views.core.translation import install_translators
    from app.views.suppliers import common as c
    from app.views.suppliers.audit_wizard import _severity_box
    from tests.views.suppliers.test_screens import make_ctx

    install_translators(lang)
    try:
        # screen: the wizard's severity choices and the result labels
        box = _severity_box(with_none=False)
        assert [box.itemText(i) for i in range(box.count())] == [word("severity", s, lang) for s in SEVERITIES]
        assert c.label(c.AUDIT_RESULT, "conditional") == word("audit_result", "conditional", lang)
        assert c.label(c.RESULT, "conditional") == word("audit_result", "conditional", lang)  # approval step
        assert c.label(c.OCCASION, "periodic") == word("occasion", "periodic", lang)
        assert c.label(c.CAR_STATUS, "open") == word("car_status", "open", lang) == TEXT[lang]["statuses"]["open"]
        assert c.label(c.STATUS, "suspended") == word("supplier_status", "suspended", lang)

        sid = make(db)
        audit_id, flow = complete_audit(db, sid)  # one major finding, one observation → conditional
        audits.complete_audit(db, audit_id, audits.load_audit(db, audit_id))
        from app.views.suppliers.audit_wizard import AuditWizard  # the wizard's result page text
        ctx = make_ctx(db, tmp_path, lang)
        wizard = AuditWizard(ctx, audits.load_audit(db, audit_id, lang=lang), audit_id=audit_id)
        qtbot.addWidget(wizard)
        wizard.flow_pages["result"].load()
        assert word("audit_result", "conditional", lang) in wizard.flow_pages["result"].summary.text()
    finally:
        install_translators("en")

    # paper: the report's tables are the vocabulary; the rule text uses the same level names
    t = TEXT[lang]
    assert t["severities"] == words("severity", lang) and t["results"] == words("audit_result", lang)
    rule = audit_rule_text(lang, 85, 70)
    assert word("severity", "major", lang).lower() in rule.lower() and word("severity", "critical", lang).lower() in rule.lower()
    pdf = tmp_path / "a.pdf"
    write_audit_report(audits.audit_report(db, audit_id), pdf, lang=lang)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    for w in (word("severity", "major", lang), word("severity", "observation", lang),
              word("audit_result", "conditional", lang)):
        assert w.split()[0] in text

    # CLI: the line after printing names the result and findings in the same words
    out = subprocess.run(
        [".venv/bin/python", "-m", "app", "print-audit", "--db", str(db.path), "--audit", str(audit_id),
         "--out", str(tmp_path / "b.pdf"), "--lang", lang], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    line = out.stdout.strip().splitlines()[-1]
    assert word("audit_result", "conditional", lang) in line
    assert f"1 {word('severity', 'major', lang)}" in line and f"1 {word('severity', 'observation', lang)}" in line
