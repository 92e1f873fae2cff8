"""A department-mode day through the controller and the widgets: an inspector signs in and sees
no administration; signs out; the administrator signs in, sees it, backs up and restores."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app.models.admin import users
from app.models.admin.identity import Actor
from app.models.core.database import open_database
from app.views.admin import backup as backup_view
from app.views.admin.signin import LoginDialog
from app.views.core.application import Controller


def test_department_mode_journey(qtbot, demo_db_file, tmp_path, monkeypatch):
    path = tmp_path / "plant.sqlite3"
    shutil.copy(demo_db_file, path)
    db = open_database(path)
    db.actor = Actor.system_job("pytest")
    users.update_settings(db, mode="department", backup_folder=str(tmp_path / "share"))
    db.dispose()
    who = ["zhang.iqc"]

    def login(self):
        self.username.setText(who[0])
        self.password.setText("demo2026")
        return QDialog.DialogCode.Accepted if self.try_sign_in() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", login)
    controller = Controller(QApplication.instance(), QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat),
                            "en")
    assert controller.open(path)
    window = controller.window  # replaced windows are deleted by the controller: not given to qtbot
    assert controller.database.actor.username == "zhang.iqc"
    assert "admin" not in [s.key for s in window.modules]
    assert window.idle_lock is not None and window.idle_lock.seconds == 15 * 60
    assert not window.admin_actions.backup.backup_action.isEnabled()
    who[0] = "admin"
    window.show()
    window.admin_actions.sign_out_action.trigger()  # → the login again, as the administrator
    window = controller.window  # replaced windows are deleted by the controller: not given to qtbot
    assert controller.database.actor.username == "admin" and "admin" in [s.key for s in window.modules]
    page = window.show_module("admin")
    assert page.tabs.count() == 6
    actions = window.admin_actions.backup
    out = tmp_path / "share" / "manual.sqlite3"
    assert list((tmp_path / "share").glob("plant-auto-*.sqlite3"))  # closing the inspector's session
    actions.start_backup(out)
    qtbot.waitUntil(lambda: actions.last == out, timeout=20000)
    users.create_user(controller.database, "temp.user", "Temp", "Temp2026pass", ["viewer"])
    monkeypatch.setattr(actions, "confirm", lambda *a: True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    assert actions.restore_from(out)  # reopened: the administrator signs in again
    window = controller.window  # replaced windows are deleted by the controller: not given to qtbot
    assert controller.database.actor.username == "admin"
    assert "temp.user" not in [u.username for u in users.list_users(controller.database)]
    assert list((tmp_path / "share").glob("plant-before-restore-*.sqlite3"))
    qtbot.addWidget(window)
    window.close()
    controller.database.dispose()
