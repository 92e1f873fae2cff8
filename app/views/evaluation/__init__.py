"""Supplier evaluation screen: grade list, calculation trace and grade trend."""
