"""Inspection setting of one supplier x part (SQE): level, AQL per defect class, production
steady, skip-lot/exemption with its reason (the supplier's evaluation grade shown beside it), and
the inspection items (characteristic, class, kind, method, gauge, limits)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from app.engines import sampling
from app.models.inspection import service
from app.views.inspection.common import error_message
from app.views.inspection.models import class_label

AQL_CHOICES = [""] + [f"{a:g}" for a in sampling.PREFERRED_AQLS]
CLASSES = ("critical", "major", "minor")
KINDS = ("variable", "attribute")


class SettingsDialog(QDialog):
    def __init__(self, ctx, setting: service.SettingView, parent=None) -> None:
        super().__init__(parent)
        self.ctx, self.setting = ctx, setting
        self.setWindowTitle(self.tr("Inspection setting · %1 × %2").replace("%1", setting.supplier_code).replace(
            "%2", setting.part_code))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        form = QFormLayout()
        self.level = QComboBox()
        self.level.addItems(list(sampling.LEVELS))
        self.level.setCurrentText(setting.level)
        clause = setting.clause
        form.addRow(self._buddy(self.tr("Inspection &level"), self.level),
                    self._beside(self.level, clause.level if clause else ""))
        self.aql: dict[str, QComboBox] = {}
        for cls in CLASSES:
            box = QComboBox()
            box.addItems(AQL_CHOICES)
            value = setting.aqls.get(cls)
            box.setCurrentText("" if value is None else f"{value:g}")
            box.setObjectName(f"aql_{cls}")
            self.aql[cls] = box
            form.addRow(self.tr("AQL %1").replace("%1", class_label(cls)),
                        self._beside(box, clause.aql if clause and cls == "major" else ""))
        self.steady = QCheckBox(self.tr("Production steady"))
        self.steady.setChecked(setting.production_steady)
        form.addRow("", self.steady)
        top.addLayout(form)
        top.addSpacing(24)
        right = QFormLayout()
        self.exemption = QComboBox()
        for text, key in ((self.tr("None"), "none"), (self.tr("Skip-lot"), "skip_lot"), (self.tr("Exempt"), "exempt")):
            self.exemption.addItem(text, key)
        self.exemption.setCurrentIndex(["none", "skip_lot", "exempt"].index(setting.exemption))
        self.reason = QLineEdit(setting.exemption_reason)
        self.reason.setPlaceholderText(self.tr("needed to override: skip-lot needs grade A and a clause allowing it"))
        grade = (self.tr("Evaluation grade %1 (%2), advisory").replace("%1", setting.grade).replace(
            "%2", setting.grade_period or "") if setting.grade else self.tr("No evaluation grade yet"))
        right.addRow(self.tr("Skip-lot / e&xemption"), self.exemption)
        right.addRow(self.tr("&Reason"), self.reason)
        right.addRow("", QLabel(grade))
        right.addRow(self.tr("Agreement clause"), self._clause_label(setting))
        if setting.differences:
            lang = getattr(self.ctx, "language", "en") or "en"
            note = QLabel(self.tr("Differs from the agreement (advisory, logged on save):") + "<br>"
                          + "<br>".join(d.text(lang) for d in setting.differences))
            note.setObjectName("clause_differences")
            note.setWordWrap(True)
            note.setStyleSheet("color: #b45309;")
            right.addRow("", note)
        state = self.tr("Now: %1 inspection · score %2").replace("%1", _severity(setting.severity)).replace(
            "%2", str(setting.switching_score))
        right.addRow("", QLabel(state))
        top.addLayout(right, 1)
        layout.addLayout(top)
        layout.addWidget(QLabel("<b>" + self.tr("Inspection items") + "</b>"))
        self.items = QTableWidget(0, 8)
        self.items.setObjectName("items")
        self.items.setHorizontalHeaderLabels([self.tr("Characteristic"), self.tr("Class"), self.tr("Kind"),
                                              self.tr("Method"), self.tr("Gauge"), self.tr("Lower limit"),
                                              self.tr("Upper limit"), self.tr("Unit")])
        self.items.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for it in setting.items:
            self.add_item(it)
        for col, width in ((1, 90), (2, 150), (3, 120), (4, 130), (5, 75), (6, 75), (7, 70)):
            self.items.setColumnWidth(col, width)
        layout.addWidget(self.items, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("&Add item"))
        remove = QPushButton(self.tr("Re&move item"))
        add.clicked.connect(self._add_blank)
        remove.clicked.connect(self._remove)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _buddy(text: str, widget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _beside(self, widget, clause_value: str):
        """The setting's widget with the agreement clause's value beside it."""
        if not clause_value:
            return widget
        box = QHBoxLayout()
        box.addWidget(widget, 1)
        label = QLabel(self.tr("agreement: %1").replace("%1", clause_value))
        label.setToolTip(self.tr("The value the quality agreement's inspection clause in force states"))
        box.addWidget(label)
        return box

    def _clause_label(self, setting: service.SettingView) -> QLabel:
        c = setting.clause
        if c is None:
            label = QLabel(self.tr("No quality agreement clause in force for this supplier and part"))
        else:
            lang = getattr(self.ctx, "language", "en") or "en"
            scope = self.tr("this part") if c.part_id is not None else self.tr("all parts of the supplier")
            text = (self.tr("Clause %1 · agreement %2 version %3 (%4)").replace("%1", c.clause_no)
                    .replace("%2", str(c.agreement_id)).replace("%3", str(c.version)).replace("%4", scope)
                    + "<br>" + self.tr("AQL %1 · level %2 · %3").replace("%1", c.aql).replace("%2", c.level or "–")
                    .replace("%3", self.tr("skip-lot allowed") if c.skip_lot_allowed else self.tr("no skip-lot")))
            label = QLabel(text)
            label.setToolTip(c.text_zh if lang.startswith("zh") else (c.text_en or c.text_zh))
        label.setObjectName("agreement_clause")
        label.setWordWrap(True)
        return label

    def _combo(self, values, labels, current) -> QComboBox:
        box = QComboBox()
        for v, text in zip(values, labels):
            box.addItem(text, v)
        box.setCurrentIndex(list(values).index(current))
        return box

    def add_item(self, it: service.ItemSpec) -> None:
        r = self.items.rowCount()
        self.items.insertRow(r)
        self.items.setItem(r, 0, QTableWidgetItem(it.characteristic))
        self.items.setCellWidget(r, 1, self._combo(CLASSES, [class_label(c) for c in CLASSES], it.defect_class))
        self.items.setCellWidget(r, 2, self._combo(KINDS, [self.tr("Variable (limits)"), self.tr("Attribute (OK/NG)")],
                                                   it.kind))
        for col, value in ((3, it.method), (4, it.gauge),
                           (5, "" if it.lower_limit is None else f"{it.lower_limit:g}"),
                           (6, "" if it.upper_limit is None else f"{it.upper_limit:g}"), (7, it.unit)):
            self.items.setItem(r, col, QTableWidgetItem(value))

    def _add_blank(self) -> None:
        self.add_item(service.ItemSpec("", "major", "attribute"))
        self.items.setCurrentCell(self.items.rowCount() - 1, 0)
        self.items.editItem(self.items.item(self.items.rowCount() - 1, 0))

    def _remove(self) -> None:
        r = self.items.currentRow()
        if r >= 0:
            self.items.removeRow(r)

    def _text(self, r: int, c: int) -> str:
        item = self.items.item(r, c)
        return item.text().strip() if item else ""

    def item_specs(self) -> list[service.ItemSpec]:
        out = []
        for r in range(self.items.rowCount()):
            limits = []
            for c in (5, 6):
                text = self._text(r, c).replace(",", ".")
                try:
                    limits.append(float(text) if text else None)
                except ValueError:
                    raise service.InvalidInput(f"item {r + 1}: {text!r} is not a number", "item_limits",
                                               zh=f"第 {r + 1} 项：{text!r} 不是数值", field="limits") from None
            out.append(service.ItemSpec(self._text(r, 0), self.items.cellWidget(r, 1).currentData(),
                                        self.items.cellWidget(r, 2).currentData(), self._text(r, 3), self._text(r, 4),
                                        limits[0], limits[1], self._text(r, 7)))
        return out

    def submit(self) -> None:
        try:
            aqls = {cls: (float(box.currentText()) if box.currentText() else None) for cls, box in self.aql.items()}
            service.save_setting(self.ctx.database, self.setting.supplier_id, self.setting.part_id,
                                 level=self.level.currentText(), aql_critical=aqls["critical"],
                                 aql_major=aqls["major"], aql_minor=aqls["minor"],
                                 production_steady=self.steady.isChecked(), exemption=self.exemption.currentData(),
                                 exemption_reason=self.reason.text(), notes=self.setting.notes,
                                 items=self.item_specs())
        except Exception as exc:  # noqa: BLE001 - one line in the user's language
            QMessageBox.warning(self, self.tr("Setting not saved"), error_message(exc, self.ctx.language))
            return
        self.accept()


def _severity(key: str) -> str:
    from app.views.inspection.models import severity_label

    return severity_label(key)
