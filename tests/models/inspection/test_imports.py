"""Lot imports stay all-or-nothing and now move switching."""

import pytest

from app.models.core.csv_reader import CsvRejected
from app.models.evaluation.imports import import_csv
from app.models.inspection import service
from tests.support.inspection import seed_pair

HEAD = "lot_number,supplier_code,part_code,inspected_date,lot_size,sample_size,major_defects,decision\n"


def test_import_updates_switching(db):
    sid, pid = seed_pair(db, aql_minor=None)
    rows = "".join(f"IMP{i},S1,P1,2026-10-{i + 1:02d},500,50,{2 if i in (1, 3) else 0},"
                   f"{'rejected' if i in (1, 3) else 'accepted'}\n" for i in range(5))
    import_csv(db, "inspection-lots", (HEAD + rows).encode())
    st = service.get_setting(db, sid, pid)
    assert st.severity == "tightened" and st.lots_count == 5
    h = service.pair_history(db, sid, pid)
    assert h.severities == ["normal"] * 4 + ["tightened"] and h.scores[:2] == [2, 0]


def test_refused_import_changes_nothing(db):
    sid, pid = seed_pair(db, aql_minor=None)
    bad = HEAD + "B1,S1,P1,2026-10-01,500,50,3,rejected\nB2,S1,P1,2026-10-02,500,50,3,rejected\nB3,S9,P1,2026-10-03,5,5,0,accepted\n"
    with pytest.raises(CsvRejected):
        import_csv(db, "inspection-lots", bad.encode())
    st = service.get_setting(db, sid, pid)
    assert st.severity == "normal" and st.lots_count == 0
