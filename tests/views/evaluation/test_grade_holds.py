"""Issue 10 §9 on screen: the grade list table shows status, certificate, overdue SCARs and why
the actions differ from the grade's, in the same words as the exported list."""

from __future__ import annotations

import pytest

from app.engines.labels import word
from app.models.evaluation.history import latest_period
from app.models.evaluation.service import grade_list
from app.reports.grade_list import holds_text
from app.views.evaluation.grades import columns, grade_frame


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_grade_frame_shows_the_holds(demo_db, qtmodeltester, lang):
    from app.views.core.table_models import DataFrameTableModel

    gl = grade_list(demo_db, latest_period(demo_db, "month").label)
    frame = grade_frame(gl, lang)
    held = [r for r in gl.rows if r.holds]
    assert held, "the demo has suppliers whose grade is overridden"
    by_code = frame.set_index("code")
    for r in held:
        assert by_code.loc[r.code, "holds"] == holds_text(r, lang)
        assert by_code.loc[r.code, "status"] == word("supplier_status", r.status, lang)
        assert by_code.loc[r.code, "overdue_cars"] == r.overdue_cars
    fields = [c.field for c in columns()]
    assert {"status", "certificate", "overdue_cars", "holds"} <= set(fields)
    model = DataFrameTableModel(columns())
    model.set_frame(frame)
    qtmodeltester.check(model)
