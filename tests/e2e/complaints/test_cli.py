"""``qualitybridge complaints …`` in a subprocess, as a user runs it: one line out, one-line errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.models.complaints import service as svc
from tests.models.complaints.conftest import intake, make_world

ROOT = Path(__file__).resolve().parents[3]
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def cli(*args):
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture
def filled(db, db_path):
    world = make_world(db)
    a = svc.create_complaint(db, intake(world, received_at=datetime(2026, 3, 6, 15, 0)))
    svc.create_complaint(db, intake(world, received_at=datetime(2026, 4, 2, 9, 0), severity="minor"))
    db.dispose()
    return db_path, a


@needs_poppler
def test_export_letter_list_and_errors(filled, tmp_path):
    path, cid = filled
    out = tmp_path / "reg.xlsx"
    r = cli("complaints", "export", "--db", path, "--period", "2026-03", "--out", out, "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"1 complaints (1 overdue) written to {out}"
    assert load_workbook(out).active.max_row == 2
    r = cli("--lang", "zh_CN", "complaints", "export", "--db", path, "--period", "2026-Q1..2026-Q2", "--out",
            tmp_path / "r.csv")
    assert r.returncode == 0 and "已将 2 条投诉" in r.stdout
    pdf = tmp_path / "l.pdf"
    r = cli("complaints", "letter", cid, "--db", path, "--out", pdf, "--lang", "en")
    assert r.returncode == 0, r.stderr
    assert "(en)" in r.stdout and pdf.stat().st_size > 5000  # Anna Berg prefers English
    r = cli("complaints", "report", "--db", path, "--period", "2026-03", "--out", tmp_path / "m.pdf", "--lang", "en")
    assert r.returncode == 0 and "(1 complaints received)" in r.stdout, r.stderr
    r = cli("complaints", "list", "--db", path, "--overdue", "--lang", "en")
    assert r.returncode == 0 and r.stdout.count("CC-2026-") == 2 and "overdue" in r.stdout
    for bad in (["export", "--db", path, "--period", "2026-13", "--out", out],
                ["export", "--db", path, "--out", tmp_path / "x.txt"],
                ["letter", "999", "--db", path, "--out", pdf]):
        r = cli("complaints", *bad, "--lang", "en")
        assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert "no complaint with id 999" in r.stderr
