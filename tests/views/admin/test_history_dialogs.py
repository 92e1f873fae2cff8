"""Every record's history (issue 11): supplier contacts, certificates, surveys and audits open a
history dialog from their tables; the customer detail's History tab and its contacts use the same
HistoryView (who, what, old → new, "as of"), translated."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings

from app.models.suppliers import audits, surveys
from app.models.suppliers import master as sup
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner


def _ctx(database, tmp_path, lang="en"):
    settings = QSettings(str(tmp_path / f"h-{lang}.ini"), QSettings.Format.IniFormat)
    return AppContext(database=database, tasks=TaskRunner(), language=lang, settings=settings)


def _rows(view):
    t = view.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def _supplier_with_records(db):
    sid = sup.create_supplier(db, {"code": "HD1", "name_zh": "湖州永兴五金厂", "name_en": "Huzhou Yongxing"})
    kid = sup.add_contact(db, sid, {"name": "Wang", "role": "QA", "phone": "123"})
    sup.update_contact(db, kid, {"phone": "456"})
    cert = sup.add_certificate(db, sid, {"standard": "ISO 9001", "number": "C-1", "expires_on": date(2027, 1, 31)})
    sup.update_certificate(db, cert, {"number": "C-2"})
    survey_id = surveys.save_survey_draft(db, surveys.new_survey(db, sid))
    key = audits.list_templates(db)[0].key
    audit_id = audits.save_audit_draft(db, audits.new_audit(db, key, supplier_id=sid))
    return sid, kid, cert, survey_id, audit_id


def test_supplier_rows_open_their_history(db, tmp_path, qtbot):
    from app.views.admin.history import HistoryDialog
    from app.views.suppliers.detail import SupplierDetail

    sid, kid, cert, survey_id, audit_id = _supplier_with_records(db)
    detail = SupplierDetail(_ctx(db, tmp_path))
    qtbot.addWidget(detail)
    detail.set_supplier(sid)
    opened = {}
    for kind, table, rid in (("contact", detail.contacts, kid), ("certificate", detail.certificates, cert),
                             ("survey", detail.survey_list, survey_id), ("audit", detail.audit_list, audit_id)):
        table[2].selectRow(0)
        dialog = detail.show_history(kind)
        assert isinstance(dialog, HistoryDialog)
        qtbot.addWidget(dialog)
        assert dialog.history.record_id == rid
        opened[kind] = _rows(dialog.history)
        assert any(r[2] == "created" for r in opened[kind]), kind
    contact = opened["contact"]
    assert contact[0][2:6] == ["changed", "Phone", "123", "456"]
    assert opened["certificate"][0][2:6] == ["changed", "Number", "C-1", "C-2"]
    assert {"Standard", "Expires on"} <= {r[3] for r in opened["certificate"]}
    assert any(r[3] == "Status" and r[5] == "Draft" for r in opened["audit"])
    # the history button is on each of those tabs and stays enabled for a reader
    from PySide6.QtWidgets import QPushButton

    buttons = [b for b in detail.findChildren(QPushButton, "historyButton")]
    assert len(buttons) == 4 and all(b.isEnabled() for b in buttons)


def test_supplier_contact_history_in_chinese(db, tmp_path, qtbot):
    from app.views.core.translation import install_translators
    from app.views.suppliers.detail import SupplierDetail

    sid, *_ = _supplier_with_records(db)
    install_translators("zh_CN")
    try:
        detail = SupplierDetail(_ctx(db, tmp_path, "zh_CN"))
        qtbot.addWidget(detail)
        detail.set_supplier(sid)
        detail.certificates[2].selectRow(0)
        dialog = detail.show_history("certificate")
        qtbot.addWidget(dialog)
        rows = _rows(dialog.history)
        assert rows[0][2] == "修改" and rows[0][3] == "编号"
        assert "历史" in dialog.windowTitle()
        assert {"标准", "到期日"} <= {r[3] for r in rows}
    finally:
        install_translators("en")


def test_customer_history_tab_and_contact_history(db, tmp_path, qtbot):
    from app.models.customers import master
    from app.views.admin.history import HistoryView
    from app.views.core.translation import install_translators
    from app.views.customers.detail import CustomerDetail

    cid = master.create_customer(db, {"code": "HC1", "name_zh": "旅程汽车", "name_en": "Journey Motors"})
    master.update_customer(db, cid, {"lifecycle": "lost"})
    kid = master.add_contact(db, cid, {"name": "Tom Lee", "email": "tom@p.example.com"})
    master.update_contact(db, kid, {"email": "tom.lee@p.example.com", "role": "SQE"})
    detail = CustomerDetail(_ctx(db, tmp_path))
    qtbot.addWidget(detail)
    detail.set_customer(cid)
    assert isinstance(detail.history, HistoryView) and detail.history.record_id == cid
    rows = _rows(detail.history)
    assert rows[0][2:6] == ["Changed", "Lifecycle", "Current", "Lost"]
    assert any(r[2] == "Created" for r in rows)
    assert detail.history.show_as_of(date.today())["lifecycle"] == "lost"
    detail.contacts_view.selectRow(0)
    dialog = detail.show_history("contact")
    qtbot.addWidget(dialog)
    assert dialog.history.record_id == kid
    contact = _rows(dialog.history)
    text = " ".join(" ".join(r) for r in contact)
    assert "tom@p.example.com" not in text and "tom.lee" not in text  # personal values never in the trail
    assert any(r[2] == "Personal data changed" and r[5] == "e-mail" for r in contact)
    assert ["Role / title", "—", "SQE"] in [r[3:6] for r in contact]
    install_translators("zh_CN")
    try:
        zh = CustomerDetail(_ctx(db, tmp_path, "zh_CN"))
        qtbot.addWidget(zh)
        zh.set_customer(cid)
        first = _rows(zh.history)[0]
        from app.views.customers import common as c

        assert first[3] == zh.tr("Lifecycle") or first[3] != "Lifecycle"
        assert first[5] == c.label(c.LIFECYCLE, "lost") and first[5] != "Lost"
        assert first[2] != "Changed"
    finally:
        install_translators("en")
