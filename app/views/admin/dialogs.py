"""Dialogs of the Users tab: a new user, a user's roles, a new password, the reason for
(de)activating. Each calls its service itself (one transaction per user action) and shows the
service's refusal in place."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit,
                               QPlainTextEdit, QVBoxLayout, QWidget)

from app.models.admin import users
from app.models.admin.identity import AccessError
from app.models.admin.permissions import PermissionDenied
from app.models.core.database import DatabaseOpenError
from app.views.admin.signin import access_error_text


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #c0392b;")
    label.setWordWrap(True)
    return label


def _password() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _refusal(exc: Exception, language: str) -> str:
    if isinstance(exc, DatabaseOpenError):
        from app.views.core.errors import database_error_text

        return database_error_text(exc)
    if isinstance(exc, PermissionDenied):
        return exc.text(language)
    if isinstance(exc, AccessError):
        return access_error_text(exc)
    return str(exc)


class _ServiceDialog(QDialog):
    def __init__(self, db, language: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.db = db
        self.language = language
        self.error = _error_label()

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        return box

    def _call(self, fn, *args, **kwargs) -> bool:
        try:
            fn(self.db, *args, **kwargs)
        except (AccessError, PermissionDenied, DatabaseOpenError) as exc:
            self.error.setText(_refusal(exc, self.language))
            return False
        self.accept()
        return True

    def save(self) -> bool:  # pragma: no cover - every dialog overrides it
        raise RuntimeError("dialog without a save action")


def _role_boxes(dialog: QDialog, roles: Sequence, chosen: Sequence[str], language: str) -> tuple[QGroupBox, dict]:
    group = QGroupBox(QCoreApplication.translate("AdminDialogs", "Roles"))
    layout = QVBoxLayout(group)
    boxes = {}
    for role in roles:
        box = QCheckBox(role.name(language))
        box.setObjectName(f"role_{role.key}")
        box.setChecked(role.key in chosen)
        layout.addWidget(box)
        boxes[role.key] = box
    return group, boxes


class NewUserDialog(_ServiceDialog):
    def __init__(self, db, roles: Sequence, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(db, language, parent)
        self.setObjectName("newUserDialog")
        self.setWindowTitle(self.tr("New user"))
        self.setMinimumWidth(520)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("displayName")
        self.email = QLineEdit()
        self.password = _password()
        self.password.setObjectName("password")
        self.repeat = _password()
        self.repeat.setObjectName("repeat")
        self.must_change = QCheckBox(self.tr("Must change the password at the first sign-in"))
        self.must_change.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Full name:"), self.display_name)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        form.addRow("", self.must_change)
        group, self.role_boxes = _role_boxes(self, roles, ("viewer",), language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())
        self.user_id: int | None = None

    def save(self) -> bool:
        roles = [k for k, box in self.role_boxes.items() if box.isChecked()]
        if not self.display_name.text().strip():
            self.error.setText(self.tr("Enter the full name: it is what every 'who' field shows."))
            return False
        if not roles:
            self.error.setText(self.tr("Choose at least one role."))
            return False
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return False
        try:
            self.user_id = users.create_user(self.db, self.username.text().strip(), self.display_name.text(),
                                             self.password.text(), roles, email=self.email.text(),
                                             must_change_password=self.must_change.isChecked(), lang=self.language)
        except (AccessError, PermissionDenied, DatabaseOpenError) as exc:
            self.error.setText(_refusal(exc, self.language))
            return False
        self.accept()
        return True


class UserRolesDialog(_ServiceDialog):
    def __init__(self, db, user, roles: Sequence, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(db, language, parent)
        self.user = user
        self.setObjectName("userRolesDialog")
        self.setWindowTitle(self.tr("Roles of %1").replace("%1", user.display_name or user.username))
        self.setMinimumWidth(420)
        group, self.role_boxes = _role_boxes(self, roles, user.roles, language)
        layout = QVBoxLayout(self)
        layout.addWidget(group)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())

    def save(self) -> bool:
        roles = [k for k, box in self.role_boxes.items() if box.isChecked()]
        if not roles:
            self.error.setText(self.tr("Choose at least one role."))
            return False
        return self._call(users.set_user_roles, self.user.id, roles)


class ResetPasswordDialog(_ServiceDialog):
    def __init__(self, db, user, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(db, language, parent)
        self.user = user
        self.setObjectName("resetPasswordDialog")
        self.setWindowTitle(self.tr("Reset the password of %1").replace("%1", user.display_name or user.username))
        self.setMinimumWidth(460)
        note = QLabel(self.tr("The user must change this password at the next sign-in. Give it to them in person."))
        note.setWordWrap(True)
        self.password = _password()
        self.password.setObjectName("password")
        self.repeat = _password()
        self.repeat.setObjectName("repeat")
        form = QFormLayout()
        form.addRow(self.tr("New password:"), self.password)
        form.addRow(self.tr("Repeat password:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())

    def save(self) -> bool:
        if self.password.text() != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            return False
        return self._call(users.reset_password, self.user.id, self.password.text(), lang=self.language)


class ActiveDialog(_ServiceDialog):
    """Deactivate (or reactivate) a user; the reason is required and goes on the audit trail."""

    def __init__(self, db, user, language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(db, language, parent)
        self.user = user
        self.activate = not user.active
        self.setObjectName("activeDialog")
        who = user.display_name or user.username
        self.setWindowTitle(self.tr("Enable %1").replace("%1", who) if self.activate
                            else self.tr("Disable %1").replace("%1", who))
        self.setMinimumWidth(460)
        note = QLabel(self.tr("A disabled user cannot sign in; their name stays on every record they made."))
        note.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaximumHeight(90)
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self._buttons())

    def save(self) -> bool:
        return self._call(users.set_active, self.user.id, self.activate, reason=self.reason.toPlainText().strip())
