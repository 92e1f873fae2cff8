"""Suppliers: the supplier master grid with the selected supplier's details beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QSplitter, QVBoxLayout, QWidget

from app.views.core.context import AppContext
from app.views.suppliers.common import delete_on_close
from app.views.suppliers.detail import SupplierDetail
from app.views.suppliers.grid import SupplierGrid


class SuppliersPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("suppliersPage")
        self.grid = SupplierGrid(ctx)
        self.detail = SupplierDetail(ctx)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("suppliersSplitter")
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        state = ctx.settings.value("suppliers/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda *_: ctx.settings.setValue("suppliers/splitter", self.splitter.saveState()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.grid.current_supplier_changed.connect(self.detail.set_supplier)
        self.grid.model.edited.connect(lambda sid: sid == self.detail.supplier_id and self.detail.refresh())
        self.detail.changed.connect(lambda sid: self.grid.refresh(keep=sid))
        self.detail.survey_requested.connect(self.open_survey)
        self.detail.audit_requested.connect(self.open_audit)
        self.detail.car_requested.connect(self.open_car)
        self.detail.survey_record_requested.connect(self.open_survey_record)
        self.detail.audit_record_requested.connect(self.open_audit_record)
        QShortcut(QKeySequence("F5"), self, activated=self.refresh)
        if self.grid.model.rowCount():
            self.grid.table.selectRow(0)

    def refresh(self) -> None:
        self.grid.refresh()
        self.detail.set_supplier(self.grid.current_supplier_id())

    def _run(self, dialog: QDialog | None) -> QDialog | None:
        if dialog is None:  # the user cancelled (e.g. asked about a draft)
            return None
        dialog.finished.connect(lambda *_: (self.detail.refresh(), self.grid.refresh()))
        dialog.open()
        return dialog

    def open_survey(self, supplier_id: int) -> QDialog | None:
        from app.views.suppliers.survey_wizard import open_survey

        return self._run(open_survey(self.ctx, supplier_id, self, ask=True))

    def open_audit(self, supplier_id: int) -> QDialog | None:
        from app.views.suppliers.audit_wizard import open_audit

        return self._run(open_audit(self.ctx, supplier_id, self, ask=True))

    def open_survey_record(self, survey_id: int, status: str) -> QDialog | None:
        """A draft opens in the wizard where it was left; a submitted survey opens as its printout."""
        from app.models.suppliers import surveys
        from app.views.suppliers.survey_wizard import SurveyWizard, print_completed_survey

        if status != "draft":
            print_completed_survey(self.ctx, survey_id, self)
            return None
        wizard = SurveyWizard(self.ctx, surveys.load_survey(self.ctx.database, survey_id, lang=self.ctx.language),
                              survey_id=survey_id, parent=self)
        wizard.resume()
        return self._run(wizard)

    def open_audit_record(self, audit_id: int, status: str) -> QDialog | None:
        from app.models.suppliers import audits
        from app.views.suppliers.audit_wizard import AuditWizard, print_audit_report

        if status != "draft":
            print_audit_report(self.ctx, audit_id, self)
            return None
        wizard = AuditWizard(self.ctx, audits.load_audit(self.ctx.database, audit_id, lang=self.ctx.language),
                             audit_id=audit_id, parent=self)
        wizard.resume()
        return self._run(wizard)

    def open_car(self, car_id: int) -> QDialog:
        from app.views.suppliers.corrective import CarEditorDialog

        return self._run(CarEditorDialog(self.ctx, car_id, self))


def screenshots(ctx: AppContext) -> list[tuple[str, QWidget]]:
    from app.models.suppliers import master as sup
    from app.views.suppliers.dialogs import StatusChangeDialog, SupplierDialog
    from app.views.suppliers.survey_wizard import SurveyWizard

    from app.models.suppliers import surveys

    frame = sup.supplier_grid(ctx.database)
    sid = int(frame["id"].iloc[0]) if len(frame) else None
    survey = SurveyWizard(ctx, surveys.new_survey(ctx.database, sid, lang=ctx.language))
    survey.saver = None  # a picture must not leave a draft behind
    survey.restart()
    survey.next()
    shots: list[tuple[str, QWidget]] = [("survey-wizard", survey), ("new-supplier", SupplierDialog(sup.validate_field))]
    if sid is not None:
        row = frame.iloc[0]
        shots.append(("status-change", StatusChangeDialog(row["status"], sup.status_actions(row["status"]), "")))
    return delete_on_close(shots)
