<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AgreementsPage</name>
    <message>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <source>Quality agreements</source>
        <translation>质量协议</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>电子签名</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Targets vs actuals</source>
        <translation>目标与实绩</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Expiring or due for review within %1 days: </source>
        <translation>%1 天内到期或需评审：</translation>
    </message>
</context>
<context>
    <name>AgreementsTab</name>
    <message>
        <source>Filter by supplier or number</source>
        <translation>按供应商或编号筛选</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Latest version</source>
        <translation>最新版本</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>New agreement…</source>
        <translation>新建协议…</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Submit for review</source>
        <translation>提交审核</translation>
    </message>
    <message>
        <source>Back to draft</source>
        <translation>退回草稿</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>签署…</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>版本对比…</translation>
    </message>
    <message>
        <source>Print PDF…</source>
        <translation>打印 PDF…</translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation>导出 xlsx…</translation>
    </message>
    <message>
        <source>Signed PDF…</source>
        <translation>签署版 PDF…</translation>
    </message>
    <message>
        <source>effective %1</source>
        <translation>%1 生效</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>signed by %1 and %2</source>
        <translation>签署人 %1 与 %2</translation>
    </message>
    <message>
        <source>signed PDF %1</source>
        <translation>签署版 PDF %1</translation>
    </message>
    <message>
        <source>read-only: a change is a new version</source>
        <translation>只读：修改须建立新版本</translation>
    </message>
    <message>
        <source>New agreement</source>
        <translation>新建协议</translation>
    </message>
    <message>
        <source>There is no approved supplier.</source>
        <translation>没有已认可的供应商。</translation>
    </message>
    <message>
        <source>Supplier:</source>
        <translation>供应商：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Bilingual side by side</source>
        <translation>中英对照</translation>
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
        <source>Print contract</source>
        <translation>打印协议</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Save contract</source>
        <translation>保存协议</translation>
    </message>
    <message>
        <source>Export clauses</source>
        <translation>导出条款</translation>
    </message>
    <message>
        <source>Signed contract (PDF)</source>
        <translation>签署版协议（PDF）</translation>
    </message>
</context>
<context>
    <name>ClauseEditor</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Redo %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Insert clause</source>
        <translation>插入条款</translation>
    </message>
    <message>
        <source>Delete clauses</source>
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
        <source>Fill down</source>
        <translation>向下填充</translation>
    </message>
    <message>
        <source>Target…</source>
        <translation>目标…</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>部分</translation>
    </message>
    <message>
        <source>Insert this area's template clauses</source>
        <translation>插入本部分的模板条款</translation>
    </message>
    <message>
        <source>Delete all clauses of this area</source>
        <translation>删除本部分全部条款</translation>
    </message>
    <message>
        <source>Move this area up</source>
        <translation>整个部分上移</translation>
    </message>
    <message>
        <source>Move this area down</source>
        <translation>整个部分下移</translation>
    </message>
    <message>
        <source>Area up</source>
        <translation>区域上移</translation>
    </message>
    <message>
        <source>Move the whole area of the current row up, with its clauses (Ctrl+Alt+↑)</source>
        <translation>将当前行所在的整个内容区域连同其条款上移（Ctrl+Alt+↑）</translation>
    </message>
    <message>
        <source>Area down</source>
        <translation>区域下移</translation>
    </message>
    <message>
        <source>Move the whole area of the current row down, with its clauses (Ctrl+Alt+↓)</source>
        <translation>将当前行所在的整个内容区域连同其条款下移（Ctrl+Alt+↓）</translation>
    </message>
    <message>
        <source>Move selected clauses to area</source>
        <translation>将所选条款移至部分</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Enter: next row · F2 or typing: edit · Alt+Enter: new line in a cell · Ctrl+C / Ctrl+V: copy and paste with Excel · Ctrl+D: fill down · Ctrl+Shift+↑/↓: move clauses · Ctrl+Alt+↑/↓: move the whole area · Ctrl+Z / Ctrl+Y: undo / redo</source>
        <translation>Enter：下一行 · F2 或直接输入：编辑 · Alt+Enter：单元格内换行 · Ctrl+C / Ctrl+V：与 Excel 复制粘贴 · Ctrl+D：向下填充 · Ctrl+Shift+↑/↓：移动条款 · Ctrl+Alt+↑/↓：移动整个部分 · Ctrl+Z / Ctrl+Y：撤销 / 重做</translation>
    </message>
    <message>
        <source>Edit target %1</source>
        <translation>编辑目标 %1</translation>
    </message>
