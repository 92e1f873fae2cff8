"""Signing in from the GUI: personal mode without a prompt, the login dialog with its lockout
message, the first-run dialog of a new database, the idle lock."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from app.models.admin import identity, users
from app.models.admin.identity import Actor
from app.models.core.database import open_database
from app.views.admin import signin
from app.views.admin.signin import FirstRunDialog, IdleLock, LoginDialog, UnlockDialog, ensure_signed_in

T0 = datetime(2026, 3, 2, 8, 0, 0)


@pytest.fixture
def department(demo_db):
    """The demo in department mode, nobody signed in."""
    users.update_settings(demo_db, mode="department", lockout_attempts=3, lockout_minutes=10)
    demo_db.actor = None
    return demo_db


def test_personal_mode_opens_as_the_personal_user_without_a_dialog(demo_db, monkeypatch):
    monkeypatch.setattr(QDialog, "exec", lambda self: pytest.fail("no dialog in personal mode"))
    demo_db.actor = None
    assert ensure_signed_in(demo_db)
    assert demo_db.actor.username == "admin" and "administrator" in demo_db.actor.roles


def test_login_dialog_signs_in_and_refuses_wrong_passwords_with_lockout(qtbot, department, caplog):
    clock = [T0]
    dialog = LoginDialog(department, now=lambda: clock[0])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "li.sqe")
    caplog.set_level(logging.INFO, logger="qualitybridge")
    for i in range(2):
        dialog.password.setText("wrong-guess-9")
        assert not dialog.try_sign_in()
        assert dialog.error.text() == "Wrong user name or password."
        assert dialog.password.text() == ""
    dialog.password.setText("wrong-guess-9")
    assert not dialog.try_sign_in()  # the third failure locks the account for 10 minutes
    assert "locked until 08:10" in dialog.error.text()
    clock[0] = T0 + timedelta(minutes=9)
    dialog.password.setText("demo2026")
    assert not dialog.try_sign_in() and "locked" in dialog.error.text()  # even the right password
    clock[0] = T0 + timedelta(minutes=10, seconds=1)
    dialog.password.setText("demo2026")
    assert dialog.try_sign_in()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert department.actor.username == "li.sqe"
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "wrong-guess-9" not in logged and "demo2026" not in logged
    assert "sign-in refused (bad_credentials)" in logged and "signed in: user #" in logged


def test_login_dialog_in_chinese(qtbot, department):
    from app.views.core.translation import install_translators

    install_translators("zh_CN")
    try:
        dialog = LoginDialog(department)
        qtbot.addWidget(dialog)
        dialog.username.setText("li.sqe")
        dialog.password.setText("nope-nope-1")
        assert not dialog.try_sign_in()
        assert dialog.windowTitle() == "登录 QualityBridge"
        assert dialog.error.text() == "用户名或密码错误。"
    finally:
        install_translators("en")


def test_department_mode_asks_for_a_login(department, monkeypatch):
    asked = []

    def fake_exec(self):
        asked.append(type(self).__name__)
        self.username.setText("wang.qm")
        self.password.setText("demo2026")
        return QDialog.DialogCode.Accepted if self.try_sign_in() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", fake_exec)
    assert ensure_signed_in(department)
    assert asked == ["LoginDialog"] and department.actor.username == "wang.qm"


def test_first_run_dialog_creates_the_administrator(qtbot, tmp_path, monkeypatch):
    db = open_database(tmp_path / "new.sqlite3")
    try:
        shown = []

        def fake_exec(self):
            shown.append(self)
            qtbot.keyClicks(self.username, "qm.boss")
            self.display_name.setText("质量部 王经理")
            self.password.setText("short")
            self.repeat.setText("short")
            assert not self.create()
            assert "at least 8 characters" in self.error.text()
            self.password.setText("Quality2026")
            self.repeat.setText("Quality2027")
            assert not self.create() and self.error.text() == "The two passwords differ."
            self.repeat.setText("Quality2026")
            self.mode.setCurrentIndex(self.mode.findData("department"))
            return QDialog.DialogCode.Accepted if self.create() else QDialog.DialogCode.Rejected

        monkeypatch.setattr(FirstRunDialog, "exec", fake_exec)
        assert ensure_signed_in(db)
        assert len(shown) == 1 and "at least 8 characters" in shown[0].findChild(QWidget, "rules").text()
        assert db.actor.username == "qm.boss" and db.actor.has("admin.users")
        assert identity.current_settings(db).mode == "department"
        assert identity.user_count(db) == 1
    finally:
        db.dispose()


def test_cancelled_first_run_opens_nothing(tmp_path, monkeypatch):
    db = open_database(tmp_path / "new.sqlite3")
    try:
        monkeypatch.setattr(FirstRunDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
        assert not ensure_signed_in(db)
        assert db.actor is None and identity.user_count(db) == 0
    finally:
        db.dispose()


def test_controller_does_not_open_a_window_when_the_login_is_cancelled(department, tmp_path, monkeypatch):
    from app.views.core.application import Controller

    department.dispose()
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = Controller(QApplication.instance(), settings, "en")
    assert not controller.open(department.path)
    assert controller.window is None and controller.database is None


def test_idle_lock_hides_the_window_until_the_password_is_given(qtbot, department):
    identity.sign_in(department, "zhang.iqc", "demo2026")
    window = QMainWindow()
    window.setCentralWidget(QWidget())
    qtbot.addWidget(window)
    window.show()
    now = [1000.0]
    dialogs = []

    def factory():
        dialogs.append(UnlockDialog(department, window))
        return dialogs[-1]

    lock = IdleLock(window, department, 5, clock=lambda: now[0], interval_ms=3_600_000, dialog_factory=factory)
    now[0] += 299
    lock.check()
    assert not lock.locked and window.centralWidget().isVisible()
    now[0] += 2
    lock.check()
    assert lock.locked and not window.centralWidget().isVisible() and not window.menuBar().isEnabled()
    dialog = dialogs[0]
    dialog.password.setText("not-it-2026")
    assert not dialog.try_unlock() and dialog.error.text() == "Wrong user name or password."
    assert lock.locked
    dialog.password.setText("demo2026")
    assert dialog.try_unlock()
    assert not lock.locked and window.centralWidget().isVisible()
    now[0] += 60
    lock.check()
    assert not lock.locked  # the clock restarted at the unlock


def test_idle_lock_only_in_department_mode(qtbot, demo_db):
    window = QMainWindow()
    qtbot.addWidget(window)
    demo_db.actor = Actor.system_job("pytest")
    assert signin.install_idle_lock(window, demo_db) is None
    identity.sign_in_personal(demo_db)
    assert signin.install_idle_lock(window, demo_db) is None  # personal mode
    users.update_settings(demo_db, mode="department", idle_lock_minutes=7)
    lock = signin.install_idle_lock(window, demo_db)
    assert lock is not None and lock.seconds == 420


def test_a_reset_password_must_be_changed_at_the_next_sign_in(department, monkeypatch):
    from app.models.admin import users as user_service
    from app.views.admin.signin import ChangePasswordDialog

    department.actor = Actor.system_job("pytest")
    li = next(u for u in user_service.list_users(department) if u.username == "li.sqe")
    user_service.reset_password(department, li.id, "Given2026x")
    department.actor = None

    def login(self):
        self.username.setText("li.sqe")
        self.password.setText("Given2026x")
        return QDialog.DialogCode.Accepted if self.try_sign_in() else QDialog.DialogCode.Rejected

    changes = []

    def change(self):
        changes.append(self)
        self.current.setText("Given2026x")
        self.new.setText("Mine2026xy")
        self.repeat.setText("Mine2026xz")
        assert not self.change() and self.error.text() == "The two new passwords differ."
        self.repeat.setText("Mine2026xy")
        return QDialog.DialogCode.Accepted if self.change() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(LoginDialog, "exec", login)
    monkeypatch.setattr(ChangePasswordDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not ensure_signed_in(department)  # refusing to change the password signs out again
    assert department.actor is None
    monkeypatch.setattr(ChangePasswordDialog, "exec", change)
    assert ensure_signed_in(department)
    assert len(changes) == 1 and department.actor.username == "li.sqe"
    department.actor = None
    monkeypatch.setattr(LoginDialog, "exec", lambda self: (self.username.setText("li.sqe"),
                                                           self.password.setText("Mine2026xy"),
                                                           self.try_sign_in())[-1] and QDialog.DialogCode.Accepted)
    monkeypatch.setattr(ChangePasswordDialog, "exec", lambda self: pytest.fail("already changed"))
    assert ensure_signed_in(department)


def test_change_my_password_from_the_file_menu(qtbot, demo_db, tmp_path):
    from app.views.admin.signin import ChangePasswordDialog
    from app.views.core.context import AppContext
    from app.views.core.main_window import MainWindow
    from app.views.core.tasks import TaskRunner

    identity.sign_in_personal(demo_db)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(database=demo_db, tasks=TaskRunner(), language="en", settings=settings))
    qtbot.addWidget(window)
    action = window.admin_actions.password_action
    assert action.isEnabled() and action in window.menuBar().actions()[0].menu().actions()
    dialog = ChangePasswordDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.current.setText("not-it-2026")
    dialog.new.setText("Better2026x")
    dialog.repeat.setText("Better2026x")
    assert not dialog.change() and dialog.error.text() == "The current password is wrong."
    dialog.current.setText("demo2026")
    assert dialog.change()
    assert identity.confirm_password(demo_db, "Better2026x").username == "admin"


def test_sign_out_in_department_mode_reopens_for_a_login(qtbot, department, tmp_path):
    from app.views.core.context import AppContext
    from app.views.core.main_window import MainWindow
    from app.views.core.tasks import TaskRunner

    identity.sign_in(department, "li.sqe", "demo2026")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppContext(database=department, tasks=TaskRunner(), language="en", settings=settings))
    qtbot.addWidget(window)
    asked = []
    window.open_requested.connect(asked.append)
    window.show()
    window.admin_actions.sign_out_action.trigger()
    assert department.actor is None and asked == [str(department.path)]
    assert not window.isVisible()  # nobody reopened it (no controller here): the window closed
    # personal mode has no sign-out entry
    users.update_settings(_as_system(department), mode="personal", personal_user="admin")
    department.actor = None
    identity.sign_in_personal(department)
    other = MainWindow(AppContext(database=department, tasks=TaskRunner(), language="en", settings=settings))
    qtbot.addWidget(other)
    assert other.admin_actions.sign_out_action is None


def _as_system(db):
    db.actor = Actor.system_job("pytest")
    return db


def test_a_busy_database_at_sign_in_is_said_in_the_dialog(qtbot, department, monkeypatch):
    from app.models.core.database import DatabaseBusyError

    def busy(*_a, **_k):
        raise DatabaseBusyError("demo.sqlite3")

    monkeypatch.setattr(identity, "sign_in", busy)
    dialog = LoginDialog(department)
    qtbot.addWidget(dialog)
    dialog.username.setText("li.sqe")
    dialog.password.setText("demo2026")
    assert not dialog.try_sign_in()
    assert "in use by another program" in dialog.error.text() and department.actor is None


def test_the_controller_offers_retry_when_the_database_is_busy_at_sign_in(demo_db, tmp_path, monkeypatch):
    from app.models.core.database import DatabaseBusyError
    from app.views.core import application
    from app.views.core.application import Controller

    demo_db.dispose()
    calls = []

    def flaky(db, parent=None, language="en"):
        calls.append(1)
        raise DatabaseBusyError("demo.sqlite3")

    monkeypatch.setattr(signin, "ensure_signed_in", flaky)
    asked = []
    monkeypatch.setattr(application, "_ask_retry", lambda parent, exc: asked.append(exc) or len(asked) < 2)
    controller = Controller(QApplication.instance(), QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat),
                            "en")
    assert not controller.open(demo_db.path)
    assert len(calls) == 2 and len(asked) == 2 and controller.window is None
