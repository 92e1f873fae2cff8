<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActivitiesTab</name>
    <message>
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <source>&amp;New activity…</source>
        <translation>新建活动(&amp;N)…</translation>
    </message>
    <message>
        <source>Mark &amp;done</source>
        <translation>标记完成(&amp;D)</translation>
    </message>
    <message>
        <source>Mark the selected activity done (Ctrl+D)</source>
        <translation>将所选活动标记为完成（Ctrl+D）</translation>
    </message>
    <message>
        <source>Reminders due today or earlier (overdue in red)</source>
        <translation>今天及之前到期的提醒（逾期为红色）</translation>
    </message>
    <message>
        <source>Open activities</source>
        <translation>未完成的活动</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>{n} reminder(s) due, {o} overdue</source>
        <translation>{n} 条提醒到期，{o} 条逾期</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New activity</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>Edit activity</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>complaint id (optional)</source>
        <translation>投诉编号（可选）</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Opportunity:</source>
        <translation>销售机会：</translation>
    </message>
    <message>
        <source>Complaint:</source>
        <translation>投诉：</translation>
    </message>
    <message>
        <source>Due on:</source>
        <translation>到期日：</translation>
    </message>
    <message>
        <source>Reminder on:</source>
        <translation>提醒日：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>A complaint id is a number.</source>
        <translation>投诉编号必须是数字。</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>New campaign</source>
        <translation>新建市场活动</translation>
    </message>
    <message>
        <source>Edit campaign</source>
        <translation>编辑市场活动</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Starts on:</source>
        <translation>开始日期：</translation>
    </message>
    <message>
        <source>Ends on:</source>
        <translation>结束日期：</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>预算：</translation>
    </message>
    <message>
        <source>Actual cost:</source>
        <translation>实际费用：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>CampaignsTab</name>
    <message>
        <source>Search code, name…</source>
        <translation>搜索代码、名称…</translation>
    </message>
    <message>
        <source>&amp;New campaign…</source>
        <translation>新建市场活动(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Add &amp;targets…</source>
        <translation>添加目标联系人(&amp;T)…</translation>
    </message>
    <message>
        <source>Record &amp;response…</source>
        <translation>记录响应(&amp;R)…</translation>
    </message>
    <message>
        <source>Remove target</source>
        <translation>移除目标联系人</translation>
    </message>
    <message>
        <source>Remove the selected target contact from the campaign</source>
        <translation>从本市场活动中移除所选目标联系人</translation>
    </message>
    <message>
        <source>C&amp;harts…</source>
        <translation>图表(&amp;H)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Target contacts</source>
        <translation>目标联系人</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Opportunities from this campaign</source>
        <translation>本活动带来的销售机会</translation>
    </message>
    <message>
        <source>No campaign selected</source>
        <translation>未选择市场活动</translation>
    </message>
    <message>
        <source>{code}: {targets} targets · {resp} responded ({rate}) · cost per response {cpr} · {won} of {opps} opportunities won · revenue {rev} · ROI {roi}</source>
        <translation>{code}：目标 {targets} 人 · {resp} 人响应（{rate}）· 每次响应成本 {cpr} · {opps} 个销售机会中赢单 {won} 个 · 收入 {rev} · 投资回报率 {roi}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Opportunity won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Opportunity lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Amount won:</source>
        <translation>成交金额：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Why we won:</source>
        <translation>赢单原因：</translation>
    </message>
    <message>
        <source>The prospect becomes a customer:</source>
        <translation>潜在顾客将成为顾客：</translation>
    </message>
    <message>
        <source>Customer code:</source>
        <translation>顾客代码：</translation>
    </message>
    <message>
        <source>Name (Chinese):</source>
        <translation>名称（中文）：</translation>
    </message>
    <message>
        <source>Name (English):</source>
        <translation>名称（英文）：</translation>
    </message>
    <message>
        <source>Record the first order (sales history)</source>
        <translation>登记首笔订单（销售历史）</translation>
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
        <source>Part</source>
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
        <source>Add line</source>
        <translation>添加行</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <source>part</source>
        <translation>零件号</translation>
    </message>
    <message>
        <source>part name</source>
        <translation>零件名称</translation>
    </message>
    <message>
        <source>quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>First order line %1, %2</source>
        <translation>首笔订单第 %1 行，%2</translation>
    </message>
    <message>
        <source>First order lines</source>
        <translation>首笔订单明细</translation>
    </message>
    <message>
        <source>Say why the opportunity was lost.</source>
        <translation>请说明丢单原因。</translation>
    </message>
    <message>
        <source>Enter the amount won.</source>
        <translation>请填写成交金额。</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
</context>
<context>
    <name>OpportunitiesTab</name>
    <message>
        <source>Open stages</source>
        <translation>进行中的阶段</translation>
    </message>
    <message>
        <source>All stages</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Search title, customer, next step…</source>
        <translation>搜索标题、顾客、下一步…</translation>
    </message>
    <message>
        <source>&amp;New opportunity…</source>
        <translation>新建销售机会(&amp;N)…</translation>
    </message>
    <message>
        <source>New opportunity (Ctrl+N)</source>
        <translation>新建销售机会（Ctrl+N）</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>阶段：</translation>
    </message>
    <message>
        <source>C&amp;harts…</source>
        <translation>图表(&amp;H)…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>◀ &amp;Back a stage</source>
        <translation>◀ 退回一个阶段(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Forward a stage ▶</source>
        <translation>推进一个阶段(&amp;F) ▶</translation>
    </message>
    <message>
        <source>&amp;Won…</source>
        <translation>赢单(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Lost…</source>
        <translation>丢单(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Log &amp;activity…</source>
        <translation>记录活动(&amp;A)…</translation>
    </message>
    <message>
        <source>Write a note or follow-up…</source>
        <translation>填写记录或跟进…</translation>
    </message>
    <message>
        <source>follow up on YYYY-MM-DD</source>
        <translation>跟进日期 YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>添加记录(&amp;N)</translation>
    </message>
    <message>
        <source>Pipeline: {n} open, expected {exp}, weighted {w} · win rate {rate}</source>
        <translation>销售漏斗：进行中 {n} 个，预计 {exp}，加权 {w} · 赢单率 {rate}</translation>
    </message>
    <message>
        <source>No opportunity selected</source>
        <translation>未选择销售机会</translation>
    </message>
    <message>
        <source>Customer: {v}</source>
        <translation>顾客：{v}</translation>
    </message>
    <message>
        <source> (potential)</source>
        <translation>（潜在）</translation>
    </message>
    <message>
        <source>Contact: {v}</source>
        <translation>联系人：{v}</translation>
    </message>
    <message>
        <source>Campaign: {v}</source>
        <translation>市场活动：{v}</translation>
    </message>
    <message>
        <source>Need: {v}</source>
        <translation>需求：{v}</translation>
    </message>
    <message>
        <source>Competitors: {v}</source>
        <translation>竞争对手：{v}</translation>
    </message>
    <message>
        <source>Next step: {v}</source>
        <translation>下一步：{v}</translation>
    </message>
    <message>
        <source>Won {amount} on {day}</source>
        <translation>{day} 赢单 {amount}</translation>
    </message>
    <message>
        <source>Reason: {v}</source>
        <translation>原因：{v}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Customer created</source>
        <translation>已创建顾客</translation>
    </message>
    <message>
        <source>The prospect is now a customer in the customer list.</source>
        <translation>该潜在顾客已加入顾客列表。</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>New opportunity</source>
        <translation>新建销售机会</translation>
    </message>
    <message>
        <source>Edit opportunity</source>
        <translation>编辑销售机会</translation>
    </message>
    <message>
        <source>(prospect, not yet a customer)</source>
        <translation>（潜在顾客，尚未建档）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Prospect name:</source>
        <translation>潜在顾客名称：</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Need:</source>
        <translation>需求：</translation>
    </message>
    <message>
        <source>Competitors:</source>
        <translation>竞争对手：</translation>
    </message>
    <message>
        <source>Expected revenue:</source>
        <translation>预计收入：</translation>
    </message>
    <message>
        <source>Probability:</source>
        <translation>成功概率：</translation>
    </message>
    <message>
        <source>Expected close:</source>
        <translation>预计成交日期：</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <source>Reminder on:</source>
        <translation>提醒日：</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>市场活动：</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>必须填写标题。</translation>
    </message>
    <message>
        <source>Choose a customer or enter the prospect's name.</source>
        <translation>请选择顾客或填写潜在顾客名称。</translation>
    </message>
</context>
<context>
    <name>ResponseDialog</name>
    <message>
        <source>Record a response</source>
        <translation>记录响应</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (empty: today)</source>
        <translation>YYYY-MM-DD（空：今天）</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Responded on:</source>
        <translation>响应日期：</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Add target contacts first.</source>
        <translation>请先添加目标联系人。</translation>
    </message>
</context>
<context>
    <name>Sales</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Prob. %</source>
        <translation>概率 %</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>Close by</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>记录人</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>跟进日期</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
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
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Response rate</source>
        <translation>响应率</translation>
    </message>
    <message>
        <source>Won revenue</source>
        <translation>赢单收入</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>投资回报率</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Chosen by</source>
        <translation>选择方式</translation>
    </message>
    <message>
        <source>Responded</source>
        <translation>已响应</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>销售机会</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>SalesChartBox</name>
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
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>SalesCharts</name>
    <message>
        <source>Sales charts</source>
        <translation>销售图表</translation>
    </message>
    <message>
        <source>Pipeline by stage: expected and weighted revenue</source>
        <translation>各阶段销售漏斗：预计与加权收入</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>预计</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>加权</translation>
    </message>
    <message>
        <source>thousand</source>
        <translation>千</translation>
    </message>
    <message>
        <source>Campaigns compared: response rate (%) and ROI</source>
        <translation>市场活动对比：响应率（%）与投资回报率</translation>
    </message>
    <message>
        <source>Response rate %</source>
        <translation>响应率 %</translation>
    </message>
    <message>
        <source>ROI %</source>
        <translation>投资回报率 %</translation>
    </message>
</context>
<context>
    <name>SalesHome</name>
    <message>
        <source>Complaints overdue</source>
        <translation>逾期投诉</translation>
    </message>
    <message>
        <source>Open the overdue complaints</source>
        <translation>打开逾期投诉</translation>
    </message>
    <message>
        <source>Reminders due today</source>
        <translation>今日到期提醒</translation>
    </message>
    <message>
        <source>Open the reminders due</source>
        <translation>打开到期提醒</translation>
    </message>
    <message>
        <source>Open opportunities</source>
        <translation>进行中的销售机会</translation>
    </message>
    <message>
        <source>Open the opportunities</source>
        <translation>打开销售机会</translation>
    </message>
    <message>
        <source>Opportunities by stage:</source>
        <translation>各阶段销售机会：</translation>
    </message>
</context>
<context>
    <name>SalesLabels</name>
    <message>
        <source>Qualification</source>
        <translation>资格确认</translation>
    </message>
    <message>
        <source>Needs analysis</source>
        <translation>需求分析</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案报价</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation>展会</translation>
    </message>
    <message>
        <source>Mailing</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <source>Visit programme</source>
        <translation>走访计划</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>网络研讨会</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>网页表单</translation>
    </message>
    <message>
        <source>At the booth</source>
        <translation>展位</translation>
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
        <source>Sales</source>
        <extracomment>the customer detail's tab title (``app.views.customers.detail.TAB_FACTORIES`` says the same)</extracomment>
        <translation>销售</translation>
    </message>
</context>
<context>
    <name>SalesPage</name>
    <message>
        <source>&amp;Opportunities</source>
        <translation>销售机会(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Campaigns</source>
        <translation>市场活动(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Activities &amp;&amp; reminders</source>
        <translation>活动与提醒(&amp;A)</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <source>New &amp;opportunity…</source>
        <translation>新建销售机会(&amp;O)…</translation>
    </message>
    <message>
        <source>Log &amp;activity…</source>
        <translation>记录活动(&amp;A)…</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{n} opportunities ({open} open), {a} activities</source>
        <translation>{n} 个销售机会（进行中 {open} 个），{a} 项活动</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <source>Add target contacts</source>
        <translation>添加目标联系人</translation>
    </message>
    <message>
        <source>(any group)</source>
        <translation>（任意分组）</translation>
    </message>
    <message>
        <source>(any)</source>
        <translation>（任意）</translation>
    </message>
    <message>
        <source>Current customers</source>
        <translation>现有顾客</translation>
    </message>
    <message>
        <source>Potential customers</source>
        <translation>潜在顾客</translation>
    </message>
    <message>
        <source>Past customers</source>
        <translation>以往顾客</translation>
    </message>
    <message>
        <source>Contact group:</source>
        <translation>联系人分组：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区：</translation>
    </message>
    <message>
        <source>Industry:</source>
        <translation>行业：</translation>
    </message>
    <message>
        <source>Customers:</source>
        <translation>顾客：</translation>
    </message>
</context>
</TS>