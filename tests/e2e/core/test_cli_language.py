"""Command output follows --lang (before or after the command): Chinese under zh_CN, for a
success and an error path of every command; never a traceback."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.commands import messages

CJK = re.compile(r"[\u4e00-\u9fff]")
MOBI = Path(__file__).resolve().parents[2] / "data" / "mobi.csv"


def test_catalogue_has_every_key_in_both_languages():
    assert set(messages.EN) == set(messages.ZH)
    for key in messages.EN:
        names = lambda s: set(re.findall(r"{(\w+)", s))  # noqa: E731
        assert names(messages.EN[key]) == names(messages.ZH[key]), key


@pytest.fixture(scope="module")
def demo(tmp_path_factory, demo_db_file):
    base = tmp_path_factory.mktemp("lang")
    db = base / "demo.sqlite3"
    shutil.copy(demo_db_file, db)
    conn = sqlite3.connect(db)
    period = conn.execute("SELECT max(period) FROM evaluation_results").fetchone()[0]
    code = conn.execute("SELECT code FROM suppliers ORDER BY code LIMIT 1").fetchone()[0]
    potential = [r[0] for r in conn.execute("SELECT code FROM suppliers WHERE status = 'potential' ORDER BY code")]
    conn.close()
    deliveries = base / "deliveries.csv"
    deliveries.write_text("supplier_code,po_number,ordered_qty,due_date,delivered_qty,delivered_date\n"
                          f"{code},PO-LANG-1,10,2026-10-01,10,2026-10-02\n", encoding="utf-8")
    kano = base / "kano.csv"
    kano.write_text("attribute,functional,dysfunctional\n快速响应,喜欢,不喜欢\n快速响应,1,5\n", encoding="utf-8")
    return {"db": str(db), "period": period, "base": base, "deliveries": str(deliveries), "kano": str(kano),
            "potential": potential}


def _latest_wave(db: str) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT code FROM sat_waves WHERE code LIKE 'CCSI-%' AND state = 'closed' ORDER BY period_end DESC").fetchone()[0]
    finally:
        conn.close()


def _cases(d, where: str) -> dict[str, tuple[list[str], list[str]]]:
    """command → (success argv, error argv)."""
    missing = str(d["base"] / "nowhere.sqlite3")
    out = d["base"]
    deliveries = out / f"deliveries-{where}.csv"
    deliveries.write_text(Path(d["deliveries"]).read_text(encoding="utf-8").replace("PO-LANG-1", f"PO-{where}"),
                          encoding="utf-8")
    # a fresh potential supplier per call: its approval flow starts with the first step
    supplier = d["potential"][{"before": 0, "after": 1}.get(where, 2)]
    orders_file = out / f"orders-{where}.csv"
    orders_file.write_text("order_no,customer,order_date,part_code,quantity,amount,margin\n"
                           f"LANG-{where},C0001,2026-11-02,P00001,10,1000,200\n", encoding="utf-8")
    orders_bad = out / "orders-bad.csv"
    orders_bad.write_text("order_no,customer,order_date,quantity,amount\nLANG-X,NOPE,2026-11-02,1,10\n", encoding="utf-8")
    return {
        "demo": (["demo", "--db", str(out / "small.sqlite3"), "--suppliers", "5", "--customers", "0", "--months", "1",
                  "--no-evaluation", "--force"], ["demo", "--db", d["db"]]),
        "check": (["check", "--db", d["db"]], ["check", "--db", missing]),
        "screenshots": (None, ["screenshots", "--db", missing, "--out", str(out / "shots")]),
        "evaluate": (["evaluate", "--db", d["db"], "--period", d["period"]],
                     ["evaluate", "--db", d["db"], "--period", "0000-01"]),
        "export-grades": (["export-grades", "--db", d["db"], "--period", d["period"], "--out", str(out / "g.csv")],
                          ["export-grades", "--db", d["db"], "--period", "2001-01", "--out", str(out / "g.csv")]),
        "sourcing": (["sourcing", "--db", d["db"], "--period", d["period"]],
                     ["sourcing", "--db", missing, "--period", d["period"]]),
        "import": (["import", "--db", d["db"], "--kind", "deliveries", "--file", str(deliveries)],
                   ["import", "--db", d["db"], "--kind", "deliveries", "--file", d["db"]]),
        "print-audit": (["print-audit", "--db", d["db"], "--template", "qms", "--out", str(out / "a.pdf")],
                        ["print-audit", "--db", d["db"], "--template", "qms", "--out", str(out / "a.txt")]),
        "print-survey": (["print-survey", "--db", d["db"], "--out", str(out / "s.pdf")],
                         ["print-survey", "--db", missing, "--out", str(out / "s.pdf")]),
        "export-qualified": (["export-qualified", "--db", d["db"], "--out", str(out / "q.csv")],
                             ["export-qualified", "--db", d["db"], "--out", str(out / "none" / "q.csv")]),
        "csi": (["csi", "--data", str(MOBI)], ["csi", "--data", str(out / "none.csv")]),
        "approval-step": (["approval-step", "--db", d["db"], "--supplier", supplier, "--result", "pass", "--step",
                           "survey_received"],
                          ["approval-step", "--db", d["db"], "--supplier", "NO-SUCH", "--step", "approval",
                           "--result", "pass"]),
        "print-approval": (["print-approval", "--db", d["db"], "--supplier", supplier, "--out",
                            str(out / f"approval-{where}.pdf")],
                           ["print-approval", "--db", d["db"], "--supplier", supplier, "--out", str(out / "a.txt")]),
        "kano": (["kano", "--data", d["kano"]], ["kano", "--data", str(out / "none.csv")]),
        "corrective-actions": (["corrective-actions", "--db", d["db"]],
                               ["corrective-actions", "--db", d["db"], "--supplier", "NO-SUCH"]),
        "plan": (["plan", "--lot-size", "500", "--aql", "1.0"], ["plan", "--lot-size", "500", "--aql", "7"]),
        "inspection": (["inspection", "export", "--db", d["db"], "--out", str(out / f"lots-{where}.csv")],
                       ["inspection", "record", "--db", d["db"], "--lot", "999999999", "--out", str(out / "r.pdf")]),
        "complaints": (["complaints", "export", "--db", d["db"], "--out", str(out / "complaints.csv")],
                       ["complaints", "export", "--db", d["db"], "--period", "2026-13", "--out",
                        str(out / "complaints.csv")]),
        # admin
        "backup": (["backup", "--db", d["db"], "--out", str(out / f"saved-{where}.sqlite3")],
                   ["backup", "--db", d["db"], "--out", str(out / "none" / "saved.sqlite3")]),
        "restore": (["restore", str(out / f"saved-{where}.sqlite3"), "--db", d["db"], "--yes"],
                    ["restore", d["kano"], "--db", d["db"], "--yes"]),
        "audit": (["audit", "verify", "--db", d["db"]], ["audit", "verify", "--db", missing]),
        "users": (["users", "list", "--db", d["db"]], ["users", "disable", "nobody", "--reason", "x", "--db", d["db"]]),
        "customers": (["customers", "value", "--db", d["db"], "--out", str(out / f"value-{where}.xlsx")],
                      ["customers", "export", "--db", d["db"], "--out", str(out / "customers.txt")]),
        "sales": (["sales", "pipeline", "--db", d["db"]],
                  ["sales", "reminders", "--db", d["db"], "--date", "2026-13-01"]),
        "agreement": (["agreement", "breaches", "--db", d["db"], "--supplier", "all", "--period", d["period"],
                       "--out", str(out / "breaches.xlsx")],
                      ["agreement", "print", "--db", d["db"], "--supplier", "NOPE", "--out", str(out / "c.pdf")]),
        "survey": (["survey", "analyse", "--db", d["db"], "--survey", "CCSI", "--wave", _latest_wave(d["db"]),
                    "--bootstrap", "20"],
                   ["survey", "analyse", "--db", d["db"], "--survey", "CCSI", "--wave", "NO-SUCH"]),
        # inspection
        "plan": (["plan", "--lot-size", "500", "--aql", "1.0"], ["plan", "--lot-size", "500", "--aql", "7.7"]),
        "inspection": (["inspection", "export", "--db", d["db"], "--out", str(out / "lots.csv")],
                       ["inspection", "export", "--db", missing, "--out", str(out / "lots.csv")]),
        # crm value
        "orders": (["orders", "import", str(orders_file), "--db", d["db"]],
                   ["orders", "import", str(orders_bad), "--db", d["db"]]),
        # crmreports
        "report": (["report", "service", "--db", d["db"], "--out", str(out / f"service-{where}.pdf")],
                   ["report", "customer", "--db", d["db"], "--period", "2026-13", "--out", str(out / "c.pdf")]),
    }


@pytest.fixture(scope="module")
def lang_survey(demo):
    """A draft survey LANG (six indicators, no model) for the ``survey model`` edits."""
    from tests.e2e.satisfaction.cli_world import make_survey

    make_survey(demo["db"], "LANG")
    return "LANG"


def _nested_cases(d, where: str) -> dict[str, tuple[list[str], list[str]]]:
    """``survey model …`` / ``survey wave …`` leaf → (success argv, error argv), in the order they run."""
    db = ["--db", d["db"]]
    lang = ["--survey", "LANG"]
    wave = f"LANG-{where}"
    period = ["--from", "2027-01-01", "--to", "2027-03-31"]
    return {
        "survey model show": (["survey", "model", "show", *db, "--survey", "CCSI"],
                              ["survey", "model", "show", *db, "--survey", "NOPE"]),
        "survey model validate": (["survey", "model", "validate", *db, "--survey", "CCSI"],
                                  ["survey", "model", "validate", *db, *lang]),
        "survey model template": (["survey", "model", "template", *db, *lang, "--kind", "ccsi"],
                                  ["survey", "model", "template", *db, "--survey", "CCSI", "--kind", "acsi"]),
        "survey model block add": (["survey", "model", "block", "add", *db, *lang, "--name", f"Lang_{where}"],
                                   ["survey", "model", "block", "add", *db, *lang, "--name", "9x"]),
        "survey model block rename": (["survey", "model", "block", "rename", *db, *lang, "--name", f"Lang_{where}",
                                       "--label-zh", "语言"],
                                      ["survey", "model", "block", "rename", *db, *lang, "--name", "Nope",
                                       "--new-name", "Other"]),
        "survey model path add": (["survey", "model", "path", "add", *db, *lang, "--from", f"Lang_{where}",
                                   "--to", "Satisfaction"],
                                  ["survey", "model", "path", "add", *db, *lang, "--from", "Satisfaction",
                                   "--to", "Satisfaction"]),
        "survey model path delete": (["survey", "model", "path", "delete", *db, *lang, "--from", f"Lang_{where}",
                                      "--to", "Satisfaction"],
                                     ["survey", "model", "path", "delete", *db, *lang, "--from", "Loyalty",
                                      "--to", "BrandImage"]),
        "survey model block delete": (["survey", "model", "block", "delete", *db, *lang, "--name", f"Lang_{where}"],
                                      ["survey", "model", "block", "delete", *db, *lang, "--name", "Nope"]),
        "survey model assign": (["survey", "model", "assign", *db, *lang, "--item", "Q1", "--block", "Satisfaction"],
                                ["survey", "model", "assign", *db, *lang, "--item", "NOPE", "--block", "-"]),
        "survey wave list": (["survey", "wave", "list", *db],
                             ["survey", "wave", "list", "--db", str(d["base"] / "nowhere.sqlite3")]),
        "survey wave plan": (["survey", "wave", "plan", *db, "--survey", "CCSI", "--code", wave, *period,
                              "--value-class", "important"],
                             ["survey", "wave", "plan", *db, "--survey", "CCSI", "--code", "X", "--from", "2027-13-01",
                              "--to", "2027-03-31"]),
        "survey wave targets add": (["survey", "wave", "targets", "add", *db, "--wave", wave, "--value-class",
                                     "potential"],
                                    ["survey", "wave", "targets", "add", *db, "--wave", wave, "--region", "Mars"]),
        "survey wave targets remove": (["survey", "wave", "targets", "remove", *db, "--wave", wave, "--value-class",
                                        "potential"],
                                       ["survey", "wave", "targets", "remove", *db, "--wave", wave]),
        "survey wave open": (["survey", "wave", "open", *db, "--wave", wave],
                             ["survey", "wave", "open", *db, "--wave", _latest_wave(d["db"])]),
        "survey wave close": (["survey", "wave", "close", *db, "--wave", wave],
                              ["survey", "wave", "close", *db, "--wave", "NO-SUCH"]),
        "survey version list": (["survey", "version", "list", *db, "--survey", "CCSI"],
                                ["survey", "version", "list", *db, "--survey", "NOPE"]),
        "survey version new": (["survey", "version", "new", *db, "--survey", "CCSI"],
                               ["survey", "version", "new", *db, "--survey", "NOPE"]),
        "survey version release": (["survey", "version", "release", *db, "--survey", "CCSI"],
                                   ["survey", "version", "release", *db, "--survey", "CCSI", "--version", "1"]),
        "survey version retire": (["survey", "version", "retire", *db, "--survey", "CCSI"],
                                  ["survey", "version", "retire", *db, "--survey", "NOPE"]),
    }


@pytest.mark.parametrize("where", ["before", "after"])
def test_every_command_speaks_chinese_under_zh_cn(demo, lang_survey, capsys, where):
    from tests.e2e.core.test_cli_robust import _subcommands, nested_commands

    cases = _cases(demo, where)
    assert set(cases) == set(_subcommands())  # a new command needs its case here
    nested = _nested_cases(demo, where)
    assert set(nested) == set(nested_commands())  # so does a new leaf of 'survey model' / 'survey wave'
    problems = []
    for name, (ok, bad) in {**cases, **nested}.items():
        for kind, argv in (("success", ok), ("error", bad)):
            if argv is None:
                continue
            full = (["--lang", "zh_CN", *argv] if where == "before" else [*argv, "--lang", "zh_CN"])
            code = main(full)
            out = capsys.readouterr()
            text = out.out if kind == "success" else out.err
            if "Traceback" in out.out + out.err:
                problems.append(f"{name} {kind}: traceback")
            elif (code == 0) != (kind == "success"):
                problems.append(f"{name} {kind}: exit {code}: {out.err.strip()[:200]}")
            elif not CJK.search(text):
                problems.append(f"{name} {kind}: not Chinese: {text.strip()[:200]!r}")
            elif kind == "error" and len(out.err.strip().splitlines()) != 1:
                problems.append(f"{name} {kind}: {out.err.strip().splitlines()}")
    assert problems == [], "\n".join(problems)


def test_english_by_default(demo, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    assert main(["check", "--db", str(demo["base"] / "nowhere.sqlite3")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error:") and not CJK.search(err)
