"""Wave planning: plan (released version only, code unique, period valid, targets by filter, at
least one), edit targets while planned, open (refused while the model has errors, listing them),
close; permissions and the audit trail."""

from __future__ import annotations

from datetime import date

import pytest

from app.models.admin import identity, trail, users
from app.models.admin.permissions import PermissionDenied
from app.models.satisfaction import campaigns, model, waves
from app.models.satisfaction.campaigns import WaveError
from app.models.satisfaction.targets import TargetFilter

from tests.models.satisfaction.fixtures import make_customers, make_version

Q4 = (date(2026, 10, 1), date(2026, 12, 31))


@pytest.fixture
def world(db):
    return make_version(db, state="released"), make_customers(db)


def test_plan_open_close(db, world):
    vid, customers = world
    row = campaigns.plan_wave(db, vid, "CS-2026Q4", "2026 四季度", *Q4, TargetFilter(regions=("华东",)))
    assert (row.state, row.targets, row.survey_code, row.version) == ("planned", 2, "CS", 1)  # C1's two contacts
    targets = waves.wave_targets(db, row.id)
    assert {t.customer_code for t in targets} == {"C1"}  # C3 in 华东 is lost: not asked
    campaigns.open_wave(db, row.id)
    assert campaigns.list_planning(db)[0].state == "open"
    with pytest.raises(WaveError) as err:
        campaigns.open_wave(db, row.id)
    assert err.value.key == "satisfaction.wave.not_planned"
    campaigns.close_wave(db, "CS-2026Q4")
    assert campaigns.list_planning(db)[0].state == "closed"
    with pytest.raises(WaveError) as err:
        campaigns.close_wave(db, row.id)
    assert err.value.key == "satisfaction.wave.not_open" and "已结束" in err.value.text("zh_CN")


def test_filters_combine(db, world):
    vid, _ = world
    row = campaigns.plan_wave(db, vid, "Q", "", *Q4, TargetFilter(contact_groups=("quality",)))
    assert {t.contact_name for t in waves.wave_targets(db, row.id)} == {"张伟", "王强"}
    assert len(campaigns.preview(db, TargetFilter(value_classes=("important",), industries=("electronics",)))) == 2


def test_a_draft_version_is_refused(db, world):
    _, _ = world
    draft = make_version(db, code="D", state="draft")
    with pytest.raises(WaveError) as err:
        campaigns.plan_wave(db, draft, "W1", "", *Q4, TargetFilter())
    assert (err.value.key, err.value.field) == ("satisfaction.wave.not_released", "version")
    assert campaigns.list_planning(db) == []


def test_bad_input_is_reported_at_once_naming_fields(db, world):
    vid, _ = world
    campaigns.plan_wave(db, vid, "W1", "", *Q4, TargetFilter())
    with pytest.raises(WaveError) as err:
        campaigns.plan_wave(db, vid, "w1", "x" * 121, date(2026, 12, 1), date(2026, 11, 1),
                            TargetFilter(value_classes=("vip",)))
    fields = [p.field for p in err.value.problems]
    assert fields == ["code", "name", "period_end", "value_classes"]
    assert "4 problem(s)" in err.value.text("en") and "4 个问题" in err.value.text("zh_CN")
    for code in ("", "has space", "x" * 31):
        with pytest.raises(WaveError) as err:
            campaigns.plan_wave(db, vid, code, "", *Q4, TargetFilter())
        assert err.value.key == "satisfaction.wave.bad_code"
    with pytest.raises(WaveError) as err:
        campaigns.plan_wave(db, vid, "W2", "", None, Q4[1], TargetFilter())
    assert err.value.field == "period_start"
    with pytest.raises(WaveError) as err:
        campaigns.plan_wave(db, vid, "W2", "", *Q4, TargetFilter(regions=("火星",)))
    assert (err.value.key, err.value.field) == ("satisfaction.wave.no_targets", "filter")
    assert [w.code for w in campaigns.list_planning(db)] == ["W1"]


