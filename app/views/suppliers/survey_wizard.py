"""Supplier survey wizard (供应商调查表): intro, the seven section pages, result.

Renders ``app.flows.survey.SurveyFlow``; every answer goes straight into the flow and the draft is
saved (``surveys.save_survey_draft``), so closing and reopening resumes where it was.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QPushButton, QScrollArea, QTableWidget, QTableWidgetItem, QWidget, QWizard)

from app.views.suppliers import common as c
from app.views.suppliers.flow_wizard import FlowPage, FlowWizard
from app.views.suppliers.printing import preview_pdf, show_font_warning
from app.views.core.table_models import readable_headers


def _number(text: str) -> Any:
    text = text.strip().replace(",", "")
    if not text:
        return None
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            continue
    return text  # the flow reports "not a number"


class IntroPage(FlowPage):
    def __init__(self, wizard: "SurveyWizard") -> None:
        super().__init__(wizard, "intro")
        self.setTitle(self.tr("Supplier survey"))
        self.setSubTitle(self.tr("Who answers the survey and when. Answers are saved as you type."))
        form = QFormLayout()
        self.supplier = QLineEdit()
        self.respondent = QLineEdit()
        self.date = QLineEdit()
        self.date.setPlaceholderText("YYYY-MM-DD")
        form.addRow(self.tr("Supplier:"), self.supplier)
        form.addRow(self.tr("Respondent:"), self.respondent)
        form.addRow(self.tr("Survey date:"), self.date)
        self.body.addLayout(form)
        self.print_blank = QPushButton(self.tr("Print blank survey…"))
        self.print_blank.setToolTip(self.tr("A blank form for the supplier to fill in on paper"))
        self.print_blank.clicked.connect(lambda: wizard.print_blank())
        row = QHBoxLayout()
        row.addWidget(self.print_blank)
        row.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)
        self.field_widgets = {"supplier": self.supplier, "survey_date": self.date}
        for name, edit in (("supplier_name", self.supplier), ("respondent", self.respondent), ("survey_date", self.date)):
            edit.textEdited.connect(lambda text, n=name: self._set(n, text))

    def _set(self, name: str, text: str) -> None:
        self.flow.state[name] = text.strip()
        self.flow_wizard.changed()

    def load(self) -> None:
        st = self.flow.state
        self.supplier.setText(st.get("supplier_name") or "")
        self.supplier.setReadOnly(st.get("supplier_id") is not None)
        self.respondent.setText(st.get("respondent") or "")
        self.date.setText(st.get("survey_date") or "")


class SectionPage(FlowPage):
    """One survey section: a form of its questions (shown/hidden by ``show_if``) and a note."""

    def __init__(self, wizard: "SurveyWizard", section) -> None:
        super().__init__(wizard, f"section:{section.key}")
        lang = wizard.lang
        self.section = section
        self.setTitle(section.title(lang))
        self.setSubTitle(self.tr("Fields marked * are required."))
        area = QScrollArea()
        area.setWidgetResizable(True)
        inner = QWidget()
        self.form = QFormLayout(inner)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, tuple[QLabel, QWidget]] = {}
        for q in section.questions:
            widget = self._editor(q, wizard.flow.definition, lang)
            text = q.text(lang) + (" *" if q.required else "")
            label = QLabel(text)
            label.setWordWrap(True)
            label.setMinimumWidth(260)
            self.form.addRow(label, widget)
            self.rows[q.key] = (label, widget)
            self.field_widgets[q.key] = widget
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Evidence seen, documents received, remarks…"))
        self.note.setMaximumHeight(90)
        self.note.textChanged.connect(self._note_changed)
        self.form.addRow(QLabel(self.tr("Evidence notes:")), self.note)
        area.setWidget(inner)
        self.body.addWidget(area, 1)

    def _editor(self, q, definition, lang: str) -> QWidget:
        if q.type in ("boolean", "choice", "rating"):
            box = QComboBox()
            box.addItem("", None)
            if q.type == "boolean":
                box.addItem(self.tr("Yes"), True)
                box.addItem(self.tr("No"), False)
            elif q.type == "choice":
                for o in q.options:
                    box.addItem(o.text(lang), o.value)
            else:
                labels = {int(o.points): o.text(lang) for o in definition.rating_labels}
                for v in range(int(q.max) + 1):
                    box.addItem(f"{v} – {labels[v]}" if v in labels else str(v), v)
            box.activated.connect(lambda _i, k=q.key, b=box: self._answer(k, b.currentData(), True))
            return box
        edit = QLineEdit()
        if q.type == "date":
            edit.setPlaceholderText("YYYY-MM-DD")
        elif q.type == "number":
            lo = "" if q.min_value is None else f"{q.min_value:g}"
            hi = "" if q.max_value is None else f"{q.max_value:g}"
            edit.setPlaceholderText(f"{lo} … {hi}" if lo or hi else "0")
        conv = _number if q.type == "number" else (lambda t: t.strip() or None)
        edit.textEdited.connect(lambda text, k=q.key, f=conv: self._answer(k, f(text), False))
        return edit

    def _answer(self, key: str, value: Any, immediate: bool) -> None:
        self.flow.set_answer(key, value)
        self._update_visibility()
        self.flow_wizard.changed(immediate)

    def _note_changed(self) -> None:
        if self.flow.state["notes"].get(self.section.key, "") != self.note.toPlainText():
            self.flow.set_note(self.section.key, self.note.toPlainText())
            self.flow_wizard.changed()

    def _update_visibility(self) -> None:
        visible = {q.key for q in self.flow.visible_questions(self.section.key)}
        for key, (label, widget) in self.rows.items():
            label.setVisible(key in visible)
            widget.setVisible(key in visible)

    def load(self) -> None:
        answers = self.flow.answers
        for key, (_label, widget) in self.rows.items():
            value = answers.get(key)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                i = next((i for i in range(widget.count()) if widget.itemData(i) == value
                          and type(widget.itemData(i)) is type(value)), 0)
                widget.setCurrentIndex(i)
            else:
                widget.setText("" if value is None else str(value))
            widget.blockSignals(False)
        self.note.blockSignals(True)
        self.note.setPlainText(self.flow.state["notes"].get(self.section.key, ""))
        self.note.blockSignals(False)
        self._update_visibility()

    def set_answer(self, key: str, value: Any) -> None:
        """Set an answer as the user would (tests and scripted entry of Chinese text)."""
        widget = self.rows[key][1]
        if isinstance(widget, QComboBox):
            i = next(i for i in range(widget.count()) if widget.itemData(i) == value
                     and type(widget.itemData(i)) is type(value))
            widget.setCurrentIndex(i)
            widget.activated.emit(i)
        else:
            widget.setText(str(value))
            widget.textEdited.emit(str(value))


class ResultPage(FlowPage):
    def __init__(self, wizard: "SurveyWizard") -> None:
        super().__init__(wizard, "result")
        self.setTitle(self.tr("Survey result"))
        self.setSubTitle(self.tr("Section scores by the weighted scoring method; Finish submits the survey."))
        self.table = QTableWidget(0, 4)
        readable_headers(self.table)
        self.table.setHorizontalHeaderLabels([self.tr("Section"), self.tr("Weight"), self.tr("Score"),
                                              self.tr("Answered")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.body.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("surveySummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.body.addWidget(self.summary)
        row = QHBoxLayout()
        self.print_blank = QPushButton(self.tr("Print blank survey…"))
        self.print_blank.clicked.connect(wizard.print_blank)
        self.print_done = QPushButton(self.tr("Print completed survey…"))
        self.print_done.clicked.connect(wizard.print_completed)
        row.addWidget(self.print_blank)
        row.addWidget(self.print_done)
        row.addStretch(1)
        self.body.addLayout(row)

    def load(self) -> None:
        lang = self.flow_wizard.lang
        score = self.flow.result()
        self.table.setRowCount(len(score.sections))
        for i, s in enumerate(score.sections):
            values = (self.flow.definition.section(s.section).title(lang), f"{s.weight:g}", c.fmt_pct(s.percent),
                      f"{s.answered} / {s.scored}")
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))
        text = self.tr("Overall score: {score}   Recommendation: {rec}") \
            .replace("{score}", c.fmt_pct(score.percent) or "–") \
            .replace("{rec}", c.label(c.RECOMMENDATION, score.recommendation) or "–")
        if score.knockouts:
            names = ", ".join(self.flow.definition.question(k).text(lang) for k in score.knockouts)
            text += "\n" + self.tr("Knock-out answers: {names}").replace("{names}", names)
        self.summary.setText(text)
        colour = {"recommend": "#1e8449", "conditional": "#b9770e", "reject": "#c0392b"}.get(score.recommendation or "", "")
        self.summary.setStyleSheet(f"font-size: 12pt; font-weight: 600; color: {colour or 'palette(text)'};")


class SurveyWizard(FlowWizard):
    def __init__(self, ctx, flow, *, survey_id: int | None = None, parent=None) -> None:
        from app.models.suppliers import surveys

        self.service = surveys
        super().__init__(ctx, flow, draft_id=survey_id, parent=parent,
                         saver=lambda f, i: surveys.save_survey_draft(ctx.database, f, survey_id=i))
        self.setObjectName("surveyWizard")
        self.setWindowTitle(self.tr("Supplier survey – {name}").replace("{name}", flow.state.get("supplier_name") or ""))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Submit"))
        self.add_flow_page(IntroPage(self))
        for section in flow.definition.sections:
            self.add_flow_page(SectionPage(self, section))
        self.add_flow_page(ResultPage(self))
        self.result_row = None

    @property
    def survey_id(self) -> int | None:
        return self.draft_id

    def accept(self) -> None:
        self.save_draft()
        try:
            self.result_row = self.service.submit_survey(self.ctx.database, self.draft_id, self.flow)
        except Exception as exc:  # ValidationError with the flow's messages
            messages = getattr(exc, "messages", None)
            text = "\n".join(m.text(self.lang) for m in messages) if messages else c.error_text(exc)
            page = self.currentPage()
            if isinstance(page, FlowPage):  # inline too, next to the fields concerned
                page.show_messages([m for m in messages or [] if m.page == page.key]) if messages else \
                    page.messages.setText(text)
            c.error_box(self, self.tr("Survey not submitted"), text)
            return
        super().accept()

    def _pdf_path(self, stem: str) -> Path:
        return Path(tempfile.mkdtemp(prefix="qb-survey-")) / f"{stem}.pdf"

    def print_blank(self) -> Path:
        from app.reports import survey_pdf

        path = self._pdf_path("survey-blank")
        show_font_warning(survey_pdf.write_blank_survey(self.flow.definition, path, lang=self.lang), self)
        preview_pdf(path, self)
        return path

    def print_completed(self) -> Path:
        self.save_draft()
        return print_completed_survey(self.ctx, self.draft_id, self)


def print_completed_survey(ctx, survey_id: int, parent=None) -> Path:
    """Write the survey (draft or submitted) as its printed form and show the print preview."""
    from app.models.suppliers import surveys
    from app.reports import survey_pdf

    path = Path(tempfile.mkdtemp(prefix="qb-survey-")) / f"survey-{survey_id}.pdf"
    report = surveys.survey_report(ctx.database, survey_id)
    show_font_warning(survey_pdf.write_completed_survey(report, path, lang=ctx.language), parent)
    preview_pdf(path, parent)
    return path


def open_survey(ctx, supplier_id: int | None, parent=None, *, resume: bool = True,
                ask: bool = False) -> SurveyWizard | None:
    """A survey wizard for the supplier. With a draft there: ``ask`` lets the user continue it or
    discard it (confirmed) and start a new survey (None when they cancel); without ``ask`` the
    draft resumes when ``resume``."""
    from app.models.suppliers import surveys

    draft = surveys.latest_survey_draft(ctx.database, supplier_id=supplier_id) \
        if (resume or (ask and supplier_id is not None)) else None
    if draft is not None and ask:
        when = draft.updated_at.strftime("%Y-%m-%d") if draft.updated_at else ""
        choice = c.draft_choice(parent, QCoreApplication.translate("Suppliers", "Supplier survey"),
                                QCoreApplication.translate("Suppliers", "This supplier has a survey draft, last changed %1. Continue the draft, or "
                                     "discard it and start a new survey?").replace("%1", when))
        if choice is None:
            return None
        if choice == "discard":
            if not c.confirm(parent, QCoreApplication.translate("Suppliers", "Discard the draft"),
                             QCoreApplication.translate("Suppliers", "Discard the survey draft? Its answers are deleted; this cannot be undone.")):
                return None
            try:
                surveys.discard_survey_draft(ctx.database, draft.id)
            except Exception as exc:  # permission, or submitted meanwhile
                c.error_box(parent, QCoreApplication.translate("Suppliers", "Discard the draft"), c.error_text(exc))
                return None
            draft = None
    if draft is not None:
        flow = surveys.load_survey(ctx.database, draft.id, lang=ctx.language)
        wizard = SurveyWizard(ctx, flow, survey_id=draft.id, parent=parent)
    else:
        wizard = SurveyWizard(ctx, surveys.new_survey(ctx.database, supplier_id, lang=ctx.language), parent=parent)
    wizard.resume()
    return wizard
