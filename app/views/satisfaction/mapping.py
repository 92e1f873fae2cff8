"""The column-mapping dialog of the answer import: which column of the file is which question.

One line per field of the survey (customer code, contact, then every question with its text and
scale), each with a drop-down of the file's headers. It opens with the mapping remembered for the
survey, else with the headers that match a code or a question text
(``app.models.satisfaction.imports.guess_mapping``). OK is refused while the customer column is
missing, no question is mapped, or one header is used twice; the message says which.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from app.models.satisfaction.imports import Item, guess_mapping


class MappingDialog(QDialog):
    def __init__(self, header: Sequence[str], items: Sequence[Item], *, lang: str = "en",
                 initial: Mapping[str, str] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Map the file's columns"))
        self.header = [h for h in header if h]
        self.items = list(items)
        start = dict(guess_mapping(self.header, self.items))
        start.update({k: v for k, v in (initial or {}).items() if v in self.header})
        grid = QGridLayout()
        grid.addWidget(QLabel("<b>" + self.tr("Field") + "</b>"), 0, 0)
        grid.addWidget(QLabel("<b>" + self.tr("Column in the file") + "</b>"), 0, 1)
        self.combos: dict[str, QComboBox] = {}
        fields = [("customer", self.tr("Customer code (required)")), ("contact", self.tr("Contact name"))]
        fields += [(it.code, f"{it.code}  {(it.text_zh if lang == 'zh_CN' else it.text_en) or ''}  "
                             f"({it.scale_min}–{it.scale_max})") for it in self.items]
        for row, (key, label) in enumerate(fields, start=1):
            grid.addWidget(QLabel(label), row, 0)
            combo = QComboBox()
            combo.addItem(self.tr("(not in the file)"), "")
            for h in self.header:
                combo.addItem(h, h)
            if start.get(key):
                combo.setCurrentIndex(combo.findData(start[key]))
            combo.currentIndexChanged.connect(self._check)
            grid.addWidget(combo, row, 1)
            self.combos[key] = combo
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("The scale of every question is the survey's; answers outside it are refused.")))
        lay.addWidget(scroll, 1)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.resize(640, 560)
        self._check()

    def mapping(self) -> dict[str, str]:
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}

    def problems(self) -> list[str]:
        m = self.mapping()
        out = []
        if "customer" not in m:
            out.append(self.tr("Choose the column with the customer code."))
        if not any(it.code in m for it in self.items):
            out.append(self.tr("Map at least one question."))
        used: dict[str, str] = {}
        for key, h in m.items():
            if h in used:
                out.append(self.tr("The column %1 is used for both %2 and %3.").replace("%1", h)
                           .replace("%2", used[h]).replace("%3", key))
            used.setdefault(h, key)
        return out

    def _check(self) -> None:
        problems = self.problems()
        self.message.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)
