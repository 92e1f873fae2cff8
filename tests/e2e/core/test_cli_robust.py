"""'qualitybridge commands never print a traceback for any input': every subcommand, discovered
from the parser, fed bad values — each refused with exit code != 0 and one short line on stderr."""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[3]
HUGE = "99999999999999999999"  # 20 digits: beyond int64


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _options(sub: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in sub._actions if a.option_strings and not isinstance(a, argparse._HelpAction)]


@pytest.fixture(scope="module")
def files(tmp_path_factory, demo_db_file):
    base = tmp_path_factory.mktemp("robust")
    db = base / "demo.sqlite3"
    shutil.copy(demo_db_file, db)
    from app.models.core.database import open_database

    open_database(db).dispose()
    text = base / "notes.sqlite3"
    text.write_text("meeting notes, not a database")
    folder = base / "folder.sqlite3"
    folder.mkdir()
    code = sqlite3.connect(db).execute("SELECT code FROM suppliers ORDER BY code LIMIT 1").fetchone()[0]
    csv_file = base / "data.csv"  # a valid deliveries file, so the import reaches the database
    csv_file.write_text("supplier_code,po_number,ordered_qty,due_date,delivered_qty,delivered_date\n"
                        f"{code},PO-ROBUST-1,10,2026-10-01,10,2026-10-02\n")
    out_dir = base / "out"
    out_dir.mkdir()
    return {"db": db, "text": text, "folder": folder, "csv": csv_file, "base": base, "out": out_dir}


def _valid(name: str, sub: argparse.ArgumentParser, files) -> list[str]:
    """Required options with plausible values, so one bad value at a time is what fails."""
    argv = [name]
    for action in sub._actions:  # positional arguments (e.g. restore FILE): an existing file
        if not action.option_strings and action.nargs is None:
            argv.append(str(files["db"]))
    for action in _options(sub):
        if not action.required:
            continue
        opt = action.option_strings[-1]
        if action.choices:
            argv += [opt, next(iter(action.choices))]
        elif opt == "--db":
            argv += [opt, str(files["db"]) if name != "demo" else str(files["base"] / "new-demo.sqlite3")]
        elif opt == "--out":
            suffix = ".pdf" if name.startswith("print") else ".csv"
            argv += [opt, str(files["out"] / f"{name}{suffix}") if name != "screenshots" else str(files["out"])]
        elif opt == "--period":
            argv += [opt, "2026-10"]
        elif opt in ("--file", "--data"):
            argv += [opt, str(files["csv"])]
        else:
            argv += [opt, "x"]
    for group in sub._mutually_exclusive_groups:
        if group.required:
            argv += [group._group_actions[0].option_strings[-1], "qms"]
    return argv


def _replace(argv: list[str], opt: str, value: str) -> list[str]:
    out = list(argv)
    if opt in out:
        out[out.index(opt) + 1] = value
    else:
        out += [opt, value]
    return out


def _cases(files) -> list[tuple[str, list[str]]]:
    cases = []
    for name, sub in _subcommands().items():
        base = _valid(name, sub, files)
        opts = {o for a in _options(sub) for o in a.option_strings}
        if "--db" in opts and name != "demo":
            cases += [(f"{name}: missing db", _replace(base, "--db", str(files["base"] / "nowhere.sqlite3"))),
                      (f"{name}: not a database", _replace(base, "--db", str(files["text"]))),
                      (f"{name}: a folder", _replace(base, "--db", str(files["folder"]))),
                      (f"{name}: empty db", _replace(base, "--db", ""))]
        if name == "demo":
            cases += [("demo: exists", _replace(base, "--db", str(files["db"]))),
                      ("demo: a folder", _replace(base, "--db", str(files["folder"]) + "/")),
                      ("demo: no folder", _replace(base, "--db", str(files["base"] / "no" / "x.sqlite3"))),
                      ("demo: bad end month", base + ["--end-month", "0000-01"]),
                      ("demo: empty end month", base + ["--end-month", ""])]
        for action in _options(sub):
            opt = action.option_strings[-1]
            if action.type is not None and action.nargs in (None, "?"):
                cases.append((f"{name}: huge {opt}", _replace(base, opt, HUGE)))
                cases.append((f"{name}: negative {opt}", _replace(base, opt, "-" + HUGE)))
            if action.nargs is None and action.const is None and not isinstance(action, argparse._StoreTrueAction) \
                    and opt not in ("--db",):
                cases.append((f"{name}: empty {opt}", _replace(base, opt, "")))
        if "--period" in opts:
            for bad in ("0000-01", "9999-Q4", "2026-13", "", "2026-Q5", "2026-10-01", "-1"):
                cases.append((f"{name}: period {bad!r}", _replace(base, "--period", bad)))
        if "--out" in opts and name != "screenshots":
            suffix = Path(base[base.index("--out") + 1]).suffix if "--out" in base else ".csv"
            cases += [(f"{name}: out in no folder", _replace(base, "--out", f"/nonexistent/dir/x{suffix}")),
                      (f"{name}: out is a folder", _replace(base, "--out", str(_folder_named(files, suffix)))),
                      (f"{name}: out read-only", _replace(base, "--out", f"/proc/x{suffix}"))]
        if "--file" in opts or "--data" in opts:
            opt = "--file" if "--file" in opts else "--data"
            cases += [(f"{name}: no such file", _replace(base, opt, str(files["base"] / "none.csv"))),
                      (f"{name}: file is a folder", _replace(base, opt, str(files["folder"]))),
                      (f"{name}: file is a database", _replace(base, opt, str(files["db"])))]
    return cases


