"""Survey design services: surveys, versions, the tree, AHP, Kano, release and the frozen refusal."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models.admin import trail
from app.models.admin.identity import Actor
from app.models.admin.permissions import PermissionDenied
from app.models.satisfaction import design
from app.models.satisfaction.design import DesignError, ReleaseRefused
from app.models.satisfaction.tables import (
    AhpJudgement, KanoPair, ModelBlock, ModelPath, Survey, SurveyNode, SurveyVersion,
)


def _survey(db, code="S1", languages="zh_CN,en"):
    row = design.create_survey(db, code, "测试调查", "Test survey", scale_min=1, scale_max=10, languages=languages)
    vid = row.versions[0].id
    goal = design.version_tree(db, vid)[0]
    return row, vid, goal


def _tree(db, vid, goal):
    d1 = design.add_node(db, vid, goal.id, "D1", "质量", "Quality")
    d2 = design.add_node(db, vid, goal.id, "D2", "交付", "Delivery")
    d3 = design.add_node(db, vid, goal.id, "D3", "服务", "Service")
    q = [design.add_node(db, vid, d.id, f"Q{k}", f"问题{k}", f"Question {k}", weight=1)
         for k, d in enumerate((d1, d2, d3), start=1)]
    return (d1, d2, d3), q


def test_saaty_example_weights_and_cr():
    # Saaty's classic 3x3 example: weights 0.637, 0.258, 0.105; lambda_max 3.039, CR 0.033
    w, cr, complete = design.evaluate(3, {(0, 1): 3, (0, 2): 5, (1, 2): 3})
    assert complete
    assert w == pytest.approx([0.637, 0.258, 0.105], abs=1e-3)
    assert cr == pytest.approx(0.033, abs=1e-3)
    assert design.evaluate(3, {(0, 1): 3}) == (None, None, False)
    assert design.parse_saaty("1/5") == pytest.approx(0.2)
    for bad in ("10", "0", "1/10", "2.5", "x"):
        with pytest.raises(ValueError):
            design.parse_saaty(bad)


def test_set_judgements_stores_weights_and_refuses_inconsistent(db):
    _row, vid, goal = _survey(db)
    (d1, d2, d3), _q = _tree(db, vid, goal)
    state = design.set_judgements(db, goal.id, {(d1.id, d2.id): 3, (d1.id, d3.id): "5", (d3.id, d2.id): "1/3"})
    assert state.complete and state.acceptable
    assert state.weights == pytest.approx((0.637, 0.258, 0.105), abs=1e-3)
    assert state.matrix[1][0] == pytest.approx(1 / 3)
    with pytest.raises(DesignError) as e:
        design.set_judgements(db, goal.id, {(d1.id, d2.id): 9, (d2.id, d3.id): 9, (d1.id, d3.id): "1/9"})
    assert e.value.key == "satisfaction.design.inconsistent" and "CR =" in str(e.value)
    assert "不一致" in e.value.text("zh_CN")
    # nothing lost: the consistent judgements are still stored
    assert design.ahp_state(db, goal.id).weights == pytest.approx(state.weights)
    with pytest.raises(DesignError) as e:
        design.set_judgements(db, goal.id, {(d1.id, d2.id): 11})
    assert e.value.key == "satisfaction.design.bad_saaty"


def test_survey_validation(db):
    _survey(db)
    with pytest.raises(DesignError) as e:
        design.create_survey(db, "S1", "重复")
    assert e.value.field == "code"
    with pytest.raises(DesignError) as e:
        design.create_survey(db, "S2", "量表", scale_min=5, scale_max=3)
    assert e.value.key == "satisfaction.design.bad_scale"
    with pytest.raises(DesignError):
        design.create_survey(db, "S3", "量表", scale_max=11)
    with pytest.raises(DesignError) as e:
        design.create_survey(db, "bad code", "x")
    assert e.value.key == "satisfaction.design.bad_code"


def test_tree_rules(db):
    _row, vid, goal = _survey(db)
    (d1, _d2, _d3), q = _tree(db, vid, goal)
    with pytest.raises(DesignError) as e:
        design.add_node(db, vid, q[0].id, "X1", "子")
    assert e.value.key == "satisfaction.design.bad_child"
    with pytest.raises(DesignError) as e:
        design.add_node(db, vid, d1.id, "Q2", "重复")
    assert e.value.key == "satisfaction.design.duplicate_code"
    with pytest.raises(DesignError):
        design.edit_node(db, q[0].id, code="Q-1")
    with pytest.raises(DesignError):
        design.add_node(db, vid, d1.id, "NPS", "保留")
    extra = design.add_node(db, vid, d1.id, "Q9", "第二题", "Second")
    assert design.move_node(db, extra.id, -1) is True
    assert [n.code for n in design.version_tree(db, vid) if n.parent_id == d1.id] == ["Q9", "Q1"]
    assert design.move_node(db, extra.id, -1) is False
    gone = design.delete_node(db, d1.id)
    assert {n.code for n in gone.nodes} == {"D1", "Q1", "Q9"}
    assert "Q1" not in {n.code for n in design.version_tree(db, vid)}
    design.restore_nodes(db, gone)
    assert [n.code for n in design.version_tree(db, vid) if n.parent_id == d1.id] == ["Q9", "Q1"]


def test_release_checks_then_frozen(db):
    _row, vid, goal = _survey(db)
    with pytest.raises(ReleaseRefused) as e:
        design.release(db, vid)
    assert e.value.key == "satisfaction.design.no_indicator"
    (d1, d2, d3), q = _tree(db, vid, goal)
    design.edit_node(db, q[1].id, text_en="")
    with pytest.raises(ReleaseRefused) as e:
        design.release(db, vid)
    keys = {p.key for p in e.value.problems}
    assert "satisfaction.design.text_missing" in keys  # Q2 without English text
    assert "satisfaction.design.weight_missing" in keys  # goal weighs directly, dimensions have no weight
    design.edit_node(db, q[1].id, text_en="Question 2")
    design.set_judgements(db, goal.id, {(d1.id, d2.id): 3})
    with pytest.raises(ReleaseRefused) as e:
        design.release(db, vid)
    assert e.value.key == "satisfaction.design.ahp_incomplete"
    design.set_judgements(db, goal.id, {(d1.id, d2.id): 3, (d1.id, d3.id): 5, (d2.id, d3.id): 3})
    design.edit_node(db, q[0].id, weight=4)
    v = design.release(db, vid)
    assert v.state == "released" and v.released_by == db.actor.name
    with db.read() as s:
        w = {n.code: n.weight for n in s.scalars(select(SurveyNode).where(SurveyNode.version_id == vid))}
    assert w["D1"] == pytest.approx(0.637, abs=1e-3) and w["Q1"] == pytest.approx(1.0)
    for action in (lambda: design.add_node(db, vid, d1.id, "Q7", "新"),
                   lambda: design.edit_node(db, q[0].id, text_zh="改"),
                   lambda: design.delete_node(db, q[0].id),
                   lambda: design.set_judgements(db, goal.id, {(d1.id, d2.id): 1}),
                   lambda: design.set_nps(db, vid, "推荐？"),
                   lambda: design.add_kano(db, vid, "K1", "属性")):
        with pytest.raises(DesignError) as e:
            action()
        assert e.value.key == "satisfaction.design.frozen" and "make a new version" in str(e.value)
    assert design.retire(db, vid).state == "retired"


def test_new_version_copies_everything(demo_db):
    db = demo_db
    with db.read() as s:
        survey = s.scalar(select(Survey).where(Survey.code == "CCSI"))
        src = s.scalar(select(SurveyVersion).where(SurveyVersion.survey_id == survey.id))
        sid, src_id = survey.id, src.id
        d = s.scalar(select(SurveyNode).where(SurveyNode.version_id == src_id, SurveyNode.code == "D_PRODUCT"))
        kids = s.scalars(select(SurveyNode.id).where(SurveyNode.parent_id == d.id).order_by(SurveyNode.position)).all()
        # an AHP matrix on the stored version, to see it copied
        s.add_all([AhpJudgement(parent_id=d.id, row_id=kids[0], col_id=kids[1], value=2.0)])
        s.add(KanoPair(version_id=src_id, code="KX", attribute_zh="测试"))
    v = design.new_version(db, sid, src_id)
    assert v.version == 2 and v.state == "draft" and v.based_on_id == src_id

    def count(s, cls, vid):
        return s.scalar(select(func.count()).select_from(cls).where(cls.version_id == vid))
    with db.read() as s:
        for cls in (SurveyNode, ModelBlock, ModelPath, KanoPair):
            assert count(s, cls, v.id) == count(s, cls, src_id) > 0, cls
        new = {n.code: n for n in s.scalars(select(SurveyNode).where(SurveyNode.version_id == v.id))}
        assert new["PQ1"].parent_id == new["D_PRODUCT"].id and new["PQ1"].latent == "PerceivedQuality"
        j = s.scalar(select(AhpJudgement).where(AhpJudgement.parent_id == new["D_PRODUCT"].id))
        assert (j.row_id, j.col_id, j.value) == (new["PQ1"].id, new["PQ2"].id, 2.0)
        nv = s.get(SurveyVersion, v.id)
        assert nv.nps_zh and nv.nps_en
    with pytest.raises(DesignError) as e:
        design.new_version(db, sid, src_id)
    assert e.value.key == "satisfaction.design.draft_exists"
    design.edit_node(db, new["PQ1"].id, text_zh="改过的问题")  # the draft is editable
    with db.read() as s:
        assert s.scalar(select(SurveyNode.text_zh).where(SurveyNode.version_id == src_id,
                                                         SurveyNode.code == "PQ1")) != "改过的问题"
    # the demo's questions carry their (equal) direct weights: the copy releases as it is
    with db.read() as s:
        assert design.release_problems(s, s.get(SurveyVersion, v.id))[0] == []


def test_kano_and_nps(db):
    _row, vid, _goal = _survey(db)
    a = design.add_kano(db, vid, "K1", "在线证书", attribute_en="Online certificates", functional_zh="如果提供")
    b = design.add_kano(db, vid, "K2", "热线")
    with pytest.raises(DesignError) as e:
        design.add_kano(db, vid, "K1", "重复")
    assert e.value.field == "code"
    assert design.move_kano(db, b.id, -1)
    assert [p.code for p in design.kano_pairs(db, vid)] == ["K2", "K1"]
    design.edit_kano(db, a.id, dysfunctional_en="If we do not offer")
    design.delete_kano(db, b.id)
    assert [p.code for p in design.kano_pairs(db, vid)] == ["K1"]
    assert design.set_nps(db, vid, "推荐的可能性？", "How likely?").nps_en == "How likely?"


def test_permission_refused_and_trail_written(db):
    from app.models.admin import identity, users

    _row, vid, goal = _survey(db)
    node = design.add_node(db, vid, goal.id, "D1", "质量", "Quality")
    assert any(e.action in ("create", "insert") for e in trail.history(db, "sat_nodes", node.id))
    design.edit_node(db, node.id, text_zh="产品质量")
    assert len(trail.history(db, "sat_nodes", node.id)) >= 2
    users.create_user(db, "viewer1", "Viewer", "Viewer2026!", ["viewer"])
    identity.sign_in(db, "viewer1", "Viewer2026!")
    try:
        with pytest.raises(PermissionDenied):
            design.edit_node(db, node.id, text_zh="不许")
        with pytest.raises(PermissionDenied):
            design.create_survey(db, "S9", "不许")
        assert design.version_tree(db, vid)[1].text_zh == "产品质量"
    finally:
        db.actor = Actor.system_job("pytest")
