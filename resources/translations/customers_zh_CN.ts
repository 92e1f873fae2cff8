<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact</source>
        <translation>新建联系人</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role / title:</source>
        <translation>职务：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮件：</translation>
    </message>
    <message>
        <source>Preferred language:</source>
        <translation>首选语言：</translation>
    </message>
    <message>
        <source>Active:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Active contact</source>
        <translation>有效联系人</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>分组：</translation>
    </message>
</context>
<context>
    <name>CustomerDetail</name>
    <message>
        <source>Complaints</source>
        <extracomment>Tabs of other domains, shown after "Parts we supply" and before "History".</extracomment>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Internal / external</source>
        <translation>内部/外部</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>关键客户</translation>
    </message>
    <message>
        <source>Value class</source>
        <translation>价值类别</translation>
    </message>
    <message>
        <source>Reason for the value class</source>
        <translation>价值类别原因</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>合作起始</translation>
    </message>
    <message>
        <source>Role / title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Erased at</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Customer's part number</source>
        <translation>顾客零件号</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人数据</translation>
    </message>
    <message>
        <source>Personal data: {fields}</source>
        <translation>个人数据：{fields}</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Select a customer</source>
        <translation>请选择顾客</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Set &amp;value class…</source>
        <translation>设定价值类别(&amp;V)…</translation>
    </message>
    <message>
        <source>Set the value class by hand, with a reason</source>
        <translation>手动设定价值类别（需填写原因）</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Parts we supply</source>
        <translation>供货零件</translation>
    </message>
    <message>
        <source>Basic data</source>
        <translation>基本资料</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Export personal data…</source>
        <translation>导出个人数据…</translation>
    </message>
    <message>
        <source>Erase on request…</source>
        <translation>按请求删除…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Link part…</source>
        <translation>关联零件…</translation>
    </message>
    <message>
        <source>Customer part no.…</source>
        <translation>顾客零件号…</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <source>Our part</source>
        <translation>本公司零件</translation>
    </message>
    <message>
        <source>Part name</source>
        <translation>零件名称</translation>
    </message>
    <message>
        <source>Suppliers of the part</source>
        <translation>该零件的供应商</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设定）</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>This contact's personal data was erased on request; it cannot be edited.</source>
        <translation>此联系人的个人数据已按请求删除，不能再编辑。</translation>
    </message>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Remove the contact {name}? Records that name the contact keep their text.</source>
        <translation>删除联系人 {name}？引用该联系人的记录保留其文字。</translation>
    </message>
    <message>
        <source>Export personal data</source>
        <translation>导出个人数据</translation>
    </message>
    <message>
        <source>JSON (*.json);;Excel workbook (*.xlsx)</source>
        <translation>JSON (*.json);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人数据</translation>
    </message>
    <message>
        <source>Erase the name, phone and e-mail of {name} for good? The contact stays as an anonymous record so complaints and history keep it. Give the request (e.g. its date and how it arrived) as the reason.</source>
        <translation>永久删除 {name} 的姓名、电话和电子邮件？该联系人以匿名记录保留，投诉和历史记录仍可引用。请将请求（例如日期和提出方式）作为原因填写。</translation>
    </message>
    <message>
        <source>Customer's part number:</source>
        <translation>顾客零件号：</translation>
    </message>
    <message>
        <source>Unlink part</source>
        <translation>取消关联零件</translation>
    </message>
    <message>
        <source>Stop listing {part} as supplied to this customer?</source>
        <translation>不再将 {part} 列为向此顾客供货的零件？</translation>
    </message>
<message><source>History…</source><translation>历史…</translation></message><message><source>Select a row first.</source><translation>请先选择一行。</translation></message><message><source>Contact</source><translation>联系人</translation></message><message><source>Part supplied</source><translation>供货零件</translation></message></context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新建顾客</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>编辑顾客</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Name (Chinese):</source>
        <translation>中文名称：</translation>
    </message>
    <message>
        <source>Name (English):</source>
        <translation>英文名称：</translation>
    </message>
    <message>
        <source>Internal / external:</source>
        <translation>内部/外部：</translation>
    </message>
    <message>
        <source>Lifecycle:</source>
        <translation>生命周期：</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>Key account:</source>
        <translation>关键客户：</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>关键客户</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Owner (customer quality engineer):</source>
        <translation>负责人（客户质量工程师）：</translation>
    </message>
    <message>
        <source>Customer since:</source>
        <translation>合作起始：</translation>
    </message>
    <message>
        <source>Value class:</source>
        <translation>价值类别：</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设定）</translation>
    </message>
    <message>
        <source>Reason for the value class:</source>
        <translation>价值类别原因：</translation>
    </message>
    <message>
        <source>Required when the value class is set by hand</source>
        <translation>手动设定价值类别时必填</translation>
    </message>
