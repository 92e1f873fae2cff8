<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DispositionDialog</name>
    <message>
        <source>Disposition of lot %1</source>
        <translation>批 %1 的处置</translation>
    </message>
    <message>
        <source>Lot %1 · %2 · part %3 · %4 pcs rejected. The quantities must add up to the lot size.</source>
        <translation>批 %1 · %2 · 物料 %3 · %4 件拒收。各处置数量之和须等于批量。</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置方式</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>By whom</source>
        <translation>执行方</translation>
    </message>
    <message>
        <source>At whose cost</source>
        <translation>费用承担</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供方</translation>
    </message>
    <message>
        <source>Our company</source>
        <translation>本公司</translation>
    </message>
    <message>
        <source>Third party</source>
        <translation>第三方</translation>
    </message>
    <message>
        <source>reason and conditions of use (required)</source>
        <translation>理由与使用条件（必填）</translation>
    </message>
    <message>
        <source>A concession needs a quality manager's approval and electronic signature.</source>
        <translation>让步接收需经质量经理批准并电子签名。</translation>
    </message>
    <message>
        <source>Record disposition</source>
        <translation>记录处置</translation>
    </message>
    <message>
        <source>Total %1 of %2 pcs</source>
        <translation>合计 %1 / %2 件</translation>
    </message>
    <message>
        <source>Disposition not recorded</source>
        <translation>处置未记录</translation>
    </message>
</context>
<context>
    <name>Inspection</name>
    <message>
        <source>This action needs an electronic signature.</source>
        <translation>此操作需要电子签名。</translation>
    </message>
    <message>
        <source>The password is not correct; nothing was recorded.</source>
        <translation>密码不正确，未记录任何内容。</translation>
    </message>
    <message>
        <source>Unexpected error (details in the log file): %1</source>
        <translation>意外错误（详见日志文件）：%1</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>Major</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Tightened</source>
        <translation>加严</translation>
    </message>
    <message>
        <source>Reduced</source>
        <translation>放宽</translation>
    </message>
    <message>
        <source>Discontinued</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒收</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>挑选</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <source>Concession</source>
        <translation>让步接收</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>报废</translation>
    </message>
    <message>
        <source>Defect class</source>
        <translation>缺陷类别</translation>
    </message>
    <message>
        <source>AQL</source>
        <translation>AQL</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严格度</translation>
    </message>
    <message>
        <source>Code letter</source>
        <translation>样本量字码</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Ac</source>
        <translation>Ac</translation>
    </message>
    <message>
        <source>Re</source>
        <translation>Re</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>物料</translation>
    </message>
    <message>
        <source>Lot size</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检验员</translation>
    </message>
    <message>
        <source>Arrow followed in the table: the first plan below/above the arrow is used, with its sample size.</source>
        <translation>已沿表中箭头取方案：使用箭头下方/上方第一个抽样方案及其样本量。</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <source>Receive lot</source>
        <translation>来料检验</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>检验批清单</translation>
    </message>
    <message>
        <source>History per supplier × part</source>
        <translation>供应商 × 物料历史</translation>
    </message>
    <message>
        <source>You may not record inspection results.</source>
        <translation>您无权记录检验结果。</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
