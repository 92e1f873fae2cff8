"""What the quality agreement services may be asked to do, and who may by default."""

from app.models.admin.permissions import Permission

QM, SQE, ADMIN = "quality_manager", "supplier_quality_engineer", "administrator"

PERMISSIONS = (
    Permission("agreements.edit", "编辑质量协议（条款、版本、提交审核）",
               "Edit quality agreements (clauses, versions, submit for review)", (QM, SQE)),
    Permission("agreements.sign", "签署质量协议版本", "Sign quality agreement versions", (QM,)),
    Permission("agreements.templates", "编辑质量协议模板", "Edit quality agreement templates", (QM, ADMIN)),
)
