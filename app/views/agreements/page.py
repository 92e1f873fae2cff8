"""Quality agreements page: the agreement list, a version's clause grid with its life-cycle
actions (new version, save, submit, return, sign, compare, print, export), agreed targets against
actual performance with breaches highlighted (SCAR from a breach, breach report), and the
template editor. Every change goes through app.models.agreements (permission, trail, freeze)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import shiboken6
from PySide6.QtCore import QEvent, QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QGridLayout, QHBoxLayout,
    QHeaderView, QInputDialog, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from app.engines import agreements as eng
from app.models.admin.permissions import PermissionDenied, can
from app.models.agreements import grade_rule
from app.models.agreements import service as svc
from app.models.agreements import targets, templates
from app.models.agreements.errors import AgreementError
from app.views.core.table_models import readable_headers, Column
from app.views.suppliers import common as c

RED, GREEN, GREY = QColor("#f8d0d0"), QColor("#dff0d8"), QColor("#eeeeee")
KIND_BG = {"added": QColor("#e3f4e3"), "removed": QColor("#fbe3e3"), "changed": QColor("#fff3d6"),
           "renumbered": QColor("#e8f0fb")}


def diff_kind(r: eng.DiffRow) -> str:
    """The row's kind on screen: an unchanged clause whose number changed (its area moved, or a
    clause before it came or went) shows as "renumbered", so "changes only" still lists it."""
    if r.kind == "unchanged" and r.old is not None and r.new is not None and r.old.number != r.new.number:
        return "renumbered"
    return r.kind


def _state(state: str, lang: str) -> str:
    return svc.state_label(state, "zh_CN" if lang == "zh_CN" else "en")


class _Page(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.language

    def run(self, fn, *args, **kwargs):
        """Call a service; a refusal the user can fix shows as a message, nothing else changes."""
        try:
            return fn(*args, **kwargs)
        except PermissionDenied as exc:
            c.error_box(self, QCoreApplication.translate("AgreementsPage", "Not allowed"), exc.text(self.lang))
        except AgreementError as exc:
            c.error_box(self, QCoreApplication.translate("AgreementsPage", "Quality agreements"), str(exc))
        except Exception as exc:  # a database refusal, busy database …
            from app.models.admin.identity import AccessError

            if isinstance(exc, AccessError):
                c.error_box(self, QCoreApplication.translate("AgreementsPage", "Signature"), str(exc))
            else:
                from app.views.core.errors import show_unexpected

                show_unexpected(self, exc)
        return None


# ------------------------------------------------------------------------------ dialogs
class SignDialog(QDialog):
    """Both parties' signatories with name, title and date, the effective and expiry dates, and
    the electronic signature (password again)."""

    def __init__(self, ctx, version: svc.VersionRow, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Sign version %1").replace("%1", str(version.version)))
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Purchaser")), 0, 1)
        grid.addWidget(QLabel(self.tr("Supplier")), 0, 2)
        actor = getattr(ctx.database, "actor", None)
        self.p_name = QLineEdit(getattr(actor, "name", "") or "")
        self.p_title = QLineEdit(self.tr("Quality manager"))
        self.s_name, self.s_title = QLineEdit(), QLineEdit()
        today = QDate.currentDate()
        self.p_date, self.s_date = QDateEdit(today), QDateEdit(today)
        for w in (self.p_date, self.s_date):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        for r, (label, a, b) in enumerate(((self.tr("Name"), self.p_name, self.s_name),
                                           (self.tr("Title"), self.p_title, self.s_title),
                                           (self.tr("Date signed"), self.p_date, self.s_date)), start=1):
            grid.addWidget(QLabel(label), r, 0)
            grid.addWidget(a, r, 1)
            grid.addWidget(b, r, 2)
        layout.addLayout(grid)
        form = QFormLayout()
        self.effective = QDateEdit(version.effective_from and QDate(version.effective_from) or today)
        self.expires = QDateEdit(version.expires_on and QDate(version.expires_on) or today.addYears(3))
        for w in (self.effective, self.expires):
            w.setCalendarPopup(True)
            w.setDisplayFormat("yyyy-MM-dd")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("signPassword")
        form.addRow(self.tr("Effective from"), self.effective)
        form.addRow(self.tr("Expires on"), self.expires)
        form.addRow(self.tr("Your password (electronic signature)"), self.password)
        layout.addLayout(form)
        note = QLabel(self.tr("Signing freezes this version: any later change is a new version. The signature "
                              "covers the clauses, dates and signatories (SHA-256)."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def values(self) -> dict:
        from app.models.admin.signatures import SignatureRequest

        pw = self.password.text()
        return dict(purchaser=svc.Signatory(self.p_name.text(), self.p_title.text(), self.p_date.date().toPython()),
                    supplier=svc.Signatory(self.s_name.text(), self.s_title.text(), self.s_date.date().toPython()),
                    effective_from=self.effective.date().toPython(), expires_on=self.expires.date().toPython(),
                    signature=SignatureRequest(pw, "approved") if pw else None)


class DiffModel(QAbstractTableModel):
    """Side by side: change, old number and text, new number and text."""

    def __init__(self, rows: list[eng.DiffRow], lang: str, parent=None) -> None:
        super().__init__(parent)
        self.rows, self.lang = rows, lang
        self.field = "text_zh" if lang == "zh_CN" else "text_en"

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Change"), self.tr("Old no."), self.tr("Old text"), self.tr("New no."),
                    self.tr("New text"))[section]
        return None

    def _text(self, cl) -> str:
        if cl is None:
            return ""
        extra = " · ".join(x for x in (cl.documents, f"AQL {cl.aql} {cl.level}".strip() if cl.aql else "", cl.target) if x)
        return (getattr(cl, self.field) or cl.text_zh) + (f"\n[{extra}]" if extra else "")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                kinds = {"added": self.tr("added"), "removed": self.tr("removed"), "changed": self.tr("changed"),
                         "unchanged": self.tr("unchanged"), "renumbered": self.tr("renumbered")}
                return kinds[diff_kind(r)]
            if col == 1:
                return r.old.number if r.old else ""
            if col == 2:
                return self._text(r.old)
            if col == 3:
                return r.new.number if r.new else ""
            return self._text(r.new)
        if role == Qt.ItemDataRole.BackgroundRole and diff_kind(r) in KIND_BG:
            return QBrush(KIND_BG[diff_kind(r)])
        return None


class DiffDialog(QDialog):
    def __init__(self, ctx, agreement: svc.AgreementRow, parent=None, old_id: int | None = None,
                 new_id: int | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.agreement = ctx, agreement
        self.setObjectName("diffDialog")
        self.setWindowTitle(self.tr("Compare versions of %1").replace("%1", agreement.number))
        self.resize(1200, 720)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.old, self.new = QComboBox(), QComboBox()
        for box in (self.old, self.new):
            for v in agreement.versions:
                box.addItem(f"v{v.version} · {_state(v.display_state, ctx.language)}", v.id)
        if len(agreement.versions) >= 2:
            self.old.setCurrentIndex(len(agreement.versions) - 2)
            self.new.setCurrentIndex(len(agreement.versions) - 1)
        if old_id is not None:
            self.old.setCurrentIndex(max(0, self.old.findData(old_id)))
        if new_id is not None:
            self.new.setCurrentIndex(max(0, self.new.findData(new_id)))
        top.addWidget(QLabel(self.tr("Old:")))
        top.addWidget(self.old)
        top.addWidget(QLabel(self.tr("New:")))
        top.addWidget(self.new)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        self.changes_only = QCheckBox(self.tr("Changes only"))
        self.changes_only.setChecked(True)
        self.changes_only.toggled.connect(lambda _b: self.refresh())
        top.addWidget(self.changes_only)
        self.print_button = QPushButton(self.tr("Print comparison…"))
        self.print_button.clicked.connect(self.print_pdf)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.table = QTableView()
        self.table.setObjectName("diffTable")
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        self.old.currentIndexChanged.connect(self.refresh)
        self.new.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        rows = svc.diff(self.ctx.database, self.old.currentData(), self.new.currentData(), self.ctx.language)
        shown = [r for r in rows if diff_kind(r) != "unchanged"] if self.changes_only.isChecked() else rows
        self.model = DiffModel(shown, self.ctx.language, self)
        self.table.setModel(self.model)
        h = self.table.horizontalHeader()
        h.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        h.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        for col, w in ((0, 80), (1, 56), (3, 56)):
            h.resizeSection(col, w)
        self.table.resizeRowsToContents()
        n = eng.diff_counts(rows)
        text = self.tr("%1 added, %2 removed, %3 changed, %4 unchanged").replace("%1", str(n["added"])) \
            .replace("%2", str(n["removed"])).replace("%3", str(n["changed"])).replace("%4", str(n["unchanged"]))
        moves = svc.area_moves(self.ctx.database, self.old.currentData(), self.new.currentData())
        for area, old, new in moves:  # a moved area renumbers its clauses without changing them
            text += " · " + self.tr("section %1 “%2” is now section %3").replace("%1", str(old)).replace(
                "%2", eng.area_label(area, self.ctx.language)).replace("%3", str(new))
        self.summary.setText(text)

    def resizeEvent(self, event) -> None:  # noqa: N802 - rows fit the text at the current width
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        self.table.resizeRowsToContents()

    def print_pdf(self) -> None:
        from app.reports import agreement_contract

        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save comparison"), f"{self.agreement.number}-diff.pdf",
                                              "PDF (*.pdf)")
        if path:
            agreement_contract.write_diff_pdf(self.ctx.database, self.old.currentData(), self.new.currentData(), path,
                                              lang=self.ctx.language)


# ------------------------------------------------------------------------------ agreements tab
class AgreementsTab(_Page):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.agreements: list[svc.AgreementRow] = []
        self.version: svc.VersionRow | None = None
        layout = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by supplier or number"))
        self.filter.textChanged.connect(lambda _t: self.proxy.setFilterFixedString(self.filter.text()))
        lv.addWidget(self.filter)
        lang = self.lang
        cols = [Column("number", lambda: self.tr("Agreement")), Column("supplier", lambda: self.tr("Supplier")),
                Column("latest", lambda: self.tr("Latest version")),
                Column("expires", lambda: self.tr("Expires"), background=lambda r: QColor("#ffe0b2")
                       if r.get("soon") else None)]
        self.list_model, self.proxy, self.list = c.make_table(cols, self)
        # the supplier column takes the room the other columns leave (long names end in "…", the
        # whole name is the tooltip), so the list never runs past the pane's edge at 1280 pixels
        self.list.viewport().installEventFilter(self)
        self.list.setWordWrap(False)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list.setObjectName("agreementList")
        readable_headers(self.list)
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self.select_agreement())
        lv.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New agreement…"))
        self.new_button.clicked.connect(self.new_agreement)
        row.addWidget(self.new_button)
        row.addStretch(1)
        lv.addLayout(row)
        split.addWidget(left)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.version_box = QComboBox()
        self.version_box.setObjectName("versionChoice")
        self.version_box.setMinimumContentsLength(16)
        self.version_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.version_box.currentIndexChanged.connect(lambda _i: self.load_version())
        bar.addWidget(QLabel(self.tr("Version:")))
        bar.addWidget(self.version_box, 1)
        self.buttons = {}
        bar2 = QHBoxLayout()
        for key, text, fn in (("new_version", self.tr("New version"), self.new_version),
                              ("save", self.tr("Save"), self.save),
                              ("submit", self.tr("Submit for review"), self.submit),
                              ("return", self.tr("Back to draft"), self.back_to_draft),
                              ("sign", self.tr("Sign…"), self.sign),
                              ("diff", self.tr("Compare…"), self.compare),
                              ("print", self.tr("Print PDF…"), self.print_pdf),
                              ("xlsx", self.tr("Export xlsx…"), self.export_xlsx),
                              ("signed_pdf", self.tr("Signed PDF…"), self.attach_signed_pdf)):
            b = QPushButton(text)
            b.setObjectName(f"agreement_{key}")
            b.clicked.connect(fn)
            self.buttons[key] = b
            # three actions beside the version, the rest below: the list pane keeps room for its columns
            (bar if key in ("new_version", "save", "submit") else bar2).addWidget(b)
        bar2.addStretch(1)
        rv.addLayout(bar)
        rv.addLayout(bar2)
        self.info = QLabel("")
        self.info.setObjectName("versionInfo")
        self.info.setWordWrap(True)
        rv.addWidget(self.info)
        self.editor = templates_editor(ctx, self)
        rv.addWidget(self.editor, 1)
        split.addWidget(right)
        left.setMinimumWidth(260)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 860])
        layout.addWidget(split)
        self.refresh()

    # -- data
    def refresh(self, keep: int | None = None) -> None:
        self.agreements = svc.list_agreements(self.ctx.database)
        today = date.today()
        rows = []
        for a in self.agreements:
            name = a.supplier_name_zh if self.lang == "zh_CN" else (a.supplier_name_en or a.supplier_name_zh)
            f, latest = a.in_force, a.latest
            exp = f.expires_on if f else None
            rows.append({"id": a.id, "number": a.number, "supplier": f"{a.supplier_code} {name}",
                         "in_force": f"v{f.version}" if f else "—",
                         "latest": f"v{latest.version} {_state(latest.display_state, self.lang)}" if latest else "",
                         "expires": exp.isoformat() if exp else "",
                         "soon": bool(exp and 0 <= (exp - today).days <= svc.EXPIRY_SOON_DAYS)})
        self.list_model.set_frame(pd.DataFrame(rows, columns=["id", "number", "supplier", "in_force", "latest",
                                                              "expires", "soon"]))
        c.fit_columns_once(self.list)
        self._fit_supplier_column()
        target = keep if keep is not None else (self.agreements[0].id if self.agreements else None)
        for r in range(self.proxy.rowCount()):
            src = self.proxy.mapToSource(self.proxy.index(r, 0)).row()
            if int(self.list_model.frame.iloc[src]["id"]) == target:
                self.list.selectRow(r)
                break
        self.select_agreement()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.list.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_supplier_column()
        return super().eventFilter(obj, event)

    def _fit_supplier_column(self) -> None:
        """The supplier column takes the width the other columns leave in the pane (long names
        end in "…"; the whole name is the cell's tooltip), so no column runs past the pane's edge."""
        header = self.list.horizontalHeader()
        if header.count() < 4:
            return
        others = sum(header.sectionSize(i) for i in range(header.count()) if i != 1 and not header.isSectionHidden(i))
        header.resizeSection(1, max(header.sectionSizeHint(1), self.list.viewport().width() - others))

    def current_agreement(self) -> svc.AgreementRow | None:
        row = c.selected_source_row(self.list)
        if row is None or row >= len(self.list_model.frame):
            return None
        aid = int(self.list_model.frame.iloc[row]["id"])
        return next((a for a in self.agreements if a.id == aid), None)

    def select_agreement(self, version_id: int | None = None) -> None:
        a = self.current_agreement()
        self.version_box.blockSignals(True)
        self.version_box.clear()
        if a is not None:
            for v in a.versions:
                self.version_box.addItem(f"v{v.version} · {_state(v.display_state, self.lang)}", v.id)
            pick = version_id or (a.in_force.id if a.in_force else (a.latest.id if a.latest else None))
            self.version_box.setCurrentIndex(max(0, self.version_box.findData(pick)))
        self.version_box.blockSignals(False)
        self.load_version()

    def load_version(self) -> None:
        vid = self.version_box.currentData()
        a = self.current_agreement()
        self.version = next((v for v in a.versions if v.id == vid), None) if a and vid else None
        v = self.version
        if v is None:
            self.editor.load([], read_only=True)
            self.info.setText("")
        else:
            self.editor.load(svc.version_clauses(self.ctx.database, v.id), read_only=not v.editable
                             or not can(self.ctx.database, "agreements.edit"),
                             area_order=svc.version_area_order(self.ctx.database, v.id))
            parts = [f"{a.number} v{v.version}: {_state(v.display_state, self.lang)}"]
            if v.effective_from:
                parts.append(self.tr("effective %1").replace("%1", v.effective_from.isoformat()))
            if v.expires_on:
                parts.append(self.tr("expires %1").replace("%1", v.expires_on.isoformat()))
            if v.purchaser.name:
                parts.append(self.tr("signed by %1 and %2").replace("%1", v.purchaser.name).replace("%2", v.supplier.name))
            if v.content_sha256:
                parts.append(f"SHA-256 {v.content_sha256[:16]}…")
            if v.signed_pdf_sha256:
                parts.append(self.tr("signed PDF %1").replace("%1", v.signed_pdf_sha256[:12] + "…"))
            if not v.editable:
                parts.append(self.tr("read-only: a change is a new version"))
            self.info.setText(" · ".join(parts))
        self.update_buttons()

    def update_buttons(self) -> None:
        v, a = self.version, self.current_agreement()
        edit, sign = can(self.ctx.database, "agreements.edit"), can(self.ctx.database, "agreements.sign")
        open_version = a is not None and any(x.state in ("draft", "review") for x in a.versions)
        state = v.state if v else ""
        self.buttons["new_version"].setEnabled(bool(a) and edit and not open_version)
        self.buttons["save"].setEnabled(state == "draft" and edit)
        self.buttons["submit"].setEnabled(state == "draft" and edit)
        self.buttons["return"].setEnabled(state == "review" and edit)
        self.buttons["sign"].setEnabled(state == "review" and sign)
        self.buttons["diff"].setEnabled(bool(a) and len(a.versions) >= 2)
        self.buttons["print"].setEnabled(v is not None)
        self.buttons["xlsx"].setEnabled(v is not None)
        self.buttons["signed_pdf"].setEnabled(state == "signed" and sign)
        self.new_button.setEnabled(edit)

    # -- actions
    def _after(self, version_id: int | None = None) -> None:
        a = self.current_agreement()
        self.refresh(keep=a.id if a else None)
        if version_id is not None:
            self.select_agreement(version_id)

    def new_agreement(self) -> None:
        from app.models.suppliers import master

        frame = master.supplier_grid(self.ctx.database)
        frame = frame[frame["status"].isin(["approved", "conditional"])] if "status" in frame else frame
        items = [f"{r['code']} {r['name_zh'] if self.lang == 'zh_CN' else (r['name_en'] or r['name_zh'])}"
                 for _i, r in frame.iterrows()]
        if not items:
            c.info_box(self, self.tr("New agreement"), self.tr("There is no approved supplier."))
            return
        item, ok = QInputDialog.getItem(self, self.tr("New agreement"), self.tr("Supplier:"), items, 0, False)
        if not ok:
            return
        sid = int(frame.iloc[items.index(item)]["id"])
        result = self.run(svc.create_agreement, self.ctx.database, sid)
        if result:
            aid, vid = result
            self.refresh(keep=aid)
            self.select_agreement(vid)

    def new_version(self) -> None:
        a = self.current_agreement()
        if a and (vid := self.run(svc.new_version, self.ctx.database, a.id)):
            self._after(vid)

    def save(self) -> bool:
        if self.version is None:
            return False
        stored = self.run(svc.save_clauses, self.ctx.database, self.version.id, self.editor.model.clauses,
                          self.editor.model.area_order)
        if stored is None:
            return False
        vid = self.version.id
        self._after(vid)
        return True

    def submit(self) -> None:
        if self.version is None or (self.editor.dirty and not self.save()):
            return
        vid = self.version.id
        if self.run(svc.submit_for_review, self.ctx.database, vid) is None:
            self._after(vid)

    def back_to_draft(self) -> None:
        if self.version is not None:
            vid = self.version.id
            reason, ok = QInputDialog.getText(self, self.tr("Back to draft"), self.tr("Reason:"))
            if ok:
                self.run(svc.return_to_draft, self.ctx.database, vid, reason)
                self._after(vid)

    def sign(self) -> None:
        if self.version is None:
            return
        dialog = SignDialog(self.ctx, self.version, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        vid = self.version.id
        if self.run(svc.sign_version, self.ctx.database, vid, **dialog.values()):
            self._after(vid)

    def compare(self) -> None:
        a = self.current_agreement()
        if a:
            DiffDialog(self.ctx, a, self).exec()

    def print_pdf(self) -> None:
        from app.reports import agreement_contract
        from app.views.suppliers.printing import show_font_warning

        if self.version is None:
            return
        modes = [self.tr("Bilingual side by side"), self.tr("Chinese"), self.tr("English")]
        mode, ok = QInputDialog.getItem(self, self.tr("Print contract"), self.tr("Language:"), modes, 0, False)
        if not ok:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save contract"),
                                              f"{self.version.agreement_number}-v{self.version.version}.pdf", "PDF (*.pdf)")
        if path:
            key = ("bilingual", "zh_CN", "en")[modes.index(mode)]
            font = self.run(agreement_contract.write_contract_pdf, self.ctx.database, self.version.id, path, mode=key)
            if font is not None:
                show_font_warning(font, self)

    def export_xlsx(self) -> None:
        from app.reports import agreement_contract

        if self.version is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export clauses"),
                                              f"{self.version.agreement_number}-v{self.version.version}.xlsx",
                                              "Excel (*.xlsx)")
        if path:
            self.run(agreement_contract.write_contract_xlsx, self.ctx.database, self.version.id, path)

    def attach_signed_pdf(self) -> None:
        if self.version is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Signed contract (PDF)"), "", "PDF (*.pdf)")
        if path:
            from pathlib import Path

            vid = self.version.id
            if self.run(svc.record_signed_pdf, self.ctx.database, vid, Path(path).read_bytes(), Path(path).name):
                self._after(vid)


def templates_editor(ctx, parent):
    from app.views.agreements.grid import ClauseEditor

    return ClauseEditor(ctx.language, parent, template_source=templates.default_clauses)


# ------------------------------------------------------------------------------ targets tab
class TargetGridModel(QAbstractTableModel):
    """Rows = (supplier, agreement, clause), columns = periods; cells = actual, breaches red,
    passes green, missing grey, blank where the clause did not apply."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.lines: list[tuple] = []
        self.periods: list[str] = []
        self.cells: dict[tuple[int, int], dict] = {}
        self.lang = "en"

    def set_rows(self, rows: pd.DataFrame, lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        if rows.empty:
            self.lines, self.periods, self.cells = [], [], {}
        else:
            from app.engines.indicators import Period

            labels = rows["period"].drop_duplicates().tolist()
            kinds = {"month": 0, "quarter": 1, "year": 2}
            self.periods = sorted(labels, key=lambda p: (Period.parse(p).end, kinds[Period.parse(p).kind]))
            keys = rows[["supplier_code", "supplier_name_zh", "supplier_name_en", "agreement", "clause_key", "clause_no",
                         "indicator", "comparator", "unit"]].drop_duplicates(["agreement", "clause_key"])
            self.lines = list(keys.itertuples(index=False, name=None))
            pos = {(k[3], k[4]): i for i, k in enumerate(self.lines)}
            ppos = {p: j for j, p in enumerate(self.periods)}
            self.cells = {(pos[(r.agreement, r.clause_key)], ppos[r.period]): r._asdict()
                          for r in rows.itertuples(index=False)}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 2 + len(self.periods)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if section == 0:
                return self.tr("Supplier / agreement")
            if section == 1:
                return self.tr("Clause · target")
            return self.periods[section - 2]
        return None

    def cell(self, row: int, col: int) -> dict | None:
        return self.cells.get((row, col - 2)) if col >= 2 else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        line = self.lines[row]
        if col < 2:
            if role == Qt.ItemDataRole.DisplayRole:
                if col == 0:
                    name = line[1] if self.lang == "zh_CN" else (line[2] or line[1])
                    return f"{line[0]} {name} · {line[3]}"
                any_cell = next((v for (r, _p), v in self.cells.items() if r == row), None)
                thr = f"{any_cell['threshold']:g}" if any_cell else ""
                return f"{line[5]} {eng.indicator_label(line[6], self.lang)} {line[7]} {thr} {line[8]}"
            return None
        cell = self.cell(row, col)
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if cell["status"] == "missing":
                return self.tr("missing")
            return f"{cell['actual']:.1f}"
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush({"breach": RED, "pass": GREEN}.get(cell["status"], GREY))
        if role == Qt.ItemDataRole.ToolTipRole:
            text = f"v{cell['version']} · {cell['comparator']} {cell['threshold']:g} {cell['unit']}"
            if cell["status"] == "breach":
                text += " · " + self.tr("liability CNY %1").replace("%1", f"{cell['liability']:,.2f}")
                if cell["escalate"]:
                    text += " · " + self.tr("re-audit")
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class TargetsTab(_Page):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        self.report: targets.TargetReport | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = date.today().replace(day=1)
        end = today - timedelta(days=1)
        start = date(end.year - 1, end.month, 1) + timedelta(days=32)
        self.start = QLineEdit(f"{start:%Y-%m}")
        self.end = QLineEdit(f"{end:%Y-%m}")
        for w in (self.start, self.end):
            w.setMaximumWidth(90)
        self.supplier = QComboBox()
        # long supplier names must not widen the page past a 1280-pixel laptop screen
        self.supplier.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.supplier.setMinimumContentsLength(22)
        self.supplier.addItem(self.tr("All suppliers"), None)
        seen = set()
        for a in svc.list_agreements(ctx.database):
            if a.supplier_id not in seen:
                seen.add(a.supplier_id)
                name = a.supplier_name_zh if self.lang == "zh_CN" else (a.supplier_name_en or a.supplier_name_zh)
                self.supplier.addItem(f"{a.supplier_code} {name}", a.supplier_id)
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.clicked.connect(self.compute)
        self.scar_button = QPushButton(self.tr("Raise SCAR for breach"))
        self.scar_button.clicked.connect(self.raise_scar)
        self.plan_button = QPushButton(self.tr("Development plan for breach"))
        self.plan_button.clicked.connect(self.raise_plan)
        self.report_button = QPushButton(self.tr("Breach report…"))
        self.report_button.clicked.connect(self.export_report)
        for w in (QLabel(self.tr("From")), self.start, QLabel(self.tr("to")), self.end, self.supplier,
                  self.compute_button):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        actions = QHBoxLayout()  # a second row: one row of filters and actions did not fit a 1280 px laptop
        # the optional grade-lowering rule of the grade list (off unless chosen)
        self.rule_spin = QSpinBox()
        self.rule_spin.setObjectName("breachRule")
        self.rule_spin.setRange(0, 99)
        self.rule_spin.setSpecialValueText(self.tr("off"))
        self.rule_spin.setValue(grade_rule.breach_rule(ctx.database) or 0)
        self.rule_spin.setToolTip(self.tr("Grade list: show the grade one letter lower when a supplier has at least "
                                          "this many agreement breaches in the period (the stored evaluation grade "
                                          "is unchanged; the reason is shown). Off by default."))
        self.rule_button = QPushButton(self.tr("Apply"))
        self.rule_button.setEnabled(any(can(ctx.database, p) for p in grade_rule.RULE_PERMISSIONS))
        self.rule_button.clicked.connect(self.apply_rule)
        actions.addWidget(QLabel(self.tr("Lower the grade one letter from")))
        actions.addWidget(self.rule_spin)
        actions.addWidget(QLabel(self.tr("breaches per period")))
        actions.addWidget(self.rule_button)
        actions.addStretch(1)
        actions.addWidget(self.scar_button)
        actions.addWidget(self.plan_button)
        actions.addWidget(self.report_button)
        layout.addLayout(actions)
        self.summary = QLabel("")
        self.summary.setObjectName("targetSummary")
        layout.addWidget(self.summary)
        self.model = TargetGridModel(self)
        self.table = QTableView()
        self.table.setObjectName("targetGrid")
        readable_headers(self.table)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.selectionModel().currentChanged.connect(lambda *_: self.update_buttons())
        from app.views.agreements.chart import BreachChart

        self.chart = BreachChart(self)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([480, 170])
        layout.addWidget(split, 1)
        legend = QLabel(self.tr("Red: breach (liability in the tooltip) · green: target met · grey: missing "
                                "(no deliveries — neither breach nor pass) · blank: no version in force"))
        legend.setStyleSheet("color: #666")
        legend.setWordWrap(True)
        layout.addWidget(legend)
        self.compute()

    def apply_rule(self) -> None:
        value = self.rule_spin.value() or None
        try:
            grade_rule.set_breach_rule(self.ctx.database, value)
        except grade_rule.RuleError as exc:
            c.error_box(self, self.tr("Quality agreements"), str(exc))
            return
        except PermissionDenied as exc:
            c.error_box(self, self.tr("Not allowed"), exc.text(self.lang))
            self.rule_spin.setValue(grade_rule.breach_rule(self.ctx.database) or 0)
            return
        self.summary.setText(self.tr("Grade list rule saved: {rule}").replace(
            "{rule}", self.tr("off") if value is None else str(value)))

    def compute(self) -> None:
        """Compute in the background (2,000 suppliers × 24 months is a second of SQL)."""
        self.compute_button.setEnabled(False)
        self.summary.setText(self.tr("Computing…"))

        def job(db, start, end, supplier_id, *, state):
            def progress(fraction: float, month: str) -> None:
                state.check()  # a cancelled run stops after the month in hand
                state.progress(fraction, month)

            return targets.target_actuals(db, start=start, end=end, supplier_id=supplier_id, progress=progress)

        self.ctx.tasks.run(job, self.ctx.database, self.start.text().strip(), self.end.text().strip(),
                           self.supplier.currentData(), on_done=self.show_report, on_error=self._failed,
                           on_progress=self._progress, label=self.tr("Targets vs actuals…"))

    def _progress(self, fraction: float, month: str) -> None:
        if not shiboken6.isValid(self):  # the page was closed while the run went on
            return
        text = self.tr("Computing… {percent} %").replace("{percent}", f"{fraction * 100:.0f}")
        self.summary.setText(f"{text} {month}".rstrip())

    def _failed(self, exc: Exception, details: str) -> None:
        if not shiboken6.isValid(self):  # the page was closed while computing
            return
        self.compute_button.setEnabled(True)
        self.summary.setText("")
        if isinstance(exc, AgreementError):
            c.error_box(self, QCoreApplication.translate("AgreementsPage", "Quality agreements"), str(exc))
        else:
            from app.views.core.errors import show_unexpected

            show_unexpected(self, exc)

    def show_report(self, rep: targets.TargetReport) -> None:
        if not shiboken6.isValid(self):  # the page was closed while computing
            return
        self.compute_button.setEnabled(True)
        self.report = rep
        self.model.set_rows(rep.rows, self.lang)
        h = self.table.horizontalHeader()
        h.resizeSection(0, 260)
        h.resizeSection(1, 250)
        for col in range(2, self.model.columnCount()):
            h.resizeSection(col, 68)
        b = rep.breaches
        self.summary.setText(self.tr("%1 target line(s) · %2 breach(es) · liability CNY %3 · %4 re-audit escalation(s)")
                             .replace("%1", str(self.model.rowCount())).replace("%2", str(len(b)))
                             .replace("%3", f"{b['liability'].sum():,.2f}" if len(b) else "0.00")
                             .replace("%4", str(int(b["escalate"].sum())) if len(b) else "0"))
        self.update_buttons()

    def current_breach(self) -> dict | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        cell = self.model.cell(idx.row(), idx.column())
        return cell if cell and cell["status"] == "breach" else None

    def show_chart(self) -> None:
        idx = self.table.currentIndex()
        m = self.model
        if not idx.isValid() or not m.lines:
            self.chart.show_line(self.tr("Select a target line to see its breach history."), [], [], [], None)
            return
        row = idx.row()
        cells = [m.cells.get((row, j)) for j in range(len(m.periods))]
        periods = [p for p, cell in zip(m.periods, cells) if cell is not None]
        used = [cell for cell in cells if cell is not None]
        caption = (m.data(m.index(row, 0)) + " · " + m.data(m.index(row, 1)) + " · "
                   + self.tr("%1 breach(es), liability CNY %2").replace(
                       "%1", str(sum(1 for x in used if x["status"] == "breach")))
                   .replace("%2", f"{sum(x['liability'] for x in used):,.2f}"))
        self.chart.show_line(caption, periods, [x["actual"] for x in used], [x["status"] for x in used],
                             used[-1]["threshold"] if used else None)

    def update_buttons(self) -> None:
        self.show_chart()
        self.scar_button.setEnabled(self.current_breach() is not None and can(self.ctx.database, "corrective.create"))
        self.plan_button.setEnabled(self.current_breach() is not None and can(self.ctx.database, "development.edit"))
        self.report_button.setEnabled(self.report is not None)

    def raise_scar(self) -> None:
        cell = self.current_breach()
        if cell is None:
            return
        car = self.run(targets.raise_scar_for_breach, self.ctx.database, int(cell["agreement_id"]), cell["clause_key"],
                       cell["period"], lang=self.lang)
        if car:
            c.info_box(self, self.tr("SCAR raised"), self.tr("Corrective action request %1 was raised for the breach.")
                       .replace("%1", str(car)))

    def raise_plan(self) -> None:
        cell = self.current_breach()
        if cell is None:
            return
        plan = self.run(targets.plan_for_breach, self.ctx.database, int(cell["agreement_id"]), cell["clause_key"],
                        cell["period"], lang=self.lang)
        if plan:
            c.info_box(self, self.tr("Development plan"), self.tr("Development plan item %1 was created for the "
                                                                  "breach.").replace("%1", str(plan)))

    def export_report(self) -> None:
        from app.reports import agreement_breaches

        if self.report is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Breach report"),
                                              f"breaches-{self.report.start}-{self.report.end}.pdf",
                                              "PDF (*.pdf);;Excel (*.xlsx)")
        if path:
            self.run(agreement_breaches.write_breach_report, self.report, path, lang=self.lang)


# ------------------------------------------------------------------------------ templates tab
class TemplatesTab(_Page):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.choice = QComboBox()
        self.choice.setObjectName("templateChoice")
        self.choice.currentIndexChanged.connect(lambda _i: self.load())
        bar.addWidget(QLabel(self.tr("Template:")))
        bar.addWidget(self.choice, 1)
        self.buttons = {}
        for key, text, fn in (("save", self.tr("Save"), self.save), ("new", self.tr("Copy as new…"), self.new),
                              ("import", self.tr("Import xlsx…"), self.import_xlsx),
                              ("export", self.tr("Export xlsx…"), self.export_xlsx)):
            b = QPushButton(text)
            b.clicked.connect(fn)
            self.buttons[key] = b
            bar.addWidget(b)
        layout.addLayout(bar)
        self.editor = templates_editor(ctx, self)
        layout.addWidget(self.editor, 1)
        self.refresh()

    def refresh(self, keep: int | None = None) -> None:
        rows = self.run(templates.list_templates, self.ctx.database) or []
        self.choice.blockSignals(True)
        self.choice.clear()
        for t in rows:
            self.choice.addItem(f"{t.name} ({t.clauses})", t.id)
        if keep is not None:
            self.choice.setCurrentIndex(max(0, self.choice.findData(keep)))
        self.choice.blockSignals(False)
        self.load()

    def load(self) -> None:
        tid = self.choice.currentData()
        allowed = can(self.ctx.database, "agreements.templates")
        self.editor.load(templates.template_clauses(self.ctx.database, tid) if tid else [], read_only=not allowed,
                         area_order=templates.template_area_order(self.ctx.database, tid) if tid else None)
        for k in ("save", "new", "import"):
            self.buttons[k].setEnabled(allowed)

    def save(self) -> None:
        tid = self.choice.currentData()
        if tid and self.run(templates.save_template_clauses, self.ctx.database, tid, self.editor.model.clauses,
                            self.editor.model.area_order):
            self.refresh(tid)

    def new(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New template"), self.tr("Name:"))
        if ok and name.strip():
            tid = self.run(templates.create_template, self.ctx.database, name, clauses=self.editor.model.clauses,
                           area_order=self.editor.model.area_order)
            if tid:
                self.refresh(tid)

    def import_xlsx(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import template"), "", "Excel (*.xlsx)")
        if not path:
            return
        from pathlib import Path

        name, ok = QInputDialog.getText(self, self.tr("Import template"), self.tr("Name:"), text=Path(path).stem)
        if ok and name.strip():
            tid = self.run(templates.import_template, self.ctx.database, path, name)
            if tid:
                self.refresh(tid)

    def export_xlsx(self) -> None:
        from app.reports import agreement_template

        tid = self.choice.currentData()
        if not tid:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export template"), "template.xlsx", "Excel (*.xlsx)")
        if path:
            self.run(agreement_template.write_template_xlsx, self.ctx.database, tid, path)


# ------------------------------------------------------------------------------ page
class AgreementsPage(QWidget):
    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementsPage")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.reminders = QLabel("")
        self.reminders.setObjectName("expiryReminders")
        self.reminders.setWordWrap(True)
        self.reminders.setStyleSheet("color: #8a4b00")
        layout.addWidget(self.reminders)
        self.tabs = QTabWidget()
        self.agreements = AgreementsTab(ctx, self)
        self.targets = TargetsTab(ctx, self)
        self.templates = TemplatesTab(ctx, self)
        self.tabs.addTab(self.agreements, self.tr("Agreements"))
        self.tabs.addTab(self.targets, self.tr("Targets vs actuals"))
        self.tabs.addTab(self.templates, self.tr("Templates"))
        layout.addWidget(self.tabs, 1)
        from app.views.agreements.supplier_tab import reminder_text

        self.reminders.setText(reminder_text(ctx.database))
        self.reminders.setVisible(bool(self.reminders.text()))


def screenshots(ctx) -> list[tuple[str, QWidget]]:
    rows = svc.list_agreements(ctx.database)
    shots: list[tuple[str, QWidget]] = []
    two = next((a for a in rows if len(a.versions) >= 2), None)
    if two is not None:
        d = DiffDialog(ctx, two)
        d.resize(1200, 700)  # a dialog: fits a 1366×768 laptop with the task bar
        shots.append(("agreement-diff", d))
        shots.append(("agreement-sign", SignDialog(ctx, two.versions[-1])))
    return c.delete_on_close(shots)