</context>
<context>
    <name>LotListPanel</name>
    <message>
        <source>Today's lots</source>
        <translation>今日检验批</translation>
    </message>
    <message>
        <source>Awaiting disposition</source>
        <translation>待处置</translation>
    </message>
    <message>
        <source>Under concession</source>
        <translation>让步接收</translation>
    </message>
    <message>
        <source>All lots</source>
        <translation>全部检验批</translation>
    </message>
    <message>
        <source>D&amp;isposition…</source>
        <translation>处置(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Print record…</source>
        <translation>打印检验记录(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;History of the pair</source>
        <translation>该供应商 × 物料历史(&amp;H)</translation>
    </message>
    <message>
        <source>%1 lots</source>
        <translation>%1 批</translation>
    </message>
    <message>
        <source>Save inspection record</source>
        <translation>保存检验记录</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>未打印</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Incoming inspection</source>
        <translation>进货检验</translation>
    </message>
</context>
<context>
    <name>PairHistoryPanel</name>
    <message>
        <source>&amp;Supplier × part</source>
        <translation>供应商 × 物料(&amp;S)</translation>
    </message>
    <message>
        <source>OC curve for lot si&amp;ze</source>
        <translation>OC 曲线对应批量(&amp;Z)</translation>
    </message>
    <message>
        <source>S&amp;etting…</source>
        <translation>检验设置(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Approve reduced…</source>
        <translation>批准放宽检验(&amp;A)…</translation>
    </message>
    <message>
        <source>Res&amp;ume inspection…</source>
        <translation>恢复检验(&amp;U)…</translation>
    </message>
    <message>
        <source>Severity per lot</source>
        <translation>各批检验严格度</translation>
    </message>
    <message>
        <source>lot (oldest → newest)</source>
        <translation>批次（由旧到新）</translation>
    </message>
    <message>
        <source>Switching score (reduced possible from 30)</source>
        <translation>转移得分（≥ 30 可转放宽）</translation>
    </message>
    <message>
        <source>OC curve of the current plan</source>
        <translation>当前抽样方案的 OC 曲线</translation>
    </message>
    <message>
        <source>process quality p (% nonconforming)</source>
        <translation>过程质量 p（不合格品百分数）</translation>
    </message>
    <message>
        <source>Pa</source>
        <translation>接收概率 Pa</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>由 → 至</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>By</source>
        <translation>执行人</translation>
    </message>
    <message>
        <source>Withdraw reduced approval…</source>
        <translation>撤销放宽批准…</translation>
    </message>
    <message>
        <source>Now: %1 inspection · score %2 · level %3 · AQL %4 · %5 lots</source>
        <translation>当前：%1检验 · 转移得分 %2 · 检验水平 %3 · AQL %4 · 共 %5 批</translation>
    </message>
    <message>
        <source>Reduced inspection approved by %1</source>
        <translation>放宽检验已由 %1 批准</translation>
    </message>
    <message>
        <source>Skip-lot</source>
        <translation>跳批检验</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免检</translation>
    </message>
    <message>
        <source>Evaluation grade %1 (%2), advisory</source>
        <translation>业绩评定等级 %1（%2），仅供参考</translation>
    </message>
    <message>
        <source>Reduced inspection</source>
        <translation>放宽检验</translation>
    </message>
    <message>
        <source>Reason (e.g. stable process, quality agreement)</source>
        <translation>理由（如过程稳定、质量协议）</translation>
    </message>
    <message>
        <source>Why is the approval withdrawn?</source>
        <translation>撤销批准的理由？</translation>
    </message>
    <message>
        <source>Resume inspection</source>
        <translation>恢复检验</translation>
    </message>
    <message>
        <source>Corrective action accepted (SCAR number, date)</source>
        <translation>纠正措施已认可（SCAR 编号、日期）</translation>
    </message>
    <message>
        <source>No plan: inspection is discontinued (9.4)</source>
        <translation>无抽样方案：检验已暂停（9.4）</translation>
    </message>
</context>
<context>
    <name>ReceivePanel</name>
    <message>
        <source>Production steady</source>
        <translation>生产稳定</translation>
    </message>
    <message>
        <source>&amp;Supplier × part</source>
        <translation>供应商 × 物料(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;PO number</source>
        <translation>采购订单号(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Delivery note</source>
        <translation>送货单号(&amp;D)</translation>
    </message>
    <message>
        <source>Lot &amp;number</source>
        <translation>批号(&amp;N)</translation>
    </message>
    <message>
        <source>Lot si&amp;ze</source>
        <translation>批量(&amp;Z)</translation>
    </message>
    <message>
        <source>Inspected &amp;on</source>
        <translation>检验日期(&amp;O)</translation>
    </message>
    <message>
        <source>Sampling plan (GB/T 2828.1-2012)</source>
        <translation>抽样方案（GB/T 2828.1-2012）</translation>
    </message>
    <message>
        <source>Type values (Enter moves on); attributes: OK/NG (1/0). Red = outside the limits. Ctrl+K fills the current row's empty cells with OK.</source>
        <translation>直接输入数值（回车确认）；计数特性填 OK/NG（1/0）。红色 = 超出规格。Ctrl+K 将当前行的空格填为 OK。</translation>
    </message>
    <message>
        <source>&amp;Measurements</source>
        <translation>检验数据(&amp;M)</translation>
    </message>
    <message>
        <source>%1 nonconforming units</source>
        <translation>%1不合格品数</translation>
    </message>
    <message>
        <source>Defect &amp;counts</source>
        <translation>缺陷计数(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Record lot (Ctrl+Enter)</source>
        <translation>记录检验批(&amp;R)（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>D&amp;isposition…</source>
        <translation>处置(&amp;I)…</translation>
    </message>
    <message>
        <source>Ne&amp;xt lot</source>
        <translation>下一批(&amp;X)</translation>
    </message>
    <message>
        <source>Enter the lot size to see the plan.</source>
        <translation>输入批量即显示抽样方案。</translation>
    </message>
    <message>
        <source>Level %1 · %2 inspection · sample %3 pcs</source>
        <translation>检验水平 %1 · %2检验 · 样本 %3 件</translation>
    </message>
    <message>
        <source>Inspection discontinued (GB/T 2828.1 9.4): no lots are accepted until the supplier's corrective action is accepted.</source>
        <translation>已暂停检验（GB/T 2828.1 9.4）：在供方纠正措施被认可之前不接收任何批。</translation>
    </message>
    <message>
        <source>No sampling: record the lot (Ctrl+Enter); it is accepted without inspection.</source>
        <translation>不抽样：记录本批（Ctrl+Enter），本批不经检验直接接收。</translation>
    </message>
    <message>
        <source>skip-lot, 1 in %1</source>
        <translation>跳批，每 %1 批检验 1 批</translation>
    </message>
    <message>
        <source>accept</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>不接收</translation>
    </message>
    <message>
        <source>%1 cells still empty</source>
        <translation>尚有 %1 格未填</translation>
    </message>
    <message>
        <source>exempt — accept on the supplier's certificate of conformance</source>
        <translation>免检——凭供方合格证明接收</translation>
    </message>
    <message>
        <source>skip this lot (%1 of %2)</source>
        <translation>跳过本批（第 %1 批，共 %2 批）</translation>
    </message>
    <message>
        <source>inspect this lot</source>
        <translation>检验本批</translation>
    </message>
    <message>
        <source>Choose the supplier × part and enter the lot size first.</source>
        <translation>请先选择供应商 × 物料并输入批量。</translation>
    </message>
    <message>
        <source>Lot %1 ACCEPTED</source>
        <translation>批 %1 接收</translation>
    </message>
    <message>
        <source>Lot %1 REJECTED</source>
        <translation>批 %1 拒收</translation>
    </message>
    <message>
        <source>Skip-lot ended: every lot of this supplier and part is inspected again.</source>
        <translation>跳批已终止：该供应商与物料的每一批恢复检验。</translation>
    </message>
    <message>
        <source>SCAR %1 raised on the supplier.</source>
        <translation>已向供方发出纠正措施要求 %1。</translation>
    </message>
    <message>
        <source>Switching: %1 → %2 inspection from the next lot.</source>
        <translation>转移规则：自下一批起由%1检验转为%2检验。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Inspection setting · %1 × %2</source>
        <translation>检验设置 · %1 × %2</translation>
    </message>
    <message>
        <source>Inspection &amp;level</source>
        <translation>检验水平(&amp;L)</translation>
    </message>
    <message>
        <source>AQL %1</source>
        <translation>AQL %1</translation>
    </message>
    <message>
        <source>Production steady</source>
        <translation>生产稳定</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Skip-lot</source>
        <translation>跳批检验</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>免检</translation>
    </message>
    <message>
        <source>needed to override: skip-lot needs grade A and a clause allowing it</source>
        <translation>例外时必填：跳批需评价等级 A 且协议条款允许</translation>
    </message>
    <message>
        <source>Evaluation grade %1 (%2), advisory</source>
        <translation>业绩评定等级 %1（%2），仅供参考</translation>
    </message>
    <message>
        <source>No evaluation grade yet</source>
        <translation>尚无业绩评定等级</translation>
    </message>
    <message>
        <source>Skip-lot / e&amp;xemption</source>
        <translation>跳批 / 免检(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>Agreement clause</source>
        <translation>协议条款</translation>
    </message>
    <message>
        <source>Differs from the agreement (advisory, logged on save):</source>
        <translation>与质量协议不一致（仅提示，保存时记入审计追踪）：</translation>
    </message>
    <message>
        <source>Now: %1 inspection · score %2</source>
        <translation>当前：%1检验 · 转移得分 %2</translation>
    </message>
    <message>
        <source>Inspection items</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <source>Characteristic</source>
        <translation>检验特性</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>检验方法</translation>
    </message>
    <message>
        <source>Gauge</source>
        <translation>量具</translation>
    </message>
    <message>
        <source>Lower limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>Upper limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>添加项目(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move item</source>
        <translation>删除项目(&amp;M)</translation>
    </message>
    <message>
        <source>agreement: %1</source>
        <translation>协议：%1</translation>
    </message>
    <message>
        <source>The value the quality agreement's inspection clause in force states</source>
        <translation>现行质量协议检验条款规定的值</translation>
    </message>
    <message>
        <source>No quality agreement clause in force for this supplier and part</source>
        <translation>该供应商与物料没有生效的质量协议检验条款</translation>
    </message>
    <message>
        <source>this part</source>
        <translation>本物料</translation>
    </message>
    <message>
        <source>all parts of the supplier</source>
        <translation>该供应商全部物料</translation>
    </message>
    <message>
        <source>Clause %1 · agreement %2 version %3 (%4)</source>
        <translation>条款 %1 · 协议 %2 第 %3 版（%4）</translation>
    </message>
    <message>
        <source>AQL %1 · level %2 · %3</source>
        <translation>AQL %1 · 检验水平 %2 · %3</translation>
    </message>
    <message>
        <source>skip-lot allowed</source>
        <translation>允许跳批</translation>
    </message>
    <message>
        <source>no skip-lot</source>
        <translation>不允许跳批</translation>
    </message>
    <message>
        <source>Variable (limits)</source>
        <translation>计量（规格限）</translation>
    </message>
    <message>
        <source>Attribute (OK/NG)</source>
        <translation>计数（OK/NG）</translation>
    </message>
    <message>
        <source>Setting not saved</source>
        <translation>设置未保存</translation>
    </message>
</context>
</TS>