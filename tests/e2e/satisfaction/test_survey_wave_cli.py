"""``qualitybridge survey wave``: a wave planned with filters (its number of targets is the
service's preview of the same filter), targets added and removed, open refused while the
version's model is invalid (the reason listed, nothing changed) and accepted on a version whose
model was completed through ``survey model``, then closed; ``list`` shows targets and answers;
bad dates, values and codes are one line naming the option, in Chinese too."""

from __future__ import annotations

import sqlite3

import pytest

from app.models.satisfaction import campaigns, design
from app.models.satisfaction.targets import TargetFilter

from tests.e2e.satisfaction.cli_world import INDICATORS, Runner, make_survey, open_db, world

W = ("survey", "wave")
M = ("survey", "model")
PERIOD = ("--from", "2027-01-01", "--to", "2027-03-31")


def _release(path, vid: int) -> None:
    db = open_db(path)
    try:
        design.release(db, vid)
    finally:
        db.dispose()


def _preview(path, flt: TargetFilter) -> int:
    db = open_db(path)
    try:
        return len(campaigns.preview(db, flt))
    finally:
        db.dispose()


def _waves(run) -> dict[str, dict]:
    return {w["code"]: w for w in run.json(*W, "list")}


@pytest.fixture
def cli(tmp_path, demo_db_file, capsys):
    db = world(tmp_path, demo_db_file)
    run = Runner(capsys, db)
    run.good = make_survey(db, "CUST")
    for name in ("Quality", "Satisfaction", "Loyalty"):
        assert run(*M, "block", "add", "--survey", "CUST", "--name", name)[0] == 0
    for item, block in zip(INDICATORS, ("Quality", "Quality", "Satisfaction", "Satisfaction", "Loyalty", "Loyalty")):
        assert run(*M, "assign", "--survey", "CUST", "--item", item, "--block", block)[0] == 0
    for a, b in (("Quality", "Satisfaction"), ("Satisfaction", "Loyalty")):
        assert run(*M, "path", "add", "--survey", "CUST", "--from", a, "--to", b)[0] == 0
    assert run(*M, "validate", "--survey", "CUST")[0] == 0
    _release(db, run.good)
    run.bad = make_survey(db, "BAD")  # a model begun and left unfinished: one block, nothing measures it
    assert run(*M, "block", "add", "--survey", "BAD", "--name", "Satisfaction")[0] == 0
    _release(db, run.bad)
    run.plain = make_survey(db, "PLAIN")  # no model at all (a Kano study, a transaction survey): no PLS, opens
    _release(db, run.plain)
    return run


def test_plan_with_filters_edit_targets_open_close(cli):
    run = cli
    flt = TargetFilter(value_classes=("important", "potential"), regions=("East China", "North China"))
    expected = _preview(run.db, flt)
    assert expected > 0
    code, out, err = run(*W, "plan", "--survey", "CUST", "--code", "CUST-2027-Q1", "--name", "2027 一季度", *PERIOD,
                         "--value-class", "important", "--value-class", "potential",
                         "--region", "East China", "--region", "North China")
    assert (code, err) == (0, [])
    assert out.strip() == f"wave CUST-2027-Q1 of CUST v1 planned for 2027-01-01 – 2027-03-31 with {expected} target(s)"
    row = _waves(run)["CUST-2027-Q1"]
    assert (row["state"], row["targets"], row["answers"], row["survey"], row["version"], row["name"]) == \
        ("planned", expected, 0, "CUST", 1, "2027 一季度")

    # more targets: those of the union not asked yet
    union = _preview(run.db, TargetFilter(value_classes=("important", "potential")))
    code, out, _ = run(*W, "targets", "add", "--wave", "CUST-2027-Q1", "--value-class", "important",
                       "--value-class", "potential")
    assert code == 0 and out.strip() == f"{union - expected} target(s) added to wave CUST-2027-Q1 ({union} in all)"
    quality_only = _preview(run.db, TargetFilter(value_classes=("important", "potential"),
                                                 contact_groups=("purchasing",)))
    code, out, _ = run(*W, "targets", "remove", "--wave", "CUST-2027-Q1", "--contact-group", "purchasing")
    assert code == 0 and out.strip() == \
        f"{quality_only} target(s) removed from wave CUST-2027-Q1 ({union - quality_only} left)"
    assert _waves(run)["CUST-2027-Q1"]["targets"] == union - quality_only
    code, out, err = run(*W, "targets", "remove", "--wave", "CUST-2027-Q1")
    assert (code, out, err) == (1, "", ["error: removing these would leave wave CUST-2027-Q1 without targets"])

    code, out, _ = run(*W, "open", "--wave", "CUST-2027-Q1")
    assert code == 0 and out.strip() == "wave CUST-2027-Q1 is open: answers may be entered or imported"
    code, out, err = run(*W, "targets", "add", "--wave", "CUST-2027-Q1", "--region", "Overseas")
    assert (code, err) == (1, ["error: wave CUST-2027-Q1 is open; only a planned wave is changed or opened"])
    code, out, _ = run(*W, "close", "--wave", "CUST-2027-Q1")
    assert code == 0 and out.strip() == "wave CUST-2027-Q1 is closed"
    code, _, err = run(*W, "close", "--wave", "CUST-2027-Q1", lang="zh_CN")
    assert (code, err) == (1, ["错误：批次 CUST-2027-Q1 状态为 已结束；只有进行中的批次才能结束"])
    assert _waves(run)["CUST-2027-Q1"]["state"] == "closed"


