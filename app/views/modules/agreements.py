"""Quality agreements: the agreement list with its clause grid and version life cycle, agreed
targets against actual performance, and the template editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.views.modules import ModuleSpec


def _create(ctx):
    from app.views.agreements.page import AgreementsPage

    return AgreementsPage(ctx)


def _screenshots(ctx):
    from app.views.agreements.page import screenshots

    return screenshots(ctx)


MODULE = ModuleSpec(
    key="agreements",
    order=25,
    title=lambda: QCoreApplication.translate("Modules", "Quality agreements"),
    factory=_create,
    icon="SP_FileDialogContentsView",
    screenshots=_screenshots,
)
