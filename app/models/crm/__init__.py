"""CRM (issue 16): customer orders and value analysis (``tables_orders``, ``orders``, ``value``),
opportunities/campaigns/activities (``tables_sales``) and report families (``tables_reports``).
Each part keeps to its own modules; ``permissions`` declares the rights of all three."""
