"""CRM screens: sales (opportunities, campaigns, activities), orders and value analysis, reports."""
