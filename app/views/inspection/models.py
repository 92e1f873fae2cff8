"""Item models of the inspector's screen: the plan per defect class, the results grid
(characteristics x samples, checked against the limits as they are typed) and the lazily paged
lot lists (a page of 200 at a time, so a million lots paint at once)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.models.inspection import service
from app.models.inspection.errors import InspectionError

BAD = QColor("#f8d7da")
GOOD = QColor("#e2f0d9")
UNUSED = QColor("#eeeeee")
ACCEPT_FG, REJECT_FG = QColor("#1e7b34"), QColor("#b02a37")


# Strings looked up through _tr (so lupdate finds them).
_NOOP = (
    QT_TRANSLATE_NOOP("Inspection", "Critical"), QT_TRANSLATE_NOOP("Inspection", "Major"),
    QT_TRANSLATE_NOOP("Inspection", "Minor"), QT_TRANSLATE_NOOP("Inspection", "Normal"),
    QT_TRANSLATE_NOOP("Inspection", "Tightened"), QT_TRANSLATE_NOOP("Inspection", "Reduced"),
    QT_TRANSLATE_NOOP("Inspection", "Discontinued"), QT_TRANSLATE_NOOP("Inspection", "Accepted"),
    QT_TRANSLATE_NOOP("Inspection", "Rejected"), QT_TRANSLATE_NOOP("Inspection", "Return to supplier"),
    QT_TRANSLATE_NOOP("Inspection", "Sort"), QT_TRANSLATE_NOOP("Inspection", "Rework"),
    QT_TRANSLATE_NOOP("Inspection", "Concession"), QT_TRANSLATE_NOOP("Inspection", "Scrap"),
    QT_TRANSLATE_NOOP("Inspection", "Defect class"), QT_TRANSLATE_NOOP("Inspection", "AQL"),
    QT_TRANSLATE_NOOP("Inspection", "Severity"), QT_TRANSLATE_NOOP("Inspection", "Code letter"),
    QT_TRANSLATE_NOOP("Inspection", "n"), QT_TRANSLATE_NOOP("Inspection", "Ac"), QT_TRANSLATE_NOOP("Inspection", "Re"),
    QT_TRANSLATE_NOOP("Inspection", "Date"), QT_TRANSLATE_NOOP("Inspection", "Lot"),
    QT_TRANSLATE_NOOP("Inspection", "Supplier"), QT_TRANSLATE_NOOP("Inspection", "Part"),
    QT_TRANSLATE_NOOP("Inspection", "Lot size"), QT_TRANSLATE_NOOP("Inspection", "Decision"),
    QT_TRANSLATE_NOOP("Inspection", "Disposition"), QT_TRANSLATE_NOOP("Inspection", "Inspector"),
    QT_TRANSLATE_NOOP("Inspection", "Arrow followed in the table: the first plan below/above the arrow is used, "
                                    "with its sample size."),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Inspection", text)


def class_label(key: str) -> str:
    return {"critical": _tr("Critical"), "major": _tr("Major"), "minor": _tr("Minor")}[key]


def severity_label(key: str) -> str:
    return {"normal": _tr("Normal"), "tightened": _tr("Tightened"), "reduced": _tr("Reduced"),
            "discontinued": _tr("Discontinued")}.get(key, key)


def decision_label(key: str) -> str:
    return {"accepted": _tr("Accepted"), "rejected": _tr("Rejected")}.get(key, key)


def disposition_label(key: str | None) -> str:
    if not key:
        return ""
    return {"return": _tr("Return to supplier"), "sort": _tr("Sort"), "rework": _tr("Rework"),
            "concession": _tr("Concession"), "scrap": _tr("Scrap")}.get(key, key)


class PlanModel(QAbstractTableModel):
    """One row per defect class: AQL, severity, code letter (with the arrow), n, Ac, Re."""

    HEADERS = ("Defect class", "AQL", "Severity", "Code letter", "n", "Ac", "Re")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plans: list[service.ClassPlan] = []
        self.results: dict[str, int] = {}

    def set_plan(self, plan: service.LotPlan | None) -> None:
        self.beginResetModel()
        self.plans = list(plan.classes) if plan else []
        self.results = {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.plans)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.plans):
            return None
        cp = self.plans[index.row()]
        p = cp.plan
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == 0:
                return class_label(cp.defect_class)
            if col == 1:
                return f"{cp.aql:g}"
            if col == 2:
                return severity_label(p.severity)
            if col == 3:
                if p.arrow:
                    return f"{p.code_letter} ({p.requested_letter}{'↓' if p.arrow == 'down' else '↑'})"
                return p.code_letter
            if col == 4:
                return f"{p.n} (100 %)" if p.hundred_percent else str(p.n)
            return str(p.ac if col == 5 else p.re)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and p.arrow:
            return _tr("Arrow followed in the table: the first plan below/above the arrow is used, "
                       "with its sample size.")
        return None


class MeasurementModel(QAbstractTableModel):
    """Characteristics (rows) x samples (columns). A variable takes a number checked against its
    limits, an attribute OK/NG; cells past the sample size of the item's class are not used."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[service.ItemSpec] = []
        self.n_by_class: dict[str, int] = {}
        self.width = 0
        self.values: list[list[str]] = []

    def set_plan(self, plan: service.LotPlan | None, *, max_columns: int = 200) -> None:
        self.beginResetModel()
        self.n_by_class = {c.defect_class: c.plan.n for c in plan.classes} if plan else {}
        self.items = [it for it in (plan.items if plan else ()) if it.defect_class in self.n_by_class]
        self.width = min(max((self.n_by_class[it.defect_class] for it in self.items), default=0), max_columns)
        self.values = [[""] * self.width for _ in self.items]
        self.endResetModel()
        self.changed.emit()

    def usable(self, row: int, col: int) -> bool:
        return col < self.n_by_class.get(self.items[row].defect_class, 0)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.width

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Vertical \
                    and 0 <= section < len(self.items):
                it = self.items[section]
                return f"{it.method} · {it.gauge}".strip(" ·")
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(section + 1)
        if 0 <= section < len(self.items):
            it = self.items[section]
            return f"{it.characteristic} [{class_label(it.defect_class)}] {it.limits_text()}"
        return None

    def _state(self, row: int, col: int) -> bool | None:
        try:
            return self.items[row].conforms(self.values[row][col])
        except (InspectionError, ValueError):
            return False

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self.items) and 0 <= col < self.width):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.values[row][col] if self.usable(row, col) else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if not self.usable(row, col):
                return QBrush(UNUSED)
            state = self._state(row, col)
            return None if state is None else QBrush(GOOD if state else BAD)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index):
        if not index.isValid() or not self.usable(index.row(), index.column()):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not self.usable(index.row(), index.column()):
            return False
        text = str(value or "").strip()
        item = self.items[index.row()]
        if item.kind == "attribute":
            upper = text.upper()
            text = {"": "", "OK": "OK", "1": "OK", "Y": "OK", "NG": "NG", "0": "NG", "N": "NG", "X": "NG"}.get(upper, text)
        self.values[index.row()][index.column()] = text
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True

    def fill_row(self, row: int, value: str) -> None:
        """Fill the unused-so-far cells of a row (e.g. OK for every sample of an attribute)."""
        for col in range(self.width):
            if self.usable(row, col) and not self.values[row][col]:
                self.values[row][col] = value
        self.dataChanged.emit(self.index(row, 0), self.index(row, max(self.width - 1, 0)))
        self.changed.emit()

    def measurements(self) -> dict[int, list]:
        out = {}
        for row, item in enumerate(self.items):
            n = self.n_by_class[item.defect_class]
            vals: list = []
            for text in self.values[row][:n]:
                if not text:
                    vals.append(None)
                elif item.kind == "variable":
                    try:
                        vals.append(float(text))
                    except ValueError:
                        vals.append(text)
                else:
                    vals.append(text)
            out[item.position] = vals
        return out

    def nonconforming_units(self) -> dict[str, int]:
        bad: dict[str, set[int]] = {c: set() for c in self.n_by_class}
        for row, item in enumerate(self.items):
            for col in range(min(self.n_by_class[item.defect_class], self.width)):
                if self._state(row, col) is False:
                    bad[item.defect_class].add(col)
        return {c: len(v) for c, v in bad.items()}

    def missing(self) -> int:
        return sum(1 for row in range(len(self.items)) for col in range(self.width)
                   if self.usable(row, col) and not self.values[row][col])