def test_open_refused_on_an_invalid_model_then_accepted_on_a_completed_one(cli):
    run = cli
    assert run(*W, "plan", "--survey", "BAD", "--code", "BAD-1", *PERIOD, "--value-class", "important")[0] == 0
    code, out, err = run(*W, "open", "--wave", "BAD-1")
    assert (code, out) == (1, "")
    assert err == ["error: wave BAD-1 cannot start: the model of BAD v1 has 2 problem(s): block Satisfaction has no "
                   "indicators; Satisfaction is not caused by the exogenous blocks (add a path into it)"]
    code, out, err = run(*W, "open", "--wave", "BAD-1", lang="zh_CN")
    assert (code, err[0][:30]) == (1, "错误：批次 BAD-1 不能开始：BAD v1 的模型有 2 个问题：潜变量 Satisfaction 没有测量指标"[:30])
    assert run(*W, "plan", "--survey", "PLAIN", "--code", "PLAIN-1", *PERIOD)[0] == 0
    assert run(*W, "open", "--wave", "PLAIN-1")[0] == 0
    assert _waves(run)["BAD-1"]["state"] == "planned"

    # a new version, its model completed through the commands, released: its wave opens
    db = open_db(run.db)
    try:
        survey = next(s for s in design.list_surveys(db) if s.code == "BAD")
        v2 = design.new_version(db, survey.id, run.bad).id
    finally:
        db.dispose()
    code, _, err = run(*W, "plan", "--survey", "BAD", "--version", "2", "--code", "BAD-2", *PERIOD)
    assert (code, err) == (1, ["error: --version: BAD v2 is draft; only a released version is asked in a wave"])
    assert run(*M, "template", "--survey", "BAD", "--kind", "ccsi")[0] == 0
    blocks = ("BrandImage", "ExpectedQuality", "PerceivedQuality", "PerceivedValue", "Satisfaction", "Loyalty")
    for item, block in zip(INDICATORS, blocks):
        assert run(*M, "assign", "--survey", "BAD", "--item", item, "--block", block)[0] == 0
    code, out, _ = run(*M, "validate", "--survey", "BAD")
    assert code == 0 and out.strip().splitlines()[-1] == "the model of BAD v2 is valid (6 warning(s))"
    _release(run.db, v2)
    assert run(*W, "plan", "--survey", "BAD", "--code", "BAD-2", *PERIOD)[0] == 0  # default: the latest released
    assert _waves(run)["BAD-2"]["version"] == 2
    code, out, err = run(*W, "open", "--wave", "BAD-2", lang="zh_CN")
    assert (code, err) == (0, []) and out.strip() == "批次 BAD-2 已开始：可以录入或导入答卷"
    assert run(*W, "open", "--wave", "BAD-1")[0] == 1  # the old version's model is still invalid
    assert {c: w["state"] for c, w in _waves(run).items() if c.startswith("BAD")} == {"BAD-1": "planned",
                                                                                       "BAD-2": "open"}


