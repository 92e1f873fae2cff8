"""Supplier evaluation (供应商业绩评定): run the monthly grading job, read the grade list,
see why a supplier got its grade and how its score moved, export the list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.evaluation.page import EvaluationPage
from app.views.modules import ModuleSpec

MODULE = ModuleSpec(
    key="evaluation",
    order=15,
    title=lambda: QCoreApplication.translate("Modules", "Supplier evaluation"),
    factory=lambda ctx: EvaluationPage(ctx),
    icon="SP_FileDialogDetailedView",
)
