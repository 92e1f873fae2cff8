"""Dialogs that keep what was typed (issue 10, point 14): every problem at once, the dialog stays
open with the fields concerned outlined; the audit's corrective-action page names findings in
the user's words and outlines the right cells; completing an audit says which SCARs it raised."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.models.suppliers import corrective
from app.models.suppliers import master as sup
from tests.views.suppliers.test_screens import complete_audit_pages, make_ctx


@pytest.fixture
def ctx(db, tmp_path, qapp):
    context = make_ctx(db, tmp_path)
    yield context
    context.tasks.wait(5000)


@pytest.fixture(autouse=True)
def boxes(monkeypatch):
    seen = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: seen.append((_n, a[2] if len(a) > 2 else "")))
    return seen


def test_duplicate_code_keeps_the_new_supplier_dialog_open(ctx, qtbot, monkeypatch):
    from app.views.suppliers import dialogs
    from app.views.suppliers.grid import SupplierGrid

    sup.create_supplier(ctx.database, {"code": "DUP1", "name_en": "First"})
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    seen = {}

    def fake_exec(dialog):
        dialog.code.setText("DUP1")
        dialog.name_en.setText("Second Co")
        dialog.category.setText("steel")
        dialog._accept()
        seen["open"] = dialog.result() != QDialog.DialogCode.Accepted
        seen["marked"] = dialog.marked_fields()
        seen["typed"] = (dialog.name_en.text(), dialog.category.text())
        seen["error"] = dialog.error.text()
        dialog.code.setText("DUP2")  # the user corrects the code and presses OK again
        dialog._accept()
        return dialog.result()

    monkeypatch.setattr(dialogs.SupplierDialog, "exec", fake_exec)
    grid.add_supplier()
    assert seen["open"] and seen["marked"] == {"code"}
    assert seen["typed"] == ("Second Co", "steel") and "already used" in seen["error"]
    assert sorted(grid.model.value(r, 0) for r in range(grid.model.rowCount())) == ["DUP1", "DUP2"]


def test_new_supplier_dialog_reports_every_field_at_once(qapp):
    from app.views.suppliers.dialogs import SupplierDialog

    dialog = SupplierDialog(sup.validate_field, submit=lambda v: pytest.fail("must not save"))
    dialog.code.setText("has space")
    dialog.category.setText("x" * 500)
    dialog._accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.marked_fields() == {"code", "name_zh", "category"}
    lines = dialog.error.text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("Code:") and any(line.startswith("Category:") for line in lines)
    dialog.deleteLater()


def test_contact_and_certificate_dialogs_keep_work_on_refusal(ctx, qapp):
    from app.views.suppliers.dialogs import CertificateDialog, ContactDialog

    sid = sup.create_supplier(ctx.database, {"code": "C1", "name_en": "C"})
    contact = ContactDialog(submit=lambda v: sup.add_contact(ctx.database, sid, v))
    contact.email.setText("not-an-address")
    contact._accept()
    assert contact.result() != QDialog.DialogCode.Accepted and contact.marked_fields() == {"name", "email"}
    contact.name.setText("Wang")
    contact.email.setText("wang@example.com")
    contact._accept()
    assert contact.result() == QDialog.DialogCode.Accepted and contact.created
    cert = CertificateDialog(submit=lambda v: sup.add_certificate(ctx.database, sid, v))
    cert.issued.setDate(cert.issued.date().currentDate())
    cert.expires.setDate(cert.issued.date().addDays(-10))
    cert._accept()
    assert cert.marked_fields() == {"standard", "expires_on"} and cert.result() != QDialog.DialogCode.Accepted
    for w in (contact, cert):
        w.deleteLater()


def test_audit_actions_page_reports_all_errors_in_user_words_on_the_right_cells(ctx, qtbot, boxes):
    from app.views.suppliers.audit_wizard import open_audit

    sid = sup.create_supplier(ctx.database, {"code": "A1", "name_zh": "甲公司", "name_en": "Alpha"})
    wizard = open_audit(ctx, sid, template_key="qms")
    qtbot.addWidget(wizard)
    wizard.show()
    first = wizard.flow.template.items[0].key
    complete_audit_pages(wizard, finding_key=first)
    while wizard.current_key() != "findings":
        before = wizard.current_key()
        wizard.next()
        assert wizard.current_key() != before, wizard.currentPage().messages.text()
    findings = wizard.flow_pages["findings"]
    findings.description.setText("Gauges not calibrated")
    findings.severity.setCurrentIndex(findings.severity.findData("minor"))
    findings.add_finding()
    wizard.next()
    wizard.next()
    assert wizard.current_key() == "actions"
    actions = wizard.flow_pages["actions"]
    assert len(actions.edits) == 2
    item_id = f"item:{first}"
    actions.set_action(item_id, title="Calibrate", owner="QA", due_date="")  # owner given, due date missing
    wizard.accept()
    assert wizard.result_row is None
    text = actions.messages.text()
    assert "extra:" not in text and "item:" not in text
    assert len(text.splitlines()) == 3  # due date of the first; owner and due date of the extra one
    assert "Finding outside the checklist 1 (Gauges not calibrated)" in text
    title, owner, due = actions.edits[item_id]
    assert due.styleSheet() and not owner.styleSheet() and not title.styleSheet()  # the outline is on the due date
    e_title, e_owner, e_due = actions.edits["extra:1"]
    assert e_owner.styleSheet() and e_due.styleSheet() and not e_title.styleSheet()
    later = (date.today() + timedelta(days=30)).isoformat()
    actions.set_action(item_id, title="Calibrate", owner="QA", due_date=later)
    actions.set_action("extra:1", title="", owner="Li", due_date=later)
    boxes.clear()
    wizard.accept()
    assert wizard.result_row is not None
    numbers = [car.number for car in corrective.list_corrective_actions(ctx.database, supplier_id=sid)]
    assert len(numbers) == 2 and sorted(wizard.raised_cars) == sorted(numbers)
    assert any(kind == "information" and all(n in text for n in numbers) for kind, text in boxes)
