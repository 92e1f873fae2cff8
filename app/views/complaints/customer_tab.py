"""``ComplaintsTab(ctx, customer_id)``: one customer's complaints with their detail, for the
customer detail's tabs (the list without the customer filter, new complaints for this customer)."""

from __future__ import annotations

from app.views.complaints.page import ComplaintsPage


class ComplaintsTab(ComplaintsPage):
    def __init__(self, ctx, customer_id: int, parent=None) -> None:
        super().__init__(ctx, parent, customer_id=customer_id)
        self.setObjectName("complaintsTab")
        self.customer_id = customer_id
