"""Start-up: QApplication, language, font, database, main window; and switching database or
language at run time (the window is rebuilt, so every string is retranslated)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.models.core.database import (Database, DatabaseBusyError, DatabaseOpenError, busy_timeout_seconds,
                                      open_database)
from app.paths import APP_NAME, ORG_NAME, default_database_path, demo_database_path
from app.views.core.context import AppContext
from app.views.core.fonts import apply_app_font
from app.views.core.main_window import MainWindow, remember_file
from app.views.core.tasks import TaskRunner
from app.views.core.translation import install_translators, normalise_language


def make_application(argv: list[str] | None = None) -> QApplication:
    from app.views.core.binding_fixes import install as fix_binding

    fix_binding()  # PySide6 6.12's emit() drains True's reference count: a long session aborted at exit
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    apply_app_font(app)
    from app.views.core.style import apply_style

    apply_style(app)  # sort arrows: ▲ ascending, ▼ descending
    return app


def app_settings() -> QSettings:
    return QSettings(ORG_NAME, APP_NAME)


def ensure_demo_database() -> Path:
    path = demo_database_path()
    if not path.exists():
        from app.models.core.demo import generate_demo

        generate_demo(path)
    return path


class Controller:
    """Owns the open database and the main window; reopens either on request."""

    def __init__(self, app: QApplication, settings: QSettings, language: str) -> None:
        self.app = app
        self.settings = settings
        self.language = install_translators(language)
        self.tasks = TaskRunner(app)
        self.tasks.busy_prompt = lambda exc: _ask_retry(self.window, exc)
        self.database: Database | None = None
        self.window: MainWindow | None = None
        self.defer_first_page = False  # run_gui: paint the window before building its first page

    def open(self, target: str | Path, *, parent=None) -> bool:
        while True:
            try:
                database = open_database(target, busy_timeout=busy_timeout_seconds(
                    self.settings.value("database/busy_timeout", None)))
                break
            except DatabaseBusyError as exc:
                if not _ask_retry(parent, exc):
                    return False
            except DatabaseOpenError as exc:
                from app.views.core.errors import database_error_text

                QMessageBox.critical(parent, APP_NAME, database_error_text(exc))
                return False
        from app.views.admin.signin import ensure_signed_in

        while True:
            try:
                signed = ensure_signed_in(database, parent, self.language)  # personal user, login or first run
                break
            except DatabaseBusyError as exc:
                if not _ask_retry(parent, exc):
                    signed = False
                    break
        if not signed:
            database.dispose()
            return False
        if database.backup_path is not None:
            self.settings.setValue("files/last_backup", str(database.backup_path))
        old = self.database
        self.database = database
        remember_file(self.settings, database)
        self.show_window()
        if old is not None:
            close_database(old)
        return True

    def create(self, path: str) -> None:
        target = Path(path)
        if target.exists():
            QMessageBox.warning(self.window, APP_NAME, QCoreApplication.translate(
                "Controller", "%1 already exists; choose another name.").replace("%1", str(target)))
            return
        self.open(target, parent=self.window)

    def set_language(self, language: str) -> None:
        self.settings.setValue("ui/language", language)
        self.language = install_translators(language)
        self.show_window()

    def show_window(self) -> None:
        assert self.database is not None
        old = self.window
        if old is not None:
            old.save_layout()
        ctx = AppContext(database=self.database, tasks=self.tasks, language=self.language, settings=self.settings)
        self.window = MainWindow(ctx, defer_first_page=self.defer_first_page)
        self.window.open_requested.connect(lambda p: self.open(p, parent=self.window))
        self.window.new_requested.connect(self.create)
        self.window.language_changed.connect(self.set_language)
        from app.views.admin.signin import install_idle_lock

        self.window.idle_lock = install_idle_lock(self.window, self.database)  # department mode only
        self.window.show()
        if old is not None:
            old.hide()
            old.deleteLater()


def close_database(database: Database) -> None:
    """The automatic backup on close (when configured and something changed), then dispose."""
    from app.models.admin.backup import backup_on_close

    backup_on_close(database)
    database.dispose()


def _ask_retry(parent, exc) -> bool:
    from app.views.core.errors import ask_retry_busy

    return ask_retry_busy(parent, exc)


def run_gui(target: str | None = None, demo: bool = False, lang: str | None = None) -> int:
    app = make_application()
    from app.views.core.errors import install_excepthooks

    install_excepthooks()  # from here on no traceback reaches the user: one line, details in the log
    settings = app_settings()
    language = normalise_language(lang or settings.value("ui/language") or None)
    if lang:
        settings.setValue("ui/language", language)
    controller = Controller(app, settings, language)
    controller.defer_first_page = True
    if demo:
        target = str(ensure_demo_database())
    if target is None:
        target = settings.value("files/last_url") or settings.value("files/last") or str(default_database_path())
        if target and not str(target).startswith(("sqlite", "postgres")) and not Path(str(target)).parent.exists():
            target = str(default_database_path())
    if not controller.open(str(target)):
        if not controller.open(str(default_database_path())):
            return 1
    app._qb_controller = controller  # type: ignore[attr-defined]  # keep alive for the event loop
    app.aboutToQuit.connect(lambda: controller.database is not None and close_database(controller.database))
    if os.environ.get("QUALITYBRIDGE_QUIT_AFTER_SHOW"):  # used by the start-up benchmark and tests
        window = controller.window

        def report_and_quit() -> None:
            if os.environ.get("QUALITYBRIDGE_STARTUP_REPORT"):  # absolute times, for bench_foundation
                import time

                print(f"startup shown={window.shown_at or 0:.6f} page={time.time():.6f}", file=sys.stderr)
            QTimer.singleShot(0, app.quit)

        window.first_page_ready.connect(report_and_quit)  # the window painted, then its first page built
    return app.exec()
