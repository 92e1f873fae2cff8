"""Customers (顾客): ``tables`` (the customer master, contacts, groups, parts we supply),
``master`` (grid rows, create/update/duplicate/delete, contacts, parts, value class),
``imports`` (all-or-nothing CSV/xlsx import, export), ``privacy`` (one contact's personal data:
export and erasure), ``errors``, ``permissions``, ``demo``."""
