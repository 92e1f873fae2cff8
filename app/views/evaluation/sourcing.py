"""Sourcing (货源策略) of the selected period: every item on one full-width line with its
supplier-count strategy (coloured by urgency), its current suppliers under it with grade, score
and the order share suggested from grade × score, then (greyed) the linked suppliers that do not
count, with the reason. Loaded through the task runner; the service is
``app.models.evaluation_sourcing.sourcing_plan``."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from app.engines.grading import GRADES
from app.engines.labels import word
from app.models.evaluation.sourcing import STRATEGY_ORDER, SourcingItem, SourcingPlan, sourcing_plan
from app.views.core.table_models import readable_headers
from app.views.evaluation.labels import (
    GRADE_BACKGROUNDS, GRADE_COLOURS, LINK_REASONS, STRATEGIES, STRATEGY_HINTS, label,
)
from app.views.suppliers.common import IMPORTANCE, STATUS, error_text, supplier_name
from app.views.suppliers.common import label as lifecycle_label
from app.views.core.table_models import SORT_ROLE, NativeSortProxy

CTX = "Evaluation"
STRATEGY_ROLE = Qt.ItemDataRole.UserRole + 10  # the item's strategy codes (tuple), on every row
CODE_ROLE = Qt.ItemDataRole.UserRole + 11  # the row's item or supplier code
COUNTED_ROLE = Qt.ItemDataRole.UserRole + 12  # False on the rows of linked suppliers that do not count

# Background of an item line by its most urgent strategy: needs a new source (red), needs improvement
# (amber), not graded (grey), fine (blue, green).
STRATEGY_BACKGROUNDS = {
    "no_source": QColor("#fbe0dc"), "develop_new_sources": QColor("#fbe0dc"),
    "develop_second_source": QColor("#fdf0cf"), "urge_improvement_seek_better": QColor("#fdf0cf"),
    "phase_out_d": QColor("#fdf0cf"), "no_graded_source": QColor("#ececec"),
    "shift_share_to_best": QColor("#dde8f7"), "maintain": QColor("#d5f0dc"), "single_source_ok": QColor("#d5f0dc"),
}
UP, DOWN = QColor("#1e8449"), QColor("#c0392b")
NOT_COUNTED = QColor("#8a8a8a")


COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", QT_TRANSLATE_NOOP("Evaluation", "Item / supplier")),
    ("name", QT_TRANSLATE_NOOP("Evaluation", "Name")),
    ("grade", QT_TRANSLATE_NOOP("Evaluation", "Grade")),
    ("score", QT_TRANSLATE_NOOP("Evaluation", "Score")),
    ("current", QT_TRANSLATE_NOOP("Evaluation", "Current share")),
    ("suggested", QT_TRANSLATE_NOOP("Evaluation", "Suggested share")),
    ("change", QT_TRANSLATE_NOOP("Evaluation", "Change")),
    ("class", QT_TRANSLATE_NOOP("Evaluation", "Status")),
)
FIELDS = tuple(key for key, _ in COLUMNS)
# Widest a column is fitted to (pixels), so the share columns stay in view; long text is elided.
COLUMN_MAX = {"name": 300}
RIGHT = {"score", "current", "suggested", "change"}


def strategy_text(codes, lang: str) -> str:
    return ("；" if lang == "zh_CN" else "; ").join(label(STRATEGIES, c) for c in codes)


def reason_text(reason: str) -> str:
    return label(LINK_REASONS, reason) if reason in LINK_REASONS else lifecycle_label(STATUS, reason)


def share_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f} %"


@dataclass
class _Row:
    """Display text, native sort value and colours of each column of one tree row."""

    code: str
    text: dict[str, str]
    sort: dict[str, Any]
    strategy: tuple[str, ...]
    counted: bool = True
    tooltip: dict[str, str] = field(default_factory=dict)
    foreground: dict[str, QColor] = field(default_factory=dict)
    background: dict[str, QColor] = field(default_factory=dict)
    search: str = ""


def _item_rows(item: SourcingItem, lang: str) -> tuple[_Row, list[_Row]]:
    graded = [s for s in item.suppliers if s.grade]
    best_grade = min((s.grade for s in graded), key=GRADES.index, default=None)
    best_score = max((s.score for s in item.suppliers if s.score is not None), default=None)
    name = supplier_name(item, lang)
    empty = dict.fromkeys(FIELDS, "")
    strategy = strategy_text(item.strategy, lang)
    importance = lifecycle_label(IMPORTANCE, item.importance_class)
    hints = "\n".join(label(STRATEGY_HINTS, c) for c in item.strategy)
    head = _Row(
        code=item.code,
        # The item line spans the whole row (the view's first column), so it carries the strategy.
        text={**empty, "code": f"{item.code}  {name}  ·  {importance}  —  {strategy}", "name": name,
              "class": importance},
        # In the supplier columns an item sorts by its best supplier.
        sort={**dict.fromkeys(FIELDS), "code": item.code, "name": name, "class": item.importance_class,
              "grade": best_grade, "score": best_score},
        strategy=item.strategy,
        tooltip={"code": f"{strategy}\n{hints}"},
        background={"code": STRATEGY_BACKGROUNDS.get(item.strategy[0])} if item.strategy else {},
    )
    children = []
    for s in item.suppliers:
        delta = None if s.current_share is None else round(s.suggested_share - s.current_share, 6)
        sname = supplier_name(s, lang)
        row = _Row(
            code=s.code,
            text={"code": s.code, "name": sname, "class": lifecycle_label(STATUS, s.status),
                  "grade": s.grade or QCoreApplication.translate("Evaluation", "No score"),
                  "score": "" if s.score is None else f"{s.score:.2f}",
                  "current": share_text(s.current_share), "suggested": share_text(s.suggested_share),
                  "change": "" if delta is None else f"{delta * 100:+.1f}"},
            sort={"code": s.code, "name": sname, "class": s.status, "grade": s.grade,
                  "score": s.score, "current": s.current_share, "suggested": s.suggested_share, "change": delta},
            strategy=item.strategy,
            tooltip={"change": QCoreApplication.translate(
                "Evaluation", "Suggested minus current share, in percentage points")} if delta is not None else {},
        )
        if s.grade:
            row.foreground["grade"] = GRADE_COLOURS[s.grade]
            row.background["grade"] = GRADE_BACKGROUNDS[s.grade]
        if delta is not None and abs(delta) >= 0.0005:
            row.foreground["change"] = UP if delta > 0 else DOWN
        if s.holds:  # an expired mandatory certificate or an overdue SCAR, beside the share
            holds = ("；" if lang == "zh_CN" else "; ").join(word("hold", h, lang) for h in s.holds)
            row.text["class"] += " · " + holds
            row.tooltip["class"] = holds
            row.foreground["class"] = DOWN
        children.append(row)
    not_counted = QCoreApplication.translate("Evaluation", "Not counted: {reason}")
    for o in item.not_current:
        reason = reason_text(o.reason)
        oname = supplier_name(o, lang)
        children.append(_Row(
            code=o.code, counted=False,
            text={**empty, "code": o.code, "name": oname, "class": reason},
            sort={**dict.fromkeys(FIELDS), "code": o.code, "name": oname, "class": o.reason},
            strategy=item.strategy,
            tooltip=dict.fromkeys(("code", "name", "class"), not_counted.replace("{reason}", reason)),
            foreground=dict.fromkeys(FIELDS, NOT_COUNTED)))
    head.search = " ".join([item.code, item.name_zh, item.name_en]
                           + [f"{s.code} {s.name_zh} {s.name_en}" for s in (*item.suppliers, *item.not_current)]
                           ).casefold()
    return head, children


class SourcingModel(QAbstractItemModel):
    """Two levels: items, and under each its current suppliers.

    ``internalId`` is 0 for an item row and ``item row + 1`` for a supplier row, so the model keeps
    no Python objects inside its indexes.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plan: SourcingPlan | None = None
        self.items: list[_Row] = []
        self.children_of: list[list[_Row]] = []

    def set_plan(self, plan: SourcingPlan | None, lang: str) -> None:
        self.beginResetModel()
        self.plan = plan
        rows = [_item_rows(item, lang) for item in (plan.items if plan else [])]
        self.items = [head for head, _ in rows]
        self.children_of = [children for _, children in rows]
        self.endResetModel()

    def _row(self, index: QModelIndex | QPersistentModelIndex) -> _Row | None:
        if not index.isValid():
            return None
        parent = index.internalId()
        if parent == 0:
            return self.items[index.row()] if index.row() < len(self.items) else None
        children = self.children_of[parent - 1] if parent - 1 < len(self.children_of) else []
        return children[index.row()] if index.row() < len(children) else None

    def is_item(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return index.isValid() and index.internalId() == 0

    # ----- structure -----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.items)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self.children_of):
            return len(self.children_of[parent.row()])
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return len(COLUMNS)

    # ----- data --------------------------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._row(index)
        if row is None:
            return None
        key = FIELDS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.text[key]
        if role == SORT_ROLE:
            return row.sort[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip.get(key) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            return row.foreground.get(key)
        if role == Qt.ItemDataRole.BackgroundRole:
            return row.background.get(key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (index.internalId() == 0 or not row.counted):
            font = QFont()
            font.setBold(row.counted)
            font.setItalic(not row.counted)
            return font
        if role == STRATEGY_ROLE:
            return row.strategy
        if role == CODE_ROLE:
            return row.code
        if role == COUNTED_ROLE:
            return row.counted
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate(CTX, COLUMNS[section][1])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def item_matches(self, row: int, text: str, strategy: str | None) -> bool:
        item = self.items[row]
        if strategy is not None and strategy not in item.strategy:
            return False
        return not text or text in item.search


class SourcingFilter(NativeSortProxy):
    """Keeps the items with a strategy (``None``: all) whose code or name, or one of whose current
    suppliers' code or name, contains the text; an item shown keeps all its suppliers."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.text = ""
        self.strategy: str | None = None

    def set_filter(self, text: str | None = None, strategy: str | None | bool = False) -> None:
        self.beginFilterChange()
        if text is not None:
            self.text = text.strip().casefold()
        if strategy is not False:
            self.strategy = strategy  # type: ignore[assignment]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        if source_parent.isValid():
            return True
        return self.sourceModel().item_matches(source_row, self.text, self.strategy)


def load_plan(db, period: str, *, state) -> SourcingPlan:
    """Background task: the period's sourcing plan."""
    state.check()
    return sourcing_plan(db, period)


class SourcingView(QWidget):
    """Filters and the item tree of one period; the page passes the period and routes exports here."""

    plan_changed = Signal()  # a plan was shown or cleared (the page enables its export buttons)
    supplier_activated = Signal(str)  # a supplier row was double-clicked

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan: SourcingPlan | None = None
        self.period: str | None = None
        self.evaluated = False
        self.stale = True
        self.loading = False
        self._request = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by item or supplier code or name…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.strategy_combo = QComboBox()
        self.strategy_combo.setToolTip(self.tr("Show the items with one strategy"))
        self.strategy_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.strategy_combo)
        bar.addWidget(self.summary, 2)
        layout.addLayout(bar)
        self.model = SourcingModel(self)
        self.proxy = SourcingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView(self)
        readable_headers(self.tree)
        self.tree.setObjectName("sourcingTree")
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QTreeView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order: most urgent first
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.setProperty("restored", self._remember_header(ctx.settings, "evaluation/sourcing"))
        layout.addWidget(self.tree, 1)
        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet("color: palette(dark);")
        layout.addWidget(self.footnote)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.strategy_combo.currentIndexChanged.connect(self._strategy_changed)
        self.tree.doubleClicked.connect(self._double_clicked)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted):
            signal.connect(self._span_items)
        self._fill_strategies()
        self._update_summary()

    def _remember_header(self, settings, key: str) -> bool:
        """Restore the column widths and order from QSettings and save them whenever they change."""
        if settings is None:
            return False
        header = self.tree.header()
        state = settings.value(key)
        restored = state is not None and header.restoreState(state)
        save = lambda *_: settings.setValue(key, header.saveState())  # noqa: E731
        header.sectionResized.connect(save)
        header.sectionMoved.connect(save)
        return bool(restored)

    # ----- loading --------------------------------------------------------------------------
    def set_period(self, period: str, evaluated: bool) -> None:
        """The page's period (reloaded even when unchanged: a run may have replaced its results)."""
        self.period, self.evaluated, self.stale = period, evaluated, True
        if self.isVisible():
            self.ensure_loaded()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API: load when the tab is first shown
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Load the plan of the period if it is not shown yet (called when the tab becomes visible)."""
        if not self.stale or self.period is None:
            return
        self.stale = False
        self._request += 1
        if not self.evaluated:
            self.show_plan(None)
            return
        self.loading = True
        self._update_summary()
        token, period = self._request, self.period
        self.ctx.tasks.run(load_plan, self.ctx.database, period,
                           on_done=lambda plan: self._loaded(token, plan),
                           on_error=lambda exc, _details: self._failed(token, exc),
                           on_cancelled=lambda: self._failed(token, None),
                           label=self.tr("Loading the sourcing plan"))

    def load_now(self) -> None:
        """Load in the calling thread (screenshots, tests that need the plan at once)."""
        self.stale = False
        self._request += 1
        self.show_plan(sourcing_plan(self.ctx.database, self.period) if self.evaluated and self.period else None)

    def _loaded(self, token: int, plan: SourcingPlan) -> None:
        if token == self._request:
            self.show_plan(plan)

    def _failed(self, token: int, exc: Exception | None) -> None:
        """A load that failed (``exc``) or was cancelled (None): say so; the next showing retries."""
        if token != self._request:
            return
        self.show_plan(None)
        message = error_text(exc) if exc is not None else self.tr("Loading was cancelled; press F5 to load again.")
        self.summary.setText(f"<span style='color:{DOWN.name()}'>{html.escape(message)}</span>")
        self.stale = True

    def show_plan(self, plan: SourcingPlan | None) -> None:
        self.loading = False
        self.plan = plan
        self.model.set_plan(plan, self.ctx.language)
        self._fill_strategies()
        self.tree.expandAll()
        if plan is not None and plan.items and not self.tree.property("fitted"):
            header = self.tree.header()
            for column, key in enumerate(FIELDS[:-1]):
                if not self.tree.property("restored"):
                    self.tree.resizeColumnToContents(column)
                if key in COLUMN_MAX:
                    # the tree measures only the rows in its viewport (none before it is shown), and a width
                    # saved before the first plan was loaded must not keep the names cut: measure every name
                    header.resizeSection(column, max(header.sectionSize(column),
                                                     min(self._text_width(column) + 16, COLUMN_MAX[key])))
            self.tree.setProperty("fitted", True)
        self._update_footnote()
        self._update_summary()
        self.plan_changed.emit()

    def _text_width(self, column: int) -> int:
        model, fm, widest = self.tree.model(), self.tree.fontMetrics(), 0
        for row in range(model.rowCount()):
            parent = model.index(row, 0)
            for child in range(model.rowCount(parent)):
                widest = max(widest, fm.horizontalAdvance(str(model.index(child, column, parent).data() or "")))
        return widest

    # ----- filters and summary -----------------------------------------------------------------
    def _fill_strategies(self) -> None:
        current = self.strategy_combo.currentData()
        counts = self.plan.strategy_counts() if self.plan else {}
        self.strategy_combo.blockSignals(True)
        self.strategy_combo.clear()
        self.strategy_combo.addItem(self.tr("All strategies"), None)
        for code in STRATEGY_ORDER:
            if counts.get(code):
                self.strategy_combo.addItem(f"{label(STRATEGIES, code)} ({counts[code]})", code)
        index = self.strategy_combo.findData(current) if current is not None else 0
        self.strategy_combo.setCurrentIndex(max(index, 0))
        self.strategy_combo.blockSignals(False)
        self.proxy.set_filter(strategy=self.strategy_combo.currentData())

    def set_strategy(self, code: str | None) -> bool:
        """Show only the items with this strategy (None: all); False if no item has it."""
        index = self.strategy_combo.findData(code) if code is not None else 0
        if index < 0:
            return False
        self.strategy_combo.setCurrentIndex(index)
        return True

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_filter(text=text)
        self.tree.expandAll()
        self._update_summary()

    def _strategy_changed(self, _index: int) -> None:
        self.proxy.set_filter(strategy=self.strategy_combo.currentData())
        self.tree.expandAll()
        self._update_summary()

    def _update_summary(self) -> None:
        if self.loading:
            self.summary.setText(self.tr("Loading the sourcing plan of {period}…").replace("{period}", self.period or ""))
            return
        if self.plan is None:
            self.summary.setText(self.tr("Period {period} has not been evaluated yet.").replace("{period}", self.period or "")
                                 if self.period else "")
            return
        links = sum(len(item.suppliers) for item in self.plan.items)
        urgent = sum(1 for item in self.plan.items if item.rank <= STRATEGY_ORDER.index("develop_second_source"))
        text = (self.tr("{items} items · {links} current supply links · {urgent} need a new source")
                .replace("{items}", f"{len(self.plan.items):,}").replace("{links}", f"{links:,}")
                .replace("{urgent}", f"<b style='color:{DOWN.name()}'>{urgent:,}</b>"))
        shown = self.proxy.rowCount()
        if shown != len(self.plan.items):
            text += " " + self.tr("(showing {n})").replace("{n}", f"{shown:,}")
        self.summary.setText(text)

    def _update_footnote(self) -> None:
        if self.plan is None:
            self.footnote.setText("")
            return
        weights = " · ".join(f"{g} {self.plan.share_weight.get(g, 0):g}" for g in GRADES)
        self.footnote.setText(
            self.tr("Suggested share = grade weight × score, shared out per item (weights {weights}, scheme {scheme} "
                    "v{version}); grade D gets no new orders while the item has another graded source (sole D "
                    "sources are shared by score until a new one is found). Current suppliers: active link and approved or "
                    "conditionally approved; linked suppliers that do not count are greyed, with the reason. "
                    "Double-click a supplier to see why it got its grade.")
            .replace("{weights}", weights).replace("{scheme}", self.plan.scheme_name)
            .replace("{version}", str(self.plan.scheme_version)))

    # ----- rows --------------------------------------------------------------------------------
    def _span_items(self, *_args) -> None:
        """Item lines span the row; rows a filter brings back need it again."""
        root = QModelIndex()
        for r in range(self.proxy.rowCount()):
            self.tree.setFirstColumnSpanned(r, root, True)

    def item_codes(self) -> list[str]:
        """Codes of the items shown, in the shown order."""
        return [self.proxy.index(r, 0).data(CODE_ROLE) for r in range(self.proxy.rowCount())]

    def supplier_codes(self, item_code: str, counted: bool | None = True) -> list[str]:
        """Codes of an item's supplier rows as shown: current ones (``counted``), the others
        (``False``) or all (``None``)."""
        for r in range(self.proxy.rowCount()):
            parent = self.proxy.index(r, 0)
            if parent.data(CODE_ROLE) == item_code:
                rows = [self.proxy.index(k, 0, parent) for k in range(self.proxy.rowCount(parent))]
                return [i.data(CODE_ROLE) for i in rows if counted is None or i.data(COUNTED_ROLE) == counted]
        return []

    def _double_clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid() and not self.model.is_item(source) and source.data(COUNTED_ROLE):
            self.supplier_activated.emit(source.data(CODE_ROLE))

    # ----- export ------------------------------------------------------------------------------
    def export(self, path: str) -> str:
        from app.reports.sourcing import write_sourcing_plan

        return str(write_sourcing_plan(self.plan, path, self.ctx.language))
