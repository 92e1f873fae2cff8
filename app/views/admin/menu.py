"""What the administration domain adds to the main window's File menu: Backup now…, Restore…
(``app.views.admin.backup``) and Change my password… (any signed-in user)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog

from app.views.admin.backup import BackupActions


class AdminMenuActions:
    def __init__(self, window, menu) -> None:
        self.window = window
        self.backup = BackupActions(window, menu)
        actor = getattr(window.ctx.database, "actor", None)
        self.password_action = QAction(QCoreApplication.translate("AdminMenu", "Change my &password…"), window,
                                       triggered=self.change_password)
        self.password_action.setObjectName("changePassword")
        self.password_action.setEnabled(actor is not None and actor.user_id is not None)
        menu.addAction(self.password_action)
        self.sign_out_action = None
        if actor is not None and actor.user_id is not None and self._department():
            self.sign_out_action = QAction(QCoreApplication.translate("AdminMenu", "Sign &out"), window,
                                           triggered=self.sign_out)
            self.sign_out_action.setObjectName("signOut")
            menu.addAction(self.sign_out_action)

    def _department(self) -> bool:
        from app.models.admin.identity import current_settings

        return current_settings(self.window.ctx.database).mode == "department"

    def sign_out(self) -> None:
        """Department mode: sign out and show the login again (the database is reopened)."""
        from app.models.admin.identity import sign_out

        db = self.window.ctx.database
        sign_out(db)
        self.window.open_requested.emit(str(db.path) if db.path is not None else db.url)
        if self.window.isVisible():  # not replaced (the login was cancelled): nobody may keep looking
            self.window.close()

    def change_password(self) -> bool:
        from app.views.admin.signin import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.window.ctx.database, self.window.ctx.language, self.window)
        return dialog.exec() == QDialog.DialogCode.Accepted
