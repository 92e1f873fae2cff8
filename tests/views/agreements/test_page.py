"""The agreements page on the demo database: list, edit and save a draft through the grid, the
signed version read-only, submit and sign, diff dialog, targets grid with SCAR from a breach."""

from __future__ import annotations

import tempfile

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog

from app.models.admin import signatures
from app.models.agreements import service as svc
from app.models.core.settings import AppSetting
from app.views.agreements import page as page_mod
from app.views.agreements.grid import COL_EN
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner


@pytest.fixture
def ctx(demo_db, qapp):
    with demo_db.begin() as s:  # the system job cannot type a password: no e-signature list here
        s.merge(AppSetting(key=signatures.REQUIRED_KEY, value="[]"))
    settings = QSettings(tempfile.mkdtemp() + "/layout.ini", QSettings.Format.IniFormat)
    return AppContext(database=demo_db, tasks=TaskRunner(qapp), language="en", settings=settings)


def _select(tab, number):
    for r in range(tab.proxy.rowCount()):
        src = tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()
        if tab.list_model.frame.iloc[src]["number"] == number:
            tab.list.selectRow(r)
            return
    raise AssertionError(number)


def test_edit_save_submit_sign_through_the_page(qtbot, ctx, monkeypatch, qtmodeltester):
    page = page_mod.AgreementsPage(ctx)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.targets.report is not None, timeout=20000)
    tab = page.agreements
    assert tab.list_model.rowCount() == len(svc.list_agreements(ctx.database))
    draft = next(a for a in svc.list_agreements(ctx.database) if a.latest.state == "draft")
    _select(tab, draft.number)
    tab.select_agreement(draft.latest.id)
    assert tab.version.state == "draft" and not tab.editor.model.read_only
    m = tab.editor.model
    assert m.setData(m.index(1, COL_EN), "Edited in the grid.\nSecond line.")
    tab.save()
    assert svc.version_clauses(ctx.database, draft.latest.id)[0].text_en == "Edited in the grid.\nSecond line."
    tab.submit()
    assert svc.get_version(ctx.database, draft.latest.id).state == "review"
    assert tab.editor.model.read_only  # under review: read-only
    monkeypatch.setattr(page_mod.SignDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(page_mod.SignDialog, "values", lambda self: dict(
        purchaser=svc.Signatory("王芳", "质量经理"), supplier=svc.Signatory("陈建国", "总经理"),
        effective_from=svc.date.today(), expires_on=None, signature=None))
    tab.sign()
    v = svc.get_version(ctx.database, draft.latest.id)
    assert v.state == "signed" and v.display_state == "in_force" and len(v.content_sha256) == 64
    assert tab.editor.model.read_only and not tab.buttons["save"].isEnabled()
    d = page_mod.DiffDialog(ctx, svc.get_agreement(ctx.database, draft.id))
    qtbot.addWidget(d)
    qtmodeltester.check(d.model, force_py=True)
    assert any(r.kind == "changed" for r in d.model.rows)


def test_targets_grid_and_scar(qtbot, ctx, qtmodeltester):
    tab = page_mod.TargetsTab(ctx)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.report is not None, timeout=20000)  # computed in the background
    m = tab.model
    qtmodeltester.check(m, force_py=True)
    assert m.rowCount() > 0 and m.columnCount() > 3
    breach = next((r, col) for r in range(m.rowCount()) for col in range(2, m.columnCount())
                  if (cell := m.cell(r, col)) and cell["status"] == "breach")
    tab.table.setCurrentIndex(m.index(*breach))
    assert tab.scar_button.isEnabled()
    from app.models.suppliers import corrective

    before = len(corrective.list_corrective_actions(ctx.database))
    import app.views.suppliers.common as common
    shown = []
    common.info_box, old = (lambda *a: shown.append(a)), common.info_box
    try:
        tab.raise_scar()
    finally:
        common.info_box = old
    assert len(corrective.list_corrective_actions(ctx.database)) == before + 1 and shown


