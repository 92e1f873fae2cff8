"""The GUI's last resort and the busy database (issue classes 2 and 13): one translated line and
the log file's path, never a traceback; Retry/Cancel for a database in use; Qt's own dialogs in
Chinese."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from app.models.core.database import DatabaseBusyError
from app.views.core import errors
from app.views.core.translation import install_translators

SHOTS = Path(__import__("tempfile").gettempdir()) / "qualitybridge-shots"  # rendered to be looked at


@pytest.fixture
def lang():
    yield
    install_translators("en")


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    from app import logs

    monkeypatch.setenv("QUALITYBRIDGE_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(logs, "_handler", None)
    monkeypatch.setattr(logs, "_path", None)
    yield tmp_path / "logs" / "qualitybridge.log"
    import logging

    logger = logging.getLogger(logs.LOGGER)
    for h in list(logger.handlers):
        if isinstance(h, logging.FileHandler):
            logger.removeHandler(h)
            h.close()


def test_qt_own_dialogs_are_chinese(qtbot, lang):
    install_translators("zh_CN")
    box = QMessageBox(QMessageBox.Icon.Question, "t", "x",
                      QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    assert box.button(QMessageBox.StandardButton.Retry).text() == "重试"
    dialog = QFileDialog(None, "t")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："} <= labels, labels
    buttons = {b.text() for b in dialog.findChildren(QDialogButtonBox)[0].buttons()}
    assert "取消" in buttons


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_busy_box_offers_retry_and_cancel(qtbot, lang, language):
    install_translators(language)
    box = errors.busy_box(None, DatabaseBusyError("demo.sqlite3"))
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == ({"重试", "取消"} if language == "zh_CN" else {"Retry", "Cancel"})
    assert "demo.sqlite3" in box.text() and ("其他程序" in box.text()) == (language == "zh_CN")
    box.show()
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.grab().save(str(SHOTS / f"busy-database_{language}.png"))


def test_run_with_retry_tries_again_until_it_works(qtbot, monkeypatch):
    calls = []

    def service():
        calls.append(1)
        if len(calls) < 3:
            raise DatabaseBusyError("x.sqlite3")
        return "done"

    monkeypatch.setattr(errors, "ask_retry_busy", lambda parent, exc: True)
    assert errors.run_with_retry(None, service) == "done" and len(calls) == 3
    monkeypatch.setattr(errors, "ask_retry_busy", lambda parent, exc: False)
    calls.clear()
    assert errors.run_with_retry(None, service) is None and len(calls) == 1


def test_a_background_task_meeting_a_busy_database_is_retried(qtbot):
    from app.views.core.tasks import TaskRunner

    runner = TaskRunner()
    asked, calls, done = [], [], []
    runner.busy_prompt = lambda exc: asked.append(exc) or True

    def work(state):
        calls.append(1)
        if len(calls) == 1:
            raise DatabaseBusyError("x.sqlite3")
        return 42

    runner.run(work, on_done=done.append)
    qtbot.waitUntil(lambda: done == [42], timeout=5000)
    assert len(asked) == 1 and len(calls) == 2


def _record_boxes(monkeypatch) -> list[QMessageBox]:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self) or 0)
    return shown


def test_an_uncaught_exception_is_logged_and_shown_as_one_line(qtbot, monkeypatch, log_dir, lang):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = _record_boxes(monkeypatch)
    install_translators("zh_CN")
    errors.install_excepthooks()
    try:
        raise KeyError("no such supplier column")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    box = shown[0]
    assert "\n" not in box.text() and "Traceback" not in box.text() + box.informativeText()
    assert "KeyError" in box.text() and "出现了问题" in box.text()
    assert str(log_dir) in box.informativeText() and not box.detailedText()
    logged = log_dir.read_text(encoding="utf-8")
    assert "Traceback" in logged and "no such supplier column" in logged
    box.show()
    QApplication.processEvents()
    box.grab().save(str(SHOTS / "unexpected-error_zh_CN.png"))


def test_an_exception_in_a_thread_is_logged_and_shown(qtbot, monkeypatch, log_dir):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown = _record_boxes(monkeypatch)
    errors.install_excepthooks()

    def boom():
        raise ValueError("thread trouble")

    t = threading.Thread(target=boom)
    t.start()
    t.join()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=3000)
    assert "ValueError" in shown[0].text()
    assert "thread trouble" in log_dir.read_text(encoding="utf-8")


def test_import_errors_dialog_caps_the_list(qtbot):
    from app.models.core.csv_reader import RowError
    from app.views.suppliers.dialogs import ImportErrorsDialog

    dialog = ImportErrorsDialog([RowError(i, "value missing", "code") for i in range(2, 2 + 250_000)])
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 200
    assert not dialog.more.isHidden() and "249,800" in dialog.more.text()


def test_database_refusals_follow_the_interface_language(qtbot, tmp_path, lang):
    from app.models.core.database import NotADatabaseError, open_database

    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database")
    with pytest.raises(NotADatabaseError) as caught:
        open_database(bogus)
    install_translators("zh_CN")
    assert "不是 QualityBridge 数据库" in errors.database_error_text(caught.value)
    install_translators("en")
    assert "is not a QualityBridge database" in errors.database_error_text(caught.value)