</context>
<context>
    <name>CustomerGrid</name>
    <message>
        <source>Filter customers… (Ctrl+F)</source>
        <translation>筛选顾客…（Ctrl+F）</translation>
    </message>
    <message>
        <source>Internal and external</source>
        <translation>内部和外部</translation>
    </message>
    <message>
        <source>All lifecycles</source>
        <translation>全部生命周期</translation>
    </message>
    <message>
        <source>All value classes</source>
        <translation>全部价值类别</translation>
    </message>
    <message>
        <source>Key accounts and others</source>
        <translation>全部顾客</translation>
    </message>
    <message>
        <source>Key accounts only</source>
        <translation>仅关键客户</translation>
    </message>
    <message>
        <source>Not key accounts</source>
        <translation>非关键客户</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a customer (Ctrl+N)</source>
        <translation>添加顾客（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>复制(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the selected customer with its contacts and parts (Ctrl+D)</source>
        <translation>复制所选顾客及其联系人和零件（Ctrl+D）</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>Delete the selected customer (Del)</source>
        <translation>删除所选顾客（Del）</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>撤销上一次编辑（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Y)</source>
        <translation>重做（Ctrl+Y）</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import customers from CSV or Excel (all or nothing)</source>
        <translation>从 CSV 或 Excel 导入顾客（全部导入或全部不导入）</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the customers to CSV or Excel</source>
        <translation>将顾客导出为 CSV 或 Excel</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>{n} of {total} customers</source>
        <translation>{n} / {total} 个顾客</translation>
    </message>
    <message>
        <source>The database is busy; the value was not saved.</source>
        <translation>数据库正忙，该值未保存。</translation>
    </message>
    <message>
        <source>Value refused</source>
        <translation>值被拒绝</translation>
    </message>
    <message>
        <source>Duplicate customer</source>
        <translation>复制顾客</translation>
    </message>
    <message>
        <source>Delete customer {code} {name} with its {contacts} contact(s) and {parts} part link(s)? This cannot be undone.</source>
        <translation>删除顾客 {code} {name} 及其 {contacts} 个联系人和 {parts} 个零件关联？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除顾客</translation>
    </message>
    <message>
        <source>Import customers</source>
        <translation>导入顾客</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated, {contacts} contact(s).</source>
        <translation>已导入：新增 {created} 个，更新 {updated} 个，联系人 {contacts} 个。</translation>
    </message>
    <message>
        <source>Export customers</source>
        <translation>导出顾客</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <source>External</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>现有</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>过去</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Important</source>
        <translation>重要顾客</translation>
    </message>
    <message>
        <source>Potential value</source>
        <translation>潜力顾客</translation>
    </message>
    <message>
        <source>Ordinary</source>
        <translation>一般顾客</translation>
    </message>
    <message>
        <source>Lost value</source>
        <translation>流失顾客</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Management</source>
        <translation>管理层</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>Engineering</source>
        <translation>工程</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Open the customer list</source>
        <extracomment>the overview's customer count opens the list (app.views.core.overview translates it in this context)</extracomment>
        <translation>打开顾客列表</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Contact group</source>
        <translation>联系人分组</translation>
    </message>
    <message>
        <source>Part supplied</source>
        <translation>供货零件</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Personal data changed</source>
        <translation>个人数据已修改</translation>
    </message>
    <message>
        <source>Personal data exported</source>
        <translation>个人数据已导出</translation>
    </message>
    <message>
        <source>Personal data erased</source>
        <translation>个人数据已删除</translation>
    </message>
    <message>
        <source>Code</source>
        <extracomment>the visible columns (a subset of the service's GRID_COLUMNS, in this order)</extracomment>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Key account</source>
        <translation>关键客户</translation>
    </message>
    <message>
        <source>Value class</source>
        <translation>价值类别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>合作起始</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>Double-click to set the value class by hand, with a reason</source>
        <extracomment>where each visible column's value sits in a service tuple editable inline; the value class needs a reason (detail page), counts are computed the service field an edit of a column writes</extracomment>
        <translation>双击以手动设定价值类别（需填写原因）</translation>
    </message>
    <message>
        <source>{column}: {problem} The value was not saved.</source>
        <translation>{column}：{problem}。该值未保存。</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>编辑{field}</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these {n} problem(s) and import the file again:</source>
        <translation>未导入任何数据。请改正以下 {n} 个问题后重新导入：</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>LinkPartDialog</name>
    <message>
        <source>Link a part we supply</source>
        <translation>关联供货零件</translation>
    </message>
    <message>
        <source>Our part:</source>
        <translation>本公司零件：</translation>
    </message>
    <message>
        <source>Customer's part number:</source>
        <translation>顾客零件号：</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Customers</source>
        <translation>顾客</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
</context>
<context>
    <name>ValueClassDialog</name>
    <message>
        <source>Set value class</source>
        <translation>设定价值类别</translation>
    </message>
    <message>
        <source>The value class normally comes from the customer value analysis. Setting it by hand needs a reason, which is kept with the customer and on the audit trail.</source>
        <translation>价值类别通常来自顾客价值分析。手动设定时必须填写原因，原因保存在顾客资料中并记入审计追踪。</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设定）</translation>
    </message>
</context>
<context>
    <name>_FieldForm</name>
    <message>
        <source>{n} problem(s); nothing was saved.</source>
        <translation>{n} 个问题；未保存任何内容。</translation>
    </message>
</context>
</TS>