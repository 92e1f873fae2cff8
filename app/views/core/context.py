"""What every view gets: the open database, the background runner, the language, settings.
Passed explicitly — there is no global main-window lookup."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from app.models.core.database import Database
from app.views.core.tasks import TaskRunner


@dataclass
class AppContext:
    database: Database
    tasks: TaskRunner
    language: str  # "zh_CN" or "en"
    settings: QSettings
