"""Issue 10 §9: the grade list shows status, mandatory-certificate state and overdue SCARs, and
they override what the grade alone suggests, saying why (screen model, xlsx, csv, pdf, CLI JSON)."""

from __future__ import annotations

import csv
from datetime import date, timedelta

import pytest
from sqlalchemy import update

from app.engines import grading
from app.engines.indicators import Period
from app.engines.scoring import EvaluationScheme
from app.models.evaluation.service import grade_list, save_scheme
from app.models.evaluation.tables import EvaluationResult, EvaluationRun
from app.models.suppliers import corrective
from app.models.suppliers import master as sup
from app.models.suppliers.tables import Supplier
from app.reports.grade_list import write_grade_list

TODAY = date(2026, 12, 15)


def test_apply_holds_rules():
    a = ("preferred", "larger_share", "reduced_inspection")
    assert grading.apply_holds(a, "approved") == (a, ())
    assert grading.apply_holds(a, "disqualified") == (("no_orders",), ("disqualified",))
    assert grading.apply_holds(("improvement_plan", "tightened_inspection", "smaller_share"), "suspended") == \
        (("no_orders", "improvement_plan", "tightened_inspection"), ("suspended",))
    assert grading.apply_holds(a, "under_evaluation") == (("no_orders",), ("not_approved",))
    assert grading.apply_holds(a, "approved", certificate_expired=True, overdue_cars=2) == \
        (("preferred", "larger_share", "normal_inspection"), ("certificate_expired", "overdue_car"))
    assert grading.apply_holds(("keep", "normal_inspection"), "conditional", overdue_cars=1) == \
        (("keep", "normal_inspection"), ("overdue_car",))


def test_mandatory_certificate_family_and_renewal(db):
    assert sup.mandatory_family("IATF 16949:2016") == "IATF 16949"
    assert sup.mandatory_family("GB/T 19001-2016") == "ISO 9001"
    assert sup.mandatory_family("ISO 14001:2015") is None
    sid = sup.create_supplier(db, {"code": "S", "name_zh": "甲"})
    sup.add_certificate(db, sid, {"standard": "ISO 9001:2015", "expires_on": date(2026, 1, 1)})
    sup.add_certificate(db, sid, {"standard": "ISO 9001:2015", "expires_on": date(2028, 1, 1)})  # renewed
    sup.add_certificate(db, sid, {"standard": "ISO 14001:2015", "expires_on": date(2020, 1, 1)})  # not mandatory
    with db.read() as s:
        state = sup.mandatory_certificate_states(s, TODAY)[sid]
    assert (state.state, state.standards) == ("valid", ("ISO 9001",))


@pytest.fixture
def graded(db):
    codes = {"DIS": ("disqualified", "C"), "EVAL": ("under_evaluation", "A"), "CERT": ("approved", "A"),
             "OK": ("approved", "A")}
    ids = {}
    for code, (status, _) in codes.items():
        ids[code] = sup.create_supplier(db, {"code": code, "name_zh": f"供应商{code}", "name_en": f"Supplier {code}"})
    with db.begin() as s:
        for code, (status, _) in codes.items():
            s.execute(update(Supplier).where(Supplier.id == ids[code]).values(status=status))
        scheme = save_scheme(s, EvaluationScheme(name="standard"))
        p = Period.parse("2026-11")
        s.add(EvaluationRun(period=p.label, period_kind=p.kind, period_start=p.start, period_end=p.last_day,
                            scheme_id=scheme.id, supplier_count=4, scored_count=4))
        s.flush()
        for code, (_, grade) in codes.items():
            s.add(EvaluationResult(period=p.label, supplier_id=ids[code], score={"A": 95, "C": 72}[grade], grade=grade,
                                   periods_in_grade=1, treatment="scored", missing="[]"))
    sup.add_certificate(db, ids["CERT"], {"standard": "IATF 16949:2016", "expires_on": TODAY - timedelta(days=30)})
    sup.add_certificate(db, ids["OK"], {"standard": "IATF 16949:2016", "expires_on": TODAY + timedelta(days=300)})
    corrective.create_corrective_action(db, ids["CERT"], title="late", due_on=TODAY - timedelta(days=192),
                                        issued_on=TODAY - timedelta(days=220))
    return ids


def test_grade_list_rows_carry_status_certificate_and_overdue_cars(db, graded):
    rows = {r.code: r for r in grade_list(db, "2026-11", as_of=TODAY).rows}
    assert rows["DIS"].actions == ("no_orders",) and rows["DIS"].holds == ("disqualified",)
    assert "larger_share" not in rows["EVAL"].actions and rows["EVAL"].holds == ("not_approved",)
    assert rows["CERT"].certificate == "expired" and rows["CERT"].certificate_standards == ("IATF 16949",)
    assert rows["CERT"].overdue_cars == 1
    assert "reduced_inspection" not in rows["CERT"].actions
    assert rows["CERT"].holds == ("certificate_expired", "overdue_car")
    assert rows["OK"].actions == ("preferred", "larger_share", "reduced_inspection") and rows["OK"].holds == ()


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_grade_list_exports_say_why(db, graded, tmp_path, lang):
    from openpyxl import load_workbook

    gl = grade_list(db, "2026-11", as_of=TODAY)
    out = write_grade_list(gl, tmp_path / "g.csv", lang)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    head, body = rows[0], {r[1]: dict(zip(rows[0], r)) for r in rows[1:]}
    status_h, cert_h, overdue_h, holds_h = head[3], head[-4], head[-3], head[-1]
    if lang == "zh_CN":
        assert body["DIS"][status_h] == "已取消资格" and "不分配订单" in body["DIS"][holds_h]
        assert body["CERT"][cert_h] == "已过期 (IATF 16949)" and "不放宽检验" in body["CERT"][holds_h]
    else:
        assert body["DIS"][status_h] == "Disqualified" and body["DIS"]["Actions"] == "no orders"
        assert body["CERT"][cert_h] == "Expired (IATF 16949)"
        assert "overdue corrective action" in body["CERT"][holds_h]
        assert "reduced inspection" not in body["CERT"]["Actions"]
    assert body["CERT"][overdue_h] == "1"
    xlsx = write_grade_list(gl, tmp_path / "g.xlsx", lang)
    ws = load_workbook(xlsx).active
    header = [c.value for c in ws[4]]
    values = {r[1]: dict(zip(header, r)) for r in ws.iter_rows(min_row=5, values_only=True)}
    assert values["CERT"][header[-3]] == 1  # a number in Excel
    assert values["DIS"][header[3]] == body["DIS"][status_h]
    pdf = write_grade_list(gl, tmp_path / "g.pdf", lang)
    assert pdf.stat().st_size > 1000


def test_sourcing_plan_says_why_beside_the_share(db, graded):
    from app.models.evaluation.sourcing import sourcing_plan
    from app.models.suppliers.tables import Part, SupplierPart

    with db.begin() as s:
        part = Part(code="P1", name_zh="零件", name_en="Part", category="x", importance_class="I")
        s.add(part)
        s.flush()
        for code in ("CERT", "OK", "DIS"):
            s.add(SupplierPart(supplier_id=graded[code], part_id=part.id, share=0.0, active=True))
    plan = sourcing_plan(db, "2026-11", as_of=TODAY)
    item = next(it for it in plan.items if it.code == "P1")
    holds = {x.code: x.holds for x in item.suppliers}
    assert holds == {"CERT": ("certificate_expired", "overdue_car"), "OK": ()}
    assert {o.code: o.reason for o in item.not_current} == {"DIS": "disqualified"}  # no share at all
