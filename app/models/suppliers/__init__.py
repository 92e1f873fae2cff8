"""Suppliers (供应商): ``tables`` (the records), ``errors`` (what services raise), and the services
views and commands call — ``master`` (supplier grid, detail, contacts, certificates, status),
``imports`` (CSV/xlsx import and export), ``surveys``, ``audits`` (templates, audits, findings),
``corrective`` (SCAR / 8D), ``approval`` (approval flow, qualified list, development plans).
``demo`` extends the demo database; ``demo8d`` holds its 8D texts."""
