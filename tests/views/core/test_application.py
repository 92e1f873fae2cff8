"""Start-up and switching databases/languages through the controller, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from app.views.core.application import Controller

ROOT = Path(__file__).resolve().parents[3]


def test_demo_start_creates_demo_database_and_shows_window(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QUALITYBRIDGE_QUIT_AFTER_SHOW": "1",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    out = subprocess.run([sys.executable, "main.py", "--demo", "--lang", "zh_CN"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    demo = tmp_path / "data" / "QualityBridge" / "demo.sqlite3"
    assert demo.exists() and demo.stat().st_size > 50_000


def _controller(tmp_path) -> Controller:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return Controller(QApplication.instance(), settings, "en")


def test_bad_file_is_refused_with_a_dialog_and_current_database_stays(qtbot, tmp_path, monkeypatch, demo_db_file):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    controller = _controller(tmp_path)
    assert controller.open(demo_db_file)
    qtbot.addWidget(controller.window)
    first = controller.database
    bogus = tmp_path / "report.sqlite3"
    bogus.write_text("not a database")
    assert not controller.open(bogus)
    assert shown and "not a QualityBridge database" in shown[0]
    assert controller.database is first
    assert bogus.read_text() == "not a database"
    assert controller.settings.value("files/last") == str(demo_db_file)
    controller.window.close()
    controller.database.dispose()


def test_language_switch_rebuilds_window_in_chinese(qtbot, tmp_path, demo_db_file):
    controller = _controller(tmp_path)
    controller.open(demo_db_file)
    controller.set_language("zh_CN")
    qtbot.addWidget(controller.window)
    assert "供应商" in controller.window.windowTitle()
    assert controller.settings.value("ui/language") == "zh_CN"
    controller.set_language("en")
    assert controller.window.windowTitle().startswith("QualityBridge")
    controller.window.close()
    controller.database.dispose()
