<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Evaluation</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Previous grade</source>
        <translation>上期等级</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Periods in grade</source>
        <translation>连续期数</translation>
    </message>
    <message>
        <source>QMS certificate</source>
        <translation>体系证书</translation>
    </message>
    <message>
        <source>Overdue SCARs</source>
        <translation>逾期纠正措施</translation>
    </message>
    <message>
        <source>Agreement breaches</source>
        <translation>协议违约</translation>
    </message>
    <message>
        <source>How often a target clause of the quality agreement in force was missed in this period (agreement targets against actuals); empty = no agreed target applies</source>
        <translation>本期内现行质量协议目标条款未达成的次数（质量协议目标与实绩对比）；空白表示没有适用的协议目标</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Why the actions differ</source>
        <translation>措施调整原因</translation>
    </message>
    <message>
        <source>Missing indicators</source>
        <translation>缺失指标</translation>
    </message>
    <message>
        <source>Lot pass rate</source>
        <extracomment>foreground (text, chart points) and a light background per grade: A green, B blue, C amber, D red</extracomment>
        <translation>批次合格率</translation>
    </message>
    <message>
        <source>PPM</source>
        <translation>PPM</translation>
    </message>
    <message>
        <source>On-time delivery</source>
        <translation>供货及时率</translation>
    </message>
    <message>
        <source>Order fulfilment</source>
        <translation>订货满足率</translation>
    </message>
    <message>
        <source>Service (corrective actions)</source>
        <translation>服务（纠正措施）</translation>
    </message>
    <message>
        <source>Price index</source>
        <translation>价格指数</translation>
    </message>
    <message>
        <source>accepted lots</source>
        <translation>合格批次</translation>
    </message>
    <message>
        <source>inspected lots</source>
        <translation>检验批次</translation>
    </message>
    <message>
        <source>defective units</source>
        <translation>不合格数</translation>
    </message>
    <message>
        <source>units received</source>
        <translation>收货数量</translation>
    </message>
    <message>
        <source>on-time deliveries</source>
        <translation>及时交货次数</translation>
    </message>
    <message>
        <source>deliveries</source>
        <translation>交货次数</translation>
    </message>
    <message>
        <source>quantity delivered</source>
        <translation>交付数量</translation>
    </message>
    <message>
        <source>quantity ordered</source>
        <translation>订货数量</translation>
    </message>
    <message>
        <source>requests answered on time</source>
        <translation>按期回复的纠正措施</translation>
    </message>
    <message>
        <source>requests due</source>
        <translation>到期的纠正措施</translation>
    </message>
    <message>
        <source>amount at actual price</source>
        <translation>实际价格金额</translation>
    </message>
    <message>
        <source>amount at standard price</source>
        <translation>标准价格金额</translation>
    </message>
    <message>
        <source>Preferred supplier</source>
        <translation>优先供应商</translation>
    </message>
    <message>
        <source>Larger order share</source>
        <translation>增加订单份额</translation>
    </message>
    <message>
        <source>Reduced inspection</source>
        <translation>放宽检验</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保持合作</translation>
    </message>
    <message>
        <source>Normal inspection</source>
        <translation>正常检验</translation>
    </message>
    <message>
        <source>Improvement plan</source>
        <translation>限期改进</translation>
    </message>
    <message>
        <source>Tightened inspection</source>
        <translation>加严检验</translation>
    </message>
    <message>
        <source>Smaller order share</source>
        <translation>减少订单份额</translation>
    </message>
    <message>
        <source>Stop new orders</source>
        <translation>暂停新订单</translation>
    </message>
    <message>
        <source>Re-audit</source>
        <translation>重新审核</translation>
    </message>
    <message>
        <source>Disqualify</source>
        <translation>取消供货资格</translation>
    </message>
    <message>
        <source>No score: review</source>
        <translation>本期无评分，需核查</translation>
    </message>
    <message>
        <source>No orders</source>
        <translation>不分配订单</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上升</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下降</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>持平</translation>
    </message>
    <message>
        <source>New</source>
        <translation>首次</translation>
    </message>
    <message>
        <source>Weighted scoring</source>
        <translation>综合评分法</translation>
    </message>
    <message>
        <source>Demerit scoring</source>
        <translation>不合格评分法</translation>
    </message>
    <message>
        <source>Fuzzy comprehensive evaluation</source>
        <translation>模糊综合评价</translation>
    </message>
    <message>
        <source>re-weight the indicators present</source>
        <translation>按现有指标重新分配权重</translation>
    </message>
    <message>
        <source>no score when an indicator is missing</source>
        <translation>缺少指标时不评分</translation>
    </message>
    <message>
        <source>all indicators present</source>
        <translation>指标齐全</translation>
    </message>
    <message>
        <source>weights re-normalised over the indicators present</source>
        <translation>已按现有指标重新归一化权重</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>critical defects</source>
        <translation>致命缺陷</translation>
    </message>
    <message>
        <source>major defects</source>
        <translation>严重缺陷</translation>
    </message>
    <message>
        <source>minor defects</source>
        <translation>轻微缺陷</translation>
    </message>
    <message>
        <source>rejected lots</source>
        <translation>拒收批次</translation>
    </message>
    <message>
        <source>late deliveries</source>
        <translation>延迟交货</translation>
    </message>
    <message>
        <source>overdue corrective actions</source>
        <translation>逾期纠正措施</translation>
    </message>
    <message>
        <source>No current source: find a supplier</source>
        <extracomment>Supplier-count strategy per item (app.engines.grading.sourcing_strategy), most urgent first.</extracomment>
        <translation>无在供货源，需开发供应商</translation>
    </message>
    <message>
        <source>Develop new sources</source>
        <translation>开发新供应商</translation>
    </message>
    <message>
        <source>Develop a second source</source>
        <translation>开发第二货源</translation>
    </message>
    <message>
        <source>Urge improvement and seek a better supplier</source>
        <translation>督促改进并寻找更优供应商</translation>
    </message>
    <message>
        <source>Phase out grade D</source>
        <translation>淘汰 D 级供应商</translation>
    </message>
    <message>
        <source>No graded source: review</source>
        <translation>在供供应商本期无评分，需核查</translation>
    </message>
    <message>
        <source>Shift share to the best supplier</source>
        <translation>订单份额向最优供应商倾斜</translation>
    </message>
    <message>
        <source>Maintain</source>
        <translation>维持现有供应格局</translation>
    </message>
    <message>
        <source>Single source acceptable</source>
        <translation>单一货源可接受</translation>
    </message>
    <message>
        <source>No approved supplier with an active link delivers this item: find one.</source>
        <extracomment>Why the strategy was chosen (tooltips), after domain.md §2.1 and §2.8.</extracomment>
        <translation>没有供货关系有效的已认可供应商供应此物料，需开发供应商。</translation>
    </message>
    <message>
        <source>Every graded supplier is C or D: look for new suppliers.</source>
        <translation>有评分的供应商均为 C 级或 D 级，需寻找新供应商。</translation>
    </message>
    <message>
        <source>The only graded supplier is C or D: develop a second source.</source>
        <translation>唯一有评分的供应商为 C 级或 D 级，需开发第二货源。</translation>
    </message>
    <message>
        <source>The best supplier is B with a C or D beside it: urge them to improve and look for a better one.</source>
        <translation>最好的供应商为 B 级，另有 C 级或 D 级供应商：督促其改进，同时寻找更优的供应商。</translation>
    </message>
    <message>
        <source>A supplier graded D gets no new orders: move its share to the others.</source>
        <translation>D 级供应商不再接新订单，其份额转给其他供应商。</translation>
    </message>
    <message>
        <source>No current supplier has a score this period: review the data.</source>
        <translation>在供供应商本期均无评分，需核查数据。</translation>
    </message>
    <message>
        <source>An A supplier is present: give it a larger share.</source>
        <translation>有 A 级供应商，应增加其订单份额。</translation>
    </message>
    <message>
        <source>Several suppliers of the same good grade: keep the split.</source>
        <translation>多家供应商等级相同且良好，保持现有份额分配。</translation>
    </message>
    <message>
        <source>One supplier graded A or B: a single source is acceptable.</source>
        <translation>唯一供应商为 A 级或 B 级，单一货源可接受。</translation>
    </message>
    <message>
        <source>Link inactive</source>
        <extracomment>Why a linked supplier does not count as a current source (besides its status).</extracomment>
        <translation>供货关系已停用</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月度</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Numerator</source>
        <translation>分子</translation>
    </message>
    <message>
        <source>Denominator</source>
        <translation>分母</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>指标值</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Contribution</source>
        <translation>得分贡献</translation>
    </message>
    <message>
        <source>Counted as</source>
        <translation>计算口径</translation>
    </message>
    <message>
        <source>no grade</source>
        <translation>无等级</translation>
    </message>
    <message>
        <source>Item / supplier</source>
        <translation>物料 / 供应商</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Current share</source>
        <translation>当前份额</translation>
    </message>
    <message>
        <source>Suggested share</source>
        <translation>建议份额</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>无评分</translation>
    </message>
    <message>
        <source>Suggested minus current share, in percentage points</source>
        <translation>建议份额减当前份额（百分点）</translation>
    </message>
    <message>
        <source>Not counted: {reason}</source>
        <translation>未计入：{reason}</translation>
    </message>
    <message>
        <source>Customer complaints</source>
        <translation>顾客投诉</translation>
    </message>
    <message>
        <source>customer complaints traced to the supplier</source>
        <translation>追溯至该供应商的顾客投诉</translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>Supplier performance evaluation</source>
        <translation>供应商业绩评定</translation>
    </message>
    <message>
        <source>Why this grade?</source>
        <translation>为什么是这个等级？</translation>
    </message>
    <message>
        <source>Score trend</source>
        <translation>得分趋势</translation>
    </message>
    <message>
        <source>Grade list</source>
        <translation>等级清单</translation>
    </message>
    <message>
        <source>Sourcing</source>
        <translation>货源策略</translation>
    </message>
    <message>
        <source>Supplier-count strategy and suggested order shares per item</source>
        <translation>各物料的供应商数量策略与建议订单份额</translation>
    </message>
    <message>
        <source>Evaluation scheme (active version)</source>
        <translation>评价方案（当前启用版本）</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>评定(&amp;E)</translation>
    </message>
    <message>
        <source>Grade every supplier for the selected period and store the results</source>
        <translation>对所选期间的全部供应商评分定级并保存结果</translation>
    </message>
    <message>
        <source>Evaluate every month of the year</source>
        <translation>评定全年各月</translation>
    </message>
    <message>
        <source>Evaluate the months of the selected year that are over, one after another</source>
        <translation>依次评定所选年份中已结束的各个月份</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export the grade list of the selected period</source>
        <translation>导出所选期间的等级清单</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reload the stored results (F5)</source>
        <translation>重新读取已保存的结果 (F5)</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>评价期间：</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>评价方案：</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <source>Period {period} has not been evaluated yet. Click Evaluate to grade the suppliers.</source>
        <translation>期间 {period} 尚未评定。点击“评定”为供应商评分定级。</translation>
    </message>
    <message>
        <source>Period {period} · scheme {scheme} v{version} · evaluated {when} UTC · A ≥ {a}, B ≥ {b}, C ≥ {c}</source>
        <translation>期间 {period} · 评价方案 {scheme} v{version} · 评定时间 {when} UTC · A ≥ {a}，B ≥ {b}，C ≥ {c}</translation>
    </message>
    <message>
        <source>Evaluating {period}…</source>
        <translation>正在评定 {period}…</translation>
    </message>
    <message>
        <source>Evaluating suppliers</source>
        <translation>正在评定供应商</translation>
    </message>
    <message>
        <source>No month of {year} is over yet.</source>
        <translation>{year} 年还没有已结束的月份。</translation>
    </message>
    <message>
        <source>Evaluating {period} ({i} of {n})…</source>
        <translation>正在评定 {period}（第 {i} 个，共 {n} 个）…</translation>
    </message>
    <message>
        <source>Evaluated {count} period(s); {period}: {scored} of {suppliers} suppliers scored in {seconds} s.</source>
        <translation>已评定 {count} 个期间；{period}：{suppliers} 家供应商中 {scored} 家有评分，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <source>Evaluation failed</source>
        <translation>评定失败</translation>
    </message>
    <message>
        <source>Cancelled after {done} of {total} period(s).</source>
        <translation>已取消：{total} 个期间中已完成 {done} 个。</translation>
    </message>
    <message>
        <source>Export the sourcing plan of the selected period</source>
        <translation>导出所选期间的货源策略</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Export the sourcing plan</source>
        <translation>导出货源策略</translation>
    </message>
    <message>
        <source>Export the grade list</source>
        <translation>导出等级清单</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Evaluate the year</source>
        <translation>评定全年各月</translation>
    </message>
