"""Tabs that other domains add to a page (the customer detail, the Satisfaction module): each is
named by module and widget class, built only when the module exists, and titled at call time."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class TabFactory:
    """``module:widget`` built as ``widget(*args)`` (e.g. ``(ctx, customer_id)``)."""

    key: str
    title: Callable[[], str]
    module: str
    widget: str

    def available(self) -> bool:
        try:
            return importlib.util.find_spec(self.module) is not None
        except ModuleNotFoundError:
            return False

    def create(self, *args) -> QWidget:
        return getattr(importlib.import_module(self.module), self.widget)(*args)
