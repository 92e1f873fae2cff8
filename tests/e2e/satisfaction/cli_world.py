"""A copy of the demo database with a draft survey CUST whose six indicators measure no block yet,
for the ``survey model`` / ``survey wave`` command tests; and a runner of the commands."""

from __future__ import annotations

import json
import shutil

from app.cli import main

INDICATORS = ("Q1", "Q2", "S1", "S2", "L1", "L2")


def open_db(path):
    from app.models.admin.identity import Actor
    from app.models.core.database import open_database

    db = open_database(path)
    db.actor = Actor.system_job("pytest")
    return db


def make_survey(path, code: str = "CUST") -> int:
    """A periodic survey ``code`` with draft version 1: goal → one dimension → six indicators
    (direct weights, both languages), no model. Returns the version id."""
    from app.models.satisfaction import design

    db = open_db(path)
    try:
        row = design.create_survey(db, code, "定制满意度", "Custom satisfaction")
        vid = row.versions[0].id
        goal = design.version_tree(db, vid)[0]
        dim = design.add_node(db, vid, goal.id, "D1", "质量", "Quality", weight=1)
        for item in INDICATORS:
            design.add_node(db, vid, dim.id, item, f"题目{item}", f"Question {item}", weight=1)
        return vid
    finally:
        db.dispose()


def world(tmp_path, demo_db_file):
    db = tmp_path / "w.sqlite3"
    shutil.copy(demo_db_file, db)
    return db


class Runner:
    """``run(*argv)`` → (exit code, stdout, stderr lines) through ``app.cli.main`` in-process."""

    def __init__(self, capsys, db) -> None:
        self.capsys, self.db = capsys, str(db)

    def __call__(self, *argv: str, lang: str | None = None) -> tuple[int, str, list[str]]:
        full = [*argv]
        if "--db" not in full:
            # every leaf command takes --db among its own options
            full += ["--db", self.db]
        if lang:
            full = ["--lang", lang, *full]
        code = main(full)
        out = self.capsys.readouterr()
        assert "Traceback" not in out.out + out.err
        return code, out.out, [line for line in out.err.splitlines() if line.strip()]

    def json(self, *argv: str):
        code, out, err = self(*argv, "--json")
        assert code == 0, err
        return json.loads(out)
