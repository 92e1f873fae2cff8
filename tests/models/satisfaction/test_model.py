"""The CSI model editor's services: standard templates, custom blocks and paths, assignments,
validation (cycle, empty block, unreachable satisfaction refused; the demo CCSI model valid),
frozen released versions, permissions, the audit trail and undo by snapshot."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models.admin import identity, trail, users
from app.models.admin.permissions import PermissionDenied
from app.models.satisfaction import model
from app.models.satisfaction.model import ModelError
from app.models.satisfaction.tables import SurveyNode, SurveyVersion

from tests.models.satisfaction.fixtures import make_version


def keys(problems):
    return [p.key for p in problems]


def node_id(db, vid, code):
    with db.read() as s:
        return s.scalar(select(SurveyNode.id).where(SurveyNode.version_id == vid, SurveyNode.code == code))


def test_the_hand_made_model_is_valid_and_loads(db):
    vid = make_version(db)
    assert model.validate_model(db, vid) == []
    view = model.load_model(db, vid)
    assert view.editable and view.valid and view.satisfaction == "Satisfaction"
    assert [(b.name, b.items) for b in view.blocks] == [("Image", 2), ("Quality", 2), ("Satisfaction", 2),
                                                        ("Loyalty", 2)]
    assert ("Image", "Quality") in view.paths and [i.code for i in view.items][:2] == ["IM1", "IM2"]


def test_a_cycle_is_refused_naming_its_blocks(db):
    vid = make_version(db)
    model.add_path(db, vid, "Loyalty", "Image")
    problems = model.validate_model(db, vid)
    assert "satisfaction.model.cycle" in keys(problems)
    cycle = next(p for p in problems if p.key == "satisfaction.model.cycle")
    text = model.problem_text(cycle, "en")
    assert "Loyalty" in text and "Image" in text and "cycle" in text
    assert "循环" in model.problem_text(cycle, "zh_CN")
    model.delete_path(db, vid, "Loyalty", "Image")
    assert model.validate_model(db, vid) == []


def test_a_block_without_items_is_refused(db):
    vid = make_version(db)
    model.add_block(db, vid, "Value", "感知价值", "Perceived value")
    model.add_path(db, vid, "Quality", "Value")
    model.add_path(db, vid, "Value", "Satisfaction")
    assert keys(model.validate_model(db, vid)) == ["satisfaction.model.empty_block"]
    model.assign(db, node_id(db, vid, "PQ2"), "Value")
    problems = model.validate_model(db, vid)
    assert keys(problems) == ["satisfaction.model.few_items", "satisfaction.model.few_items"]  # warnings only
    assert not any(p.is_error for p in problems)


def test_satisfaction_unreachable_is_refused(db):
    vid = make_version(db)
    model.delete_path(db, vid, "Image", "Satisfaction")
    model.delete_path(db, vid, "Quality", "Satisfaction")
    model.add_path(db, vid, "Satisfaction", "Quality")
    problems = model.validate_model(db, vid)
    assert keys(problems) == ["satisfaction.model.unreachable"]
    assert "Satisfaction" in model.problem_text(problems[0])


def test_the_demo_ccsi_model_is_valid(demo_db):
    ccsi = [v for v in model.list_versions(demo_db) if v.survey_code == "CCSI"]
    assert ccsi and ccsi[0].model_kind == "ccsi"
    assert [p for p in model.validate_model(demo_db, ccsi[0].id) if p.is_error] == []


def test_templates_replace_blocks_and_paths_with_labels(db):
    vid = make_version(db)
    model.apply_template(db, vid, "acsi")
    view = model.load_model(db, vid)
    assert view.model_kind == "acsi"
    assert [b.name for b in view.blocks] == ["Expectation", "Quality", "Value", "Satisfaction", "Complaints",
                                             "Loyalty"]
    assert view.blocks[4].label_zh == "顾客抱怨" and len(view.paths) == 9
    # the items assigned to Image now name no block: reported until reassigned
    problems = keys(view.problems)
    assert "satisfaction.model.unknown_latent" in problems and "satisfaction.model.empty_block" in problems
    model.apply_template(db, vid, "ccsi")
    assert model.load_model(db, vid).model_kind == "ccsi" and len(model.load_model(db, vid).paths) == 11
    model.apply_template(db, vid, "custom")
    assert model.load_model(db, vid).model_kind == "custom" and len(model.load_model(db, vid).paths) == 11
    with pytest.raises(ModelError) as err:
        model.apply_template(db, vid, "xyz")
    assert err.value.key == "satisfaction.model.bad_kind" and err.value.field == "model_kind"


def test_rename_moves_paths_and_items_delete_clears_them(db):
    vid = make_version(db)
    model.update_block(db, vid, "Quality", new_name="PerceivedQuality", label_en="Perceived quality (product)")
    view = model.load_model(db, vid)
    assert ("Image", "PerceivedQuality") in view.paths and ("Image", "Quality") not in view.paths
    assert {i.code for i in view.items if i.block == "PerceivedQuality"} == {"PQ1", "PQ2"}
    assert view.model_kind == "custom" and view.blocks[1].label_en == "Perceived quality (product)"
    model.delete_block(db, vid, "PerceivedQuality")
    view = model.load_model(db, vid)
    assert all("PerceivedQuality" not in p for p in view.paths)
    assert {i.code for i in view.items if i.block == ""} == {"PQ1", "PQ2"}


def test_bad_edits_are_refused_with_their_field(db):
    vid = make_version(db)
    cases = [(lambda: model.add_block(db, vid, "1bad"), "satisfaction.model.bad_name", "name"),
             (lambda: model.add_block(db, vid, "image"), "satisfaction.model.duplicate_block", "name"),
             (lambda: model.add_block(db, vid, "New", "x" * 81), "satisfaction.model.label_long", "label_zh"),
             (lambda: model.add_path(db, vid, "Image", "Quality"), "satisfaction.model.duplicate_path", "target"),
             (lambda: model.add_path(db, vid, "Image", "Image"), "satisfaction.model.loop", "target"),
             (lambda: model.add_path(db, vid, "Image", "Nope"), "satisfaction.model.no_block", "target"),
             (lambda: model.assign(db, node_id(db, vid, "IM1"), "Nope"), "satisfaction.model.no_block", "name"),
             (lambda: model.assign(db, node_id(db, vid, "D1"), "Image"), "satisfaction.model.no_indicator", "node"),
             (lambda: model.update_block(db, vid, "Image", new_name="Quality"), "satisfaction.model.duplicate_block",
              "new_name")]
    for run, key, field in cases:
        with pytest.raises(ModelError) as err:
            run()
        assert (err.value.key, err.value.field) == (key, field)
        assert err.value.text("zh_CN") != err.value.key
    assert model.validate_model(db, vid) == []  # nothing changed


def test_a_released_version_is_frozen(db):
    vid = make_version(db, state="released")
    before = model.snapshot(db, vid)
    for run in (lambda: model.apply_template(db, vid, "ccsi"), lambda: model.add_block(db, vid, "X"),
                lambda: model.delete_block(db, vid, "Image"), lambda: model.add_path(db, vid, "Loyalty", "Image"),
                lambda: model.delete_path(db, vid, "Image", "Quality"),
                lambda: model.update_block(db, vid, "Image", label_zh="新"),
                lambda: model.assign(db, node_id(db, vid, "IM1"), ""), lambda: model.restore(db, vid, before)):
        with pytest.raises(ModelError) as err:
            run()
        assert err.value.key == "satisfaction.model.frozen"
        assert "frozen — make a new version" in err.value.text("en") and "已发布" in err.value.text("zh_CN")
    assert model.snapshot(db, vid) == before


def test_permission_design_is_checked(db):
    vid = make_version(db)
    users.create_user(db, "zhao", "赵磊", "Viewer2026", ["viewer"])
    identity.sign_in(db, "zhao", "Viewer2026")
    with pytest.raises(PermissionDenied) as err:
        model.add_block(db, vid, "Value")
    assert err.value.permission == "satisfaction.design"
    for run in (lambda: model.apply_template(db, vid, "ccsi"), lambda: model.add_path(db, vid, "Loyalty", "Image"),
                lambda: model.assign(db, 1, "")):
        with pytest.raises(PermissionDenied):
            run()
    assert model.validate_model(db, vid) == []  # reading needs no permission


def test_edits_are_on_the_audit_trail(db):
    vid = make_version(db)
    model.add_block(db, vid, "Value", "感知价值", "Perceived value")
    model.assign(db, node_id(db, vid, "PQ2"), "Value")
    found = [e for e in trail.entries(db, entity="sat_model_blocks") if e.action == "create"]
    assert found and "Value" in str(found[0].changes)
    node_changes = trail.history(db, "sat_nodes", node_id(db, vid, "PQ2"))
    assert node_changes[-1].action == "update" and "Value" in str(node_changes[-1].changes)
    assert trail.entries(db, entity="sat_survey_versions")  # model_kind became custom


def test_snapshot_and_restore_undo_an_edit(db):
    vid = make_version(db)
    before = model.snapshot(db, vid)
    model.delete_block(db, vid, "Quality")
    assert model.snapshot(db, vid) != before
    model.restore(db, vid, before)
    assert model.snapshot(db, vid) == before and model.validate_model(db, vid) == []
    with db.read() as s:
        assert s.get(SurveyVersion, vid).model_kind == "custom"
