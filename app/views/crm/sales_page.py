"""The Sales module (销售): opportunities (stage filter, weighted pipeline, the selected one's
detail with its stage buttons and notes timeline), campaigns (result figures, targets,
responses, linked opportunities) and activities (the reminders due, overdue in red; open
activities). ``open_filtered`` lets the home page open a tab with a filter set."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

import pandas as pd
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from app.views.core.table_models import ROW_ROLE, Column, DataFrameTableModel, NativeSortProxy, readable_headers
from app.views.crm import sales_common as sc

translate = QCoreApplication.translate


def _frame(rows, extra=None) -> pd.DataFrame:
    records = [{**asdict(r), **(extra(r) if extra else {})} for r in rows]
    return pd.DataFrame(records)


def _table(model, proxy_filter: QLineEdit | None = None) -> tuple[QTableView, NativeSortProxy]:
    proxy = NativeSortProxy()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    if proxy_filter is not None:
        proxy_filter.textChanged.connect(proxy.setFilterFixedString)
    view = QTableView()
    view.setModel(proxy)
    proxy.setParent(view)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order first
    proxy.sort(-1)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    readable_headers(view)
    return view, proxy


def fit_columns(view: QTableView, widest: int = 280) -> None:
    """Columns as wide as their contents (capped), so titles and names are readable."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for col in range(header.count()):
        if header.sectionSize(col) > widest:
            header.resizeSection(col, widest)
    if header.count():
        header.setSectionResizeMode(header.count() - 1, QHeaderView.ResizeMode.Stretch)


def _selected_row(view: QTableView, model: DataFrameTableModel):
    idx = view.currentIndex()
    if not idx.isValid():
        return None
    pos = idx.data(ROW_ROLE)
    if pos is None or not 0 <= pos < len(model.frame):
        return None
    return model.frame.iloc[pos]


def _show_error(parent, ctx, exc) -> None:
    from app.models.crm.sales_errors import SalesError
    from app.views.suppliers.common import error_text

    text = exc.text(ctx.language) if isinstance(exc, SalesError) else error_text(exc)
    QMessageBox.warning(parent, translate("Sales", "Not saved"), text)


def export_grid(parent, view: QTableView, name: str, path: str | None = None):
    """The rows as shown (filter and sort of the screen), with the screen's headers, to xlsx or CSV."""
    from PySide6.QtWidgets import QFileDialog

    from app.reports import tabular

    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, translate("Sales", "Export"), f"{name}.xlsx",
                                              translate("Sales", "Excel workbook (*.xlsx);;CSV file (*.csv)"))
        if not path:
            return None
    model = view.model()
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    try:
        return tabular.write_by_suffix(path, {".xlsx": lambda p: tabular.write_xlsx(p, header, rows, title=name),
                                              ".csv": lambda p: tabular.write_csv(p, header, rows)})
    except (OSError, ValueError) as exc:
        QMessageBox.warning(parent, translate("Sales", "Not saved"), str(exc))
        return None


def open_charts(parent) -> None:
    from app.views.crm.sales_charts import SalesCharts

    SalesCharts(parent.ctx, parent).exec()


def _stage_colour(row):
    return sc.STAGE_COLOURS.get(row["stage"])


def _can(ctx, key: str) -> bool:
    from app.models.admin.permissions import can

    return can(ctx.database, key)


