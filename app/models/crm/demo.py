"""Demo data of the CRM package: runs every ``demo_*.py`` module of the package, sorted by name,
calling its ``extend_demo(conn, ctx)`` (each module keeps its own random stream)."""

from __future__ import annotations

import importlib
import pkgutil
import sqlite3

ORDER = 70  # after the customers (45) and the complaints (60)


def extend_demo(conn: sqlite3.Connection, ctx) -> None:
    import app.models.crm as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
        if info.name.startswith("demo_"):
            importlib.import_module(f"app.models.crm.{info.name}").extend_demo(conn, ctx)
