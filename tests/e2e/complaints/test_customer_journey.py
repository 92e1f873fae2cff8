"""The customer quality engineer's journey through the real widgets on a real (demo) database
file: new customer (customer page, "Add") → contact with a group (contact dialog) → complaint
(intake dialog, a part supplied by a supplier) → containment (D3) → trace to the supplier → SCAR
raised from the complaint (on the supplier's corrective-action list, linked both ways) → SCAR
verified (its 8D editor) → reply letter PDF in the contact's language → closed with the
customer's rating → the customer-complaint indicator in that supplier's evaluation of the period."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from sqlalchemy import func, select

from app.models.complaints import service as svc
from app.models.suppliers import corrective
from app.models.suppliers.tables import Part, Supplier, SupplierPart
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner


@pytest.fixture
def ctx(demo_db, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(database=demo_db, tasks=TaskRunner(), language="en", settings=settings)
    yield context
    context.tasks.cancel_all()
    context.tasks.wait(10000)


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    seen = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, _n=name, **k: seen.append((_n, a[2] if len(a) > 2 else "")))
    return seen


def _filled_exec(fill):
    """A dialog's ``exec`` that fills the real widgets, presses OK (the dialog's own accept slot,
    which saves through the service) and returns the dialog's result, as a modal run would."""
    def run(dialog):
        fill(dialog)
        dialog._accept()
        return dialog.result()
    return run


def _part_with_two_suppliers(db) -> tuple[int, str, list[tuple[int, str]]]:
    with db.read() as s:
        pid = s.scalar(select(SupplierPart.part_id).group_by(SupplierPart.part_id)
                       .having(func.count(SupplierPart.supplier_id) >= 2).order_by(SupplierPart.part_id).limit(1))
        code = s.scalar(select(Part.code).where(Part.id == pid))
        sups = s.execute(select(Supplier.id, Supplier.code).join(SupplierPart, SupplierPart.supplier_id == Supplier.id)
                         .where(SupplierPart.part_id == pid).order_by(Supplier.code)).all()
    return pid, code, [tuple(r) for r in sups]


def _customer_complaint_count(db, supplier_code: str, period: str) -> int:
    from app.models.evaluation.service import evaluate_period, trace_details

    evaluate_period(db, period)
    ind = trace_details(db, supplier_code, period)["indicators"].get("customer_complaints")
    return 0 if ind is None else int(ind["counts"]["customer_complaints"] or 0)


