"""Sort arrows point the way users read them (issue 10, point 15): ▲ when a column is sorted
ascending (smallest at the top), ▼ when descending — checked on the rendered header pixels of
the supplier grid, so any table of the application is covered by the one style."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor

from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner


def arrow_widths(header, section: int) -> list[int]:
    """Dark pixels per row in the right part of a section, where the style draws the arrow."""
    image = header.grab().toImage()
    x0 = header.sectionViewportPosition(section)
    width = header.sectionSize(section)
    rows = []
    for y in range(2, image.height() - 2):  # not the section's frame lines
        n = sum(1 for x in range(x0 + width - 30, x0 + width - 3) if QColor(image.pixel(x, y)).lightness() < 128)
        if 0 < n < 20:
            rows.append(n)
    return rows


@pytest.mark.parametrize("order, pointing", [(Qt.SortOrder.AscendingOrder, "up"), (Qt.SortOrder.DescendingOrder, "down")])
def test_sort_arrow_points_up_for_ascending(db, tmp_path, qapp, qtbot, order, pointing):
    from app.views.core.style import apply_style
    from app.views.suppliers.grid import COL_CLASS, SupplierGrid

    apply_style(qapp)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(database=db, tasks=TaskRunner(), language="en", settings=settings)
    grid = SupplierGrid(ctx)
    qtbot.addWidget(grid)
    grid.resize(1200, 400)
    grid.show()
    header = grid.table.horizontalHeader()
    header.resizeSection(COL_CLASS, 220)  # room between the label and the arrow
    grid.table.sortByColumn(COL_CLASS, order)
    qtbot.wait(10)
    rows = arrow_widths(header, COL_CLASS)
    assert len(rows) >= 2, rows
    assert (rows[0] < rows[-1]) if pointing == "up" else (rows[0] > rows[-1]), rows
