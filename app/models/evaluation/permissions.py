"""What the evaluation services may be asked to do, and who may by default."""

from app.models.admin.permissions import Permission

QM, SQE, IQC = "quality_manager", "supplier_quality_engineer", "incoming_inspector"

PERMISSIONS = (
    Permission("evaluation.run", "运行供应商业绩评定", "Run the supplier performance evaluation", (QM, SQE)),
    Permission("evaluation.schemes", "编辑评定方案", "Edit evaluation schemes", (QM,)),
    Permission("evaluation.import", "导入交货与检验记录", "Import deliveries and inspection lots", (QM, SQE, IQC)),
)
