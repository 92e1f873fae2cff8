"""What the satisfaction services may be asked to do, and who may by default (editable by the
administrator in the role matrix)."""

from app.models.admin.permissions import ALL_ROLES, Permission

ADMIN, QM, CQE = "administrator", "quality_manager", "customer_quality_engineer"

PERMISSIONS = (
    Permission("satisfaction.view", "查看满意度调查与结果", "View satisfaction surveys and results", ALL_ROLES),
    Permission("satisfaction.design", "设计满意度调查（指标体系、权重、模型、版本）",
               "Design satisfaction surveys (indicators, weights, model, versions)", (ADMIN, QM, CQE)),
    Permission("satisfaction.respond", "录入或导入调查答卷、管理调查批次", "Enter or import survey answers and manage waves",
               (ADMIN, QM, CQE)),
    Permission("satisfaction.analyse", "进行满意度分析并输出报告", "Analyse satisfaction and print reports", (ADMIN, QM, CQE)),
)
