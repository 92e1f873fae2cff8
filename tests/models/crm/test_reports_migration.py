"""Migration 0017_crm_reports: the saved custom reports table exists and refuses an unknown aggregate."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError

from app.models.crm.tables_reports import SavedReport


def test_saved_reports_table(db):
    cols = {c["name"] for c in inspect(db.engine).get_columns("crm_saved_reports")}
    assert {"name", "record_type", "columns_json", "filters_json", "group_by", "aggregate",
            "aggregate_column", "owner", "created_at", "changed_at"} <= cols
    now = datetime(2026, 1, 1)
    with pytest.raises(IntegrityError):
        with db.begin() as s:
            s.add(SavedReport(name="x", record_type="customers", aggregate="median", created_at=now, changed_at=now))