def _folder_named(files, suffix: str) -> Path:
    p = files["base"] / f"dir{suffix}"
    p.mkdir(exist_ok=True)
    return p


def test_every_subcommand_is_covered():
    assert {"demo", "check", "screenshots", "evaluate", "export-grades", "sourcing", "import", "print-audit",
            "print-survey", "export-qualified", "csi", "kano"} <= set(_subcommands())


def test_bad_values_are_one_line_and_never_a_traceback(files, capsys, monkeypatch):
    monkeypatch.setenv("QUALITYBRIDGE_LOG_DIR", str(files["base"] / "logs"))
    failures = []
    cases = _cases(files)
    assert len(cases) > 100
    for label, argv in cases:
        try:
            code = main(argv)
        except BaseException as exc:  # noqa: BLE001 - anything escaping main is the bug under test
            failures.append(f"{label}: {type(exc).__name__} escaped: {exc}")
            continue
        out = capsys.readouterr()
        err = [line for line in out.err.splitlines() if line.strip()]
        if code == 0:
            failures.append(f"{label}: exit 0 for {argv}")
        elif "Traceback" in out.err + out.out or len(err) != 1 or len(err[0]) > 400:
            failures.append(f"{label}: {code} {err[:3]}")
    assert failures == [], "\n".join(failures)