</context>
<context>
    <name>ClauseGrid</name>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Chinese text</source>
        <translation>中文条文</translation>
    </message>
    <message>
        <source>English text</source>
        <translation>英文条文</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>责任方</translation>
    </message>
    <message>
        <source>Referenced documents</source>
        <translation>引用文件</translation>
    </message>
    <message>
        <source>AQL / level</source>
        <translation>AQL / 检验水平</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <source>Paste %1 × %2</source>
        <translation>粘贴 %1 × %2</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Fill down</source>
        <translation>向下填充</translation>
    </message>
    <message>
        <source>Insert clause</source>
        <translation>插入条款</translation>
    </message>
    <message>
        <source>Delete %1 clause(s)</source>
        <translation>删除 %1 条条款</translation>
    </message>
    <message>
        <source>Move clauses</source>
        <translation>移动条款</translation>
    </message>
    <message>
        <source>Move to area %1</source>
        <translation>移至第 %1 部分</translation>
    </message>
    <message>
        <source>Move area %1 up</source>
        <translation>上移部分“%1”</translation>
    </message>
    <message>
        <source>Move area %1 down</source>
        <translation>下移部分“%1”</translation>
    </message>
    <message>
        <source>Delete area %1</source>
        <translation>删除第 %1 部分</translation>
    </message>
    <message>
        <source>Insert area %1</source>
        <translation>插入第 %1 部分</translation>
    </message>
    <message>
        <source>Replace %1 occurrence(s)</source>
        <translation>替换 %1 处</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <source>Compare versions of %1</source>
        <translation>%1 版本对比</translation>
    </message>
    <message>
        <source>Old:</source>
        <translation>旧版本：</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>新版本：</translation>
    </message>
    <message>
        <source>Changes only</source>
        <translation>只看变化</translation>
    </message>
    <message>
        <source>Print comparison…</source>
        <translation>打印对比…</translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed, %4 unchanged</source>
        <translation>新增 %1 条，删除 %2 条，修改 %3 条，未变 %4 条</translation>
    </message>
    <message>
        <source>section %1 “%2” is now section %3</source>
        <translation>第 %1 部分“%2”移为第 %3 部分</translation>
    </message>
    <message>
        <source>Save comparison</source>
        <translation>保存对比</translation>
    </message>
</context>
<context>
    <name>DiffModel</name>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Old no.</source>
        <translation>旧编号</translation>
    </message>
    <message>
        <source>Old text</source>
        <translation>旧条文</translation>
    </message>
    <message>
        <source>New no.</source>
        <translation>新编号</translation>
    </message>
    <message>
        <source>New text</source>
        <translation>新条文</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>renumbered</source>
        <translation>重新编号</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>查找下一个</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>%1 match(es)</source>
        <translation>%1 处匹配</translation>
    </message>
    <message>
        <source>%1 replaced</source>
        <translation>已替换 %1 处</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Quality agreements</source>
        <translation>质量协议</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Sign version %1</source>
        <translation>签署第 %1 版</translation>
    </message>
    <message>
        <source>Purchaser</source>
        <translation>采购方</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供方</translation>
    </message>
    <message>
        <source>Quality manager</source>
        <translation>质量经理</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation>签署日期</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Your password (electronic signature)</source>
        <translation>您的密码（电子签名）</translation>
    </message>
    <message>
        <source>Signing freezes this version: any later change is a new version. The signature covers the clauses, dates and signatories (SHA-256).</source>
        <translation>签署后本版本冻结：之后的任何修改都须建立新版本。签名覆盖条款、日期和签署人（SHA-256）。</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签署</translation>
    </message>
