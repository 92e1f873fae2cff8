"""Complaints list (filters, what is due first on top, SLA time left coloured) with the selected
complaint's detail below; ``ComplaintsPage(ctx, customer_id=…)`` is the same for one customer."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from app.views.complaints import common as c

translate = QCoreApplication.translate
from app.views.complaints.detail import ComplaintDetailWidget
from app.views.core.table_models import Column, DataFrameTableModel, NativeSortProxy

LIST_LIMIT = 5000  # rows shown; the filters narrow it (the count says when more matched)


def _period(key: str, today: date) -> tuple[date | None, date | None]:
    if key == "month":
        return today.replace(day=1), None
    if key == "90":
        return today - timedelta(days=90), None
    if key == "year":
        return date(today.year, 1, 1), None
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None


class ComplaintTableModel(DataFrameTableModel):
    """The list's model: the SLA column shows working time left (‖ while waiting on the customer)."""

    left_text = staticmethod(lambda left, paused: str(left))

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and self.columns[index.column()].field == "left" \
                and 0 <= index.row() < len(self.frame):
            row = self.frame.iloc[index.row()]
            value = row.get("left")
            return "" if c.missing(value) else self.left_text(value, bool(row.get("paused")))
        return super().data(index, role)


class ComplaintList(QWidget):
    current_changed = Signal(object)  # complaint id or None

    def __init__(self, ctx, parent=None, *, customer_id: int | None = None) -> None:
        super().__init__(parent)
        from app.models.complaints import service

        self.ctx = ctx
        self.service = service
        self.customer_id = customer_id
        self.calendar = service.calendar(ctx.database)
        self.setObjectName("complaintList")
        lang = ctx.language
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, title, customer, lot…"))
        self.search.setClearButtonEnabled(True)
        self.customer = QComboBox()
        self.customer.addItem(self.tr("All customers"), None)
        if customer_id is None:
            for cid, code, zh, en in service.customer_choices(ctx.database):
                self.customer.addItem(f"{code} {(zh or en) if lang == 'zh_CN' else (en or zh)}", cid)
        self.customer.setVisible(customer_id is None)
        self.type = self._combo(self.tr("All types"), c.TYPES)
        self.severity = self._combo(self.tr("All severities"), c.SEVERITIES)
        self.state = QComboBox()
        for key, text in (("active", self.tr("Not closed")), (None, self.tr("All states")),
                          ("open", c.label(c.STATES, "open")), ("waiting", c.label(c.STATES, "waiting")),
                          ("closed", c.label(c.STATES, "closed"))):
            self.state.addItem(text, key)
        self.period = QComboBox()
        for key, text in ((None, self.tr("Any time")), ("month", self.tr("This month")),
                          ("90", self.tr("Last 90 days")), ("year", self.tr("This year")),
                          ("last_year", self.tr("Last year"))):
            self.period.addItem(text, key)
        self.part = QLineEdit()
        self.part.setPlaceholderText(self.tr("Part code"))
        self.part.setMaximumWidth(110)
        self.supplier = QLineEdit()
        self.supplier.setPlaceholderText(self.tr("Supplier code"))
        self.supplier.setMaximumWidth(110)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.summary = QLabel()
        self.summary.setObjectName("complaintSummary")
        self.new_button = QPushButton(self.tr("&New complaint…"))
        self.new_button.clicked.connect(lambda: self.new_complaint())
        self.export_button = QPushButton(self.tr("&Export register…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.report_button = QPushButton(self.tr("Monthly &report (PDF)…"))
        self.report_button.clicked.connect(lambda: self.monthly_report())
        self.settings_button = QPushButton(self.tr("SLA &settings…"))
        self.settings_button.clicked.connect(lambda: self.sla_settings())
        self.charts_button = QPushButton(self.tr("C&harts…"))
        self.charts_button.clicked.connect(lambda: self.charts())
        from app.models.admin.permissions import can

        self.new_button.setEnabled(can(ctx.database, "complaints.record"))
        self.customer.setMaximumWidth(210)
        self.search.setMinimumWidth(120)
        self.part.setMaximumWidth(100)
        self.supplier.setMaximumWidth(100)
        bar = QHBoxLayout()  # filters (fits 1280 wide in both languages)
        bar.addWidget(self.search, 1)
        for w in (self.customer, self.period, self.type, self.severity, self.state):
            bar.addWidget(w)
        bar2 = QHBoxLayout()  # more filters, then the actions
        for w in (self.part, self.supplier, self.overdue):
            bar2.addWidget(w)
        bar2.addStretch(1)
        for w in (self.new_button, self.export_button, self.charts_button, self.report_button, self.settings_button):
            bar2.addWidget(w)
        name = "customer_name_zh" if lang == "zh_CN" else "customer_name_en"
        self.model = ComplaintTableModel([
            Column("number", lambda: translate("Complaints", "Number")),
            Column("left", lambda: translate("Complaints", "Time left"), align_right=True,
                   foreground=lambda r: c.sla_colours(r.get("left"), r.get("target"), bool(r.get("paused")))[0],
                   background=lambda r: c.sla_colours(r.get("left"), r.get("target"), bool(r.get("paused")))[1]),
            Column("milestone", lambda: translate("Complaints", "Due for"), format=lambda v: c.label(c.MILESTONES, v)),
            Column("due_at", lambda: translate("Complaints", "Due at")),
            Column("customer_code", lambda: translate("Complaints", "Customer")),
            Column(name, lambda: translate("Complaints", "Name")),
            Column("complaint_type", lambda: translate("Complaints", "Type"), format=lambda v: c.label(c.TYPES, v)),
            Column("severity", lambda: translate("Complaints", "Severity"), format=lambda v: c.label(c.SEVERITIES, v),
                   foreground=lambda r: c.RED if r.get("severity") == "critical" else None),
            Column("state", lambda: translate("Complaints", "State"), format=lambda v: c.label(c.STATES, v)),
            Column("current_step", lambda: translate("Complaints", "Step"), format=lambda v: c.step_title(str(v), lang)),
            Column("title", lambda: translate("Complaints", "Title")),
            Column("received_at", lambda: translate("Complaints", "Received")),
            Column("part_code", lambda: translate("Complaints", "Part")),
            Column("supplier_code", lambda: translate("Complaints", "Supplier")),
            Column("car_number", lambda: translate("Complaints", "SCAR")),
        ], parent=self)
        self._left_col = next(i for i, col in enumerate(self.model.columns) if col.field == "left")
        self.model.left_text = lambda left, paused: c.left_text(left, paused, self.calendar, ctx.language)
        self.proxy = NativeSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("complaintTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: due first
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(bar)
        layout.addLayout(bar2)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        for signal in (self.customer.currentIndexChanged, self.type.currentIndexChanged,
                       self.severity.currentIndexChanged, self.state.currentIndexChanged,
                       self.period.currentIndexChanged, self.overdue.toggled):
            signal.connect(lambda *_: self.refresh())
        for edit in (self.search, self.part, self.supplier):
            edit.returnPressed.connect(self.refresh)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.current_changed.emit(self.current_id()))
        self._fitted = False
        self.refresh()

    def _combo(self, all_text: str, table: dict[str, str]) -> QComboBox:
        box = QComboBox()
        box.addItem(all_text, None)
        for code in table:
            box.addItem(c.label(table, code), code)
        return box

    def filter(self):
        start, end = _period(self.period.currentData(), date.today())
        return self.service.ComplaintFilter(
            customer_id=self.customer_id if self.customer_id is not None else self.customer.currentData(),
            complaint_type=self.type.currentData(), severity=self.severity.currentData(),
            state=self.state.currentData(), overdue_only=self.overdue.isChecked(), part_code=self.part.text(),
            supplier_code=self.supplier.text(), received_from=start, received_to=end, limit=LIST_LIMIT + 1)

    def refresh(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_id()
        frame = self.service.list_complaints(self.ctx.database, self.filter())
        more = len(frame) > LIST_LIMIT
        frame = frame.head(LIST_LIMIT)
        self.model.set_frame(frame)
        if not self._fitted and len(frame):
            self.table.resizeColumnsToContents()
            for col, (lo, hi) in {self._left_col: (120, 200), 5: (140, 230), 10: (200, 280)}.items():
                self.table.setColumnWidth(col, max(lo, min(self.table.columnWidth(col), hi)))
            self._fitted = True
        n_overdue = int(frame["overdue"].sum()) if len(frame) else 0
        n_waiting = int(frame["paused"].sum()) if len(frame) else 0
        text = self.tr("{n} complaints · {overdue} overdue · {waiting} waiting on the customer") \
            .replace("{n}", f"{len(frame):,}{'+' if more else ''}").replace("{overdue}", str(n_overdue)) \
            .replace("{waiting}", str(n_waiting))
        self.summary.setText(text)
        self.summary.setStyleSheet("color: #c0392b; font-weight: 600;" if n_overdue else "")
        if keep is not None:
            self.select(keep)

    def select(self, complaint_id: int) -> bool:
        ids = self.model.frame["id"].tolist() if len(self.model.frame) else []
        if complaint_id not in ids:
            return False
        src = self.model.index(ids.index(complaint_id), 0)
        self.table.selectRow(self.proxy.mapFromSource(src).row())
        return True

    def current_id(self) -> int | None:
        index = self.table.currentIndex() if hasattr(self, "table") else None
        if index is None or not index.isValid():
            return None
        row = self.proxy.mapToSource(index).row()
        return int(self.model.frame.iloc[row]["id"]) if 0 <= row < len(self.model.frame) else None

    def new_complaint(self):
        from app.views.complaints.intake import IntakeDialog

        dialog = IntakeDialog(self.ctx, self, customer_id=self.customer_id)
        dialog.finished.connect(lambda *_: dialog.complaint_id and (self.refresh(keep=dialog.complaint_id),
                                                                     self.current_changed.emit(dialog.complaint_id)))
        dialog.open()
        return dialog

    def export(self, path: str | None = None):
        from app.reports.complaint_register import write_register

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the complaint register"), "complaints.xlsx",
                                                  self.tr("Excel (*.xlsx);;CSV (*.csv)"))
            if not path:
                return None
        f = self.filter()
        f.limit = None
        return write_register(self.service.list_complaints(self.ctx.database, f), path, lang=self.ctx.language)


    def _period(self, period: str | None, title: str):
        """(start, end) of a period typed by the user (default: last month); None when cancelled or bad."""
        from PySide6.QtWidgets import QInputDialog

        from app.models.complaints.errors import ValidationError

        if period is None:
            last = date.today().replace(day=1) - timedelta(days=1)
            period, accepted = QInputDialog.getText(self, title, self.tr("Period (YYYY-MM, YYYY-Qn or YYYY):"),
                                                    text=f"{last:%Y-%m}")
            if not accepted:
                return None
        try:
            start, end = self.service.period_range(period)
        except ValidationError:
            self.summary.setText(self.tr("Use a period such as 2026-03, 2026-Q1 or 2026."))
            return None
        return None if start is None else (period.strip(), start, end)

    def monthly_report(self, period: str | None = None, path: str | None = None):
        """The monthly report with charts for a period (default: last month) as PDF."""
        from app.reports.complaint_report import write_report

        chosen = self._period(period, self.tr("Monthly complaint report"))
        if chosen is None:
            return None
        label, start, end = chosen
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the monthly report"),
                                                  f"complaints-{label}.pdf", self.tr("PDF (*.pdf)"))
            if not path:
                return None
        write_report(self.service.monthly_report(self.ctx.database, start, end), path, lang=self.ctx.language)
        return path

    def sla_settings(self):
        from app.views.complaints.settings import SlaSettingsDialog

        dialog = SlaSettingsDialog(self.ctx, self)

        def done(result):
            if result == SlaSettingsDialog.DialogCode.Accepted:
                self.calendar = self.service.calendar(self.ctx.database)
                self.refresh()

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def charts(self, period: str | None = None):
        """The report's charts on screen (each one exportable as PNG)."""
        from app.views.complaints.charts import ComplaintCharts

        chosen = self._period(period, self.tr("Complaint charts"))
        if chosen is None:
            return None
        _label, start, end = chosen
        dialog = ComplaintCharts(self.ctx, self.service.monthly_report(self.ctx.database, start, end), self)
        dialog.open()
        return dialog


class ComplaintsPage(QWidget):
    def __init__(self, ctx, parent=None, *, customer_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("complaintsPage")
        self.list = ComplaintList(ctx, customer_id=customer_id)
        self.detail = ComplaintDetailWidget(ctx)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.list.current_changed.connect(self.detail.set_complaint)
        self.detail.changed.connect(lambda cid: self.list.refresh(keep=cid))
        QShortcut(QKeySequence("F5"), self, activated=lambda: (self.list.refresh(), self.detail.refresh()))
        if self.list.model.rowCount():
            self.list.table.selectRow(0)


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    from app.models.complaints import service
    from app.views.complaints.charts import ComplaintCharts
    from app.views.complaints.intake import IntakeDialog
    from app.views.complaints.settings import SlaSettingsDialog

    last = date.today().replace(day=1) - timedelta(days=1)
    shots: list[tuple[str, QWidget]] = [
        ("complaint-intake", IntakeDialog(ctx)),
        ("sla-settings", SlaSettingsDialog(ctx)),
        ("complaint-charts", ComplaintCharts(ctx, service.monthly_report(ctx.database, last.replace(day=1), last))),
    ]
    for _name, widget in shots:
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return shots