def _locked(path: Path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    return conn


def test_a_locked_database_is_one_line_for_every_writing_command(files, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("QUALITYBRIDGE_BUSY_TIMEOUT", "0.2")
    db = tmp_path / "locked.sqlite3"
    shutil.copy(files["db"], db)
    lock = _locked(db)
    try:
        for name, sub in _subcommands().items():
            opts = {o for a in _options(sub) for o in a.option_strings}
            if "--db" not in opts or name in ("demo", "screenshots"):
                continue
            argv = _replace(_valid(name, sub, files), "--db", str(db))
            code = main(argv)
            out = capsys.readouterr()
            err = [line for line in out.err.splitlines() if line.strip()]
            assert "Traceback" not in out.err, (name, out.err)
            if code != 0:
                assert code == 1 and len(err) == 1, (name, err)
            if name in ("evaluate", "import"):  # writers wait for the busy timeout, then say so
                assert code == 1 and "in use by another program" in err[0], (name, err)
            # readers (exports, prints, check) read the last committed state: WAL never blocks them
    finally:
        lock.close()


def test_output_into_a_closed_pipe_exits_quietly(files):
    """`qualitybridge … | head -1`: the reader goes away; no BrokenPipeError traceback."""
    for argv in (["check", "--db", str(files["db"])],
                 ["sourcing", "--db", str(files["db"]), "--period", _latest_period(files["db"])]):
        proc = subprocess.Popen([sys.executable, "-m", "app", *argv], cwd=ROOT, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        proc.stdout.read(1)
        proc.stdout.close()  # like head after its first line
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
        assert "Traceback" not in err and "BrokenPipe" not in err, err
        assert code in (0, 141), (argv, code, err)


def _latest_period(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT max(period) FROM evaluation_results").fetchone()[0]
    finally:
        conn.close()


# --- nested command groups (``survey model …``, ``survey wave …``): every leaf, walked from the parser --------
def _leaves(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _leaves(sub, (*prefix, name))
            return
    yield prefix, parser


def nested_commands(groups: tuple[str, ...] = ("model", "wave", "version")) -> dict[str, argparse.ArgumentParser]:
    """``"survey model block add"`` → its parser, for every leaf of the ``survey`` groups ``groups``."""
    return {" ".join(("survey", *path)): sub for path, sub in _leaves(_subcommands()["survey"])
            if path and path[0] in groups}


#: plausible values of the nested commands' options (a released version: edits are refused, plans made)
NESTED_VALUES = {"--survey": "CCSI", "--wave": "CCSI-2026-Q3", "--code": "ROBUST-1", "--name": "Extra",
                 "--item": "PQ1", "--block": "Loyalty", "--new-name": "Other"}


def _nested_valid(name: str, sub: argparse.ArgumentParser, db) -> list[str]:
    argv = name.split()
    for action in _options(sub):
        if not action.required:
            continue
        opt = action.option_strings[-1]
        if action.choices:
            value = next(iter(action.choices))
        elif opt == "--db":
            value = str(db)
        elif opt in ("--from", "--to"):
            value = ("2027-01-01" if opt == "--from" else "2027-03-31") if name.endswith("plan") else \
                ("BrandImage" if opt == "--from" else "Loyalty")
        else:
            value = NESTED_VALUES.get(opt, "x")
        argv += [opt, value]
    return argv


def test_nested_survey_commands_refuse_bad_values_in_one_line(files, capsys, monkeypatch):
    monkeypatch.setenv("QUALITYBRIDGE_LOG_DIR", str(files["base"] / "logs"))
    leaves = nested_commands()
    assert {"survey model show", "survey model block add", "survey model path delete", "survey wave plan",
            "survey wave targets remove", "survey wave close"} <= set(leaves)
    cases = []
    for name, sub in leaves.items():
        base = _nested_valid(name, sub, files["db"])
        cases += [(f"{name}: missing db", _replace(base, "--db", str(files["base"] / "nowhere.sqlite3")), False),
                  (f"{name}: not a database", _replace(base, "--db", str(files["text"])), False),
                  (f"{name}: a folder", _replace(base, "--db", str(files["folder"])), False),
                  (f"{name}: empty db", _replace(base, "--db", ""), False)]
        for action in _options(sub):
            opt = action.option_strings[-1]
            if isinstance(action, argparse._StoreTrueAction) or opt == "--db":
                continue
            cases.append((f"{name}: empty {opt}", _replace(base, opt, ""), False))
            if action.type is not None:
                cases += [(f"{name}: huge {opt}", _replace(base, opt, HUGE), False),
                          (f"{name}: negative {opt}", _replace(base, opt, "-" + HUGE), False),
                          (f"{name}: word {opt}", _replace(base, opt, "abc"), False)]
            elif action.choices:
                cases.append((f"{name}: {opt} not a choice", _replace(base, opt, "no-such-choice"), False))
            else:  # free text: may be accepted (a name), never a traceback
                cases += [(f"{name}: unknown {opt}", _replace(base, opt, "no-such-thing-ZZ"), True),
                          (f"{name}: NUL {opt}", _replace(base, opt, "a\x00b"), True),
                          (f"{name}: long {opt}", _replace(base, opt, "长" * 5000), True)]
    assert len(cases) > 100
    failures = []
    for label, argv, may_pass in cases:
        try:
            code = main(argv)
        except BaseException as exc:  # noqa: BLE001 - anything escaping main is the bug under test
            failures.append(f"{label}: {type(exc).__name__} escaped: {exc}")
            continue
        out = capsys.readouterr()
        err = [line for line in out.err.splitlines() if line.strip()]
        if "Traceback" in out.err + out.out:
            failures.append(f"{label}: traceback")
        elif code == 0:
            if not may_pass:
                failures.append(f"{label}: exit 0 for {argv}")
        elif code != 1 or len(err) != 1 or len(err[0]) > 400:
            failures.append(f"{label}: {code} {[line[:200] for line in err[:3]]}")
    assert failures == [], "\n".join(failures)


def test_nested_survey_commands_on_a_locked_database(files, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("QUALITYBRIDGE_BUSY_TIMEOUT", "0.2")
    db = tmp_path / "locked.sqlite3"
    shutil.copy(files["db"], db)
    lock = _locked(db)
    try:
        for name, sub in nested_commands().items():
            code = main(_nested_valid(name, sub, db))
            out = capsys.readouterr()
            err = [line for line in out.err.splitlines() if line.strip()]
            assert "Traceback" not in out.err, (name, out.err)
            if code != 0:
                assert code == 1 and len(err) == 1, (name, err)
            if name == "survey wave plan":  # a writer waits for the busy timeout, then says so
                assert code == 1 and "in use by another program" in err[0], (name, err)
    finally:
        lock.close()
