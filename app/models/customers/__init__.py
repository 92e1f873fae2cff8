"""Customers (顾客): ``tables`` (the customer master)."""
