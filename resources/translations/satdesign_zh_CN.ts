<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>DesignTab</name>
    <message>
        <source>New survey…</source>
        <translation>新建问卷…</translation>
    </message>
    <message>
        <source>New version</source>
        <translation>新建版本</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Survey:</source>
        <translation>问卷：</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
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
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Children weighted</source>
        <translation>下级权重方法</translation>
    </message>
    <message>
        <source>Importance asked</source>
        <translation>询问重要性</translation>
    </message>
    <message>
        <source>Add child (Ins)</source>
        <translation>添加下级 (Ins)</translation>
    </message>
    <message>
        <source>Delete (Del)</source>
        <translation>删除 (Del)</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>e.g. 0.3 (direct weighting)</source>
        <translation>例如 0.3（直接赋权）</translation>
    </message>
    <message>
        <source>direct</source>
        <translation>直接赋权</translation>
    </message>
    <message>
        <source>AHP</source>
        <translation>层次分析法</translation>
    </message>
    <message>
        <source>from the data</source>
        <translation>由数据推导</translation>
    </message>
    <message>
        <source>Also ask how important it is</source>
        <translation>同时询问其重要程度</translation>
    </message>
    <message>
        <source>Save node</source>
        <translation>保存节点</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <source>Chinese text:</source>
        <translation>中文题目：</translation>
    </message>
    <message>
        <source>English text:</source>
        <translation>英文题目：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Children weighted:</source>
        <translation>下级权重方法：</translation>
    </message>
    <message>
        <source>Save AHP judgements</source>
        <translation>保存两两比较判断</translation>
    </message>
    <message>
        <source>AHP pairwise comparisons</source>
        <translation>AHP 两两比较</translation>
    </message>
    <message>
        <source>Children of %1: how much more important is the row than the column? Type the upper triangle (3, 1/5 …).</source>
        <translation>%1 的下级：行相对于列重要多少？请填写上三角（3、1/5 …）。</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>F2 or a double click edits the code, the texts or the weight in place.</source>
        <translation>按 F2 或双击可直接在单元格中修改代码、题目文字或权重。</translation>
    </message>
    <message>
        <source>Attribute (English)</source>
        <translation>属性（英文）</translation>
    </message>
    <message>
        <source>If present</source>
        <translation>具备时</translation>
    </message>
    <message>
        <source>If present (English)</source>
        <translation>具备时（英文）</translation>
    </message>
    <message>
        <source>If absent</source>
        <translation>不具备时</translation>
    </message>
    <message>
        <source>If absent (English)</source>
        <translation>不具备时（英文）</translation>
    </message>
    <message>
        <source>Add Kano pair…</source>
        <translation>添加 Kano 题对…</translation>
    </message>
    <message>
        <source>Delete Kano pair</source>
        <translation>删除 Kano 题对</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move the Kano pair up (Ctrl+Up)</source>
        <translation>上移该 Kano 问题对（Ctrl+↑）</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Move the Kano pair down (Ctrl+Down)</source>
        <translation>下移该 Kano 问题对（Ctrl+↓）</translation>
    </message>
    <message>
        <source>Save NPS question</source>
        <translation>保存 NPS 题目</translation>
    </message>
    <message>
        <source>Kano pairs and the NPS question</source>
        <translation>Kano 题对与 NPS 题目</translation>
    </message>
    <message>
        <source>NPS (Chinese):</source>
        <translation>NPS（中文）：</translation>
    </message>
    <message>
        <source>NPS (English):</source>
        <translation>NPS（英文）：</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>released</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Version %1 (%2)</source>
        <translation>第 %1 版（%2）</translation>
    </message>
    <message>
        <source>editable draft</source>
        <translation>可编辑的草稿</translation>
    </message>
    <message>
        <source>read-only: released versions are frozen</source>
        <translation>只读：已发布的版本已冻结</translation>
    </message>
    <message>
        <source>read-only: you may not change survey designs</source>
        <translation>只读：您无权修改问卷设计</translation>
    </message>
    <message>
        <source>Survey %1 created with a draft version 1.</source>
        <translation>已创建问卷 %1，含草稿第 1 版。</translation>
    </message>
    <message>
        <source>Version %1 is a draft copied from version %2.</source>
        <translation>第 %1 版是从第 %2 版复制的草稿。</translation>
    </message>
    <message>
        <source>Released: the version is frozen; waves can ask it.</source>
        <translation>已发布：该版本已冻结，可用于调查批次。</translation>
    </message>
    <message>
        <source>Retired: no new wave asks this version.</source>
        <translation>已停用：新的调查批次不再使用该版本。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>New dimension</source>
        <translation>新维度</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新题目</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>删除 %1</translation>
    </message>
    <message>
        <source>Deleted %1 (Ctrl+Z brings it back).</source>
        <translation>已删除 %1（Ctrl+Z 可恢复）。</translation>
    </message>
    <message>
        <source>move %1</source>
        <translation>移动 %1</translation>
    </message>
    <message>
        <source>edit %1</source>
        <translation>编辑 %1</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Select a goal or dimension to weigh its children.</source>
        <translation>请选择总目标或维度，为其下级赋权。</translation>
    </message>
    <message>
        <source>Not a value of Saaty's 1–9 scale: %1</source>
        <translation>不是 Saaty 1–9 标度的值：%1</translation>
    </message>
    <message>
        <source>%1 comparison(s) still to enter.</source>
        <translation>还有 %1 个比较未填写。</translation>
    </message>
    <message>
        <source>Weights: %1 · CR = %2</source>
        <translation>权重：%1 · CR = %2</translation>
    </message>
    <message>
        <source>(≥ 0.10: inconsistent — revise the judgements)</source>
        <translation>（≥ 0.10：不一致——请修改判断）</translation>
    </message>
    <message>
        <source>AHP judgements saved.</source>
        <translation>两两比较判断已保存。</translation>
    </message>
    <message>
        <source>Add Kano pair</source>
        <translation>添加 Kano 题对</translation>
    </message>
    <message>
        <source>Code (e.g. K7):</source>
        <translation>代码（例如 K7）：</translation>
    </message>
    <message>
        <source>Attribute (Chinese):</source>
        <translation>属性（中文）：</translation>
    </message>
    <message>
        <source>Attribute (English, may stay empty):</source>
        <translation>属性（英文，可留空）：</translation>
    </message>
    <message>
        <source>Delete the Kano pair %1?</source>
        <translation>删除 Kano 题对 %1？</translation>
    </message>
    <message>
        <source>NPS question saved.</source>
        <translation>NPS 题目已保存。</translation>
    </message>
    <message>
        <source>Survey design</source>
        <translation>问卷设计</translation>
    </message>
</context>
<context>
    <name>NewSurveyDialog</name>
    <message>
        <source>New survey</source>
        <extracomment>the two Kano questions of an attribute, as printed on the questionnaire (Kano 1984 wording)</extracomment>
        <translation>新建问卷</translation>
    </message>
    <message>
        <source>Periodic satisfaction survey</source>
        <translation>定期满意度调查</translation>
    </message>
    <message>
        <source>Transaction survey</source>
        <translation>事务调查（投诉或交付后）</translation>
    </message>
    <message>
        <source>Kano study</source>
        <translation>Kano 研究</translation>
    </message>
    <message>
        <source>Lost-customer survey</source>
        <translation>流失顾客调查</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>代码：</translation>
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
        <source>Purpose:</source>
        <translation>用途：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>量表：</translation>
    </message>
</context>
</TS>