<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Controller</name>
    <message>
        <source>%1 already exists; choose another name.</source>
        <translation>%1 已存在，请换一个名称。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The task failed.</source>
        <translation>任务失败。</translation>
    </message>
    <message>
        <source>The details are in the log file %1</source>
        <translation>详细信息见日志文件 %1</translation>
    </message>
    <message>
        <source>QualityBridge — Supplier Quality &amp; Customer Relationship Management</source>
        <translation>QualityBridge — 供应商质量控制与顾客关系管理</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Check database</source>
        <translation>检查数据库(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About QualityBridge</source>
        <translation>关于 QualityBridge(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>QualityBridge</source>
        <translation>QualityBridge 质量桥</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Check database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>The check is for database files; a server database checks itself.</source>
        <translation>检查仅适用于数据库文件；服务器数据库由服务器自行检查。</translation>
    </message>
    <message>
        <source>The database is sound.</source>
        <translation>数据库完好。</translation>
    </message>
    <message>
        <source>&lt;h3&gt;QualityBridge %1&lt;/h3&gt;&lt;p&gt;Supplier quality control and customer relationship management.&lt;/p&gt;&lt;p&gt;Database: %2&lt;/p&gt;&lt;p&gt;Schema: %3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;QualityBridge 质量桥 %1&lt;/h3&gt;&lt;p&gt;供应商质量控制与顾客关系管理。&lt;/p&gt;&lt;p&gt;数据库：%2&lt;/p&gt;&lt;p&gt;数据结构版本：%3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About QualityBridge</source>
        <translation>关于 QualityBridge</translation>
    </message>
    <message>
        <source>A task is still running. Cancel it and quit?</source>
        <translation>还有任务正在运行。取消该任务并退出吗？</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
</context>
<context>
    <name>Overview</name>
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
        <translation>合格</translation>
    </message>
    <message>
        <source>Conditionally approved</source>
        <translation>有条件合格</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>取消资格</translation>
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
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日期</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩余天数</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Reload the figures (F5)</source>
        <translation>重新加载数据 (F5)</translation>
    </message>
    <message>
        <source>Certificates expired or expiring within 60 days</source>
        <translation>已过期或 60 天内到期的证书</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Approved or conditional</source>
        <translation>已认可或有条件认可</translation>
    </message>
    <message>
        <source>Purchased items</source>
        <translation>采购物料</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Open corrective actions</source>
        <translation>未关闭的纠正措施</translation>
    </message>
    <message>
        <source>Overdue corrective actions</source>
        <translation>逾期的纠正措施</translation>
    </message>
    <message>
        <source>Class {cls}: {n}</source>
        <translation>{cls} 类：{n}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Wait for a database in use:</source>
        <translation>等待正被使用的数据库：</translation>
    </message>
    <message>
        <source>How long to wait for another program that is writing to the database before saying it is in use (applies when a database is opened).</source>
        <translation>提示数据库正被使用之前，等待正在写入数据库的其他程序的时长（在打开数据库时生效）。</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Automatic (a TrueType Chinese font on this computer)</source>
        <translation>自动（使用本机的 TrueType 中文字体）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Chinese font for PDFs:</source>
        <translation>PDF 中文字体：</translation>
    </message>
    <message>
        <source>Choose a TrueType font</source>
        <translation>选择 TrueType 字体</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>The font file does not exist: %1</source>
        <translation>字体文件不存在：%1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>QualityBridge</source>
        <translation>QualityBridge</translation>
    </message>
    <message>
        <source>The details are in the log file %1</source>
        <translation>详细信息见日志文件 %1</translation>
    </message>
    <message>
        <source>Something went wrong (%1); the action was not finished.</source>
        <translation>出现了问题（%1），操作未完成。</translation>
    </message>
    <message>
        <source>Database in use</source>
        <translation>数据库正在使用中</translation>
    </message>
    <message>
        <source>%1 is in use by another program; nothing was changed. Try again when it has finished.</source>
        <translation>%1 正被其他程序使用；未做任何更改。请等其完成后重试。</translation>
    </message>
    <message>
        <source>The database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
</context>
</TS>