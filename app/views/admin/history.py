"""A record's history from the audit trail: who changed what, when, old → new, and why; and the
record "as of" a chosen date (``trail.history`` / ``trail.as_of``). Generic: any audited table and
record id; a screen may pass formatters so coded values (a status) read as its labels."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (QDateEdit, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

CTX = "Trail"

TAB_TITLE = QT_TRANSLATE_NOOP("Trail", "History")

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("Trail", "created"),
    "update": QT_TRANSLATE_NOOP("Trail", "changed"),
    "delete": QT_TRANSLATE_NOOP("Trail", "deleted"),
    "sign": QT_TRANSLATE_NOOP("Trail", "signed"),
    "import": QT_TRANSLATE_NOOP("Trail", "imported"),
    "evaluate": QT_TRANSLATE_NOOP("Trail", "evaluated"),
    "settings": QT_TRANSLATE_NOOP("Trail", "settings changed"),
    "restore": QT_TRANSLATE_NOOP("Trail", "restored"),
}

#: Column names the trail records, as people call them (shared by the supplier records).
FIELDS = {
    "id": QT_TRANSLATE_NOOP("Trail", "Id"),
    "code": QT_TRANSLATE_NOOP("Trail", "Code"),
    "name_zh": QT_TRANSLATE_NOOP("Trail", "Chinese name"),
    "name_en": QT_TRANSLATE_NOOP("Trail", "English name"),
    "category": QT_TRANSLATE_NOOP("Trail", "Category"),
    "importance_class": QT_TRANSLATE_NOOP("Trail", "Importance class"),
    "relationship": QT_TRANSLATE_NOOP("Trail", "Relationship"),
    "status": QT_TRANSLATE_NOOP("Trail", "Status"),
    "approval_valid_until": QT_TRANSLATE_NOOP("Trail", "Approval valid until"),
    "address": QT_TRANSLATE_NOOP("Trail", "Address"),
    "city": QT_TRANSLATE_NOOP("Trail", "City"),
    "country": QT_TRANSLATE_NOOP("Trail", "Country"),
    "notes": QT_TRANSLATE_NOOP("Trail", "Notes"),
    "created_at": QT_TRANSLATE_NOOP("Trail", "Created at"),
    "supplier_id": QT_TRANSLATE_NOOP("Trail", "Supplier"),
    "number": QT_TRANSLATE_NOOP("Trail", "Number"),
    "title": QT_TRANSLATE_NOOP("Trail", "Title"),
    "description": QT_TRANSLATE_NOOP("Trail", "Description"),
    "source": QT_TRANSLATE_NOOP("Trail", "Source"),
    "issued_on": QT_TRANSLATE_NOOP("Trail", "Issued on"),
    "due_on": QT_TRANSLATE_NOOP("Trail", "Due on"),
    "answered_on": QT_TRANSLATE_NOOP("Trail", "Answered on"),
    "closed_on": QT_TRANSLATE_NOOP("Trail", "Closed on"),
    "owner": QT_TRANSLATE_NOOP("Trail", "Owner"),
    "audit_id": QT_TRANSLATE_NOOP("Trail", "Audit"),
    "finding_id": QT_TRANSLATE_NOOP("Trail", "Finding"),
    "method": QT_TRANSLATE_NOOP("Trail", "Method"),
    "eight_d_json": QT_TRANSLATE_NOOP("Trail", "8D"),
    "verification": QT_TRANSLATE_NOOP("Trail", "Verification"),
    "verified_by": QT_TRANSLATE_NOOP("Trail", "Verified by"),
    "verified_on": QT_TRANSLATE_NOOP("Trail", "Verified on"),
    "closed_by": QT_TRANSLATE_NOOP("Trail", "Closed by"),
    "cancel_reason": QT_TRANSLATE_NOOP("Trail", "Reason for cancelling"),
    "meaning": QT_TRANSLATE_NOOP("Trail", "Meaning"),
    "action": QT_TRANSLATE_NOOP("Trail", "Signed action"),
    "content_sha256": QT_TRANSLATE_NOOP("Trail", "Content hash"),
    "signature_id": QT_TRANSLATE_NOOP("Trail", "Signature"),
    # contacts and certificates
    "name": QT_TRANSLATE_NOOP("Trail", "Name"),
    "role": QT_TRANSLATE_NOOP("Trail", "Role"),
    "phone": QT_TRANSLATE_NOOP("Trail", "Phone"),
    "email": QT_TRANSLATE_NOOP("Trail", "E-mail"),
    "is_primary": QT_TRANSLATE_NOOP("Trail", "Primary contact"),
    "standard": QT_TRANSLATE_NOOP("Trail", "Standard"),
    "body": QT_TRANSLATE_NOOP("Trail", "Certification body"),
    "expires_on": QT_TRANSLATE_NOOP("Trail", "Expires on"),
    # surveys and audits
    "survey_date": QT_TRANSLATE_NOOP("Trail", "Survey date"),
    "supplier_name": QT_TRANSLATE_NOOP("Trail", "Supplier name"),
    "definition_key": QT_TRANSLATE_NOOP("Trail", "Questionnaire"),
    "definition_version": QT_TRANSLATE_NOOP("Trail", "Questionnaire version"),
    "state_json": QT_TRANSLATE_NOOP("Trail", "Answers"),
    "percent": QT_TRANSLATE_NOOP("Trail", "Score"),
    "recommendation": QT_TRANSLATE_NOOP("Trail", "Recommendation"),
    "section_scores_json": QT_TRANSLATE_NOOP("Trail", "Section scores"),
    "created_by": QT_TRANSLATE_NOOP("Trail", "Created by"),
    "updated_at": QT_TRANSLATE_NOOP("Trail", "Last change"),
    "submitted_at": QT_TRANSLATE_NOOP("Trail", "Submitted at"),
    "submitted_by": QT_TRANSLATE_NOOP("Trail", "Submitted by"),
    "template_key": QT_TRANSLATE_NOOP("Trail", "Checklist"),
    "audit_type": QT_TRANSLATE_NOOP("Trail", "Audit type"),
    "occasion": QT_TRANSLATE_NOOP("Trail", "Occasion"),
    "auditors": QT_TRANSLATE_NOOP("Trail", "Auditors"),
    "audit_date": QT_TRANSLATE_NOOP("Trail", "Audit date"),
    "scope": QT_TRANSLATE_NOOP("Trail", "Scope"),
    "result": QT_TRANSLATE_NOOP("Trail", "Result"),
    "result_reason": QT_TRANSLATE_NOOP("Trail", "Basis of the result"),
    "thresholds_json": QT_TRANSLATE_NOOP("Trail", "Thresholds"),
    "completed_at": QT_TRANSLATE_NOOP("Trail", "Completed at"),
    "completed_by": QT_TRANSLATE_NOOP("Trail", "Completed by"),
    # restore (written on the restored database after it is reopened)
    "file": QT_TRANSLATE_NOOP("Trail", "File"),
    "sha256": QT_TRANSLATE_NOOP("Trail", "SHA-256"),
}

#: Reasons the services write themselves (a person's reason is shown as typed).
REASONS = {
    "created": QT_TRANSLATE_NOOP("Trail", "created"),
    "approval flow started": QT_TRANSLATE_NOOP("Trail", "approval flow started"),
    "approval approved": QT_TRANSLATE_NOOP("Trail", "approval flow: approved"),
    "approval conditional": QT_TRANSLATE_NOOP("Trail", "approval flow: conditionally approved"),
    "approval rejected": QT_TRANSLATE_NOOP("Trail", "approval flow: rejected"),
}
PREFIXES = {
    "approval rejected: ": QT_TRANSLATE_NOOP("Trail", "approval flow: rejected: %1"),
    "approval conditional: ": QT_TRANSLATE_NOOP("Trail", "approval flow: conditionally approved: %1"),
    "approval approved: ": QT_TRANSLATE_NOOP("Trail", "approval flow: approved: %1"),
    "duplicated from ": QT_TRANSLATE_NOOP("Trail", "duplicated from %1"),
    "imported from ": QT_TRANSLATE_NOOP("Trail", "imported from %1"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def tab_title() -> str:
    return _tr(TAB_TITLE)


def field_label(key: str) -> str:
    return _tr(FIELDS[key]) if key in FIELDS else key.replace("_", " ")


def action_label(action: str) -> str:
    return _tr(ACTIONS[action]) if action in ACTIONS else action


def reason_text(reason: str) -> str:
    if reason in REASONS:
        return _tr(REASONS[reason])
    for prefix, text in PREFIXES.items():
        if reason.startswith(prefix):
            return _tr(text).replace("%1", reason[len(prefix):])
    return reason


def value_text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if len(text) >= 19 and text[4] == "-" and text[10] in "T ":  # an ISO timestamp: minutes are enough
        return text[:16].replace("T", " ")
    return text


def change_rows(entry, formatters: dict[str, Callable[[Any], str]] | None = None,
                labels: Callable[[str], str | None] | None = None) -> list[tuple[str, str, str]]:
    """(field, old, new) rows for one trail entry; a creation lists the values it started with."""
    fmt = formatters or {}

    def label(key):  # the screen's own title first
        return (labels(key) if labels else None) or field_label(key)

    def shown(key, value):
        return fmt[key](value) if key in fmt and value not in (None, "") else value_text(value)

    changes = entry.changes or {}
    if entry.action == "update":
        return [(label(k), shown(k, v[0]), shown(k, v[1])) for k, v in changes.items()
                if isinstance(v, list) and len(v) == 2]
    if entry.action == "sign":
        from app.views.admin.signature import MEANINGS

        meaning = changes.get("meaning", "")
        return [(label("meaning"), "", _tr(MEANINGS.get(meaning, meaning))),
                (label("content_sha256"), "", str(changes.get("content_sha256", ""))[:16] + "…")]
    if entry.action == "create":
        return [(label(k), "", shown(k, v)) for k, v in changes.items() if v not in (None, "") and k != "id"]
    if entry.action == "delete":
        return [(label(k), shown(k, v), "") for k, v in changes.items() if v not in (None, "") and k != "id"]
    if entry.action == "restore":  # the backup file it came from and its SHA-256
        return [(label(k), "", value_text(changes[k])) for k in ("file", "sha256") if k in changes]
    if entry.action not in ACTIONS and isinstance(changes, dict) and changes:  # a domain's own action
        return [(label(k), "", shown(k, v)) for k, v in changes.items()]
    return [("", "", value_text(changes))]


def _display_names(db, usernames: set[str]) -> dict[str, str]:
    """The people behind the trail's user names (the trail stores the stable user name)."""
    from sqlalchemy import select

    from app.models.admin.tables import User

    wanted = sorted(u for u in usernames if u and not u.startswith("system:"))
    if not wanted:
        return {}
    with db.read() as s:
        return {u: d or u for u, d in s.execute(select(User.username, User.display_name).where(User.username.in_(wanted)))}


