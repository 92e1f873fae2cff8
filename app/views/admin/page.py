"""The Administration module: Users, Roles (the permission matrix), Audit trail, System log
and Settings — each tab only for holders of its permission (``admin.users``, ``admin.roles``,
``admin.trail``, ``admin.settings``); the services refuse the same."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog, QFileDialog, QFormLayout, QFrame, QGridLayout, QScrollArea,
                               QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QProgressBar, QPushButton, QSpinBox, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from app.models.admin import browse, identity, trail, users
from app.models.admin.identity import AccessError, PasswordPolicy
from app.models.admin.permissions import PermissionDenied, can, catalogue
from app.models.core.database import DatabaseOpenError
from app.views.admin.dialogs import ActiveDialog, NewUserDialog, ResetPasswordDialog, UserRolesDialog, _refusal
from app.views.admin.models import ChangesModel, LogModel, PermissionMatrixModel, TrailModel, UsersModel
from app.views.core.context import AppContext

TAB_PERMISSIONS = ("admin.users", "admin.roles", "admin.trail", "admin.settings")


def may_open(db) -> bool:
    """Whether the signed-in user sees the Administration module at all."""
    return any(can(db, key) for key in TAB_PERMISSIONS)


def _table(model) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _date_edit(optional_text: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setSpecialValueText(optional_text)
    edit.setDate(edit.minimumDate())
    return edit


def _date_value(edit: QDateEdit) -> date | None:
    if edit.date() == edit.minimumDate():
        return None
    d = edit.date()
    return date(d.year(), d.month(), d.day())


# ---------------------------------------------------------------------------------------------

class UsersTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("usersTab")
        self.roles = users.list_roles(ctx.database)
        self.model = UsersModel(lambda: {r.key: r.name(ctx.language) for r in self.roles}, self)
        self.view = _table(self.model)
        self.view.setObjectName("usersTable")
        self.view.doubleClicked.connect(lambda _i: self.edit_roles())
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("New user…"), clicked=self.new_user)
        self.roles_button = QPushButton(self.tr("Roles…"), clicked=self.edit_roles)
        self.password_button = QPushButton(self.tr("Reset password…"), clicked=self.reset_password)
        self.active_button = QPushButton(self.tr("Disable…"), clicked=self.toggle_active)
        self.unlock_button = QPushButton(self.tr("Unlock"), clicked=self.unlock)
        for b in (self.new_button, self.roles_button, self.password_button, self.active_button, self.unlock_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_rows(users.list_users(self.ctx.database))
        if selected is not None:
            for row, u in enumerate(self.model.rows):
                if u.id == selected.id:
                    self.view.selectRow(row)
        self.view.resizeColumnsToContents()
        self._update_buttons()

    def selected(self):
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0]) if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for b in (self.roles_button, self.password_button, self.active_button):
            b.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None)
        self.active_button.setText(self.tr("Enable…") if user is not None and not user.active else self.tr("Disable…"))

    def _run(self, dialog: QDialog) -> bool:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            return True
        return False

    def new_user(self) -> None:
        self._run(NewUserDialog(self.ctx.database, self.roles, self.ctx.language, self))

    def edit_roles(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(UserRolesDialog(self.ctx.database, user, self.roles, self.ctx.language, self))

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(ResetPasswordDialog(self.ctx.database, user, self.ctx.language, self))

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(ActiveDialog(self.ctx.database, user, self.ctx.language, self))

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            users.unlock_user(self.ctx.database, user.id)
        except (AccessError, PermissionDenied, DatabaseOpenError) as exc:
            QMessageBox.warning(self, self.tr("Users"), _refusal(exc, self.ctx.language))
        self.refresh()


# ---------------------------------------------------------------------------------------------

class RolesTab(QWidget):
    """The role × permission matrix; the administrator's administration rights are locked."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rolesTab")
        note = QLabel(self.tr("Tick what each role may do. The services check these permissions, so the command "
                              "line and imports are held to them too. The administrator always keeps the "
                              "administration rights."))
        note.setWordWrap(True)
        self.view = QTableView()
        self.view.setObjectName("permissionMatrix")
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(False)
        self.save_button = QPushButton(self.tr("Save changes…"), clicked=self.save)
        self.save_button.setObjectName("saveMatrix")
        self.revert_button = QPushButton(self.tr("Undo changes"), clicked=self.revert)
        self.status = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.model: PermissionMatrixModel | None = None
        self.reload()

    def reload(self) -> None:
        rows = users.list_roles(self.ctx.database)
        self.model = PermissionMatrixModel(list(catalogue().values()),
                                           [(r.key, r.name(self.ctx.language)) for r in rows],
                                           {r.key: set(r.permissions) for r in rows}, self.ctx.language,
                                           locked=lambda role, key: role == "administrator" and key.startswith("admin."),
                                           parent=self)
        self.view.setModel(self.model)
        self.model.dataChanged.connect(lambda *_: self._update())
        self.model.modelReset.connect(self._update)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, self.model.columnCount()):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self._update()

    def _update(self) -> None:
        n = self.model.change_count() if self.model else 0
        self.save_button.setEnabled(n > 0)
        self.revert_button.setEnabled(n > 0)
        self.status.setText(self.tr("%1 unsaved change(s)").replace("%1", str(n)) if n else "")

    def revert(self) -> None:
        self.model.revert()

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.tr("Save permissions"), text) == QMessageBox.StandardButton.Yes

    def save(self) -> bool:
        changed = self.model.changed_roles()
        if not changed:
            return False
        names = dict(self.model.roles)
        joined = ("、" if self.ctx.language == "zh_CN" else ", ").join(names[k] for k in changed)
        text = self.tr("Save %1 change(s) to the permissions of: %2?").replace(
            "%1", str(self.model.change_count())).replace("%2", joined)
        if not self.confirm(text):
            return False
        try:
            for role, keys in changed.items():
                users.set_role_permissions(self.ctx.database, role, keys)
        except (AccessError, PermissionDenied, DatabaseOpenError) as exc:
            QMessageBox.warning(self, self.tr("Save permissions"), _refusal(exc, self.ctx.language))
            self.reload()
            return False
        self.reload()
        return True


