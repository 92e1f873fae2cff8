<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisTab</name>
    <message>
        <source>Wave:</source>
        <extracomment>the usual thresholds of the measurement model (Fornell &amp; Larcker 1981 for the AVE; Hair et al., "A primer on PLS-SEM", for the composite reliability)</extracomment>
        <translation>调查批次：</translation>
    </message>
    <message>
        <source>Bootstrap:</source>
        <translation>自助法：</translation>
    </message>
    <message>
        <source>Resamples of the path coefficients (0 = no bootstrap)</source>
        <translation>路径系数的重抽样次数（0 = 不做自助法）</translation>
    </message>
    <message>
        <source>&amp;Analyse</source>
        <translation>分析(&amp;A)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save chart…</source>
        <translation>保存图表…</translation>
    </message>
    <message>
        <source>Indices</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量模型</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Priorities</source>
        <translation>优先改进</translation>
    </message>
    <message>
        <source>Kano</source>
        <translation>Kano</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>质量检查</translation>
    </message>
    <message>
        <source>Path diagram</source>
        <translation>路径图</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部顾客</translation>
    </message>
    <message>
        <source>By value class</source>
        <translation>按价值等级</translation>
    </message>
    <message>
        <source>By industry</source>
        <translation>按行业</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>按地区</translation>
    </message>
    <message>
        <source>Latent variables</source>
        <translation>潜变量</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>The index per latent variable of the CSI model or per dimension of the indicator tree</source>
        <translation>按 CSI 模型的潜变量或按指标体系的维度显示指数</translation>
    </message>
    <message>
        <source>Index:</source>
        <translation>指数：</translation>
    </message>
    <message>
        <source>Customers:</source>
        <translation>顾客：</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Importance–performance</source>
        <translation>重要性-绩效</translation>
    </message>
    <message>
        <source>Kano Better–Worse</source>
        <translation>Kano Better–Worse</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <source>A negative outer weight: this question pulls its block's score down as its answers rise, so the block's 0–100 index is not defined. Usually the question measures something else or repeats another one: review it or take it out of the block.</source>
        <translation>外部权重为负：该题得分越高，所在潜变量的得分反而越低，因此该潜变量的 0–100 指数无定义。通常是该题测量的是别的内容，或与另一题重复：请检查该题，或将其移出该潜变量。</translation>
    </message>
    <message>
        <source>Under 0.5: the block's questions explain less than half of its variance</source>
        <translation>低于 0.5：该潜变量的题目对其方差的解释不足一半</translation>
    </message>
    <message>
        <source>Under 0.7: the block's questions agree poorly</source>
        <translation>低于 0.7：该潜变量的题目之间一致性偏低</translation>
    </message>
    <message>
        <source>Thresholds: AVE ≥ 0.5 (Fornell &amp; Larcker 1981), composite reliability ≥ 0.7 (Hair et al., A primer on PLS-SEM); values under them are red. Outer weights must be positive for the 0–100 index.</source>
        <translation>判断标准：AVE ≥ 0.5（Fornell &amp; Larcker 1981），组合信度 ≥ 0.7（Hair 等，《A primer on PLS-SEM》）；低于标准的数值显示为红色。外部权重须为正，0–100 指数才有定义。</translation>
    </message>
    <message>
        <source>one question: not assessed</source>
        <translation>仅一道题：不作判断</translation>
    </message>
    <message>
        <source>AVE under 0.5</source>
        <translation>AVE 低于 0.5</translation>
    </message>
    <message>
        <source>composite reliability under 0.7</source>
        <translation>组合信度低于 0.7</translation>
    </message>
    <message>
        <source>both met</source>
        <translation>两项均达标</translation>
    </message>
    <message>
        <source>%1 · %2 (%3 answers, still open)</source>
        <translation>%1 · %2（%3 份答卷，仍在进行）</translation>
    </message>
    <message>
        <source>%1 · %2 (%3 answers)</source>
        <translation>%1 · %2（%3 份答卷）</translation>
    </message>
    <message>
        <source>No survey wave has answers yet: enter or import the answers of a wave first.</source>
        <translation>尚无已有答卷的调查批次：请先录入或导入某一批次的答卷。</translation>
    </message>
    <message>
        <source>Analysing needs the permission satisfaction.analyse.</source>
        <translation>分析需要权限 satisfaction.analyse。</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <source>Analysing the survey wave</source>
        <translation>正在分析调查批次</translation>
    </message>
    <message>
        <source>The analysis was cancelled.</source>
        <translation>分析已取消。</translation>
    </message>
    <message>
        <source>%1 answers of %2 asked (response rate %3)</source>
        <translation>调查 %2 个对象，收回 %1 份（回收率 %3）</translation>
    </message>
    <message>
        <source>weighted CSI %1</source>
        <translation>加权 CSI %1</translation>
    </message>
    <message>
        <source>NPS %1</source>
        <translation>NPS %1</translation>
    </message>
    <message>
        <source>PLS on %1 complete answers</source>
        <translation>PLS 使用 %1 份完整答卷</translation>
    </message>
    <message>
        <source>bootstrap %1 of %2 resamples used (sign-corrected per block)</source>
        <translation>自助法 %2 次重抽样中有效 %1 次（按潜变量做符号校正）</translation>
    </message>
    <message>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>latent variable</source>
        <translation>潜变量</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Performance (0–100)</source>
        <translation>绩效 (0–100)</translation>
    </message>
    <message>
        <source>|Worse| (dissatisfaction when absent)</source>
        <translation>|Worse|（不具备时的不满意）</translation>
    </message>
    <message>
        <source>Better (satisfaction when present)</source>
        <translation>Better（具备时的满意）</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答卷数</translation>
    </message>
    <message>
        <source>Computing the trend per segment…</source>
        <translation>正在按细分计算趋势…</translation>
    </message>
    <message>
        <source>Trend per customer segment</source>
        <translation>按顾客细分的趋势</translation>
    </message>
    <message>
        <source>important</source>
        <translation>重要顾客</translation>
    </message>
    <message>
        <source>potential</source>
        <translation>潜力顾客</translation>
    </message>
    <message>
        <source>ordinary</source>
        <translation>一般顾客</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>流失顾客</translation>
    </message>
    <message>
        <source>No respondent has this attribute.</source>
        <translation>没有受访者具有此属性。</translation>
    </message>
    <message>
        <source>Index (0–100)</source>
        <translation>指数 (0–100)</translation>
    </message>
    <message>
        <source>Export the analysis</source>
        <translation>导出分析结果</translation>
    </message>
    <message>
        <source>Satisfaction report (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>满意度报告 (*.pdf);;Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
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
    <name>CustomerSatisfaction</name>
    <message>
        <source>Satisfaction</source>
        <extracomment>the tab's title on the customer detail (``app.views.customers.detail.TAB_FACTORIES``)</extracomment>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>调查批次</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>作答日期</translation>
    </message>
    <message>
        <source>Score (0–100)</source>
        <translation>得分 (0–100)</translation>
    </message>
    <message>
        <source>All respondents</source>
        <translation>全部受访者</translation>
    </message>
    <message>
        <source>Questions answered</source>
        <translation>已答题数</translation>
    </message>
    <message>
        <source>Would recommend (0–10)</source>
        <translation>推荐意愿 (0–10)</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>题目内容</translation>
    </message>
    <message>
        <source>Answer to</source>
        <translation>作答类型</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <source>This customer has not answered a satisfaction survey yet.</source>
        <translation>该顾客尚未参加满意度调查。</translation>
    </message>
    <message>
        <source>Score: the mean of this customer's answers on 0–100; beside it the wave's score over all respondents.</source>
        <translation>得分：该顾客各题答案换算为 0–100 后的平均值；旁边为该批次全部受访者的得分。</translation>
    </message>
    <message>
        <source>This customer</source>
        <translation>该顾客</translation>
    </message>
    <message>
        <source>Score (0–100) · %1</source>
        <translation>得分（0–100）· %1</translation>
    </message>
    <message>
        <source>Answer sheet %1</source>
        <translation>答卷 %1</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Satisfaction</source>
        <translation>顾客满意度</translation>
    </message>
</context>
<context>
    <name>SatisfactionAnalysis</name>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Index (0–100)</source>
        <translation>指数 (0–100)</translation>
    </message>
    <message>
        <source>CI low</source>
        <translation>区间下限</translation>
    </message>
    <message>
        <source>CI high</source>
        <translation>区间上限</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>n</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Coefficient</source>
        <translation>系数</translation>
    </message>
    <message>
        <source>t</source>
        <translation>t 值</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Importance</source>
        <translation>重要性</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>绩效</translation>
    </message>
    <message>
        <source>Gap (z)</source>
        <translation>差距（标准分）</translation>
    </message>
    <message>
        <source>Quadrant</source>
        <translation>象限</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Better</source>
        <translation>Better</translation>
    </message>
    <message>
        <source>Worse</source>
        <translation>Worse</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>潜变量</translation>
    </message>
    <message>
        <source>Outer weight</source>
        <translation>外部权重</translation>
    </message>
    <message>
        <source>Outer weight: the question's share of its block's score (normalised so the score has unit variance); it must not be negative</source>
        <translation>外部权重：该题在所属潜变量得分中的份额（标准化后得分方差为 1）；不得为负</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>Loading: the correlation of the question with its block's score (≥ 0.7 is usual, Hair et al.)</source>
        <translation>载荷：该题与所属潜变量得分的相关系数（通常应 ≥ 0.7，Hair 等）</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目数</translation>
    </message>
    <message>
        <source>AVE</source>
        <translation>AVE</translation>
    </message>
    <message>
        <source>Average variance extracted: at least 0.5 (Fornell &amp; Larcker 1981)</source>
        <translation>平均方差提取量：至少 0.5（Fornell &amp; Larcker 1981）</translation>
    </message>
    <message>
        <source>Composite reliability</source>
        <translation>组合信度</translation>
    </message>
    <message>
        <source>Composite reliability: at least 0.7 (Hair et al.)</source>
        <translation>组合信度：至少 0.7（Hair 等）</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>判断</translation>
    </message>
</context>
<context>
    <name>SatisfactionPage</name>
    <message>
        <source>Waves and answers</source>
        <translation>调查批次与答卷</translation>
    </message>
    <message>
        <source>CSI model</source>
        <translation>CSI 模型</translation>
    </message>
    <message>
        <source>Plan waves</source>
        <translation>批次计划</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
</context>
<context>
    <name>WavesTab</name>
    <message>
        <source>Wave:</source>
        <translation>调查批次：</translation>
    </message>
    <message>
        <source>&amp;Import answers…</source>
        <translation>导入答卷(&amp;I)…</translation>
    </message>
    <message>
        <source>%1 · %2 (%3 answers)</source>
        <translation>%1 · %2（%3 份答卷）</translation>
    </message>
    <message>
        <source>No survey wave yet.</source>
        <translation>尚无调查批次。</translation>
    </message>
    <message>
        <source>%1 of %2 asked have answered (%3).</source>
        <translation>调查对象 %2 个，已答 %1 个（%3）。</translation>
    </message>
    <message>
        <source>The wave is closed: its answers can be read and analysed, not added.</source>
        <translation>该批次已关闭：答卷可查看和分析，不能再添加。</translation>
    </message>
    <message>
        <source>Entering answers needs the permission satisfaction.respond.</source>
        <translation>录入答卷需要权限 satisfaction.respond。</translation>
    </message>
    <message>
        <source>Import answers</source>
        <translation>导入答卷</translation>
    </message>
    <message>
        <source>Answer files (*.xlsx *.csv)</source>
        <translation>答卷文件 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>%1 answer sheet(s) imported.</source>
        <translation>已导入 %1 份答卷。</translation>
    </message>
</context>
</TS>