"""Overview: what needs attention today (supplier counts, overdue corrective actions,
certificates expiring soon)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.core.overview import OverviewPage

    return OverviewPage(ctx)


MODULE = ModuleSpec(
    key="overview",
    order=0,
    title=lambda: QCoreApplication.translate("Modules", "Overview"),
    factory=_create,
    icon="SP_ComputerIcon",
)