# ---------------------------------------------------------------------------- opportunities
class OpportunitiesTab(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("opportunitiesTab")
        lang = ctx.language
        self.stage = QComboBox()
        self.stage.setObjectName("stageFilter")
        self.stage.addItem(self.tr("Open stages"), "open")
        self.stage.addItem(self.tr("All stages"), None)
        for key in sc.STAGES:
            self.stage.addItem(sc.label(sc.STAGES, key), key)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, customer, next step…"))
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton(self.tr("&New opportunity…"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.new_button.setToolTip(self.tr("New opportunity (Ctrl+N)"))
        self.new_button.setEnabled(_can(ctx, "crm.sales"))
        self.new_button.clicked.connect(lambda: self.new_opportunity())
        self.pipeline_label = QLabel()
        self.pipeline_label.setObjectName("pipelineSummary")
        self.pipeline_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Stage:")))
        bar.addWidget(self.stage)
        bar.addWidget(self.search, 1)
        self.charts_button = QPushButton(self.tr("C&harts…"))
        self.charts_button.clicked.connect(lambda: open_charts(self))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.clicked.connect(lambda: export_grid(self, self.table, "opportunities"))
        bar.addWidget(self.charts_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.new_button)
        self.model = DataFrameTableModel([
            Column("id", lambda: translate("Sales", "No."), align_right=True),
            Column("title", lambda: translate("Sales", "Title")),
            Column("customer", lambda: translate("Sales", "Customer")),
            Column("stage_text", lambda: translate("Sales", "Stage"), foreground=_stage_colour),
            Column("probability", lambda: translate("Sales", "Prob. %"), align_right=True),
            Column("expected_revenue", lambda: translate("Sales", "Expected"), format=sc.money, align_right=True),
            Column("weighted", lambda: translate("Sales", "Weighted"), format=sc.money, align_right=True),
            Column("expected_close", lambda: translate("Sales", "Close by")),
            Column("owner_name", lambda: translate("Sales", "Owner")),
            Column("reminder_on", lambda: translate("Sales", "Reminder")),
        ], parent=self)
        self.table, self.proxy = _table(self.model, self.search)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.table.doubleClicked.connect(lambda *_: self.edit_opportunity())
        # detail
        self.detail_title = QLabel()
        self.detail_title.setStyleSheet("font-weight: 600; font-size: 12pt;")
        self.detail_info = QLabel()
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.back_button = QPushButton(self.tr("◀ &Back a stage"))
        self.forward_button = QPushButton(self.tr("&Forward a stage ▶"))
        self.won_button = QPushButton(self.tr("&Won…"))
        self.lost_button = QPushButton(self.tr("&Lost…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.activity_button = QPushButton(self.tr("Log &activity…"))
        self.back_button.clicked.connect(lambda: self.move(-1))
        self.forward_button.clicked.connect(lambda: self.move(+1))
        self.won_button.clicked.connect(lambda: self.close_as("won"))
        self.lost_button.clicked.connect(lambda: self.close_as("lost"))
        self.edit_button.clicked.connect(lambda: self.edit_opportunity())
        self.activity_button.clicked.connect(lambda: self.log_activity())
        QShortcut(QKeySequence("Ctrl+Right"), self, activated=lambda: self.move(+1))
        QShortcut(QKeySequence("Ctrl+Left"), self, activated=lambda: self.move(-1))
        buttons = QHBoxLayout()
        for b in (self.back_button, self.forward_button, self.won_button, self.lost_button, self.edit_button,
                  self.activity_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.notes_model = DataFrameTableModel([
            Column("at", lambda: translate("Sales", "When")),
            Column("by", lambda: translate("Sales", "By")),
            Column("kind_text", lambda: translate("Sales", "Entry")),
            Column("text", lambda: translate("Sales", "Note")),
            Column("follow_up_on", lambda: translate("Sales", "Follow up on")),
        ], parent=self)
        self.notes, _ = _table(self.notes_model)
        self.notes.setSortingEnabled(False)
        self.notes.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Write a note or follow-up…"))
        self.follow_edit = QLineEdit()
        self.follow_edit.setPlaceholderText(self.tr("follow up on YYYY-MM-DD"))
        self.follow_edit.setMaximumWidth(170)
        self.note_button = QPushButton(self.tr("Add &note"))
        self.note_button.clicked.connect(lambda: self.add_note())
        self.note_edit.returnPressed.connect(lambda: self.add_note())
        note_bar = QHBoxLayout()
        note_bar.addWidget(self.note_edit, 1)
        note_bar.addWidget(self.follow_edit)
        note_bar.addWidget(self.note_button)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail_title)
        dl.addWidget(self.detail_info)
        dl.addLayout(buttons)
        dl.addWidget(self.notes, 1)
        dl.addLayout(note_bar)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(bar)
        tl.addWidget(self.pipeline_label)
        tl.addWidget(self.table, 1)
        split.addWidget(top)
        split.addWidget(detail)
        split.setSizes([330, 330])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.stage.currentIndexChanged.connect(lambda *_: self.refresh())
        self._name = "customer_name_zh" if lang == "zh_CN" else "customer_name_en"
        self.current = None
        self.refresh()

    # ----- data
    def refresh(self, select_id: int | None = None) -> None:
        from app.models.crm import opportunities

        key = self.stage.currentData()
        rows = opportunities.list_opportunities(self.ctx.database, stage=key if key not in (None, "open") else None,
                                                open_only=key == "open")
        lang = self.ctx.language
        frame = _frame(rows, lambda r: {"customer": r.customer_label(lang),
                                        "stage_text": sc.label(sc.STAGES, r.stage)})
        if frame.empty:
            frame = pd.DataFrame(columns=[c.field for c in self.model.columns] + ["stage"])
        self.model.set_frame(frame)
        fit_columns(self.table, 260)
        pipe = opportunities.pipeline(self.ctx.database)
        open_rows = [p for p in pipe if p.stage not in ("won", "lost")]
        rate = opportunities.win_rate(self.ctx.database)
        self.pipeline_label.setText(
            self.tr("Pipeline: {n} open, expected {exp}, weighted {w} · win rate {rate}")
            .replace("{n}", str(sum(p.count for p in open_rows)))
            .replace("{exp}", sc.money(sum(p.expected for p in open_rows)))
            .replace("{w}", sc.money(sum(p.weighted for p in open_rows)))
            .replace("{rate}", sc.percent(rate)))
        target = select_id if select_id is not None else (self.current.id if self.current is not None else None)
        self._select(target)
        self.show_detail()

    def _select(self, opp_id) -> None:
        if opp_id is None or self.model.frame.empty:
            if self.proxy.rowCount():
                self.table.selectRow(0)
            return
        for r in range(self.proxy.rowCount()):
            pos = self.proxy.index(r, 0).data(ROW_ROLE)
            if int(self.model.frame.iloc[pos]["id"]) == int(opp_id):
                self.table.selectRow(r)
                return
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def open_filtered(self, stage: str | None) -> None:
        """Show one stage (the home page's counts open this)."""
        self.stage.setCurrentIndex(max(0, self.stage.findData(stage)))

    def show_detail(self) -> None:
        from app.models.crm import opportunities

        row = _selected_row(self.table, self.model)
        self.current = None if row is None else opportunities.get_opportunity(self.ctx.database, int(row["id"]))
        o = self.current
        editable = o is not None and _can(self.ctx, "crm.sales")
        moves = opportunities.allowed_moves(o.stage) if o is not None else ()
        self.back_button.setEnabled(editable and o.stage != "qualification" and bool(moves))
        self.forward_button.setEnabled(editable and o.stage in ("qualification", "needs_analysis", "proposal"))
        self.won_button.setEnabled(editable and "won" in moves)
        self.lost_button.setEnabled(editable and "lost" in moves)
        for w in (self.edit_button, self.note_button, self.note_edit, self.follow_edit, self.activity_button):
            w.setEnabled(editable)
        if o is None:
            self.detail_title.setText(self.tr("No opportunity selected"))
            self.detail_info.setText("")
            self.notes_model.set_frame(pd.DataFrame(columns=[c.field for c in self.notes_model.columns]))
            return
        lang = self.ctx.language
        self.detail_title.setText(f"#{o.id} {o.title} — {sc.label(sc.STAGES, o.stage)}")
        parts = [
            self.tr("Customer: {v}").replace("{v}", o.customer_label(lang) +
                                             (self.tr(" (potential)") if o.customer_lifecycle == "potential" else "")),
            self.tr("Contact: {v}").replace("{v}", o.contact_name or "–"),
            self.tr("Campaign: {v}").replace("{v}", o.campaign_code or "–"),
            self.tr("Need: {v}").replace("{v}", o.need or "–"),
            self.tr("Competitors: {v}").replace("{v}", o.competitors or "–"),
            self.tr("Next step: {v}").replace("{v}", o.next_step or "–"),
        ]
        if o.stage == "won":
            parts.append(self.tr("Won {amount} on {day}").replace("{amount}", sc.money(o.won_amount))
                         .replace("{day}", str(o.closed_on)))
        if o.reason:
            parts.append(self.tr("Reason: {v}").replace("{v}", o.reason))
        self.detail_info.setText("  ·  ".join(parts))
        kinds = {"note": self.tr("Note"), "follow_up": self.tr("Follow-up"), "stage": self.tr("Stage")}
        notes = opportunities.timeline(self.ctx.database, o.id)
        frame = _frame(notes, lambda n: {"kind_text": kinds.get(n.kind, n.kind),
                                         "text": self._stage_text(n.text) if n.kind == "stage" else n.text})
        self.notes_model.set_frame(frame if not frame.empty else
                                   pd.DataFrame(columns=[c.field for c in self.notes_model.columns]))
        fit_columns(self.notes, 520)

    @staticmethod
    def _stage_text(text: str) -> str:
        for key in sc.STAGES:
            text = text.replace(key, sc.label(sc.STAGES, key))
        return text

    # ----- actions
    def new_opportunity(self) -> None:
        from app.views.crm.opportunity_dialogs import OpportunityDialog

        dialog = OpportunityDialog(self.ctx, self)
        if dialog.exec():
            self.refresh(select_id=dialog.created)

    def edit_opportunity(self) -> None:
        from app.views.crm.opportunity_dialogs import OpportunityDialog

        if self.current is None or not _can(self.ctx, "crm.sales"):
            return
        dialog = OpportunityDialog(self.ctx, self, row=self.current)
        if dialog.exec():
            self.refresh(select_id=self.current.id)

    def move(self, step: int) -> None:
        from app.models.crm import opportunities

        o = self.current
        if o is None or o.stage not in opportunities.OPEN:
            return
        i = opportunities.OPEN.index(o.stage) + step
        if not 0 <= i < len(opportunities.OPEN):
            if i == len(opportunities.OPEN):
                self.close_as("won")
            return
        try:
            opportunities.move_stage(self.ctx.database, o.id, opportunities.OPEN[i])
        except Exception as exc:
            _show_error(self, self.ctx, exc)
        self.refresh(select_id=o.id)

    def close_as(self, stage: str) -> None:
        from app.views.crm.opportunity_dialogs import CloseDialog

        if self.current is None:
            return
        dialog = CloseDialog(self.ctx, self.current, stage, self)
        if dialog.exec():
            created = getattr(dialog.created, "customer_created", False)
            self.refresh(select_id=self.current.id)
            if created:
                QMessageBox.information(self, self.tr("Customer created"),
                                        self.tr("The prospect is now a customer in the customer list."))

    def add_note(self) -> None:
        from app.models.crm import opportunities
        from app.models.crm.sales_errors import ValidationError
        from app.views.suppliers.dialogs import ERROR_STYLE

        if self.current is None:
            return
        try:
            opportunities.add_note(self.ctx.database, self.current.id, self.note_edit.text(),
                                   follow_up_on=self.follow_edit.text())
        except ValidationError as exc:
            found = exc.by_field(self.ctx.language)
            for field, widget in (("text", self.note_edit), ("follow_up_on", self.follow_edit)):
                widget.setStyleSheet(ERROR_STYLE if field in found else "")
                widget.setToolTip(found.get(field, ""))
            return
        except Exception as exc:
            _show_error(self, self.ctx, exc)
            return
        for widget in (self.note_edit, self.follow_edit):
            widget.clear()
            widget.setStyleSheet("")
            widget.setToolTip("")
        self.refresh(select_id=self.current.id)

    def log_activity(self) -> None:
        from app.views.crm.activity_dialogs import ActivityDialog

        if self.current is None:
            return
        ActivityDialog(self.ctx, self, customer_id=self.current.customer_id, opportunity_id=self.current.id).exec()


# ---------------------------------------------------------------------------- campaigns
class CampaignsTab(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("campaignsTab")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search code, name…"))
        self.search.setClearButtonEnabled(True)
        may = _can(ctx, "crm.campaigns")
        self.new_button = QPushButton(self.tr("&New campaign…"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.targets_button = QPushButton(self.tr("Add &targets…"))
        self.response_button = QPushButton(self.tr("Record &response…"))
        self.response_button.setShortcut(QKeySequence("Ctrl+R"))
        self.remove_target_button = QPushButton(self.tr("Remove target"))
        self.remove_target_button.setToolTip(self.tr("Remove the selected target contact from the campaign"))
        for b, fn in ((self.new_button, self.new_campaign), (self.edit_button, self.edit_campaign),
                      (self.targets_button, self.add_targets), (self.response_button, self.record_response),
                      (self.remove_target_button, self.remove_target)):
            b.setEnabled(may)
            b.clicked.connect(lambda _=False, fn=fn: fn())
        self.charts_button = QPushButton(self.tr("C&harts…"))
        self.charts_button.clicked.connect(lambda: open_charts(self))
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.clicked.connect(lambda: export_grid(self, self.table, "campaigns"))
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        for b in (self.charts_button, self.export_button, self.new_button, self.edit_button, self.targets_button, self.response_button):
            bar.addWidget(b)
        self.model = DataFrameTableModel([
            Column("code", lambda: translate("Sales", "Code")),
            Column("name", lambda: translate("Sales", "Name")),
            Column("type_text", lambda: translate("Sales", "Type")),
            Column("starts_on", lambda: translate("Sales", "Starts")),
            Column("ends_on", lambda: translate("Sales", "Ends")),
            Column("budget", lambda: translate("Sales", "Budget"), format=sc.money, align_right=True),
            Column("actual_cost", lambda: translate("Sales", "Cost"), format=sc.money, align_right=True),
            Column("response_rate", lambda: translate("Sales", "Response rate"), format=sc.percent, align_right=True),
            Column("revenue", lambda: translate("Sales", "Won revenue"), format=sc.money, align_right=True),
            Column("roi", lambda: translate("Sales", "ROI"), format=sc.percent, align_right=True),
        ], parent=self)
        self.table, self.proxy = _table(self.model, self.search)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())
        self.figures = QLabel()
        self.figures.setObjectName("campaignFigures")
        self.figures.setWordWrap(True)
        self.figures.setStyleSheet("font-weight: 600;")
        self.targets_model = DataFrameTableModel([
            Column("customer_code", lambda: translate("Sales", "Customer")),
            Column("contact_name", lambda: translate("Sales", "Contact")),
            Column("source_text", lambda: translate("Sales", "Chosen by")),
            Column("responded_text", lambda: translate("Sales", "Responded")),
        ], parent=self)
        self.responses_model = DataFrameTableModel([
            Column("responded_on", lambda: translate("Sales", "On")),
            Column("contact_name", lambda: translate("Sales", "Contact")),
            Column("channel_text", lambda: translate("Sales", "Channel")),
            Column("note", lambda: translate("Sales", "Note")),
        ], parent=self)
        self.opps_model = DataFrameTableModel([
            Column("title", lambda: translate("Sales", "Opportunity")),
            Column("stage_text", lambda: translate("Sales", "Stage"), foreground=_stage_colour),
            Column("amount", lambda: translate("Sales", "Amount"), format=sc.money, align_right=True),
        ], parent=self)
        self.targets_view, _ = _table(self.targets_model)
        self.responses_view, _ = _table(self.responses_model)
        self.opps_view, _ = _table(self.opps_model)
        grid = QGridLayout()
        grid.addWidget(self.remove_target_button, 2, 0, Qt.AlignmentFlag.AlignLeft)
        for col, (title, view) in enumerate(((self.tr("Target contacts"), self.targets_view),
                                             (self.tr("Responses"), self.responses_view),
                                             (self.tr("Opportunities from this campaign"), self.opps_view))):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: 600;")
            grid.addWidget(heading, 0, col)
            grid.addWidget(view, 1, col)
        split = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(bar)
        tl.addWidget(self.table, 1)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.figures)
        bl.addLayout(grid, 1)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setSizes([300, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.current = None
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        from app.models.crm import campaigns

        rows = campaigns.list_campaigns(self.ctx.database)
        frame = pd.DataFrame([{"id": r.id, "code": r.code, "name": r.name,
                               "type_text": sc.label(sc.CAMPAIGN_TYPES, r.campaign_type), "starts_on": r.starts_on,
                               "ends_on": r.ends_on, "budget": r.budget, "actual_cost": r.actual_cost,
                               "response_rate": r.result.response_rate, "revenue": r.result.revenue,
                               "roi": r.result.roi} for r in rows])
        self.model.set_frame(frame if not frame.empty else pd.DataFrame(columns=[c.field for c in self.model.columns]
                                                                         + ["id"]))
        fit_columns(self.table, 300)
        target = select_id if select_id is not None else (self.current.id if self.current is not None else None)
        row_index = 0
        for r in range(self.proxy.rowCount()):
            pos = self.proxy.index(r, 0).data(ROW_ROLE)
            if target is not None and int(self.model.frame.iloc[pos]["id"]) == int(target):
                row_index = r
        if self.proxy.rowCount():
            self.table.selectRow(row_index)
        self.show_detail()

    def show_detail(self) -> None:
        from app.models.crm import campaigns, opportunities

        row = _selected_row(self.table, self.model)
        self.current = None if row is None else campaigns.get_campaign(self.ctx.database, int(row["id"]))
        c = self.current
        for b in (self.edit_button, self.targets_button, self.response_button, self.remove_target_button):
            b.setEnabled(c is not None and _can(self.ctx, "crm.campaigns"))
        empty = lambda m: pd.DataFrame(columns=[col.field for col in m.columns])  # noqa: E731
        if c is None:
            self.figures.setText(self.tr("No campaign selected"))
            for m in (self.targets_model, self.responses_model, self.opps_model):
                m.set_frame(empty(m))
            return
        r = c.result
        self.figures.setText(
            self.tr("{code}: {targets} targets · {resp} responded ({rate}) · cost per response {cpr} · "
                    "{won} of {opps} opportunities won · revenue {rev} · ROI {roi}")
            .replace("{code}", c.code).replace("{targets}", str(r.targets)).replace("{resp}", str(r.responders))
            .replace("{rate}", sc.percent(r.response_rate)).replace("{cpr}", sc.money(r.cost_per_response))
            .replace("{won}", str(r.won)).replace("{opps}", str(r.opportunities)).replace("{rev}", sc.money(r.revenue))
            .replace("{roi}", sc.percent(r.roi)))
        self._targets = campaigns.targets(self.ctx.database, c.id)
        yes, no = self.tr("yes"), self.tr("no")
        frame = _frame(self._targets, lambda t: {"source_text": sc.label(sc.GROUPS, t.source) if t.source in sc.GROUPS
                                                 else self.tr("filter"), "responded_text": yes if t.responded else no})
        self.targets_model.set_frame(frame if not frame.empty else empty(self.targets_model))
        frame = _frame(campaigns.responses(self.ctx.database, c.id),
                       lambda x: {"channel_text": sc.label(sc.CHANNELS, x.channel)})
        self.responses_model.set_frame(frame if not frame.empty else empty(self.responses_model))
        opps = opportunities.list_opportunities(self.ctx.database, campaign_id=c.id)
        frame = pd.DataFrame([{"title": o.title, "stage": o.stage, "stage_text": sc.label(sc.STAGES, o.stage),
                               "amount": o.won_amount if o.stage == "won" else o.expected_revenue} for o in opps])
        self.opps_model.set_frame(frame if not frame.empty else empty(self.opps_model).assign(stage=[]))
        for view in (self.targets_view, self.responses_view):
            fit_columns(view, 200)
        fit_columns(self.opps_view, 150)

    def new_campaign(self) -> None:
        from app.views.crm.campaign_dialogs import CampaignDialog

        dialog = CampaignDialog(self.ctx, self)
        if dialog.exec():
            self.refresh(select_id=dialog.created)

    def edit_campaign(self) -> None:
        from app.views.crm.campaign_dialogs import CampaignDialog

        if self.current is not None and CampaignDialog(self.ctx, self, row=self.current).exec():
            self.refresh()

    def add_targets(self) -> None:
        from app.views.crm.campaign_dialogs import TargetsDialog

        if self.current is not None and TargetsDialog(self.ctx, self.current.id, self).exec():
            self.refresh()

    def remove_target(self) -> None:
        from app.models.crm import campaigns

        chosen = _selected_row(self.targets_view, self.targets_model)
        if self.current is None or chosen is None:
            return
        try:
            campaigns.remove_target(self.ctx.database, self.current.id, int(chosen["contact_id"]))
        except Exception as exc:
            _show_error(self, self.ctx, exc)
        self.refresh()

    def record_response(self) -> None:
        from app.views.crm.campaign_dialogs import ResponseDialog

        if self.current is None:
            return
        chosen = _selected_row(self.targets_view, self.targets_model)
        contact = int(chosen["contact_id"]) if chosen is not None and "contact_id" in chosen else None
        if ResponseDialog(self.ctx, self.current.id, self._targets, self, contact_id=contact).exec():
            self.refresh()


# ---------------------------------------------------------------------------- activities
def _overdue_colour(row):
    return sc.OVERDUE if bool(row.get("overdue")) else None


class ActivitiesTab(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("activitiesTab")
        self.mine = QCheckBox(self.tr("Only mine"))
        user_id = getattr(ctx.database.actor, "user_id", None)
        self.mine.setEnabled(user_id is not None)
        if user_id is not None:  # "my reminders" first, when the user has any
            from app.models.crm import activities

            self.mine.setChecked(bool(activities.reminders(ctx.database, owner_user_id=user_id)))
        self.new_button = QPushButton(self.tr("&New activity…"))
        self.new_button.setShortcut(QKeySequence("Ctrl+N"))
        self.done_button = QPushButton(self.tr("Mark &done"))
        self.done_button.setShortcut(QKeySequence("Ctrl+D"))
        self.done_button.setToolTip(self.tr("Mark the selected activity done (Ctrl+D)"))
        may = _can(ctx, "crm.sales")
        self.new_button.setEnabled(may)
        self.done_button.setEnabled(may)
        self.new_button.clicked.connect(lambda: self.new_activity())
        self.done_button.clicked.connect(lambda: self.mark_done())
        self.mine.toggled.connect(lambda *_: self.refresh())
        self.summary = QLabel()
        self.summary.setObjectName("reminderSummary")
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.mine)
        bar.addWidget(self.new_button)
        bar.addWidget(self.done_button)
        self.reminders_model = DataFrameTableModel([
            Column("on", lambda: translate("Sales", "Due"), foreground=_overdue_colour),
            Column("source_text", lambda: translate("Sales", "From")),
            Column("kind_text", lambda: translate("Sales", "Kind")),
            Column("subject", lambda: translate("Sales", "Subject"), foreground=_overdue_colour),
            Column("customer", lambda: translate("Sales", "Customer")),
        ], parent=self)
        self.reminders_view, _ = _table(self.reminders_model)
        self.reminders_view.setObjectName("remindersTable")
        self.reminders_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.open_model = DataFrameTableModel([
            Column("id", lambda: translate("Sales", "No."), align_right=True),
            Column("kind_text", lambda: translate("Sales", "Kind")),
            Column("subject", lambda: translate("Sales", "Subject")),
            Column("customer_code", lambda: translate("Sales", "Customer")),
            Column("contact_name", lambda: translate("Sales", "Contact")),
            Column("opportunity_title", lambda: translate("Sales", "Opportunity")),
            Column("due_on", lambda: translate("Sales", "Due on")),
            Column("reminder_on", lambda: translate("Sales", "Reminder")),
            Column("owner_name", lambda: translate("Sales", "Owner")),
        ], parent=self)
        self.open_view, _ = _table(self.open_model)
        self.open_view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.reminders_view.doubleClicked.connect(lambda *_: self.open_reminder())
        self.open_view.doubleClicked.connect(lambda *_: self.edit_activity())
        heading1 = QLabel(self.tr("Reminders due today or earlier (overdue in red)"))
        heading2 = QLabel(self.tr("Open activities"))
        for h in (heading1, heading2):
            h.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(heading1)
        layout.addWidget(self.reminders_view, 1)
        layout.addWidget(heading2)
        layout.addWidget(self.open_view, 1)
        self.refresh()

    def _owner(self):
        return self.ctx.database.actor.user_id if self.mine.isChecked() else None

    def refresh(self) -> None:
        from app.models.crm import activities

        today = date.today()
        owner = self._owner()
        due = activities.reminders(self.ctx.database, today, owner_user_id=owner)
        sources = {"activity": self.tr("Activity"), "opportunity": self.tr("Opportunity")}
        frame = _frame(due, lambda r: {"source_text": sources[r.source],
                                       "kind_text": sc.label(sc.KINDS, r.kind) if r.source == "activity"
                                       else sc.label(sc.STAGES, r.kind)})
        self.reminders_model.set_frame(frame if not frame.empty else
                                       pd.DataFrame(columns=[c.field for c in self.reminders_model.columns]
                                                    + ["overdue", "record_id", "source"]))
        rows = activities.list_activities(self.ctx.database, open_only=True, owner_user_id=owner)
        frame = _frame(rows, lambda a: {"kind_text": sc.label(sc.KINDS, a.kind)})
        self.open_model.set_frame(frame if not frame.empty else
                                  pd.DataFrame(columns=[c.field for c in self.open_model.columns]))
        fit_columns(self.reminders_view, 420)
        fit_columns(self.open_view, 300)
        overdue = sum(1 for r in due if r.overdue)
        self.summary.setText(self.tr("{n} reminder(s) due, {o} overdue").replace("{n}", str(len(due)))
                             .replace("{o}", str(overdue)))

    def open_filtered(self) -> None:
        """The home page's "reminders due" count: everybody's reminders, as counted there."""
        self.mine.setChecked(False)
        self.refresh()

    def new_activity(self) -> None:
        from app.views.crm.activity_dialogs import ActivityDialog

        if ActivityDialog(self.ctx, self).exec():
            self.refresh()

    def edit_activity(self) -> None:
        from app.models.crm import activities
        from app.views.crm.activity_dialogs import ActivityDialog

        row = _selected_row(self.open_view, self.open_model)
        if row is None or not _can(self.ctx, "crm.sales"):
            return
        if ActivityDialog(self.ctx, self, row=activities.get_activity(self.ctx.database, int(row["id"]))).exec():
            self.refresh()

    def mark_done(self) -> None:
        from app.models.crm import activities

        row = _selected_row(self.open_view, self.open_model)
        if row is None:
            row = _selected_row(self.reminders_view, self.reminders_model)
            if row is None or row.get("source") != "activity":
                return
            act_id = int(row["record_id"])
        else:
            act_id = int(row["id"])
        try:
            activities.set_done(self.ctx.database, act_id)
        except Exception as exc:
            _show_error(self, self.ctx, exc)
        self.refresh()

    def open_reminder(self) -> None:
        row = _selected_row(self.reminders_view, self.reminders_model)
        page = self.parent()
        while page is not None and not isinstance(page, SalesPage):
            page = page.parent()
        if row is None or page is None or row.get("source") != "opportunity":
            return
        page.show_opportunity(int(row["record_id"]))


# ---------------------------------------------------------------------------- the page
class SalesPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("salesPage")
        self.tabs = QTabWidget()
        self.opportunities = OpportunitiesTab(ctx)
        self.campaigns = CampaignsTab(ctx)
        self.activities = ActivitiesTab(ctx)
        self.tabs.addTab(self.opportunities, self.tr("&Opportunities"))
        self.tabs.addTab(self.campaigns, self.tr("&Campaigns"))
        self.tabs.addTab(self.activities, self.tr("&Activities && reminders"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda i: self.tabs.widget(i).refresh())

    def open_filtered(self, what: str, value: str | None = None) -> None:
        """``("stage", key)`` shows the opportunities of a stage; ``("reminders", None)`` the reminders due."""
        if what == "stage":
            self.tabs.setCurrentWidget(self.opportunities)
            self.opportunities.open_filtered(value)
        elif what == "reminders":
            self.tabs.setCurrentWidget(self.activities)
            self.activities.open_filtered()

    def show_opportunity(self, opportunity_id: int) -> None:
        self.tabs.setCurrentWidget(self.opportunities)
        self.opportunities.stage.setCurrentIndex(self.opportunities.stage.findData(None))
        self.opportunities.refresh(select_id=opportunity_id)


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    from app.views.crm.activity_dialogs import ActivityDialog
    from app.views.crm.campaign_dialogs import CampaignDialog
    from app.views.crm.opportunity_dialogs import OpportunityDialog
    from app.views.crm.sales_charts import SalesCharts

    shots: list[tuple[str, QWidget]] = [("sales-charts", SalesCharts(ctx)), ("opportunity-new", OpportunityDialog(ctx)),
                                        ("campaign-new", CampaignDialog(ctx)), ("activity-new", ActivityDialog(ctx))]
    for _name, widget in shots:
        widget.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return shots
