"""Template workbooks carry each area's section number (``area_position``): an order that moved
an area without clauses survives export and import; clashes name the row; a workbook without
the column takes the order in which the areas first appear."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.models.agreements import templates
from app.models.agreements.errors import ValidationError

ORDER = (8, 1, 2, 3, 4, 5, 6, 7)


def test_area_position_round_trip_with_an_empty_moved_area(db, tmp_path):
    from openpyxl import load_workbook

    from app.reports import agreement_template

    base = templates.list_templates(db)[0].id
    clauses = [c for c in templates.template_clauses(db, base) if c.area != 5]  # area 5 left empty
    tid = templates.create_template(db, "区域5为空", clauses=clauses, area_order=(1, 2, 3, 4, 6, 7, 8, 5))
    assert templates.template_area_order(db, tid) == (1, 2, 3, 4, 6, 7, 8, 5)
    path = tmp_path / "t.xlsx"
    agreement_template.write_template_xlsx(db, tid, path)
    new = templates.import_template(db, path, "导入")
    # row order alone would put the empty area 5 back at place 5; area_position keeps it last
    assert templates.template_area_order(db, new) == (1, 2, 3, 4, 6, 7, 8, 5)
    strip = lambda c: replace(c, key="", id=None)  # noqa: E731
    assert [strip(c) for c in templates.template_clauses(db, new)] == [strip(c) for c in templates.template_clauses(db, tid)]
    wb = load_workbook(path)
    ws = wb.active
    col = [c.value for c in ws[1]].index("area_position") + 1
    assert ws.cell(row=2, column=col).value == 1
    ws.cell(row=3, column=col, value=6)  # area 1's second row claims place 6 (area 7's)
    wb.save(path)
    with pytest.raises(ValidationError) as err:
        templates.import_template(db, path, "坏")
    assert "row 3: area_position 6 differs from row 2 for area 1" in str(err.value)


def test_workbook_without_area_position_takes_the_row_order(db, tmp_path):
    from app.reports.tabular import write_xlsx

    path = tmp_path / "old.xlsx"
    write_xlsx(path, ["area", "text_zh", "text_en"], [[5, "过程", "Process"], [2, "监督", "Supervision"],
                                                      [5, "第二", "Second"]])
    clauses, order = templates.parse_template_workbook(path)
    assert order[:2] == (5, 2) and sorted(order) == list(range(1, 9)) and len(clauses) == 3
