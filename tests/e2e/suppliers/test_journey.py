"""A supplier's whole journey through the real widgets on a real database file:
create → survey wizard → audit wizard with findings → corrective action → approval flow →
qualified list → export written and read back."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.models.suppliers import corrective
from app.models.suppliers import master as sup
from app.models.core.database import open_database
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner


def test_supplier_journey(tmp_path, qtbot, monkeypatch):
    from app.views.suppliers.qualified_page import QualifiedPage
    from app.views.suppliers.page import SuppliersPage
    from app.views.suppliers import dialogs
    from app.views.suppliers.audit_wizard import ChecklistPage
    from app.views.suppliers.corrective import CarEditorDialog
    from app.views.suppliers.survey_wizard import SectionPage

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: (_ for _ in ()).throw(AssertionError(a[2])))
    monkeypatch.setattr("app.views.suppliers.survey_wizard.preview_pdf", lambda *a, **k: None)
    monkeypatch.setattr("app.views.suppliers.audit_wizard.preview_pdf", lambda *a, **k: None)
    db_file = tmp_path / "journey.sqlite3"
    db = open_database(db_file)
    from app.models.admin.identity import Actor

    db.actor = Actor.system_job("QE Li")  # every permission; signatures: tests/views/admin
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(database=db, tasks=TaskRunner(), language="zh_CN", settings=settings)
    try:
        page = SuppliersPage(ctx)
        qtbot.addWidget(page)
        page.show()

        # 1. create the supplier in the grid (Chinese text set directly: keyClicks aborts on non-ASCII)
        def fill(dialog):
            qtbot.keyClicks(dialog.code, "J100")
            dialog.name_zh.setText("苏州精工科技有限公司")
            qtbot.keyClicks(dialog.name_en, "Suzhou Jinggong Technology")
            dialog.importance.setCurrentIndex(0)
            dialog._accept()
            return dialog.result()

        monkeypatch.setattr(dialogs.SupplierDialog, "exec", fill)
        page.grid.add_button.click()
        sid = page.grid.current_supplier_id()
        assert sid is not None and page.detail.supplier_id == sid

        # 2. survey wizard, every section, submitted
        survey = page.open_survey(sid)
        qtbot.addWidget(survey)
        survey.flow_pages["intro"].respondent.setText("王经理")
        survey.flow_pages["intro"].respondent.textEdited.emit("王经理")
        for key, p in survey.flow_pages.items():
            if isinstance(p, SectionPage):
                for _ in range(2):
                    for q in survey.flow.visible_questions(p.section.key):
                        if q.key in survey.flow.answers:
                            continue
                        if q.type == "number":
                            lo = q.min_value if q.min_value is not None else 0
                            v = int(max(lo, min(2000, q.max_value if q.max_value is not None else 2000)))
                        else:
                            v = {"text": "有", "date": "2025-03-01", "boolean": True,
                                 "choice": q.options[-1].value if q.options else None, "rating": int(q.max)}[q.type]
                        p.set_answer(q.key, v)
        while survey.current_key() != "result":
            before = survey.current_key()
            survey.next()
            assert survey.current_key() != before, survey.currentPage().messages.text()
        survey.accept()
        assert survey.result_row.status == "submitted"
        assert page.detail.survey_list[0].rowCount() == 1

        # 3. audit wizard with a major finding → corrective action request
        wizard = page.open_audit(sid)
        qtbot.addWidget(wizard)
        plan = wizard.flow_pages["plan"]
        plan.auditors.setText("Wang, Li")
        plan.auditors.textEdited.emit("Wang, Li")
        plan.scope.setPlainText("注塑车间")
        items = wizard.flow.template.items
        for p in list(wizard.flow_pages.values()):
            if isinstance(p, ChecklistPage):
                for it in p.items:
                    if it.key == items[1].key:
                        p.set_item(it.key, 1, evidence="抽查3份", severity="major", finding="培训记录不全")
                    else:
                        p.set_item(it.key, it.rule.max, evidence="ok")
        while wizard.current_key() != "actions":
            before = wizard.current_key()
            wizard.next()
            assert wizard.current_key() != before, wizard.currentPage().messages.text()
        fid = next(iter(wizard.flow_pages["actions"].edits))
        due = (date.today() + timedelta(days=30)).isoformat()
        wizard.flow_pages["actions"].set_action(fid, title="补全培训记录", owner="供应商质量经理", due_date=due)
        wizard.accept()
        assert wizard.result_row.result == "conditional"

        # 4. the corrective action: 8D, answered, verified, closed
        page.detail.refresh()
        assert page.detail.cars[0].rowCount() == 1
        car_id = int(page.detail.cars[0].row(0)["id"])
        editor = page.open_car(car_id)
        qtbot.addWidget(editor)
        assert isinstance(editor, CarEditorDialog)
        editor.editors["D4"].setPlainText("新员工未纳入培训计划")
        editor.editors["D5"].setPlainText("修订培训程序")
        editor.answer_button.click()
        assert editor.verify("抽查10人记录齐全")
        editor.close_button.click()
        assert corrective.get_corrective_action(db, car_id).status == "closed"
        editor.reject()

        # 5. approval flow, six steps in order (a skipped step is refused on the way)
        qualified = QualifiedPage(ctx)
        qtbot.addWidget(qualified)
        view = qualified.approval
        view.select_supplier(sid)
        assert view.start()
        view.step.setCurrentIndex(view.step.findData("approval"))
        assert not view.record() and view.message.text()
        for step, result in (("survey_received", "pass"), ("initial_review", "pass"), ("price_verification", "pass"),
                             ("sample_inspection", "pass"), ("onsite_audit", "conditional"), ("approval", "pass")):
            view.step.setCurrentIndex(view.step.findData(step))
            view.result.setCurrentIndex(view.result.findData(result))
            assert view.record(), view.message.text()
        assert sup.get_supplier(db, sid).status == "conditional"  # a conditional audit gives a conditional approval
        page.grid.refresh()
        assert page.grid.model.value(page.grid.model.row_of(sid), 6) == "conditional"

        # 6. on the qualified list, soon to expire (conditional approvals last six months), exported and read back
        listing = qualified.qualified
        listing.refresh()
        frame = listing.frame
        assert list(frame["supplier_code"]) == ["J100"]
        out = tmp_path / "合格供方名录.xlsx"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
        listing.export_button.click()
        back = pd.read_excel(out)
        assert back.shape[0] == 1 and back.astype(str).apply(lambda col: col.str.contains("J100")).any().any()
        assert back.astype(str).apply(lambda col: col.str.contains("苏州精工")).any().any()
    finally:
        ctx.tasks.wait(5000)
        db.dispose()
    assert db_file.stat().st_size > 0
