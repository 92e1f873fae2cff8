"""Survey wizard flow without Qt: navigation, per-page validation, branching, drafts."""

import json

import pytest

from app.flows import DraftFormatError, FlowError
from app.flows.survey import INTRO, RESULT, SurveyFlow, section_page

GOOD = {
    "basic": {"legal_name": "苏州精工", "registered_address": "苏州", "employees": 120, "contact_person": "王工",
              "business_licence": True, "qms_certification": "none"},
    "equipment": {"main_equipment": "CNC x 12", "equipment_condition": 3, "preventive_maintenance": True,
                  "inspection_equipment": "CMM", "inspection_capability": 3, "calibration": True},
    "capability": {"cpk_key": "133to167", "spc": True, "monthly_capacity": 50000, "lead_time": "le15"},
    "materials": {"raw_materials": "6061-T6", "approved_sources": True, "incoming_inspection": True,
                  "material_traceability": 3},
    "customers": {"main_customers": "A, B", "customer_feedback": 3, "complaint_process": True},
    "compliance": {"tax_compliance": True, "environment_permits": True, "no_penalties": True, "labour_law": True},
    "it": {"erp": "full", "data_backup": True},
}


def fill(flow, section):
    for k, v in GOOD[section].items():
        flow.set_answer(k, v)


def test_pages_and_full_journey():
    f = SurveyFlow(supplier_name="新供应商")
    assert f.path() == [INTRO] + [section_page(k) for k in GOOD] + [RESULT]
    assert f.go_next() == []
    for section in GOOD:
        msgs = f.go_next()
        assert msgs and all(m.page == section_page(section) for m in msgs)
        fill(f, section)
        assert f.go_next() == [], [m.text() for m in f.validate_page()]
    assert f.current == RESULT and f.is_last() and f.is_complete()
    r = f.result()
    assert r.percent is not None and r.recommendation == "recommend"
    assert len(r.sections) == 7


def test_intro_needs_a_supplier_and_date():
    f = SurveyFlow(survey_date="2025-13-01")
    codes = {m.code for m in f.go_next()}
    assert codes == {"required", "not_a_date"} and f.current == INTRO


def test_branching_certificate_questions():
    f = SurveyFlow(supplier_id=1)
    f.go_next()
    fill(f, "basic")
    assert f.validate_page() == []
    f.set_answer("qms_certification", "iso9001")  # now number, body and expiry are shown and required
    fields = {m.field for m in f.validate_page()}
    assert fields == {"certificate_number", "certification_body", "certificate_expiry"}
    f.set_answer("certificate_number", "CN-123")
    f.set_answer("certification_body", "SGS")
    f.set_answer("certificate_expiry", "2026-02-30")
    assert [m.code for m in f.validate_page()] == ["not_a_date"]
    f.set_answer("certificate_expiry", "2026-02-28")
    assert f.validate_page() == []


def test_messages_in_both_languages():
    f = SurveyFlow(supplier_id=1, lang="zh_CN")
    f.go_next()
    msg = f.validate_page()[0]
    assert "必填" in msg.text("zh_CN") and "企业法定名称" in msg.text("zh_CN")
    assert "required" in msg.text("en")


def test_back_and_go_to():
    f = SurveyFlow(supplier_id=1)
    f.go_next()
    fill(f, "basic")
    f.go_next()
    assert f.go_back() and f.current == section_page("basic")
    f.go_back()
    assert not f.go_back() and f.current == INTRO
    with pytest.raises(FlowError):
        f.go_to(RESULT)


def test_draft_round_trip_resumes_on_the_same_page():
    f = SurveyFlow(supplier_id=7, lang="en")
    f.go_next()
    fill(f, "basic")
    f.go_next()
    f.set_answer("equipment_condition", 2)
    f.set_note("equipment", "现场查看了 12 台 CNC")
    f.set_weight("it", 0.2)
    text = f.to_json()
    json.loads(text)  # plain JSON
    g = SurveyFlow.from_json(text)
    assert g.current == section_page("equipment") and g.history == [INTRO, section_page("basic")]
    assert g.state == f.state
    assert g.result() == f.result()


def test_bad_drafts_are_refused_clearly():
    with pytest.raises(DraftFormatError, match="damaged"):
        SurveyFlow.from_json("{not json")
    with pytest.raises(DraftFormatError, match="not a survey"):
        SurveyFlow.from_json(json.dumps({"kind": "audit", "state": {}}))
    with pytest.raises(DraftFormatError, match="newer"):
        SurveyFlow.from_json(json.dumps({"kind": "survey", "version": 99, "state": {}}))


def test_unknown_question_and_negative_weight():
    f = SurveyFlow(supplier_id=1)
    with pytest.raises(KeyError):
        f.set_answer("nope", 1)
    with pytest.raises(ValueError):
        f.set_weight("it", -1)
