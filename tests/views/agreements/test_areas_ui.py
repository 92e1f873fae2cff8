"""Area buttons on the grid's second toolbar row (one undo step each, fixed Undo/Redo texts),
the page saving the moved order, the diff dialog listing renumbered clauses under "changes
only", and the agreement list fitting its pane at 1280 pixels."""

from __future__ import annotations

import tempfile
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from app.engines import agreements as eng
from app.models.admin import signatures
from app.models.agreements import service as svc
from app.models.agreements.errors import FrozenError
from app.models.agreements.templates import default_clauses
from app.models.core.settings import AppSetting
from app.models.suppliers import master as sup
from app.views.agreements.grid import COL_NO, COL_ZH, ClauseEditor
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner


def test_area_buttons_move_in_one_undo_step_and_undo_text_stays_short(qtbot, qtmodeltester):
    ed = ClauseEditor("en", template_source=default_clauses)
    qtbot.addWidget(ed)
    ed.load(default_clauses(), read_only=False)
    m = ed.model
    ed.table.setCurrentIndex(m.index(m.header_row(3) + 2, COL_ZH))
    ed.area_up_button.trigger()
    ed.area_up_button.trigger()
    assert m.area_order == (3, 1, 2, 4, 5, 6, 7, 8) and m.stack.count() == 2
    assert m.cell_text(m.header_row(3) + 1, COL_NO) == "1.1"
    assert ed.undo_action.text() == "Undo" and ed.undo_action.isEnabled()
    assert ed.undo_action.toolTip().startswith("Undo ")
    qtmodeltester.check(m, force_py=True)
    ed.undo_action.trigger()
    ed.undo_action.trigger()
    assert m.area_order == eng.DEFAULT_AREA_ORDER and not ed.undo_action.isEnabled()
    ed.redo_action.trigger()
    assert m.area_order == (1, 3, 2, 4, 5, 6, 7, 8)
    ed.load(default_clauses(), read_only=True)
    assert not ed.area_up_button.isEnabled() and not ed.area_down_button.isEnabled()


@pytest.fixture
def two_versions(db, qapp):
    with db.begin() as s:
        s.add(AppSetting(key=signatures.REQUIRED_KEY, value="[]"))
    sid = sup.create_supplier(db, {"code": "S0100", "name_zh": "宁波恒达五金有限公司",
                                   "name_en": "Ningbo Hengda Hardware Manufacturing Company Limited"})
    aid, v1 = svc.create_agreement(db, sid)
    svc.submit_for_review(db, v1)
    svc.sign_version(db, v1, purchaser=svc.Signatory("王芳"), supplier=svc.Signatory("陈建国"),
                     effective_from=date(2026, 1, 1))
    v2 = svc.new_version(db, aid, as_of=date(2026, 2, 1))
    settings = QSettings(tempfile.mkdtemp() + "/layout.ini", QSettings.Format.IniFormat)
    ctx = AppContext(database=db, tasks=TaskRunner(qapp), language="en", settings=settings)
    return ctx, aid, v1, v2


def test_service_move_area_is_refused_on_signed_versions(two_versions):
    ctx, _aid, v1, v2 = two_versions
    db = ctx.database
    with pytest.raises(FrozenError):
        svc.move_area(db, v1, 3, -1)
    assert svc.move_area(db, v2, 8, -1) == (1, 2, 3, 4, 5, 6, 8, 7)
    assert svc.move_area(db, v2, 8, 1) == (1, 2, 3, 4, 5, 6, 7, 8)  # back down
    assert svc.move_area(db, v2, 8, 1) == (1, 2, 3, 4, 5, 6, 7, 8)  # already last: unchanged
    assert svc.version_area_order(db, v1) == eng.DEFAULT_AREA_ORDER
    svc.submit_for_review(db, v2)
    with pytest.raises(FrozenError):
        svc.move_area(db, v2, 8, 1)


def test_page_saves_the_order_and_the_diff_lists_renumbered_clauses(qtbot, two_versions):
    from app.views.agreements.page import AgreementsTab, DiffDialog

    ctx, aid, v1, v2 = two_versions
    tab = AgreementsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1050, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.select_agreement(v2)
    ed = tab.editor
    ed.table.setCurrentIndex(ed.model.index(ed.model.header_row(7) + 1, COL_ZH))
    ed.area_down_button.trigger()
    assert tab.save()
    assert svc.version_area_order(ctx.database, v2) == (1, 2, 3, 4, 5, 6, 8, 7)
    # the list fits its pane: the supplier column takes what the others leave, nothing past the edge
    header = tab.list.horizontalHeader()
    assert header.length() <= tab.list.viewport().width()
    dialog = DiffDialog(ctx, svc.get_agreement(ctx.database, aid), old_id=v1, new_id=v2)
    qtbot.addWidget(dialog)
    kinds = {dialog.model.data(dialog.model.index(r, 0)) for r in range(dialog.model.rowCount())}
    assert kinds == {"renumbered"}  # "changes only": the clauses of areas 7 and 8, nothing else
    assert dialog.model.rowCount() == sum(1 for c in svc.version_clauses(ctx.database, v2) if c.area in (7, 8))
