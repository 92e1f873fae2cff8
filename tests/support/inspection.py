"""Shared set-up for the inspection tests: one supplier, two parts, linked, with settings."""

from __future__ import annotations

from app.models.inspection import service
from app.models.suppliers.tables import Part, Supplier, SupplierPart

ITEMS = [
    service.ItemSpec("外径 Outer diameter", "major", "variable", "卡尺测量", "Caliper 0-150", 9.9, 10.1, "mm"),
    service.ItemSpec("外观 Appearance", "minor", "attribute", "目视", ""),
    service.ItemSpec("裂纹 Cracks", "critical", "attribute", "磁粉探伤", "MT"),
]


def seed_pair(db, *, aql_major=1.0, aql_minor=4.0, aql_critical=None, items=None, level="II"):
    """Supplier S1 × part P1 (and P2 linked, without setting); returns (supplier_id, part_id)."""
    with db.begin() as s:
        sup = Supplier(code="S1", name_zh="华东精密", name_en="East Precision", status="approved")
        p1 = Part(code="P1", name_zh="轴套", name_en="Bushing")
        p2 = Part(code="P2", name_zh="垫圈", name_en="Washer")
        s.add_all([sup, p1, p2])
        s.flush()
        s.add_all([SupplierPart(supplier_id=sup.id, part_id=p1.id), SupplierPart(supplier_id=sup.id, part_id=p2.id)])
        s.flush()
        sid, pid = sup.id, p1.id
    service.save_setting(db, sid, pid, level=level, aql_critical=aql_critical, aql_major=aql_major,
                         aql_minor=aql_minor, items=ITEMS if items is None else items)
    return sid, pid
