"""The Administration module: tabs by permission, the item models (qtmodeltester), user
administration, the permission matrix, the trail filters and chain check, the log viewer, the
settings, and File → Backup now… / Restore…."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.models.admin import backup, identity, trail, users
from app.models.admin.permissions import catalogue
from app.views.admin import page as admin_page
from app.views.admin.dialogs import ActiveDialog, NewUserDialog, ResetPasswordDialog, UserRolesDialog
from app.views.admin.models import PermissionMatrixModel
from app.views.admin.page import AdminPage
from app.views.core.context import AppContext
from app.views.core.main_window import MainWindow
from app.views.core.tasks import TaskRunner


@pytest.fixture
def ctx_for(demo_db, tmp_path):
    made = []

    def make(username: str | None = "admin", lang: str = "en") -> AppContext:
        if username == "admin":
            identity.sign_in_personal(demo_db)
        elif username is not None:
            identity.sign_in(demo_db, username, "demo2026")
        settings = QSettings(str(tmp_path / f"s-{len(made)}.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(database=demo_db, tasks=TaskRunner(), language=lang, settings=settings)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.tasks.wait(10000)


def test_admin_sees_every_tab(qtbot, ctx_for):
    page = AdminPage(ctx_for("admin"))
    qtbot.addWidget(page)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Users", "Roles and permissions", "Audit trail", "Sign-in history", "System log", "Settings"]
    assert page.users.model.rowCount() == 6


def test_quality_manager_sees_only_trail_and_log(qtbot, ctx_for):
    page = AdminPage(ctx_for("wang.qm"))
    qtbot.addWidget(page)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Audit trail", "Sign-in history", "System log"]


def test_viewer_cannot_open_the_admin_module(qtbot, ctx_for):
    ctx = ctx_for("zhao.viewer")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert "admin" not in [s.key for s in window.modules]
    assert not window.admin_actions.backup.backup_action.isEnabled()
    page = AdminPage(ctx)  # even built directly it shows nothing but the refusal
    qtbot.addWidget(page)
    from PySide6.QtWidgets import QLabel

    assert page.tabs.count() == 0 and "admin.users" in page.findChild(QLabel, "refusal").text()
    admin_window = MainWindow(ctx_for("admin"))
    qtbot.addWidget(admin_window)
    assert "admin" in [s.key for s in admin_window.modules]
    assert admin_window.admin_actions.backup.backup_action.isEnabled()


def test_item_models_pass_the_model_tester(qtbot, qtmodeltester, ctx_for, tmp_path, monkeypatch):
    log = tmp_path / "logs" / "qualitybridge.log"
    log.parent.mkdir()
    log.write_text("2026-03-01 08:00:00,001 INFO qualitybridge.admin [12]: signed in: user #2\n"
                   "2026-03-01 08:01:00,002 ERROR qualitybridge [12]: unexpected error\nTraceback (most recent call last):\n"
                   "  File \"x.py\", line 1\nValueError: boom\n", encoding="utf-8")
    (tmp_path / "logs" / "qualitybridge.log.1").write_text(
        "2026-02-28 17:00:00,000 WARNING qualitybridge.database [9]: orphan rows\n", encoding="utf-8")
    import app.logs

    monkeypatch.setattr(app.logs, "log_path", lambda: log)
    page = AdminPage(ctx_for("admin"))
    qtbot.addWidget(page)
    for model in (page.users.model, page.roles.model, page.trail.model, page.trail.changes, page.log.model):
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)
    # the tester keeps watching the last model after the test: give it one the page does not own
    from app.views.admin.models import LogModel

    spare = LogModel()
    spare.set_rows(page.log.model.rows)
    qtmodeltester.check(spare, force_py=True)
    page.log.level.setCurrentIndex(page.log.level.findData("DEBUG"))
    page.log.refresh()
    assert [r.level for r in page.log.model.rows] == ["ERROR", "INFO", "WARNING"]  # newest first, across files
    assert "ValueError: boom" in page.log.model.rows[0].details
    page.log.level.setCurrentIndex(page.log.level.findData("WARNING"))
    page.log.text.setText("orphan")
    page.log.refresh()
    assert [r.message for r in page.log.model.rows] == ["orphan rows"]


def test_users_tab_creates_assigns_resets_and_disables(qtbot, ctx_for, monkeypatch):
    ctx = ctx_for("admin")
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.users
    roles = users.list_roles(ctx.database)
    dialog = NewUserDialog(ctx.database, roles, "en")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "sun.iqc")
    dialog.display_name.setText("孙丽 Sun Li")
    dialog.password.setText("Inspect2026")
    dialog.repeat.setText("Inspect2026")
    dialog.role_boxes["viewer"].setChecked(False)
    assert not dialog.save() and dialog.error.text() == "Choose at least one role."
    dialog.role_boxes["incoming_inspector"].setChecked(True)
    dialog.username.setText("li.sqe")
    assert not dialog.save() and "is taken" in dialog.error.text()
    dialog.username.setText("sun.iqc")
    assert dialog.save()
    tab.refresh()
    row = next(i for i, u in enumerate(tab.model.rows) if u.username == "sun.iqc")
    tab.view.selectRow(row)
    user = tab.selected()
    assert user.roles == ("incoming_inspector",) and user.display_name == "孙丽 Sun Li"
    assert tab.roles_button.isEnabled() and not tab.unlock_button.isEnabled()
    roles_dialog = UserRolesDialog(ctx.database, user, roles, "en")
    qtbot.addWidget(roles_dialog)
    roles_dialog.role_boxes["supplier_quality_engineer"].setChecked(True)
    assert roles_dialog.save()
    reset = ResetPasswordDialog(ctx.database, user, "en")
    qtbot.addWidget(reset)
    reset.password.setText("weak")
    reset.repeat.setText("weak")
    assert not reset.save() and "at least 8 characters" in reset.error.text()
    reset.password.setText("Fresh2026x")
    reset.repeat.setText("Fresh2026x")
    assert reset.save()
    off = ActiveDialog(ctx.database, user, "en")
    qtbot.addWidget(off)
    assert not off.save() and "Say why" in off.error.text()
    off.reason.setPlainText("moved to another plant")
    assert off.save()
    tab.refresh()
    user = next(u for u in tab.model.rows if u.username == "sun.iqc")
    assert not user.active and set(user.roles) == {"incoming_inspector", "supplier_quality_engineer"}
    history = trail.history(ctx.database, "users", user.id)
    assert [e.action for e in history][:1] == ["create"] and history[-1].reason == "moved to another plant"
    assert all("Fresh2026x" not in str(e.changes) for e in history)
    # the last administrator cannot disable themselves
    me = next(u for u in tab.model.rows if u.username == "admin")
    mine = ActiveDialog(ctx.database, me, "en")
    qtbot.addWidget(mine)
    mine.reason.setPlainText("test")
    assert not mine.save() and "your own account" in mine.error.text()


def test_permission_matrix_saves_after_confirmation_and_locks_admin_rights(qtbot, ctx_for, monkeypatch):
    ctx = ctx_for("admin")
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.roles
    model: PermissionMatrixModel = tab.model
    roles = [k for k, _ in model.roles]
    row_of = {item.key: i for i, (kind, item) in enumerate(model.lines) if kind == "perm"}
    admin_col = roles.index("administrator") + 1
    viewer_col = roles.index("viewer") + 1
    locked = model.index(row_of["admin.users"], admin_col)
    assert not model.flags(locked) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.setData(locked, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(locked, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.lines[0] == ("group", "admin") and model.data(model.index(0, 0)) == "Administration"
    cell = model.index(row_of["evaluation.run"], viewer_col)
    assert model.setData(cell, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.change_count() == 1 and tab.save_button.isEnabled()
    asked = []
    monkeypatch.setattr(tab, "confirm", lambda text: asked.append(text) or False)
    assert not tab.save()
    assert "viewer" not in [r.key for r in users.list_roles(ctx.database) if "evaluation.run" in r.permissions]
    monkeypatch.setattr(tab, "confirm", lambda text: asked.append(text) or True)
    assert tab.save()
    assert asked[-1] == "Save 1 change(s) to the permissions of: Viewer?"
    assert "evaluation.run" in next(r for r in users.list_roles(ctx.database) if r.key == "viewer").permissions
    assert tab.model.change_count() == 0 and not tab.save_button.isEnabled()
    last = trail.entries(ctx.database, limit=1)[0]
    assert (last.action, last.record_id, last.changes["added"]) == ("permissions", "viewer", ["evaluation.run"])


def test_trail_tab_filters_and_finds_a_broken_entry(qtbot, ctx_for):
    ctx = ctx_for("admin")
    users.create_user(ctx.database, "qa.one", "QA One", "Quality2026", ["viewer"])
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.trail
    total = tab.model.rowCount()
    tab.user.setCurrentIndex(tab.user.findData("admin"))
    tab.refresh()
    assert 0 < tab.model.rowCount() < total and {e.username for e in tab.model.rows} == {"admin"}
    tab.user.setCurrentIndex(0)
    tab.entity.setCurrentIndex(tab.entity.findData("users"))
    tab.action.setCurrentIndex(tab.action.findData("create"))
    tab.refresh()
    created = tab.model.rows[0]
    assert created.record_id and tab.changes.rowCount() > 0
    assert ("username", "", "qa.one") in tab.changes.rows
    tab.record.setText("999999")
    tab.refresh()
    assert tab.model.rowCount() == 0 and tab.count.text() == "0 entries"
    tab.record.setText("")
    tab.entity.setCurrentIndex(0)
    tab.action.setCurrentIndex(0)
    tab.refresh()
    tab.verify()
    qtbot.waitUntil(lambda: tab.report is not None, timeout=10000)
    assert tab.report.ok and tab.verdict.text().startswith("OK:")
    # edit an entry behind the application's back
    conn = sqlite3.connect(ctx.database.path)
    conn.execute("DROP TRIGGER audit_trail_no_update")
    conn.execute("UPDATE audit_trail SET reason = 'edited' WHERE id = ?", (created.id,))
    conn.commit()
    conn.close()
    tab.report = None
    tab.verify()
    qtbot.waitUntil(lambda: tab.report is not None, timeout=10000)
    assert not tab.report.ok and tab.report.first_broken_id == created.id
    assert f"entry {created.id} does not match" in tab.verdict.text() and "edited" in tab.verdict.text()
    assert tab.model.broken_id == created.id and tab.view.selectionModel().selectedRows()[0].row() == \
        next(i for i, e in enumerate(tab.model.rows) if e.id == created.id)


def test_settings_tab_saves_and_refuses(qtbot, ctx_for, tmp_path):
    ctx = ctx_for("admin")
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.settings
    tab.mode.setCurrentIndex(tab.mode.findData("department"))
    tab.idle.setValue(7)
    tab.attempts.setValue(4)
    tab.min_length.setValue(10)
    tab.need_symbol.setChecked(True)
    tab.folder.setText(str(tmp_path / "share"))
    tab.keep.setValue(3)
    assert tab.save()
    s = identity.current_settings(ctx.database)
    assert (s.mode, s.idle_lock_minutes, s.lockout_attempts, s.policy.min_length, s.policy.require_symbol,
            s.backup_folder, s.keep_backups) == ("department", 7, 4, 10, True, str(tmp_path / "share"), 3)
    identity.sign_in(ctx.database, "wang.qm", "demo2026")  # a quality manager may not change settings
    assert not tab.save() and "admin.settings" in tab.error.text()


def test_admin_page_in_chinese(qtbot, ctx_for):
    from app.views.core.translation import install_translators

    install_translators("zh_CN")
    try:
        page = AdminPage(ctx_for("admin", "zh_CN"))
        qtbot.addWidget(page)
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["用户", "角色与权限", "审计追踪", "登录记录", "系统日志", "设置"]
        assert page.users.model.headerData(0, Qt.Orientation.Horizontal) == "用户名"
        assert page.roles.model.data(page.roles.model.index(0, 0)) == "系统管理"
    finally:
        install_translators("en")


def test_backup_now_runs_in_the_background_and_restore_reopens(qtbot, ctx_for, tmp_path, monkeypatch):
    ctx = ctx_for("admin")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    actions = window.admin_actions.backup
    out = tmp_path / "now.sqlite3"
    handle = actions.start_backup(out)
    qtbot.waitUntil(lambda: actions.last is not None, timeout=20000)
    assert actions.last == out and out.exists() and handle is not None
    assert str(out) in window.statusBar().currentMessage()
    # restore: a damaged file is refused before anything is asked
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(actions, "confirm", lambda *a: pytest.fail("a bad file must not reach the confirmation"))
    original = ctx.database.path.read_bytes()
    assert not actions.restore_from(bad)
    assert warnings and ("damaged" in warnings[0] or "not a QualityBridge" in warnings[0])
    assert ctx.database.path.read_bytes() == original
    # a good one after confirmation: the window asks to reopen the database
    monkeypatch.setattr(actions, "confirm", lambda *a: True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    reopened = []
    window.open_requested.connect(reopened.append)
    assert actions.restore_from(out)
    assert reopened == [str(ctx.database.path)] and ctx.database.actor is None


def test_screenshots_hook_renders_every_tab_and_dialog(qtbot, ctx_for):
    shots = admin_page.screenshots(ctx_for("admin"))
    names = [n for n, _ in shots]
    assert names[:6] == ["usersTab", "rolesTab", "trailTab", "signInTab", "logTab", "settingsTab"]
    assert {"new-user", "user-roles", "reset-password", "disable-user", "login", "first-run", "unlock",
            "restore"} <= set(names)
    for _, widget in shots:
        qtbot.addWidget(widget)


def test_a_cancelled_backup_leaves_no_file(qtbot, ctx_for, tmp_path, monkeypatch):
    ctx = ctx_for("admin")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    actions = window.admin_actions.backup
    monkeypatch.setattr(backup, "PAGES_PER_STEP", 1)  # many small steps, so the cancel lands mid-copy
    out = tmp_path / "cancelled.sqlite3"
    handle = actions.start_backup(out)
    handle.cancel()
    qtbot.waitUntil(lambda: not ctx.tasks.active, timeout=20000)
    assert not out.exists() and not out.with_name(out.name + ".partial").exists()
    assert "cancelled" in window.statusBar().currentMessage()


def test_a_server_database_shows_the_pg_dump_command(qtbot, pg_db, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "pg.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(database=pg_db, tasks=TaskRunner(), language="en", settings=settings)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.informativeText()))
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName",
                        lambda *a, **k: pytest.fail("no file dialog for a server database"))
    window.admin_actions.backup.backup_now()
    window.admin_actions.backup.restore()
    assert shown[0].startswith("pg_dump --format=custom") and shown[1].startswith("pg_restore")


def test_switching_database_writes_the_automatic_backup_of_the_one_closed(qtbot, demo_db_file, tmp_path):
    import shutil

    from PySide6.QtWidgets import QApplication

    from app.views.core.application import Controller

    first, second = tmp_path / "a" / "first.sqlite3", tmp_path / "b" / "second.sqlite3"
    for p in (first, second):
        p.parent.mkdir()
        shutil.copy(demo_db_file, p)
    controller = Controller(QApplication.instance(), QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat),
                            "en")
    assert controller.open(first)  # its window is deleted by the controller when replaced: not given to qtbot
    assert controller.open(second)  # closing the first: its automatic backup
    qtbot.addWidget(controller.window)
    made = backup.automatic_backups(first.parent / "backups", "first")
    assert len(made) == 1
    assert [line for line in sqlite3.connect(made[0]).iterdump() if "login_events" not in line] == \
        [line for line in sqlite3.connect(first).iterdump() if "login_events" not in line]
    controller.window.close()
    controller.database.dispose()


def test_settings_choose_where_signatures_are_required(qtbot, ctx_for):
    from app.models.admin import signatures

    ctx = ctx_for("admin")
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    tab = page.settings
    assert {"approval.approve", "audits.complete"} <= set(tab.signature_boxes)
    assert tab.signature_boxes["approval.approve"].isChecked()
    tab.signature_boxes["approval.approve"].setChecked(False)
    assert tab.save()
    with ctx.database.read() as s:
        assert "approval.approve" not in signatures.required_actions(s)
    assert not tab.signature_boxes["approval.approve"].isChecked()
    assert "signature_requirements" in [e.entity for e in trail.entries(ctx.database, limit=3)]


def test_sign_in_history_lists_refusals_and_lockouts_filters_and_exports(qtbot, keep, qtmodeltester, ctx_for, tmp_path,
                                                                          monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    from openpyxl import load_workbook

    from app.models.admin.identity import AccessError

    ctx = ctx_for("admin")
    db = ctx.database
    for _ in range(2):
        with pytest.raises(AccessError):
            identity.sign_in(db, "li.sqe", "not-the-password")
    identity.sign_in_personal(db)  # back to the administrator
    page = AdminPage(ctx)
    qtbot.addWidget(page)
    keep.append(page)
    tab = page.signins
    qtmodeltester.check(tab.model, force_py=True)
    assert tab.model.rowCount() >= 3
    tab.user.setCurrentIndex(tab.user.findData("li.sqe"))
    assert tab.model.rowCount() == 2
    assert {tab.model.data(tab.model.index(r, 2)) for r in range(2)} == {"refused"}
    assert tab.model.data(tab.model.index(0, 3)) == "sign-in: wrong password"
    assert "2 event(s)" in tab.count.text()
    tab.kind.setCurrentIndex(tab.kind.findData("login"))
    assert tab.model.rowCount() == 0
    tab.user.setCurrentIndex(0)
    assert tab.model.rowCount() >= 1 and all(tab.model.data(tab.model.index(r, 2)) == "signed in"
                                             for r in range(tab.model.rowCount()))
    tab.kind.setCurrentIndex(tab.kind.findData("refused"))
    out = tmp_path / "signins.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.export()
    ws = load_workbook(out).active
    assert [c.value for c in ws[1]] == ["When (UTC)", "User", "Event", "Details"]
    assert ws.max_row == 3 and ws["B2"].value == "li.sqe"


def test_sign_in_details_are_translated(qapp):
    from app.views.admin.models import login_detail_text
    from app.views.core.translation import install_translators

    install_translators("zh_CN")
    try:
        assert login_detail_text("sign-in: wrong password") == "登录：密码错误"
        assert login_detail_text("sign-in: 5 failed attempts") == "登录：连续 5 次失败"
        assert login_detail_text("by admin") == "由 admin"
        assert login_detail_text("something new") == "something new"
    finally:
        install_translators("en")
