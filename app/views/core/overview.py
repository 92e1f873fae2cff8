"""Overview: what needs attention today (supplier counts, overdue corrective actions,
certificates expiring soon; customers, overdue complaints, opportunities by stage, reminders due).
Every count with a module opens the list behind it, filtered as counted."""

from __future__ import annotations



from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from app.engines.labels import word
from app.views.core.translation import ui_language
from app.models.core.overview import Overview, load_overview
from app.views.core.context import AppContext
from app.views.core.table_models import Column, DataFrameTableModel, NativeSortProxy, readable_headers


# supplier statuses in the one vocabulary of the supplier screens and reports (app.engines.labels)
STATUS_TITLES = {code: (lambda code=code: word("supplier_status", code, ui_language()))
                 for code in ("potential", "under_evaluation", "approved", "conditional", "suspended", "disqualified")}


class StatCard(QFrame):
    def __init__(self, title: str, value: str, tone: str = "#1f5fa8", parent=None, *, module: str = "",
                 on_open=None, tooltip: str = "") -> None:
        super().__init__(parent)
        self.module = module  # a card with a module opens it when clicked
        self.on_open = on_open  # then sets the page's filter to what the card counts: on_open(page)
        if module:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setToolTip(tooltip or QCoreApplication.translate("Customers", "Open the customer list"))
        self.setObjectName("statCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#statCard { background: palette(base); border-radius: 6px; }")
        layout = QVBoxLayout(self)
        self.value_label = QLabel(value)
        self.value_label.setStyleSheet(f"font-size: 22pt; font-weight: 600; color: {tone};")
        self.title_label = QLabel(title)
        self.title_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(self.value_label)
        layout.addWidget(self.title_label)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        window = self.window()
        if self.module and hasattr(window, "show_module"):
            page = window.show_module(self.module)
            if self.on_open is not None:
                self.on_open(page)
            return
        super().mouseReleaseEvent(event)


def _days_colour(row) -> QColor | None:
    return QColor("#c0392b") if row["days_left"] < 0 else QColor("#b9770e")


class OverviewPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("overviewPage")
        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        self.heading = QLabel(self.tr("Overview"))
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        header.addWidget(self.heading)
        header.addStretch(1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setShortcut("F5")
        self.refresh_button.setToolTip(self.tr("Reload the figures (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        header.addWidget(self.refresh_button)
        layout.addLayout(header)
        self.cards = QGridLayout()
        layout.addLayout(self.cards)
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)
        layout.addWidget(self.status_line)
        # opportunities by stage (crm sales): each count a link opening the opportunities of that stage
        self.stage_line = QLabel()
        self.stage_line.setObjectName("opportunityStages")
        self.stage_line.setWordWrap(True)
        self.stage_line.linkActivated.connect(self._open_stage)
        layout.addWidget(self.stage_line)
        # quality agreements expiring or due for review within 60 days (agreements domain)
        self.agreement_line = QLabel()
        self.agreement_line.setObjectName("agreementReminders")
        self.agreement_line.setWordWrap(True)
        self.agreement_line.setStyleSheet("color: #8a4b00;")
        layout.addWidget(self.agreement_line)
        cert_header = QHBoxLayout()
        self.cert_title = QLabel(self.tr("Certificates expired or expiring within 60 days"))
        self.cert_title.setStyleSheet("font-weight: 600;")
        cert_header.addWidget(self.cert_title)
        cert_header.addStretch(1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter…"))
        self.filter_edit.setClearButtonEnabled(True)
        cert_header.addWidget(self.filter_edit)
        layout.addLayout(cert_header)
        self.model = DataFrameTableModel([
            Column("code", lambda: QCoreApplication.translate("Overview", "Supplier")),
            Column("name_zh" if ctx.language == "zh_CN" else "name_en", lambda: QCoreApplication.translate("Overview", "Name")),
            Column("standard", lambda: QCoreApplication.translate("Overview", "Standard")),
            Column("number", lambda: QCoreApplication.translate("Overview", "Certificate no.")),
            Column("expires_on", lambda: QCoreApplication.translate("Overview", "Expires on")),
            Column("days_left", lambda: QCoreApplication.translate("Overview", "Days left"), align_right=True, foreground=_days_colour),
        ], parent=self)
        self.proxy = NativeSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        readable_headers(self.table)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.show_overview(load_overview(self.ctx.database))

    def show_overview(self, data: Overview) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        approved = data.suppliers_by_status.get("approved", 0) + data.suppliers_by_status.get("conditional", 0)
        cards = [
            (self.tr("Suppliers"), f"{data.suppliers:,}", "#1f5fa8"),
            (self.tr("Approved or conditional"), f"{approved:,}", "#1e8449"),
            (self.tr("Purchased items"), f"{data.parts:,}", "#1f5fa8"),
            (self.tr("Customers"), f"{data.customers:,}", "#1f5fa8", "customers"),
            (self.tr("Open corrective actions"), f"{data.open_corrective_actions:,}", "#b9770e"),
            (self.tr("Overdue corrective actions"), f"{data.overdue_corrective_actions:,}", "#c0392b"),
        ]
        for i, (title, value, tone, *module) in enumerate(cards):
            self.cards.addWidget(StatCard(title, value, tone, module=module[0] if module else ""), i // 3, i % 3)
        from app.views.crm import sales_home  # customer side: complaints due, reminders, opportunities

        for j, card in enumerate(sales_home.cards(self.ctx, StatCard), start=len(cards)):
            self.cards.addWidget(card, j // 3, j % 3)
        self.stage_line.setText(sales_home.stage_links(self.ctx))
        parts = [f"{STATUS_TITLES[k]()}: {v:,}" for k, v in sorted(data.suppliers_by_status.items()) if k in STATUS_TITLES]
        classes = [self.tr("Class {cls}: {n}").replace("{cls}", k).replace("{n}", f"{v:,}")
                   for k, v in sorted(data.suppliers_by_class.items())]
        self.status_line.setText("  ·  ".join(parts + classes))
        from app.views.agreements.supplier_tab import reminder_text  # agreements domain

        self.agreement_line.setText(reminder_text(self.ctx.database))
        self.agreement_line.setVisible(bool(self.agreement_line.text()))
        self.model.set_frame(data.expiring_certificates)

    def _open_stage(self, stage: str) -> None:
        window = self.window()
        if hasattr(window, "show_module"):
            window.show_module("crm_sales").open_filtered("stage", stage)
