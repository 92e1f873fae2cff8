"""The demo's complaints: a plausible mix, open ones overdue and waiting, SCARs linked both ways,
at least one reopened; every flow readable by the services."""

import sqlite3

from app.flows.complaint import ComplaintFlow
from app.models.complaints import service as svc


def test_demo_complaints_are_plausible(demo_db_file):
    conn = sqlite3.connect(demo_db_file)
    try:
        types = dict(conn.execute("SELECT complaint_type, count(*) FROM complaints GROUP BY 1").fetchall())
        states = dict(conn.execute("SELECT state, count(*) FROM complaints GROUP BY 1").fetchall())
        linked = conn.execute("SELECT count(*) FROM complaints c JOIN corrective_actions a ON a.id = c.car_id"
                              " WHERE a.source = 'complaint' AND a.supplier_id = c.supplier_id").fetchone()[0]
        reopened = conn.execute("SELECT count(*) FROM complaints WHERE reopen_count > 0").fetchone()[0]
        flows = [r[0] for r in conn.execute("SELECT flow_json FROM complaints")]
        rated = conn.execute("SELECT count(*) FROM complaints WHERE state = 'closed' AND rating IS NULL").fetchone()[0]
    finally:
        conn.close()
    assert types["quality"] >= 0.25 * sum(types.values()) and len(types) >= 5
    assert states["closed"] > states.get("open", 0) and states.get("waiting", 0) >= 1
    assert linked >= 2 and reopened >= 1 and rated == 0
    for text in flows:
        ComplaintFlow.from_json(text)


def test_demo_open_complaints_have_an_sla_state(demo_db):
    df = svc.list_complaints(demo_db, svc.ComplaintFilter(state="active"))
    assert len(df) >= 3 and df["left"].notna().all()
    assert df["overdue"].any()
    d = svc.get_complaint(demo_db, int(df["id"].iloc[0]))
    assert d.sla_left is not None and d.sla_left < 0
