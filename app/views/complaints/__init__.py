"""Complaint screens: the list page (filters, due first, SLA time left coloured), the intake
dialog, the detail with the handling steps, and ``customer_tab.ComplaintsTab`` for the customer detail."""
