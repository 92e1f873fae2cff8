<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CrmReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>New custom report…</source>
        <translation>新建自定义报表…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>YYYY, YYYY-Qn, YYYY-MM or FROM..TO</source>
        <translation>YYYY、YYYY-Qn、YYYY-MM 或 起..止</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation>导出 xlsx…</translation>
    </message>
    <message>
        <source>Customer report</source>
        <translation>客户报表</translation>
    </message>
    <message>
        <source>Sales report</source>
        <translation>销售报表</translation>
    </message>
    <message>
        <source>Service report</source>
        <translation>客户服务报表</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>市场活动报表</translation>
    </message>
    <message>
        <source>Custom: {name}</source>
        <translation>自定义：{name}</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Delete the saved report {name}?</source>
        <translation>删除已保存的报表 {name}？</translation>
    </message>
</context>
<context>
    <name>CustomReportDialog</name>
    <message>
        <source>Custom report</source>
        <translation>自定义报表</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>记录类型</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>显示字段</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>不为空</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>分组字段</translation>
    </message>
    <message>
        <source>Aggregate</source>
        <translation>汇总方式</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>(no grouping)</source>
        <translation>（不分组）</translation>
    </message>
    <message>
        <source>(rows)</source>
        <translation>（按行）</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
</context>
<context>
    <name>SectionBox</name>
    <message>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
</context>
</TS>