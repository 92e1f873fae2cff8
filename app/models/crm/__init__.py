"""CRM (客户关系管理, issue 16): customer orders and value analysis (``tables_orders``, ``orders``,
``value``), sales opportunities, campaigns, activities and reminders (``tables_sales``,
``opportunities``, ``campaigns``, ``activities``) and report families (``tables_reports``,
``reports``). Each part keeps to its own modules; ``permissions`` declares the rights of all."""
