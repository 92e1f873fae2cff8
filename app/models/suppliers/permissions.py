"""What the supplier services may be asked to do, and who may by default (editable by the
administrator in the role matrix)."""

from app.models.admin.permissions import ALL_ROLES, Permission

QM, SQE, IQC, CQE = "quality_manager", "supplier_quality_engineer", "incoming_inspector", "customer_quality_engineer"

PERMISSIONS = (
    Permission("suppliers.view", "查看供应商资料", "View supplier records", ALL_ROLES),
    Permission("suppliers.edit", "编辑供应商主数据、联系人与证书", "Edit supplier master data, contacts and certificates",
               (QM, SQE)),
    Permission("suppliers.delete", "删除供应商及其全部记录", "Delete a supplier and everything recorded about it", (QM,)),
    Permission("suppliers.import", "导入供应商", "Import suppliers", (QM, SQE)),
    Permission("suppliers.status", "变更供应商状态（暂停、取消资格等）", "Change a supplier's status (suspend, disqualify …)",
               (QM,)),
    Permission("surveys.edit", "填写与提交供应商调查表", "Fill in and submit supplier surveys", (QM, SQE)),
    Permission("audits.edit", "进行与完成供应商审核", "Carry out and complete supplier audits", (QM, SQE)),
    Permission("audits.templates", "编辑审核检查表模板", "Edit audit checklist templates", (QM, SQE)),
    Permission("corrective.create", "发出纠正措施要求（SCAR）", "Raise corrective action requests (SCAR)", (QM, SQE, IQC, CQE)),
    Permission("corrective.edit", "填写 8D 与记录供应商答复", "Fill in the 8D and record the supplier's answer", (QM, SQE)),
    Permission("corrective.verify", "验证、关闭或取消纠正措施", "Verify, close or cancel corrective actions", (QM, SQE)),
    Permission("approval.record", "记录认可流程步骤", "Record approval flow steps", (QM, SQE, IQC)),
    Permission("approval.approve", "批准供应商并维护合格供方名录", "Approve suppliers and keep the qualified supplier list",
               (QM,)),
    Permission("development.edit", "编辑供应商发展计划", "Edit supplier development plans", (QM, SQE)),
)
