"""What the incoming-inspection services may be asked to do, and who may by default."""

from app.models.admin.permissions import Permission

QM, SQE, IQC = "quality_manager", "supplier_quality_engineer", "incoming_inspector"

PERMISSIONS = (
    Permission("inspection.record", "记录检验结果与处置", "Record inspection results and dispositions", (IQC, SQE, QM)),
    Permission("inspection.settings", "编辑检验设置与检验项目", "Edit inspection settings and items", (SQE, QM)),
    Permission("inspection.approve_reduced", "批准放宽检验", "Approve reduced inspection", (QM,)),
    Permission("inspection.concession", "批准让步接收", "Approve a concession (use as is)", (QM,)),
)
