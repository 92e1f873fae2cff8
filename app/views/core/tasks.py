"""One helper for long work off the GUI thread: progress, cancel, and results or errors
delivered back on the GUI thread (after Anki's operations and Orange's ``state`` objects).

Usage::

    ctx.tasks.run(evaluate_all, db, on_done=self.show_result, label=self.tr("Evaluating…"))

The function receives ``state=TaskState`` and should call ``state.progress(fraction, text)``
and check ``state.cancelled`` (or call ``state.check()``, which raises ``TaskCancelled``).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot


class TaskCancelled(Exception):
    pass


class TaskState:
    """Shared between the worker and the GUI; the worker only reads ``cancelled``."""

    def __init__(self, emitter: _Emitter) -> None:
        self._cancel = threading.Event()
        self._emitter = emitter

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def progress(self, fraction: float, text: str = "") -> None:
        self._emitter.progress.emit(max(0.0, min(1.0, float(fraction))), text)


class _Emitter(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict, state: TaskState, emitter: _Emitter):
        super().__init__()
        self.fn, self.args, self.kwargs, self.state, self.emitter = fn, args, kwargs, state, emitter
        self.setAutoDelete(True)

    def run(self) -> None:  # worker thread
        try:
            result = self.fn(*self.args, state=self.state, **self.kwargs)
        except TaskCancelled:
            self.emitter.cancelled.emit()
        except Exception as exc:  # reported on the GUI thread, never swallowed
            self.emitter.failed.emit(exc, traceback.format_exc())
        else:
            if self.state.cancelled:
                self.emitter.cancelled.emit()
            else:
                self.emitter.done.emit(result)


@dataclass
class TaskHandle:
    state: TaskState
    emitter: _Emitter
    label: str

    def cancel(self) -> None:
        self.state.cancel()


class TaskRunner(QObject):
    """Runs callables on a private thread pool (one database writer at a time by default)."""

    started = Signal(object)  # TaskHandle, after the show-delay: views show a progress bar
    finished = Signal(object)  # TaskHandle
    error = Signal(str, str)  # message, details

    SHOW_DELAY_MS = 600  # as Anki: short tasks never flash a progress indicator

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        #: Called with the DatabaseBusyError of a failed task; True runs the task again (the GUI
        #: sets ``app.views.core.errors.ask_retry_busy``: a Retry/Cancel box).
        self.busy_prompt: Callable[[Exception], bool] | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self.active: list[TaskHandle] = []

    def run(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[Exception, str], None] | None = None, on_progress: Callable[[float, str], None] | None = None,
            on_cancelled: Callable[[], None] | None = None, label: str = "", **kwargs: Any) -> TaskHandle:
        emitter = _Emitter()
        state = TaskState(emitter)
        handle = TaskHandle(state=state, emitter=emitter, label=label)
        self.active.append(handle)
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: handle in self.active and self.started.emit(handle))
        timer.start(self.SHOW_DELAY_MS)

        def finish() -> None:
            timer.stop()
            if handle in self.active:
                self.active.remove(handle)
            self.finished.emit(handle)

        @Slot(object)
        def done(result: Any) -> None:
            finish()
            if on_done:
                on_done(result)

        @Slot(object, str)
        def failed(exc: Exception, details: str) -> None:
            finish()
            from app.models.core.database import DatabaseBusyError

            if isinstance(exc, DatabaseBusyError) and self.busy_prompt is not None and self.busy_prompt(exc):
                self.run(fn, *args, on_done=on_done, on_error=on_error, on_progress=on_progress,
                         on_cancelled=on_cancelled, label=label, **kwargs)
                return
            if on_error:
                on_error(exc, details)
            else:
                self.error.emit(str(exc), details)

        @Slot()
        def cancelled() -> None:
            finish()
            if on_cancelled:
                on_cancelled()

        emitter.done.connect(done)
        emitter.failed.connect(failed)
        emitter.cancelled.connect(cancelled)
        if on_progress:
            emitter.progress.connect(on_progress)
        # Keep Python references alive until the task ends.
        handle._slots = (done, failed, cancelled, timer)  # type: ignore[attr-defined]
        self.pool.start(_Runnable(fn, args, kwargs, state, emitter))
        return handle

    def wait(self, msecs: int = -1) -> bool:
        return self.pool.waitForDone(msecs)

    def cancel_all(self) -> None:
        for handle in list(self.active):
            handle.cancel()
