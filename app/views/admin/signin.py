"""Signing in to a database from the GUI.

* personal mode: the window opens as the database's personal user, no prompt;
* department mode: :class:`LoginDialog` (user name and password; a locked account says until when);
* a new database without users: :class:`FirstRunDialog` creates the administrator and chooses the mode;
* :class:`IdleLock`: in department mode the window hides its content after the configured idle
  minutes until the signed-in user enters the password again (:class:`UnlockDialog`).

No password is ever logged: the system log records who signed in (the user id) and why a sign-in
was refused (its code), nothing typed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QMainWindow, QVBoxLayout, QWidget)

from app.logs import get_logger
from app.models.admin import identity
from app.models.admin.identity import AccessError
from app.models.core.database import DatabaseOpenError

log = get_logger("admin")


def access_error_text(exc: AccessError) -> str:
    """An AccessError in the interface's language (the model's texts are English)."""
    if exc.code == "bad_credentials":
        return QCoreApplication.translate("SignIn", "Wrong user name or password.")
    if exc.code == "locked":
        until = exc.params.get("until")
        if until is not None:
            return QCoreApplication.translate("SignIn", "The account is locked until %1 (UTC) after too many failed attempts.").replace(
                "%1", f"{until:%H:%M}")
        return QCoreApplication.translate("SignIn", "The account is locked after too many failed attempts.")
    if exc.code == "no_user":
        return QCoreApplication.translate("SignIn", "No user is set up for this database.")
    if exc.code == "department":
        return QCoreApplication.translate("SignIn", "This database is in department mode: sign in with your password.")
    if exc.code == "last_admin":
        return QCoreApplication.translate("SignIn", "This is the last active administrator; make someone else administrator first.")
    if exc.code == "self":
        return QCoreApplication.translate("SignIn", "You cannot deactivate your own account.")
    if exc.code == "reason_required":
        return QCoreApplication.translate("SignIn", "Say why the account is deactivated or activated again.")
    if exc.code == "admin_essential":
        return QCoreApplication.translate("SignIn", "The administrator role keeps 'Manage users' and 'Edit role permissions'.")
    return str(exc)


def _database_text(exc: DatabaseOpenError) -> str:
    from app.views.core.errors import database_error_text

    return database_error_text(exc)


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    return label


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(QDialog):
    """Department mode: user name and password. ``sign_in`` counts failures and locks the account."""

    def __init__(self, db, parent: QWidget | None = None, *, username: str = "",
                 now: Callable | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._now = now
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Sign in to QualityBridge"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("Database: %1").replace("%1", db.display_name))
        intro.setWordWrap(True)
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = _password_edit()
        self.password.setObjectName("password")
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        self.error = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()
        self.actor = None

    def try_sign_in(self) -> bool:
        username = self.username.text().strip()
        if not username:
            self.error.setText(self.tr("Enter your user name."))
            return False
        try:
            kwargs = {"now": self._now()} if self._now else {}
            self.actor = identity.sign_in(self.db, username, self.password.text(), **kwargs)
        except DatabaseOpenError as exc:  # busy, or the file went away: nothing was changed
            self.error.setText(_database_text(exc))
            return False
        except AccessError as exc:
            log.info("sign-in refused (%s)", exc.code)
            self.error.setText(access_error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        log.info("signed in: user #%s", self.actor.user_id)
        self.accept()
        return True


class FirstRunDialog(QDialog):
    """A new database without users: create the administrator and choose the mode."""

    def __init__(self, db, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.language = language
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to QualityBridge"))
        self.setMinimumWidth(560)
        policy = identity.current_settings(db).policy
        intro = QLabel(self.tr("This database has no users yet. Create the administrator: the person who "
                               "manages users, roles and settings. You can add the others afterwards "
                               "(Administration → Users)."))
        intro.setWordWrap(True)
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("letters, digits, . _ -"))
        self.password = _password_edit()
        self.password.setObjectName("password")
        self.repeat = _password_edit()
        self.repeat.setObjectName("repeat")
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        self.mode.addItem(self.tr("Personal — this computer only, opens without a password"), "personal")
        self.mode.addItem(self.tr("Department — shared database, everyone signs in"), "department")
        rules = QLabel(self.tr("Password rules: %1").replace("%1", "; ".join(policy.problems("", language))
                                                           if policy.problems("", language) else "-"))
        rules.setObjectName("rules")
        rules.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Full name:"), self.display_name)
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        form.addRow("", rules)
        form.addRow(self.tr("Mode:"), self.mode)
        self.error = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create administrator"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.actor = None

    def create(self) -> bool:
        name = self.display_name.text().strip()
        if not name:
            self.error.setText(self.tr("Enter the administrator's full name."))
            return False
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return False
        try:
            self.actor = identity.create_first_administrator(self.db, self.username.text().strip(), name,
                                                             self.password.text(), mode=self.mode.currentData(),
                                                             lang=self.language)
        except DatabaseOpenError as exc:  # busy, or the file went away: nothing was changed
            self.error.setText(_database_text(exc))
            return False
        except AccessError as exc:
            self.error.setText(access_error_text(exc))
            return False
        log.info("first start: administrator user #%s created, %s mode", self.actor.user_id, self.mode.currentData())
        self.accept()
        return True


class UnlockDialog(QDialog):
    """The idle lock: the signed-in user's password again (failures count toward the lockout)."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("QualityBridge is locked"))
        self.setMinimumWidth(420)
        actor = db.actor
        text = QLabel(self.tr("The session was locked after a period without use. Enter the password of %1 "
                              "to continue.").replace("%1", actor.name if actor else "-"))
        text.setWordWrap(True)
        self.password = _password_edit()
        self.password.setObjectName("password")
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.password)
        self.error = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Quit"))
        buttons.accepted.connect(self.try_unlock)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_unlock(self) -> bool:
        try:
            identity.confirm_password(self.db, self.password.text(), purpose="unlock")
        except DatabaseOpenError as exc:  # busy, or the file went away: nothing was changed
            self.error.setText(_database_text(exc))
            return False
        except AccessError as exc:
            log.info("unlock refused (%s)", exc.code)
            self.error.setText(access_error_text(exc))
            self.password.clear()
            return False
        log.info("unlocked: user #%s", self.db.actor.user_id)
        self.accept()
        return True


