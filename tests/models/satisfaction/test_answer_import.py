"""Reading filled-in questionnaires: the survey's scale, every bad cell with row and column,
duplicates refused, mappings remembered per survey."""

import pytest

from app.models.satisfaction import imports as imp
from app.models.satisfaction.imports import AnswerImportError, Item, Respondent

ITEMS = [Item("q1", "产品质量", "Product quality", 1, 5), Item("q2", "交付准时", "On-time delivery", 1, 5),
         Item("nps", "推荐意愿", "Would recommend", 0, 10)]
WHO = [Respondent(1, "C0001", {"wang li": 11, "zhao min": 12}), Respondent(2, "C0002", {"li na": 21})]


def _csv(tmp_path, text, name="a.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_reads_codes_and_texts_with_blanks(tmp_path):
    p = _csv(tmp_path, "顾客代码,联系人,产品质量,q2,Would recommend\nC0001,Wang Li,4,,10\nc0002,,5,3,0\n",
             encoding="gb18030")
    out = imp.parse_answers(p, ITEMS, WHO)
    assert out.encoding == "gb18030" and out.items == ["q1", "q2", "nps"]
    assert [(r.line, r.customer_id, r.contact_id, r.answers) for r in out.rows] == [
        (2, 1, 11, {"q1": 4, "nps": 10}), (3, 2, None, {"q1": 5, "q2": 3, "nps": 0})]


def test_every_bad_cell_reported_nothing_returned(tmp_path):
    p = _csv(tmp_path, "customer,contact,q1,q2,nps\n"
                       "C0001,Wang Li,6,2,11\n"        # q1 and nps out of scale
                       "C0009,,3,3,3\n"                # unknown customer
                       "C0002,Nobody,3,3,3\n"          # unknown contact
                       "C0001,wang li,1,1,1\n"         # same respondent as line 2
                       "C0002,,x,2.5,7\n")             # not numbers / not whole
    with pytest.raises(AnswerImportError) as info:
        imp.parse_answers(p, ITEMS, WHO)
    got = {(e.line, e.column, e.key) for e in info.value.errors}
    assert got == {(2, "q1", "satisfaction.out_of_scale"), (2, "nps", "satisfaction.out_of_scale"),
                   (3, "customer", "satisfaction.no_customer"), (4, "contact", "satisfaction.no_contact"),
                   (5, "customer", "satisfaction.repeat"),  # line 2's respondent, though line 2 is bad
                   (6, "q1", "satisfaction.out_of_scale"), (6, "q2", "satisfaction.out_of_scale")}
    p2 = _csv(tmp_path, "customer,contact,q1\nC0001,Wang Li,3\nC0001,wang li,1\n", "b.csv")
    with pytest.raises(AnswerImportError) as info:
        imp.parse_answers(p2, ITEMS, WHO)
    [e] = info.value.errors
    assert (e.line, e.column, e.key, e.params["first"]) == (3, "customer", "satisfaction.repeat", 2)
    msg = str(next(err for err in info.value.errors))
    assert "line 3" in msg and "customer" in msg


def test_scale_message_names_question_and_scale(tmp_path):
    p = _csv(tmp_path, "customer,nps\nC0001,12\n")
    with pytest.raises(AnswerImportError) as info:
        imp.parse_answers(p, ITEMS, WHO)
    [e] = info.value.errors
    assert "nps" in e.reason and "0–10" in e.reason and e.params == {"text": "12", "item": "nps", "lo": 0, "hi": 10}


def test_already_answered_in_the_wave(tmp_path):
    p = _csv(tmp_path, "customer,contact,q1\nC0001,Zhao Min,3\nC0002,,4\n")
    with pytest.raises(AnswerImportError) as info:
        imp.parse_answers(p, ITEMS, WHO, answered={(1, 12)})
    assert [(e.line, e.key) for e in info.value.errors] == [(2, "satisfaction.answered")]


def test_mapping_and_guess(tmp_path):
    p = _csv(tmp_path, "Kunde,Frage 1,Frage 2\nC0001,5,4\n")
    with pytest.raises(AnswerImportError) as info:
        imp.parse_answers(p, ITEMS, WHO)
    assert {(e.line, e.key) for e in info.value.errors} == {(1, "csv.missing_column")}
    with pytest.raises(AnswerImportError) as info:
        imp.parse_answers(_csv(tmp_path, "customer,Frage 1\nC0001,5\n", "c.csv"), ITEMS, WHO)
    assert {(e.line, e.key) for e in info.value.errors} == {(1, "satisfaction.no_item_columns")}
    mapping = {"customer": "Kunde", "q1": "Frage 1", "q2": "Frage 2"}
    out = imp.parse_answers(p, ITEMS, WHO, mapping=mapping)
    assert out.rows[0].answers == {"q1": 5, "q2": 4}
    assert imp.read_header(p) == ["Kunde", "Frage 1", "Frage 2"]
    assert imp.guess_mapping(["顾客代码", "Product quality", "NPS"], ITEMS) == {
        "customer": "顾客代码", "q1": "Product quality", "nps": "NPS"}


def test_xlsx_export_layout(tmp_path):
    from app.reports.tabular import write_xlsx

    p = tmp_path / "wave.xlsx"
    write_xlsx(p, ["customer", "contact", "q1", "q2", "nps"],
               [["C0001", "Zhao Min", 5, None, 9], ["C0002", "Li Na", 1, 2, 3]], title="answers")
    out = imp.parse_answers(p, ITEMS, WHO)
    assert [(r.contact_id, r.answers) for r in out.rows] == [(12, {"q1": 5, "nps": 9}), (21, {"q1": 1, "q2": 2, "nps": 3})]


def test_missing_file(tmp_path):
    with pytest.raises(AnswerImportError) as info:
        imp.parse_answers(tmp_path / "nope.csv", ITEMS, WHO)
    assert info.value.errors[0].key == "satisfaction.no_file"


def test_mapping_remembered_per_survey(db):
    assert imp.remembered_mapping(db, "CCSI") == {}
    with db.begin() as s:
        imp.remember_mapping(s, "CCSI", {"customer": "Kunde", "q1": "Frage 1"})
    assert imp.remembered_mapping(db, "CCSI") == {"customer": "Kunde", "q1": "Frage 1"}
    assert imp.remembered_mapping(db, "KANO") == {}


def test_direct_xlsx_reader_matches_openpyxl(tmp_path):
    from openpyxl import Workbook, load_workbook

    from app.models.satisfaction.imports import _xlsx_records_direct

    wb = Workbook()
    ws = wb.active
    ws.append(["customer", "contact", "q1", None, "nps"])
    ws.append(["C0001", "王丽", 4.0, None, 10])
    ws["F3"] = "=1+1"
    ws.append([])
    ws.append(["C0002", True, 2.5, "x", 0])
    p = tmp_path / "w.xlsx"
    wb.save(p)
    ref = [[("" if v is None else str(v)) for v in r]
           for r in load_workbook(p, read_only=True, data_only=True).worksheets[0].iter_rows(values_only=True)]
    mine = {n: cells for n, cells in _xlsx_records_direct(p)}
    assert mine[1] == ["customer", "contact", "q1", "", "nps"]
    assert mine[2] == ["C0001", "王丽", "4", "", "10"]
    assert mine[5][:3] == ["C0002", "TRUE", "2.5"] and ref[4][:3] == ["C0002", "True", "2.5"]
    assert mine[5][3:] == ref[4][3:5]


def test_xlsx_with_a_title_above_the_header(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["顾客满意度调查 2026 Q3"])
    ws.append(["请按 1–5 打分"])
    ws.append(["顾客代码", "联系人", "q1", "q2"])
    ws.append(["C0001", "Wang Li", 9, 3])
    p = tmp_path / "titled.xlsx"
    wb.save(p)
    with pytest.raises(AnswerImportError) as info:
        imp.parse_answers(p, ITEMS, WHO)
    [e] = info.value.errors
    assert (e.line, e.column, e.key) == (4, "q1", "satisfaction.out_of_scale")  # the sheet's own row number
    assert imp.read_header(p) == ["顾客代码", "联系人", "q1", "q2"]
