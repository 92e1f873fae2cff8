"""Customer detail: basic data (with the value class set by hand, reason required), contacts with
their groups (and the privacy actions: export one contact's data, erase it on request), the parts
we supply with their suppliers, and the history of every change (who, when, what, why).

Other domains add their own tabs through ``TAB_FACTORIES``: each entry names a module and a
widget class taking ``(ctx, customer_id)``; the tab is created for the selected customer when the
module is installed (``importlib.util.find_spec``), so a domain that is not merged yet simply
shows no tab.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (QDialog, QFileDialog, QFormLayout, QFrame, QHBoxLayout, QScrollArea, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QTabWidget, QTableView, QVBoxLayout, QWidget)

from app.views.core.table_models import Column, DataFrameTableModel, NativeSortProxy, readable_headers
from app.views.core.tabs import TabFactory
from app.views.customers import common as c

translate = QCoreApplication.translate


#: Tabs of other domains, shown after "Parts we supply" and before "History".
TAB_FACTORIES: list[TabFactory] = [
    TabFactory("complaints", lambda: translate("CustomerDetail", "Complaints"),
               "app.views.complaints.customer_tab", "ComplaintsTab"),
    TabFactory("crm_sales", lambda: translate("SalesLabels", "Sales"), "app.views.crm.sales_customer_tab", "SalesTab"),
    TabFactory("satisfaction", lambda: translate("CustomerSatisfaction", "Satisfaction"),
               "app.views.satisfaction.customer_tab", "SatisfactionTab"),
    TabFactory("crm_orders", lambda: translate("CrmOrders", "Orders"), "app.views.crm.orders_page", "OrdersTab"),
]


def _table(columns: list[Column], parent: QWidget) -> tuple[DataFrameTableModel, QTableView]:
    model = DataFrameTableModel(columns, parent=parent)
    proxy = NativeSortProxy(parent)
    proxy.setSourceModel(model)
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # the header's default would be descending
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    readable_headers(view)
    return model, view


def _selected(view: QTableView, model: DataFrameTableModel) -> pd.Series | None:
    index = view.currentIndex()
    if not index.isValid():
        return None
    proxy = view.model()
    return model.row(proxy.mapToSource(index).row())


FIELD_TITLES = {
    "code": QT_TRANSLATE_NOOP("CustomerDetail", "Code"), "name_zh": QT_TRANSLATE_NOOP("CustomerDetail", "Name (Chinese)"),
    "name_en": QT_TRANSLATE_NOOP("CustomerDetail", "Name (English)"),
    "customer_type": QT_TRANSLATE_NOOP("CustomerDetail", "Internal / external"),
    "lifecycle": QT_TRANSLATE_NOOP("CustomerDetail", "Lifecycle"), "industry": QT_TRANSLATE_NOOP("CustomerDetail", "Industry"),
    "region": QT_TRANSLATE_NOOP("CustomerDetail", "Region"), "key_account": QT_TRANSLATE_NOOP("CustomerDetail", "Key account"),
    "value_class": QT_TRANSLATE_NOOP("CustomerDetail", "Value class"),
    "value_class_reason": QT_TRANSLATE_NOOP("CustomerDetail", "Reason for the value class"),
    "owner_user_id": QT_TRANSLATE_NOOP("CustomerDetail", "Owner"), "since": QT_TRANSLATE_NOOP("CustomerDetail", "Customer since"),
    "role": QT_TRANSLATE_NOOP("CustomerDetail", "Role / title"),
    "preferred_language": QT_TRANSLATE_NOOP("CustomerDetail", "Preferred language"),
    "active": QT_TRANSLATE_NOOP("CustomerDetail", "Active"), "erased_at": QT_TRANSLATE_NOOP("CustomerDetail", "Erased at"),
    "customer_part_no": QT_TRANSLATE_NOOP("CustomerDetail", "Customer's part number"),
    "part_id": QT_TRANSLATE_NOOP("CustomerDetail", "Part"), "group_key": QT_TRANSLATE_NOOP("CustomerDetail", "Group"),
    "personal_fields": QT_TRANSLATE_NOOP("CustomerDetail", "Personal data"),
}


def _field(name: str) -> str:
    source = FIELD_TITLES.get(name)
    return translate("CustomerDetail", source) if source else name


def describe_changes(entry) -> str:
    """One line for a trail entry's changes: "Field: old → new; …" (personal values never shown:
    the trail does not hold them)."""
    ch = entry.changes or {}
    if entry.action == "update":
        return "; ".join(f"{_field(k)}: {_value(k, v[0])} → {_value(k, v[1])}" for k, v in ch.items()
                         if isinstance(v, list) and len(v) == 2)
    if "personal_fields" in ch:
        return translate("CustomerDetail", "Personal data: {fields}").replace(
            "{fields}", ", ".join(_field(f) if f not in ("name", "phone", "email") else
                                  {"name": translate("CustomerDetail", "name"),
                                   "phone": translate("CustomerDetail", "phone"),
                                   "email": translate("CustomerDetail", "e-mail")}[f] for f in ch["personal_fields"]))
    if "counts" in ch:
        return ", ".join(f"{k}: {v}" for k, v in ch["counts"].items())
    keys = [k for k in ("code", "group_key", "customer_part_no", "part_id", "role", "lifecycle") if ch.get(k)]
    return "; ".join(f"{_field(k)}: {_value(k, ch[k])}" for k in keys)


CODED_FIELDS = {"customer_type": c.CUSTOMER_TYPE, "lifecycle": c.LIFECYCLE, "value_class": c.VALUE_CLASS,
                "preferred_language": c.LANGUAGE, "group_key": c.GROUPS}


def _value(field: str, v) -> str:
    """A trail value as the screens show it: codes and yes/no translated, times to the minute."""
    if isinstance(v, bool):
        return c.label(c.YES_NO, v)
    if field in CODED_FIELDS and v:
        return c.label(CODED_FIELDS[field], v)
    if isinstance(v, str) and len(v) >= 19 and v[4] == "-" and v[10] in "T ":
        return v[:16].replace("T", " ")
    return _short(v)


def _short(v) -> str:
    if v is None or v == "":
        return "—"
    text = str(v)
    return text if len(text) <= 40 else text[:39] + "…"


def _personal_fields(v) -> str:
    names = {"name": translate("CustomerDetail", "name"), "phone": translate("CustomerDetail", "phone"),
             "email": translate("CustomerDetail", "e-mail")}
    return ", ".join(names.get(f) or _field(f) for f in (v if isinstance(v, (list, tuple)) else [v]))


def history_options() -> dict:
    """How a customer record's trail reads in HistoryView: this screen's field titles, coded values
    as their labels, the domain's own actions (personal data changed / exported / erased)."""
    formatters = {k: (lambda v, t=t: c.label(t, v)) for k, t in CODED_FIELDS.items()}
    formatters["personal_fields"] = _personal_fields
    return {"formatters": formatters,
            "labels": lambda key: _field(key) if key in FIELD_TITLES else None,
            "actions": lambda action: c.label(c.ACTION, action) if action in c.ACTION else None}


