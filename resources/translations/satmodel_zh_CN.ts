<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ModelTab</name>
    <message>
        <source>Survey version:</source>
        <translation>问卷版本：</translation>
    </message>
    <message>
        <source>CCSI</source>
        <translation>CCSI</translation>
    </message>
    <message>
        <source>ACSI</source>
        <translation>ACSI</translation>
    </message>
    <message>
        <source>ECSI</source>
        <translation>ECSI</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Replace the blocks and paths with the standard model</source>
        <translation>用标准模型替换潜变量和路径</translation>
    </message>
    <message>
        <source>Keep the blocks and paths and edit them as this version's own model</source>
        <translation>保留潜变量和路径，作为本版本的自定义模型编辑</translation>
    </message>
    <message>
        <source>New block name</source>
        <translation>新潜变量名称</translation>
    </message>
    <message>
        <source>Add &amp;block</source>
        <translation>添加潜变量(&amp;B)</translation>
    </message>
    <message>
        <source>Delete block</source>
        <translation>删除潜变量</translation>
    </message>
    <message>
        <source>Blocks (latent variables)</source>
        <translation>潜变量</translation>
    </message>
    <message>
        <source>Add &amp;path</source>
        <translation>添加路径(&amp;P)</translation>
    </message>
    <message>
        <source>Delete path</source>
        <translation>删除路径</translation>
    </message>
    <message>
        <source>Paths</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Indicators and the block each measures</source>
        <translation>指标及其测量的潜变量</translation>
    </message>
    <message>
        <source>Validation:</source>
        <translation>校验：</translation>
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
        <source>Delete</source>
        <translation>删除</translation>
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
        <source>%1 %2 · version %3 (%4)</source>
        <translation>%1 %2 · 第 %3 版（%4）</translation>
    </message>
    <message>
        <source>No survey yet.</source>
        <translation>尚无问卷。</translation>
    </message>
    <message>
        <source>This version is released and frozen: make a new version to change its model.</source>
        <translation>此版本已发布并冻结：如需修改模型，请新建版本。</translation>
    </message>
    <message>
        <source>Editing the model needs the permission satisfaction.design.</source>
        <translation>编辑模型需要权限 satisfaction.design。</translation>
    </message>
    <message>
        <source>Draft: edit the blocks (double-click a cell), the paths and the indicators' blocks; Ctrl+Z undoes the last edit.</source>
        <translation>草稿：可编辑潜变量（双击单元格）、路径及指标所属潜变量；Ctrl+Z 撤销上一步。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Chinese label</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English label</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>指标数</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>潜变量</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (unknown block)</source>
        <translation>%1（未知潜变量）</translation>
    </message>
    <message>
        <source>Model valid: a wave of this version may start.</source>
        <translation>模型有效：可以开始此版本的调查批次。</translation>
    </message>
    <message>
        <source>Standard model</source>
        <translation>标准模型</translation>
    </message>
    <message>
        <source>Replace the blocks and paths of this version with the standard model?</source>
        <translation>用标准模型替换此版本的潜变量和路径？</translation>
    </message>
    <message>
        <source>Apply %1</source>
        <translation>应用 %1</translation>
    </message>
    <message>
        <source>Add block</source>
        <translation>添加潜变量</translation>
    </message>
    <message>
        <source>Add path</source>
        <translation>添加路径</translation>
    </message>
    <message>
        <source>Assign indicator</source>
        <translation>指定指标</translation>
    </message>
    <message>
        <source>Edit block</source>
        <translation>编辑潜变量</translation>
    </message>
</context>
<context>
    <name>PlanTab</name>
    <message>
        <source>Plan a wave</source>
        <translation>计划调查批次</translation>
    </message>
    <message>
        <source>%1 %2 · version %3</source>
        <translation>%1 %2 · 第 %3 版</translation>
    </message>
    <message>
        <source>Survey version:</source>
        <translation>问卷版本：</translation>
    </message>
    <message>
        <source>Wave code:</source>
        <translation>批次代码：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>期间：</translation>
    </message>
    <message>
        <source>important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>potential</source>
        <translation>潜力</translation>
    </message>
    <message>
        <source>ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>management</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <source>engineering</source>
        <translation>工程</translation>
    </message>
    <message>
        <source>Value classes</source>
        <translation>价值等级</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Contact groups</source>
        <translation>联系人分组</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>调查对象：</translation>
    </message>
    <message>
        <source>&amp;Plan wave</source>
        <translation>计划批次(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Open wave</source>
        <translation>开始批次(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Close wave</source>
        <translation>结束批次(&amp;C)</translation>
    </message>
    <message>
        <source>Planning waves needs the permission satisfaction.design.</source>
        <translation>计划调查批次需要权限 satisfaction.design。</translation>
    </message>
    <message>
        <source>%1 target(s) chosen by these filters</source>
        <translation>按这些条件选中 %1 个调查对象</translation>
    </message>
    <message>
        <source>planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Wave</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>问卷</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>调查对象</translation>
    </message>
    <message>
        <source>Wave %1 planned with %2 target(s).</source>
        <translation>已计划批次 %1，共 %2 个调查对象。</translation>
    </message>
    <message>
        <source>Select a wave first.</source>
        <translation>请先选择一个批次。</translation>
    </message>
    <message>
        <source>The wave is open: answers may be entered or imported.</source>
        <translation>批次已开始：可以录入或导入答卷。</translation>
    </message>
    <message>
        <source>The wave is closed.</source>
        <translation>批次已结束。</translation>
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
</TS>