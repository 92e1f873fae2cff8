"""The inspection demo: settings for approved links, told switching histories, every
disposition, SCARs from rejections — and it agrees with a replay from the lots."""

from sqlalchemy import func, select

from app.models.evaluation.tables import InspectionLot
from app.models.inspection import service
from app.models.inspection.tables import Disposition, InspectionSetting, SeverityChange
from app.models.suppliers.tables import CorrectiveAction, Supplier, SupplierPart


def test_demo_histories_and_dispositions(demo_db):
    with demo_db.read() as s:
        approved_links = s.scalar(select(func.count()).select_from(SupplierPart).join(
            Supplier, Supplier.id == SupplierPart.supplier_id).where(Supplier.status == "approved", SupplierPart.active))
        assert s.scalar(select(func.count()).select_from(InspectionSetting)) == approved_links > 0
        rules = {r for (r,) in s.execute(select(SeverityChange.rule).distinct())}
        assert {"normal_to_tightened", "tightened_to_normal", "normal_to_reduced", "tightened_discontinued"} <= rules
        severities = {r for (r,) in s.execute(select(InspectionSetting.severity).distinct())}
        assert {"normal", "reduced", "discontinued"} <= severities
        kinds = {r for (r,) in s.execute(select(Disposition.kind).distinct())}
        assert kinds == {"return", "sort", "rework", "concession", "scrap"}
        sums = s.execute(select(InspectionLot.lot_size, func.sum(Disposition.quantity))
                         .join(Disposition, Disposition.lot_id == InspectionLot.id).group_by(InspectionLot.id)).all()
        assert sums and all(size == total for size, total in sums)
        linked = s.execute(select(CorrectiveAction.source).join(
            InspectionLot, InspectionLot.corrective_action_id == CorrectiveAction.id)).all()
        assert linked and {r[0] for r in linked} == {"inspection"}
    assert service.list_lots(demo_db, "awaiting") and service.list_lots(demo_db, "concession")
    # what the demo stored is what replaying the lots gives
    assert service.recompute_switching(demo_db)["changed"] == 0
