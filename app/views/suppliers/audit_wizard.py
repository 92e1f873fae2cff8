"""Supplier audit wizard (供应商审核): plan → checklist scoring item by item → findings → result →
corrective actions. Renders ``app.flows.audit.AuditFlow``; drafts autosave and resume."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QTableWidget, QTableWidgetItem, QWizard)

from app.engines.audit import AUDIT_OCCASIONS, SEVERITIES
from app.flows.audit import ACTION_FIELD
from app.views.core.table_models import readable_headers
from app.views.suppliers import common as c
from app.views.suppliers.flow_wizard import FlowPage, FlowWizard
from app.views.suppliers.printing import preview_pdf, show_font_warning

NA = "na"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(True)
    readable_headers(table)
    return table


def _item(text: str) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return it


def _severity_box(with_none: bool = True) -> QComboBox:
    box = QComboBox()
    if with_none:
        box.addItem("—", None)
    for s in SEVERITIES:
        box.addItem(c.label(c.SEVERITY, s), s)
    return box


class PlanPage(FlowPage):
    def __init__(self, wizard: "AuditWizard") -> None:
        super().__init__(wizard, "plan")
        self.setTitle(self.tr("Audit plan"))
        self.setSubTitle(self.tr("What is audited, when, by whom and against which checklist."))
        form = QFormLayout()
        self.supplier = QLineEdit()
        self.supplier.setReadOnly(True)
        self.template = QComboBox()
        for t in wizard.templates:
            self.template.addItem(f"{c.label(c.AUDIT_TYPE, t.audit_type)} – {t.title_zh if wizard.lang == 'zh_CN' else t.title_en}",
                                  t.key)
        self.template.activated.connect(lambda _i: wizard.change_template(self.template.currentData()))
        self.occasion = QComboBox()
        for o in AUDIT_OCCASIONS:
            self.occasion.addItem(c.label(c.OCCASION, o), o)
        self.occasion.activated.connect(lambda _i: self._set(occasion=self.occasion.currentData()))
        self.auditors = QLineEdit()
        self.auditors.setPlaceholderText(self.tr("Names separated by commas"))
        self.auditors.textEdited.connect(lambda t: self._set(auditors=t))
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.date.textEdited.connect(lambda t: self._set(audit_date=t.strip()))
        self.scope = QPlainTextEdit()
        self.scope.setMaximumHeight(90)
        self.scope.textChanged.connect(lambda: self._set(scope=self.scope.toPlainText()))
        form.addRow(self.tr("Supplier:"), self.supplier)
        form.addRow(self.tr("Checklist:"), self.template)
        form.addRow(self.tr("Occasion:"), self.occasion)
        form.addRow(self.tr("Auditors:"), self.auditors)
        form.addRow(self.tr("Audit date:"), self.date)
        form.addRow(self.tr("Scope:"), self.scope)
        self.body.addLayout(form)
        self.body.addStretch(1)
        self.field_widgets = {"supplier": self.supplier, "audit_type": self.template, "occasion": self.occasion,
                              "auditors": self.auditors, "audit_date": self.date, "scope": self.scope}

    def _set(self, **values) -> None:
        if self.flow_wizard.loading:
            return
        self.flow.set_plan(**values)
        self.flow_wizard.changed()

    def load(self) -> None:
        wizard = self.flow_wizard
        wizard.loading = True
        p = self.flow.plan
        self.supplier.setText(p.get("supplier_name") or "")
        self.template.setCurrentIndex(max(self.template.findData(self.flow.template.key), 0))
        self.occasion.setCurrentIndex(max(self.occasion.findData(p.get("occasion")), 0))
        self.auditors.setText(", ".join(p.get("auditors") or []))
        self.date.setText(p.get("audit_date") or "")
        self.scope.setPlainText(p.get("scope") or "")
        wizard.loading = False


class ChecklistPage(FlowPage):
    """A checklist section: per item a score (incl. N/A), evidence, finding severity and text."""

    COL_CLAUSE, COL_TEXT, COL_SCORE, COL_EVIDENCE, COL_SEVERITY, COL_FINDING = range(6)

    def __init__(self, wizard: "AuditWizard", section) -> None:
        super().__init__(wizard, f"checklist:{section.key}")
        lang = wizard.lang
        self.section = section
        self.setTitle(f"{section.key} {section.title(lang)}")
        self.setSubTitle(self.tr("Score every item or mark it N/A (give the reason as evidence). "
                                 "A score of 0 needs a finding."))
        self.items = wizard.flow.template.items_in(section.key)
        self.table = _table([self.tr("Clause"), self.tr("Requirement"), self.tr("Score"), self.tr("Evidence"),
                             self.tr("Finding"), self.tr("Finding description")])
        self.table.setRowCount(len(self.items))
        self.widgets: dict[str, tuple[QComboBox, QLineEdit, QComboBox, QLineEdit]] = {}
        for row, it in enumerate(self.items):
            self.table.setItem(row, self.COL_CLAUSE, _item(it.clause))
            text = _item(it.text(lang))
            text.setToolTip(it.text(lang))
            self.table.setItem(row, self.COL_TEXT, text)
            score = QComboBox()
            score.addItem("", None)
            for v in range(it.rule.min, it.rule.max + 1):
                score.addItem(str(v), v)
            if it.rule.na_allowed:
                score.addItem(self.tr("N/A"), NA)
            evidence, finding = QLineEdit(), QLineEdit()
            severity = _severity_box()
            for w in (score, severity):
                w.activated.connect(lambda _i, k=it.key: self._write(k, True))
            for w in (evidence, finding):
                w.textEdited.connect(lambda _t, k=it.key: self._write(k, False))
            self.table.setCellWidget(row, self.COL_SCORE, score)
            self.table.setCellWidget(row, self.COL_EVIDENCE, evidence)
            self.table.setCellWidget(row, self.COL_SEVERITY, severity)
            self.table.setCellWidget(row, self.COL_FINDING, finding)
            self.widgets[it.key] = (score, evidence, severity, finding)
            self.field_widgets[it.key] = score
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in ((self.COL_CLAUSE, 60), (self.COL_SCORE, 70), (self.COL_EVIDENCE, 170),
                           (self.COL_SEVERITY, 112), (self.COL_FINDING, 170)):
            header.resizeSection(col, width)
        # rows follow the wrapped requirement text as the stretched column changes width
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.body.addWidget(self.table, 1)

    def _write(self, key: str, immediate: bool) -> None:
        score, evidence, severity, finding = self.widgets[key]
        value = score.currentData()
        self.flow.score_item(key, None if value == NA else value, na=value == NA, evidence=evidence.text(),
                             severity=severity.currentData(), finding=finding.text())
        self.flow_wizard.changed(immediate)

    def set_item(self, key: str, score=None, *, na: bool = False, evidence: str = "", severity: str | None = None,
                 finding: str = "") -> None:
        """Enter an item as the user would (tests, and Chinese text without key events)."""
        box, ev, sev, fin = self.widgets[key]
        box.setCurrentIndex(box.findData(NA if na else score))
        ev.setText(evidence)
        sev.setCurrentIndex(max(sev.findData(severity), 0))
        fin.setText(finding)
        self._write(key, True)

    def load(self) -> None:
        for key, (score, evidence, severity, finding) in self.widgets.items():
            st = self.flow.item_state(key)
            for w in (score, severity):
                w.blockSignals(True)
            score.setCurrentIndex(max(score.findData(NA if st.get("na") else st.get("score")), 0))
            severity.setCurrentIndex(max(severity.findData(st.get("severity")), 0))
            evidence.setText(st.get("evidence") or "")
            finding.setText(st.get("finding") or "")
            for w in (score, severity):
                w.blockSignals(False)


class FindingsPage(FlowPage):
    def __init__(self, wizard: "AuditWizard") -> None:
        super().__init__(wizard, "findings")
        self.setTitle(self.tr("Findings"))
        self.setSubTitle(self.tr("Findings from the checklist, plus any found outside it."))
        self.table = _table([self.tr("Clause"), self.tr("Severity"), self.tr("Description"), self.tr("Evidence")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.body.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("A finding outside the checklist…"))
        self.severity = _severity_box(with_none=False)
        self.severity.setCurrentIndex(1)
        self.add_button = QPushButton(self.tr("Add finding"))
        self.add_button.clicked.connect(self.add_finding)
        self.remove_button = QPushButton(self.tr("Remove finding"))
        self.remove_button.clicked.connect(self.remove_finding)
        for w in (self.description, self.severity, self.add_button, self.remove_button):
            row.addWidget(w, 1 if w is self.description else 0)
        self.body.addLayout(row)

    def add_finding(self) -> None:
        text = self.description.text().strip()
        if not text:
            return
        self.flow.add_finding(text, self.severity.currentData())
        self.description.clear()
        self.flow_wizard.changed(True)
        self.load()

    def remove_finding(self) -> None:
        row = self.table.currentRow()
        findings = self.flow.findings()
        if 0 <= row < len(findings) and findings[row]["id"].startswith("extra:"):
            self.flow.remove_finding(findings[row]["id"])
            self.flow_wizard.changed(True)
            self.load()

    def load(self) -> None:
        findings = self.flow.findings()
        self.table.setRowCount(len(findings))
        for i, f in enumerate(findings):
            values = (f["clause"] or self.tr("(extra)"), c.label(c.SEVERITY, f["severity"]), f["description"], f["evidence"])
            for j, v in enumerate(values):
                self.table.setItem(i, j, _item(v or ""))
            if f["severity"] in ("major", "critical"):
                self.table.item(i, 1).setForeground(c.RED)
        self.table.resizeRowsToContents()


class ResultPage(FlowPage):
    def __init__(self, wizard: "AuditWizard") -> None:
        super().__init__(wizard, "result")
        self.setTitle(self.tr("Audit result"))
        self.setSubTitle(self.tr("Compliance per section (N/A items left out) and the result."))
        self.table = _table([self.tr("Section"), self.tr("Score"), self.tr("Answered"), self.tr("N/A")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("auditSummary")
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        row = QHBoxLayout()
        self.print_blank = QPushButton(self.tr("Print blank checklist…"))
        self.print_blank.clicked.connect(wizard.print_blank)
        self.print_report = QPushButton(self.tr("Print audit report…"))
        self.print_report.clicked.connect(wizard.print_report)
        row.addWidget(self.print_blank)
        row.addWidget(self.print_report)
        row.addStretch(1)
        self.body.addLayout(row)

    def load(self) -> None:
        lang = self.flow_wizard.lang
        score = self.flow.result()
        self.table.setRowCount(len(score.sections))
        for i, s in enumerate(score.sections):
            title = self.flow.template.section(s.section).title(lang)
            for j, v in enumerate((f"{s.section} {title}", c.fmt_pct(s.percent), f"{s.answered} / {s.items}", str(s.na))):
                self.table.setItem(i, j, _item(v))
        reasons = {"critical_finding": self.tr("a critical finding blocks approval"),
                   "major_finding": self.tr("a major finding caps the result at conditional")}
        text = self.tr("Compliance: {score}   Result: {result}").replace("{score}", c.fmt_pct(score.percent) or "–") \
            .replace("{result}", c.label(c.AUDIT_RESULT, score.result) or "–")
        if score.reason in reasons:
            text += f" ({reasons[score.reason]})"
        if self.flow.findings_needing_action():
            text += "\n" + self.tr("Next: corrective action requests for the findings.")
        colour = {"approved": "#1e8449", "conditional": "#b9770e", "not_approved": "#c0392b"}.get(score.result or "", "")
        self.summary.setStyleSheet(f"font-size: 12pt; font-weight: 600; color: {colour or 'palette(text)'};")
        self.summary.setText(text)


class ActionsPage(FlowPage):
    def __init__(self, wizard: "AuditWizard") -> None:
        super().__init__(wizard, "actions")
        self.setTitle(self.tr("Corrective actions"))
        self.setSubTitle(self.tr("Each minor, major or critical finding becomes a corrective action request (8D)."))
        self.table = _table([self.tr("Finding"), self.tr("Severity"), self.tr("Action title"), self.tr("Owner"),
                             self.tr("Due date")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.body.addWidget(self.table, 1)
        self.edits: dict[str, tuple[QLineEdit, QLineEdit, QLineEdit]] = {}

    def load(self) -> None:
        findings = self.flow.findings_needing_action()
        self.table.setRowCount(len(findings))
        self.edits.clear()
        self.field_widgets.clear()
        for i, f in enumerate(findings):
            self.table.setItem(i, 0, _item(f"{f['clause']} {f['description']}".strip() or self.flow.finding_label(f)))
            self.table.setItem(i, 1, _item(c.label(c.SEVERITY, f["severity"])))
            action = self.flow.state["actions"].get(f["id"], {})
            title, owner, due = QLineEdit(action.get("title", "")), QLineEdit(action.get("owner", "")), \
                QLineEdit(action.get("due_date", ""))
            due.setPlaceholderText("YYYY-MM-DD")
            for j, (column, w) in enumerate((("title", title), ("owner", owner), ("due_date", due)), start=2):
                w.textEdited.connect(lambda _t, fid=f["id"]: self._write(fid))
                self.table.setCellWidget(i, j, w)
                # the flow's messages name "<finding>/<column>": the outline goes on that very cell
                self.field_widgets[ACTION_FIELD.format(finding=f["id"], column=column)] = w
            self.edits[f["id"]] = (title, owner, due)

    def _write(self, finding_id: str) -> None:
        title, owner, due = self.edits[finding_id]
        self.flow.set_action(finding_id, owner=owner.text().strip(), due_date=due.text().strip(), title=title.text().strip())
        self.flow_wizard.changed()

    def set_action(self, finding_id: str, *, title: str, owner: str, due_date: str) -> None:
        t, o, d = self.edits[finding_id]
        t.setText(title)
        o.setText(owner)
        d.setText(due_date)
        self._write(finding_id)


class AuditWizard(FlowWizard):
    def __init__(self, ctx, flow, *, audit_id: int | None = None, parent=None) -> None:
        from app.models.suppliers import audits

        self.service = audits
        self.templates = audits.list_templates(ctx.database)
        self.loading = False
        super().__init__(ctx, flow, draft_id=audit_id, parent=parent,
                         saver=lambda f, i: audits.save_audit_draft(ctx.database, f, audit_id=i))
        self.setObjectName("auditWizard")
        self.setWindowTitle(self.tr("Supplier audit – {name}").replace("{name}", flow.plan.get("supplier_name") or ""))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Complete audit"))
        self.add_flow_page(PlanPage(self))
        self._add_checklist_pages()
        for page in (FindingsPage(self), ResultPage(self), ActionsPage(self)):
            self.add_flow_page(page)
        self.result_row = None
        self.raised_cars: list[str] = []

    def _add_checklist_pages(self) -> None:
        for section in self.flow.template.sections:
            if self.flow.template.items_in(section.key):
                self.add_flow_page(ChecklistPage(self, section))

    def change_template(self, key: str) -> None:
        if key == self.flow.template.key:
            return
        for k in [k for k in self.flow_pages if k.startswith("checklist:")]:
            self.remove_flow_page(k)
        self.flow.set_template(self.service.get_template(self.ctx.database, key))
        self._add_checklist_pages()
        self.changed(True)

    def accept(self) -> None:
        from app.views.admin.signature import run_signed

        self.save_draft()
        try:
            if not self.flow.validate_all():  # complete: the report is signed (where required)
                done = run_signed(self, self.ctx, "audits.complete", lambda signature: setattr(
                    self, "result_row", self.service.complete_audit(self.ctx.database, self.draft_id, self.flow,
                                                                    signature=signature)))
                if not done:
                    return
            else:  # incomplete: the service names what is missing, page by page
                self.result_row = self.service.complete_audit(self.ctx.database, self.draft_id, self.flow)
        except Exception as exc:
            messages = getattr(exc, "messages", None)
            text = "\n".join(m.text(self.lang) for m in messages) if messages else c.error_text(exc)
            page = self.currentPage()
            if isinstance(page, FlowPage):  # inline too, next to the fields concerned
                page.show_messages([m for m in messages or [] if m.page == page.key]) if messages else \
                    page.messages.setText(text)
            c.error_box(self, self.tr("Audit not completed"), text)
            return
        self.raised_cars = self._raised_cars()
        super().accept()
        if self.raised_cars:
            c.info_box(self.parentWidget(), self.tr("Audit completed"),
                       self.tr("The audit is completed. Corrective action requests raised: %1.")
                       .replace("%1", ", ".join(self.raised_cars)))
        else:
            c.info_box(self.parentWidget(), self.tr("Audit completed"),
                       self.tr("The audit is completed. No corrective action request was needed."))

    def _raised_cars(self) -> list[str]:
        """The numbers of the SCARs this audit raised, as the user will look them up."""
        from app.models.suppliers import corrective

        row = self.result_row
        if row is None or row.supplier_id is None:
            return []
        return [car.number for car in corrective.list_corrective_actions(self.ctx.database, supplier_id=row.supplier_id)
                if car.audit_id == row.id]

    def print_blank(self) -> Path:
        from app.reports import audit_pdf

        path = Path(tempfile.mkdtemp(prefix="qb-audit-")) / "checklist-blank.pdf"
        show_font_warning(audit_pdf.write_blank_checklist(self.flow.template, path, lang=self.lang), self)
        preview_pdf(path, self)
        return path

    def print_report(self) -> Path:
        self.save_draft()
        return print_audit_report(self.ctx, self.draft_id, self)


def print_audit_report(ctx, audit_id: int, parent=None, *, direct: bool = False) -> Path:
    """Write the audit report (draft or completed) and show the print preview, or print it."""
    from app.models.suppliers import audits
    from app.reports import audit_pdf
    from app.views.suppliers.printing import print_pdf

    path = Path(tempfile.mkdtemp(prefix="qb-audit-")) / f"audit-{audit_id}.pdf"
    report = audits.audit_report(ctx.database, audit_id)
    show_font_warning(audit_pdf.write_audit_report(report, path, lang=ctx.language), parent)
    if direct:
        print_pdf(path, parent)
    else:
        preview_pdf(path, parent)
    return path


def open_audit(ctx, supplier_id: int | None, parent=None, *, template_key: str = "qms",
               resume: bool = True, ask: bool = False) -> AuditWizard | None:
    """An audit wizard for the supplier. With a draft there: ``ask`` lets the user continue it or
    discard it (confirmed) and start a new audit (None when they cancel); without ``ask`` the
    draft resumes when ``resume``."""
    from app.models.suppliers import audits

    draft = audits.latest_audit_draft(ctx.database, supplier_id=supplier_id) \
        if (resume or (ask and supplier_id is not None)) else None
    if draft is not None and ask:
        when = draft.updated_at.strftime("%Y-%m-%d") if draft.updated_at else ""
        choice = c.draft_choice(parent, QCoreApplication.translate("Suppliers", "Supplier audit"),
                                QCoreApplication.translate("Suppliers", "There is an audit draft for this supplier, last changed %1. Continue the draft, "
                                     "or discard it and start a new audit?").replace("%1", when))
        if choice is None:
            return None
        if choice == "discard":
            if not c.confirm(parent, QCoreApplication.translate("Suppliers", "Discard the draft"),
                             QCoreApplication.translate("Suppliers", "Discard the audit draft? Its scores and findings are deleted; this cannot be undone.")):
                return None
            try:
                audits.discard_audit_draft(ctx.database, draft.id)
            except Exception as exc:  # permission, or completed meanwhile
                c.error_box(parent, QCoreApplication.translate("Suppliers", "Discard the draft"), c.error_text(exc))
                return None
            draft = None
    if draft is not None:
        wizard = AuditWizard(ctx, audits.load_audit(ctx.database, draft.id, lang=ctx.language), audit_id=draft.id,
                             parent=parent)
    else:
        flow = audits.new_audit(ctx.database, template_key, supplier_id=supplier_id, lang=ctx.language)
        wizard = AuditWizard(ctx, flow, parent=parent)
    wizard.resume()
    return wizard
