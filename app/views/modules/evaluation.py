"""Supplier evaluation (供应商业绩评定): run the monthly grading job, read the grade list,
see why a supplier got its grade and how its score moved, export the list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    # Imported on first visit: the page pulls in pyqtgraph, which start-up should not pay for.
    from app.views.evaluation.page import EvaluationPage

    return EvaluationPage(ctx)


def _screenshots(ctx):
    from app.views.evaluation.page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="evaluation",
    order=15,
    title=lambda: QCoreApplication.translate("Modules", "Supplier evaluation"),
    factory=_create,
    screenshots=_screenshots,
    icon="SP_FileDialogDetailedView",
)
