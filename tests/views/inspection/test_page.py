"""The inspector's page on a real database file: plans at once, the results grid, the decision
with its reason, the SCAR, the disposition (concession signed) and the switching announcement."""

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from app.models.admin import identity, signatures, users
from app.models.inspection import service
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from app.views.inspection.disposition import DispositionDialog
from app.views.inspection.models import LotListModel, MeasurementModel, PlanModel
from app.views.inspection.page import InspectionPage
from tests.support.inspection import seed_pair


@pytest.fixture
def ctx(db, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(database=db, tasks=TaskRunner(), language="en", settings=settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait(10000)


@pytest.fixture
def pair(db):
    return seed_pair(db)


def test_item_models(qtmodeltester, db, pair):
    plan = service.plan_for(db, *pair, 500)
    m = PlanModel()
    m.set_plan(plan)
    qtmodeltester.check(m)
    g = MeasurementModel()
    g.set_plan(plan)
    g.setData(g.index(0, 0), "10.5")
    g.setData(g.index(1, 3), "ng")
    qtmodeltester.check(g)
    assert g.values[1][3] == "NG" and g.nonconforming_units() == {"major": 1, "minor": 1}
    service.record_lot(db, service.LotInput(*pair, "X1", 500, defects={"major": 3}))
    lots = LotListModel(db, "all")
    lots.reload()
    qtmodeltester.check(lots)
    assert lots.rowCount() == 1 and lots.data(lots.index(0, 7)) == "Rejected"


def test_inspector_journey(ctx, db, pair, qtbot):
    sid, pid = pair
    # One earlier rejection: the next rejection within 5 lots switches to tightened (9.3.1).
    service.record_lot(db, service.LotInput(sid, pid, "OLD-1", 500, defects={"major": 2}, inspected_on=date.today()))
    page = InspectionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    r = page.receive
    r.select_pair(sid, pid)
    qtbot.keyClicks(r.po, "PO-77")
    qtbot.keyClicks(r.lot_number, "L-2")
    r.lot_size.setFocus()
    r.lot_size.selectAll()
    qtbot.keyClicks(r.lot_size, "500")
    assert r.lot_size.value() == 500, r.lot_size.text()
    # The plan appears at once: level II, 500 → H, n 50; major 1.0 → 1/2, minor 4.0 → 5/6.
    assert r.plan_model.rowCount() == 2, (r.setting_label.text(), r.pair.currentIndex(), r.pair.count())
    assert [r.plan_model.data(r.plan_model.index(0, c)) for c in (0, 3, 4, 5, 6)] == ["Major", "H", "50", "1", "2"]
    g = r.grid_model
    assert g.rowCount() == 2 and g.columnCount() == 50
    # Type the grid from the keyboard: diameters, two out of tolerance; appearance all OK (Ctrl+K).
    r.grid.setFocus()
    r.grid.setCurrentIndex(g.index(0, 0))
    for k in range(50):
        text = "10.25" if k in (3, 9) else "10.00"
        qtbot.keyClicks(r.grid, text[0])  # the first key opens the cell's editor, which takes the rest
        editor = [w for w in r.grid.viewport().findChildren(QLineEdit) if w.isVisible()][-1]
        qtbot.keyClicks(editor, text[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
        r.grid.setCurrentIndex(g.index(0, min(k + 1, 49)))
    assert g.values[0][3] == "10.25" and g.missing() == 50
    r.grid.setCurrentIndex(g.index(1, 0))
    qtbot.keyClick(r, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert g.missing() == 0
    assert "Major: 2 / Ac 1 Re 2 → reject" in r.decision.text()
    qtbot.keyClick(r, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    text = r.decision.text()
    assert "REJECTED" in text and "2 ≥ Re 2" in text and "SCAR" in text
    assert r.announcement.isVisible() and "tightened" in r.announcement.text().lower()
    assert service.get_setting(db, sid, pid).severity == "tightened"
    lot = service.list_lots(db, "awaiting")[0]
    assert lot.lot_number == "OLD-1" or lot.lot_number == "L-2"

    # Disposition: return 450, sort 50 by the supplier at the supplier's cost.
    def fill():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, DispositionDialog)
        dialog.qty["return"].setValue(450)
        dialog.qty["sort"].setValue(50)
        dialog.by["sort"].setCurrentIndex(1)
        dialog.cost["sort"].setCurrentIndex(1)
        dialog.submit()
    QTimer.singleShot(0, fill)
    assert r.dispose_button.isEnabled()
    qtbot.mouseClick(r.dispose_button, Qt.MouseButton.LeftButton)
    detail = service.lot_detail(db, r.outcome.lot_id)
    assert [(d[0], d[1], d[2], d[3]) for d in detail.dispositions] == [("return", 450, "", ""),
                                                                       ("sort", 50, "supplier", "supplier")]
    assert not r.dispose_button.isEnabled()
    # the lists: today's lots, then the history with the switching change
    page.tabs.setCurrentIndex(1)
    assert page.lists.model.rowCount() == 2
    page.show_history(sid, pid)
    assert page.history.changes.rowCount() == 1
    assert "tightened" in page.history.changes.item(0, 2).text().lower()
    page.history.grab()  # the charts paint


def test_concession_asks_for_signature(ctx, db, pair, qtbot, monkeypatch):
    sid, pid = pair
    out = service.record_lot(db, service.LotInput(sid, pid, "C-1", 200, defects={"major": 5}))
    users.create_user(db, "zhou.qm", "Zhou Min", "Quality2026", ["quality_manager"])
    identity.sign_in(db, "zhou.qm", "Quality2026")
    asked = []
    from app.views.admin import signature as signature_view

    def fake_exec(self):  # the reusable dialog: the QM types the password and signs
        asked.append(self.action)
        self.password.setText("Quality2026")
        self.sign()
        return QDialog.DialogCode.Accepted if self.request is not None else QDialog.DialogCode.Rejected
    monkeypatch.setattr(signature_view.SignatureDialog, "exec", fake_exec)
    lot = service.lot_detail(db, out.lot_id).lot
    dialog = DispositionDialog(ctx, lot)
    qtbot.addWidget(dialog)
    dialog.qty["return"].setValue(150)
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.qty["concession"].setValue(50)
    dialog.notes["concession"].setText("cosmetic, deviation D-7")
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled() and not dialog.hint.isHidden()
    dialog.submit()
    assert asked == ["inspection.concession"]
    sigs = signatures.signature_states(db, "inspection_lots", out.lot_id)
    assert [(s.action, s.meaning, s.valid) for s in sigs] == [("inspection.concession", "approved", True)]
    assert [r.lot_number for r in service.list_lots(db, "concession")] == ["C-1"]


def test_setting_dialog_and_reduced_approval(ctx, db, pair, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from app.views.inspection.history import PairHistoryPanel
    from app.views.inspection.settings import SettingsDialog

    sid, pid = pair
    panel = PairHistoryPanel(ctx)
    qtbot.addWidget(panel)
    panel.select_pair(sid, pid)
    assert panel.settings_button.isEnabled() and not panel.resume_button.isEnabled()
    dialog = SettingsDialog(ctx, panel.history.setting)
    qtbot.addWidget(dialog)
    assert dialog.items.rowCount() == 3
    dialog.aql["major"].setCurrentText("0.65")
    dialog.items.item(0, 5).setText("9.95")
    dialog._add_blank()
    dialog.items.item(3, 0).setText("Length")
    dialog.items.cellWidget(3, 2).setCurrentIndex(0)  # variable without limits: refused, named
    warned = []
    monkeypatch.setattr("app.views.inspection.settings.QMessageBox.warning", lambda *a: warned.append(a[2]))
    dialog.submit()
    assert warned and "limit" in warned[0]
    dialog.items.item(3, 6).setText("120.5")
    dialog.submit()
    st = service.get_setting(db, sid, pid)
    assert st.aqls["major"] == 0.65 and st.items[0].lower_limit == 9.95 and st.items[3].upper_limit == 120.5
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("stable for 8 months", True))
    panel.reload()
    panel._approve()
    assert service.get_setting(db, sid, pid).reduced_approved
    assert panel.approve_button.text().startswith("Withdraw")


def test_setting_dialog_shows_the_agreement_clause_and_the_difference(ctx, db, pair, qtbot):
    from dataclasses import replace as _replace

    from PySide6.QtWidgets import QLabel

    from app.models.agreements import service as agr
    from app.views.inspection.settings import SettingsDialog

    sid, pid = pair
    signatures.set_required_actions(db, set())
    aid, vid = agr.create_agreement(db, sid, part_ids=[pid])
    agr.save_clauses(db, vid, [_replace(c, aql="0.65") if c.number == "3.1" else c
                               for c in agr.version_clauses(db, vid)])
    agr.submit_for_review(db, vid)
    agr.sign_version(db, vid, purchaser=agr.Signatory("王芳"), supplier=agr.Signatory("陈建国"),
                     effective_from=date(2026, 1, 1))
    dialog = SettingsDialog(ctx, service.get_setting(db, sid, pid))
    qtbot.addWidget(dialog)
    clause = dialog.findChild(QLabel, "agreement_clause")
    assert "Clause 3.1" in clause.text() and "AQL 0.65" in clause.text() and "this part" in clause.text()
    assert "GB/T 2828.1" in clause.toolTip()
    note = dialog.findChild(QLabel, "clause_differences")
    assert note is not None and "AQL major: setting 1, agreement clause 0.65" in note.text()