# ---------------------------------------------------------------------------------------------

class TrailTab(QWidget):
    """The audit trail with filters, the changes of the selected entry, and the chain check."""

    LIMIT = 2000

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("trailTab")
        self.since = _date_edit(self.tr("any"))
        self.since.setObjectName("since")
        self.until = _date_edit(self.tr("any"))
        self.until.setObjectName("until")
        self.user = QComboBox()
        self.user.setObjectName("userFilter")
        self.entity = QComboBox()
        self.entity.setObjectName("entityFilter")
        self.action = QComboBox()
        self.action.setObjectName("actionFilter")
        for box in (self.user, self.entity, self.action):
            box.setMinimumContentsLength(10)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.record = QLineEdit()
        self.record.setObjectName("recordFilter")
        self.record.setPlaceholderText(self.tr("record id"))
        self.record.setMaximumWidth(120)
        self.record.returnPressed.connect(self.refresh)
        apply = QPushButton(self.tr("Filter"), clicked=self.refresh)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("From:"), self.since), (self.tr("To:"), self.until), (self.tr("User:"), self.user),
                              (self.tr("Entity:"), self.entity), (self.tr("Action:"), self.action),
                              (self.tr("Record:"), self.record)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(apply)
        filters.addStretch(1)
        self.model = TrailModel(self)
        self.view = _table(self.model)
        self.view.setObjectName("trailTable")
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.changes = ChangesModel(self)
        self.changes_view = _table(self.changes)
        self.changes_view.setObjectName("changesTable")
        header = self.changes_view.horizontalHeader()  # long values: halves of the width, full text as tooltip
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail)
        detail_layout.addWidget(self.changes_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.count = QLabel()
        self.verify_button = QPushButton(self.tr("Verify chain"), clicked=self.verify)
        self.verify_button.setObjectName("verifyChain")
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(self.verdict, 2)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.report: trail.ChainReport | None = None
        self._fill_choices()
        self.refresh()

    def _fill_choices(self) -> None:
        choices = browse.filter_choices(self.ctx.database)
        for box, name in ((self.user, "username"), (self.entity, "entity"), (self.action, "action")):
            current = box.currentData()
            box.clear()
            box.addItem(self.tr("(all)"), "")
            for value in choices[name]:
                box.addItem(value, value)
            i = box.findData(current) if current else 0
            box.setCurrentIndex(max(i, 0))

    def current_filter(self) -> browse.TrailFilter:
        return browse.TrailFilter(since=_date_value(self.since), until=_date_value(self.until),
                                  username=self.user.currentData() or "", entity=self.entity.currentData() or "",
                                  action=self.action.currentData() or "", record_id=self.record.text().strip())

    def refresh(self) -> None:
        rows, total = browse.find_entries(self.ctx.database, self.current_filter(), limit=self.LIMIT)
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if total > len(rows):
            self.count.setText(self.tr("%1 entries, the newest %2 shown").replace("%1", f"{total:,}")
                               .replace("%2", f"{len(rows):,}"))
        else:
            self.count.setText(self.tr("%1 entries").replace("%1", f"{total:,}"))
        if rows:
            self.view.selectRow(0)
        else:
            self._show_selected()

    def _show_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        entry = self.model.row_at(rows[0]) if rows else None
        if entry is None:
            self.detail.setText("")
            self.changes.set_rows([])
            return
        text = self.tr("Entry %1 — %2 %3 %4 by %5").replace("%1", str(entry.id)).replace("%2", entry.action) \
            .replace("%3", entry.entity).replace("%4", entry.record_id).replace("%5", entry.username)
        if entry.reason:
            text += "\n" + self.tr("Reason: %1").replace("%1", entry.reason)
        self.detail.setText(text)
        self.changes.set_rows(browse.change_rows(entry))

    # -- verify
    def verify(self) -> None:
        total = max(1, browse.entry_count(self.ctx.database))
        self.verify_button.setEnabled(False)
        self.verdict.setText(self.tr("Checking the hash chain…"))
        self.verdict.setStyleSheet("")
        self.progress.setValue(0)
        self.progress.show()

        def job(db, *, state):
            return trail.verify_chain(db, progress=lambda n: state.progress(n / total), batch=20_000)

        self.ctx.tasks.run(job, self.ctx.database, on_done=self._verified, on_error=self._verify_failed,
                           on_progress=lambda f, _t: self.progress.setValue(int(f * 1000)),
                           label=self.tr("Verifying the audit trail"))

    def _verified(self, report: trail.ChainReport) -> None:
        self.report = report
        self.verify_button.setEnabled(True)
        self.progress.hide()
        if report.ok:
            self.verdict.setText(self.tr("OK: %1 entries, the hash chain is unbroken.").replace("%1", f"{report.entries:,}"))
            self.verdict.setStyleSheet("color: #1e8449; font-weight: bold;")
            self.model.broken_id = None
        else:
            self.verdict.setText(self.tr("Broken: entry %1 does not match (%2). Entries from there on cannot be "
                                         "trusted.").replace("%1", str(report.first_broken_id))
                                 .replace("%2", self.problem_text(report.problem)))
            self.verdict.setStyleSheet("color: #c0392b; font-weight: bold;")
            self.model.broken_id = report.first_broken_id
            self.show_entry(report.first_broken_id)
        self.model.layoutChanged.emit()

    def problem_text(self, problem: str) -> str:
        """verify_chain's reason (English) in the interface's language."""
        if problem.startswith("its content does not match"):
            return self.tr("its content does not match its hash: it was edited")
        if problem.startswith("it does not chain"):
            return self.tr("it does not chain to the entry before it")
        if "entries are missing" in problem:
            return self.tr("entries before it are missing")
        if problem.startswith("the chain ends at"):
            return self.tr("entries at the end were removed or added outside the application")
        return problem

    def _verify_failed(self, exc: Exception, _details: str) -> None:
        self.verify_button.setEnabled(True)
        self.progress.hide()
        self.verdict.setText(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    def show_entry(self, entry_id: int | None) -> None:
        if entry_id is None:
            return
        for row, e in enumerate(self.model.rows):
            if e.id == entry_id:
                self.view.selectRow(row)
                self.view.scrollTo(self.model.index(row, 0))
                return


# ---------------------------------------------------------------------------------------------

class LogTab(QWidget):
    """The system log (app.logs' rotating files) with level, text and date filters."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("logTab")
        self.level = QComboBox()
        self.level.setObjectName("levelFilter")
        for label, value in ((self.tr("All levels"), "DEBUG"), (self.tr("Information and above"), "INFO"),
                             (self.tr("Warnings and errors"), "WARNING"), (self.tr("Errors only"), "ERROR")):
            self.level.addItem(label, value)
        self.level.setCurrentIndex(1)
        self.text = QLineEdit()
        self.text.setObjectName("textFilter")
        self.text.setPlaceholderText(self.tr("text in the message"))
        self.text.setMinimumWidth(220)
        self.text.returnPressed.connect(self.refresh)
        self.since = _date_edit(self.tr("any"))
        self.until = _date_edit(self.tr("any"))
        apply = QPushButton(self.tr("Filter"), clicked=self.refresh)
        filters = QHBoxLayout()
        for label, widget in ((self.tr("Level:"), self.level), (self.tr("Text:"), self.text),
                              (self.tr("From:"), self.since), (self.tr("To:"), self.until)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(apply)
        filters.addStretch(1)
        self.model = LogModel(self)
        self.view = _table(self.model)
        self.view.setObjectName("logTable")
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setObjectName("logDetails")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        from app.logs import log_path

        self.where = QLabel(self.tr("Log file: %1").replace("%1", str(log_path())))
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.count = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.where, 1)
        bottom.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        records = browse.read_log(min_level=self.level.currentData(), text=self.text.text(),
                                  since=_date_value(self.since), until=_date_value(self.until))
        self.model.set_rows(records)
        self.view.resizeColumnsToContents()
        self.count.setText(self.tr("%1 record(s)").replace("%1", f"{len(records):,}"))
        self._show_selected()

    def _show_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        record = self.model.row_at(rows[0]) if rows else None
        self.details.setPlainText("" if record is None else
                                  f"{record.message}\n{record.details}".rstrip())


class SignInTab(QWidget):
    """The sign-in history: sign-ins, refused attempts, lockouts, sign-outs and unlocks, with user,
    event and date filters, newest first; exported through the one CSV/xlsx writer."""

    LIMIT = 5000

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        from app.views.admin.models import LoginEventModel, login_event_label

        self.ctx = ctx
        self.setObjectName("signInTab")
        self.user = QComboBox()
        self.user.setObjectName("signInUser")
        self.user.setMinimumWidth(160)
        self.kind = QComboBox()
        self.kind.setObjectName("signInEvent")
        self.kind.addItem(self.tr("All events"), "")
        for kind in browse.LOGIN_EVENTS:
            self.kind.addItem(login_event_label(kind), kind)
        self.since = _date_edit(self.tr("any"))
        self.until = _date_edit(self.tr("any"))
        filters = QHBoxLayout()
        for label, widget in ((self.tr("User:"), self.user), (self.tr("Event:"), self.kind),
                              (self.tr("From:"), self.since), (self.tr("To:"), self.until)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(QPushButton(self.tr("Filter"), clicked=self.refresh))
        filters.addStretch(1)
        self.export_button = QPushButton(self.tr("Export…"), clicked=self.export)
        filters.addWidget(self.export_button)
        self.model = LoginEventModel(self)
        self.view = _table(self.model)
        self.view.setObjectName("signInTable")
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self._fill_users()
        for w in (self.user, self.kind):
            w.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def _fill_users(self) -> None:
        self.user.blockSignals(True)
        current = self.user.currentData()
        self.user.clear()
        self.user.addItem(self.tr("All users"), "")
        for name in browse.login_usernames(self.ctx.database):
            self.user.addItem(name, name)
        i = self.user.findData(current)
        self.user.setCurrentIndex(max(i, 0))
        self.user.blockSignals(False)

    def rows(self):
        return browse.login_events(self.ctx.database, username=self.user.currentData() or "",
                                   event=self.kind.currentData() or "", since=_date_value(self.since),
                                   until=_date_value(self.until), limit=self.LIMIT)

    def refresh(self) -> None:
        rows, total = self.rows()
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        text = self.tr("%1 event(s)").replace("%1", f"{total:,}")
        if total > len(rows):
            text += " · " + self.tr("the newest %1 shown").replace("%1", f"{len(rows):,}")
        self.count.setText(text)

    def export(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from PySide6.QtWidgets import QMessageBox

        from app.reports.tabular import write_csv, write_xlsx

        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export the sign-in history"), "sign-ins.xlsx",
                                               self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        rows, _total = browse.login_events(self.ctx.database, username=self.user.currentData() or "",
                                           event=self.kind.currentData() or "", since=_date_value(self.since),
                                           until=_date_value(self.until), limit=1_000_000)
        header = [self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(self.model.columnCount())]
        values = [[self.model.columns[c][1](r) for c in range(len(header))] for r in rows]
        writer = write_csv if path.lower().endswith(".csv") else write_xlsx
        try:
            writer(path, header, values)
        except OSError as exc:  # a locked or read-only file: say so, nothing half-written is kept
            QMessageBox.warning(self, self.tr("Export the sign-in history"),
                                self.tr("Cannot write %1 (%2).").replace("%1", path).replace("%2", exc.strerror or str(exc)))


# ---------------------------------------------------------------------------------------------

def load_signables() -> dict:
    """Every signable action: the service modules register theirs when imported, and the pages
    import them lazily, so the modules whose source registers one are imported here."""
    import importlib
    import pkgutil
    from pathlib import Path

    import app.models as models_pkg
    from app.models.admin import signatures

    for info in pkgutil.iter_modules(models_pkg.__path__):
        if not info.ispkg or info.name in ("migrations", "core"):
            continue
        folder = Path(models_pkg.__path__[0]) / info.name
        for path in sorted(folder.glob("*.py")):
            if path.stem == "__init__" or f"app.models.{info.name}.{path.stem}" == "app.models.admin.signatures":
                continue
            try:
                registers = "signatures.register(" in path.read_text(encoding="utf-8")
            except OSError:
                continue
            if registers:
                importlib.import_module(f"app.models.{info.name}.{path.stem}")
    return signatures.signables()


class SettingsTab(QWidget):
    """Mode, idle lock, lockout, password rules, backups (stored in the database: they apply to
    everyone using it)."""

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsTab")
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        self.mode.addItem(self.tr("Personal — opens as the personal user without a password"), "personal")
        self.mode.addItem(self.tr("Department — everyone signs in; the session locks when idle"), "department")
        self.personal_user = QComboBox()
        self.personal_user.setObjectName("personalUser")
        self.idle = self._spin(1, 24 * 60, self.tr(" min"), "idleMinutes")
        self.attempts = self._spin(1, 100, "", "lockoutAttempts")
        self.lock_minutes = self._spin(1, 24 * 60, self.tr(" min"), "lockoutMinutes")
        self.min_length = self._spin(4, 128, "", "minLength")
        self.need_letter = QCheckBox(self.tr("at least one letter"))
        self.need_digit = QCheckBox(self.tr("at least one digit"))
        self.need_symbol = QCheckBox(self.tr("at least one symbol"))
        self.folder = QLineEdit()
        self.folder.setObjectName("backupFolder")
        self.folder.setPlaceholderText(self.tr("beside the database, in the folder 'backups'"))
        browse_button = QPushButton(self.tr("Browse…"), clicked=self._browse)
        self.keep = self._spin(1, 1000, "", "keepBackups")
        self.on_close = QCheckBox(self.tr("Back up automatically when the database is closed"))
        self.on_close.setObjectName("backupOnClose")
        signing = QGroupBox(self.tr("Electronic signatures required on"))
        f4 = QGridLayout(signing)  # two columns under the settings: long labels stay on a laptop screen
        self.signature_boxes: dict[str, QCheckBox] = {}
        for i, (action, signable) in enumerate(sorted(load_signables().items(), key=lambda kv: kv[0])):
            box = QCheckBox(signable.label(ctx.language))
            box.setObjectName(f"sign_{action}")
            box.setToolTip(action)
            f4.addWidget(box, i // 2, i % 2)
            self.signature_boxes[action] = box

        access = QGroupBox(self.tr("Sign-in"))
        f1 = QFormLayout(access)
        f1.addRow(self.tr("Mode:"), self.mode)
        f1.addRow(self.tr("Personal user:"), self.personal_user)
        f1.addRow(self.tr("Lock the session after:"), self.idle)
        f1.addRow(self.tr("Lock an account after failed attempts:"), self.attempts)
        f1.addRow(self.tr("… for:"), self.lock_minutes)
        rules = QGroupBox(self.tr("Password rules"))
        f2 = QFormLayout(rules)
        f2.addRow(self.tr("Minimum length:"), self.min_length)
        f2.addRow("", self.need_letter)
        f2.addRow("", self.need_digit)
        f2.addRow("", self.need_symbol)
        backups = QGroupBox(self.tr("Backups"))
        f3 = QFormLayout(backups)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse_button)
        f3.addRow(self.tr("Backup folder:"), row)
        f3.addRow(self.tr("Keep the last:"), self.keep)
        f3.addRow("", self.on_close)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.saved = QLabel()
        self.save_button = QPushButton(self.tr("Save settings"), clicked=self.save)
        self.save_button.setObjectName("saveSettings")
        self.mode.currentIndexChanged.connect(self._mode_changed)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(access)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(backups)
        right.addWidget(rules)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.saved)
        buttons.addWidget(self.save_button)
        # the settings scroll (each domain may add signable actions); Save stays in view
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.addLayout(columns, 1)
        if self.signature_boxes:
            layout.addWidget(signing)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        self.load()

    @staticmethod
    def _spin(low: int, high: int, suffix: str, name: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.setObjectName(name)
        return spin

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _mode_changed(self) -> None:
        self.personal_user.setEnabled(self.mode.currentData() == "personal")

    def load(self) -> None:
        s = identity.current_settings(self.ctx.database)
        self.mode.setCurrentIndex(max(0, self.mode.findData(s.mode)))
        self.personal_user.clear()
        for u in users.list_users(self.ctx.database):
            if u.active:
                self.personal_user.addItem(f"{u.display_name} ({u.username})" if u.display_name else u.username,
                                           u.username)
        self.personal_user.setCurrentIndex(max(0, self.personal_user.findData(s.personal_user)))
        self.idle.setValue(s.idle_lock_minutes)
        self.attempts.setValue(s.lockout_attempts)
        self.lock_minutes.setValue(s.lockout_minutes)
        self.min_length.setValue(s.policy.min_length)
        self.need_letter.setChecked(s.policy.require_letter)
        self.need_digit.setChecked(s.policy.require_digit)
        self.need_symbol.setChecked(s.policy.require_symbol)
        self.folder.setText(s.backup_folder)
        self.keep.setValue(s.keep_backups)
        self.on_close.setChecked(s.backup_on_close)
        required = self.required_signatures()
        for action, box in self.signature_boxes.items():
            box.setChecked(action in required)
        self._mode_changed()

    def required_signatures(self) -> set[str]:
        from app.models.admin import signatures

        with self.ctx.database.read() as session:
            return set(signatures.required_actions(session))

    def values(self) -> dict:
        return {
            "mode": self.mode.currentData(), "personal_user": self.personal_user.currentData() or "",
            "idle_lock_minutes": self.idle.value(), "lockout_attempts": self.attempts.value(),
            "lockout_minutes": self.lock_minutes.value(),
            "policy": PasswordPolicy(self.min_length.value(), self.need_letter.isChecked(),
                                     self.need_digit.isChecked(), self.need_symbol.isChecked()),
            "backup_folder": self.folder.text().strip(), "keep_backups": self.keep.value(),
            "backup_on_close": self.on_close.isChecked(),
        }

    def save(self) -> bool:
        self.error.setText("")
        self.saved.setText("")
        try:
            users.update_settings(self.ctx.database, **self.values())
            chosen = {a for a, box in self.signature_boxes.items() if box.isChecked()}
            if self.signature_boxes and chosen != self.required_signatures():
                from app.models.admin import signatures

                signatures.set_required_actions(self.ctx.database, chosen)
        except (AccessError, PermissionDenied, DatabaseOpenError) as exc:
            self.error.setText(_refusal(exc, self.ctx.language))
            return False
        self.saved.setText(self.tr("Saved. A change of mode applies the next time the database is opened."))
        self.load()
        return True


# ---------------------------------------------------------------------------------------------

class AdminPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("adminPage")
        db = ctx.database
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        if can(db, "admin.users"):
            self.users = UsersTab(ctx)
            self.tabs.addTab(self.users, self.tr("Users"))
        if can(db, "admin.roles"):
            self.roles = RolesTab(ctx)
            self.tabs.addTab(self.roles, self.tr("Roles and permissions"))
        if can(db, "admin.trail"):
            self.trail = TrailTab(ctx)
            self.tabs.addTab(self.trail, self.tr("Audit trail"))
            self.signins = SignInTab(ctx)
            self.tabs.addTab(self.signins, self.tr("Sign-in history"))
            self.log = LogTab(ctx)
            self.tabs.addTab(self.log, self.tr("System log"))
        if can(db, "admin.settings"):
            self.settings = SettingsTab(ctx)
            self.tabs.addTab(self.settings, self.tr("Settings"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.tabs.count():
            layout.addWidget(self.tabs)
        else:
            refusal = PermissionDenied("admin.users", getattr(db.actor, "username", "") if db.actor else "")
            label = QLabel(refusal.text(ctx.language))
            label.setObjectName("refusal")
            label.setWordWrap(True)
            layout.addWidget(label)
            layout.addStretch(1)
            self.tabs.hide()


PAGE_SIZE = (1280, 720)


def screenshots(ctx: AppContext) -> list[tuple[str, QWidget]]:
    """Every tab as the content of a 1280×800 laptop window (PAGE_SIZE: what is left beside the
    navigation, under the menu and above the status bar; it also fits 1366×768), the user dialogs
    and the sign-in dialogs (for ``qualitybridge screenshots``)."""
    from app.views.admin.signin import FirstRunDialog, LoginDialog, UnlockDialog

    shots: list[tuple[str, QWidget]] = []
    page = AdminPage(ctx)
    page.resize(*PAGE_SIZE)
    for i in range(page.tabs.count()):
        tab_page = AdminPage(ctx)
        tab_page.resize(*PAGE_SIZE)
        tab_page.tabs.setCurrentIndex(i)
        shots.append((tab_page.tabs.widget(i).objectName(), tab_page))
    page.deleteLater()
    db = ctx.database
    roles = users.list_roles(db)
    some = next((u for u in users.list_users(db) if u.username != "admin"), None)
    shots.append(("new-user", NewUserDialog(db, roles, ctx.language)))
    if some is not None:
        shots.append(("user-roles", UserRolesDialog(db, some, roles, ctx.language)))
        shots.append(("reset-password", ResetPasswordDialog(db, some, ctx.language)))
        shots.append(("disable-user", ActiveDialog(db, some, ctx.language)))
    from app.views.admin.signin import access_error_text

    login = LoginDialog(db, username="li.sqe")
    login.error.setText(access_error_text(AccessError("wrong user name or password", "bad_credentials")))
    shots.append(("login", login))
    shots.append(("first-run", FirstRunDialog(db, ctx.language)))
    if db.actor is not None and db.actor.user_id is not None:
        shots.append(("unlock", UnlockDialog(db)))
        from app.views.admin.signin import ChangePasswordDialog

        shots.append(("change-password", ChangePasswordDialog(db, ctx.language, forced=True)))
    if db.path is not None:
        from app.views.admin.backup import RestoreDialog

        shots.append(("restore", RestoreDialog(db, db.path.with_name(f"{db.path.stem}-backup.sqlite3"),
                                               ("0006_admin",))))
    return shots
