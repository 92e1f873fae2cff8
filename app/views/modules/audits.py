"""Audits & corrective actions: audit list (new / resume / print), corrective action requests
with overdue ones highlighted, and the checklist template editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.suppliers.audits_page import AuditsPage

    return AuditsPage(ctx)


def _screenshots(ctx):
    from app.views.suppliers.audits_page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="audits",
    order=20,
    title=lambda: QCoreApplication.translate("Modules", "Audits & corrective actions"),
    factory=_create,
    icon="SP_FileDialogDetailedView",
    screenshots=_screenshots,
)
