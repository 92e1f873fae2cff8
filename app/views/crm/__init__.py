"""CRM screens (客户关系管理)."""
