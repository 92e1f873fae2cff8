"""``qualitybridge survey import`` into the demo's open wave: rows stored; a bad cell refuses the
file with its line and column, nothing stored; Chinese under --lang zh_CN."""

from __future__ import annotations

import shutil
import sqlite3

from app.cli import main


def _open_wave(db):
    conn = sqlite3.connect(db)
    try:
        wave = conn.execute("SELECT id, code FROM sat_waves WHERE state = 'open'").fetchone()
        targets = conn.execute("SELECT c.code, k.name FROM sat_wave_targets t JOIN customers c ON c.id = t.customer_id"
                               " JOIN customer_contacts k ON k.id = t.contact_id WHERE t.wave_id = ? ORDER BY t.id"
                               " LIMIT 6", (wave[0],)).fetchall()
        return wave[1], targets
    finally:
        conn.close()


def _count(db, code):
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM sat_respondents r JOIN sat_waves w ON w.id = r.wave_id"
                            " WHERE w.code = ?", (code,)).fetchone()[0]
    finally:
        conn.close()


def test_import_and_refusal(demo_db_file, tmp_path, capsys):
    db = tmp_path / "d.sqlite3"
    shutil.copy(demo_db_file, db)
    code, targets = _open_wave(db)
    good = tmp_path / "good.csv"
    good.write_text("customer_code,contact_name,PQ1,PQ2,SA1\n" + "".join(f"{c},{n},8,9,7\n" for c, n in targets[:2]),
                    encoding="utf-8")
    assert main(["survey", "import", "--db", str(db), "--survey", "CCSI", "--wave", code, "--file", str(good)]) == 0
    assert "2 answer sheet(s) imported" in capsys.readouterr().out and _count(db, code) == 2
    bad = tmp_path / "bad.csv"
    c, n = targets[2]
    bad.write_text(f"customer_code,contact_name,PQ1\n{c},{n},11\n", encoding="utf-8")
    assert main(["--lang", "zh_CN", "survey", "import", "--db", str(db), "--survey", "CCSI", "--wave", code,
                 "--file", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "第 2 行（PQ1）" in err and "量表 1–10" in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and _count(db, code) == 2


def test_a_mapping_given_once_is_used_again_for_the_next_file_of_the_survey(demo_db_file, tmp_path, capsys):
    db = tmp_path / "d.sqlite3"
    shutil.copy(demo_db_file, db)
    code, targets = _open_wave(db)
    header = "顾客,联系人,质量符合,稳定\n"
    first = tmp_path / "first.csv"
    first.write_text(header + "".join(f"{c},{n},8,9\n" for c, n in targets[:2]), encoding="utf-8")
    args = ["survey", "import", "--db", str(db), "--survey", "CCSI", "--wave", code]
    assert main([*args, "--file", str(first), "--mapping", "customer=顾客", "--mapping", "contact=联系人",
                 "--mapping", "PQ1=质量符合", "--mapping", "PQ2=稳定"]) == 0
    second = tmp_path / "second.csv"                      # same layout, no --mapping: the remembered one
    second.write_text(header + "".join(f"{c},{n},6,7\n" for c, n in targets[2:4]), encoding="utf-8")
    assert main([*args, "--file", str(second)]) == 0
    assert "2 answer sheet(s) imported" in capsys.readouterr().out.splitlines()[-1] and _count(db, code) == 4
    own = tmp_path / "own.csv"                            # a file with the codes still reads by code
    own.write_text("customer_code,contact_name,PQ1\n" + "".join(f"{c},{n},5\n" for c, n in targets[4:5]),
                   encoding="utf-8")
    assert main([*args, "--file", str(own)]) == 0 and _count(db, code) == 5
