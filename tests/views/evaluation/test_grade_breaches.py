"""Agreement breaches on the grade list screen: the column, red when > 0, empty without an agreed
target, and a header tooltip in the user's language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.models.evaluation.history import latest_period
from app.models.evaluation.service import grade_list
from app.views.core.table_models import DataFrameTableModel
from app.views.evaluation.grades import columns, grade_frame


def test_breaches_column_with_tooltip(demo_db, qtmodeltester):
    gl = grade_list(demo_db, latest_period(demo_db, "month").label)
    model = DataFrameTableModel(columns())
    model.set_frame(grade_frame(gl, "en"))
    qtmodeltester.check(model)
    col = [c.field for c in columns()].index("breaches")
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Agreement breaches"
    assert "quality agreement" in model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    rows = {model.index(i, 0).data(): i for i in range(model.rowCount())}
    breached = next(r for r in gl.rows if r.breaches)
    none = next(r for r in gl.rows if r.breaches is None)
    cell = model.index(rows[breached.code], col)
    assert cell.data() == str(breached.breaches) and cell.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(rows[none.code], col).data() == ""
