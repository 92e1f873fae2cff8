"""The reports' demo extension: saved custom reports that run on the demo database."""

from __future__ import annotations

import random
import sqlite3
from types import SimpleNamespace

from app.models.crm import demo_crmreports, reports


def test_demo_saved_reports_run(db, db_path):
    conn = sqlite3.connect(db_path)
    ctx = SimpleNamespace(rng=random.Random(1), counts={})
    demo_crmreports.extend_demo(conn, ctx)
    conn.commit()
    conn.close()
    assert ctx.counts["crm_saved_reports"] == 3
    for name in reports.saved_reports(db)["name"]:
        result = reports.run_family(db, "custom", name=name)
        assert result.name == name
