"""One complaint: the handling steps (the 8D disciplines for a quality complaint) with who, when
and what; the step to do next; waiting on the customer; the SCAR on the supplier and its
progress; close (refused while the SCAR's containment is open, unless overridden with a reason),
reopen with a reason; attachments, costs and the reply letter. Each button is one service call."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGridLayout,
                               QGroupBox, QHBoxLayout, QInputDialog, QLabel, QPlainTextEdit, QPushButton, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from app.views.complaints import common as c

translate = QCoreApplication.translate
from app.views.core.table_models import Column, DataFrameTableModel, NativeSortProxy

STEP_COLUMNS = ("step_title", "state", "by", "at", "text")


def _table(columns, parent):
    from PySide6.QtWidgets import QHeaderView, QTableView

    model = DataFrameTableModel(columns, parent=parent)
    proxy = NativeSortProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return model, view


class CostsDialog(QDialog):
    def __init__(self, credit: float, returns: float, sorting: float, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cost of poor quality"))
        form = QFormLayout(self)
        self.boxes = []
        for title, value in ((self.tr("Credit note:"), credit), (self.tr("Returns:"), returns),
                             (self.tr("Sorting / rework:"), sorting)):
            box = QDoubleSpinBox()
            box.setRange(0, 1e9)
            box.setDecimals(2)
            box.setValue(value)
            box.setSuffix(" CNY")
            form.addRow(title, box)
            self.boxes.append(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[float, float, float]:
        return tuple(b.value() for b in self.boxes)  # type: ignore[return-value]


class ComplaintDetailWidget(QWidget):
    changed = Signal(int)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.admin.permissions import can
        from app.models.complaints import service

        self.ctx = ctx
        self.service = service
        self.can = lambda key: can(ctx.database, key)
        self.complaint_id: int | None = None
        self.detail = None
        self.setObjectName("complaintDetail")
        self.header = QLabel()
        self.header.setObjectName("complaintHeader")
        self.header.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.header.setWordWrap(True)
        self.subheader = QLabel()
        self.subheader.setWordWrap(True)
        self.sla = QLabel()
        self.sla.setObjectName("complaintSla")
        self.sla.setStyleSheet("font-weight: 600;")

        # steps and the step to do next
        self.steps_model, self.steps_view = _table([
            Column("step_title", lambda: translate("Complaints", "Step")),
            Column("state", lambda: translate("Complaints", "Done")),
            Column("by", lambda: translate("Complaints", "By")),
            Column("at", lambda: translate("Complaints", "When")),
            Column("text", lambda: translate("Complaints", "What was done")),
        ], self)
        self.next_label = QLabel()
        self.next_label.setObjectName("nextStep")
        self.next_label.setStyleSheet("font-weight: 600;")
        self.step_text = QPlainTextEdit()
        self.step_text.setObjectName("stepText")
        self.step_text.setPlaceholderText(self.tr("What was done in this step…"))
        self.step_text.setMaximumHeight(64)
        self.rating = QSpinBox()
        self.rating.setRange(1, 5)
        self.rating.setValue(5)
        self.rating.setPrefix(self.tr("Rating "))
        self.rating.setSuffix(" / 5")
        self.record_button = QPushButton(self.tr("&Record step"))
        self.record_button.clicked.connect(lambda: self.record_step())
        self.close_button = QPushButton(self.tr("C&lose complaint"))
        self.close_button.clicked.connect(lambda: self.close_complaint())
        self.reopen_button = QPushButton(self.tr("Re&open…"))
        self.reopen_button.clicked.connect(lambda: self.reopen())
        self.pause_button = QPushButton(self.tr("&Waiting on customer…"))
        self.pause_button.clicked.connect(lambda: self.pause())
        self.resume_button = QPushButton(self.tr("Res&ume"))
        self.resume_button.clicked.connect(lambda: self.resume())
        step_box = QVBoxLayout()
        step_box.addWidget(self.next_label)
        step_box.addWidget(self.step_text)
        row = QHBoxLayout()
        row.addWidget(self.rating)
        row.addWidget(self.record_button)
        row.addWidget(self.close_button)
        row.addWidget(self.reopen_button)
        row.addStretch(1)
        row.addWidget(self.pause_button)
        row.addWidget(self.resume_button)
        step_box.addLayout(row)
        handling = QWidget()
        hl = QVBoxLayout(handling)
        hl.setContentsMargins(0, 0, 0, 0)
        hl.addWidget(self.steps_view, 1)
        hl.addLayout(step_box)

        # facts
        facts = QWidget()
        grid = QGridLayout(facts)
        self.facts: dict[str, QLabel] = {}
        names = (("customer", self.tr("Customer:")), ("contact", self.tr("Contact:")),
                 ("received", self.tr("Received:")), ("channel", self.tr("Channel:")), ("part", self.tr("Part:")),
                 ("lot", self.tr("Lot / delivery note:")), ("qty", self.tr("Quantity affected:")),
                 ("defect", self.tr("Defect:")), ("costs", self.tr("Cost of poor quality:")),
                 ("rating", self.tr("Customer's rating:")), ("description", self.tr("Description:")))
        for i, (key, title) in enumerate(names):
            lab = QLabel()
            lab.setWordWrap(True)
            lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = lab
            r, col = (i // 2, (i % 2) * 2) if key != "description" else (i // 2 + 1, 0)
            grid.addWidget(QLabel(title), r, col, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(lab, r, col + 1, 1, 3 if key == "description" else 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(len(names), 1)

        self.events_model, self.events_view = _table([
            Column("at", lambda: translate("Complaints", "When")), Column("by", lambda: translate("Complaints", "By")),
            Column("action", lambda: translate("Complaints", "What"), format=lambda v: c.label(c.EVENTS, v)),
            Column("step", lambda: translate("Complaints", "Step")), Column("text", lambda: translate("Complaints", "Note")),
        ], self)
        self.files_model, self.files_view = _table([
            Column("file_name", lambda: translate("Complaints", "File")), Column("size", lambda: translate("Complaints", "Bytes"), align_right=True),
            Column("added_by", lambda: translate("Complaints", "Added by")), Column("added_at", lambda: translate("Complaints", "Added at")),
            Column("sha256", lambda: translate("Complaints", "SHA-256")),
        ], self)
        files = QWidget()
        fl = QVBoxLayout(files)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.files_view, 1)
        frow = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("&Attach file…"))
        self.attach_button.clicked.connect(lambda: self.attach())
        self.open_file_button = QPushButton(self.tr("Open file"))
        self.open_file_button.clicked.connect(lambda: self.open_attachment())
        self.files_view.doubleClicked.connect(lambda *_: self.open_attachment())
        frow.addWidget(self.attach_button)
        frow.addWidget(self.open_file_button)
        frow.addStretch(1)
        fl.addLayout(frow)

        self.tabs = QTabWidget()
        self.tabs.addTab(handling, self.tr("Handling"))
        self.tabs.addTab(facts, self.tr("Complaint"))
        self.tabs.addTab(self.events_view, self.tr("History"))
        self.tabs.addTab(files, self.tr("Attachments"))

        # SCAR and outputs
        self.scar_box = QGroupBox(self.tr("Supplier (SCAR)"))
        sb = QVBoxLayout(self.scar_box)
        self.scar_label = QLabel()
        self.scar_label.setObjectName("scarLabel")
        self.scar_label.setWordWrap(True)
        self.scar_button = QPushButton(self.tr("Raise &SCAR on supplier…"))
        self.scar_button.clicked.connect(lambda: self.raise_scar())
        self.trace_button = QPushButton(self.tr("&Trace to supplier (no SCAR)…"))
        self.trace_button.clicked.connect(lambda: self.trace())
        self.open_scar_button = QPushButton(self.tr("Open the SCAR's 8D…"))
        self.open_scar_button.clicked.connect(lambda: self.open_scar())
        sb.addWidget(self.scar_label)
        sb.addWidget(self.scar_button)
        sb.addWidget(self.trace_button)
        sb.addWidget(self.open_scar_button)
        self.costs_button = QPushButton(self.tr("&Costs…"))
        self.costs_button.clicked.connect(lambda: self.edit_costs())
        self.letter_button = QPushButton(self.tr("Reply &letter (PDF)…"))
        self.letter_button.clicked.connect(lambda: self.letter())
        side = QVBoxLayout()
        side.addWidget(self.scar_box)
        side.addWidget(self.costs_button)
        side.addWidget(self.letter_button)
        side.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("complaintMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")

        body = QHBoxLayout()
        body.addWidget(self.tabs, 1)
        side_widget = QWidget()
        side_widget.setLayout(side)
        side_widget.setFixedWidth(236)
        body.addWidget(side_widget)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.sla)
        layout.addLayout(top)
        layout.addWidget(self.subheader)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        self.set_complaint(None)

    # ------------------------------------------------------------------------------ showing
    def set_complaint(self, complaint_id: int | None) -> None:
        if complaint_id != self.complaint_id:
            self.step_text.clear()
            self.message.clear()
        self.complaint_id = complaint_id
        self.refresh()

    def refresh(self) -> None:
        lang = self.ctx.language
        widgets = [self.tabs, self.scar_box, self.costs_button, self.letter_button, self.step_text]
        if self.complaint_id is None:
            self.detail = None
            self.header.setText(self.tr("No complaint selected"))
            self.subheader.clear()
            self.sla.clear()
            for w in widgets:
                w.setEnabled(False)
            for b in (self.record_button, self.close_button, self.reopen_button, self.pause_button,
                      self.resume_button, self.rating):
                b.setVisible(False)
            self.next_label.clear()
            return
        for w in widgets:
            w.setEnabled(True)
        d = self.detail = self.service.get_complaint(self.ctx.database, self.complaint_id)
        cal = self.service.calendar(self.ctx.database)
        customer = (d.customer_name_zh or d.customer_name_en) if lang == "zh_CN" else (d.customer_name_en
                                                                                        or d.customer_name_zh)
        self.header.setText(f"{d.number} · {d.title}")
        reopened = self.tr(" · reopened {n}×").replace("{n}", str(d.reopen_count)) if d.reopen_count else ""
        self.subheader.setText(" · ".join([f"{d.customer_code} {customer}", c.label(c.TYPES, d.complaint_type),
                                           c.label(c.SEVERITIES, d.severity), c.label(c.STATES, d.state)]) + reopened)
        if d.sla_left is None:
            self.sla.setText(self.tr("Closed {when}").replace("{when}", d.flow["closed"]["at"].replace("T", " ")[:16])
                             if d.flow.get("closed") else "")
            self.sla.setStyleSheet("font-weight: 600;")
        else:
            fg, _bg = c.sla_colours(d.sla_left, None, d.sla_paused)
            text = f"{c.label(c.MILESTONES, d.sla_milestone)}: {c.left_text(d.sla_left, d.sla_paused, cal, lang)}"
            if d.sla_due_at is not None and not d.sla_paused:
                text += "  " + self.tr("(due {when})").replace("{when}", d.sla_due_at.strftime("%Y-%m-%d %H:%M"))
            if d.containment_late:
                text += "  " + self.tr("· D3 later than 24 h")
            self.sla.setText(text)
            self.sla.setStyleSheet(f"font-weight: 600; color: {fg.name() if fg else '#000'};")
        # steps
        from app.flows.complaint import ComplaintFlow

        flow = ComplaintFlow.from_json({"kind": "complaint", "version": 1, "state": d.flow})
        rows = []
        for step in flow.steps:
            rec = flow.record(step) or {}
            text = rec.get("text", "")
            if step == "rating" and rec:
                text = f"{rec.get('rating')}/5 {text}"
            rows.append({"step_title": c.step_title(step, lang), "state": "✓" if rec else "",
                         "by": rec.get("by", ""), "at": rec.get("at", "").replace("T", " ")[:16], "text": text,
                         "step": step})
        self.steps_model.set_frame(pd.DataFrame(rows, columns=[*STEP_COLUMNS, "step"]))
        self.steps_view.resizeColumnsToContents()
        self.steps_view.setColumnWidth(0, max(self.steps_view.columnWidth(0), 150))
        self.steps_view.setColumnWidth(4, 380)
        self.steps_view.resizeRowsToContents()
        current = flow.current
        may_record, may_close = self.can("complaints.record"), self.can("complaints.close")
        waiting = d.state == "waiting"
        if current == "closed":
            self.next_label.setText(self.tr("Closed. Reopening needs a reason."))
        elif current == "close":
            self.next_label.setText(self.tr("All steps done: close the complaint."))
        else:
            self.next_label.setText(self.tr("Next step: {step}").replace("{step}", c.step_title(current, lang)))
        self.step_text.setEnabled(current not in ("closed", "close") and not waiting)
        self.record_button.setVisible(current not in ("closed", "close"))
        self.record_button.setEnabled(may_record and not waiting)
        self.rating.setVisible(current == "rating")
        self.close_button.setVisible(current == "close")
        self.close_button.setEnabled(may_close)
        self.reopen_button.setVisible(current == "closed")
        self.reopen_button.setEnabled(may_close)
        self.pause_button.setVisible(d.state == "open")
        self.pause_button.setEnabled(may_record)
        self.resume_button.setVisible(waiting)
        self.resume_button.setEnabled(may_record)
        # facts
        part = (d.part_name_en or d.part_name) if lang == "en" else d.part_name
        f = self.facts
        f["customer"].setText(f"{d.customer_code} {customer}")
        f["contact"].setText(d.contact_name or "—")
        f["received"].setText(d.received_at.strftime("%Y-%m-%d %H:%M"))
        f["channel"].setText(c.label(c.CHANNELS, d.channel) + " · " + c.label(c.PRIORITIES, d.priority))
        f["part"].setText(f"{d.part_code} {part}".strip() or "—")
        f["lot"].setText(" / ".join(x for x in (d.lot, d.delivery_note) if x) or "—")
        f["qty"].setText("—" if d.qty_affected is None else f"{d.qty_affected:,}")
        f["defect"].setText(d.defect or "—")
        f["costs"].setText(self.tr("{total} CNY (credit {a}, returns {b}, sorting {s})")
                           .replace("{total}", f"{d.cost_total:,.2f}").replace("{a}", f"{d.credit_amount:,.2f}")
                           .replace("{b}", f"{d.returns_amount:,.2f}").replace("{s}", f"{d.sorting_amount:,.2f}"))
        f["rating"].setText(f"{d.rating}/5 {d.rating_comment}" if d.rating else "—")
        f["description"].setText(d.description)
        # history, files
        self.events_model.set_frame(pd.DataFrame(d.events, columns=["at", "by", "action", "step", "text"]))
        self.events_view.resizeColumnsToContents()
        self.files_model.set_frame(pd.DataFrame(d.attachments, columns=["file_name", "size", "added_by", "added_at",
                                                                        "sha256", "id"]))
        self.attach_button.setEnabled(may_record)
        # SCAR
        if d.scar is None:
            traced = self.tr("Traced to {code}").replace("{code}", d.supplier_code) if d.supplier_code else \
                self.tr("Not traced to a supplier.")
            self.scar_label.setText(traced)
            self.scar_label.setStyleSheet("")
        else:
            s = d.scar
            text = (self.tr("{number} on {supplier}\nstatus: {status} · 8D {done}/8")
                    .replace("{number}", s.number).replace("{supplier}", f"{s.supplier_code} {s.supplier_name}")
                    .replace("{status}", c.label(c.SCAR_STATUS, s.status)).replace("{done}", str(s.disciplines_done)))
            if s.containment_open:
                text += "\n" + self.tr("Containment (D3) still open")
            self.scar_label.setText(text)
            self.scar_label.setStyleSheet("color: #c0392b;" if s.containment_open else "color: #1e8449;")
        self.scar_button.setVisible(d.scar is None)
        self.scar_button.setEnabled(may_record and d.state != "closed")
        self.trace_button.setVisible(d.scar is None and d.supplier_id is None)
        self.trace_button.setEnabled(may_record)
        self.open_scar_button.setVisible(d.scar is not None)
        self.costs_button.setEnabled(may_record)

    # ------------------------------------------------------------------------------ acting
    def _act(self, call) -> bool:
        try:
            call()
        except Exception as exc:  # the service's rule, shown in one line in the UI language
            from app.models.complaints.errors import ComplaintError
            from app.models.admin.permissions import PermissionDenied
            from app.models.core.database import DatabaseOpenError
            from app.flows import FlowError
            from app.models.admin.identity import AccessError

            if not isinstance(exc, (ComplaintError, PermissionDenied, DatabaseOpenError, FlowError, ValueError,
                                    AccessError)):
                raise
            self.message.setText(c.error_text(exc, self.ctx.language))
            return False
        self.message.clear()
        self.refresh()
        if self.complaint_id is not None:
            self.changed.emit(self.complaint_id)
        return True

    def record_step(self, text: str | None = None, rating: int | None = None) -> bool:
        if self.detail is None:
            return False
        step = self.detail.current_step
        body = self.step_text.toPlainText() if text is None else text
        if step == "rating" and rating is None:
            rating = self.rating.value()
        ok = self._act(lambda: self.service.complete_step(self.ctx.database, self.complaint_id, step, body,
                                                          rating=rating if step == "rating" else None))
        if ok:
            self.step_text.clear()
        return ok

    def close_complaint(self, override_reason: str | None = None) -> bool:
        """Close (through the signature dialog when the administrator requires a signature)."""
        from app.views.admin.signature import run_signed

        ok = self._act(lambda: run_signed(self, self.ctx, "complaints.close", lambda signature: (
            self.service.close_complaint(self.ctx.database, self.complaint_id, override_reason=override_reason or "",
                                         signature=signature))))
        if ok or override_reason is not None or not self.can("complaints.override"):
            return ok
        if self.detail is not None and self.detail.scar is not None and self.detail.scar.containment_open:
            reason, accepted = QInputDialog.getText(self, self.tr("Close despite the open containment"),
                                                    self.tr("Why may it close while the supplier's containment is "
                                                            "open?"))
            if accepted and reason.strip():
                return self.close_complaint(reason)
        return False

    def reopen(self, reason: str | None = None) -> bool:
        if reason is None:
            reason, accepted = QInputDialog.getText(self, self.tr("Reopen complaint"), self.tr("Why is it reopened?"))
            if not accepted:
                return False
        return self._act(lambda: self.service.reopen_complaint(self.ctx.database, self.complaint_id, reason))

    def pause(self, reason: str | None = None) -> bool:
        if reason is None:
            reason, accepted = QInputDialog.getText(self, self.tr("Waiting on the customer"),
                                                    self.tr("What is the customer asked for?"))
            if not accepted:
                return False
        return self._act(lambda: self.service.pause(self.ctx.database, self.complaint_id, reason))

    def resume(self) -> bool:
        return self._act(lambda: self.service.resume(self.ctx.database, self.complaint_id))

    def _choose_supplier(self, title: str) -> int | None:
        """The part's suppliers (or every supplier when the part has none / is not known)."""
        choices = self.service.part_suppliers(self.ctx.database, self.detail.part_id) if self.detail.part_id else []
        if not choices:
            from app.models.suppliers import master

            frame = master.supplier_grid(self.ctx.database)
            choices = [(int(r["id"]), r["code"], r["name_zh"], r["name_en"]) for r in frame.to_dict("records")]
        if not choices:
            self.message.setText(c.label(c.ERROR_CODES, "supplier_required"))
            return None
        if len(choices) == 1:
            return choices[0][0]
        lang = self.ctx.language
        items = [f"{code} {(zh or en) if lang == 'zh_CN' else (en or zh)}" for _i, code, zh, en in choices]
        ids = [i for i, *_rest in choices]
        # the supplier the complaint was already traced to is proposed first (not the first in the list)
        current = ids.index(self.detail.supplier_id) if self.detail.supplier_id in ids else 0
        item, accepted = QInputDialog.getItem(self, title, self.tr("The cause lies with which supplier?"), items,
                                              current, False)
        return choices[items.index(item)][0] if accepted else None

    def raise_scar(self, supplier_id: int | None = None) -> bool:
        if self.detail is None:
            return False
        if supplier_id is None:
            supplier_id = self._choose_supplier(self.tr("Raise SCAR"))
            if supplier_id is None:
                return False
        return self._act(lambda: self.service.raise_scar(self.ctx.database, self.complaint_id,
                                                         supplier_id=supplier_id))

    def trace(self, supplier_id: int | None = None) -> bool:
        """Name the supplier the cause lies with, without a SCAR (it counts in its evaluation)."""
        if self.detail is None:
            return False
        if supplier_id is None:
            supplier_id = self._choose_supplier(self.tr("Trace to a supplier"))
            if supplier_id is None:
                return False
        return self._act(lambda: self.service.trace_to_supplier(self.ctx.database, self.complaint_id, supplier_id))

    def open_scar(self) -> QDialog | None:
        if self.detail is None or self.detail.scar is None:
            return None
        from app.views.suppliers.corrective import CarEditorDialog

        dialog = CarEditorDialog(self.ctx, self.detail.scar.id, self)
        dialog.finished.connect(lambda *_: self.refresh())
        dialog.open()
        return dialog

    def attach(self, path: str | Path | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file to the complaint"))
            if not path:
                return False
        return self._act(lambda: self.service.add_attachment(self.ctx.database, self.complaint_id, path))

    def selected_attachment(self) -> Path | None:
        index = self.files_view.currentIndex()
        if not index.isValid() or self.detail is None:
            return None
        row = self.files_view.model().mapToSource(index).row()
        return self.service.attachment_path(self.ctx.database, int(self.files_model.frame.iloc[row]["id"]))

    def open_attachment(self) -> Path | None:
        """Open the stored copy (beside the database) with the system's viewer."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        path = self.selected_attachment()
        if path is None:
            return None
        if not path.is_file():
            self.message.setText(self.tr("The stored copy is missing: {path}").replace("{path}", str(path)))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def edit_costs(self, values: tuple[float, float, float] | None = None) -> bool:
        d = self.detail
        if d is None:
            return False
        if values is None:
            dialog = CostsDialog(d.credit_amount, d.returns_amount, d.sorting_amount, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            values = dialog.values()
        credit, returns, sorting = values
        return self._act(lambda: self.service.set_costs(self.ctx.database, self.complaint_id, credit=credit,
                                                        returns=returns, sorting=sorting))

    def letter(self, path: str | Path | None = None, lang: str | None = None) -> Path | None:
        if self.detail is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the reply letter"),
                                                  f"{self.detail.number}.pdf", self.tr("PDF (*.pdf)"))
            if not path:
                return None
        from app.reports.complaint_letter import write_letter

        try:
            write_letter(self.service.get_complaint(self.ctx.database, self.complaint_id), path, lang=lang)
        except OSError as exc:
            self.message.setText(str(exc))
            return None
        self.message.clear()
        return Path(path)
