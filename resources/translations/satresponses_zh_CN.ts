<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>EntryGrid</name>
    <message>
        <source>importance</source>
        <extracomment>(contact id, name) in the order the contact column numbers them (1, 2, …)</extracomment>
        <translation>重要性</translation>
    </message>
    <message>
        <source>if present</source>
        <translation>具备时</translation>
    </message>
    <message>
        <source>if absent</source>
        <translation>不具备时</translation>
    </message>
    <message>
        <source>Customer</source>
        <extracomment>(customer id, contact id) of who already answered in the wave: refused again (row, col) -&gt; (typed text, message) for a refused cell</extracomment>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>量表</translation>
    </message>
    <message>
        <source>Row %1, customer: there is no customer with the code %2</source>
        <translation>第 %1 行，顾客：没有代码为 %2 的顾客</translation>
    </message>
    <message>
        <source>Row %1, contact: choose the customer first</source>
        <translation>第 %1 行，联系人：请先选择顾客</translation>
    </message>
    <message>
        <source>Row %1, contact: %2 is not one of the %3 contacts of %4 (type 1–%3)</source>
        <translation>第 %1 行，联系人：%2 不是 %4 的 %3 位联系人之一（请输入 1–%3）</translation>
    </message>
    <message>
        <source>Row %1, question %2: %3 is not a number; type an answer %4 (leave it blank for no answer)</source>
        <translation>第 %1 行，题目 %2：%3 不是数字；请输入 %4 的答案（未作答请留空）</translation>
    </message>
    <message>
        <source>Row %1, question %2: %3 is outside the scale %4 (leave it blank for no answer)</source>
        <translation>第 %1 行，题目 %2：%3 超出量表 %4（未作答请留空）</translation>
    </message>
    <message>
        <source>Paste %1 row(s)</source>
        <translation>粘贴 %1 行</translation>
    </message>
    <message>
        <source>Row %1: %2 has already answered in this wave</source>
        <translation>第 %1 行：%2 已在本轮调查中作答</translation>
    </message>
    <message>
        <source>Row %1: the same respondent as row %2</source>
        <translation>第 %1 行：与第 %2 行是同一答卷人</translation>
    </message>
    <message>
        <source>Row %1: choose the customer (type its code)</source>
        <translation>第 %1 行：请选择顾客（输入顾客代码）</translation>
    </message>
    <message>
        <source>Change row %1</source>
        <translation>修改第 %1 行</translation>
    </message>
    <message>
        <source>Row %1: no contact to choose (choose a customer with contacts first)</source>
        <translation>第 %1 行：没有可选的联系人（请先选择有联系人的顾客）</translation>
    </message>
    <message>
        <source>Choose</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Type to filter</source>
        <translation>输入以筛选</translation>
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
        <source>Save responses</source>
        <translation>保存答卷</translation>
    </message>
    <message>
        <source>Type the customer code, Enter, the contact's number, Enter, then the answers; blank = no answer.</source>
        <translation>输入顾客代码并回车，再输入联系人序号并回车，然后录入各题答案；留空表示未作答。</translation>
    </message>
    <message>
        <source>%1 respondent(s)</source>
        <translation>%1 位答卷人</translation>
    </message>
    <message>
        <source>Nothing to save: no respondent typed yet.</source>
        <translation>无可保存内容：尚未录入任何答卷人。</translation>
    </message>
    <message>
        <source>%1 response(s) saved.</source>
        <translation>已保存 %1 份答卷。</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Map the file's columns</source>
        <translation>映射文件的列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Customer code (required)</source>
        <translation>顾客代码（必填）</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人姓名</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>The scale of every question is the survey's; answers outside it are refused.</source>
        <translation>每道题的量表以问卷为准；超出量表的答案将被拒绝。</translation>
    </message>
    <message>
        <source>Choose the column with the customer code.</source>
        <translation>请选择顾客代码所在的列。</translation>
    </message>
    <message>
        <source>Map at least one question.</source>
        <translation>请至少映射一道题目。</translation>
    </message>
    <message>
        <source>The column %1 is used for both %2 and %3.</source>
        <translation>列 %1 同时用于 %2 和 %3。</translation>
    </message>
</context>
<context>
    <name>ResponsesView</name>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>作答数</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>%1 respondent(s); the wave has no targets</source>
        <translation>%1 位答卷人；本轮调查没有调查对象</translation>
    </message>
    <message>
        <source>%1 of %2 targets answered (response rate %3 %)</source>
        <translation>%2 个调查对象中 %1 个已作答（回收率 %3 %）</translation>
    </message>
</context>
</TS>