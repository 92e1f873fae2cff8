"""Render every screen of the app to PNG offscreen (review pictures and README images)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.models.core.database import open_database
from app.views.core.context import AppContext
from app.views.core.main_window import MainWindow, SettingsDialog
from app.views.core.tasks import TaskRunner
from app.views.core.translation import install_translators


def _grab(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> Path:
    if size:
        widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    return path


def render_all(db_target: str, out: Path, lang: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.views.core.application import make_application

    app = make_application()
    lang = install_translators(lang)
    out.mkdir(parents=True, exist_ok=True)
    database = open_database(db_target)
    from app.models.admin import identity

    try:  # as the personal user (the demo's administrator), else as a system job that sees everything
        identity.sign_in_personal(database)
    except identity.AccessError:
        database.actor = identity.Actor.system_job("screenshots")
    # A fresh, throw-away layout each run: never the user's, and never one language's widths in the other's.
    settings_dir = tempfile.mkdtemp(prefix="qb-screenshots-")
    settings = QSettings(str(Path(settings_dir) / "layout.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(database=database, tasks=TaskRunner(app), language=lang, settings=settings)
    written: list[Path] = []
    try:
        window = MainWindow(ctx)
        window.resize(1280, 800)  # the smallest laptop screen we support (1366×768 and 150 % are checked in tests)
        window.show()
        for spec in window.modules:  # those the signed-in user sees
            window.show_module(spec.key)
            written.append(_grab(window, out / f"{spec.key}_{lang}.png"))
            if spec.screenshots:
                for name, widget in spec.screenshots(ctx):
                    written.append(_grab(widget, out / f"{spec.key}-{name}_{lang}.png"))
                    widget.close()
        dialog = SettingsDialog(settings, lang, window)
        written.append(_grab(dialog, out / f"settings_{lang}.png"))
        dialog.close()
        window.close()
        ctx.tasks.wait(30000)
    finally:
        database.dispose()
        shutil.rmtree(settings_dir, ignore_errors=True)
    return written
