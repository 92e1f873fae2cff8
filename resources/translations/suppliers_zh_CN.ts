<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionsPage</name>
    <message>
        <source>Corrective actions</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Each minor, major or critical finding becomes a corrective action request (8D).</source>
        <translation>每个轻微、严重或致命不符合项都将生成一份纠正措施要求（8D）。</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Action title</source>
        <translation>措施标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>完成期限</translation>
    </message>
</context>
<context>
    <name>ApprovalView</name>
    <message>
        <source>&amp;Start approval</source>
        <translation>启动认可(&amp;S)</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Required when rejecting</source>
        <translation>拒绝时必填</translation>
    </message>
    <message>
        <source>&amp;Record step</source>
        <translation>记录步骤(&amp;R)</translation>
    </message>
    <message>
        <source>Step:</source>
        <translation>步骤：</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Recorded by:</source>
        <translation>记录人：</translation>
    </message>
    <message>
        <source>Remarks:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>No approval started</source>
        <translation>尚未启动认可</translation>
    </message>
</context>
<context>
    <name>AuditList</name>
    <message>
        <source>Items answered</source>
        <translation>已评条款</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
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
        <source>Occasion</source>
        <translation>审核时机</translation>
    </message>
    <message>
        <source>Auditors</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>不符合项</translation>
    </message>
</context>
<context>
    <name>AuditWizard</name>
    <message>
        <source>Supplier audit – {name}</source>
        <translation>供应商审核 – {name}</translation>
    </message>
    <message>
        <source>&amp;Complete audit</source>
        <translation>完成审核(&amp;C)</translation>
    </message>
    <message>
        <source>Audit not completed</source>
        <translation>审核未完成</translation>
    </message>
    <message>
        <source>Audit completed</source>
        <translation>审核已完成</translation>
    </message>
    <message>
        <source>The audit is completed. Corrective action requests raised: %1.</source>
        <translation>审核已完成。已发出的纠正措施要求（SCAR）：%1。</translation>
    </message>
    <message>
        <source>The audit is completed. No corrective action request was needed.</source>
        <translation>审核已完成。无需发出纠正措施要求。</translation>
    </message>