</context>
<context>
    <name>GradeListView</name>
    <message>
        <source>Filter by code, name or action…</source>
        <translation>按代码、名称或措施筛选…</translation>
    </message>
    <message>
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Grade {grade}</source>
        <translation>{grade} 级</translation>
    </message>
    <message>
        <source>No score</source>
        <translation>无评分</translation>
    </message>
    <message>
        <source>{total} suppliers: {grades} · no score {none}</source>
        <translation>{total} 家供应商：{grades} · 无评分 {none}</translation>
    </message>
    <message>
        <source>{n} with actions changed</source>
        <translation>{n} 家措施已调整</translation>
    </message>
    <message>
        <source>(showing {n})</source>
        <translation>（显示 {n} 家）</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Supplier evaluation</source>
        <translation>供应商业绩评定</translation>
    </message>
</context>
<context>
    <name>SourcingView</name>
    <message>
        <source>Filter by item or supplier code or name…</source>
        <translation>按物料或供应商的代码、名称筛选…</translation>
    </message>
    <message>
        <source>Show the items with one strategy</source>
        <translation>只显示某一策略的物料</translation>
    </message>
    <message>
        <source>Loading the sourcing plan</source>
        <translation>正在读取货源策略</translation>
    </message>
    <message>
        <source>Loading was cancelled; press F5 to load again.</source>
        <translation>读取已取消；按 F5 重新读取。</translation>
    </message>
    <message>
        <source>All strategies</source>
        <translation>全部策略</translation>
    </message>
    <message>
        <source>Loading the sourcing plan of {period}…</source>
        <translation>正在读取 {period} 的货源策略…</translation>
    </message>
    <message>
        <source>Period {period} has not been evaluated yet.</source>
        <translation>期间 {period} 尚未评定。</translation>
    </message>
    <message>
        <source>{items} items · {links} current supply links · {urgent} need a new source</source>
        <translation>物料 {items} 项 · 在供关系 {links} 条 · {urgent} 项需开发货源</translation>
    </message>
    <message>
        <source>(showing {n})</source>
        <translation>（显示 {n} 项）</translation>
    </message>
    <message>
        <source>Suggested share = grade weight × score, shared out per item (weights {weights}, scheme {scheme} v{version}); grade D gets no new orders while the item has another graded source (sole D sources are shared by score until a new one is found). Current suppliers: active link and approved or conditionally approved; linked suppliers that do not count are greyed, with the reason. Double-click a supplier to see why it got its grade.</source>
        <translation>建议份额 = 等级权重 × 得分，按物料分配（权重 {weights}，评价方案 {scheme} v{version}）；物料有其他已评级货源时 D 级不再下新订单（仅有 D 级货源时按得分分配，直至开发出新货源）。在供供应商：供货关系有效且状态为已认可或有条件认可；不计入的关联供应商以灰色显示并注明原因。双击供应商可查看其等级的由来。</translation>
    </message>
