"""SLA settings: the working calendar (weekdays, hours, holidays, make-up working days) and the
response targets per severity for every type ("4h" working hours, "5d" working days)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout)

from app.views.complaints import common as c

BAD = "border: 1px solid #c0392b; background: #fdf0ee;"


class SlaSettingsDialog(QDialog):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.engines import sla
        from app.models.complaints import service

        self.ctx, self.service, self.sla = ctx, service, sla
        self.setObjectName("slaSettings")
        self.setWindowTitle(self.tr("Response targets and working calendar"))
        cal = service.calendar(ctx.database)
        texts = service.target_texts(ctx.database)
        self.pending: dict[str, dict[str, dict[str, str]]] = {}  # edits per type, saved together
        self.type = QComboBox()
        self.type.addItem(self.tr("Every type"), "*")
        for code in c.TYPES:
            self.type.addItem(c.label(c.TYPES, code), code)
        self.shown_type = "*"
        self.type.currentIndexChanged.connect(self._type_changed)
        grid = QGridLayout()
        self.targets: dict[tuple[str, str], QLineEdit] = {}
        for j, m in enumerate(sla.MILESTONES, start=1):
            grid.addWidget(QLabel(c.label(c.MILESTONES, m)), 0, j)
        for i, sev in enumerate(sla.SEVERITIES, start=1):
            grid.addWidget(QLabel(c.label(c.SEVERITIES, sev)), i, 0)
            for j, m in enumerate(sla.MILESTONES, start=1):
                edit = QLineEdit(texts[sev][m])
                edit.setMaximumWidth(90)
                self.targets[(sev, m)] = edit
                grid.addWidget(edit, i, j)
        box = QGroupBox(self.tr("Targets (working time: 4h = four hours, 5d = five working days)"))
        outer = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Applies to:")))
        row.addWidget(self.type)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addLayout(grid)
        names = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"), self.tr("Sat"),
                 self.tr("Sun")]
        self.weekdays = [QCheckBox(n) for n in names]
        days = QHBoxLayout()
        for i, cb in enumerate(self.weekdays):
            cb.setChecked(i in cal.weekdays)
            days.addWidget(cb)
        days.addStretch(1)
        self.hours = QLineEdit(", ".join(f"{a}-{b}" for a, b in cal.hours))
        self.holidays = QPlainTextEdit("\n".join(d.isoformat() for d in sorted(cal.holidays)))
        self.working_days = QPlainTextEdit("\n".join(d.isoformat() for d in sorted(cal.working_days)))
        for edit in (self.holidays, self.working_days):
            edit.setMaximumHeight(90)
            edit.setPlaceholderText(self.tr("one date per line, e.g. 2026-10-01"))
        form = QFormLayout()
        form.addRow(self.tr("Working days:"), days)
        form.addRow(self.tr("Working hours:"), self.hours)
        form.addRow(self.tr("Holidays:"), self.holidays)
        form.addRow(self.tr("Make-up working days:"), self.working_days)
        cal_box = QGroupBox(self.tr("Working calendar (the clock stops outside it and while waiting on the customer)"))
        cal_box.setLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        from app.models.admin.permissions import can

        buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(can(ctx.database, "complaints.settings"))
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(cal_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _current(self) -> dict[str, dict[str, str]]:
        out: dict[str, dict[str, str]] = {}
        for (sev, m), edit in self.targets.items():
            out.setdefault(sev, {})[m] = edit.text()
        return out

    def _type_changed(self, *_args) -> None:
        """Keep the shown type's edits, then show the chosen type's targets (its own or inherited)."""
        self.pending[self.shown_type] = self._current()
        self.shown_type = self.type.currentData()
        texts = self.pending.get(self.shown_type) or self.service.target_texts(self.ctx.database, self.shown_type)
        for (sev, m), edit in self.targets.items():
            edit.setText(texts[sev][m])
            edit.setStyleSheet("")

    def _dates(self, edit: QPlainTextEdit) -> frozenset[date]:
        out = set()
        for line in edit.toPlainText().replace(",", "\n").splitlines():
            if line.strip():
                out.add(date.fromisoformat(line.strip()))
        return frozenset(out)

    def save(self) -> bool:
        from app.models.complaints.errors import ValidationError

        for edit in (*self.targets.values(), self.hours, self.holidays, self.working_days):
            edit.setStyleSheet("")
        try:
            hours = tuple(tuple(x.strip() for x in part.split("-", 1)) for part in self.hours.text().split(",")
                          if part.strip())
            if any(len(h) != 2 for h in hours):
                raise self.sla.CalendarError("hours")
            cal = self.sla.Calendar(weekdays=tuple(i for i, cb in enumerate(self.weekdays) if cb.isChecked()),
                                    hours=hours, holidays=self._dates(self.holidays),
                                    working_days=self._dates(self.working_days))
        except (self.sla.CalendarError, ValueError):
            self.message.setText(self.tr("Check the working days, the hours (08:00-12:00, 13:00-17:00) and the "
                                         "dates (YYYY-MM-DD)."))
            self.hours.setStyleSheet(BAD)
            return False
        self.pending[self.shown_type] = self._current()
        try:
            self.service.set_sla_settings(self.ctx.database, cal, dict(self.pending))
        except ValidationError as exc:
            for p in exc.problems:
                ctype, _, rest = p.field.partition(".")
                sev, _, m = rest.partition(".")
                if ctype == self.shown_type and (sev, m) in self.targets:
                    self.targets[(sev, m)].setStyleSheet(BAD)
            self.message.setText(self.tr("Use durations such as 4h or 5d."))
            return False
        except Exception as exc:  # permission denied, busy database
            self.message.setText(c.error_text(exc, self.ctx.language))
            return False
        self.accept()
        return True
