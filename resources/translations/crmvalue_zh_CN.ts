<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>CrossSellTab</name>
    <message>
        <source>Association rules over the window's orders (parts bought together)</source>
        <translation>时间窗内订单的关联规则（一起购买的零件）</translation>
    </message>
    <message>
        <source>Select a customer in the value table to see what it might also buy.</source>
        <translation>在价值表中选择一个顾客，查看其可能还会购买的零件。</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>关联规则</translation>
    </message>
    <message>
        <source>its segment buys it</source>
        <translation>同群顾客购买</translation>
    </message>
    <message>
        <source>Suggestions for %1 %2 (segment %3): %4 parts</source>
        <translation>%1 %2 的交叉销售建议（分群 %3）：%4 种零件</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Decide value class</source>
        <translation>确定价值等级</translation>
    </message>
    <message>
        <source>Required when the class differs from the proposal</source>
        <translation>与建议等级不同时必须填写</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Current class:</source>
        <translation>当前等级：</translation>
    </message>
    <message>
        <source>Proposed by the analysis:</source>
        <translation>分析建议等级：</translation>
    </message>
    <message>
        <source>Class to keep:</source>
        <translation>确定等级：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Save decision</source>
        <translation>保存决定</translation>
    </message>
    <message>
        <source>Reason: overriding the proposal needs a reason.</source>
        <translation>原因：修改建议等级必须填写原因。</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Customer value</source>
        <translation>客户价值</translation>
    </message>
</context>
<context>
    <name>ParetoTab</name>
    <message>
        <source>Revenue %1 from %2 customers: A %3, B %4, C %5 (A = the customers making the first 80 % of revenue, B the next 15 %, C the rest)</source>
        <translation>%2 个顾客的销售额 %1：A 类 %3、B 类 %4、C 类 %5（A 类＝贡献前 80 % 销售额的顾客，B 类＝其后 15 %，C 类＝其余）</translation>
    </message>
</context>
<context>
    <name>RfmTab</name>
    <message>
        <source>Colour: number of customers</source>
        <translation>颜色：顾客数</translation>
    </message>
    <message>
        <source>Colour: revenue</source>
        <translation>颜色：销售额</translation>
    </message>
    <message>
        <source>Click a cell to list its customers in the value table.</source>
        <translation>点击格子，在价值表中列出其顾客。</translation>
    </message>
</context>
<context>
    <name>RiskTab</name>
    <message>
        <source>No customer at risk.</source>
        <translation>没有流失风险顾客。</translation>
    </message>
    <message>
        <source>%1 customers at risk: no order for more than %2 days, order frequency down by %3 % or more, open complaints, or falling satisfaction. Double-click to open the customer in the value table.</source>
        <translation>%1 个顾客有流失风险：超过 %2 天无订单、订货频次下降 %3 % 或以上、有未关闭投诉或满意度下降。双击在价值表中打开该顾客。</translation>
    </message>
</context>
<context>
    <name>SegmentsTab</name>
    <message>
        <source>k-means on days since the last order, orders and revenue (standardised); the chart shows each segment's means in standard deviations from all customers.</source>
        <translation>按距最近订单天数、订单数和销售额（标准化后）做 k-means 聚类；图中为各群均值偏离全体顾客均值的标准差数。</translation>
    </message>
</context>
<context>
    <name>ValueChartTab</name>
    <message>
        <source>Save chart as PNG…</source>
        <translation>图表另存为 PNG…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>ValueCharts</name>
    <message>
        <source>% of revenue</source>
        <translation>销售额占比 %</translation>
    </message>
    <message>
        <source>Customers, by revenue (largest first)</source>
        <translation>顾客（按销售额从高到低）</translation>
    </message>
    <message>
        <source>Share of revenue</source>
        <translation>销售额占比</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计 %</translation>
    </message>
    <message>
        <source>R score (5 = ordered most recently)</source>
        <translation>R 分（5＝最近下过订单）</translation>
    </message>
    <message>
        <source>F score (5 = orders most often)</source>
        <translation>F 分（5＝订货最频繁）</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>分群 %1</translation>
    </message>
    <message>
        <source>Standardised mean (z)</source>
        <translation>标准化均值 (z)</translation>
    </message>