def test_targets_of_a_planned_wave_are_edited(db, world):
    vid, customers = world
    row = campaigns.plan_wave(db, vid, "W1", "", *Q4, TargetFilter(regions=("华南",)))
    assert row.targets == 1
    assert campaigns.add_targets(db, row.id, TargetFilter(regions=("华东", "华南"))) == 2  # 华南 already asked
    assert campaigns.add_targets(db, row.id, TargetFilter()) == 0
    assert campaigns.remove_targets(db, row.id, TargetFilter(contact_groups=("purchasing",))) == 1
    assert {t.contact_name for t in waves.wave_targets(db, row.id)} == {"张伟", "王强"}
    with pytest.raises(WaveError) as err:
        campaigns.remove_targets(db, row.id, TargetFilter())
    assert err.value.key == "satisfaction.wave.last_targets"
    campaigns.open_wave(db, row.id)
    with pytest.raises(WaveError) as err:
        campaigns.add_targets(db, row.id, TargetFilter())
    assert err.value.key == "satisfaction.wave.not_planned"


def test_open_is_refused_for_an_invalid_model_listing_the_problems(db, world):
    _, _ = world
    vid = make_version(db, code="BAD", state="draft")
    model.add_path(db, vid, "Loyalty", "Image")  # a cycle
    model.add_block(db, vid, "Empty")  # no items, no paths
    from app.models.satisfaction.tables import SurveyVersion

    with db.begin() as s:
        s.get(SurveyVersion, vid).state = "released"
    row = campaigns.plan_wave(db, vid, "BAD-1", "", *Q4, TargetFilter())
    with pytest.raises(WaveError) as err:
        campaigns.open_wave(db, row.id)
    e = err.value
    assert e.key == "satisfaction.wave.model_invalid"
    assert {p.key for p in e.model_problems} == {"satisfaction.model.cycle", "satisfaction.model.empty_block",
                                                 "satisfaction.model.isolated",
                                                 "satisfaction.model.unreachable"}  # the cycle leaves nothing exogenous
    assert "cycle" in e.text("en") and "Empty" in e.text("en") and "循环" in e.text("zh_CN")
    assert campaigns.list_planning(db)[0].state == "planned"


def test_open_the_demo_ccsi_in_a_new_wave(demo_db):
    ccsi = next(v for v in campaigns.released_versions(demo_db) if v.survey_code == "CCSI")
    row = campaigns.plan_wave(demo_db, ccsi.id, "CCSI-NEXT", "下一季度", date(2027, 1, 1), date(2027, 3, 31),
                              TargetFilter(value_classes=("important",)))
    assert row.targets > 0
    campaigns.open_wave(demo_db, row.id)
    assert waves.wave_questions(demo_db, row.id)[0].state == "open"


def test_permissions(db, world):
    vid, _ = world
    row = campaigns.plan_wave(db, vid, "W1", "", *Q4, TargetFilter())
    users.create_user(db, "zhao", "赵磊", "Viewer2026", ["viewer"])
    identity.sign_in(db, "zhao", "Viewer2026")
    for run in (lambda: campaigns.plan_wave(db, vid, "W2", "", *Q4, TargetFilter()),
                lambda: campaigns.open_wave(db, row.id), lambda: campaigns.close_wave(db, row.id),
                lambda: campaigns.add_targets(db, row.id, TargetFilter()),
                lambda: campaigns.remove_targets(db, row.id, TargetFilter())):
        with pytest.raises(PermissionDenied) as err:
            run()
        assert err.value.permission == "satisfaction.design"
    assert len(campaigns.list_planning(db)) == 1 and len(campaigns.preview(db, TargetFilter())) == 3


def test_trail(db, world):
    vid, _ = world
    row = campaigns.plan_wave(db, vid, "W1", "", *Q4, TargetFilter())
    campaigns.open_wave(db, row.id)
    campaigns.close_wave(db, row.id)
    history = trail.history(db, "sat_waves", row.id)
    assert [e.action for e in history] == ["create", "update", "update"]
    assert history[1].changes["state"] == {"old": "planned", "new": "open"} or "open" in str(history[1].changes)
    bulk = trail.history(db, "sat_wave_targets", "W1")
    assert bulk and bulk[0].action == "plan" and bulk[0].changes["targets"] == 3
