"""Storing answers: an answer file imported into an open wave (all or nothing, the survey's
scale, duplicates refused, the mapping remembered), typed answers saved, a closed wave refused,
the permission checked; the stored answers feed the analysis."""

from __future__ import annotations

from datetime import date

import pytest

from app.models.admin.permissions import PermissionDenied
from app.models.customers.tables import Customer, CustomerContact
from app.models.satisfaction import analysis, waves
from app.models.satisfaction.imports import AnswerImportError, remembered_mapping
from app.models.satisfaction.tables import Survey, SurveyNode, SurveyVersion, Wave, WaveTarget


@pytest.fixture
def wave(db):
    with db.begin() as s:
        sv = Survey(code="CS", name_zh="满意度", purpose="periodic", scale_min=1, scale_max=5)
        s.add(sv)
        s.flush()
        v = SurveyVersion(survey_id=sv.id, version=1, state="released")
        s.add(v)
        s.flush()
        goal = SurveyNode(version_id=v.id, kind="goal", code="T")
        s.add(goal)
        s.flush()
        dim = SurveyNode(version_id=v.id, parent_id=goal.id, kind="dimension", code="D1", text_en="Product")
        s.add(dim)
        s.flush()
        for k, code in enumerate(("Q1", "Q2")):
            s.add(SurveyNode(version_id=v.id, parent_id=dim.id, kind="indicator", code=code, text_zh=f"题{k}",
                             text_en=f"Question {k}", position=k))
        w = Wave(version_id=v.id, code="CS-1", period_start=date(2026, 10, 1), period_end=date(2026, 12, 31),
                 state="open")
        s.add(w)
        s.flush()
        for i in range(3):
            c = Customer(code=f"C{i}", name_zh=f"顾客{i}")
            s.add(c)
            s.flush()
            k = CustomerContact(customer_id=c.id, name=f"Contact {i}")
            s.add(k)
            s.flush()
            s.add(WaveTarget(wave_id=w.id, customer_id=c.id, contact_id=k.id))
        db.wave_id = w.id
    return db


def test_import_stores_every_row_and_remembers_the_mapping(wave, tmp_path):
    f = tmp_path / "a.csv"
    f.write_text("顾客,联系人,质量,价格\nC0,Contact 0,5,4\nC1,Contact 1,3,\n", encoding="utf-8")
    n = waves.import_answers(wave, "CS-1", f, mapping={"customer": "顾客", "contact": "联系人", "Q1": "质量", "Q2": "价格"})
    assert n == 2
    assert remembered_mapping(wave, "CS")["Q1"] == "质量"
    data = analysis.load_wave(wave, "CS-1")
    assert data.n == 2 and data.ratings["Q1"].tolist() == [5.0, 3.0] and data.ratings["Q2"].isna().sum() == 1
    assert len(waves.answered(wave, "CS-1")) == 2
    # the same people again: refused, nothing added
    with pytest.raises(AnswerImportError):
        waves.import_answers(wave, "CS-1", f, mapping={"customer": "顾客", "contact": "联系人", "Q1": "质量", "Q2": "价格"})
    assert analysis.load_wave(wave, "CS-1").n == 2


def test_out_of_scale_cell_refuses_the_whole_file(wave, tmp_path):
    f = tmp_path / "b.csv"
    f.write_text("customer_code,contact_name,Q1,Q2\nC0,Contact 0,5,4\nC1,Contact 1,7,2\n", encoding="utf-8")
    with pytest.raises(AnswerImportError) as err:
        waves.import_answers(wave, "CS-1", f)
    assert any(e.line == 3 and e.column == "Q1" for e in err.value.errors)
    assert analysis.load_wave(wave, "CS-1").n == 0


def test_typed_answers_saved_and_refusals(wave):
    targets = waves.wave_targets(wave, "CS-1")
    t0, t1 = targets[0], targets[1]
    n = waves.save_typed(wave, "CS-1", [waves.Typed(1, t0.customer_id, t0.contact_id, {"Q1": 4, "Q2": 5})])
    assert n == 1
    with pytest.raises(analysis.AnalysisError, match="already answered"):
        waves.save_typed(wave, "CS-1", [waves.Typed(1, t0.customer_id, t0.contact_id, {"Q1": 3})])
    with pytest.raises(analysis.AnalysisError, match="outside the scale 1–5"):
        waves.save_typed(wave, "CS-1", [waves.Typed(2, t1.customer_id, t1.contact_id, {"Q1": 9})])
    with pytest.raises(analysis.AnalysisError, match="not asked"):
        waves.save_typed(wave, "CS-1", [waves.Typed(3, t1.customer_id, None, {"Q1": 2})])
    assert analysis.load_wave(wave, "CS-1").n == 1
    with wave.begin() as s:
        s.get(Wave, wave.wave_id).state = "closed"
    with pytest.raises(analysis.AnalysisError, match="closed"):
        waves.save_typed(wave, "CS-1", [waves.Typed(1, t1.customer_id, t1.contact_id, {"Q1": 3})])


def test_entering_needs_the_permission(wave):
    from app.models.admin import identity, users

    wave.actor = None
    identity.create_first_administrator(wave, "admin", "管理员", "Secret2026")
    users.create_user(wave, "zhao.view", "赵六", "Quality2026", ["viewer"])
    wave.actor = identity.sign_in(wave, "zhao.view", "Quality2026")
    t = waves.wave_targets(wave, "CS-1")[0]
    with pytest.raises(PermissionDenied):
        waves.save_typed(wave, "CS-1", [waves.Typed(1, t.customer_id, t.contact_id, {"Q1": 3})])