def eight_d_text(value: Any) -> str:
    """The 8D disciplines of a corrective action as "D2 … · D4 …" instead of their JSON."""
    try:
        data = json.loads(value) if isinstance(value, str) else dict(value)
    except (TypeError, ValueError):
        return value_text(value)
    return " · ".join(f"{k} {v}" for k, v in sorted(data.items()) if v) or "—"


class HistoryView(QWidget):
    """History of one record (newest first) and, beside it, the record as of a chosen date."""

    COLUMNS = (QT_TRANSLATE_NOOP("Trail", "When (UTC)"), QT_TRANSLATE_NOOP("Trail", "Who"),
               QT_TRANSLATE_NOOP("Trail", "What"), QT_TRANSLATE_NOOP("Trail", "Field"),
               QT_TRANSLATE_NOOP("Trail", "Old value"), QT_TRANSLATE_NOOP("Trail", "New value"),
               QT_TRANSLATE_NOOP("Trail", "Reason"))

    def __init__(self, ctx, entity: str, record_id=None, parent: QWidget | None = None, *,
                 formatters: dict[str, Callable[[Any], str]] | None = None,
                 labels: Callable[[str], str | None] | None = None,
                 actions: Callable[[str], str | None] | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.entity, self.record_id = ctx, entity, record_id
        self.actions = actions  # a domain's own action names (None → the trail's)
        self.formatters = formatters or {}
        self.labels = labels  # a screen's own field titles (None → the trail's shared ones)
        self.entries = []
        self.setObjectName("historyView")
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([_tr(t) for t in self.COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col, width in enumerate((125, 130, 70, 120, 130, 130)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(self.table)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("Trail", "As of:")))
        self.as_of_date = QDateEdit(QDate.currentDate())
        self.as_of_date.setObjectName("historyAsOf")
        self.as_of_date.setCalendarPopup(True)
        self.as_of_date.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(self.as_of_date, 1)
        self.as_of_button = QPushButton(QCoreApplication.translate("Trail", "Show"))
        self.as_of_button.clicked.connect(lambda: self.show_as_of())
        bar.addWidget(self.as_of_button)
        side_layout.addLayout(bar)
        self.as_of_state = QLabel()
        self.as_of_state.setObjectName("historyAsOfState")
        self.as_of_state.setWordWrap(True)
        side_layout.addWidget(self.as_of_state)
        self.as_of_table = QTableWidget(0, 2)
        self.as_of_table.setObjectName("historyAsOfTable")
        self.as_of_table.setHorizontalHeaderLabels([QCoreApplication.translate("Trail", "Field"), QCoreApplication.translate("Trail", "Value")])
        self.as_of_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.as_of_table.verticalHeader().setVisible(False)
        self.as_of_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.as_of_table.setColumnWidth(0, 130)
        side_layout.addWidget(self.as_of_table, 1)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        self.refresh()

    def set_record(self, record_id) -> None:
        self.record_id = record_id
        self.refresh()

    def refresh(self) -> None:
        from app.models.admin import trail

        self.entries = [] if self.record_id is None else trail.history(self.ctx.database, self.entity, self.record_id)
        names = _display_names(self.ctx.database, {e.username for e in self.entries})
        rows = []
        for e in reversed(self.entries):  # newest first
            when = f"{e.at:%Y-%m-%d %H:%M:%S}" if isinstance(e.at, datetime) else str(e.at)[:19]
            who = e.username.split(":", 1)[-1] if e.username.startswith("system:") else names.get(e.username, e.username)
            changes = change_rows(e, self.formatters, self.labels) or [("", "", "")]
            for i, (field, old, new) in enumerate(changes):
                what = ((self.actions(e.action) if self.actions else None) or action_label(e.action)) if i == 0 else ""
                rows.append((when if i == 0 else "", who if i == 0 else "", what,
                             field, old, new, reason_text(e.reason) if i == 0 else ""))
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, col, item)
        self.as_of_table.setRowCount(0)
        self.as_of_state.clear()

    def show_as_of(self, day=None) -> dict | None:
        """The record as it was at the end of ``day`` (default: the date picker's), in UTC."""
        from app.models.admin import trail

        if self.record_id is None:
            return None
        if day is None:
            q = self.as_of_date.date()
            from datetime import date

            day = date(q.year(), q.month(), q.day())
        when = datetime.combine(day, time.min) + timedelta(days=1)
        state = trail.as_of(self.ctx.database, self.entity, self.record_id, when)
        if state is None:
            self.as_of_state.setText(QCoreApplication.translate("Trail", "The record did not exist on %1.").replace("%1", f"{day:%Y-%m-%d}"))
            self.as_of_table.setRowCount(0)
            return None
        self.as_of_state.setText(QCoreApplication.translate("Trail", "The record at the end of %1 (UTC):").replace("%1", f"{day:%Y-%m-%d}"))
        shown = [(k, v) for k, v in state.items() if k not in ("id",)]
        self.as_of_table.setRowCount(len(shown))
        for r, (key, value) in enumerate(shown):
            self.as_of_table.setItem(r, 0, QTableWidgetItem((self.labels(key) if self.labels else None) or field_label(key)))
            text = self.formatters[key](value) if key in self.formatters and value not in (None, "") else value_text(value)
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            self.as_of_table.setItem(r, 1, item)
        return state


class HistoryDialog(QDialog):
    """A record's history and "as of" view in a dialog of its own (a contact, a certificate, an
    audit…: records shown as table rows that have no detail page of their own)."""

    def __init__(self, ctx, entity: str, record_id, title: str, parent: QWidget | None = None, *,
                 formatters: dict[str, Callable[[Any], str]] | None = None,
                 labels: Callable[[str], str | None] | None = None,
                 actions: Callable[[str], str | None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(QCoreApplication.translate("Trail", "History: %1").replace("%1", title))
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setStyleSheet("font-weight: 600;")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.history = HistoryView(ctx, entity, record_id, self, formatters=formatters, labels=labels, actions=actions)
        layout.addWidget(self.history, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 600)  # fits a 1280×800 laptop screen with the window frame


def open_history(parent: QWidget, ctx, entity: str, record_id, title: str, **kw) -> HistoryDialog:
    """Open (window-modal, without blocking the caller) the history dialog of one record."""
    dialog = HistoryDialog(ctx, entity, record_id, title, parent, **kw)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
