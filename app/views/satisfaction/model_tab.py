"""The CSI model tab: pick a survey version, start from a standard model (CCSI/ACSI/ECSI) or edit
a custom one (blocks, paths, which indicator measures which block), see the path diagram and the
validation live (red problems, green "model valid"). Only a draft version is editable. Thin: every
edit is one call of ``app.models.satisfaction.model``; Ctrl+Z / Ctrl+Y undo and redo an edit by
restoring the model's snapshot from before (or after) it."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QStandardItem, QStandardItemModel, QUndoCommand, \
    QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from app.models.admin.permissions import can
from app.models.satisfaction import model
from app.views.core.table_models import readable_headers
from app.views.satisfaction.charts import PathDiagram


class _Edit(QUndoCommand):
    """One model edit: redo = the service call the first time, then restoring the after-snapshot."""

    def __init__(self, tab: ModelTab, vid: int, text: str, before: model.Snapshot, after: model.Snapshot) -> None:
        super().__init__(text)
        self.tab, self.vid, self.before, self.after = tab, vid, before, after
        self.first = True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self.tab._restore(self.vid, self.after)

    def undo(self) -> None:
        self.tab._restore(self.vid, self.before)


def _table(name: str) -> tuple[QTableView, QStandardItemModel, QSortFilterProxyModel]:
    view = QTableView()
    view.setObjectName(name)
    data = QStandardItemModel(view)
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(data)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the model's own order until a header is clicked
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().hide()
    return view, data, proxy


class ModelTab(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.language
        self.setObjectName("satisfactionModel")
        self.view: model.ModelView | None = None
        self._loading = False
        self.undo_stack = QUndoStack(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Survey version:")))
        self.version = QComboBox()
        self.version.setObjectName("modelVersion")
        self.version.setMinimumWidth(300)
        top.addWidget(self.version, 1)
        self.template_buttons: dict[str, QPushButton] = {}
        for kind, text in (("ccsi", self.tr("CCSI")), ("acsi", self.tr("ACSI")), ("ecsi", self.tr("ECSI")),
                           ("custom", self.tr("Custom"))):
            b = QPushButton(text)
            b.setObjectName(f"template_{kind}")
            b.setToolTip(self.tr("Replace the blocks and paths with the standard model") if kind != "custom"
                         else self.tr("Keep the blocks and paths and edit them as this version's own model"))
            b.clicked.connect(lambda _c=False, k=kind: self.apply_template(k))
            top.addWidget(b)
            self.template_buttons[kind] = b
        self.state = QLabel()
        self.state.setObjectName("modelState")
        self.state.setWordWrap(True)

        # blocks
        self.blocks, self.block_data, self.block_proxy = _table("modelBlocks")
        self.block_data.itemChanged.connect(self._block_edited)
        self.block_name = QLineEdit()
        self.block_name.setObjectName("newBlockName")
        self.block_name.setPlaceholderText(self.tr("New block name"))
        self.block_name.returnPressed.connect(self.add_block)
        add_block = QPushButton(self.tr("Add &block"))
        add_block.clicked.connect(self.add_block)
        self.del_block = QPushButton(self.tr("Delete block"))
        self.del_block.clicked.connect(self.delete_block)
        block_row = QHBoxLayout()
        block_row.addWidget(self.block_name, 1)
        block_row.addWidget(add_block)
        block_row.addWidget(self.del_block)
        self.block_editors = [self.block_name, add_block, self.del_block]
        blocks_box = QGroupBox(self.tr("Blocks (latent variables)"))
        bl = QVBoxLayout(blocks_box)
        bl.addWidget(self.blocks)
        bl.addLayout(block_row)

        # paths
        self.paths, self.path_data, self.path_proxy = _table("modelPaths")
        self.source = QComboBox()
        self.source.setObjectName("pathSource")
        self.target = QComboBox()
        self.target.setObjectName("pathTarget")
        add_path = QPushButton(self.tr("Add &path"))
        add_path.clicked.connect(self.add_path)
        self.del_path = QPushButton(self.tr("Delete path"))
        self.del_path.clicked.connect(self.delete_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.source, 1)
        path_row.addWidget(QLabel("→"))
        path_row.addWidget(self.target, 1)
        path_row.addWidget(add_path)
        path_row.addWidget(self.del_path)
        self.path_editors = [self.source, self.target, add_path, self.del_path]
        paths_box = QGroupBox(self.tr("Paths"))
        pl = QVBoxLayout(paths_box)
        pl.addWidget(self.paths)
        pl.addLayout(path_row)

        # items
        self.items, self.item_data, self.item_proxy = _table("modelItems")
        items_box = QGroupBox(self.tr("Indicators and the block each measures"))
        il = QVBoxLayout(items_box)
        il.addWidget(self.items)

        self.diagram = PathDiagram()
        self.diagram.setMinimumHeight(200)
        self.problems = QListWidget()
        self.problems.setObjectName("modelProblems")
        self.problems.setMaximumHeight(110)

        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(blocks_box)
        left.addWidget(paths_box)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(items_box)
        right.addWidget(self.diagram)
        right.setSizes([330, 300])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(QLabel(self.tr("Validation:")))
        layout.addWidget(self.problems)
        for views in (self.blocks, self.paths, self.items):
            readable_headers(views)

        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        delete = QAction(self.tr("Delete"), self)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.triggered.connect(self._delete_selected)
        self.undo_action, self.redo_action = undo, redo
        for a in (undo, redo, delete):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
        self.version.currentIndexChanged.connect(lambda _i: self.load())
        self.refresh()

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        self.version.blockSignals(True)
        current = self.version.currentData()
        self.version.clear()
        states = {"draft": self.tr("draft"), "released": self.tr("released"), "retired": self.tr("retired")}
        for v in model.list_versions(self.ctx.database):
            name = v.survey_name_zh if self.lang == "zh_CN" else (v.survey_name_en or v.survey_name_zh)
            self.version.addItem(self.tr("%1 %2 · version %3 (%4)").replace("%1", v.survey_code).replace("%2", name)
                                 .replace("%3", str(v.version)).replace("%4", states.get(v.state, v.state)), v.id)
        i = self.version.findData(current)
        self.version.setCurrentIndex(max(i, 0))
        self.version.blockSignals(False)
        self.undo_stack.clear()
        self.load()

    def select_version(self, vid: int) -> None:
        self.version.setCurrentIndex(self.version.findData(vid))

    def load(self) -> None:
        vid = self.version.currentData()
        if self.version.currentIndex() >= 0 and getattr(self, "_vid", None) != vid:
            self.undo_stack.clear()
        self._vid = vid
        self.state.setStyleSheet("")
        self.view = model.load_model(self.ctx.database, vid) if vid is not None else None
        v = self.view
        editable = v is not None and v.editable and can(self.ctx.database, "satisfaction.design")
        for w in [*self.template_buttons.values(), *self.block_editors, *self.path_editors]:
            w.setEnabled(editable)
        if v is None:
            self.state.setText(self.tr("No survey yet."))
        elif not v.editable:
            self.state.setText(self.tr("This version is released and frozen: make a new version to change its model."))
        elif not editable:
            self.state.setText(self.tr("Editing the model needs the permission satisfaction.design."))
        else:
            self.state.setText(self.tr("Draft: edit the blocks (double-click a cell), the paths and the indicators' "
                                       "blocks; Ctrl+Z undoes the last edit."))
        self._loading = True
        self._fill(v, editable)
        self._loading = False

    def _label(self, b: model.BlockView) -> str:
        return (b.label_zh if self.lang == "zh_CN" else b.label_en) or b.name

    def _fill(self, v: model.ModelView | None, editable: bool) -> None:
        self.block_data.clear()
        self.block_data.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Chinese label"), self.tr("English label"),
                                                   self.tr("Items")])
        self.path_data.clear()
        self.path_data.setHorizontalHeaderLabels([self.tr("From"), self.tr("To")])
        self.item_data.clear()
        self.item_data.setHorizontalHeaderLabels([self.tr("Indicator"), self.tr("Question"), self.tr("Block")])
        keep = (self.source.currentData(), self.target.currentData())
        for combo in (self.source, self.target):
            combo.clear()
        self.problems.clear()
        if v is None:
            self.diagram.clear()
            return
        for b in v.blocks:
            cells = [QStandardItem(b.name), QStandardItem(b.label_zh), QStandardItem(b.label_en), QStandardItem()]
            cells[3].setData(b.items, Qt.ItemDataRole.DisplayRole)
            for k, c in enumerate(cells):
                c.setData(b.name, Qt.ItemDataRole.UserRole)
                c.setEditable(editable and k < 3)
            self.block_data.appendRow(cells)
            for combo in (self.source, self.target):
                combo.addItem(f"{b.name} · {self._label(b)}", b.name)
        for a, b in v.paths:
            cells = [QStandardItem(a), QStandardItem(b)]
            for c in cells:
                c.setEditable(False)
                c.setData((a, b), Qt.ItemDataRole.UserRole)
            self.path_data.appendRow(cells)
        for combo, value in zip((self.source, self.target), keep):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        names = [b.name for b in v.blocks]
        for row, it in enumerate(v.items):
            text = it.text_zh if self.lang == "zh_CN" else (it.text_en or it.text_zh)
            cells = [QStandardItem(it.code), QStandardItem(text), QStandardItem(it.block)]
            for c in cells:
                c.setEditable(False)
                c.setData(it.node_id, Qt.ItemDataRole.UserRole)
            cells[1].setToolTip(text)
            self.item_data.appendRow(cells)
        for row in range(self.item_proxy.rowCount()):
            index = self.item_proxy.index(row, 2)
            node = index.data(Qt.ItemDataRole.UserRole)
            current = index.data()
            combo = QComboBox()
            combo.setObjectName(f"assign_{self.item_proxy.index(row, 0).data()}")
            combo.addItem(self.tr("(none)"), "")
            for b in v.blocks:
                combo.addItem(f"{b.name} · {self._label(b)}", b.name)
            if current and current not in names:
                combo.addItem(self.tr("%1 (unknown block)").replace("%1", current), current)
            combo.setCurrentIndex(combo.findData(current))
            combo.setEnabled(editable)
            combo.currentIndexChanged.connect(lambda _i, n=node, c=combo: self.assign(n, c.currentData()))
            self.items.setIndexWidget(index, combo)
        self.items.resizeColumnToContents(0)
        self.blocks.resizeColumnsToContents()
        self._show_problems(v)
        self._draw(v)

    def _show_problems(self, v: model.ModelView) -> None:
        errors = [p for p in v.problems if p.is_error]
        for p in v.problems:
            item = QListWidgetItem(("✖ " if p.is_error else "⚠ ") + model.problem_text(p, self.lang))
            item.setForeground(QBrush(QColor("#b00020" if p.is_error else "#9a6700")))
            self.problems.addItem(item)
        if not errors:
            item = QListWidgetItem("✔ " + self.tr("Model valid: a wave of this version may start."))
            item.setForeground(QBrush(QColor("#1b7f3b")))
            self.problems.insertItem(0, item)

    def _draw(self, v: model.ModelView) -> None:
        names = [b.name for b in v.blocks]
        paths = {(a, b): 1.0 for a, b in v.paths if a in names and b in names}
        labels = {b.name: self._label(b) for b in v.blocks}
        try:
            self.diagram.show_model(names, paths, r2={}, index={}, labels=labels)
            for label in getattr(self.diagram, "_labels", []):  # no estimates yet: arrows without coefficients
                self.diagram.removeItem(label)
        except ValueError:  # a cycle: no left-to-right order to draw
            self.diagram.clear()
            self.diagram.positions = {}

    # ------------------------------------------------------------------ edits
    def _run(self, text: str, action) -> bool:
        v = self.view
        if v is None:
            return False
        db = self.ctx.database
        try:
            before = model.snapshot(db, v.version_id)
            action(db, v.version_id)
            after = model.snapshot(db, v.version_id)
        except Exception as exc:  # noqa: BLE001 - every refusal is shown
            self.load()
            self._refused(exc)
            return False
        self.undo_stack.push(_Edit(self, v.version_id, text, before, after))
        self.load()
        return True

    def _refused(self, exc: BaseException) -> None:
        text = exc.text(self.lang) if callable(getattr(exc, "text", None)) else str(exc)
        self.state.setText(text)
        self.state.setStyleSheet("color: #b00020")

    def _restore(self, vid: int, snap: model.Snapshot) -> None:
        try:
            model.restore(self.ctx.database, vid, snap)
        except Exception as exc:  # noqa: BLE001
            self._refused(exc)
        self.load()

    def apply_template(self, kind: str) -> None:
        if kind != "custom" and self.view is not None and self.view.blocks and self.isVisible():
            answer = QMessageBox.question(self, self.tr("Standard model"),
                                          self.tr("Replace the blocks and paths of this version with the standard model?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(self.tr("Apply %1").replace("%1", kind.upper()), lambda db, vid: model.apply_template(db, vid, kind))

    def add_block(self) -> None:
        name = self.block_name.text().strip()
        if self._run(self.tr("Add block"), lambda db, vid: model.add_block(db, vid, name)):
            self.block_name.clear()

    def _selected(self, view: QTableView):
        rows = view.selectionModel().selectedRows() if view.selectionModel() else []
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def delete_block(self) -> None:
        name = self._selected(self.blocks)
        if name:
            self._run(self.tr("Delete block"), lambda db, vid: model.delete_block(db, vid, name))

    def add_path(self) -> None:
        a, b = self.source.currentData(), self.target.currentData()
        if a and b:
            self._run(self.tr("Add path"), lambda db, vid: model.add_path(db, vid, a, b))

    def delete_path(self) -> None:
        pair = self._selected(self.paths)
        if pair:
            self._run(self.tr("Delete path"), lambda db, vid: model.delete_path(db, vid, *pair))

    def _delete_selected(self) -> None:
        if self.paths.hasFocus():
            self.delete_path()
        elif self.blocks.hasFocus():
            self.delete_block()

    def assign(self, node_id: int, block: str) -> None:
        if not self._loading:
            self._run(self.tr("Assign indicator"), lambda db, vid: model.assign(db, node_id, block))

    def _block_edited(self, item: QStandardItem) -> None:
        if self._loading:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        value = item.text()
        col = item.column()
        kwargs = {0: {"new_name": value}, 1: {"label_zh": value}, 2: {"label_en": value}}.get(col)
        if kwargs is None:
            return
        # after the edit the model is rebuilt; do it once the view has finished committing the cell
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: self._run(self.tr("Edit block"),
                                               lambda db, vid: model.update_block(db, vid, name, **kwargs)))

    def assign_combo(self, code: str) -> QComboBox | None:
        for row in range(self.item_proxy.rowCount()):
            if self.item_proxy.index(row, 0).data() == code:
                return self.items.indexWidget(self.item_proxy.index(row, 2))
        return None

    def problem_texts(self) -> list[str]:
        return [self.problems.item(i).text() for i in range(self.problems.count())]



