"""Approval flow (供应商认可流程) and the qualified supplier list (合格供方名录).

The approval view shows the six ordered steps and records one at a time; the flow object in the
service refuses a skipped, repeated or late step and its message is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QInputDialog,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.flows.approval import STEP_RESULTS, STEPS, step_title
from app.views.suppliers import common as c
from app.views.core.table_models import Column
from app.views.core.table_models import readable_headers

translate = QCoreApplication.translate

RULE_CODES = {
    "skipped": QT_TRANSLATE_NOOP("Suppliers", "Steps must be recorded in order; this one is not next."),
    "repeated": QT_TRANSLATE_NOOP("Suppliers", "This step has already been recorded."),
    "closed": QT_TRANSLATE_NOOP("Suppliers", "The approval flow has already ended."),
    "bad_result": QT_TRANSLATE_NOOP("Suppliers", "This result is not allowed for the step."),
    "reason_required": QT_TRANSLATE_NOOP("Suppliers", "A rejection needs a reason in the remarks."),
    "who_required": QT_TRANSLATE_NOOP("Suppliers", "Say who records the step."),
    "in_progress": QT_TRANSLATE_NOOP("Suppliers", "An approval is already in progress for this supplier."),
    "already_evaluating": QT_TRANSLATE_NOOP("Suppliers", "The supplier is already under evaluation."),
}


def rule_message(exc: BaseException) -> str:
    """The translated rule plus the flow's own words (which name the steps involved)."""
    code = getattr(exc, "code", None)
    if code in RULE_CODES:
        return f"{c.tr(RULE_CODES[code])}\n({exc})"
    return c.error_text(exc)