class LotListModel(QAbstractTableModel):
    """A lot list fetched a page at a time (``canFetchMore``/``fetchMore``)."""

    HEADERS = ("Date", "Lot", "Supplier", "Part", "Lot size", "n", "Severity", "Decision", "Disposition",
               "Inspector")
    PAGE = 200

    def __init__(self, db, kind: str = "today", parent=None) -> None:
        super().__init__(parent)
        self.db, self.kind = db, kind
        self.rows: list[service.LotRow] = []
        self.exhausted = False
        self.today = None

    def reload(self, kind: str | None = None) -> None:
        self.beginResetModel()
        if kind:
            self.kind = kind
        self.rows, self.exhausted = [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        import shiboken6

        # a view may still ask while its page is being torn down (the model's C++ side is gone)
        if not shiboken6.isValid(self) or parent.isValid() or self.exhausted:
            return
        page = service.list_lots(self.db, self.kind, limit=self.PAGE, offset=len(self.rows), today=self.today)
        if not shiboken6.isValid(self):  # the page was torn down while the rows were read
            return
        self.exhausted = len(page) < self.PAGE
        if page:
            try:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            except RuntimeError:  # deleted between the check and the call (garbage collection)
                return
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.inspected_on.isoformat(), r.lot_number, f"{r.supplier_code} {r.supplier_name}", r.part_code,
                    str(r.lot_size), str(r.sample_size), severity_label(r.severity), decision_label(r.decision),
                    disposition_label(r.disposition), r.inspector)[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 7:
            return QBrush(ACCEPT_FG if r.decision == "accepted" else REJECT_FG)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def lot(self, row: int) -> service.LotRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