def test_supplier_tab_answers_which_version_was_in_force(qtbot, ctx):
    from PySide6.QtCore import QDate

    from app.views.agreements.supplier_tab import SupplierAgreementsTab, reminder_text

    two = next(a for a in svc.list_agreements(ctx.database) if len(a.versions) == 2 and a.versions[1].state == "signed")
    tab = SupplierAgreementsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_supplier(two.supplier_id)
    assert tab.model.rowCount() >= 2
    v1, v2 = two.versions
    tab.day.setDate(QDate(v2.effective_from))
    assert f"{two.number} v2" in tab.answer.text()
    tab.day.setDate(QDate(v2.effective_from).addDays(-1))
    assert f"{two.number} v1" in tab.answer.text()
    tab.day.setDate(QDate(v1.effective_from).addDays(-1))
    assert tab.answer.text() == "no agreement in force on that day"
    assert "(" in reminder_text(ctx.database)  # the demo's agreement expiring within 60 days


def test_target_dialog_validates(qtbot):
    from app.models.agreements.templates import default_clauses
    from app.views.agreements.grid import TargetDialog

    target = next(c for c in default_clauses() if c.indicator == "ppm")
    d = TargetDialog(target, "en")
    qtbot.addWidget(d)
    d.threshold.setValue(300)
    d.rule.setCurrentIndex(d.rule.findData("fixed"))
    d.amount.setValue(1500)
    out = d.result_clause()
    assert (out.indicator, out.threshold, out.rule_kind, out.rule_amount) == ("ppm", 300.0, "fixed", 1500.0)
    d.indicator.setCurrentIndex(d.indicator.findData("lot_pass_rate"))
    d.rule.setCurrentIndex(d.rule.findData("per_ppm"))
    d._accept()
    assert "PPM" in d.error.text() and d.result() != QDialog.DialogCode.Accepted


def test_grade_rule_control_saves_the_setting(qtbot, ctx):
    from app.models.agreements import grade_rule

    tab = page_mod.TargetsTab(ctx)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.report is not None, timeout=20000)
    assert tab.rule_spin.value() == 0 and tab.rule_spin.text() == "off"  # default off
    tab.rule_spin.setValue(2)
    tab.rule_button.click()
    assert grade_rule.breach_rule(ctx.database) == 2 and "2" in tab.summary.text()
    tab.rule_spin.setValue(0)
    tab.rule_button.click()
    assert grade_rule.breach_rule(ctx.database) is None


def test_target_dialog_offers_customer_complaints(qtbot):
    from app.models.agreements.templates import default_clauses
    from app.views.agreements.grid import TargetDialog

    target = next(c for c in default_clauses() if c.indicator == "ppm")
    for lang, text in (("en", "Customer complaints traced to the supplier"), ("zh_CN", "追溯到供应商的顾客投诉")):
        d = TargetDialog(target, lang)
        qtbot.addWidget(d)
        i = d.indicator.findData("customer_complaints")
        assert i > 0 and d.indicator.itemText(i) == text
        d.indicator.setCurrentIndex(i)
        d.comparator.setCurrentText("<=")
        d.threshold.setValue(1)
        d.rule.setCurrentIndex(d.rule.findData("fixed"))
        out = d.result_clause()
        assert (out.indicator, out.comparator, out.threshold) == ("customer_complaints", "<=", 1.0)


def test_targets_run_reports_progress(qtbot, ctx):
    tab = page_mod.TargetsTab(ctx)
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.report is not None, timeout=20000)
    tab._progress(0.5, "2026-03")
    assert tab.summary.text() == "Computing… 50 % 2026-03"
    shown = []
    tab._progress = lambda f, m: shown.append((f, m))  # the runner's on_progress is bound at compute time
    tab.report = None
    tab.compute()
    qtbot.waitUntil(lambda: tab.report is not None, timeout=20000)
    assert shown and shown[-1][0] == 1.0 and any(m for _, m in shown)
