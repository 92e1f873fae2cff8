"""Issue 10, point 15 (the supplier screens' part): the count follows the filters, the survey
wizard says which page of how many, "new survey/audit" asks about an existing draft and a draft
can be discarded (with confirmation, through a service with its permission)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app.models.admin.identity import Actor
from app.models.admin.permissions import PermissionDenied
from app.models.suppliers import audits, surveys
from app.models.suppliers import master as sup
from app.models.suppliers.errors import ValidationError
from tests.views.suppliers.test_screens import make_ctx


@pytest.fixture
def ctx(db, tmp_path, qapp):
    context = make_ctx(db, tmp_path)
    yield context
    context.tasks.wait(5000)


@pytest.fixture(autouse=True)
def quiet(monkeypatch):
    asked = []
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    return asked


def test_supplier_count_follows_the_filters(ctx, qtbot):
    from app.views.suppliers.grid import SupplierGrid

    for i in range(5):
        sup.create_supplier(ctx.database, {"code": f"S{i}", "name_en": f"Steel {i}" if i < 2 else f"Plastic {i}"})
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    assert grid.count_label.text() == "Suppliers: 5"
    grid.quick.setText("steel")
    assert grid.count_label.text() == "Suppliers: 2 of 5"
    grid.status_filter.setCurrentIndex(grid.status_filter.findData("approved"))
    assert grid.count_label.text() == "Suppliers: 0 of 5"
    grid.status_filter.setCurrentIndex(0)
    grid.quick.clear()
    assert grid.count_label.text() == "Suppliers: 5"


def test_corrective_list_count_follows_the_text_filter(demo_db, tmp_path, qtbot):
    from app.views.suppliers.corrective import CarListWidget

    ctx = make_ctx(demo_db, tmp_path)
    cars = CarListWidget(ctx)
    qtbot.addWidget(cars)
    total = cars.model.rowCount()
    assert total > 2 and cars.summary.text().startswith(f"{total} shown")
    cars.filter.setText("no such request zzz")
    assert cars.summary.text().startswith(f"0 of {total} shown")


def test_survey_wizard_counts_pages(ctx, qtbot):
    from app.views.suppliers.survey_wizard import open_survey

    sid = sup.create_supplier(ctx.database, {"code": "P1", "name_en": "P"})
    wizard = open_survey(ctx, sid)
    qtbot.addWidget(wizard)
    wizard.show()
    total = len(wizard.flow.path())
    assert total >= 3
    assert wizard.flow_pages["intro"].counter.text() == f"Page 1 of {total}"
    wizard.next()
    assert wizard.currentPage().counter.text() == f"Page 2 of {total}"


def test_new_survey_asks_about_the_draft_and_can_discard_it(ctx, qtbot, monkeypatch, quiet):
    from app.views.suppliers import common as c
    from app.views.suppliers.survey_wizard import open_survey

    sid = sup.create_supplier(ctx.database, {"code": "D1", "name_en": "D"})
    first = open_survey(ctx, sid)
    qtbot.addWidget(first)
    first.save_draft()
    draft_id = first.survey_id
    first.close()
    choices = iter(["continue", None, "discard"])
    asked = []
    monkeypatch.setattr(c, "draft_choice", lambda parent, title, text: asked.append(text) or next(choices))
    resumed = open_survey(ctx, sid, ask=True)
    qtbot.addWidget(resumed)
    assert resumed.survey_id == draft_id and asked  # continue: the same draft
    assert open_survey(ctx, sid, ask=True) is None  # cancel: nothing opens, the draft stays
    assert surveys.latest_survey_draft(ctx.database, supplier_id=sid).id == draft_id
    fresh = open_survey(ctx, sid, ask=True)  # discard (confirmed) and start a new one
    qtbot.addWidget(fresh)
    assert quiet and "cannot be undone" in quiet[-1]
    assert fresh.survey_id is None
    assert all(s.id != draft_id for s in surveys.list_surveys(ctx.database, supplier_id=sid))


def test_new_audit_asks_about_the_draft(ctx, qtbot, monkeypatch):
    from app.views.suppliers import common as c
    from app.views.suppliers.audit_wizard import open_audit

    sid = sup.create_supplier(ctx.database, {"code": "D2", "name_en": "D"})
    first = open_audit(ctx, sid)
    qtbot.addWidget(first)
    first.save_draft()
    draft_id = first.draft_id
    first.close()
    monkeypatch.setattr(c, "draft_choice", lambda *a: "discard")
    fresh = open_audit(ctx, sid, resume=False, ask=True)
    qtbot.addWidget(fresh)
    assert fresh.draft_id is None and audits.latest_audit_draft(ctx.database, supplier_id=sid) is None
    assert draft_id is not None


def test_discard_services_keep_submitted_records_and_check_permission(db):
    sid = sup.create_supplier(db, {"code": "X1", "name_en": "X"})
    flow = surveys.new_survey(db, sid)
    survey_id = surveys.save_survey_draft(db, flow)
    audit_id = audits.save_audit_draft(db, audits.new_audit(db, "qms", supplier_id=sid))
    db.actor = Actor(None, "viewer", "Viewer", ("viewer",), frozenset({"suppliers.view"}))
    with pytest.raises(PermissionDenied):
        surveys.discard_survey_draft(db, survey_id)
    with pytest.raises(PermissionDenied):
        audits.discard_audit_draft(db, audit_id)
    db.actor = Actor.system_job("pytest")
    surveys.discard_survey_draft(db, survey_id)
    audits.discard_audit_draft(db, audit_id)
    assert surveys.latest_survey_draft(db, supplier_id=sid) is None
    assert audits.latest_audit_draft(db, supplier_id=sid) is None
    from app.models.suppliers.tables import SupplierSurvey

    sv = surveys.save_survey_draft(db, flow)
    with db.begin() as s:
        s.get(SupplierSurvey, sv).status = "submitted"
    with pytest.raises(ValidationError):
        surveys.discard_survey_draft(db, sv)


def test_grid_sorts_in_the_model_and_keeps_the_selection(ctx, qtbot, monkeypatch):
    """Issue 10, point 16: no Python compare per pair (the model sorts with one key per row);
    the selected supplier stays selected, missing values stay last in both orders."""
    from PySide6.QtCore import Qt

    from app.views.suppliers.grid import COL_CATEGORY, COL_CODE, SupplierFilterProxy, SupplierGrid

    for i, cat in enumerate(["b", None, "a", "c", None]):
        sup.create_supplier(ctx.database, {"code": f"K{i}", "name_en": f"K {i}", "category": cat or ""})
    calls = []
    monkeypatch.setattr(SupplierFilterProxy, "lessThan", lambda self, a, b: calls.append(1) or False)
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    grid.select_supplier(grid.model.supplier_id(grid.model.row_of(sup.supplier_rows(ctx.database)[2].id)))
    chosen = grid.current_supplier_id()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        grid.table.sortByColumn(COL_CATEGORY, order)
        shown = [grid.proxy.index(r, COL_CATEGORY).data() for r in range(grid.proxy.rowCount())]
        assert shown[-2:] == ["", ""]
        assert shown[:3] == (["a", "b", "c"] if order == Qt.SortOrder.AscendingOrder else ["c", "b", "a"])
        assert grid.current_supplier_id() == chosen
    grid.table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
    grid.refresh()
    assert [grid.proxy.index(r, COL_CODE).data() for r in range(5)] == [f"K{i}" for i in range(5)]
    assert calls == []
