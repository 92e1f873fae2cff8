"""The Plan waves tab: plan a wave of a released survey version (code, name, period, target
filters: value classes, industries, regions, contact groups) with the number of targets the
filters choose shown live; the waves with their state, and Open / Close with the service's
refusal shown (a wave opens only on a valid model). Thin: ``app.models.satisfaction.campaigns``."""

from __future__ import annotations

from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from app.models.admin.permissions import can
from app.models.customers.tables import ContactGroup, ValueClass
from app.models.satisfaction import campaigns, targets
from app.models.satisfaction.targets import TargetFilter
from app.views.core.table_models import readable_headers


def _checklist(name: str, values: list[tuple[str, str]]) -> QListWidget:
    w = QListWidget()
    w.setObjectName(name)
    for value, text in values:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        w.addItem(item)
    w.setMaximumHeight(110)
    return w


def _checked(w: QListWidget) -> tuple[str, ...]:
    return tuple(w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                 if w.item(i).checkState() == Qt.CheckState.Checked)


class PlanTab(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.language
        self.setObjectName("satisfactionPlan")
        db = ctx.database
        form_box = QGroupBox(self.tr("Plan a wave"))
        form = QFormLayout(form_box)
        self.version = QComboBox()
        self.version.setObjectName("planVersion")
        for v in campaigns.released_versions(db):
            name = v.survey_name_zh if self.lang == "zh_CN" else (v.survey_name_en or v.survey_name_zh)
            self.version.addItem(self.tr("%1 %2 · version %3").replace("%1", v.survey_code).replace("%2", name)
                                 .replace("%3", str(v.version)), v.id)
        self.code = QLineEdit()
        self.code.setObjectName("planCode")
        self.name = QLineEdit()
        self.name.setObjectName("planName")
        today = QDate.currentDate()
        self.start = QDateEdit(today)
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.end = QDateEdit(today.addMonths(1))
        self.end.setCalendarPopup(True)
        self.end.setDisplayFormat("yyyy-MM-dd")
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("–"))
        period.addWidget(self.end)
        form.addRow(self.tr("Survey version:"), self.version)
        form.addRow(self.tr("Wave code:"), self.code)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Period:"), period)
        value_texts = {"important": self.tr("important"), "potential": self.tr("potential"),
                       "ordinary": self.tr("ordinary"), "lost": self.tr("lost")}
        group_texts = {"quality": self.tr("quality"), "purchasing": self.tr("purchasing"),
                       "management": self.tr("management"), "logistics": self.tr("logistics"),
                       "engineering": self.tr("engineering")}
        choices = targets.filter_choices(db)
        self.value_classes = _checklist("planValueClasses", [(v.value, value_texts.get(v.value, v.value))
                                                             for v in ValueClass])
        self.industries = _checklist("planIndustries", [(v, v) for v in choices.industries])
        self.regions = _checklist("planRegions", [(v, v) for v in choices.regions])
        self.groups = _checklist("planGroups", [(g.value, group_texts.get(g.value, g.value)) for g in ContactGroup])
        filters = QHBoxLayout()
        for title, w in ((self.tr("Value classes"), self.value_classes), (self.tr("Industries"), self.industries),
                         (self.tr("Regions"), self.regions), (self.tr("Contact groups"), self.groups)):
            col = QVBoxLayout()
            col.addWidget(QLabel(title))
            col.addWidget(w)
            filters.addLayout(col)
            w.itemChanged.connect(lambda _i: self.update_count())
        form.addRow(self.tr("Targets:"), filters)
        self.count = QLabel()
        self.count.setObjectName("planCount")
        self.plan_button = QPushButton(self.tr("&Plan wave"))
        self.plan_button.setObjectName("planButton")
        self.plan_button.clicked.connect(self.plan)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.plan_button)
        form.addRow(row)

        self.table = QTableView()
        self.table.setObjectName("planWaves")
        self.data = QStandardItemModel(self.table)
        self.proxy = QSortFilterProxyModel(self.table)
        self.proxy.setSourceModel(self.data)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.open_button = QPushButton(self.tr("&Open wave"))
        self.open_button.setObjectName("openWave")
        self.open_button.clicked.connect(self.open_selected)
        self.close_button = QPushButton(self.tr("&Close wave"))
        self.close_button.setObjectName("closeWave")
        self.close_button.clicked.connect(self.close_selected)
        self.message = QLabel()
        self.message.setObjectName("planMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(form_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        may = can(db, "satisfaction.design")
        for w in (self.plan_button, self.open_button, self.close_button):
            w.setEnabled(may)
        if not may:
            self.message.setText(self.tr("Planning waves needs the permission satisfaction.design."))
        QShortcut(QKeySequence("Ctrl+Return"), self, self.plan)
        self.refresh()
        self.update_count()

    def filter(self) -> TargetFilter:
        return TargetFilter(value_classes=_checked(self.value_classes), industries=_checked(self.industries),
                            regions=_checked(self.regions), contact_groups=_checked(self.groups))

    def update_count(self) -> None:
        n = len(campaigns.preview(self.ctx.database, self.filter()))
        self.count.setText(self.tr("%1 target(s) chosen by these filters").replace("%1", str(n)))

    def refresh(self) -> None:
        states = {"planned": self.tr("planned"), "open": self.tr("open"), "closed": self.tr("closed")}
        self.data.clear()
        self.data.setHorizontalHeaderLabels([self.tr("Wave"), self.tr("Name"), self.tr("Survey"), self.tr("State"),
                                             self.tr("From"), self.tr("To"), self.tr("Targets")])
        for w in campaigns.list_planning(self.ctx.database):
            cells = [QStandardItem(w.code), QStandardItem(w.name), QStandardItem(f"{w.survey_code} v{w.version}"),
                     QStandardItem(states.get(w.state, w.state)), QStandardItem(w.period_start.isoformat()),
                     QStandardItem(w.period_end.isoformat()), QStandardItem()]
            cells[6].setData(w.targets, Qt.ItemDataRole.DisplayRole)
            for c in cells:
                c.setEditable(False)
                c.setData(w.id, Qt.ItemDataRole.UserRole)
            self.data.appendRow(cells)
        readable_headers(self.table)
        self.table.resizeColumnsToContents()

    def _show(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #1b7f3b" if ok else "color: #b00020")

    def _error(self, exc: BaseException) -> None:
        self._show(exc.text(self.lang) if callable(getattr(exc, "text", None)) else str(exc), False)

    def plan(self) -> None:
        start, end = self.start.date().toPython(), self.end.date().toPython()
        try:
            row = campaigns.plan_wave(self.ctx.database, self.version.currentData(), self.code.text(),
                                      self.name.text(), start, end, self.filter())
        except Exception as exc:  # noqa: BLE001 - every refusal is shown, nothing typed is lost
            self._error(exc)
            return
        self.refresh()
        self.select(row.id)
        self._show(self.tr("Wave %1 planned with %2 target(s).").replace("%1", row.code)
                   .replace("%2", str(row.targets)), True)

    def select(self, wave_id: int) -> None:
        for r in range(self.proxy.rowCount()):
            if self.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole) == wave_id:
                self.table.selectRow(r)

    def selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def _act(self, fn, done: str) -> None:
        wid = self.selected()
        if wid is None:
            self._show(self.tr("Select a wave first."), False)
            return
        try:
            fn(self.ctx.database, wid)
        except Exception as exc:  # noqa: BLE001
            self._error(exc)
            return
        self.refresh()
        self.select(wid)
        self._show(done, True)

    def open_selected(self) -> None:
        self._act(campaigns.open_wave, self.tr("The wave is open: answers may be entered or imported."))

    def close_selected(self) -> None:
        self._act(campaigns.close_wave, self.tr("The wave is closed."))
