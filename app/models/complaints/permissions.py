"""What the complaint services may be asked to do, and who may by default."""

from app.models.admin.permissions import Permission

QM, CQE = "quality_manager", "customer_quality_engineer"

PERMISSIONS = (
    Permission("complaints.record", "受理顾客投诉并记录处理步骤、附件与费用",
               "Take in complaints and record their steps, attachments and costs", (QM, CQE)),
    Permission("complaints.close", "关闭或重新打开顾客投诉", "Close or reopen complaints", (QM, CQE)),
    Permission("complaints.override", "越过规则关闭投诉（如供应商遏制措施未完成）",
               "Override a rule when closing a complaint (e.g. the supplier's containment is open)", (QM,)),
    Permission("complaints.settings", "设置投诉响应时限与工作日历", "Set complaint response targets and the working calendar",
               (QM,)),
)
