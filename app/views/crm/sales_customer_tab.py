"""``SalesTab(ctx, customer_id)``: one customer's opportunities and activities, for the customer
detail's tabs (``app.views.customers.detail.TAB_FACTORIES``)."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.views.core.table_models import Column, DataFrameTableModel
from app.views.crm import sales_common as sc
from app.views.crm.sales_page import _can, _frame, _stage_colour, _table, fit_columns

translate = QCoreApplication.translate


class SalesTab(QWidget):
    def __init__(self, ctx, customer_id: int, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.setObjectName("customerSalesTab")
        self.new_opportunity_button = QPushButton(self.tr("New &opportunity…"))
        self.new_activity_button = QPushButton(self.tr("Log &activity…"))
        for b in (self.new_opportunity_button, self.new_activity_button):
            b.setEnabled(_can(ctx, "crm.sales"))
        self.new_opportunity_button.clicked.connect(lambda: self.new_opportunity())
        self.new_activity_button.clicked.connect(lambda: self.new_activity())
        self.summary = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.new_opportunity_button)
        bar.addWidget(self.new_activity_button)
        self.opps_model = DataFrameTableModel([
            Column("title", lambda: translate("Sales", "Opportunity")),
            Column("stage_text", lambda: translate("Sales", "Stage"), foreground=_stage_colour),
            Column("expected_revenue", lambda: translate("Sales", "Expected"), format=sc.money, align_right=True),
            Column("won_amount", lambda: translate("Sales", "Amount"), format=sc.money, align_right=True),
            Column("expected_close", lambda: translate("Sales", "Close by")),
            Column("next_step", lambda: translate("Sales", "Next step")),
        ], parent=self)
        self.acts_model = DataFrameTableModel([
            Column("kind_text", lambda: translate("Sales", "Kind")),
            Column("subject", lambda: translate("Sales", "Subject")),
            Column("contact_name", lambda: translate("Sales", "Contact")),
            Column("due_on", lambda: translate("Sales", "Due on")),
            Column("done_text", lambda: translate("Sales", "Done")),
        ], parent=self)
        self.opps_view, _ = _table(self.opps_model)
        self.acts_view, _ = _table(self.acts_model)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.opps_view, 1)
        layout.addWidget(self.acts_view, 1)
        self.refresh()

    def refresh(self) -> None:
        from app.models.crm import activities, opportunities

        opps = opportunities.list_opportunities(self.ctx.database, customer_id=self.customer_id)
        frame = _frame(opps, lambda o: {"stage_text": sc.label(sc.STAGES, o.stage)})
        self.opps_model.set_frame(frame if not frame.empty else
                                  pd.DataFrame(columns=[c.field for c in self.opps_model.columns] + ["stage"]))
        acts = activities.list_activities(self.ctx.database, customer_id=self.customer_id)
        yes, no = self.tr("yes"), self.tr("no")
        frame = _frame(acts, lambda a: {"kind_text": sc.label(sc.KINDS, a.kind), "done_text": yes if a.done else no})
        self.acts_model.set_frame(frame if not frame.empty else
                                  pd.DataFrame(columns=[c.field for c in self.acts_model.columns]))
        fit_columns(self.opps_view, 260)
        fit_columns(self.acts_view, 320)
        n_open = sum(1 for o in opps if o.stage in opportunities.OPEN)
        self.summary.setText(self.tr("{n} opportunities ({open} open), {a} activities").replace("{n}", str(len(opps)))
                             .replace("{open}", str(n_open)).replace("{a}", str(len(acts))))

    def new_opportunity(self) -> None:
        from app.views.crm.opportunity_dialogs import OpportunityDialog

        dialog = OpportunityDialog(self.ctx, self)
        dialog.customer.setCurrentIndex(max(0, dialog.customer.findData(self.customer_id)))
        if dialog.exec():
            self.refresh()

    def new_activity(self) -> None:
        from app.views.crm.activity_dialogs import ActivityDialog

        if ActivityDialog(self.ctx, self, customer_id=self.customer_id).exec():
            self.refresh()
