<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Signature</name>
    <message>
        <source>Authored</source>
        <translation>编制</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Wrong password. The signature was refused and nothing was changed.</source>
        <translation>密码错误。签名被拒绝，未作任何更改。</translation>
    </message>
    <message>
        <source>Too many failed attempts: the account is locked until {until} (UTC).</source>
        <translation>失败次数过多：账户已锁定至 {until}（UTC）。</translation>
    </message>
    <message>
        <source>This action needs your electronic signature (password and meaning).</source>
        <translation>此操作需要您的电子签名（密码和签名含义）。</translation>
    </message>
    <message>
        <source>A signature needs a signed-in user.</source>
        <translation>签名需要已登录的用户。</translation>
    </message>
    <message>
        <source>&amp;Print approval record…</source>
        <translation>打印认可记录(&amp;P)…</translation>
    </message>
    <message>
        <source>Electronic signatures:</source>
        <translation>电子签名：</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <source>Electronic signature</source>
        <translation>电子签名</translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>签名人：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Meaning:</source>
        <translation>签名含义：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Your signature binds your name, the time (UTC), the meaning and the record's current content. A later change of the record shows as "changed after signing".</source>
        <translation>您的签名将绑定您的姓名、时间（UTC）、签名含义和记录的当前内容。记录此后若被更改，将显示为“签名后已更改”。</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <source>Type your password to sign.</source>
        <translation>请输入密码以签名。</translation>
    </message>
</context>
<context>
    <name>Trail</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>created</source>
        <extracomment>Reasons the services write themselves (a person's reason is shown as typed).</extracomment>
        <translation>创建</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>evaluated</source>
        <translation>评定</translation>
    </message>
    <message>
        <source>settings changed</source>
        <translation>设置更改</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Id</source>
        <extracomment>Column names the trail records, as people call them (shared by the supplier records).</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Importance class</source>
        <translation>重要性分类</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>合作关系</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Approval valid until</source>
        <translation>认可有效期至</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Created at</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发出日期</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>要求完成日期</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>答复日期</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>关闭日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>不符合项</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>8D</source>
        <translation>8D 报告</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>验证说明</translation>
    </message>
    <message>
        <source>Verified by</source>
        <translation>验证人</translation>
    </message>
    <message>
        <source>Verified on</source>
        <translation>验证日期</translation>
    </message>
    <message>
        <source>Closed by</source>
        <translation>关闭人</translation>
    </message>
    <message>
        <source>Reason for cancelling</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>签名含义</translation>
    </message>
    <message>
        <source>Signed action</source>
        <translation>签名操作</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>内容哈希</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Certification body</source>
        <translation>认证机构</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Survey date</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Supplier name</source>
        <translation>供应商名称</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>调查问卷</translation>
    </message>
    <message>
        <source>Questionnaire version</source>
        <translation>问卷版本</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Section scores</source>
        <translation>各部分得分</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Submitted by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查表</translation>
    </message>
    <message>
        <source>Audit type</source>
        <translation>审核类型</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>审核时机</translation>
    </message>
    <message>
        <source>Auditors</source>
        <translation>审核员</translation>
    </message>
    <message>
        <source>Audit date</source>
        <translation>审核日期</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Basis of the result</source>
        <translation>结果依据</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Completed at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Completed by</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>approval flow started</source>
        <translation>开始认可流程</translation>
    </message>
    <message>
        <source>approval flow: approved</source>
        <translation>认可流程：批准</translation>
    </message>
    <message>
        <source>approval flow: conditionally approved</source>
        <translation>认可流程：有条件批准</translation>
    </message>
    <message>
        <source>approval flow: rejected</source>
        <translation>认可流程：拒绝</translation>
    </message>
    <message>
        <source>approval flow: rejected: %1</source>
        <translation>认可流程：拒绝：%1</translation>
    </message>
    <message>
        <source>approval flow: conditionally approved: %1</source>
        <translation>认可流程：有条件批准：%1</translation>
    </message>
    <message>
        <source>approval flow: approved: %1</source>
        <translation>认可流程：批准：%1</translation>
    </message>
    <message>
        <source>duplicated from %1</source>
        <translation>复制自 %1</translation>
    </message>
    <message>
        <source>imported from %1</source>
        <translation>从 %1 导入</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>截至：</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>The record did not exist on %1.</source>
        <translation>%1 时该记录尚不存在。</translation>
    </message>
    <message>
        <source>The record at the end of %1 (UTC):</source>
        <translation>%1 结束时（UTC）的记录：</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>历史：%1</translation>
    </message>
</context>
</TS>