</context>
<context>
    <name>TracePanel</name>
    <message>
        <source>Select a supplier to see how its score was calculated.</source>
        <translation>选择一家供应商，查看其得分的计算过程。</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>未评分</translation>
    </message>
    <message>
        <source>Score {score} → grade {grade} (A ≥ {a}, B ≥ {b}, C ≥ {c}, below C is D)</source>
        <translation>得分 {score} → 等级 {grade}（A ≥ {a}，B ≥ {b}，C ≥ {c}，低于 C 为 D）</translation>
    </message>
    <message>
        <source>Previous grade {grade}; {n} period(s) in the current grade</source>
        <translation>上期等级 {grade}；当前等级已连续 {n} 期</translation>
    </message>
    <message>
        <source>Scheme {name} version {version} · method: {method}</source>
        <translation>评价方案 {name} 第 {version} 版 · 方法：{method}</translation>
    </message>
    <message>
        <source>Missing indicators: {list} · rule: {policy} · applied: {treatment}</source>
        <translation>缺失指标：{list} · 规则：{policy} · 本期处理：{treatment}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Fuzzy membership: {values}</source>
        <translation>模糊隶属度：{values}</translation>
    </message>
    <message>
        <source>Demerits: {items}</source>
        <translation>扣分项：{items}</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Select a supplier to see its score over the evaluated periods.</source>
        <translation>选择一家供应商，查看其各评价期间的得分。</translation>
    </message>
    <message>
        <source>No stored results for this supplier.</source>
        <translation>该供应商没有已保存的评定结果。</translation>
    </message>
    <message>
        <source>{n} periods, {scored} scored; the larger point is the selected period.</source>
        <translation>共 {n} 个期间，{scored} 个有评分；较大的点为所选期间。</translation>
    </message>
</context>
</TS>