"""Issue 10 §7 on screen: the grid shows the latest grade by date of the kind of period the user
evaluates by (the evaluation page's choice), monthly by default — not the text maximum."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from app.views.suppliers.grid import FIELDS, SupplierGrid
from app.models.suppliers import master as sup
from tests.models.suppliers.test_latest_and_counts import _grades


def _grade_shown(grid) -> str:
    col = FIELDS.index("latest_grade")
    return grid.proxy.index(0, col).data(Qt.ItemDataRole.DisplayRole)


def test_grid_grade_follows_the_chosen_kind_of_period(db, tmp_path, qapp, qtbot):
    sid = sup.create_supplier(db, {"code": "S1", "name_zh": "甲"})
    _grades(db, sid, {"2026-11": "D", "2026-Q1": "A", "2026-Q3": "C"})
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(database=db, tasks=TaskRunner(), language="en", settings=settings)
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    assert "D" in _grade_shown(grid)  # the month 2026-11, although "2026-Q3" > "2026-11" as text
    settings.setValue("evaluation/period_kind", "quarter")  # the user evaluates by quarter
    grid.refresh()
    assert "C" in _grade_shown(grid)
    ctx.tasks.wait(5000)
