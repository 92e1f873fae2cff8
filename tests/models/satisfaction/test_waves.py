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


def _with_importance_kano_and_nps(db):
    from sqlalchemy import select

    from app.models.satisfaction.tables import KanoPair

    with db.begin() as s:
        v = s.scalar(select(SurveyVersion))
        s.scalar(select(SurveyNode).where(SurveyNode.code == "Q1")).importance_question = True
        s.add(KanoPair(version_id=v.id, code="K1", attribute_zh="快速响应", attribute_en="Fast response",
                       functional_zh="如果具备快速响应…", functional_en="If it responds fast…"))
        v.nps_zh, v.nps_en = "推荐可能性", "Would you recommend us?"


def test_importance_kano_and_nps_are_questions_of_their_own_with_their_own_scale(wave, tmp_path):
    """The wave's questions: each rating, its importance (PQ1.IMP), the Kano pair's two questions
    on 1–5 and NPS on 0–10; typed and imported answers are stored with their kind and read by the
    analysis (stated importance, Kano, NPS)."""
    _with_importance_kano_and_nps(wave)
    info, items = waves.wave_questions(wave, "CS-1")
    assert [(i.code, i.kind, i.scale_min, i.scale_max) for i in items] == [
        ("Q1", "rating", 1, 5), ("Q1.IMP", "importance", 1, 5), ("Q2", "rating", 1, 5),
        ("K1.F", "kano_functional", 1, 5), ("K1.D", "kano_dysfunctional", 1, 5), ("NPS", "nps", 0, 10)]
    with wave.read() as s:
        people = {c.code: (c.id, k.id) for c, k in s.query(Customer, CustomerContact)
                  .filter(CustomerContact.customer_id == Customer.id)}
    cid, kid = people["C0"]
    waves.save_typed(wave, "CS-1", [waves.Typed(1, cid, kid, {"Q1": 4, "Q1.IMP": 5, "Q2": 3, "K1.F": 1, "K1.D": 5,
                                                               "NPS": 9})])
    with pytest.raises(analysis.AnalysisError) as e:                 # NPS 11 and Kano 6 are outside their scales
        waves.save_typed(wave, "CS-1", [waves.Typed(2, *people["C1"], {"Q1": 4, "K1.F": 6, "NPS": 11})])
    assert "K1.F: 6 is outside the scale 1–5" in str(e.value) and "NPS: 11 is outside the scale 0–10" in str(e.value)
    f = tmp_path / "more.csv"
    f.write_text("customer_code,contact_name,Q1,Q1.IMP,Q2,K1.F,K1.D,NPS\nC1,Contact 1,2,4,2,2,5,0\n", encoding="utf-8")
    assert waves.import_answers(wave, "CS-1", f) == 1
    data = analysis.load_wave(wave, "CS-1")
    assert data.importance["Q1"].dropna().tolist() == [5.0, 4.0]
    assert sorted(data.nps.tolist()) == [0.0, 9.0]
    assert sorted(map(tuple, data.kano[["functional", "dysfunctional"]].to_numpy().tolist())) == [(1.0, 5.0),
                                                                                                 (2.0, 5.0)]
    result = analysis.analyse_wave(wave, "CS-1", resamples=0)
    assert result.nps == pytest.approx(0.0) and result.kano[0].attribute == "K1"


def test_a_sheet_without_answers_and_a_customer_without_its_contact_are_refused(wave, tmp_path):
    with wave.read() as s:
        cid, kid = s.query(Customer.id, CustomerContact.id).filter(CustomerContact.customer_id == Customer.id,
                                                                   Customer.code == "C2").one()
    with pytest.raises(analysis.AnalysisError, match="no answer at all"):
        waves.save_typed(wave, "CS-1", [waves.Typed(1, cid, kid, {"Q1": None, "Q2": None})])
    f = tmp_path / "blank.csv"
    f.write_text("customer_code,contact_name,Q1,Q2\nC2,Contact 2,,\nC1,,3,4\nC9,,3,3\n", encoding="utf-8")
    with pytest.raises(AnswerImportError) as e:
        waves.import_answers(wave, "CS-1", f)
    reasons = {(err.line, err.reason) for err in e.value.errors}
    assert any(line == 2 and "no answer at all" in r for line, r in reasons)
    assert any(line == 3 and "asked through its contacts" in r for line, r in reasons)
    assert any(line == 4 and "not asked in this wave" in r for line, r in reasons)
    assert waves.answered(wave, "CS-1") == []