</context>
<context>
    <name>AuditsPage</name>
    <message>
        <source>Audits and corrective actions</source>
        <translation>审核与纠正措施</translation>
    </message>
    <message>
        <source>&amp;New audit…</source>
        <translation>新建审核(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Resume draft…</source>
        <translation>继续草稿(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Print preview…</source>
        <translation>打印预览(&amp;P)…</translation>
    </message>
    <message>
        <source>Preview the audit report and print it</source>
        <translation>预览并打印审核报告</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the audit report on a printer (Ctrl+P)</source>
        <translation>在打印机上打印审核报告 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>检查表：</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Checklist templates</source>
        <translation>检查表模板</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reload the lists (F5)</source>
        <translation>重新加载列表 (F5)</translation>
    </message>
</context>
<context>
    <name>CarEditorDialog</name>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Issued / due:</source>
        <translation>发出 / 期限：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>责任人：</translation>
    </message>
    <message>
        <source>Verification:</source>
        <translation>验证：</translation>
    </message>
    <message>
        <source>&amp;Save 8D</source>
        <translation>保存 8D(&amp;S)</translation>
    </message>
    <message>
        <source>Supplier &amp;answered</source>
        <translation>供应商已回复(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Verify effectiveness…</source>
        <translation>验证有效性(&amp;V)…</translation>
    </message>
    <message>
        <source>C&amp;lose request</source>
        <translation>关闭要求(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel request…</source>
        <translation>取消要求…</translation>
    </message>
    <message>
        <source>Corrective action {number}</source>
        <translation>纠正措施 {number}</translation>
    </message>
    <message>
        <source>current step due {date}</source>
        <translation>当前步骤期限 {date}</translation>
    </message>
    <message>
        <source>overdue by {n} days</source>
        <translation>已逾期 {n} 天</translation>
    </message>
    <message>
        <source>Verify effectiveness</source>
        <translation>验证有效性</translation>
    </message>
    <message>
        <source>How was the effectiveness checked?</source>
        <translation>如何验证措施的有效性？</translation>
    </message>
    <message>
        <source>Cancel request</source>
        <translation>取消要求</translation>
    </message>
    <message>
        <source>Why is it cancelled?</source>
        <translation>取消的原因？</translation>
    </message>
</context>
<context>
    <name>CarList</name>
    <message>
        <source>Current step due</source>
        <translation>当前步骤期限</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
</context>
<context>
    <name>CarListWidget</name>
    <message>
        <source>Filter corrective actions…</source>
        <translation>筛选纠正措施…</translation>
    </message>
    <message>
        <source>Open only</source>
        <translation>仅未关闭</translation>
    </message>
    <message>
        <source>Open 8D…</source>
        <translation>打开 8D…</translation>
    </message>
    <message>
        <source>&amp;New request…</source>
        <translation>新建要求(&amp;N)…</translation>
    </message>
    <message>
        <source>A corrective action request outside an audit (e.g. after a rejected lot)</source>
        <translation>审核以外的纠正措施要求（例如批次拒收后）</translation>
    </message>
    <message>
        <source>{n} shown, {overdue} overdue</source>
        <translation>显示 {n} 项，逾期 {overdue} 项</translation>
    </message>
    <message>
        <source>{shown} of {n}</source>
        <translation>{shown} / {n}</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Standard:</source>
        <translation>标准：</translation>
    </message>
    <message>
        <source>Certificate no.:</source>
        <translation>证书编号：</translation>
    </message>
    <message>
        <source>Certification body:</source>
        <translation>认证机构：</translation>
    </message>
    <message>
        <source>Issued on:</source>
        <translation>发证日：</translation>
    </message>
    <message>
        <source>Expires on:</source>
        <translation>到期日：</translation>
    </message>
    <message>
        <source>The standard is required.</source>
        <translation>标准为必填项。</translation>
    </message>
    <message>
        <source>The expiry date must not be before the issue date.</source>
        <translation>到期日不能早于发证日。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <source>Score every item or mark it N/A (give the reason as evidence). A score of 0 needs a finding.</source>
        <translation>逐条打分或标记为不适用（在证据栏说明理由）。0 分必须给出不符合项。</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Requirement</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Finding description</source>
        <translation>不符合项描述</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
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
        <source>The name is required.</source>
        <translation>姓名为必填项。</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>这不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>DevelopmentPlansWidget</name>
    <message>
        <source>Add plan</source>
        <translation>新增计划</translation>
    </message>
    <message>
        <source>Remove plan</source>
        <translation>删除计划</translation>
    </message>
    <message>
        <source>New weak area</source>
        <translation>新的薄弱环节</translation>
    </message>
    <message>
        <source>Remove this development plan?</source>
        <translation>删除该改进计划？</translation>
    </message>
</context>
<context>
    <name>FindingsPage</name>
    <message>
        <source>Findings</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Findings from the checklist, plus any found outside it.</source>
        <translation>来自检查表的不符合项，以及检查表以外发现的问题。</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <source>A finding outside the checklist…</source>
        <translation>检查表以外的不符合项…</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>添加不符合项</translation>
    </message>
    <message>
        <source>Remove finding</source>
        <translation>删除不符合项</translation>
    </message>
    <message>
        <source>(extra)</source>
        <translation>（检查表外）</translation>
    </message>
</context>
<context>
    <name>ImportErrorsDialog</name>
    <message>
        <source>… and %1 more problem(s) not shown.</source>
        <translation>……另有 %1 个问题未显示。</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>导入被拒绝</translation>
    </message>
    <message>
        <source>Nothing was imported. Correct these rows in the file and import it again:</source>
        <translation>未导入任何数据。请在文件中更正以下行后重新导入：</translation>
    </message>
    <message>
        <source>Row</source>
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
    <name>IntroPage</name>
    <message>
        <source>Supplier survey</source>
        <translation>供应商调查表</translation>
    </message>
    <message>
        <source>Who answers the survey and when. Answers are saved as you type.</source>
        <translation>由谁、何时填写调查表。输入内容会自动保存。</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Respondent:</source>
        <translation>填表人：</translation>
    </message>
    <message>
        <source>Survey date:</source>
        <translation>调查日期：</translation>
    </message>
    <message>
        <source>Print blank survey…</source>
        <translation>打印空白调查表…</translation>
    </message>
    <message>
        <source>A blank form for the supplier to fill in on paper</source>
        <translation>供供应商在纸面填写的空白表</translation>
    </message>
</context>
<context>
    <name>Suppliers</name>
    <message>
        <source>Steps must be recorded in order; this one is not next.</source>
        <translation>步骤必须按顺序记录；该步骤不是下一步。</translation>
    </message>
    <message>
        <source>This step has already been recorded.</source>
        <translation>该步骤已记录。</translation>
    </message>
    <message>
        <source>The approval flow has already ended.</source>
        <translation>认可流程已经结束。</translation>
    </message>
    <message>
        <source>This result is not allowed for the step.</source>
        <translation>该步骤不允许此结果。</translation>
    </message>
    <message>
        <source>A rejection needs a reason in the remarks.</source>
        <translation>拒绝时必须在备注中说明理由。</translation>
    </message>
    <message>
        <source>Say who records the step.</source>
        <translation>请填写记录人。</translation>
    </message>
    <message>
        <source>An approval is already in progress for this supplier.</source>
        <translation>该供应商已有进行中的认可流程。</translation>
    </message>
    <message>
        <source>The supplier is already under evaluation.</source>
        <translation>该供应商已在评价中。</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>潜在</translation>
    </message>
    <message>
        <source>Under evaluation</source>
        <translation>评价中</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已认可</translation>
    </message>
    <message>
        <source>Conditionally approved</source>
        <translation>有条件认可</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>已取消资格</translation>
    </message>
    <message>
        <source>Competitive</source>
        <translation>竞争关系</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>合作伙伴关系</translation>
    </message>
    <message>
        <source>I – key</source>
        <translation>I – 关键</translation>
    </message>
    <message>
        <source>II – important</source>
        <translation>II – 重要</translation>
    </message>
    <message>
        <source>III – general</source>
        <translation>III – 一般</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>观察项</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>QMS audit</source>
        <translation>质量管理体系审核</translation>
    </message>
    <message>
        <source>Process audit</source>
        <translation>过程审核</translation>
    </message>
    <message>
        <source>Product audit</source>
        <translation>产品审核</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>选择供应商</translation>
    </message>
    <message>
        <source>First supply / first article</source>
        <translation>首次供货 / 首件</translation>
    </message>
    <message>
        <source>Periodic</source>
        <translation>定期</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Re-approval</source>
        <translation>重新认可</translation>
    </message>
    <message>
        <source>Not approved</source>
        <translation>不认可</translation>
    </message>
    <message>
        <source>Recommended for on-site audit</source>
        <translation>建议进行现场审核</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>无到期日</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>The request needs a title.</source>
        <translation>纠正措施要求必须有标题。</translation>
    </message>
    <message>
        <source>The due date is before the issue date.</source>
        <translation>完成期限早于发出日期。</translation>
    </message>
    <message>
        <source>This code is already used by another supplier.</source>
        <translation>该代码已被其他供应商使用。</translation>
    </message>
    <message>
        <source>The record no longer exists; refresh the view.</source>
        <translation>该记录已不存在，请刷新。</translation>
    </message>
    <message>
        <source>D1 Team</source>
        <translation>D1 成立小组</translation>
    </message>
    <message>
        <source>D2 Problem description</source>
        <translation>D2 问题描述</translation>
    </message>
    <message>
        <source>D3 Containment actions</source>
        <translation>D3 临时遏制措施</translation>
    </message>
    <message>
        <source>D4 Root cause</source>
        <translation>D4 根本原因</translation>
    </message>
    <message>
        <source>D5 Chosen corrective actions</source>
        <translation>D5 选定纠正措施</translation>
    </message>
    <message>
        <source>D6 Implementation and validation</source>
        <translation>D6 实施与验证</translation>
    </message>
    <message>
        <source>D7 Prevent recurrence</source>
        <translation>D7 预防再发生</translation>
    </message>
    <message>
        <source>D8 Closure and recognition</source>
        <translation>D8 关闭与表彰</translation>
    </message>
    <message>
        <source>Weak area</source>
        <translation>薄弱环节</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Re-evaluate on</source>
        <translation>复评日期</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Enter the date as YYYY-MM-DD, e.g. 2026-06-30.</source>
        <translation>请按 YYYY-MM-DD 输入日期，例如 2026-06-30。</translation>
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
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Importance class</source>
        <translation>重要性分类</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Approval valid until</source>
        <translation>认可有效期至</translation>
    </message>
    <message>
        <source>Latest grade</source>
        <translation>最近等级</translation>
    </message>
    <message>
        <source>Approval expired</source>
        <extracomment>editable inline; status and validity change only through the approval flow or a status action</extracomment>
        <translation>认可已过期</translation>
    </message>
    <message>
        <source>Approval expires within 60 days</source>
        <translation>认可将在 60 天内到期</translation>
    </message>
    <message>
        <source>{column}: {problem} The value was not saved.</source>
        <translation>{column}：{problem} 该值未保存。</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>编辑{field}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The PDF opens in your PDF viewer; print it from there.</source>
        <translation>PDF 将在 PDF 阅读器中打开，请从阅读器打印。</translation>
    </message>
    <message>
        <source>Chinese font</source>
        <translation>中文字体</translation>
    </message>
    <message>
        <source>Supplier audit</source>
        <translation>供应商审核</translation>
    </message>
    <message>
        <source>There is an audit draft for this supplier, last changed %1. Continue the draft, or discard it and start a new audit?</source>
        <translation>该供应商有一份审核草稿（最后修改于 %1）。继续填写草稿，还是放弃草稿并开始新的审核？</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Discard the audit draft? Its scores and findings are deleted; this cannot be undone.</source>
        <translation>放弃该审核草稿？其中的评分和不符合项将被删除，且无法恢复。</translation>
    </message>
    <message>
        <source>Continue the draft</source>
        <translation>继续填写草稿</translation>
    </message>
    <message>
        <source>Discard it and start a new one</source>
        <translation>放弃草稿并新建</translation>
    </message>
    <message>
        <source>Supplier survey</source>
        <translation>供应商调查</translation>
    </message>
    <message>
        <source>This supplier has a survey draft, last changed %1. Continue the draft, or discard it and start a new survey?</source>
        <translation>该供应商有一份调查表草稿（最后修改于 %1）。继续填写草稿，还是放弃草稿并开始新的调查？</translation>
    </message>
    <message>
        <source>Discard the survey draft? Its answers are deleted; this cannot be undone.</source>
        <translation>放弃该调查表草稿？其中的回答将被删除，且无法恢复。</translation>
    </message>
    <message>
        <source>This audit is already completed; it can no longer be changed or discarded.</source>
        <translation>该审核已完成，不能再修改或放弃。</translation>
    </message>
    <message>
        <source>This survey was already submitted; it can no longer be changed or discarded.</source>
        <translation>该调查表已提交，不能再修改或放弃。</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>名称为必填项。</translation>
    </message>
    <message>
        <source>Say who did it.</source>
        <translation>请填写执行人。</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
    </message>
    <message>
        <source>The certificate's standard is required (e.g. ISO 9001:2015).</source>
        <translation>必须填写证书标准（如 ISO 9001:2015）。</translation>
    </message>
    <message>
        <source>Choose a supplier from the supplier list before completing the audit.</source>
        <translation>完成审核前，请从供应商清单中选择供应商。</translation>
    </message>
    <message>
        <source>The entry is not active.</source>
        <translation>该条目已失效。</translation>
    </message>
    <message>
        <source>The weak area is required.</source>
        <translation>必须填写薄弱环节。</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>这不是有效的电子邮件地址。</translation>
    </message>
    <message>
        <source>Not every required answer is given yet.</source>
        <translation>还有必填项尚未填写。</translation>
    </message>
    <message>
        <source>The saved draft cannot be read; start a new one.</source>
        <translation>无法读取已保存的草稿，请新建一份。</translation>
    </message>
    <message>
        <source>A date is not a date (YYYY-MM-DD).</source>
        <translation>日期格式无效（应为 YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>%1: not possible in the request's present state.</source>
        <translation>%1：该纠正措施当前状态下不能执行此操作。</translation>
    </message>
    <message>
        <source>%1 is closed or cancelled.</source>
        <translation>%1 已关闭或已取消。</translation>
    </message>
    <message>
        <source>%1 must be verified before it is closed.</source>
        <translation>%1 必须先验证有效性才能关闭。</translation>
    </message>
    <message>
        <source>%1 already has an approval in progress.</source>
        <translation>%1 已有进行中的认可流程。</translation>
    </message>
    <message>
        <source>A checklist template with this key already exists.</source>
        <translation>已存在使用该代码的检查表模板。</translation>
    </message>
    <message>
        <source>A shipped checklist template cannot be deleted; reset it instead.</source>
        <translation>系统自带的检查表模板不能删除，可将其重置。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>The checklist template is not valid: %1</source>
        <translation>检查表模板无效：%1</translation>
    </message>
    <message>
        <source>Unknown kind of period (month, quarter or year).</source>
        <translation>未知的期间类型（应为月度、季度或年度）。</translation>
    </message>
</context>
<context>
    <name>SupplierService</name>
    <message>
        <source>code must be 1–32 letters, digits, '-', '_' or '.'</source>
        <extracomment>the services' one-line messages users meet most often, so they show in the UI language</extracomment>
        <translation>代码须为 1–32 个字母、数字、“-”、“_”或“.”</translation>
    </message>
    <message>
        <source>importance class must be I, II or III</source>
        <translation>重要性分类必须为 I、II 或 III</translation>
    </message>
    <message>
        <source>relationship must be competitive or partnership</source>
        <translation>关系必须为竞争关系或合作伙伴关系</translation>
    </message>
    <message>
        <source>name is longer than 200 characters</source>
        <translation>名称超过 200 个字符</translation>
    </message>
    <message>
        <source>code is required</source>
        <translation>代码为必填项</translation>
    </message>
    <message>
        <source>a Chinese or English name is required</source>
        <translation>必须填写中文或英文名称</translation>
    </message>
    <message>
        <source>a status change needs a reason</source>
        <translation>状态变更必须说明理由</translation>
    </message>
    <message>
        <source>a rejection needs a reason</source>
        <translation>拒绝必须说明理由</translation>
    </message>
    <message>
        <source>the person recording the step is required</source>
        <translation>必须填写记录人</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Audits &amp; corrective actions</source>
        <translation>审核与纠正措施</translation>
    </message>
    <message>
        <source>Approval &amp; qualified list</source>
        <translation>认可与合格供方名录</translation>
    </message>
</context>
<context>
    <name>NewCarDialog</name>
    <message>
        <source>New corrective action request</source>
        <translation>新建纠正措施要求</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
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
        <source>Owner at the supplier:</source>
        <translation>供方责任人：</translation>
    </message>
    <message>
        <source>Due on:</source>
        <translation>完成期限：</translation>
    </message>
    <message>
        <source>Choose a supplier.</source>
        <translation>请选择供应商。</translation>
    </message>
    <message>
        <source>The request needs a title.</source>
        <translation>请填写纠正措施要求的标题。</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Print preview – {name}</source>
        <translation>打印预览 – {name}</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Audit plan</source>
        <translation>审核计划</translation>
    </message>
    <message>
        <source>What is audited, when, by whom and against which checklist.</source>
        <translation>审核什么、何时、由谁、依据哪份检查表。</translation>
    </message>
    <message>
        <source>Names separated by commas</source>
        <translation>姓名之间用逗号分隔</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Checklist:</source>
        <translation>检查表：</translation>
    </message>
    <message>
        <source>Occasion:</source>
        <translation>审核时机：</translation>
    </message>
    <message>
        <source>Auditors:</source>
        <translation>审核员：</translation>
    </message>
    <message>
        <source>Audit date:</source>
        <translation>审核日期：</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>审核范围：</translation>
    </message>
</context>
<context>
    <name>QualifiedList</name>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>物料名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>认可日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Re-evaluate on</source>
        <translation>复评日期</translation>
    </message>
    <message>
        <source>Conditional</source>
        <translation>有条件</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
</context>
<context>
    <name>QualifiedListView</name>
    <message>
        <source>Filter the list…</source>
        <translation>筛选名录…</translation>
    </message>
    <message>
        <source>All entries</source>
        <translation>全部条目</translation>
    </message>
    <message>
        <source>Expiring or due for re-evaluation soon</source>
        <translation>即将到期或即将复评</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Include withdrawn</source>
        <translation>包括已撤销</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤销…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Excel, CSV or PDF</source>
        <translation>Excel、CSV 或 PDF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the list as shown (Ctrl+P)</source>
        <translation>按当前显示打印名录 (Ctrl+P)</translation>
    </message>
    <message>
        <source>{n} entries · {soon} expiring soon · {expired} expired</source>
        <translation>共 {n} 条 · {soon} 条即将到期 · {expired} 条已过期</translation>
    </message>
    <message>
        <source>Export the qualified supplier list</source>
        <translation>导出合格供方名录</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Withdraw qualification</source>
        <translation>撤销合格资格</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>QualifiedPage</name>
    <message>
        <source>Approval and qualified supplier list</source>
        <translation>供应商认可与合格供方名录</translation>
    </message>
    <message>
        <source>Qualified supplier list</source>
        <translation>合格供方名录</translation>
    </message>
    <message>
        <source>Approval flow</source>
        <translation>认可流程</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reload the list and the suppliers (F5)</source>
        <translation>重新加载名录和供应商 (F5)</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Audit result</source>
        <translation>审核结果</translation>
    </message>
    <message>
        <source>Compliance per section (N/A items left out) and the result.</source>
        <translation>各部分符合率（不计不适用条款）及审核结论。</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已答</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Print blank checklist…</source>
        <translation>打印空白检查表…</translation>
    </message>
    <message>
        <source>Print audit report…</source>
        <translation>打印审核报告…</translation>
    </message>
    <message>
        <source>a critical finding blocks approval</source>
        <translation>致命不符合项，不予认可</translation>
    </message>
    <message>
        <source>a major finding caps the result at conditional</source>
        <translation>存在严重不符合项，最高为有条件认可</translation>
    </message>
    <message>
        <source>Compliance: {score}   Result: {result}</source>
        <translation>符合率：{score}   结论：{result}</translation>
    </message>
    <message>
        <source>Next: corrective action requests for the findings.</source>
        <translation>下一步：为不符合项提出纠正措施要求。</translation>
    </message>
    <message>
        <source>Survey result</source>
        <translation>调查结果</translation>
    </message>
    <message>
        <source>Section scores by the weighted scoring method; Finish submits the survey.</source>
        <translation>按综合评分法计算的各部分得分；点击“提交”提交调查表。</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Print blank survey…</source>
        <translation>打印空白调查表…</translation>
    </message>
    <message>
        <source>Print completed survey…</source>
        <translation>打印已填调查表…</translation>
    </message>
    <message>
        <source>Overall score: {score}   Recommendation: {rec}</source>
        <translation>总分：{score}   建议：{rec}</translation>
    </message>
    <message>
        <source>Knock-out answers: {names}</source>
        <translation>否决项：{names}</translation>
    </message>
</context>
<context>
    <name>SectionPage</name>
    <message>
        <source>Fields marked * are required.</source>
        <translation>带 * 的项为必填项。</translation>
    </message>
    <message>
        <source>Evidence seen, documents received, remarks…</source>
        <translation>查看的证据、收到的文件、备注…</translation>
    </message>
    <message>
        <source>Evidence notes:</source>
        <translation>证据记录：</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <source>Change supplier status</source>
        <translation>变更供应商状态</translation>
    </message>
    <message>
        <source>Current status:</source>
        <translation>当前状态：</translation>
    </message>
    <message>
        <source>New status:</source>
        <translation>新状态：</translation>
    </message>
    <message>
        <source>Changed by:</source>
        <translation>变更人：</translation>
    </message>
    <message>
        <source>Why the status changes (required)</source>
        <translation>状态变更原因（必填）</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Approval and evaluation happen only through the approval flow.</source>
        <translation>认可和评价只能通过认可流程进行。</translation>
    </message>
    <message>
        <source>No status change is possible from this status; use the approval flow.</source>
        <translation>当前状态无法直接变更，请使用认可流程。</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>必须填写原因。</translation>
    </message>
    <message>
        <source>Say who changes the status.</source>
        <translation>请填写变更人。</translation>
    </message>
</context>
<context>
    <name>SupplierDetail</name>
    <message>
        <source>Items answered</source>
        <translation>已评条款</translation>
    </message>
    <message>
        <source>Current step due</source>
        <translation>当前步骤期限</translation>
    </message>
    <message>
        <source>Sections answered</source>
        <translation>已作答部分</translation>
    </message>
    <message>
        <source>Select a supplier</source>
        <translation>请选择供应商</translation>
    </message>
    <message>
        <source>Change &amp;status…</source>
        <translation>变更状态(&amp;S)…</translation>
    </message>
    <message>
        <source>Suspend, disqualify or reinstate with a reason</source>
        <translation>暂停、取消资格或恢复（须说明原因）</translation>
    </message>
    <message>
        <source>New su&amp;rvey…</source>
        <translation>新建调查(&amp;R)…</translation>
    </message>
    <message>
        <source>New a&amp;udit…</source>
        <translation>新建审核(&amp;U)…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
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
        <source>Primary</source>
        <translation>主要</translation>
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
        <source>Certificates</source>
        <translation>证书</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Certification body</source>
        <translation>认证机构</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发证日</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
    <message>
        <source>Items supplied</source>
        <translation>供应物料</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Qualified until</source>
        <translation>合格有效期至</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>调查</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>审核时机</translation>
    </message>
    <message>
        <source>Auditors</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Days overdue</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Double-click: continue a draft, or preview the printed form</source>
        <translation>双击：继续填写草稿，或预览打印件</translation>
    </message>
    <message>
        <source>Development plans</source>
        <translation>改进计划</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
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
        <source>Importance class</source>
        <translation>重要性分类</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Approval valid until</source>
        <translation>认可有效期至</translation>
    </message>
    <message>
        <source>Latest grade</source>
        <translation>最近等级</translation>
    </message>
    <message>
        <source>Open corrective actions</source>
        <translation>未关闭纠正措施</translation>
    </message>
    <message>
        <source>Edit master data in the grid; the status changes through the approval flow or “Change status…”.</source>
        <translation>主数据请在表格中编辑；状态只能通过认可流程或“变更状态…”修改。</translation>
    </message>
    <message>
        <source>Basic data</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>{open} open, {overdue} overdue</source>
        <translation>{open} 项未关闭，{overdue} 项逾期</translation>
    </message>
    <message>
        <source>Change supplier status</source>
        <translation>变更供应商状态</translation>
    </message>
    <message>
        <source>Remove this {what}?</source>
        <translation>删除该{what}？</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>证书</translation>
    </message>
<message><source>History…</source><translation>历史…</translation></message><message><source>Who changed the selected row, what and when; and the row as of a date</source><translation>所选行的修改记录（谁、改了什么、何时），以及指定日期时的状态</translation></message><message><source>Contact</source><translation>联系人</translation></message><message><source>Certificate</source><translation>证书</translation></message><message><source>Survey</source><translation>调查</translation></message><message><source>Audit</source><translation>审核</translation></message><message><source>Select a row first.</source><translation>请先选择一行。</translation></message></context>
<context>
    <name>SupplierDialog</name>
    <message>
        <source>New supplier</source>
        <translation>新建供应商</translation>
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
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Importance class:</source>
        <translation>重要性分类：</translation>
    </message>
    <message>
        <source>Relationship:</source>
        <translation>关系：</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>国家：</translation>
    </message>
    <message>
        <source>The code is required.</source>
        <translation>代码为必填项。</translation>
    </message>
    <message>
        <source>Give a Chinese or an English name.</source>
        <translation>请填写中文或英文名称。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
</context>
<context>
    <name>SupplierGrid</name>
    <message>
        <source>Filter suppliers… (Ctrl+F)</source>
        <translation>筛选供应商… (Ctrl+F)</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All relationships</source>
        <translation>全部关系</translation>
    </message>
    <message>
        <source>Any approval validity</source>
        <translation>认可有效期不限</translation>
    </message>
    <message>
        <source>Approval expiring within 60 days</source>
        <translation>认可 60 天内到期</translation>
    </message>
    <message>
        <source>Approval expired</source>
        <translation>认可已过期</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>新增(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a supplier (Ctrl+N)</source>
        <translation>新增供应商 (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>复制(&amp;D)</translation>
    </message>
    <message>
        <source>Copy the selected supplier (Ctrl+D)</source>
        <translation>复制所选供应商 (Ctrl+D)</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>删除(&amp;L)…</translation>
    </message>
    <message>
        <source>Delete the selected supplier (Del)</source>
        <translation>删除所选供应商 (Del)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last edit (Ctrl+Z)</source>
        <translation>撤销上一次编辑 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Y)</source>
        <translation>重做 (Ctrl+Y)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import suppliers from CSV or Excel</source>
        <translation>从 CSV 或 Excel 导入供应商</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <source>Export the suppliers to CSV or Excel</source>
        <translation>将供应商导出为 CSV 或 Excel</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Suppliers: {n}</source>
        <translation>供应商：{n}</translation>
    </message>
    <message>
        <source>Value refused</source>
        <translation>值被拒绝</translation>
    </message>
    <message>
        <source>Add supplier</source>
        <translation>新增供应商</translation>
    </message>
    <message>
        <source>Duplicate supplier</source>
        <translation>复制供应商</translation>
    </message>
    <message>
        <source>Delete supplier {code} {name} with all its contacts, certificates, surveys, audits and corrective actions? This cannot be undone.</source>
        <translation>删除供应商 {code} {name} 及其全部联系人、证书、调查、审核和纠正措施？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete supplier</source>
        <translation>删除供应商</translation>
    </message>
    <message>
        <source>Import suppliers</source>
        <translation>导入供应商</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>电子表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated.</source>
        <translation>已导入：新增 {created} 家，更新 {updated} 家。</translation>
    </message>
    <message>
        <source>Export suppliers</source>
        <translation>导出供应商</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Suppliers: {shown} of {n}</source>
        <translation>供应商：{shown} / {n}</translation>
    </message>
</context>
<context>
    <name>SurveyWizard</name>
    <message>
        <source>Supplier survey – {name}</source>
        <translation>供应商调查表 – {name}</translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation>提交(&amp;S)</translation>
    </message>
    <message>
        <source>Survey not submitted</source>
        <translation>调查表未提交</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Checklist:</source>
        <translation>检查表：</translation>
    </message>
    <message>
        <source>Import JSON…</source>
        <translation>导入 JSON…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
    <message>
        <source>Reset to shipped</source>
        <translation>恢复为自带版本</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款号</translation>
    </message>
    <message>
        <source>Requirement (Chinese)</source>
        <translation>要求（中文）</translation>
    </message>
    <message>
        <source>Requirement (English)</source>
        <translation>要求（英文）</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Max score</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>N/A allowed</source>
        <translation>允许不适用</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>添加条款</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除条款</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>&amp;Save template</source>
        <translation>保存模板(&amp;S)</translation>
    </message>
    <message>
        <source>Saved as version {v}.</source>
        <translation>已保存为第 {v} 版。</translation>
    </message>
    <message>
        <source>Replace this checklist with the shipped one?</source>
        <translation>用软件自带的检查表替换当前检查表？</translation>
    </message>
    <message>
        <source>Export checklist</source>
        <translation>导出检查表</translation>
    </message>
    <message>
        <source>Checklist (*.json)</source>
        <translation>检查表 (*.json)</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>Import checklist</source>
        <translation>导入检查表</translation>
    </message>
    <message>
        <source>A checklist with this key exists. Replace it?</source>
        <translation>已存在相同代码的检查表，是否替换？</translation>
    </message>
    <message>
        <source>Imported {key}.</source>
        <translation>已导入 {key}。</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Checklist templates</source>
        <translation>检查表模板</translation>
    </message>
</context>
<context>
    <name>FlowWizard</name>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
</TS>