class ChangePasswordDialog(QDialog):
    """The signed-in user's own password: the current one, the new one twice. ``forced`` after
    an administrator's reset (the login is not complete until it is changed)."""

    def __init__(self, db, language: str = "en", parent: QWidget | None = None, *, forced: bool = False) -> None:
        super().__init__(parent)
        self.db = db
        self.language = language
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change your password"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        if forced:
            note = QLabel(self.tr("An administrator set your password. Choose a new one to continue."))
            note.setWordWrap(True)
            layout.addWidget(note)
        self.current = _password_edit()
        self.current.setObjectName("current")
        self.new = _password_edit()
        self.new.setObjectName("new")
        self.repeat = _password_edit()
        self.repeat.setObjectName("repeat")
        form = QFormLayout()
        form.addRow(self.tr("Current password:"), self.current)
        form.addRow(self.tr("New password:"), self.new)
        form.addRow(self.tr("Repeat new password:"), self.repeat)
        self.error = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def change(self) -> bool:
        from app.models.admin import users

        if self.new.text() != self.repeat.text():
            self.error.setText(self.tr("The two new passwords differ."))
            return False
        try:
            users.change_own_password(self.db, self.current.text(), self.new.text(), lang=self.language)
        except DatabaseOpenError as exc:  # busy, or the file went away: nothing was changed
            self.error.setText(_database_text(exc))
            return False
        except AccessError as exc:
            self.error.setText(access_error_text(exc) if exc.code != "bad_credentials"
                               else self.tr("The current password is wrong."))
            return False
        log.info("password changed: user #%s", self.db.actor.user_id)
        self.accept()
        return True


def ensure_signed_in(db, parent: QWidget | None = None, language: str = "en") -> bool:
    """Make sure ``db`` has an actor before a window shows it: already signed in (tests, a
    reopened database), the personal user, a login, or the first-run dialog. False = cancelled."""
    if getattr(db, "actor", None) is not None:
        return True
    if identity.user_count(db) == 0:
        return FirstRunDialog(db, language, parent).exec() == QDialog.DialogCode.Accepted
    settings = identity.current_settings(db)
    if settings.mode == "personal":
        try:
            actor = identity.sign_in_personal(db)  # a busy database raises: the controller offers Retry
        except AccessError as exc:
            log.warning("personal sign-in failed (%s); asking for a login", exc.code)
        else:
            log.info("signed in (personal mode): user #%s", actor.user_id)
            return True
    if LoginDialog(db, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    from app.models.admin.browse import must_change_password

    if must_change_password(db) and ChangePasswordDialog(db, language, parent, forced=True).exec() \
            != QDialog.DialogCode.Accepted:
        identity.sign_out(db)
        return False
    return True


class IdleLock(QObject):
    """Department mode: after ``minutes`` without keyboard or mouse input the window's content
    is hidden and :class:`UnlockDialog` asks for the password; Quit closes the window.

    ``clock`` (seconds, monotonic) is injectable and :meth:`check` public, so tests need not wait."""

    INPUT_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel)

    def __init__(self, window: QMainWindow, db, minutes: int, *, clock: Callable[[], float] = time.monotonic,
                 interval_ms: int = 15_000, dialog_factory: Callable | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.seconds = max(1, int(minutes)) * 60
        self.clock = clock
        self.last_input = clock()
        self.locked = False
        self.dialog_factory = dialog_factory or (lambda: UnlockDialog(self.db, self.window))
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        window.destroyed.connect(self._remove_filter)

    def _remove_filter(self, *_args) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if not self.locked and event.type() in self.INPUT_EVENTS:
            self.last_input = self.clock()
        return False

    def check(self) -> None:
        if not self.locked and self.clock() - self.last_input >= self.seconds:
            self.lock()

    def lock(self) -> None:
        self.locked = True
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        self.window.menuBar().setEnabled(False)
        log.info("session locked after %s minutes without use", self.seconds // 60)
        dialog = self.dialog_factory()
        self.dialog = dialog
        dialog.finished.connect(self._finished)
        dialog.open()

    def _finished(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.unlock()
        else:
            self.window.close()

    def unlock(self) -> None:
        self.locked = False
        self.last_input = self.clock()
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        self.window.menuBar().setEnabled(True)


def install_idle_lock(window: QMainWindow, db) -> IdleLock | None:
    """The idle lock for a department-mode database with a signed-in user (None otherwise)."""
    actor = getattr(db, "actor", None)
    if actor is None or actor.system or actor.user_id is None:
        return None
    settings = identity.current_settings(db)
    if settings.mode != "department":
        return None
    return IdleLock(window, db, settings.idle_lock_minutes)
