"""Approval & qualified list: the six-step approval flow per supplier and the qualified
supplier list (合格供方名录) with what expires soon, exportable to Excel, CSV or PDF."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.views.core.context import AppContext
from app.views.suppliers.approval import ApprovalView, QualifiedListView
from app.views.suppliers.common import delete_on_close


class QualifiedPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("qualifiedPage")
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Approval and qualified supplier list"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        self.tabs = QTabWidget()
        self.approval = ApprovalView(ctx)
        self.qualified = QualifiedListView(ctx)
        self.tabs.addTab(self.qualified, self.tr("Qualified supplier list"))
        self.tabs.addTab(self.approval, self.tr("Approval flow"))
        self.approval.changed.connect(lambda _sid: self.qualified.refresh())
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setShortcut("F5")
        refresh.setToolTip(self.tr("Reload the list and the suppliers (F5)"))
        refresh.clicked.connect(lambda: (self.qualified.refresh(), self.approval.reload_suppliers()))
        self.tabs.setCornerWidget(refresh)
        layout.addWidget(self.tabs, 1)


def screenshots(ctx: AppContext) -> list[tuple[str, QWidget]]:
    view = ApprovalView(ctx)
    view.resize(1000, 600)
    return delete_on_close([("approval-flow", view)])