def test_bad_input_is_one_line_naming_the_option(cli):
    run = cli
    before = _waves(run)
    plan = (*W, "plan", "--survey", "CUST", "--code", "W1")
    cases = [
        ((*plan, "--from", "2027-02-30", "--to", "2027-03-31"), "error: --from: '2027-02-30' is not a date (YYYY-MM-DD)"),
        ((*plan, "--from", "2027-01-01", "--to", "31.03.2027"), "error: --to: '31.03.2027' is not a date (YYYY-MM-DD)"),
        ((*plan, *PERIOD, "--region", "Mars"),
         "error: --region: 'Mars' is not used in the customer master (known: Central China, East China, North China, "
         "Overseas, South China, Southwest)"),
        ((*plan, *PERIOD, "--industry", "Toys"), None),
        ((*W, "plan", "--survey", "CUST", "--code", "has space", "--name", "x" * 121, "--from", "2027-03-01",
          "--to", "2027-01-01"),
         "error: 3 problem(s): --code: 'has space' is not a wave code (1–30 letters, digits, '-', '_' or '.'); "
         "--name: longer than 120 characters; --to: the end 2027-01-01 lies before the start 2027-03-01"),
        ((*plan, *PERIOD, "--lifecycle", "lost", "--region", "Overseas", "--value-class", "important",
          "--contact-group", "logistics"),
         "error: no contact matches the chosen filters; a wave needs at least one target"),
        ((*W, "plan", "--survey", "NOPE", "--code", "W1", *PERIOD), "error: there is no survey NOPE"),
        ((*W, "open", "--wave", "NOPE"), "error: there is no survey wave NOPE"),
        ((*W, "targets", "add", "--wave", "NOPE"), "error: there is no survey wave NOPE"),
        ((*plan, *PERIOD, "--value-class", "vip"), None),
    ]
    for argv, line in cases:
        code, out, err = run(*argv)
        assert code == 1 and out == "" and len(err) == 1, (argv, err)
        if line is not None:
            assert err == [line], argv
    assert err[0].startswith("error: argument --value-class: invalid choice: 'vip'")
    assert _waves(run) == before  # nothing planned

    code, _, err = run(*plan, "--from", "2027-13-01", "--to", "2027-03-31", lang="zh_CN")
    assert (code, err) == (1, ["错误：--from：'2027-13-01' 不是日期（YYYY-MM-DD）"])
    code, _, err = run(*W, "plan", "--survey", "CUST", "--code", "W 1", "--from", "2027-03-01", "--to", "2027-01-01",
                       lang="zh_CN")
    assert code == 1 and len(err) == 1 and err[0].startswith("错误：2 个问题：--code：") and "--to：结束日期" in err[0]


def test_list_shows_the_answers_of_the_demo_waves(cli):
    run = cli
    conn = sqlite3.connect(run.db)
    try:
        counts = dict(conn.execute("SELECT w.code, count(r.id) FROM sat_waves w LEFT JOIN sat_respondents r"
                                   " ON r.wave_id = w.id GROUP BY w.code").fetchall())
        targets = dict(conn.execute("SELECT w.code, count(t.id) FROM sat_waves w LEFT JOIN sat_wave_targets t"
                                    " ON t.wave_id = w.id GROUP BY w.code").fetchall())
    finally:
        conn.close()
    rows = _waves(run)
    assert {c: w["answers"] for c, w in rows.items()} == counts and any(counts.values())
    assert {c: w["targets"] for c, w in rows.items()} == targets
    code, out, _ = run(*W, "list")
    lines = out.strip().splitlines()
    assert code == 0 and lines[0].split() == ["Wave", "Survey", "Period", "State", "Targets", "Answers"]
    closed = next(c for c, w in rows.items() if w["state"] == "closed" and w["answers"])
    line = next(x for x in lines if x.startswith(closed + " "))
    assert line.split()[-3:] == ["closed", str(targets[closed]), str(counts[closed])]
    code, out, _ = run(*W, "list", lang="zh_CN")
    assert out.splitlines()[0].split() == ["批次", "问卷", "期间", "状态", "调查对象", "答卷"] and "已结束" in out
