"""Audits & corrective actions: audit list (new / resume / print), corrective action requests
with overdue ones highlighted, and the checklist template editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from app.views.core.context import AppContext
from app.views.suppliers.common import delete_on_close
from app.views.suppliers import common as c
from app.views.suppliers.corrective import CarListWidget
from app.views.suppliers.template_editor import TemplateEditor
from app.views.core.table_models import Column

translate = QCoreApplication.translate


class AuditsPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        from app.models.suppliers import audits as audit_service, master

        self.ctx = ctx
        self.service, self.sup = audit_service, master
        self.setObjectName("auditsPage")
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Audits and corrective actions"))
        heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        layout.addWidget(heading)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        audits = QWidget()
        box = QVBoxLayout(audits)
        bar = QHBoxLayout()
        self.supplier = QComboBox()
        self.template = QComboBox()
        self.new_button = QPushButton(self.tr("&New audit…"))
        self.new_button.clicked.connect(lambda: self.new_audit())
        self.resume_button = QPushButton(self.tr("&Resume draft…"))
        self.resume_button.clicked.connect(lambda: self.resume_selected())
        for b in (self.new_button, self.resume_button):  # hidden from who may not audit
            b.setEnabled(c.can(ctx, "audits.edit"))
        self.print_button = QPushButton(self.tr("&Print preview…"))
        self.print_button.setToolTip(self.tr("Preview the audit report and print it"))
        self.print_button.clicked.connect(lambda: self.print_selected())
        self.print_direct_button = QPushButton(self.tr("Print…"))
        self.print_direct_button.setShortcut("Ctrl+P")
        self.print_direct_button.setToolTip(self.tr("Print the audit report on a printer (Ctrl+P)"))
        self.print_direct_button.clicked.connect(lambda: self.print_selected(direct=True))
        for w in (QLabel(self.tr("Supplier:")), self.supplier, QLabel(self.tr("Checklist:")), self.template,
                  self.new_button, self.resume_button, self.print_button, self.print_direct_button):
            bar.addWidget(w)
        bar.addStretch(1)
        box.addLayout(bar)
        self.model, self.proxy, self.table = c.make_table([
            Column("audit_date", lambda: translate("AuditList", "Date")),
            Column("supplier_code", lambda: translate("AuditList", "Supplier")),
            Column("supplier_name", lambda: translate("AuditList", "Name")),
            Column("audit_type", lambda: translate("AuditList", "Type"), format=lambda v: c.label(c.AUDIT_TYPE, v)),
            Column("occasion", lambda: translate("AuditList", "Occasion"), format=lambda v: c.label(c.OCCASION, v)),
            Column("auditors", lambda: translate("AuditList", "Auditors")),
            Column("status", lambda: translate("AuditList", "Status"), format=lambda v: c.label(c.DRAFT_STATUS, v)),
            Column("progress", lambda: translate("AuditList", "Items answered"), align_right=True),
            Column("percent", lambda: translate("AuditList", "Score"), format=c.fmt_pct, align_right=True),
            Column("result", lambda: translate("AuditList", "Result"), format=lambda v: c.label(c.AUDIT_RESULT, v)),
            Column("findings", lambda: translate("AuditList", "Findings"), align_right=True),
        ], self, stretch=2, settings_key="audits/audit_header", settings=ctx.settings)
        self.table.doubleClicked.connect(lambda *_: self.resume_selected())
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        box.addWidget(self.table, 1)
        self.tabs.addTab(audits, self.tr("Audits"))
        self.cars = CarListWidget(ctx)
        self.tabs.addTab(self.cars, self.tr("Corrective actions"))
        self.templates = TemplateEditor(ctx)
        self.tabs.addTab(self.templates, self.tr("Checklist templates"))
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setShortcut("F5")
        refresh.setToolTip(self.tr("Reload the lists (F5)"))
        refresh.clicked.connect(self.refresh)
        self.tabs.setCornerWidget(refresh)
        self.refresh()

    def refresh(self) -> None:
        frame = self.sup.supplier_grid(self.ctx.database)
        keep = self.supplier.currentData()
        self.supplier.clear()
        for sid, code, zh, en in frame[["id", "code", "name_zh", "name_en"]].itertuples(index=False):
            self.supplier.addItem(f"{code} {(zh if self.ctx.language == 'zh_CN' else en) or zh or en}", int(sid))
        if keep is not None:
            self.supplier.setCurrentIndex(max(self.supplier.findData(keep), 0))
        keep_t = self.template.currentData()
        self.template.clear()
        for t in self.service.list_templates(self.ctx.database):
            self.template.addItem(t.title_zh if self.ctx.language == "zh_CN" else t.title_en, t.key)
        if keep_t:
            self.template.setCurrentIndex(max(self.template.findData(keep_t), 0))
        rows = self.service.list_audits(self.ctx.database)
        audits = c.rows_frame(rows, [col.field for col in self.model.columns] + ["id", "supplier_id"])
        if len(audits):  # the supplier's name in the UI language (the audit row keeps one name)
            names = dict(zip(frame["id"], [c.supplier_name(r, self.ctx.language) for r in frame.to_dict("records")]))
            audits["supplier_name"] = [names.get(sid, n) for sid, n in zip(audits["supplier_id"], audits["supplier_name"])]
        self.model.set_frame(audits)
        c.fit_columns_once(self.table)
        self.cars.refresh()

    def _selected(self) -> dict | None:
        row = c.selected_source_row(self.table)
        return None if row is None else self.model.row(row).to_dict()

    def _open(self, wizard):
        if wizard is None:  # cancelled
            return None
        wizard.finished.connect(lambda *_: self.refresh())
        wizard.open()
        return wizard

    def new_audit(self):
        from app.views.suppliers.audit_wizard import open_audit

        return self._open(open_audit(self.ctx, self.supplier.currentData(), self,
                                     template_key=self.template.currentData() or "qms", resume=False, ask=True))

    def resume_selected(self):
        from app.views.suppliers.audit_wizard import AuditWizard

        data = self._selected()
        if not data or data["status"] != "draft":
            return None
        flow = self.service.load_audit(self.ctx.database, int(data["id"]), lang=self.ctx.language)
        wizard = AuditWizard(self.ctx, flow, audit_id=int(data["id"]), parent=self)
        wizard.resume()
        return self._open(wizard)

    def print_selected(self, direct: bool = False):
        """The selected audit's report: print preview, or straight to the print dialog."""
        from app.views.suppliers.audit_wizard import print_audit_report

        data = self._selected()
        if not data:
            return None
        return print_audit_report(self.ctx, int(data["id"]), self, direct=direct)


def screenshots(ctx: AppContext) -> list[tuple[str, QWidget]]:
    from app.models.suppliers import audits, corrective, master
    from app.views.suppliers.audit_wizard import AuditWizard
    from app.views.suppliers.corrective import CarEditorDialog
    from app.views.suppliers.template_editor import TemplateEditorDialog

    frame = master.supplier_grid(ctx.database)
    sid = int(frame["id"].iloc[0]) if len(frame) else None
    flow = audits.new_audit(ctx.database, "qms", supplier_id=sid, lang=ctx.language)
    flow.set_plan(auditors="Wang, Li", scope="ISO 9001")
    wizard = AuditWizard(ctx, flow)
    wizard.saver = None  # a picture must not leave a draft behind
    wizard.restart()
    wizard.next()
    shots: list[tuple[str, QWidget]] = [("audit-wizard", wizard), ("template-editor", TemplateEditorDialog(ctx))]
    cars = corrective.list_corrective_actions(ctx.database)
    if cars:
        shots.append(("car-editor", CarEditorDialog(ctx, cars[0].id)))
    return delete_on_close(shots)
