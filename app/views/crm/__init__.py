"""CRM screens (客户关系管理): sales (opportunities, campaigns, activities), orders and value analysis, reports."""
