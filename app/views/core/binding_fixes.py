"""Work-arounds for defects of the Qt binding that a long session runs into.

``SignalInstance.emit`` and ``SignalInstance.disconnect`` of PySide6 6.12 return ``True`` (or
``False``) without taking a reference to it, so every signal emitted or disconnected from Python
(ours and pyqtgraph's, which emits and reconnects several per chart) takes one reference from
``True``. Building and closing the evaluation page cost about 110; after a long session the count
reaches zero while the interpreter shuts down, and Python aborts with ``Fatal Python error:
bool_dealloc``. :func:`install` measures whether the binding in use has the defect and, only
then, gives back the missing reference after each call (a binding without it is left alone, so
a fixed PySide6 needs no change here).
"""

from __future__ import annotations

import ctypes
import sys
import warnings
from collections.abc import Callable

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None

ROUNDS = 16


def _loss(call: Callable[[], object]) -> tuple[object, int]:
    """(result, references of the result lost per call) for a call returning True or False."""
    result = call()
    if result is not True and result is not False:
        return result, 0
    value = bool(result)
    del result
    before = sys.getrefcount(value)
    for _ in range(ROUNDS):
        call()
    lost = round((before - sys.getrefcount(value)) / ROUNDS)
    for _ in range(max(lost, 0) * (ROUNDS + 1)):  # give back what the measurement itself took
        _incref(value)
    return value, max(lost, 0)


def _measure() -> dict[str, dict[bool, int]]:
    """Per method name: references of True/False lost per call, on a private signal."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        ping = Signal(object)

    def slot(_value) -> None:
        pass

    probe = _Probe()
    out: dict[str, dict[bool, int]] = {"emit": {}, "disconnect": {}}

    def connected_then_disconnected():
        probe.ping.connect(slot)
        return probe.ping.disconnect(slot)

    def not_connected():
        return probe.ping.disconnect(slot)

    calls = {"emit": [lambda: probe.ping.emit(None), lambda: (probe.blockSignals(True), probe.ping.emit(None))[1]],
             "disconnect": [connected_then_disconnected, not_connected]}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Failed to disconnect" is what the second probe does
        for name, probes in calls.items():
            for call in probes:
                value, lost = _loss(call)
                if lost:
                    out[name][bool(value)] = lost
            probe.blockSignals(False)
    probe.deleteLater()
    return out


def _compensated(original, lost: dict[bool, int]):
    def method(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        if result is True or result is False:
            for _ in range(lost.get(result, 0)):
                _incref(result)
        return result

    method._qualitybridge_fix = True  # type: ignore[attr-defined]
    method.__doc__ = original.__doc__
    method.__name__ = getattr(original, "__name__", "method")
    return method


def install() -> list[str]:
    """Compensate the binding's defects where present; the names of the methods fixed."""
    from PySide6.QtCore import SignalInstance

    if getattr(SignalInstance.emit, "_qualitybridge_fix", False):
        return [n for n in ("emit", "disconnect") if getattr(getattr(SignalInstance, n), "_qualitybridge_fix", False)]
    fixed = []
    for name, lost in _measure().items():
        if lost:
            setattr(SignalInstance, name, _compensated(getattr(SignalInstance, name), lost))
            fixed.append(name)
    if fixed and "emit" not in fixed:  # mark as done so a second call does not measure again
        SignalInstance.emit = _compensated(SignalInstance.emit, {})
    return fixed