</context>
<context>
    <name>ValuePage</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Analyse</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Run the value analysis (F5)</source>
        <translation>运行价值分析 (F5)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>保留率</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <source>Inactive after</source>
        <translation>无订单视为流失</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>no recent order</source>
        <translation>近期无订单</translation>
    </message>
    <message>
        <source>falling order frequency</source>
        <translation>订货频次下降</translation>
    </message>
    <message>
        <source>open complaints</source>
        <translation>有未关闭投诉</translation>
    </message>
    <message>
        <source>falling satisfaction</source>
        <translation>满意度下降</translation>
    </message>
    <message>
        <source>Days since last order</source>
        <translation>距最近订单天数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>毛利</translation>
    </message>
    <message>
        <source>Aggregating the orders</source>
        <translation>正在汇总订单</translation>
    </message>
    <message>
        <source>Finding the parts bought together</source>
        <translation>正在寻找一起购买的零件</translation>
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
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>距今天数</translation>
    </message>
    <message>
        <source>ABC</source>
        <translation>ABC 类</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Share of revenue of the customers up to and including this one</source>
        <translation>截至并包括本顾客的销售额累计占比</translation>
    </message>
    <message>
        <source>RFM</source>
        <translation>RFM</translation>
    </message>
    <message>
        <source>Recency, frequency, monetary scores 1–5</source>
        <translation>最近一次、频次、金额得分 1–5</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>CLV</source>
        <translation>终身价值</translation>
    </message>
    <message>
        <source>Customer lifetime value</source>
        <translation>顾客终身价值</translation>
    </message>
    <message>
        <source>Proposed class</source>
        <translation>建议等级</translation>
    </message>
    <message>
        <source>Value class</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>流失风险</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>顾客数</translation>
    </message>
    <message>
        <source>Mean days since last order</source>
        <translation>平均距最近订单天数</translation>
    </message>
    <message>
        <source>Mean orders</source>
        <translation>平均订单数</translation>
    </message>
    <message>
        <source>Mean revenue</source>
        <translation>平均销售额</translation>
    </message>
    <message>
        <source>Mean margin</source>
        <translation>平均毛利</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>零件</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Because it buys / segment share</source>
        <translation>因已购买 / 同群购买比例</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持度</translation>
    </message>
    <message>
        <source>Confidence / share</source>
        <translation>置信度 / 比例</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>提升度</translation>
    </message>
    <message>
        <source>If a customer buys</source>
        <translation>顾客购买</translation>
    </message>
    <message>
        <source>it also buys</source>
        <translation>也会购买</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Value table</source>
        <translation>价值表</translation>
    </message>
    <message>
        <source>Pareto (ABC)</source>
        <translation>帕累托 (ABC)</translation>
    </message>
    <message>
        <source>RFM map</source>
        <translation>RFM 图</translation>
    </message>
    <message>
        <source>Cross-sell</source>
        <translation>交叉销售</translation>
    </message>
    <message>
        <source>Viewing the value analysis needs the permission crm.view.</source>
        <translation>查看价值分析需要权限 crm.view。</translation>
    </message>
    <message>
        <source>Choose the parameters and press Analyse.</source>
        <translation>选择参数后点击“分析”。</translation>
    </message>
    <message>
        <source>%1 with m = yearly margin (window margin × 365 / %2 days), r = %3, i = %4: CLV = m × %3 / (1 + %4 − %3) = m × %5</source>
        <translation>%1，其中 m＝年毛利（时间窗毛利 × 365 / %2 天），r＝%3，i＝%4：CLV = m × %3 / (1 + %4 − %3) = m × %5</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <source>Customer value analysis</source>
        <translation>顾客价值分析</translation>
    </message>
    <message>
        <source>The analysis was cancelled.</source>
        <translation>分析已取消。</translation>
    </message>
    <message>
        <source>No customer has an order up to %1: enter or import orders first.</source>
        <translation>截至 %1 没有顾客有订单：请先录入或导入订单。</translation>
    </message>
    <message>
        <source>%1 customers, revenue %2, margin %3 in the window %4 – %5; %6 at risk.</source>
        <translation>时间窗 %4 – %5 内 %1 个顾客，销售额 %2，毛利 %3；%6 个有流失风险。</translation>
    </message>
    <message>
        <source>Value class saved: %1.</source>
        <translation>价值等级已保存：%1。</translation>
    </message>
</context>
<context>
    <name>ValueTableTab</name>
    <message>
        <source>Filter by code or name (Ctrl+F)</source>
        <translation>按代码或名称筛选 (Ctrl+F)</translation>
    </message>
    <message>
        <source>All ABC classes</source>
        <translation>全部 ABC 类</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>%1 类</translation>
    </message>
    <message>
        <source>All value classes</source>
        <translation>全部价值等级</translation>
    </message>
    <message>
        <source>No class yet</source>
        <translation>尚无等级</translation>
    </message>
    <message>
        <source>At risk only</source>
        <translation>仅流失风险</translation>
    </message>
    <message>
        <source>Clear the RFM cell filter</source>
        <translation>清除 RFM 格子筛选</translation>
    </message>
    <message>
        <source>Decide value class…</source>
        <translation>确定价值等级…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>%1 / %2 个顾客</translation>
    </message>
    <message>
        <source>Deciding needs the permission crm.value.</source>
        <translation>确定价值等级需要权限 crm.value。</translation>
    </message>
    <message>
        <source>All segments</source>
        <translation>全部分群</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>分群 %1</translation>
    </message>
    <message>
        <source>R %1 × F %2  ✕</source>
        <translation>R %1 × F %2  ✕</translation>
    </message>
    <message>
        <source>Export the value table</source>
        <translation>导出价值表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>%1 customers written to %2</source>
        <translation>已将 %1 个顾客写入 %2</translation>
    </message>
</context>
</TS>