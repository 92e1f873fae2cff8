"""0015_agreement_areas: a file at 0009 with a signed version upgrades with the default order
kept (numbers unchanged); the column goes on downgrade and comes back."""

import sqlite3

from alembic import command

from app.models.agreements import service as svc
from app.models.core.database import alembic_config, upgrade
from app.models.suppliers import master as sup


def _columns(path, table):
    with sqlite3.connect(path) as c:
        return [r[1] for r in c.execute(f"PRAGMA table_info({table})")]


def test_upgrade_keeps_the_default_order_and_downgrade_removes_it(db, db_path):
    assert "0015_agreement_areas" in db.applied_revisions()
    sid = sup.create_supplier(db, {"code": "S0100", "name_zh": "宁波恒达五金有限公司", "name_en": "Ningbo Hengda"})
    _aid, vid = svc.create_agreement(db, sid)
    numbers = [c.number for c in svc.version_clauses(db, vid)]
    cfg = alembic_config()
    with db.engine.connect() as conn:
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0009_agreements")
    assert "area_order" not in _columns(db_path, "agreement_versions")
    assert "area_order" not in _columns(db_path, "agreement_templates")
    with sqlite3.connect(db_path) as c:  # the clauses survive the downgrade
        assert c.execute("SELECT count(*) FROM agreement_clauses WHERE version_id = ?", (vid,)).fetchone()[0] == len(numbers)
    upgrade(db)
    with sqlite3.connect(db_path) as c:
        assert c.execute("SELECT area_order FROM agreement_versions WHERE id = ?", (vid,)).fetchone()[0] == "1,2,3,4,5,6,7,8"
    assert [c.number for c in svc.version_clauses(db, vid)] == numbers
