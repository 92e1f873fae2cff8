"""``qualitybridge survey model``: a custom CSI model built block by block, path by path and
indicator by indicator through the commands, validated on the way (a cycle, an empty block, then
valid); refusals (a repeated arrow, an unknown block, a bad name, a released version) are one
line naming the option, in Chinese under --lang zh_CN; a standard template applied to a new
version; ``show`` and ``show --json`` agree with the service's ``load_model``."""

from __future__ import annotations

import pytest

from app.models.satisfaction import design, model

from tests.e2e.satisfaction.cli_world import INDICATORS, Runner, make_survey, open_db, world

M = ("survey", "model")
CUST = ("--survey", "CUST")


@pytest.fixture
def cli(tmp_path, demo_db_file, capsys):
    db = world(tmp_path, demo_db_file)
    vid = make_survey(db)
    run = Runner(capsys, db)
    run.vid = vid
    return run


def _view(run):
    db = open_db(run.db)
    try:
        return model.load_model(db, run.vid)
    finally:
        db.dispose()


def _problem_keys(run) -> set[str]:
    return {p.key for p in _view(run).problems if p.is_error}


def test_a_custom_model_built_through_the_commands(cli):
    run = cli
    for name, zh, en in (("Quality", "感知质量", "Perceived quality"), ("Satisfaction", "满意度", "Satisfaction"),
                         ("Loyalty", "忠诚", "Loyalty")):
        code, out, err = run(*M, "block", "add", *CUST, "--name", name, "--label-zh", zh, "--label-en", en)
        assert (code, err) == (0, []) and out.strip() == f"CUST v1: block {name} added ({zh} / {en})"
    for item, block in zip(INDICATORS, ("Quality", "Quality", "Satisfaction", "Satisfaction", "Loyalty", "Loyalty")):
        code, out, err = run(*M, "assign", *CUST, "--item", item, "--block", block)
        assert code == 0 and out.strip() == f"CUST v1: indicator {item} measures {block} (was —)"
    for a, b in (("Quality", "Satisfaction"), ("Satisfaction", "Loyalty")):
        code, out, _ = run(*M, "path", "add", *CUST, "--from", a, "--to", b)
        assert code == 0 and out.strip() == f"CUST v1: path {a} → {b} added"

    # a cycle is stored, said, and keeps the model invalid
    code, out, _ = run(*M, "path", "add", *CUST, "--from", "Loyalty", "--to", "Quality")
    assert code == 0 and "cycle" in out
    code, out, err = run(*M, "validate", *CUST)
    assert code == 1 and err == ["error: the model of CUST v1 has 2 error(s)"]
    lines = out.strip().splitlines()
    assert lines[0] == "error: the paths form a cycle: Quality → Satisfaction → Loyalty → Quality"
    assert len(lines) == len(_view(run).problems) and "satisfaction.model.cycle" in _problem_keys(run)
    code, out, err = run(*M, "validate", *CUST, lang="zh_CN")
    assert code == 1 and err == ["错误：CUST v1 的模型有 2 个错误"] and "路径构成循环" in out

    code, out, _ = run(*M, "path", "delete", *CUST, "--from", "Loyalty", "--to", "Quality")
    assert code == 0 and out.strip() == "CUST v1: path Loyalty → Quality deleted"
    # an empty block: no indicators (and no path)
    assert run(*M, "block", "add", *CUST, "--name", "Image")[0] == 0
    code, out, err = run(*M, "validate", *CUST)
    assert code == 1 and "error: block Image has no indicators" in out.splitlines()
    assert _problem_keys(run) == {"satisfaction.model.empty_block", "satisfaction.model.isolated"}
    assert run(*M, "path", "add", *CUST, "--from", "Image", "--to", "Satisfaction")[0] == 0
    assert run(*M, "validate", *CUST)[0] == 1  # still empty
    code, out, _ = run(*M, "block", "delete", *CUST, "--name", "Image")
    assert code == 0 and out.strip() == "CUST v1: block Image deleted with 1 path(s); 0 indicator(s) measure no block now"

    code, out, err = run(*M, "validate", *CUST)
    assert (code, err) == (0, []) and out.strip() == "the model of CUST v1 is valid (0 warning(s))"
    view = _view(run)
    assert view.valid and view.model_kind == "custom" and view.satisfaction == "Satisfaction"
    assert view.paths == (("Quality", "Satisfaction"), ("Satisfaction", "Loyalty"))
    assert {i.code: i.block for i in view.items} == dict(zip(INDICATORS, ("Quality", "Quality", "Satisfaction",
                                                                          "Satisfaction", "Loyalty", "Loyalty")))

    # rename: paths and indicators follow; relabel
    code, out, _ = run(*M, "block", "rename", *CUST, "--name", "Quality", "--new-name", "PQ")
    assert code == 0 and out.startswith("CUST v1: block Quality renamed PQ")
    code, out, _ = run(*M, "block", "rename", *CUST, "--name", "PQ", "--label-en", "Quality as seen")
    assert code == 0 and out.strip() == "CUST v1: block PQ labelled 感知质量 / Quality as seen"
    shown = run.json(*M, "show", *CUST)
    assert shown["paths"][0] == ["PQ", "Satisfaction"] and shown["valid"] is True and shown["problems"] == []
    assert [i["block"] for i in shown["indicators"][:2]] == ["PQ", "PQ"]
    assert shown["blocks"][0] == {"name": "PQ", "label_zh": "感知质量", "label_en": "Quality as seen", "items": 2}

    # unassign ('-'): the block is empty again, the indicator shows "—"
    code, out, _ = run(*M, "assign", *CUST, "--item", "L1", "--block", "-")
    assert code == 0 and out.strip() == "CUST v1: indicator L1 measures no block (was Loyalty)"
    assert run(*M, "assign", *CUST, "--item", "L2", "--block", "-")[0] == 0
    code, out, _ = run(*M, "show", *CUST)
    assert code == 0 and "  L1  —" in out and "error: block Loyalty has no indicators" in out
    assert "Problems: 1 error(s), 0 warning(s)" in out


