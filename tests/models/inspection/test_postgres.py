"""The inspection services on PostgreSQL: record (decision, switching, SCAR), disposition,
lists, import and recompute — the same results as on SQLite."""

from datetime import date

from app.models.evaluation.imports import import_csv
from app.models.inspection import service
from tests.support.inspection import seed_pair


def test_inspection_on_postgres(pg_db):
    sid, pid = seed_pair(pg_db, aql_minor=None)
    first = service.record_lot(pg_db, service.LotInput(sid, pid, "R1", 500, defects={"major": 2},
                                                       inspected_on=date(2026, 11, 2)))
    assert not first.accepted and first.corrective_action_number
    second = service.record_lot(pg_db, service.LotInput(sid, pid, "R2", 500, measurements={1: [10.5] * 50},
                                                        inspected_on=date(2026, 11, 3)))
    assert second.severity_after == "tightened"
    service.record_disposition(pg_db, first.lot_id, [service.DispositionLine("return", 500)])
    assert [r.lot_number for r in service.list_lots(pg_db, "awaiting")] == ["R2"]
    head = "lot_number,supplier_code,part_code,inspected_date,lot_size,sample_size,major_defects,decision\n"
    rows = "".join(f"I{i},S1,P1,2026-11-{10 + i},500,80,0,accepted\n" for i in range(5))
    import_csv(pg_db, "inspection-lots", (head + rows).encode())
    assert service.get_setting(pg_db, sid, pid).severity == "normal"  # 5 accepted on tightened → normal
    assert service.recompute_switching(pg_db)["changed"] == 0