def test_customer_journey_to_the_supplier_evaluation(ctx, qtbot, monkeypatch, tmp_path, no_modal_boxes):
    from app.views.complaints.intake import IntakeDialog
    from app.views.complaints.page import ComplaintsPage
    from app.views.customers.dialogs import ContactDialog, CustomerDialog
    from app.views.customers.page import CustomersPage
    from app.views.suppliers.corrective import CarListWidget

    from app.models.customers import master

    db = ctx.database
    # ---- 1. new customer through the customer page's "Add…" button -----------------------------
    customers = CustomersPage(ctx)
    qtbot.addWidget(customers)

    def fill_customer(d: CustomerDialog):
        qtbot.keyClicks(d.code, "JNY-E2E")
        d.name_zh.setText("旅程精密机械")
        qtbot.keyClicks(d.name_en, "Journey Precision")
        d.lifecycle.setCurrentIndex(d.lifecycle.findData("current"))
        assert d.owner.count() > 1  # the demo's customer quality engineers
        d.owner.setCurrentIndex(1)
        owner.append(d.owner.currentData())

    owner: list = []

    monkeypatch.setattr(CustomerDialog, "exec", _filled_exec(fill_customer))
    customers.grid.add_button.click()
    with db.read() as s:
        from app.models.customers.tables import Customer

        cust_id = s.scalar(select(Customer.id).where(Customer.code == "JNY-E2E"))
    assert cust_id is not None and master.get_customer(db, cust_id).row.owner_user_id == owner[0]
    assert customers.grid.current_customer_id() == cust_id and customers.detail.customer_id == cust_id

    # ---- 2. a contact in the "quality" group, who reads Chinese ---------------------------------
    def fill_contact(d: ContactDialog):
        d.name.setText("陈静")
        d.role.setText("供应商质量经理")
        qtbot.keyClicks(d.email, "chen.jing@journey.example.cn")
        d.language.setCurrentIndex(d.language.findData("zh_CN"))
        d.group_boxes["quality"].setChecked(True)

    monkeypatch.setattr(ContactDialog, "exec", _filled_exec(fill_contact))
    customers.detail.add_contact_button.click()
    assert customers.detail.contacts_model.rowCount() == 1
    assert "Quality" in customers.detail.contacts_model.index(0, 6).data()
    contact = master.list_contacts(db, cust_id)[0]
    assert contact.name == "陈静" and contact.preferred_language == "zh_CN" and "quality" in contact.groups

    # ---- 3. the complaint through the intake dialog ----------------------------------------------
    part_id, part_code, suppliers = _part_with_two_suppliers(db)
    chosen_id, chosen_code = suppliers[-1]
    page = ComplaintsPage(ctx)
    qtbot.addWidget(page)
    dialog = page.list.new_complaint()
    assert isinstance(dialog, IntakeDialog)
    dialog.customer.setCurrentIndex(dialog.customer.findData(cust_id))
    assert dialog.contact.currentData() == contact.id  # the only contact is proposed
    dialog.part.setCurrentIndex(dialog.part.findData(part_id))
    assert dialog.part.currentData() == part_id
    received = datetime.now().replace(second=0, microsecond=0) - timedelta(hours=1)
    dialog.set_received(received)
    dialog.severity.setCurrentIndex(dialog.severity.findData("major"))
    qtbot.keyClicks(dialog.lot, "L-E2E-01")
    dialog.qty.setValue(40)
    dialog.title.setText("孔位偏移")
    dialog.description.setPlainText("40 件孔位偏移 0.5 mm，无法装配")
    qtbot.keyClicks(dialog.defect, "hole position")
    assert dialog.create(), dialog.message.text()
    cid = dialog.complaint_id
    number = svc.get_complaint(db, cid).number
    assert page.list.current_id() == cid and page.detail.complaint_id == cid
    detail = page.detail

    # ---- 4. D1–D3: containment recorded within 24 h ----------------------------------------------
    for text in ("CQE 陈 + production + SQE", "Hole 0.5 mm off position on 40 pcs", "Stock and transit sorted, 0 found"):
        assert detail.next_label.text().startswith("Next step: D"), detail.next_label.text()
        detail.step_text.setPlainText(text)
        assert detail.record_step(), detail.message.text()
    assert detail.detail.containment_late is False

    # ---- 5. trace to the supplier (the user picks it from the part's suppliers) ------------------
    before = _customer_complaint_count(db, chosen_code, received.strftime("%Y-%m"))
    picked = []

    def get_item(_parent, _title, _label, items, *a, **k):
        picked.append(list(items))
        return next(i for i in items if i.startswith(chosen_code + " ")), True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    assert not detail.trace_button.isHidden()
    detail.trace_button.click()
    assert svc.get_complaint(db, cid).supplier_code == chosen_code, detail.message.text()
    assert len(picked[0]) == len(suppliers)

    # ---- 6. SCAR raised from the complaint, linked both ways --------------------------------------
    assert detail.scar_button.isEnabled() and not detail.scar_button.isHidden()
    # the supplier traced to is proposed when the SCAR is raised: the user just presses OK
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda _p, _t, _l, items, current=0, *a, **k: (picked.append(list(items)) or items[current], True))
    detail.scar_button.click()
    d = svc.get_complaint(db, cid)
    assert d.scar is not None, detail.message.text()
    car_id = d.scar.id
    assert d.supplier_code == chosen_code
    car = corrective.get_corrective_action(db, car_id)
    assert car.supplier_code == chosen_code and car.source == "complaint" and number in car.description
    assert car.eight_d.get("D2") == "Hole 0.5 mm off position on 40 pcs"
    assert [r.id for r in corrective.list_corrective_actions(db, supplier_id=chosen_id)].count(car_id) == 1
    cars = CarListWidget(ctx)
    qtbot.addWidget(cars)
    cars.filter.setText(car.number)
    assert cars.proxy.rowCount() == 1
    assert cars.proxy.index(0, 1).data() == chosen_code
    assert car.number in detail.scar_label.text()

    # ---- 7. the supplier answers, the SQE verifies (the SCAR's 8D editor) ----------------------
    scar_dialog = detail.open_scar()
    qtbot.addWidget(scar_dialog)
    for key, text in (("D3", "Supplier stock sorted"), ("D4", "Worn locating pin"), ("D5", "Pin replaced"),
                      ("D6", "First 3 lots measured"), ("D7", "Pin in PM plan"), ("D8", "Team thanked")):
        scar_dialog.editors[key].setPlainText(text)
    assert scar_dialog.save_8d()
    assert scar_dialog.verify(note="Three lots OK")
    scar_dialog.reject()
    assert corrective.get_corrective_action(db, car_id).status == "verified"
    detail.refresh()
    assert "verified" in detail.scar_label.text().lower()

    # ---- 8. D4–D8 and telling the customer; the reply letter in Chinese --------------------------
    for step in ("D4", "D5", "D6", "D7", "D8"):
        assert detail.record_step(f"{step} done"), detail.message.text()
    assert detail.record_step("已更换定位销，补发 40 件合格品"), detail.message.text()  # inform
    letter = detail.letter(tmp_path / "reply.pdf")
    assert letter is not None and letter.stat().st_size > 5000
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(letter), "-"], capture_output=True, text=True).stdout
        assert number in text and "顾客投诉答复函" in text and "陈静" in text and "Reply to your" not in text
        fonts = subprocess.run(["pdffonts", str(letter)], capture_output=True, text=True).stdout
        assert any(line.split()[-5:-4] == ["yes"] for line in fonts.splitlines()[2:])  # an embedded font

    # ---- 9. closed with the customer's rating ----------------------------------------------------
    detail.rating.setValue(5)
    assert detail.record_step("处理及时"), detail.message.text()
    assert not detail.close_button.isHidden()
    assert detail.close_complaint(), detail.message.text()
    d = svc.get_complaint(db, cid)
    assert d.state == "closed" and d.rating == 5

    # ---- 10. the supplier's evaluation of the period counts it -----------------------------------
    period = received.strftime("%Y-%m")
    assert _customer_complaint_count(db, chosen_code, period) == before + 1
    from app.views.evaluation.page import EvaluationPage

    ev = EvaluationPage(ctx)
    qtbot.addWidget(ev)
    ev.set_period(period)
    assert ev.grades.select_code(chosen_code)
    frame = ev.trace.model.frame
    row = frame[frame["key"] == "customer_complaints"]
    assert len(row) == 1 and int(row.iloc[0]["numerator"]) == before + 1
    shown = [ev.trace.proxy.index(r, 0).data() for r in range(ev.trace.proxy.rowCount())]
    assert "Customer complaints" in shown
    assert not [m for m in no_modal_boxes if m[0] == "critical"]
