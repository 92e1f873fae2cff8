"""What the sales screens share: the words for stages, campaign types, activity kinds and
response channels (translated at call time), the form dialog that shows a service's refusal on
its fields, and number formats."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from app.views.suppliers.dialogs import FormDialog


translate = QCoreApplication.translate


STAGES = {"qualification": lambda: translate("SalesLabels", "Qualification"), "needs_analysis": lambda: translate("SalesLabels", "Needs analysis"),
          "proposal": lambda: translate("SalesLabels", "Proposal"), "negotiation": lambda: translate("SalesLabels", "Negotiation"), "won": lambda: translate("SalesLabels", "Won"),
          "lost": lambda: translate("SalesLabels", "Lost")}
CAMPAIGN_TYPES = {"trade_fair": lambda: translate("SalesLabels", "Trade fair"), "mailing": lambda: translate("SalesLabels", "Mailing"),
                  "visit_programme": lambda: translate("SalesLabels", "Visit programme"), "webinar": lambda: translate("SalesLabels", "Webinar")}
KINDS = {"call": lambda: translate("SalesLabels", "Call"), "visit": lambda: translate("SalesLabels", "Visit"), "mail": lambda: translate("SalesLabels", "Mail"),
         "meeting": lambda: translate("SalesLabels", "Meeting")}
CHANNELS = {"email": lambda: translate("SalesLabels", "E-mail"), "phone": lambda: translate("SalesLabels", "Phone"), "visit": lambda: translate("SalesLabels", "Visit"),
            "form": lambda: translate("SalesLabels", "Web form"), "booth": lambda: translate("SalesLabels", "At the booth")}
GROUPS = {"quality": lambda: translate("SalesLabels", "Quality"), "purchasing": lambda: translate("SalesLabels", "Purchasing"),
          "management": lambda: translate("SalesLabels", "Management"), "logistics": lambda: translate("SalesLabels", "Logistics"),
          "engineering": lambda: translate("SalesLabels", "Engineering")}
STAGE_COLOURS = {"won": QColor("#1e8449"), "lost": QColor("#7f8c8d"), "negotiation": QColor("#1f5fa8")}
OVERDUE = QColor("#c0392b")


def label(table: dict, key: Any) -> str:
    fn = table.get(key)
    return fn() if fn else ("" if key is None else str(key))


def money(value: Any) -> str:
    return "–" if value is None else f"{float(value):,.0f}"


def percent(value: Any) -> str:
    return "–" if value is None else f"{float(value) * 100:.1f} %"


def ratio(value: Any) -> str:
    return "–" if value is None else f"{float(value):.2f}"


class SalesFormDialog(FormDialog):
    """A form whose service raises ``sales_errors.ValidationError``: each problem is shown on its
    field (outlined, the message below the form); the dialog keeps what was typed."""

    def __init__(self, ctx, parent=None, submit=None) -> None:
        super().__init__(parent, submit)
        self.ctx = ctx

    def _accept(self) -> None:
        from app.models.crm.sales_errors import SalesError, ValidationError

        problems = self.problems()
        self.mark(problems)
        if problems:
            return
        if self.submit is not None:
            try:
                self.created = self.submit(self.submit_values())
            except ValidationError as exc:
                found = exc.by_field(self.ctx.language)
                self.mark({(f if f in self.field_widgets else ""): t for f, t in found.items()})
                return
            except SalesError as exc:
                self.mark({"": exc.text(self.ctx.language)})
                return
            except Exception as exc:  # permission, busy database: one line, no traceback
                from app.views.suppliers.common import error_text

                self.mark({"": error_text(exc)})
                return
        self.accept()


#: the customer detail's tab title (``app.views.customers.detail.TAB_FACTORIES`` says the same)
TAB_TITLE = lambda: translate("SalesLabels", "Sales")  # noqa: E731
