<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnalysisTab</name>
    <message>
        <source>Measurement</source>
        <translation>测量模型</translation>
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
</context>
<context>
    <name>SatisfactionAnalysis</name>
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
</TS>