"""The customer module in the main window: the overview's customer count opens the list, the
page shows the demo customers in both languages."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from app.views.core.context import AppContext
from app.views.core.main_window import MainWindow
from app.views.core.overview import StatCard
from app.views.core.tasks import TaskRunner
from app.views.core.translation import install_translators


def test_overview_customer_count_opens_the_customer_list(qtbot, demo_db, tmp_path):
    lang = install_translators("zh_CN")
    try:
        ctx = AppContext(database=demo_db, tasks=TaskRunner(), language=lang,
                         settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        overview = window.show_module("overview")
        card = next(c for c in overview.findChildren(StatCard) if c.module == "customers")
        assert card.value_label.text() == "20" and card.toolTip() == "打开顾客列表"
        release = QMouseEvent(QMouseEvent.Type.MouseButtonRelease, QPointF(5, 5), QPointF(5, 5),
                              Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(card, release)
        page = window.pages["customers"]
        assert window.stack.currentWidget() is page
        assert page.grid.model.rowCount() == 20 and page.grid.count_label.text() == "20 / 20 个顾客"
        assert page.detail.customer_id is not None and page.detail.tabs.tabText(1) == "联系人"
        ctx.tasks.wait(5000)
    finally:
        install_translators("en")