class ApprovalView(QWidget):
    changed = Signal(int)  # supplier id whose status may have changed

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import approval, master

        self.ctx = ctx
        self.service, self.sup = approval, master
        self.setObjectName("approvalView")
        self.flow = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.supplier = QComboBox()
        self.supplier.setObjectName("approvalSupplier")
        self.supplier.setEditable(True)
        self.supplier.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.supplier.currentIndexChanged.connect(lambda _i: self.refresh())
        self.start_button = QPushButton(self.tr("&Start approval"))
        self.start_button.clicked.connect(self.start)
        self.state = QLabel()
        self.state.setStyleSheet("font-weight: 600;")
        top.addWidget(QLabel(self.tr("Supplier:")))
        top.addWidget(self.supplier, 1)
        top.addWidget(self.start_button)
        top.addWidget(self.state)
        layout.addLayout(top)
        self.steps = QTableWidget(len(STEPS), 5)
        readable_headers(self.steps)
        self.steps.setObjectName("approvalSteps")
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Result"), self.tr("Who"), self.tr("When"),
                                              self.tr("Remarks")])
        self.steps.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.steps.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.steps.verticalHeader().setVisible(False)
        self.steps.setColumnWidth(0, 230)
        self.steps.setColumnWidth(3, 130)
        layout.addWidget(self.steps, 1)
        form = QFormLayout()
        self.step = QComboBox()
        for s in STEPS:
            self.step.addItem(f"{STEPS.index(s) + 1}. {step_title(s, ctx.language)}", s)
        self.step.currentIndexChanged.connect(self._fill_results)
        self.result = QComboBox()
        self.by = QLineEdit(c.current_user(ctx))
        self.by.setReadOnly(True)  # the signed-in user; the service records it
        self.remarks = QLineEdit()
        self.remarks.setPlaceholderText(self.tr("Required when rejecting"))
        self.record_button = QPushButton(self.tr("&Record step"))
        self.record_button.clicked.connect(self.record)
        form.addRow(self.tr("Step:"), self.step)
        form.addRow(self.tr("Result:"), self.result)
        form.addRow(self.tr("Recorded by:"), self.by)
        form.addRow(self.tr("Remarks:"), self.remarks)
        from app.views.admin.signature import print_record_label

        self.print_button = QPushButton(print_record_label())  # the record with its signature manifest
        self.print_button.setObjectName("approvalPrint")
        self.print_button.clicked.connect(lambda: self.print_record())
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        layout.addLayout(form)
        from app.views.admin.signature import SignatureList

        self.signatures = SignatureList()
        layout.addWidget(self.signatures)
        self.message = QLabel()
        self.message.setObjectName("approvalMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message)
        self._fill_results()
        self.reload_suppliers()

    def reload_suppliers(self, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.supplier_id()
        frame = self.sup.supplier_grid(self.ctx.database)
        self.supplier.blockSignals(True)
        self.supplier.clear()
        for sid, code, zh, en, status in frame[["id", "code", "name_zh", "name_en", "status"]].itertuples(index=False):
            name = (zh if self.ctx.language == "zh_CN" else en) or zh or en
            self.supplier.addItem(f"{code}  {name}  ({c.label(c.STATUS, status)})", int(sid))
        self.supplier.blockSignals(False)
        if keep is not None and self.supplier.findData(keep) >= 0:
            self.supplier.setCurrentIndex(self.supplier.findData(keep))
        self.refresh()

    def supplier_id(self) -> int | None:
        return self.supplier.currentData()

    def select_supplier(self, supplier_id: int) -> None:
        i = self.supplier.findData(supplier_id)
        if i < 0:
            self.reload_suppliers(keep=supplier_id)
        else:
            self.supplier.setCurrentIndex(i)

    def _fill_results(self) -> None:
        step = self.step.currentData()
        self.result.clear()
        for r in STEP_RESULTS.get(step, ()):
            self.result.addItem(c.label(c.RESULT, r), r)

    def refresh(self) -> None:
        sid = self.supplier_id()
        history = self.service.approval_history(self.ctx.database, sid) if sid is not None else []
        self.flow = history[0] if history else None
        records = {s.step: s for s in self.flow.steps} if self.flow else {}
        nxt = self.flow.next_step if self.flow else None
        for i, step in enumerate(STEPS):
            rec = records.get(step)
            values = (f"{i + 1}. {step_title(step, self.ctx.language)}", c.label(c.RESULT, rec.result) if rec else "",
                      rec.done_by if rec else "", rec.done_at.strftime("%Y-%m-%d %H:%M") if rec else "",
                      rec.remarks if rec else "")
            for j, v in enumerate(values):
                item = QTableWidgetItem(v)
                if step == nxt:
                    item.setBackground(QColor(c.AMBER_BG))
                if rec is not None and rec.result == "reject":
                    item.setForeground(c.RED)
                self.steps.setItem(i, j, item)
        if self.flow is None:
            self.state.setText(self.tr("No approval started"))
        else:
            self.state.setText(c.label(c.RESULT, self.flow.status) if self.flow.status != "conditional"
                               else c.label(c.STATUS, "conditional"))
        in_progress = self.flow is not None and self.flow.status == "in_progress"
        self.start_button.setEnabled(sid is not None and not in_progress and c.can(self.ctx, "approval.record"))
        if nxt:
            self.step.setCurrentIndex(self.step.findData(nxt))
        self.record_button.setEnabled(in_progress and c.can(self.ctx, self._step_permission()))
        self.signatures.show_record(self.ctx, "approval_flows", self.flow.id if self.flow else None)
        self.print_button.setEnabled(self.flow is not None)

    def _step_permission(self) -> str:
        from app.models.suppliers.approval import APPROVAL_STEP

        return "approval.approve" if self.step.currentData() == APPROVAL_STEP else "approval.record"

    def start(self) -> bool:
        sid = self.supplier_id()
        if sid is None:
            return False
        try:
            self.service.start_approval(self.ctx.database, sid)
        except Exception as exc:
            self.message.setText(rule_message(exc))
            return False
        self.message.clear()
        self.refresh()
        self.changed.emit(sid)
        return True

    def record(self) -> bool:
        if self.flow is None:
            return False
        from app.views.admin.signature import run_signed

        step, flow_id = self.step.currentData(), self.flow.id
        result, remarks = self.result.currentData(), self.remarks.text().strip()

        def run(signature=None):
            self.service.record_step(self.ctx.database, flow_id, step, result=result, remarks=remarks,
                                     signature=signature)
        try:
            if step == self.service.APPROVAL_STEP:  # the approval is signed (where required)
                if not run_signed(self, self.ctx, "approval.approve", run):
                    return False
            else:
                run()
        except Exception as exc:  # ApprovalRuleError: order or input refused by the flow
            self.message.setText(rule_message(exc))
            return False
        self.message.clear()
        self.remarks.clear()
        sid = self.supplier_id()
        self.refresh()
        self.changed.emit(sid)
        return True


    def print_record(self, *, preview: bool = True) -> str | None:
        """The approval record with its signature manifest, through the PDF writer, into the preview."""
        import tempfile
        from pathlib import Path

        from app.reports.approval_pdf import write_approval_record
        from app.views.suppliers.printing import preview_pdf, show_font_warning

        if self.flow is None:
            return None
        path = Path(tempfile.mkdtemp(prefix="qb-approval-")) / "approval.pdf"
        try:
            font = write_approval_record(self.service.approval_record(self.ctx.database, self.flow.id), path,
                                         lang=self.ctx.language)
        except Exception as exc:
            self.message.setText(c.error_text(exc))
            return None
        show_font_warning(font, self)
        if preview:
            preview_pdf(path, self)
        return str(path)


def _state_bg(row):
    return QColor(c.RED_BG) if row.get("state") == "expired" else QColor(c.AMBER_BG) if row.get("state") == "expiring" else None


class QualifiedListView(QWidget):
    """The qualified supplier list; what expires (or is due for re-evaluation) soon stands out."""

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import approval

        self.ctx = ctx
        self.service = approval
        self.setObjectName("qualifiedList")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter the list…"))
        self.filter.setClearButtonEnabled(True)
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("All entries"), "")
        self.state_filter.addItem(self.tr("Expiring or due for re-evaluation soon"), "expiring")
        self.state_filter.addItem(self.tr("Expired"), "expired")
        self.state_filter.currentIndexChanged.connect(self.refresh)
        self.withdrawn = QCheckBox(self.tr("Include withdrawn"))
        self.withdrawn.toggled.connect(self.refresh)
        self.summary = QLabel()
        self.withdraw_button = QPushButton(self.tr("Withdraw…"))
        self.withdraw_button.clicked.connect(lambda: self.withdraw())
        self.withdraw_button.setEnabled(c.can(ctx, "approval.approve"))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Excel, CSV or PDF"))
        self.export_button.clicked.connect(lambda: self.export())
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the list as shown (Ctrl+P)"))
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.clicked.connect(lambda: self.print_list())
        for w in (self.filter, self.state_filter, self.withdrawn, self.summary, self.withdraw_button, self.export_button,
                  self.print_button):
            bar.addWidget(w, 1 if w is self.filter else 0)
        layout.addLayout(bar)
        lang = ctx.language
        sname, pname = ("supplier_name_zh", "part_name_zh") if lang == "zh_CN" else ("supplier_name_en", "part_name_en")
        self.model, self.proxy, self.table = c.make_table([
            Column("supplier_code", lambda: translate("QualifiedList", "Supplier")),
            Column(sname, lambda: translate("QualifiedList", "Name")),
            Column("importance_class", lambda: translate("QualifiedList", "Class")),
            Column("state", lambda: translate("QualifiedList", "State"), format=lambda v: c.label(c.STATE, v),
                   foreground=c.state_colours, background=_state_bg),
            Column("days_left", lambda: translate("QualifiedList", "Days left"), align_right=True),
            Column("valid_until", lambda: translate("QualifiedList", "Valid until"), background=_state_bg),
            Column("reevaluate_on", lambda: translate("QualifiedList", "Re-evaluate on"), background=_state_bg),
            Column("part_code", lambda: translate("QualifiedList", "Item")),
            Column(pname, lambda: translate("QualifiedList", "Item name")),
            Column("category", lambda: translate("QualifiedList", "Category")),
            Column("approved_on", lambda: translate("QualifiedList", "Approved on")),
            Column("conditional", lambda: translate("QualifiedList", "Conditional"), format=lambda v: "✓" if v else ""),
        ], self, settings_key="qualified/list_header", settings=ctx.settings)
        self.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # what expires first on top
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        layout.addWidget(self.table, 1)
        self.frame = None
        self.refresh()

    def refresh(self) -> None:
        frame = self.service.qualified_list(self.ctx.database, include_withdrawn=self.withdrawn.isChecked())
        if self.withdrawn.isChecked() and len(frame):
            frame = frame.assign(state=[s if st == "active" else "withdrawn" for s, st in zip(frame["state"], frame["status"])])
        which = self.state_filter.currentData()
        if which:
            frame = frame[frame["state"] == which]
        self.frame = frame
        self.model.set_frame(frame)
        c.fit_columns_once(self.table, {1: 240, 8: 160})
        soon = int((frame["state"] == "expiring").sum()) if len(frame) else 0
        expired = int((frame["state"] == "expired").sum()) if len(frame) else 0
        self.summary.setText(self.tr("{n} entries · {soon} expiring soon · {expired} expired")
                             .replace("{n}", str(len(frame))).replace("{soon}", str(soon)).replace("{expired}", str(expired)))

    def export(self, path: str | None = None) -> str | None:
        from app.reports.qualified_list import export_qualified
        from app.views.suppliers.printing import show_font_warning

        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the qualified supplier list"), "qualified.xlsx",
                                                  self.tr("Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"))
            if not path:
                return None
        try:
            font = export_qualified(self.frame, path, lang=self.ctx.language)
        except Exception as exc:
            c.error_box(self, self.tr("Export"), c.error_text(exc))
            return None
        show_font_warning(font, self)
        return path

    def print_list(self, *, preview: bool = True) -> str | None:
        """The list as shown, through the PDF writer, into the print preview (or straight to print)."""
        import tempfile
        from pathlib import Path

        from app.views.suppliers.printing import preview_pdf, print_pdf

        path = self.export(str(Path(tempfile.mkdtemp(prefix="qb-qualified-")) / "qualified.pdf"))
        if path:
            (preview_pdf if preview else print_pdf)(path, self)
        return path

    def withdraw(self, reason: str | None = None) -> bool:
        row = c.selected_source_row(self.table)
        if row is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Withdraw qualification"), self.tr("Reason:"))
            if not ok:
                return False
        try:
            self.service.withdraw_qualification(self.ctx.database, int(self.model.row(row)["entry_id"]),
                                                reason=reason)
        except Exception as exc:
            c.error_box(self, self.tr("Withdraw qualification"), c.error_text(exc))
            return False
        self.refresh()
        return True
