"""CRM (客户关系管理): customer orders and value analysis, sales opportunities, campaigns,
activities and reminders, reports. Modules other layers may import: ``tables_sales``,
``opportunities``, ``campaigns``, ``activities``, ``permissions``."""