def test_refusals_are_one_line_naming_the_option(cli):
    run = cli
    assert run(*M, "block", "add", *CUST, "--name", "Quality")[0] == 0
    assert run(*M, "block", "add", *CUST, "--name", "Satisfaction")[0] == 0
    assert run(*M, "path", "add", *CUST, "--from", "Quality", "--to", "Satisfaction")[0] == 0
    before = _view(run)
    cases = [
        ((*M, "path", "add", *CUST, "--from", "Quality", "--to", "Satisfaction"),
         "error: --to: the path Quality → Satisfaction already exists"),
        ((*M, "path", "add", *CUST, "--from", "Quality", "--to", "Quality"),
         "error: --to: a path from Quality to itself is not allowed"),
        ((*M, "path", "add", *CUST, "--from", "Nope", "--to", "Quality"), "error: --from: the model has no block Nope"),
        ((*M, "path", "add", *CUST, "--from", "Quality", "--to", "Nope"), "error: --to: the model has no block Nope"),
        ((*M, "path", "delete", *CUST, "--from", "Satisfaction", "--to", "Quality"),
         "error: there is no path Satisfaction → Quality"),
        ((*M, "block", "add", *CUST, "--name", "quality"), "error: --name: the model already has a block quality"),
        ((*M, "block", "add", *CUST, "--name", "9lives"),
         "error: --name: '9lives' is not a block name (a letter, then up to 39 letters, digits or _)"),
        ((*M, "block", "add", *CUST, "--name", "Image", "--label-zh", "形" * 81),
         "error: --label-zh: longer than 80 characters"),
        ((*M, "block", "rename", *CUST, "--name", "Quality", "--new-name", "Satisfaction"),
         "error: --new-name: the model already has a block Satisfaction"),
        ((*M, "block", "rename", *CUST, "--name", "Quality"),
         "error: block rename needs --new-name, --label-zh or --label-en"),
        ((*M, "block", "delete", *CUST, "--name", "Nope"), "error: --name: the model has no block Nope"),
        ((*M, "assign", *CUST, "--item", "Q1", "--block", "Nope"), "error: --block: the model has no block Nope"),
        ((*M, "assign", *CUST, "--item", "ZZ9", "--block", "Quality"), "error: --item: CUST v1 has no indicator ZZ9"),
        ((*M, "show", "--survey", "NOPE"), "error: there is no survey NOPE"),
        ((*M, "show", *CUST, "--version", "7"), "error: --version: survey CUST has no version 7"),
        # a released version is frozen
        ((*M, "block", "add", "--survey", "CCSI", "--name", "Extra"),
         "error: CCSI v1 is released: a released version is frozen — make a new version"),
        ((*M, "template", "--survey", "CCSI", "--kind", "acsi"),
         "error: CCSI v1 is released: a released version is frozen — make a new version"),
    ]
    for argv, line in cases:
        code, out, err = run(*argv)
        assert (code, out, err) == (1, "", [line]), argv
    after = _view(run)
    assert (after.blocks, after.paths, after.items) == (before.blocks, before.paths, before.items)  # nothing changed

    zh = [((*M, "path", "add", *CUST, "--from", "Quality", "--to", "Satisfaction"),
           "错误：--to：路径 Quality → Satisfaction 已存在"),
          ((*M, "block", "add", "--survey", "CCSI", "--name", "Extra"),
           "错误：CCSI v1 状态为 已发布：已发布的版本已冻结——请新建版本"),
          ((*M, "assign", *CUST, "--item", "Q1", "--block", "Nope"), "错误：--block：模型中没有潜变量 Nope"),
          ((*M, "show", "--survey", "NOPE"), "错误：没有调查 NOPE")]
    for argv, line in zh:
        code, out, err = run(*argv, lang="zh_CN")
        assert (code, err) == (1, [line]), argv


