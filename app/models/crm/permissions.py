"""What the CRM services may be asked to do, and who may by default (editable by the
administrator in the role matrix)."""

from app.models.admin.permissions import ALL_ROLES, Permission

ADMIN, QM, CQE = "administrator", "quality_manager", "customer_quality_engineer"

PERMISSIONS = (
    Permission("crm.view", "查看客户关系管理数据（订单、价值、销售）", "View CRM data (orders, value, sales)", ALL_ROLES),
    Permission("crm.orders", "录入、编辑与导入客户订单", "Enter, edit and import customer orders", (ADMIN, QM, CQE)),
    Permission("crm.value", "确认或修改顾客价值等级", "Accept or override a customer's value class", (ADMIN, QM, CQE)),
    Permission("crm.sales", "编辑商机、活动与提醒", "Edit opportunities, activities and reminders", (ADMIN, QM, CQE)),
    Permission("crm.campaigns", "编辑营销活动及其对象与反馈", "Edit campaigns, their targets and responses",
               (ADMIN, QM, CQE)),
    Permission("crm.reports", "编辑与运行自定义报表", "Edit and run custom reports", (ADMIN, QM, CQE)),
)
