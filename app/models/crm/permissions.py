"""What the CRM services may be asked to do, and who may by default (editable by the
administrator in the role matrix)."""

from app.models.admin.permissions import Permission

ADMIN, QM, CQE = "administrator", "quality_manager", "customer_quality_engineer"

PERMISSIONS = (
    Permission("crm.view", "查看客户关系数据（订单、销售机会、市场活动）", "View CRM data (orders, opportunities, campaigns)",
               (ADMIN, QM, CQE)),
    Permission("crm.orders", "录入或导入顾客订单", "Enter or import customer orders", (ADMIN, QM, CQE)),
    Permission("crm.value", "进行顾客价值分析并确认价值分类", "Run the customer value analysis and accept value classes",
               (ADMIN, QM, CQE)),
    Permission("crm.sales", "管理销售机会与活动", "Manage sales opportunities and activities", (ADMIN, QM, CQE)),
    Permission("crm.campaigns", "管理市场活动", "Manage marketing campaigns", (ADMIN, QM, CQE)),
    Permission("crm.reports", "生成与保存客户关系报告", "Produce and save CRM reports", (ADMIN, QM, CQE)),
)
