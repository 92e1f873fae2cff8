"""0010_satisfaction: ORM and schema agree, and it goes down again (the customers stay)."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.models.core.base import Base
from app.models.core.database import alembic_config
from app.models.satisfaction import tables  # noqa: F401

TABLES = {"sat_surveys", "sat_survey_versions", "sat_nodes", "sat_ahp", "sat_model_blocks", "sat_model_paths",
          "sat_kano_pairs", "sat_waves", "sat_wave_targets", "sat_respondents", "sat_answers"}


def test_orm_matches_the_migration(db):
    assert "0010_satisfaction" in db.applied_revisions()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if any(t in repr(d) for t in TABLES)] == []


def test_downgrade_removes_the_tables(db):
    cfg = alembic_config()
    with db.engine.connect() as conn:
        with conn.begin():
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0010_satisfaction@0007_customers")
        names = set(db.engine.dialect.get_table_names(conn))
    assert not TABLES & names and "customer_contacts" in names
