"""What the customer services may be asked to do, and who may by default (editable by the
administrator in the role matrix)."""

from app.models.admin.permissions import Permission

ADMIN, QM, CQE = "administrator", "quality_manager", "customer_quality_engineer"

PERMISSIONS = (
    Permission("customers.edit", "编辑顾客主数据、联系人与供货零件", "Edit customer master data, contacts and parts supplied",
               (ADMIN, QM, CQE)),
    Permission("customers.import", "导入顾客", "Import customers", (ADMIN, QM, CQE)),
    Permission("customers.privacy", "导出或删除联系人个人数据（隐私请求）",
               "Export or erase a contact's personal data (privacy requests)", (ADMIN, QM, CQE)),
)
