<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CrmOrders</name>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>顾客代码</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <source>Part code</source>
        <translation>零件号</translation>
    </message>
    <message>
        <source>Part name</source>
        <translation>零件名称</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>at most %1 characters</source>
        <translation>最多 %1 个字符</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>不能为负数</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import customer orders</source>
        <translation>导入顾客订单</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file exported from the ERP</source>
        <translation>选择从 ERP 导出的 CSV 或 Excel 文件</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>(guess from the headers)</source>
        <translation>（按列标题推测）</translation>
    </message>
    <message>
        <source>Remembered mapping:</source>
        <translation>已保存的映射：</translation>
    </message>
    <message>
        <source>leave empty to not remember</source>
        <translation>留空则不保存</translation>
    </message>
    <message>
        <source>Remember this mapping as:</source>
        <translation>将此映射保存为：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>First rows of the file:</source>
        <translation>文件的前几行：</translation>
    </message>
    <message>
        <source>Order file</source>
        <translation>订单文件</translation>
    </message>
    <message>
        <source>Order files (*.csv *.xlsx);;All files (*)</source>
        <translation>订单文件 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Choose the file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <source>Choose the column of: %1</source>
        <translation>请选择“%1”所在的列。</translation>
    </message>
    <message>
        <source>The column %1 is used for both %2 and %3.</source>
        <translation>列 %1 同时用于 %2 和 %3。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing orders</source>
        <translation>正在导入订单</translation>
    </message>
    <message>
        <source>Imported %1 orders with %2 lines (%3 linked to the customer's parts).</source>
        <translation>已导入 %1 个订单，共 %2 行（其中 %3 行关联到顾客的零件）。</translation>
    </message>
    <message>
        <source>The file was refused; nothing was imported. %1 problem(s):</source>
        <translation>文件被拒绝，未导入任何数据。共 %1 个问题：</translation>
    </message>
    <message>
        <source>Row %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Edit order</source>
        <translation>编辑订单</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Order number:</source>
        <translation>订单号：</translation>
    </message>
    <message>
        <source>Order date:</source>
        <translation>订单日期：</translation>
    </message>
    <message>
        <source>Currency:</source>
        <translation>币种：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>&amp;Add line</source>
        <translation>添加行(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>删除行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Re&amp;do</source>
        <translation>重做(&amp;D)</translation>
    </message>
    <message>
        <source>Lines %1 · quantity %2 · amount %3 · margin %4</source>
        <translation>行数 %1 · 数量 %2 · 金额 %3 · 毛利 %4</translation>
    </message>
    <message>
        <source>Line %1, %2: %3</source>
        <translation>第 %1 行，%2：%3</translation>
    </message>
    <message>
        <source>Choose the customer.</source>
        <translation>请选择顾客。</translation>
    </message>
    <message>
        <source>Order number: a value is required.</source>
        <translation>订单号：必须填写。</translation>
    </message>
    <message>
        <source>Add at least one line.</source>
        <translation>请至少添加一行。</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>All customers</source>
        <translation>全部顾客</translation>
    </message>
    <message>
        <source>Part code or name</source>
        <translation>零件号或名称</translation>
    </message>
    <message>
        <source>Search order, customer, part</source>
        <translation>搜索订单、顾客、零件</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New order…</source>
        <translation>新建订单(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>%1 lines · revenue %2 · margin %3 (%4)</source>
        <translation>%1 行 · 销售额 %2 · 毛利 %3（%4）</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <source>Delete order %1 with all its lines?</source>
        <translation>删除订单 %1 及其所有行？</translation>
    </message>
    <message>
        <source>Export order lines</source>
        <translation>导出订单行</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
</TS>