class CustomerDetail(QWidget):
    """Everything about one customer; emits ``changed`` after an action that alters the grid row."""

    changed = Signal(int)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        from app.models.admin.permissions import can
        from app.models.customers import master

        self.ctx, self.master = ctx, master
        self.setObjectName("customerDetail")
        self.customer_id: int | None = None
        self.can_edit = can(ctx.database, "customers.edit")
        self.can_privacy = can(ctx.database, "customers.privacy")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("Select a customer"))
        self.title.setObjectName("customerTitle")
        self.title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.title.setWordWrap(True)
        head.addWidget(self.title, 1)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_customer)
        self.value_button = QPushButton(self.tr("Set &value class…"))
        self.value_button.setToolTip(self.tr("Set the value class by hand, with a reason"))
        self.value_button.clicked.connect(self.set_value_class)
        for b in (self.edit_button, self.value_button):
            b.setProperty("allowed", self.can_edit)
            head.addWidget(b)
        layout.addLayout(head)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("customerTabs")
        layout.addWidget(self.tabs, 1)
        self._build_basic()
        self._build_contacts()
        self._build_parts()
        self.extra_tabs: list[tuple[TabFactory, QWidget]] = []
        self.extra_holders: dict[int, QScrollArea] = {}  # id(tab widget) -> the scroll area holding it
        self._build_history()
        self._enable(False)

    # ----- tabs -----------------------------------------------------------------------------------
    def _build_basic(self) -> None:
        page = QWidget()
        columns = QHBoxLayout(page)
        left, right = QFormLayout(), QFormLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)
        self.basic: dict[str, QLineEdit] = {}
        for key in ("code", "name_zh", "name_en", "customer_type", "lifecycle", "industry", "region", "key_account",
                    "value_class", "value_class_reason", "owner_user_id", "since", "contacts", "parts"):
            form = left if key in ("code", "name_zh", "name_en", "customer_type", "lifecycle", "industry",
                                   "region") else right
            label = QLineEdit()  # read-only fields: data, selectable and copyable
            label.setObjectName(f"basic_{key}")
            label.setReadOnly(True)
            label.setFrame(False)
            label.setStyleSheet("background: transparent;")
            self.basic[key] = label
            title = {"contacts": self.tr("Contacts"), "parts": self.tr("Parts we supply")}.get(key) or _field(key)
            form.addRow(title + ":", label)
        scroll = QScrollArea()  # the splitter may leave the detail little height on a laptop
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.tabs.addTab(scroll, self.tr("Basic data"))

    def _buttons_row(self, specs) -> tuple[QHBoxLayout, list[QPushButton]]:
        row = QHBoxLayout()
        out = []
        for text, slot, allowed in specs:
            b = QPushButton(text)
            b.clicked.connect(lambda *_, s=slot: s())
            b.setEnabled(allowed)
            b.setProperty("allowed", allowed)
            row.addWidget(b)
            out.append(b)
        row.addStretch(1)
        return row, out

    def _build_contacts(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        row, (self.add_contact_button, self.edit_contact_button, self.delete_contact_button,
              self.export_contact_button, self.erase_contact_button, self.contact_history_button) = self._buttons_row([
                  (self.tr("Add…"), self.add_contact, self.can_edit),
                  (self.tr("Edit…"), self.edit_contact, self.can_edit),
                  (self.tr("Remove"), self.delete_contact, self.can_edit),
                  (self.tr("Export personal data…"), self.export_contact, self.can_privacy),
                  (self.tr("Erase on request…"), self.erase_contact, self.can_privacy),
                  (self.tr("History…"), lambda: self.show_history("contact"), True)])
        box.addLayout(row)
        self.contacts_model, self.contacts_view = _table([
            Column("name", lambda: translate("CustomerDetail", "Name")),
            Column("role", lambda: translate("CustomerDetail", "Role / title")),
            Column("phone", lambda: translate("CustomerDetail", "Phone")),
            Column("email", lambda: translate("CustomerDetail", "E-mail")),
            Column("preferred_language", lambda: translate("CustomerDetail", "Language"),
                   format=lambda v: c.label(c.LANGUAGE, v)),
            Column("active", lambda: translate("CustomerDetail", "Active"), format=lambda v: "✓" if v else ""),
            Column("groups", lambda: translate("CustomerDetail", "Groups"), format=c.groups_text),
        ], page)
        self.contacts_view.setObjectName("contactsTable")
        self.contacts_view.doubleClicked.connect(lambda *_: self.can_edit and self.edit_contact())
        box.addWidget(self.contacts_view, 1)
        self.tabs.addTab(page, self.tr("Contacts"))

    def _build_parts(self) -> None:
        page = QWidget()
        box = QVBoxLayout(page)
        row, (self.link_button, self.part_no_button, self.unlink_button, self.part_history_button) = self._buttons_row([
            (self.tr("Link part…"), self.link_part, self.can_edit),
            (self.tr("Customer part no.…"), self.edit_part_no, self.can_edit),
            (self.tr("Unlink"), self.unlink_part, self.can_edit),
            (self.tr("History…"), lambda: self.show_history("part"), True)])
        box.addLayout(row)
        name = "part_name_zh" if self.ctx.language == "zh_CN" else "part_name_en"
        self.parts_model, self.parts_view = _table([
            Column("part_code", lambda: translate("CustomerDetail", "Our part")),
            Column(name, lambda: translate("CustomerDetail", "Part name")),
            Column("customer_part_no", lambda: translate("CustomerDetail", "Customer's part number")),
            Column("suppliers", lambda: translate("CustomerDetail", "Suppliers of the part"),
                   format=lambda v: ", ".join(v) if v else ""),
        ], page)
        self.parts_view.setObjectName("partsTable")
        box.addWidget(self.parts_view, 1)
        self.tabs.addTab(page, self.tr("Parts we supply"))

    def _build_history(self) -> None:
        from app.views.admin.history import HistoryView

        # the customer record's audit trail (who, what, old → new, why) and the record "as of" a date;
        # a contact's or a linked part's history opens from its own tab ("History…")
        self.history = HistoryView(self.ctx, "customers", None, self, **history_options())
        self.history_page = self.history
        self.tabs.addTab(self.history, self.tr("History"))

    def _enable(self, on: bool) -> None:
        for b in (self.edit_button, self.value_button, self.add_contact_button, self.edit_contact_button,
                  self.delete_contact_button, self.export_contact_button, self.erase_contact_button,
                  self.link_button, self.part_no_button, self.unlink_button, self.contact_history_button,
                  self.part_history_button):
            b.setEnabled(on and bool(b.property("allowed")))

    # ----- data -------------------------------------------------------------------------------------
    def set_customer(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        self._rebuild_extra_tabs()
        self.refresh()

    def _rebuild_extra_tabs(self) -> None:
        current = self.tabs.currentIndex()
        for _factory, widget in self.extra_tabs:
            holder = self.extra_holders.pop(id(widget), widget)
            self.tabs.removeTab(self.tabs.indexOf(holder))
            holder.deleteLater()
        self.extra_tabs = []
        if self.customer_id is None:
            return
        for factory in TAB_FACTORIES:
            if not factory.available():
                continue
            widget = factory.create(self.ctx, self.customer_id)
            holder = QScrollArea()  # another domain's page inside a tab: it scrolls rather than
            holder.setWidgetResizable(True)  # push the window past a laptop screen's height
            holder.setFrameShape(QFrame.Shape.NoFrame)
            holder.setWidget(widget)
            self.extra_holders[id(widget)] = holder
            self.tabs.insertTab(self.tabs.indexOf(self.history_page), holder, factory.title())
            self.extra_tabs.append((factory, widget))
        self.tabs.setCurrentIndex(min(max(current, 0), self.tabs.count() - 1))

    def refresh(self) -> None:
        from app.models.customers.errors import NotFoundError

        if self.customer_id is None:
            self.title.setText(self.tr("Select a customer"))
            for label in self.basic.values():
                label.clear()
            for model in (self.contacts_model, self.parts_model):
                model.set_frame(pd.DataFrame(columns=[col.field for col in model.columns]))
            self.history.set_record(None)
            self._enable(False)
            return
        try:
            detail = self.master.get_customer(self.ctx.database, self.customer_id)
        except NotFoundError:
            self.customer_id = None
            self.refresh()
            return
        r = detail.row
        keep_contact, keep_part = self._contact(), self._part()
        self._enable(True)
        self.title.setText(f"{r.code}  {c.customer_name(r, self.ctx.language)}")
        values = {"code": r.code, "name_zh": r.name_zh, "name_en": r.name_en,
                  "customer_type": c.label(c.CUSTOMER_TYPE, r.customer_type),
                  "lifecycle": c.label(c.LIFECYCLE, r.lifecycle), "industry": r.industry, "region": r.region,
                  "key_account": c.label(c.YES_NO, bool(r.key_account)),
                  "value_class": c.label(c.VALUE_CLASS, r.value_class) or self.tr("(not set)"),
                  "value_class_reason": detail.value_class_reason, "owner_user_id": r.owner_name or "—",
                  "since": r.since.isoformat() if r.since else "", "contacts": str(r.contacts), "parts": str(r.parts)}
        for key, label in self.basic.items():
            label.setText(str(values.get(key, "")))
            label.setCursorPosition(0)
            label.setToolTip(label.text() if len(label.text()) > 40 else "")
        contacts = self.master.list_contacts(self.ctx.database, self.customer_id)
        self.contacts_model.set_frame(pd.DataFrame(
            [{"id": k.id, "name": k.name, "role": k.role, "phone": k.phone, "email": k.email,
              "preferred_language": k.preferred_language, "active": k.active, "groups": k.groups,
              "erased": k.erased_at is not None} for k in contacts],
            columns=["id", "name", "role", "phone", "email", "preferred_language", "active", "groups", "erased"]))
        parts = self.master.list_parts(self.ctx.database, self.customer_id)
        self.parts_model.set_frame(pd.DataFrame(
            [{"id": p.id, "part_code": p.part_code, "part_name_zh": p.part_name_zh, "part_name_en": p.part_name_en,
              "customer_part_no": p.customer_part_no, "suppliers": p.suppliers} for p in parts],
            columns=["id", "part_code", "part_name_zh", "part_name_en", "customer_part_no", "suppliers"]))
        self._reselect(self.contacts_view, self.contacts_model, keep_contact)
        self._reselect(self.parts_view, self.parts_model, keep_part)
        self.history.set_record(self.customer_id)
        for view in (self.contacts_view, self.parts_view):
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for col in range(header.count() - 1):
                header.resizeSection(col, min(max(header.sectionSize(col), 70), 320))

    @staticmethod
    def _reselect(view: QTableView, model: DataFrameTableModel, previous: pd.Series | None) -> None:
        if previous is None or not len(model.frame):
            return
        hits = model.frame.index[model.frame["id"] == previous["id"]].tolist()
        if hits:
            view.setCurrentIndex(view.model().mapFromSource(model.index(int(hits[0]), 0)))

    # ----- actions ---------------------------------------------------------------------------------
    def _after_change(self) -> None:
        self.refresh()
        if self.customer_id is not None:
            self.changed.emit(self.customer_id)

    def edit_customer(self) -> None:
        from app.views.customers.dialogs import CustomerDialog

        if self.customer_id is None:
            return
        if CustomerDialog(self.ctx, self.customer_id, self).exec() == QDialog.DialogCode.Accepted:
            self._after_change()

    def value_class_dialog(self, parent: QWidget | None = None) -> QDialog:
        from app.views.customers.dialogs import ValueClassDialog

        current = self.master.get_customer(self.ctx.database, self.customer_id).row.value_class \
            if self.customer_id is not None else None
        return ValueClassDialog(current, parent)

    def set_value_class(self, value: str | None = None, reason: str | None = None) -> bool:
        from app.views.customers.dialogs import ask_value_class

        if self.customer_id is None:
            return False
        if not ask_value_class(self.ctx, self.customer_id, self, value=value, reason=reason):
            return False
        self._after_change()
        return True

    def show_history(self, kind: str):
        """The selected contact's or linked part's history (and "as of") in a dialog; personal
        values never show: the trail holds only which personal fields changed."""
        from app.views.admin.history import open_history

        if kind == "contact":
            row, entity, what = self._contact(), "customer_contacts", self.tr("Contact")
            name = None if row is None else row.get("name")
        else:
            row, entity, what = self._part(), "customer_parts", self.tr("Part supplied")
            name = None if row is None else row.get("part_code")
        if row is None:
            QMessageBox.information(self, self.tr("History"), self.tr("Select a row first."))
            return None
        customer = self.title.text().strip()
        return open_history(self, self.ctx, entity, int(row["id"]), f"{what} {name or ''} · {customer}",
                            **history_options())

    def _contact(self) -> pd.Series | None:
        return _selected(self.contacts_view, self.contacts_model)

    def add_contact(self) -> int | None:
        from app.views.customers.dialogs import ContactDialog

        if self.customer_id is None:
            return None
        dialog = ContactDialog(self.ctx, self.customer_id, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self._after_change()
        return dialog.saved_id

    def edit_contact(self) -> None:
        from app.views.customers.dialogs import ContactDialog

        row = self._contact()
        if row is None or self.customer_id is None:
            return
        if bool(row["erased"]):
            QMessageBox.information(self, self.tr("Edit contact"),
                                    self.tr("This contact's personal data was erased on request; it cannot be edited."))
            return
        if ContactDialog(self.ctx, self.customer_id, int(row["id"]), self).exec() == QDialog.DialogCode.Accepted:
            self._after_change()

    def delete_contact(self) -> None:
        from app.views.suppliers.common import confirm

        row = self._contact()
        if row is None:
            return
        if not confirm(self, self.tr("Remove contact"),
                       self.tr("Remove the contact {name}? Records that name the contact keep their text.")
                       .replace("{name}", str(row["name"]))):
            return
        if c.attempt(self, self.ctx, self.tr("Remove contact"), self.master.delete_contact, self.ctx.database,
                     int(row["id"])) is not c.NOTHING:
            self._after_change()

    def export_contact(self, path: str | None = None) -> str | None:
        from app.models.customers import privacy

        row = self._contact()
        if row is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export personal data"), f"contact-{int(row['id'])}.json",
                                                  self.tr("JSON (*.json);;Excel workbook (*.xlsx)"))
            if not path:
                return None
        done = c.attempt(self, self.ctx, self.tr("Export personal data"), privacy.export_contact_data,
                         self.ctx.database, int(row["id"]), path, lang=self.ctx.language)
        if done is c.NOTHING:
            return None
        self.refresh()
        return path

    def erase_contact(self, reason: str | None = None) -> bool:
        from app.models.customers import privacy
        from app.views.customers.dialogs import ReasonDialog

        row = self._contact()
        if row is None:
            return False
        if reason is None:
            dialog = ReasonDialog(self.tr("Erase personal data"),
                                  self.tr("Erase the name, phone and e-mail of {name} for good? The contact stays as "
                                          "an anonymous record so complaints and history keep it. Give the request "
                                          "(e.g. its date and how it arrived) as the reason.")
                                  .replace("{name}", str(row["name"])), parent=self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dialog.text()
        if c.attempt(self, self.ctx, self.tr("Erase personal data"), privacy.erase_contact, self.ctx.database,
                     int(row["id"]), reason=reason) is c.NOTHING:
            return False
        self._after_change()
        return True

    def _part(self) -> pd.Series | None:
        return _selected(self.parts_view, self.parts_model)

    def link_part(self) -> int | None:
        from app.views.customers.dialogs import LinkPartDialog

        if self.customer_id is None:
            return None
        dialog = LinkPartDialog(self.ctx, self.customer_id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self._after_change()
        return dialog.saved_id

    def edit_part_no(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        row = self._part()
        if row is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Customer's part number"), self.tr("Customer's part number:"),
                                        text=str(row["customer_part_no"]))
        if ok and c.attempt(self, self.ctx, self.tr("Customer's part number"), self.master.update_part_link,
                            self.ctx.database, int(row["id"]), customer_part_no=text) is not c.NOTHING:
            self._after_change()

    def unlink_part(self) -> None:
        from app.views.suppliers.common import confirm

        row = self._part()
        if row is None:
            return
        if not confirm(self, self.tr("Unlink part"), self.tr("Stop listing {part} as supplied to this customer?")
                       .replace("{part}", str(row["part_code"]))):
            return
        if c.attempt(self, self.ctx, self.tr("Unlink part"), self.master.unlink_part, self.ctx.database,
                     int(row["id"])) is not c.NOTHING:
            self._after_change()
