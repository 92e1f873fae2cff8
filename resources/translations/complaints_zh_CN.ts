<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChartBox</name>
    <message>
        <source>Save as PNG…</source>
        <translation>保存为 PNG…</translation>
    </message>
    <message>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>ComplaintCharts</name>
    <message>
        <source>Complaint charts {start} – {end}</source>
        <translation>投诉图表 {start} – {end}</translation>
    </message>
    <message>
        <source>Complaints per month by type</source>
        <translation>各月投诉数（按类型）</translation>
    </message>
    <message>
        <source>Closed within target (% of the month's closed complaints)</source>
        <translation>按时关闭率（占当月关闭投诉的 %）</translation>
    </message>
    <message>
        <source>Cost of poor quality per month (CNY)</source>
        <translation>各月质量损失成本（元）</translation>
    </message>
    <message>
        <source>Pareto of defects (quality complaints of the period)</source>
        <translation>缺陷排列图（本期质量投诉）</translation>
    </message>
    <message>
        <source>Pareto of parts (complaints of the period)</source>
        <translation>零件排列图（本期投诉）</translation>
    </message>
    <message>
        <source>Customers with the most complaints (period)</source>
        <translation>投诉最多的顾客（本期）</translation>
    </message>
    <message>
        <source>No quality complaint in the period.</source>
        <translation>本期无质量投诉。</translation>
    </message>
    <message>
        <source>Trend (12 months)</source>
        <translation>趋势（12 个月）</translation>
    </message>
    <message>
        <source>Pareto and customers (period)</source>
        <translation>排列图与顾客（本期）</translation>
    </message>
</context>
<context>
    <name>ComplaintDetailWidget</name>
    <message>
        <source>What was done in this step…</source>
        <translation>本步骤做了什么……</translation>
    </message>
    <message>
        <source>Rating </source>
        <translation>评分 </translation>
    </message>
    <message>
        <source>&amp;Record step</source>
        <translation>记录步骤(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lose complaint</source>
        <translation>关闭投诉(&amp;L)</translation>
    </message>
    <message>
        <source>Re&amp;open…</source>
        <translation>重新打开(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Waiting on customer…</source>
        <translation>等待顾客(&amp;W)…</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>继续处理(&amp;U)</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>接收时间：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Part:</source>
        <translation>零件：</translation>
    </message>
    <message>
        <source>Lot / delivery note:</source>
        <translation>批号 / 送货单：</translation>
    </message>
    <message>
        <source>Quantity affected:</source>
        <translation>涉及数量：</translation>
    </message>
    <message>
        <source>Defect:</source>
        <translation>缺陷：</translation>
    </message>
    <message>
        <source>Cost of poor quality:</source>
        <translation>质量损失成本：</translation>
    </message>
    <message>
        <source>Customer's rating:</source>
        <translation>顾客评分：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>&amp;Attach file…</source>
        <translation>添加附件(&amp;A)…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Handling</source>
        <translation>处理过程</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉信息</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Supplier (SCAR)</source>
        <translation>供应商（SCAR）</translation>
    </message>
    <message>
        <source>Raise &amp;SCAR on supplier…</source>
        <translation>向供应商发出 SCAR(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Trace to supplier (no SCAR)…</source>
        <translation>追溯至供应商(&amp;T)（不发 SCAR）…</translation>
    </message>
    <message>
        <source>Open the SCAR's 8D…</source>
        <translation>打开 SCAR 的 8D…</translation>
    </message>
    <message>
        <source>&amp;Costs…</source>
        <translation>费用(&amp;C)…</translation>
    </message>
    <message>
        <source>Reply &amp;letter (PDF)…</source>
        <translation>答复函(&amp;L)（PDF）…</translation>
    </message>
    <message>
        <source>No complaint selected</source>
        <translation>未选择投诉</translation>
    </message>
    <message>
        <source> · reopened {n}×</source>
        <translation> · 已重开 {n} 次</translation>
    </message>
    <message>
        <source>Closed {when}</source>
        <translation>已于 {when} 关闭</translation>
    </message>
    <message>
        <source>(due {when})</source>
        <translation>（到期 {when}）</translation>
    </message>
    <message>
        <source>· D3 later than 24 h</source>
        <translation>· D3 超过 24 小时</translation>
    </message>
    <message>
        <source>Closed. Reopening needs a reason.</source>
        <translation>已关闭。重新打开需说明理由。</translation>
    </message>
    <message>
        <source>All steps done: close the complaint.</source>
        <translation>所有步骤已完成：请关闭投诉。</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>下一步：{step}</translation>
    </message>
    <message>
        <source>{total} CNY (credit {a}, returns {b}, sorting {s})</source>
        <translation>{total} 元（折让 {a}，退货 {b}，挑选 {s}）</translation>
    </message>
    <message>
        <source>Traced to {code}</source>
        <translation>已追溯至 {code}</translation>
    </message>
    <message>
        <source>Not traced to a supplier.</source>
        <translation>未追溯到供应商。</translation>
    </message>
    <message>
        <source>{number} on {supplier}
status: {status} · 8D {done}/8</source>
        <translation>{number}，供应商 {supplier}
状态：{status} · 8D {done}/8</translation>
    </message>
    <message>
        <source>Containment (D3) still open</source>
        <translation>临时遏制措施（D3）尚未完成</translation>
    </message>
    <message>
        <source>Close despite the open containment</source>
        <translation>在遏制措施未完成时关闭</translation>
    </message>
    <message>
        <source>Why may it close while the supplier's containment is open?</source>
        <translation>供应商遏制措施未完成，为何仍可关闭？</translation>
    </message>
    <message>
        <source>Reopen complaint</source>
        <translation>重新打开投诉</translation>
    </message>
    <message>
        <source>Why is it reopened?</source>
        <translation>重新打开的理由？</translation>
    </message>
    <message>
        <source>Waiting on the customer</source>
        <translation>等待顾客</translation>
    </message>
    <message>
        <source>What is the customer asked for?</source>
        <translation>需要顾客提供什么？</translation>
    </message>
    <message>
        <source>Raise SCAR</source>
        <translation>发出 SCAR</translation>
    </message>
    <message>
        <source>The cause lies with which supplier?</source>
        <translation>问题原因在哪家供应商？</translation>
    </message>
    <message>
        <source>Trace to a supplier</source>
        <translation>追溯至供应商</translation>
    </message>
    <message>
        <source>Attach a file to the complaint</source>
        <translation>为投诉添加附件</translation>
    </message>
    <message>
        <source>The stored copy is missing: {path}</source>
        <translation>保存的副本不存在：{path}</translation>
    </message>
    <message>
        <source>Save the reply letter</source>
        <translation>保存答复函</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ComplaintList</name>
    <message>
        <source>Search number, title, customer, lot…</source>
        <translation>搜索编号、标题、顾客、批号……</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部顾客</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部严重度</translation>
    </message>
    <message>
        <source>Not closed</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>今年</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>去年</translation>
    </message>
    <message>
        <source>Part code</source>
        <translation>零件代码</translation>
    </message>
    <message>
        <source>Supplier code</source>
        <translation>供应商代码</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅超期</translation>
    </message>
    <message>
        <source>&amp;New complaint…</source>
        <translation>新建投诉(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Export register…</source>
        <translation>导出台账(&amp;E)…</translation>
    </message>
    <message>
        <source>Monthly &amp;report (PDF)…</source>
        <translation>月报(&amp;R)（PDF）…</translation>
    </message>
    <message>
        <source>SLA &amp;settings…</source>
        <translation>时限设置(&amp;S)…</translation>
    </message>
    <message>
        <source>C&amp;harts…</source>
        <translation>图表(&amp;H)…</translation>
    </message>
    <message>
        <source>{n} complaints · {overdue} overdue · {waiting} waiting on the customer</source>
        <translation>{n} 条投诉 · {overdue} 条超期 · {waiting} 条等待顾客</translation>
    </message>
    <message>
        <source>Export the complaint register</source>
        <translation>导出投诉台账</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Monthly complaint report</source>
        <translation>顾客投诉月报</translation>
    </message>
    <message>
        <source>Complaint charts</source>
        <translation>投诉图表</translation>
    </message>
    <message>
        <source>Period (YYYY-MM, YYYY-Qn or YYYY):</source>
        <translation>期间（YYYY-MM、YYYY-Qn 或 YYYY）：</translation>
    </message>
    <message>
        <source>Use a period such as 2026-03, 2026-Q1 or 2026.</source>
        <translation>请使用 2026-03、2026-Q1 或 2026 这样的期间。</translation>
    </message>
    <message>
        <source>Save the monthly report</source>
        <translation>保存月报</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Commercial</source>
        <translation>商务</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>文件资料</translation>
    </message>
    <message>
        <source>Service enquiry</source>
        <translation>服务咨询</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Portal</source>
        <translation>门户网站</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Waiting on customer</source>
        <translation>等待顾客</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次响应</translation>
    </message>
    <message>
        <source>Containment</source>
        <translation>遏制措施</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>open</source>
        <translation>待回复</translation>
    </message>
    <message>
        <source>answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>Step done</source>
        <translation>步骤完成</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>继续处理</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>SCAR raised</source>
        <translation>已发出 SCAR</translation>
    </message>
    <message>
        <source>Traced to supplier</source>
        <translation>追溯至供应商</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>已添加附件</translation>
    </message>
    <message>
        <source>Costs entered</source>
        <translation>已录入费用</translation>
    </message>
    <message>
        <source>Close the complaint</source>
        <translation>关闭投诉</translation>
    </message>
    <message>
        <source>The supplier's containment (D3) of the SCAR is still open. Close anyway only with a reason.</source>
        <translation>SCAR 的供应商临时遏制措施（D3）尚未完成。如仍要关闭，须说明理由。</translation>
    </message>
    <message>
        <source>The complaint is waiting on the customer; resume it first.</source>
        <translation>投诉正在等待顾客，请先继续处理。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请说明理由。</translation>
    </message>
    <message>
        <source>This complaint already has a SCAR.</source>
        <translation>该投诉已有 SCAR。</translation>
    </message>
    <message>
        <source>Choose the supplier the cause lies with.</source>
        <translation>请选择问题原因所在的供应商。</translation>
    </message>
    <message>
        <source>Attachments are kept beside a database file; this database is on a server.</source>
        <translation>附件保存在数据库文件旁；当前数据库位于服务器上。</translation>
    </message>
    <message>
        <source>The file is larger than 50 MB.</source>
        <translation>文件大于 50 MB。</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>By</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>处理内容</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Added at</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Due for</source>
        <translation>时限节点</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>到期时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>SCAR</source>
        <translation>SCAR</translation>
    </message>
</context>
<context>
    <name>CostsDialog</name>
    <message>
        <source>Cost of poor quality</source>
        <translation>质量损失成本</translation>
    </message>
    <message>
        <source>Credit note:</source>
        <translation>折让：</translation>
    </message>
    <message>
        <source>Returns:</source>
        <translation>退货费用：</translation>
    </message>
    <message>
        <source>Sorting / rework:</source>
        <translation>挑选 / 返工费用：</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>New complaint or service request</source>
        <translation>新建投诉或服务请求</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>e.g. burr, scratch, wrong label (for the Pareto)</source>
        <translation>如：毛刺、划伤、标签错误（用于排列图）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>严重度：</translation>
    </message>
    <message>
        <source>Our part:</source>
        <translation>我方零件：</translation>
    </message>
    <message>
        <source>Received at:</source>
        <translation>接收时间：</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>优先级：</translation>
    </message>
    <message>
        <source>Delivery note:</source>
        <translation>送货单：</translation>
    </message>
    <message>
        <source>Lot:</source>
        <translation>批号：</translation>
    </message>
    <message>
        <source>Quantity affected:</source>
        <translation>涉及数量：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>描述：</translation>
    </message>
    <message>
        <source>Defect:</source>
        <translation>缺陷：</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>附件：</translation>
    </message>
    <message>
        <source>Attach files to the complaint</source>
        <translation>为投诉添加附件</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
    <message>
        <source>— not known —</source>
        <translation>— 不明 —</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>The complaint was stored, but these files were not attached:</source>
        <translation>投诉已保存，但以下文件未能添加：</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Complaints</source>
        <translation>顾客投诉</translation>
    </message>
</context>
<context>
    <name>SlaSettingsDialog</name>
    <message>
        <source>Response targets and working calendar</source>
        <translation>响应时限与工作日历</translation>
    </message>
    <message>
        <source>Every type</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Targets (working time: 4h = four hours, 5d = five working days)</source>
        <translation>时限（工作时间：4h = 4 小时，5d = 5 个工作日）</translation>
    </message>
    <message>
        <source>Applies to:</source>
        <translation>适用于：</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>one date per line, e.g. 2026-10-01</source>
        <translation>每行一个日期，如 2026-10-01</translation>
    </message>
    <message>
        <source>Working days:</source>
        <translation>工作日：</translation>
    </message>
    <message>
        <source>Working hours:</source>
        <translation>工作时间：</translation>
    </message>
    <message>
        <source>Holidays:</source>
        <translation>节假日：</translation>
    </message>
    <message>
        <source>Make-up working days:</source>
        <translation>调休上班日：</translation>
    </message>
    <message>
        <source>Working calendar (the clock stops outside it and while waiting on the customer)</source>
        <translation>工作日历（非工作时间及等待顾客期间不计时）</translation>
    </message>
    <message>
        <source>Check the working days, the hours (08:00-12:00, 13:00-17:00) and the dates (YYYY-MM-DD).</source>
        <translation>请检查工作日、工作时间（08:00-12:00, 13:00-17:00）和日期（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>Use durations such as 4h or 5d.</source>
        <translation>请使用 4h 或 5d 这样的时长。</translation>
    </message>
</context>
</TS>