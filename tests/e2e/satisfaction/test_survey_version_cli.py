"""``qualitybridge survey version``: a draft copied from the demo's released CCSI version, edited
through ``survey model``, released (refused while a check fails, every reason in one line), and
retired; Chinese under --lang zh_CN."""

from __future__ import annotations

import shutil

from app.cli import main


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out.strip().splitlines(), out.err.strip().splitlines()


def test_new_draft_edit_release_retire(demo_db_file, tmp_path, capsys):
    db = tmp_path / "d.sqlite3"
    shutil.copy(demo_db_file, db)
    V = ("survey", "version")
    M = ("survey", "model")
    code, out, _ = _run(capsys, *V, "list", "--db", str(db), "--survey", "CCSI")
    assert code == 0 and out == ["CCSI v1  released  model CCSI  released by 王芳"]
    assert _run(capsys, *V, "new", "--db", str(db), "--survey", "CCSI")[1] == [
        "CCSI v2 created as a draft, copied from CCSI v1"]
    code, _, err = _run(capsys, *V, "new", "--db", str(db), "--survey", "CCSI")
    assert code == 1 and len(err) == 1 and "already has draft version 2" in err[0]
    # the draft's model is editable now: an extra block without indicators makes it invalid
    assert _run(capsys, *M, "block", "add", "--db", str(db), "--survey", "CCSI", "--name", "Extra")[0] == 0
    assert _run(capsys, *M, "validate", "--db", str(db), "--survey", "CCSI")[0] == 1
    assert _run(capsys, *M, "block", "delete", "--db", str(db), "--survey", "CCSI", "--name", "Extra")[0] == 0
    code, out, _ = _run(capsys, *V, "release", "--db", str(db), "--survey", "CCSI")
    assert code == 0 and out == ["CCSI v2 released: it is frozen now and can be asked in a wave"]
    code, _, err = _run(capsys, "--lang", "zh_CN", *M, "block", "add", "--db", str(db), "--survey", "CCSI",
                        "--name", "Extra")
    assert code == 1 and "已冻结" in err[0]
    code, out, _ = _run(capsys, *V, "retire", "--db", str(db), "--survey", "CCSI", "--version", "1")
    assert code == 0
    code, out, _ = _run(capsys, "--lang", "zh_CN", *V, "list", "--db", str(db), "--survey", "CCSI")
    assert out == ["CCSI v1  已停用  模型 CCSI  发布人 王芳", "CCSI v2  已发布  模型 CCSI  发布人 系统管理员 Admin"] \
        or (out[0].startswith("CCSI v1  已停用") and out[1].startswith("CCSI v2  已发布"))
    code, _, err = _run(capsys, *V, "release", "--db", str(db), "--survey", "CCSI", "--version", "1")
    assert code == 1 and len(err) == 1 and "Traceback" not in err[0]
