"""File → Backup now… and Restore… (permission ``admin.backup``).

Backing up runs as a background task (progress and Cancel in the status bar); restoring asks
for confirmation after the file was checked, keeps the current file as a backup, and then asks
the window to reopen the database (which signs in again). A PostgreSQL database shows the
pg_dump / pg_restore command instead: its server's tools are the way to back it up."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QVBoxLayout, QWidget

from app.models.admin import backup
from app.models.admin.backup import BackupError
from app.models.admin.permissions import PermissionDenied, can

FILTER = "QualityBridge database (*.sqlite3 *.db *.sqlite);;All files (*)"


def _error_text(exc: Exception, language: str) -> str:
    if isinstance(exc, PermissionDenied):
        return exc.text(language)
    from app.commands.messages import error_text  # the commands' catalogue: the CLI and the GUI say the same

    return error_text(exc, language)


class RestoreDialog(QDialog):
    """The confirmation before a restore, once the chosen file passed its checks."""

    def __init__(self, db, source: Path, revisions: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore the database"))
        self.setMinimumWidth(560)
        folder = backup.backup_folder(db)
        text = QLabel(self.tr("<p>Replace the open database<br><b>%1</b></p><p>with the backup<br><b>%2</b>?</p>"
                              "<p>The backup passed the integrity check (schema %3). The current file is kept "
                              "in %4 before it is replaced; then the database is opened again and you sign in "
                              "again.</p>")
                      .replace("%1", db.display_name).replace("%2", str(source))
                      .replace("%3", ", ".join(revisions)).replace("%4", str(folder)))
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)


class BackupActions:
    """The two File-menu actions of a main window."""

    def __init__(self, window, menu, before=None) -> None:
        self.window = window
        self.ctx = window.ctx
        allowed = can(self.ctx.database, "admin.backup")
        self.backup_action = QAction(QCoreApplication.translate("Backup", "&Backup now…"), window, triggered=self.backup_now)
        self.backup_action.setObjectName("backupNow")
        self.restore_action = QAction(QCoreApplication.translate("Backup", "Res&tore…"), window, triggered=self.restore)
        self.restore_action.setObjectName("restore")
        for action in (self.backup_action, self.restore_action):
            action.setEnabled(allowed)
            if not allowed:
                action.setToolTip(QCoreApplication.translate("Backup", "Needs the permission 'Back up and restore the database'"))
            menu.insertAction(before, action) if before is not None else menu.addAction(action)
        self.last: Path | None = None

    # -- backup
    def _server_database(self, restoring: bool = False) -> bool:
        db = self.ctx.database
        if db.is_sqlite and db.path is not None:
            return False
        command = backup.pg_restore_command(db.url) if restoring else backup.pg_dump_command(db.url)
        box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("Backup", "Server database"),
                          QCoreApplication.translate("Backup", "A PostgreSQL database is backed up and restored with the server's own tools. "
                              "Run this command (pg_dump asks for the password):"), parent=self.window)
        box.setInformativeText(command)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
        return True

    def suggested_path(self) -> Path:
        db = self.ctx.database
        folder = backup.backup_folder(db)
        folder = folder if folder is not None and folder.is_dir() else db.path.parent
        return folder / f"{db.path.stem}-{datetime.now():%Y%m%d-%H%M}.sqlite3"

    def backup_now(self) -> None:
        if self._server_database():
            return
        path, _ = QFileDialog.getSaveFileName(self.window, QCoreApplication.translate("Backup", "Back up the database to"), str(self.suggested_path()),
                                              FILTER)
        if path:
            self.start_backup(Path(path))

    def start_backup(self, path: Path):
        db = self.ctx.database

        def job(*, state):
            return backup.backup_now(db, path, progress=lambda f: state.progress(f), cancelled=lambda: state.cancelled)

        return self.ctx.tasks.run(job, on_done=self._backed_up, on_error=self._failed,
                                  on_cancelled=lambda: self.window.statusBar().showMessage(
                                      QCoreApplication.translate("Backup", "The backup was cancelled; no file was written."), 8000),
                                  label=QCoreApplication.translate("Backup", "Backing up"))

    def _backed_up(self, result: backup.BackupResult) -> None:
        self.last = result.path
        self.window.statusBar().showMessage(QCoreApplication.translate("Backup", "Backup written to %1").replace("%1", str(result.path)), 15000)

    def _failed(self, exc: Exception, details: str) -> None:
        if isinstance(exc, backup.BackupCancelled):
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Backup", "The backup was cancelled; no file was written."), 8000)
        elif isinstance(exc, (BackupError, PermissionDenied)):
            QMessageBox.warning(self.window, QCoreApplication.translate("Backup", "Backup"), _error_text(exc, self.ctx.language))
        else:
            self.window._task_error(str(exc), details)

    # -- restore
    def restore(self) -> None:
        if self._server_database(restoring=True):
            return
        folder = backup.backup_folder(self.ctx.database)
        path, _ = QFileDialog.getOpenFileName(self.window, QCoreApplication.translate("Backup", "Restore from backup"),
                                              str(folder if folder and folder.is_dir() else ""), FILTER)
        if path:
            self.restore_from(Path(path))

    def confirm(self, source: Path, revisions: tuple[str, ...]) -> bool:
        return RestoreDialog(self.ctx.database, source, revisions, self.window).exec() == QDialog.DialogCode.Accepted

    def restore_from(self, source: Path) -> bool:
        db = self.ctx.database
        try:
            revisions = backup.inspect_backup(source)
        except BackupError as exc:
            QMessageBox.warning(self.window, QCoreApplication.translate("Backup", "Restore"), _error_text(exc, self.ctx.language))
            return False
        if self.ctx.tasks.active:
            QMessageBox.information(self.window, QCoreApplication.translate("Backup", "Restore"), QCoreApplication.translate("Backup", "Wait until the running task has finished."))
            return False
        if not self.confirm(source, revisions):
            return False
        try:
            result = backup.restore(db, source)
        except (BackupError, PermissionDenied) as exc:
            QMessageBox.warning(self.window, QCoreApplication.translate("Backup", "Restore"), _error_text(exc, self.ctx.language))
            return False
        QMessageBox.information(self.window, QCoreApplication.translate("Backup", "Restore"),
                                QCoreApplication.translate("Backup", "The database was restored from %1. The previous file was kept as %2.")
                                .replace("%1", str(result.restored_from)).replace("%2", str(result.kept)))
        db.actor = None  # the restored file has its own users: sign in again
        self.window.open_requested.emit(str(db.path))
        if self.window.isVisible():  # not reopened (the login was cancelled): the old view is stale
            self.window.close()
        return True
