"""The incoming inspector's page (进货检验): receive a lot, the lists (today's lots, awaiting
disposition, under concession, all), and the history of a supplier x part."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTabBar,
    QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from app.models.admin.permissions import can
from app.models.inspection import service
from app.views.inspection.common import error_message
from app.views.inspection.disposition import DispositionDialog
from app.views.inspection.history import PairHistoryPanel
from app.views.inspection.models import LotListModel
from app.views.inspection.receive import ReceivePanel


class LotListPanel(QWidget):
    def __init__(self, ctx, page, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.page = ctx, page
        layout = QVBoxLayout(self)
        self.kinds = QTabBar()
        for title in (self.tr("Today's lots"), self.tr("Awaiting disposition"), self.tr("Under concession"),
                      self.tr("All lots")):
            self.kinds.addTab(title)
        layout.addWidget(self.kinds)
        self.model = LotListModel(ctx.database, "today", self)
        self.view = QTableView()
        self.view.setObjectName("lots")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 90), (1, 130), (3, 90), (4, 70), (5, 50), (6, 80), (7, 80), (8, 130), (9, 110)):
            self.view.setColumnWidth(col, width)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.count = QLabel()
        buttons.addWidget(self.count, 1)
        self.dispose = QPushButton(self.tr("D&isposition…"))
        self.print = QPushButton(self.tr("&Print record…"))
        self.history = QPushButton(self.tr("&History of the pair"))
        for b in (self.dispose, self.print, self.history):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.kinds.currentChanged.connect(self.reload)
        self.dispose.clicked.connect(self._dispose)
        self.print.clicked.connect(self._print)
        self.history.clicked.connect(self._history)
        self.view.doubleClicked.connect(self._history)
        self.view.selectionModel().currentRowChanged.connect(self._enable)

    KINDS = ("today", "awaiting", "concession", "all")

    def reload(self) -> None:
        kind = self.KINDS[self.kinds.currentIndex()]
        self.model.reload(kind)
        total = service.count_lots(self.ctx.database, kind) if kind != "all" else None
        self.count.setText(self.tr("%1 lots").replace("%1", str(total)) if total is not None else "")
        self._enable()

    def current(self) -> service.LotRow | None:
        return self.model.lot(self.view.currentIndex().row())

    def _enable(self, *_a) -> None:
        lot = self.current()
        self.dispose.setEnabled(bool(lot and lot.decision == "rejected" and not lot.disposition
                                     and can(self.ctx.database, "inspection.record")))
        self.print.setEnabled(lot is not None)
        self.history.setEnabled(bool(lot and lot.part_id))

    def _dispose(self) -> None:
        lot = self.current()
        if lot is not None:
            self.page.open_disposition(lot.id)

    def _history(self, *_args) -> None:
        lot = self.current()
        if lot is not None and lot.part_id:
            self.page.show_history(lot.supplier_id, lot.part_id)

    def _print(self) -> None:
        lot = self.current()
        if lot is None:
            return
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save inspection record"),
                                               f"inspection-{lot.lot_number}.pdf", "PDF (*.pdf)")
        if not path:
            return
        try:
            from app.reports import inspection_record

            inspection_record.write_record(self.ctx.database, lot.id, path, lang=self.ctx.language)
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(self, self.tr("Not printed"), error_message(exc, self.ctx.language))


class InspectionPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.tabs = QTabWidget()
        self.receive = ReceivePanel(ctx)
        self.lists = LotListPanel(ctx, self)
        self.history = PairHistoryPanel(ctx)
        self.tabs.addTab(self.receive, self.tr("Receive lot"))
        self.tabs.addTab(self.lists, self.tr("Lists"))
        self.tabs.addTab(self.history, self.tr("History per supplier × part"))
        layout.addWidget(self.tabs)
        self.receive.recorded.connect(self._recorded)
        self.receive.disposition_requested.connect(self.open_disposition)
        self.tabs.currentChanged.connect(self._tab)
        for i in range(3):
            shortcut = QShortcut(QKeySequence(f"Alt+{i + 1}"), self)
            shortcut.setProperty("tab", i)
            shortcut.activated.connect(self._shortcut_tab)
        if not can(ctx.database, "inspection.record"):  # the service would refuse: say so, keep the plan readable
            self.receive.record_button.setEnabled(False)
            self.receive.record_button.setToolTip(self.tr("You may not record inspection results."))
        self.receive.pair.setFocus()

    def _shortcut_tab(self) -> None:
        self.tabs.setCurrentIndex(int(self.sender().property("tab")))

    def _tab(self, index: int) -> None:
        if index == 1:
            self.lists.reload()

    def _recorded(self, out) -> None:
        if out.severity_changed:
            self.history.load_pairs()

    def open_disposition(self, lot_id: int) -> bool:
        try:
            detail = service.lot_detail(self.ctx.database, lot_id)
        except Exception as exc:  # noqa: BLE001
            QMessageBox.warning(self, self.tr("Disposition"), error_message(exc, self.ctx.language))
            return False
        dialog = DispositionDialog(self.ctx, detail.lot, self)
        done = dialog.exec() == QDialog.DialogCode.Accepted
        if done:
            self.receive.dispose_button.setEnabled(False)
            if self.tabs.currentIndex() == 1:
                self.lists.reload()
        return done

    def show_history(self, supplier_id: int, part_id: int) -> None:
        self.tabs.setCurrentIndex(2)
        self.history.select_pair(supplier_id, part_id)


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    """Receive-lot with a plan and a filled grid, the lists, the pair history and the disposition
    dialog, for ``qualitybridge screenshots``."""
    from app.views.inspection.disposition import screenshot_dialog

    shots: list[tuple[str, QWidget]] = []
    page = InspectionPage(ctx)
    page.resize(1280, 800)
    pairs = service.list_settings(ctx.database, limit=200)
    with_items = next((p for p in pairs if service.get_setting(ctx.database, p.supplier_id, p.part_id).items), None)
    if with_items is not None:
        page.receive.select_pair(with_items.supplier_id, with_items.part_id)
        page.receive.lot_size.setValue(500)
        page.receive.po.setText("PO-2026-1187")
        page.receive.lot_number.setText("L-1187-01")
        model = page.receive.grid_model
        for row, item in enumerate(model.items):
            for col in range(model.width):
                if model.usable(row, col) and col < 12:
                    if item.kind == "variable":
                        lo = item.lower_limit if item.lower_limit is not None else (item.upper_limit or 1) * 0.9
                        hi = item.upper_limit if item.upper_limit is not None else lo * 1.1
                        value = lo + (hi - lo) * ((col * 37 % 11) / 10.0)
                        if col == 7:
                            value = hi + (hi - lo) * 0.2
                        model.setData(model.index(row, col), f"{value:.3f}")
                    else:
                        model.setData(model.index(row, col), "NG" if col == 4 and row % 2 else "OK")
    shots.append(("receive", page))
    lists = InspectionPage(ctx)
    lists.resize(1280, 800)
    lists.tabs.setCurrentIndex(1)
    lists.lists.kinds.setCurrentIndex(3)
    shots.append(("lists", lists))
    hist = InspectionPage(ctx)
    hist.resize(1280, 800)
    rank = {"discontinued": 0, "tightened": 1, "reduced": 2}
    moved = min(pairs, key=lambda p: rank.get(p.severity, 3), default=None)
    if moved is not None:
        hist.show_history(moved.supplier_id, moved.part_id)
    shots.append(("history", hist))
    if with_items is not None:
        from app.views.inspection.settings import SettingsDialog

        shots.append(("setting", SettingsDialog(ctx, service.get_setting(ctx.database, with_items.supplier_id,
                                                                         with_items.part_id))))
    rejected = service.list_lots(ctx.database, "awaiting", limit=1)
    if rejected:
        shots.append(("disposition", screenshot_dialog(ctx, rejected[0])))
    for _name, w in shots:
        w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return shots
