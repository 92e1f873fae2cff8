"""The survey design tab: pick a survey and version (new survey, new version from a released one,
release, retire), edit the indicator tree of a draft (add child Ins, delete Del, move Ctrl+↑/↓,
edit the selected node's code, texts, weight and importance question; Ctrl+Z / Ctrl+Y undo and
redo), weigh a parent's children by AHP in a pairwise grid whose weights and CR update as the
user types (CR ≥ 0.10 shown red and refused by the service), and keep the Kano pairs and the
NPS question. Thin: every change is one call of ``app.models.satisfaction.design``; a released
version or a user without ``satisfaction.design`` sees everything read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox, QSplitter, QTableWidget,
    QTableWidgetItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from app.models.admin.permissions import can
from app.models.satisfaction import design

RED, GREEN = QColor("#c0392b"), QColor("#1e8449")


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    if v >= 1:
        return f"{v:g}"
    return f"1/{round(1 / v):d}"


#: the two Kano questions of an attribute, as printed on the questionnaire (Kano 1984 wording)
KANO_ZH = ("如果产品具备“{}”，您的感受是？", "如果产品不具备“{}”，您的感受是？")
KANO_EN = ("If the product has “{}”, how do you feel?", "If the product does not have “{}”, how do you feel?")


def _same_number(text: str, value: float) -> bool:
    try:
        return abs(float(text.strip()) - value) < 5e-4
    except ValueError:
        return False


class _Call(QUndoCommand):
    """An edit already made (``redo`` the first time does nothing) with its inverse."""

    def __init__(self, tab: DesignTab, text: str, undo_fn, redo_fn) -> None:
        super().__init__(text)
        self.tab, self.undo_fn, self.redo_fn, self.first = tab, undo_fn, redo_fn, True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self.tab._run(self.redo_fn)

    def undo(self) -> None:
        self.tab._run(self.undo_fn)


class NewSurveyDialog(QDialog):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New survey"))
        form = QFormLayout()
        self.code, self.name_zh, self.name_en = QLineEdit(), QLineEdit(), QLineEdit()
        self.purpose = QComboBox()
        for key, label in (("periodic", self.tr("Periodic satisfaction survey")),
                           ("transaction", self.tr("Transaction survey")), ("kano", self.tr("Kano study")),
                           ("lost_customer", self.tr("Lost-customer survey"))):
            self.purpose.addItem(label, key)
        self.lo, self.hi = QSpinBox(), QSpinBox()
        self.lo.setRange(0, 10)
        self.hi.setRange(0, 10)
        self.lo.setValue(1)
        self.hi.setValue(10)
        scale = QHBoxLayout()
        scale.addWidget(self.lo)
        scale.addWidget(QLabel("–"))
        scale.addWidget(self.hi)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Name (Chinese):"), self.name_zh)
        form.addRow(self.tr("Name (English):"), self.name_en)
        form.addRow(self.tr("Purpose:"), self.purpose)
        form.addRow(self.tr("Scale:"), scale)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(box)

    def values(self) -> dict:
        return {"code": self.code.text(), "name_zh": self.name_zh.text(), "name_en": self.name_en.text(),
                "purpose": self.purpose.currentData(), "scale_min": self.lo.value(), "scale_max": self.hi.value()}


class DesignTab(QWidget):
    COLUMNS = ("code", "text_zh", "text_en", "weight", "weight_method", "importance_question")

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("satDesignTab")
        self.undo = QUndoStack(self)
        self.version: design.VersionRow | None = None
        self.nodes: dict[int, design.NodeRow] = {}
        self.ahp_parent: int | None = None
        self.ahp_children: list[design.NodeRow] = []

        # ---- survey and version
        self.survey = QComboBox()
        self.survey.setObjectName("designSurvey")
        self.survey.setMinimumWidth(200)
        self.version_box = QComboBox()
        self.version_box.setObjectName("designVersion")
        self.state = QLabel()
        self.new_survey_button = QPushButton(self.tr("New survey…"))
        self.new_version_button = QPushButton(self.tr("New version"))
        self.release_button = QPushButton(self.tr("Release"))
        self.retire_button = QPushButton(self.tr("Retire"))
        top = QHBoxLayout()
        for w in (QLabel(self.tr("Survey:")), self.survey, QLabel(self.tr("Version:")), self.version_box):
            top.addWidget(w)
        top.addStretch(1)
        for b in (self.new_survey_button, self.new_version_button, self.release_button, self.retire_button):
            top.addWidget(b)

        # ---- indicator tree
        self.tree = QTreeWidget()
        self.tree.setObjectName("designTree")
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Chinese"), self.tr("English"), self.tr("Weight"),
                                   self.tr("Children weighted"), self.tr("Importance asked")])
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # code, texts and weight also typed in their cells (F2 or a double click), like the form below
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setToolTip(self.tr("F2 or a double click edits the code, the texts or the weight in place."))
        self.add_button = QPushButton(self.tr("Add child (Ins)"))
        self.delete_button = QPushButton(self.tr("Delete (Del)"))
        self.up_button = QPushButton(self.tr("Up"))
        self.down_button = QPushButton(self.tr("Down"))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        tools = QHBoxLayout()
        for b in (self.add_button, self.delete_button, self.up_button, self.down_button, self.undo_button,
                  self.redo_button):
            tools.addWidget(b)
        tools.addStretch(1)
        self.state.setWordWrap(True)
        # the selected node's fields
        self.code = QLineEdit()
        self.text_zh = QLineEdit()
        self.text_en = QLineEdit()
        self.weight = QLineEdit()
        self.weight.setPlaceholderText(self.tr("e.g. 0.3 (direct weighting)"))
        self.method = QComboBox()
        for key, label in (("direct", self.tr("direct")), ("ahp", self.tr("AHP")), ("derived", self.tr("from the data"))):
            self.method.addItem(label, key)
        self.importance = QCheckBox(self.tr("Also ask how important it is"))
        self.save_node_button = QPushButton(self.tr("Save node"))
        node_form = QFormLayout()
        node_form.addRow(self.tr("Code:"), self.code)
        node_form.addRow(self.tr("Chinese text:"), self.text_zh)
        node_form.addRow(self.tr("English text:"), self.text_en)
        node_form.addRow(self.tr("Weight:"), self.weight)
        node_form.addRow(self.tr("Children weighted:"), self.method)
        node_form.addRow("", self.importance)
        node_form.addRow("", self.save_node_button)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(tools)
        lv.addWidget(self.state)
        lv.addWidget(self.tree, 1)
        lv.addLayout(node_form)

        # ---- AHP grid
        self.ahp = QTableWidget()
        self.ahp.setObjectName("ahpGrid")
        self.ahp_title = QLabel()
        self.ahp_result = QLabel()
        self.ahp_result.setObjectName("ahpResult")
        self.ahp_result.setWordWrap(True)
        self.save_ahp_button = QPushButton(self.tr("Save AHP judgements"))
        ahp_box = QGroupBox(self.tr("AHP pairwise comparisons"))
        self.ahp_title.setWordWrap(True)
        av = QVBoxLayout(ahp_box)
        av.addWidget(self.ahp_title)
        av.addWidget(self.ahp, 1)
        av.addWidget(self.ahp_result)
        av.addWidget(self.save_ahp_button)

        # ---- Kano pairs and NPS
        self.kano = QTableWidget(0, len(self.KANO_FIELDS))
        self.kano.setObjectName("kanoPairs")
        self.kano.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Attribute"), self.tr("Attribute (English)"),
                                             self.tr("If present"), self.tr("If present (English)"),
                                             self.tr("If absent"), self.tr("If absent (English)")])
        self.kano.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.kano.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.kano.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.kano.horizontalHeader().setStretchLastSection(False)
        self.kano.setWordWrap(False)
        self.add_kano_button = QPushButton(self.tr("Add Kano pair…"))
        self.delete_kano_button = QPushButton(self.tr("Delete Kano pair"))
        self.kano_up_button = QPushButton(self.tr("Move up"))
        self.kano_up_button.setToolTip(self.tr("Move the Kano pair up (Ctrl+Up)"))
        self.kano_down_button = QPushButton(self.tr("Move down"))
        self.kano_down_button.setToolTip(self.tr("Move the Kano pair down (Ctrl+Down)"))
        self.nps_zh, self.nps_en = QLineEdit(), QLineEdit()
        self.save_nps_button = QPushButton(self.tr("Save NPS question"))
        kano_box = QGroupBox(self.tr("Kano pairs and the NPS question"))
        kv = QVBoxLayout(kano_box)
        kv.addWidget(self.kano, 1)
        kb = QHBoxLayout()
        kb.addWidget(self.add_kano_button)
        kb.addWidget(self.delete_kano_button)
        kb.addWidget(self.kano_up_button)
        kb.addWidget(self.kano_down_button)
        kb.addStretch(1)
        kv.addLayout(kb)
        nf = QFormLayout()
        nf.addRow(self.tr("NPS (Chinese):"), self.nps_zh)
        nf.addRow(self.tr("NPS (English):"), self.nps_en)
        nf.addRow("", self.save_nps_button)
        kv.addLayout(nf)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(ahp_box)
        right.addWidget(kano_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.message = QLabel()
        self.message.setObjectName("designMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

        # ---- wiring
        self.survey.currentIndexChanged.connect(self._fill_versions)
        self.version_box.currentIndexChanged.connect(self.load_version)
        self.new_survey_button.clicked.connect(self.new_survey)
        self.new_version_button.clicked.connect(self.new_version)
        self.release_button.clicked.connect(self.release)
        self.retire_button.clicked.connect(self.retire)
        self.tree.currentItemChanged.connect(self._select)
        self.tree.itemChanged.connect(self._tree_edited)
        self.add_button.clicked.connect(self.add_child)
        self.delete_button.clicked.connect(self.delete_node)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.undo_button.clicked.connect(self.undo.undo)
        self.redo_button.clicked.connect(self.undo.redo)
        self.save_node_button.clicked.connect(self.save_node)
        self.ahp.itemChanged.connect(self._ahp_changed)
        self.save_ahp_button.clicked.connect(self.save_ahp)
        self.add_kano_button.clicked.connect(lambda: self.add_kano())
        self.kano.itemChanged.connect(self._kano_edited)
        self.delete_kano_button.clicked.connect(self.delete_kano)
        self.kano_up_button.clicked.connect(lambda: self.move_kano(-1))
        self.kano_down_button.clicked.connect(lambda: self.move_kano(1))
        self.save_nps_button.clicked.connect(self.save_nps)
        for key, fn in ((QKeySequence(Qt.Key.Key_Insert), self.add_child), (QKeySequence.StandardKey.Delete, self.delete_node),
                        (QKeySequence("Ctrl+Up"), lambda: self.move(-1)), (QKeySequence("Ctrl+Down"), lambda: self.move(1)),
                        (QKeySequence.StandardKey.Undo, self.undo.undo), (QKeySequence.StandardKey.Redo, self.undo.redo)):
            sc = QShortcut(key, self.tree)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        for key, fn in ((QKeySequence("Ctrl+Up"), lambda: self.move_kano(-1)),
                        (QKeySequence("Ctrl+Down"), lambda: self.move_kano(1)),
                        (QKeySequence(Qt.Key.Key_Insert), lambda: self.add_kano()),
                        (QKeySequence.StandardKey.Delete, self.delete_kano),
                        (QKeySequence.StandardKey.Undo, self.undo.undo), (QKeySequence.StandardKey.Redo, self.undo.redo)):
            sc = QShortcut(key, self.kano)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        self.refresh()

    # ------------------------------------------------------------------ helpers
    def _lang(self) -> str:
        return self.ctx.language

    def _run(self, fn) -> bool:
        """One service call; a refusal is shown (red) and False returned."""
        try:
            fn()
        except design.DesignError as exc:
            self._say(exc.text(self._lang()), error=True)
            return False
        except Exception as exc:  # permission, busy database: one line
            from app.views.suppliers.common import error_text

            self._say(error_text(exc), error=True)
            return False
        self.reload()
        return True

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {RED.name()};" if error else "")

    def editable(self) -> bool:
        return self.version is not None and self.version.state == "draft" and can(self.ctx.database, "satisfaction.design")

    # ------------------------------------------------------------------ surveys and versions
    def refresh(self, keep_survey: int | None = None, keep_version: int | None = None) -> None:
        self.surveys = design.list_surveys(self.ctx.database)
        self.survey.blockSignals(True)
        self.survey.clear()
        for sv in self.surveys:
            name = sv.name_zh if self._lang() == "zh_CN" else (sv.name_en or sv.name_zh)
            self.survey.addItem(f"{sv.code}  {name}", sv.id)
        self.survey.blockSignals(False)
        if keep_survey is not None and self.survey.findData(keep_survey) >= 0:
            self.survey.setCurrentIndex(self.survey.findData(keep_survey))
        self._fill_versions(keep_version=keep_version)
        self.new_survey_button.setEnabled(can(self.ctx.database, "satisfaction.design"))

    def current_survey(self) -> design.SurveyRow | None:
        sid = self.survey.currentData()
        return next((s for s in self.surveys if s.id == sid), None)

    def _state_word(self, state: str) -> str:
        return {"draft": self.tr("draft"), "released": self.tr("released"), "retired": self.tr("retired")}.get(state, state)

    def _fill_versions(self, *_args, keep_version: int | None = None) -> None:
        sv = self.current_survey()
        self.version_box.blockSignals(True)
        self.version_box.clear()
        for v in (sv.versions if sv else ()):
            self.version_box.addItem(self.tr("Version %1 (%2)").replace("%1", str(v.version)).replace(
                "%2", self._state_word(v.state)), v.id)
        self.version_box.blockSignals(False)
        if self.version_box.count():
            i = self.version_box.findData(keep_version) if keep_version is not None else self.version_box.count() - 1
            self.version_box.setCurrentIndex(max(i, 0))
        self.load_version()

    def load_version(self, *_args) -> None:
        sv = self.current_survey()
        vid = self.version_box.currentData()
        self.version = next((v for v in (sv.versions if sv else ()) if v.id == vid), None)
        self.undo.clear()
        self.reload()

    def reload(self) -> None:
        """Re-read the survey list and the version (after a change), keeping the selection."""
        sid, vid = self.survey.currentData(), self.version_box.currentData()
        selected = self.tree.currentItem().data(0, Qt.ItemDataRole.UserRole) if self.tree.currentItem() else None
        self.surveys = design.list_surveys(self.ctx.database)
        sv = next((s for s in self.surveys if s.id == sid), None)
        self.version = next((v for v in (sv.versions if sv else ()) if v.id == vid), None)
        i = self.version_box.currentIndex()
        if self.version is not None and i >= 0:
            self.version_box.setItemText(i, self.tr("Version %1 (%2)").replace("%1", str(self.version.version)).replace(
                "%2", self._state_word(self.version.state)))
        self._fill_tree(selected)
        self._fill_kano()
        self.nps_zh.setText(self.version.nps_zh if self.version else "")
        self.nps_en.setText(self.version.nps_en if self.version else "")
        self.nps_zh.setCursorPosition(0)
        self.nps_en.setCursorPosition(0)
        ok = self.editable()
        draft = self.version is not None and self.version.state == "draft"
        may = can(self.ctx.database, "satisfaction.design")
        for w in (self.add_button, self.delete_button, self.up_button, self.down_button, self.save_node_button,
                  self.save_ahp_button, self.add_kano_button, self.delete_kano_button, self.save_nps_button,
                  self.code, self.text_zh, self.text_en, self.weight, self.method, self.importance, self.nps_zh,
                  self.nps_en):
            w.setEnabled(ok)
        self.release_button.setEnabled(may and draft)
        self.retire_button.setEnabled(may and self.version is not None and self.version.state == "released")
        has_draft = sv is not None and any(v.state == "draft" for v in sv.versions)
        self.new_version_button.setEnabled(may and self.version is not None and not draft and not has_draft)
        self.undo_button.setEnabled(ok)
        self.redo_button.setEnabled(ok)
        self.state.setText("" if self.version is None else (
            self.tr("editable draft") if ok else self.tr("read-only: released versions are frozen") if not draft
            else self.tr("read-only: you may not change survey designs")))
        self._show_ahp()

    def new_survey(self) -> None:
        dialog = NewSurveyDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.create_survey(dialog.values())

    def create_survey(self, values: dict) -> bool:
        try:
            row = design.create_survey(self.ctx.database, **values)
        except design.DesignError as exc:
            self._say(exc.text(self._lang()), error=True)
            return False
        self.refresh(keep_survey=row.id)
        self._say(self.tr("Survey %1 created with a draft version 1.").replace("%1", row.code))
        return True

    def new_version(self) -> None:
        sv, v = self.current_survey(), self.version
        if sv is None or v is None:
            return
        try:
            row = design.new_version(self.ctx.database, sv.id, v.id)
        except design.DesignError as exc:
            self._say(exc.text(self._lang()), error=True)
            return
        self.refresh(keep_survey=sv.id, keep_version=row.id)
        self._say(self.tr("Version %1 is a draft copied from version %2.").replace("%1", str(row.version))
                  .replace("%2", str(v.version)))

    def release(self) -> None:
        if self.version is None:
            return
        try:
            design.release(self.ctx.database, self.version.id)
        except design.ReleaseRefused as exc:
            self._say("\n".join(p.text(self._lang()) for p in exc.problems) or exc.text(self._lang()), error=True)
            return
        except design.DesignError as exc:
            self._say(exc.text(self._lang()), error=True)
            return
        self.undo.clear()
        self.reload()
        self._say(self.tr("Released: the version is frozen; waves can ask it."))

    def retire(self) -> None:
        if self.version is not None and self._run(lambda: design.retire(self.ctx.database, self.version.id)):
            self._say(self.tr("Retired: no new wave asks this version."))

    # ------------------------------------------------------------------ tree
    def _fill_tree(self, selected: int | None = None) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        rows = design.version_tree(self.ctx.database, self.version.id) if self.version else []
        self.nodes = {r.id: r for r in rows}
        items: dict[int, QTreeWidgetItem] = {}
        methods = {"direct": self.tr("direct"), "ahp": self.tr("AHP"), "derived": self.tr("from the data")}
        kids: dict[int | None, list] = {}
        for r in rows:
            kids.setdefault(r.parent_id if r.parent_id in self.nodes else None, []).append(r)
        stack = [(None, r) for r in sorted(kids.get(None, []), key=lambda r: (r.position, r.id), reverse=True)]
        while stack:  # depth first, each node's children in their order (parents before children)
            parent_id, r = stack.pop()
            if r.id in items:
                continue
            it = QTreeWidgetItem([r.code, r.text_zh, r.text_en, "" if r.weight is None else f"{r.weight:.3f}",
                                  methods.get(r.weight_method, r.weight_method) if r.kind != "indicator" else "",
                                  self.tr("yes") if r.importance_question else ""])
            it.setData(0, Qt.ItemDataRole.UserRole, r.id)
            if self.editable():
                it.setFlags(it.flags() | Qt.ItemFlag.ItemIsEditable)
            parent = items.get(parent_id) if parent_id is not None else None
            (parent.addChild(it) if parent is not None else self.tree.addTopLevelItem(it))
            items[r.id] = it
            stack.extend((r.id, k) for k in sorted(kids.get(r.id, []), key=lambda k: (k.position, k.id), reverse=True))
        self.tree.expandAll()
        for c in (0, 3, 4, 5):
            self.tree.resizeColumnToContents(c)
        self.tree.blockSignals(False)
        target = items.get(selected) if selected is not None else None
        if target is None and items:
            target = self.tree.topLevelItem(0)
        if target is not None:
            self.tree.setCurrentItem(target)
        self._select()

    TREE_FIELDS = ("code", "text_zh", "text_en", "weight")

    def _tree_edited(self, item: QTreeWidgetItem, column: int) -> None:
        """A cell of the tree typed in place: one edit of the node (undo: the old value). The call
        waits for the editor to close, because a reload replaces the items."""
        n = self.nodes.get(item.data(0, Qt.ItemDataRole.UserRole))
        if n is None or not self.editable() or column >= len(self.TREE_FIELDS):
            return
        key, text = self.TREE_FIELDS[column], item.text(column)
        old = getattr(n, key)
        new = (text.strip() or None) if key == "weight" else text
        shown = "" if old is None else (f"{old:.3f}" if key == "weight" else old)
        if text == shown or (key == "weight" and old is not None and _same_number(text, old)):
            return
        QTimer.singleShot(0, lambda: self._edit_cell(n, key, old, new))

    def _edit_cell(self, n: design.NodeRow, key: str, old, new) -> None:
        if self._run(lambda: design.edit_node(self.ctx.database, n.id, **{key: new})):
            self.select_node(n.id)
            self.undo.push(_Call(self, self.tr("edit %1").replace("%1", n.code),
                                 lambda: design.edit_node(self.ctx.database, n.id, **{key: old}),
                                 lambda: design.edit_node(self.ctx.database, n.id, **{key: new})))
        else:
            self._fill_tree(n.id)  # the stored value back in the cell; the message says why

    def selected_node(self) -> design.NodeRow | None:
        it = self.tree.currentItem()
        return self.nodes.get(it.data(0, Qt.ItemDataRole.UserRole)) if it is not None else None

    def select_node(self, node_id: int) -> None:
        def walk(item):
            if item.data(0, Qt.ItemDataRole.UserRole) == node_id:
                return item
            for i in range(item.childCount()):
                found = walk(item.child(i))
                if found is not None:
                    return found
            return None
        for i in range(self.tree.topLevelItemCount()):
            found = walk(self.tree.topLevelItem(i))
            if found is not None:
                self.tree.setCurrentItem(found)
                return

    def _select(self, *_args) -> None:
        n = self.selected_node()
        self.code.setText(n.code if n else "")
        self.text_zh.setText(n.text_zh if n else "")
        self.text_en.setText(n.text_en if n else "")
        self.weight.setText("" if n is None or n.weight is None else f"{n.weight:g}")
        self.method.setCurrentIndex(max(self.method.findData(n.weight_method if n else "direct"), 0))
        self.importance.setChecked(bool(n and n.importance_question))
        self.importance.setVisible(n is None or n.kind == "indicator")
        self.add_button.setEnabled(self.editable() and n is not None and n.kind != "indicator")
        self._show_ahp()

    def add_child(self) -> None:
        n = self.selected_node()
        if not self.editable() or n is None or n.kind == "indicator":
            return
        kind = "dimension" if n.kind == "goal" else "indicator"
        siblings = [r for r in self.nodes.values() if r.parent_id == n.id]
        prefix = "D" if kind == "dimension" else (n.code[2:] if n.code.startswith("D_") else n.code)[:3].upper() or "Q"
        code = next(f"{prefix}{i}" for i in range(len(siblings) + 1, 999)
                    if f"{prefix}{i}" not in {r.code for r in self.nodes.values()})
        created: list[design.NodeRow] = []
        vid = self.version.id

        def do():
            created.append(design.add_node(self.ctx.database, vid, n.id, code,
                                           self.tr("New dimension") if kind == "dimension" else self.tr("New question")))
        if self._run(do):
            new = created[0]
            self.select_node(new.id)
            self.undo.push(_Call(self, self.tr("add %1").replace("%1", code),
                                 lambda: design.delete_node(self.ctx.database, new.id), lambda: None))
            self.code.setFocus()
            self.code.selectAll()

    def delete_node(self) -> None:
        n = self.selected_node()
        if not self.editable() or n is None or n.parent_id is None:
            return
        gone: list = []
        if self._run(lambda: gone.append(design.delete_node(self.ctx.database, n.id))):
            deleted = gone[0]
            self.undo.push(_Call(self, self.tr("delete %1").replace("%1", n.code),
                                 lambda: design.restore_nodes(self.ctx.database, deleted),
                                 lambda: design.delete_node(self.ctx.database, n.id)))
            self._say(self.tr("Deleted %1 (Ctrl+Z brings it back).").replace("%1", n.code))

    def move(self, step: int) -> None:
        n = self.selected_node()
        if not self.editable() or n is None:
            return
        moved: list[bool] = []
        if self._run(lambda: moved.append(design.move_node(self.ctx.database, n.id, step))) and moved[0]:
            self.select_node(n.id)
            self.undo.push(_Call(self, self.tr("move %1").replace("%1", n.code),
                                 lambda: design.move_node(self.ctx.database, n.id, -step),
                                 lambda: design.move_node(self.ctx.database, n.id, step)))

    def save_node(self) -> None:
        n = self.selected_node()
        if not self.editable() or n is None:
            return
        new = {"code": self.code.text(), "text_zh": self.text_zh.text(), "text_en": self.text_en.text(),
               "weight": self.weight.text().strip() or None, "weight_method": self.method.currentData()}
        if n.kind == "indicator":
            new["importance_question"] = self.importance.isChecked()
        old = {"code": n.code, "text_zh": n.text_zh, "text_en": n.text_en, "weight": n.weight,
               "weight_method": n.weight_method}
        if n.kind == "indicator":
            old["importance_question"] = n.importance_question
        if self._run(lambda: design.edit_node(self.ctx.database, n.id, **new)):
            self.undo.push(_Call(self, self.tr("edit %1").replace("%1", n.code),
                                 lambda: design.edit_node(self.ctx.database, n.id, **old),
                                 lambda: design.edit_node(self.ctx.database, n.id, **new)))
            self._say(self.tr("Saved %1.").replace("%1", new["code"]))

    # ------------------------------------------------------------------ AHP
    def _show_ahp(self) -> None:
        n = self.selected_node()
        parent = n if n is not None and n.kind != "indicator" else (self.nodes.get(n.parent_id) if n else None)
        self.ahp.blockSignals(True)
        self.ahp.clear()
        self.ahp_parent, self.ahp_children = None, []
        if parent is None:
            self.ahp.setRowCount(0)
            self.ahp.setColumnCount(0)
            self.ahp_title.setText(self.tr("Select a goal or dimension to weigh its children."))
            self.ahp_result.setText("")
            self.ahp.blockSignals(False)
            return
        state = design.ahp_state(self.ctx.database, parent.id)
        self.ahp_parent, self.ahp_children = parent.id, list(state.children)
        k = len(self.ahp_children)
        self.ahp.setRowCount(k)
        self.ahp.setColumnCount(k)
        # rows named, columns numbered (a wide grid of long codes would not fit a laptop)
        self.ahp.setHorizontalHeaderLabels([str(i + 1) for i in range(k)])
        self.ahp.setVerticalHeaderLabels([f"{i + 1}  {c.code}" for i, c in enumerate(self.ahp_children)])
        for i, c in enumerate(self.ahp_children):
            self.ahp.horizontalHeaderItem(i).setToolTip(f"{c.code}  {c.text_zh if self._lang() == 'zh_CN' else c.text_en}")
        self.ahp.horizontalHeader().setMinimumSectionSize(34)
        self.ahp.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for i in range(k):
            for j in range(k):
                v = state.matrix[i][j] if state.matrix else None
                item = QTableWidgetItem("1" if i == j else _fmt(v))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if i >= j or not self.editable():
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setForeground(QBrush(QColor("#777777")))
                self.ahp.setItem(i, j, item)
        self.ahp_title.setText(self.tr("Children of %1: how much more important is the row than the column? "
                                       "Type the upper triangle (3, 1/5 …).").replace("%1", parent.code))
        self.ahp.blockSignals(False)
        self._ahp_changed()

    def upper(self) -> tuple[dict[tuple[int, int], float], list[str]]:
        """The typed upper triangle (index pairs) and the cells that are not Saaty values."""
        out, bad = {}, []
        for i in range(len(self.ahp_children)):
            for j in range(i + 1, len(self.ahp_children)):
                item = self.ahp.item(i, j)
                text = item.text().strip() if item else ""
                if not text:
                    continue
                try:
                    out[(i, j)] = design.parse_saaty(text)
                except ValueError:
                    bad.append(f"{self.ahp_children[i].code}/{self.ahp_children[j].code}: {text}")
        return out, bad

    def _ahp_changed(self, *_args) -> None:
        """Mirror the lower triangle and show the weights and the CR as the user types."""
        k = len(self.ahp_children)
        if not k:
            return
        upper, bad = self.upper()
        self.ahp.blockSignals(True)
        for i in range(k):
            for j in range(i + 1, k):
                low = self.ahp.item(j, i)
                if low is not None:
                    low.setText(_fmt(1 / upper[(i, j)]) if (i, j) in upper else "")
        self.ahp.blockSignals(False)
        if bad:
            self.ahp_result.setText(self.tr("Not a value of Saaty's 1–9 scale: %1").replace("%1", "; ".join(bad)))
            self.ahp_result.setStyleSheet(f"color: {RED.name()};")
            return
        weights, cr, complete = design.evaluate(k, upper)
        if not complete:
            missing = k * (k - 1) // 2 - len(upper)
            self.ahp_result.setText(self.tr("%1 comparison(s) still to enter.").replace("%1", str(missing)))
            self.ahp_result.setStyleSheet("")
            return
        parts = ", ".join(f"{c.code} {w:.3f}" for c, w in zip(self.ahp_children, weights))
        ok = cr is not None and cr < 0.10
        text = self.tr("Weights: %1 · CR = %2").replace("%1", parts).replace("%2", f"{cr:.3f}")
        if not ok:
            text += " " + self.tr("(≥ 0.10: inconsistent — revise the judgements)")
        self.ahp_result.setText(text)
        self.ahp_result.setStyleSheet(f"color: {(GREEN if ok else RED).name()};")

    def set_judgement(self, row: int, col: int, text: str) -> None:
        """Type one upper-triangle cell (what the user does in the grid)."""
        self.ahp.item(row, col).setText(text)

    def save_ahp(self) -> None:
        if not self.editable() or self.ahp_parent is None:
            return
        upper, bad = self.upper()
        if bad:
            self._ahp_changed()
            self._say(self.ahp_result.text(), error=True)
            return
        ids = {(self.ahp_children[i].id, self.ahp_children[j].id): v for (i, j), v in upper.items()}
        if self._run(lambda: design.set_judgements(self.ctx.database, self.ahp_parent, ids)):
            self._say(self.tr("AHP judgements saved."))

    # ------------------------------------------------------------------ Kano and NPS
    KANO_FIELDS = ("code", "attribute_zh", "attribute_en", "functional_zh", "functional_en", "dysfunctional_zh",
                   "dysfunctional_en")

    def _fill_kano(self) -> None:
        self.kano_rows = design.kano_pairs(self.ctx.database, self.version.id) if self.version else []
        self.kano.blockSignals(True)
        self.kano.setRowCount(len(self.kano_rows))
        ok = self.editable()
        for r, p in enumerate(self.kano_rows):
            for c, key in enumerate(self.KANO_FIELDS):
                v = getattr(p, key)
                item = QTableWidgetItem(v)
                if not ok:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setToolTip(v)
                self.kano.setItem(r, c, item)
        self.kano.blockSignals(False)
        self.kano.resizeColumnsToContents()
        head = self.kano.horizontalHeader()
        for c in range(self.kano.columnCount()):  # never under the header's own width (scroll instead)
            self.kano.setColumnWidth(c, max(head.sectionSizeHint(c), min(self.kano.columnWidth(c), 160)))
        for b in (self.kano_up_button, self.kano_down_button):
            b.setEnabled(self.editable() and len(self.kano_rows) > 1)

    def select_kano(self, pair_id: int) -> None:
        r = next((i for i, p in enumerate(self.kano_rows) if p.id == pair_id), -1)
        if r >= 0:
            self.kano.setCurrentCell(r, max(self.kano.currentColumn(), 0))

    def move_kano(self, step: int) -> None:
        """The selected Kano pair one place up (-1) or down (+1) in the questionnaire (undo: back)."""
        r = self.kano.currentRow()
        if not self.editable() or not 0 <= r < len(self.kano_rows):
            return
        pair = self.kano_rows[r]
        moved: list[bool] = []
        if self._run(lambda: moved.append(design.move_kano(self.ctx.database, pair.id, step))) and moved[0]:
            self.select_kano(pair.id)
            self.undo.push(_Call(self, self.tr("move %1").replace("%1", pair.code),
                                 lambda: design.move_kano(self.ctx.database, pair.id, -step),
                                 lambda: design.move_kano(self.ctx.database, pair.id, step)))

    def _kano_edited(self, item: QTableWidgetItem) -> None:
        """A Kano cell typed in place: one edit of the pair (undo: the old text)."""
        r, c = item.row(), item.column()
        if not self.editable() or not 0 <= r < len(self.kano_rows):
            return
        pair, key = self.kano_rows[r], self.KANO_FIELDS[c]
        old, new = getattr(pair, key), item.text()
        if old == new:
            return
        pid = pair.id
        if self._run(lambda: design.edit_kano(self.ctx.database, pid, **{key: new})):
            self.undo.push(_Call(self, self.tr("edit %1").replace("%1", pair.code),
                                 lambda: design.edit_kano(self.ctx.database, pid, **{key: old}),
                                 lambda: design.edit_kano(self.ctx.database, pid, **{key: new})))
        else:
            self._fill_kano()

    def add_kano(self, code: str | None = None, attribute: str | None = None, attribute_en: str | None = None) -> None:
        """A new Kano pair: code and attribute asked (Chinese required, English optional); both
        questions are written from the attribute in each language and can be edited in their cells."""
        if not self.editable():
            return
        if code is None:
            code, ok = QInputDialog.getText(self, self.tr("Add Kano pair"), self.tr("Code (e.g. K7):"))
            if not ok:
                return
            attribute, ok = QInputDialog.getText(self, self.tr("Add Kano pair"), self.tr("Attribute (Chinese):"))
            if not ok:
                return
            attribute_en, ok = QInputDialog.getText(self, self.tr("Add Kano pair"),
                                                    self.tr("Attribute (English, may stay empty):"))
            if not ok:
                return
        vid = self.version.id
        attribute, attribute_en = (attribute or "").strip(), (attribute_en or "").strip()
        texts = dict(attribute_en=attribute_en, functional_zh=KANO_ZH[0].format(attribute),
                     dysfunctional_zh=KANO_ZH[1].format(attribute))
        if attribute_en:
            texts.update(functional_en=KANO_EN[0].format(attribute_en), dysfunctional_en=KANO_EN[1].format(attribute_en))
        if self._run(lambda: design.add_kano(self.ctx.database, vid, code, attribute, **texts)):
            added = next((p for p in self.kano_rows if p.code == code.strip()), None)
            if added is not None:
                self.select_kano(added.id)
                self.undo.push(_Call(self, self.tr("add %1").replace("%1", added.code),
                                     lambda: self._delete_kano_code(vid, added.code),
                                     lambda: design.add_kano(self.ctx.database, vid, added.code, attribute, **texts)))

    def _delete_kano_code(self, version_id: int, code: str) -> None:
        pair = next((p for p in design.kano_pairs(self.ctx.database, version_id) if p.code == code), None)
        if pair is not None:
            design.delete_kano(self.ctx.database, pair.id)

    def delete_kano(self) -> None:
        r = self.kano.currentRow()
        if not self.editable() or not 0 <= r < len(self.kano_rows):
            return
        pair = self.kano_rows[r]
        if QMessageBox.question(self, self.tr("Delete Kano pair"),
                                self.tr("Delete the Kano pair %1?").replace("%1", pair.code)) != QMessageBox.StandardButton.Yes:
            return
        vid, texts = self.version.id, {f: getattr(pair, f) for f in self.KANO_FIELDS[2:]}
        if self._run(lambda: design.delete_kano(self.ctx.database, pair.id)):
            self._say(self.tr("Deleted %1 (Ctrl+Z brings it back).").replace("%1", pair.code))
            self.undo.push(_Call(self, self.tr("delete %1").replace("%1", pair.code),
                                 lambda: design.add_kano(self.ctx.database, vid, pair.code, pair.attribute_zh, at=r,
                                                         **texts),
                                 lambda: self._delete_kano_code(vid, pair.code)))

    def save_nps(self) -> None:
        if self.editable() and self._run(lambda: design.set_nps(self.ctx.database, self.version.id, self.nps_zh.text(),
                                                                 self.nps_en.text())):
            self._say(self.tr("NPS question saved."))


def title() -> str:
    """The tab's title in the Satisfaction module."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("DesignTab", "Survey design")