def test_a_template_on_a_new_version_of_the_ccsi_survey(cli):
    run = cli
    db = open_db(run.db)
    try:
        ccsi = next(s for s in design.list_surveys(db) if s.code == "CCSI")
        draft = design.new_version(db, ccsi.id, ccsi.versions[0].id)
        acsi_blocks, acsi_paths = model.template("acsi")
    finally:
        db.dispose()
    code, out, _ = run(*M, "show", "--survey", "CCSI")  # the latest: the new draft
    assert code == 0 and out.startswith("CCSI v2 (draft, model CCSI)")
    code, out, err = run(*M, "template", "--survey", "CCSI", "--kind", "acsi")
    assert code == 0 and err == []
    shown = run.json(*M, "show", "--survey", "CCSI", "--version", "2")
    assert [b["name"] for b in shown["blocks"]] == [b[0] for b in acsi_blocks]
    assert [tuple(p) for p in shown["paths"]] == acsi_paths and shown["model_kind"] == "acsi"
    assert out.strip().startswith(f"CCSI v2: model ACSI applied — {len(acsi_blocks)} block(s), {len(acsi_paths)} path(s)")
    # the CCSI indicators that measured blocks ACSI lacks are reported until they are reassigned
    db = open_db(run.db)
    try:
        problems = model.validate_model(db, draft.id)
    finally:
        db.dispose()
    unknown = sorted(p.params["item"] for p in problems if p.key == "satisfaction.model.unknown_latent")
    assert unknown and f"{sum(p.is_error for p in problems)} error(s) left" in out
    to_acsi = {"BrandImage": "Expectation", "ExpectedQuality": "Expectation", "PerceivedQuality": "Quality",
               "PerceivedValue": "Value"}
    for i in shown["indicators"]:
        if i["code"] in unknown:
            assert run(*M, "assign", "--survey", "CCSI", "--item", i["code"], "--block", to_acsi[i["block"]])[0] == 0
    code, out, _ = run(*M, "validate", "--survey", "CCSI")
    assert code == 1 and out.strip() == "error: block Complaints has no indicators"
    for item in ("SV1", "SV2"):  # complaint handling measures Complaints
        assert run(*M, "assign", "--survey", "CCSI", "--item", item, "--block", "Complaints")[0] == 0
    code, out, err = run(*M, "validate", "--survey", "CCSI")
    assert code == 0 and out.strip().splitlines()[-1].startswith("the model of CCSI v2 is valid"), (out, err)
    # the released version 1 is untouched
    v1 = run.json(*M, "show", "--survey", "CCSI", "--version", "1")
    assert v1["model_kind"] == "ccsi" and len(v1["blocks"]) == 6 and v1["valid"]


def test_show_in_chinese(cli):
    run = cli
    assert run(*M, "block", "add", *CUST, "--name", "Satisfaction", "--label-zh", "满意度")[0] == 0
    code, out, err = run(*M, "show", *CUST, lang="zh_CN")
    assert code == 0 and err == []
    assert out.startswith("CUST v1（草稿，模型 自定义）；满意度潜变量：Satisfaction")
    assert "  Satisfaction  满意度  —  0 个指标" in out and "  Q1  —  题目Q1" in out and "错误：潜变量 Satisfaction 没有测量指标" in out


def test_a_user_without_the_design_permission_is_refused_in_one_line(cli, monkeypatch):
    from app.models.admin import users

    run = cli
    db = open_db(run.db)
    try:
        users.create_user(db, "zhao", "赵磊", "Viewer2026", ["viewer"])
    finally:
        db.dispose()
    monkeypatch.setenv("QUALITYBRIDGE_PASSWORD", "Viewer2026")
    code, out, _ = run("--user", "zhao", *M, "show", *CUST)  # reading needs no permission
    assert code == 0 and out.startswith("CUST v1")
    for argv in ((*M, "block", "add", *CUST, "--name", "Quality"), (*M, "template", *CUST, "--kind", "ccsi"),
                 ("survey", "wave", "plan", "--survey", "CCSI", "--code", "W9", "--from", "2027-01-01",
                  "--to", "2027-03-31")):
        code, out, err = run("--user", "zhao", *argv)
        assert code == 1 and out == "" and len(err) == 1 and "satisfaction.design" in err[0], (argv, err)
    assert _view(run).blocks == ()
