"""The home page's customer-side counts equal the lists they open (demo database)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.models.crm import activities, opportunities
from app.views.core.context import AppContext
from app.views.core.main_window import MainWindow
from app.views.core.overview import StatCard
from app.views.core.tasks import TaskRunner


def _click(card) -> None:
    release = QMouseEvent(QMouseEvent.Type.MouseButtonRelease, QPointF(5, 5), QPointF(5, 5),
                          Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(card, release)


def test_home_counts_open_their_lists(qtbot, demo_db, tmp_path):
    ctx = AppContext(database=demo_db, tasks=TaskRunner(), language="en",
                     settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    overview = window.show_module("overview")
    cards = {c.title_label.text(): c for c in overview.findChildren(StatCard)}

    due = cards["Reminders due today"]
    assert int(due.value_label.text().replace(",", "")) == len(activities.reminders(demo_db)) > 0
    _click(due)
    sales = window.pages["crm_sales"]
    assert sales.tabs.currentWidget() is sales.activities
    assert sales.activities.reminders_model.rowCount() == int(due.value_label.text().replace(",", ""))

    window.show_module("overview")
    opened = cards["Open opportunities"]
    _click(opened)
    assert sales.tabs.currentWidget() is sales.opportunities
    assert sales.opportunities.model.rowCount() == int(opened.value_label.text().replace(",", "")) > 0

    counts = opportunities.stage_counts(demo_db)
    assert all(f"{s}\">" in overview.stage_line.text() for s in counts)
    overview._open_stage("lost")
    assert sales.opportunities.model.rowCount() == counts["lost"] > 0

    window.show_module("overview")
    late = cards["Complaints overdue"]
    _click(late)
    page = window.pages["complaints"]
    assert window.stack.currentWidget() is page
    assert page.list.model.rowCount() == int(late.value_label.text().replace(",", ""))
    ctx.tasks.wait(5000)
