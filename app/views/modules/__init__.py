"""Feature modules shown in the main window's navigation.

Each ``app/views/modules/<name>.py`` defines ``MODULE = ModuleSpec(...)``; discovery is
automatic, so a feature adds its screen without touching the main window.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtWidgets import QWidget

from app.views.core.context import AppContext


@dataclass(frozen=True)
class ModuleSpec:
    key: str
    order: int
    title: Callable[[], str]  # translated at call time
    factory: Callable[[AppContext], QWidget]
    icon: str = ""  # a QStyle.StandardPixmap name or a file under resources/icons
    screenshots: Callable[[AppContext], list[tuple[str, QWidget]]] | None = field(default=None)
    #: whether the signed-in user sees the module (e.g. only with a permission); None = everyone
    visible: Callable[[AppContext], bool] | None = field(default=None)


def discover_modules() -> list[ModuleSpec]:
    import app.views.modules as pkg

    specs = []
    for info in pkgutil.iter_modules(pkg.__path__):
        module = importlib.import_module(f"app.views.modules.{info.name}")
        spec = getattr(module, "MODULE", None)
        if isinstance(spec, ModuleSpec):
            specs.append(spec)
    return sorted(specs, key=lambda s: (s.order, s.key))