</context>
<context>
    <name>SupplierAgreementsTab</name>
    <message>
        <source>In force on</source>
        <translation>生效日</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>协议</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Effective from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>签署人</translation>
    </message>
    <message>
        <source>Content SHA-256</source>
        <translation>内容 SHA-256</translation>
    </message>
    <message>
        <source>Quality agreements</source>
        <translation>质量协议</translation>
    </message>
    <message>
        <source>no agreement in force on that day</source>
        <translation>当日没有生效的协议</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <source>Target clause</source>
        <translation>目标条款</translation>
    </message>
    <message>
        <source>(not a target clause)</source>
        <translation>（非目标条款）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Skip-lot inspection allowed</source>
        <translation>允许跳批检验</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Comparator</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Threshold (%, PPM or number)</source>
        <translation>目标值（%、PPM 或件数）</translation>
    </message>
    <message>
        <source>Evaluation period</source>
        <translation>考核周期</translation>
    </message>
    <message>
        <source>Liability rule</source>
        <translation>违约责任</translation>
    </message>
    <message>
        <source>Amount (CNY)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Re-audit after N breaches (0 = never)</source>
        <translation>累计违约 N 次后再审核（0 = 不升级）</translation>
    </message>
</context>
<context>
    <name>TargetGridModel</name>
    <message>
        <source>Supplier / agreement</source>
        <translation>供应商 / 协议</translation>
    </message>
    <message>
        <source>Clause · target</source>
        <translation>条款 · 目标</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>liability CNY %1</source>
        <translation>违约金 %1 元</translation>
    </message>
    <message>
        <source>re-audit</source>
        <translation>再审核</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Raise SCAR for breach</source>
        <translation>就违约发出 SCAR</translation>
    </message>
    <message>
        <source>Development plan for breach</source>
        <translation>就违约建立发展计划</translation>
    </message>
    <message>
        <source>Breach report…</source>
        <translation>违约报告…</translation>
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
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Grade list: show the grade one letter lower when a supplier has at least this many agreement breaches in the period (the stored evaluation grade is unchanged; the reason is shown). Off by default.</source>
        <translation>等级清单：供应商在评价期内协议违约次数达到此数时，显示的等级降一级（已存的评定等级不变，并显示原因）。默认关闭。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Lower the grade one letter from</source>
        <translation>等级清单降一级：违约达</translation>
    </message>
    <message>
        <source>breaches per period</source>
        <translation>次/期</translation>
    </message>
    <message>
        <source>Red: breach (liability in the tooltip) · green: target met · grey: missing (no deliveries — neither breach nor pass) · blank: no version in force</source>
        <translation>红色：违约（违约金见提示）· 绿色：达标 · 灰色：缺失（无交货，既不算违约也不算达标）· 空白：无生效版本</translation>
    </message>
    <message>
        <source>Quality agreements</source>
        <translation>质量协议</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>无权限</translation>
    </message>
    <message>
        <source>Grade list rule saved: {rule}</source>
        <translation>等级清单规则已保存：{rule}</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Targets vs actuals…</source>
        <translation>目标与实绩…</translation>
    </message>
    <message>
        <source>Computing… {percent} %</source>
        <translation>正在计算… {percent} %</translation>
    </message>
    <message>
        <source>%1 target line(s) · %2 breach(es) · liability CNY %3 · %4 re-audit escalation(s)</source>
        <translation>%1 条目标 · %2 次违约 · 违约金 %3 元 · %4 次升级再审核</translation>
    </message>
    <message>
        <source>Select a target line to see its breach history.</source>
        <translation>选择一条目标以查看其违约历史。</translation>
    </message>
    <message>
        <source>%1 breach(es), liability CNY %2</source>
        <translation>违约 %1 次，违约金 %2 元</translation>
    </message>
    <message>
        <source>SCAR raised</source>
        <translation>已发出 SCAR</translation>
    </message>
    <message>
        <source>Corrective action request %1 was raised for the breach.</source>
        <translation>已就该违约发出纠正措施要求 %1。</translation>
    </message>
    <message>
        <source>Development plan</source>
        <translation>发展计划</translation>
    </message>
    <message>
        <source>Development plan item %1 was created for the breach.</source>
        <translation>已就该违约建立发展计划项 %1。</translation>
    </message>
    <message>
        <source>Breach report</source>
        <translation>违约报告</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <source>Template:</source>
        <translation>模板：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Copy as new…</source>
        <translation>另存为新模板…</translation>
    </message>
    <message>
        <source>Import xlsx…</source>
        <translation>导入 xlsx…</translation>
    </message>
    <message>
        <source>Export xlsx…</source>
        <translation>导出 xlsx…</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>新模板</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>Export template</source>
        <translation>导出模板</translation>
    </message>
</context>
</TS>