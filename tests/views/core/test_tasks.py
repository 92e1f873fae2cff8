"""The background-task helper: results, errors, cancel and progress arrive on the GUI thread."""

import threading
import time

from PySide6.QtCore import QThread

from app.views.core.tasks import TaskRunner


def test_result_arrives_on_gui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work(x, *, state):
        seen["worker"] = threading.get_ident()
        state.progress(0.5, "half")
        return x * 2

    def done(result):
        seen["result"] = result
        seen["gui"] = QThread.currentThread()

    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(work, 21, on_done=done)
    assert seen["result"] == 42
    assert seen["gui"] == qtbot_main_thread()
    assert seen["worker"] != threading.get_ident()


def qtbot_main_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_error_is_reported_not_swallowed(qtbot):
    runner = TaskRunner()
    errors = []
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.run(lambda *, state: 1 / 0, on_error=lambda exc, details: errors.append((exc, details)))
    assert isinstance(errors[0][0], ZeroDivisionError)
    assert "ZeroDivisionError" in errors[0][1]


def test_cancel_stops_long_work(qtbot):
    runner = TaskRunner()
    cancelled, steps = [], []

    def long_work(*, state):
        for i in range(500):
            state.check()
            steps.append(i)
            time.sleep(0.01)
        return "finished"

    handle = runner.run(long_work, on_cancelled=lambda: cancelled.append(True), on_done=lambda r: steps.append(r))
    qtbot.wait(50)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        handle.cancel()
    assert cancelled == [True]
    assert "finished" not in steps and len(steps) < 500
