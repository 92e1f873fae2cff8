<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActiveDialog</name>
    <message>
        <source>Enable %1</source>
        <translation>启用 %1</translation>
    </message>
    <message>
        <source>Disable %1</source>
        <translation>停用 %1</translation>
    </message>
    <message>
        <source>A disabled user cannot sign in; their name stays on every record they made.</source>
        <translation>停用的用户不能登录；其姓名仍保留在其创建的每条记录上。</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>AdminDialogs</name>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
</context>
<context>
    <name>AdminModels</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in (UTC)</source>
        <translation>最近登录（UTC）</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
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
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>登录成功</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <source>account locked</source>
        <translation>账户已锁定</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>unlocking the screen</source>
        <translation>解锁屏幕</translation>
    </message>
    <message>
        <source>electronic signature</source>
        <translation>电子签名</translation>
    </message>
    <message>
        <source>unknown or inactive user</source>
        <translation>用户不存在或已停用</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>personal mode</source>
        <translation>个人模式</translation>
    </message>
    <message>
        <source>first start</source>
        <translation>首次启动</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由 %1</translation>
    </message>
    <message>
        <source>%1 failed attempts</source>
        <translation>连续 %1 次失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Permission</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>绩效评价</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>供应商调查</translation>
    </message>
    <message>
        <source>Audits</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>准入审批</translation>
    </message>
    <message>
        <source>Corrective actions</source>
        <translation>纠正措施</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>客户投诉</translation>
    </message>
    <message>
        <source>Incoming inspection</source>
        <translation>进货检验</translation>
    </message>
    <message>
        <source>Quality agreements</source>
        <translation>质量协议</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <source>Qualified list</source>
        <translation>合格供应商名录</translation>
    </message>
    <message>
        <source>Supplier development</source>
        <translation>供应商发展</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Roles and permissions</source>
        <translation>角色与权限</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>Sign-in history</source>
        <translation>登录记录</translation>
    </message>
    <message>
        <source>System log</source>
        <translation>系统日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>&amp;Backup now…</source>
        <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
        <source>Res&amp;tore…</source>
        <translation>恢复(&amp;T)…</translation>
    </message>
    <message>
        <source>Needs the permission 'Back up and restore the database'</source>
        <translation>需要“备份与恢复数据库”权限</translation>
    </message>
    <message>
        <source>Server database</source>
        <translation>服务器数据库</translation>
    </message>
    <message>
        <source>A PostgreSQL database is backed up and restored with the server's own tools. Run this command (pg_dump asks for the password):</source>
        <translation>PostgreSQL 数据库须使用服务器自带的工具备份和恢复。请运行以下命令（pg_dump 会询问密码）：</translation>
    </message>
    <message>
        <source>Back up the database to</source>
        <translation>将数据库备份到</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation>备份已取消；未写入任何文件。</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>Backup written to %1</source>
        <translation>备份已写入 %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Wait until the running task has finished.</source>
        <translation>请等待正在运行的任务完成。</translation>
    </message>
    <message>
        <source>The database was restored from %1. The previous file was kept as %2.</source>
        <translation>数据库已从 %1 恢复。原文件保留为 %2。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change your password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>An administrator set your password. Choose a new one to continue.</source>
        <translation>您的密码由管理员设置。请设置新密码后继续。</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to QualityBridge</source>
        <translation>欢迎使用 QualityBridge</translation>
    </message>
    <message>
        <source>This database has no users yet. Create the administrator: the person who manages users, roles and settings. You can add the others afterwards (Administration → Users).</source>
        <translation>此数据库还没有用户。请创建系统管理员（负责管理用户、角色和设置的人）。其他用户可在之后添加（系统管理 → 用户）。</translation>
    </message>
    <message>
        <source>letters, digits, . _ -</source>
        <translation>字母、数字、. _ -</translation>
    </message>
    <message>
        <source>Personal — this computer only, opens without a password</source>
        <translation>个人模式 — 仅本机使用，打开时无需密码</translation>
    </message>
    <message>
        <source>Department — shared database, everyone signs in</source>
        <translation>部门模式 — 共享数据库，每人须登录</translation>
    </message>
    <message>
        <source>Password rules: %1</source>
        <translation>密码规则：%1</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>Enter the administrator's full name.</source>
        <translation>请输入管理员的姓名。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <source>All levels</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>text in the message</source>
        <translation>消息中的文字</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <source>%1 record(s)</source>
        <translation>%1 条记录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to QualityBridge</source>
        <translation>登录 QualityBridge</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
</context>
<context>
    <name>Modules</name>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>New user</source>
        <translation>新建用户</translation>
    </message>
    <message>
        <source>Must change the password at the first sign-in</source>
        <translation>首次登录时须更改密码</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>电子邮件：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>Enter the full name: it is what every 'who' field shows.</source>
        <translation>请输入姓名：所有“操作人”字段都显示它。</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <source>The user must change this password at the next sign-in. Give it to them in person.</source>
        <translation>用户下次登录时须更改此密码。请当面告知。</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore the database</source>
        <translation>恢复数据库</translation>
    </message>
    <message>
        <source>&lt;p&gt;Replace the open database&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;with the backup&lt;br&gt;&lt;b&gt;%2&lt;/b&gt;?&lt;/p&gt;&lt;p&gt;The backup passed the integrity check (schema %3). The current file is kept in %4 before it is replaced; then the database is opened again and you sign in again.&lt;/p&gt;</source>
        <translation>&lt;p&gt;用备份&lt;br&gt;&lt;b&gt;%2&lt;/b&gt;&lt;/p&gt;&lt;p&gt;替换当前打开的数据库&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;？&lt;/p&gt;&lt;p&gt;该备份已通过完整性检查（数据库结构 %3）。替换前当前文件将保留在 %4 中；随后数据库会重新打开，您需要重新登录。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>RolesTab</name>
    <message>
        <source>Tick what each role may do. The services check these permissions, so the command line and imports are held to them too. The administrator always keeps the administration rights.</source>
        <translation>勾选每个角色可以执行的操作。服务层会检查这些权限，因此命令行和导入同样受其约束。管理员始终保留系统管理权限。</translation>
    </message>
    <message>
        <source>Save changes…</source>
        <translation>保存更改…</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销更改</translation>
    </message>
    <message>
        <source>%1 unsaved change(s)</source>
        <translation>%1 项更改未保存</translation>
    </message>
    <message>
        <source>Save permissions</source>
        <translation>保存权限</translation>
    </message>
    <message>
        <source>Save %1 change(s) to the permissions of: %2?</source>
        <translation>保存对以下角色权限的 %1 项更改：%2？</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>Personal — opens as the personal user without a password</source>
        <translation>个人模式 — 以个人用户身份打开，无需密码</translation>
    </message>
    <message>
        <source>Department — everyone signs in; the session locks when idle</source>
        <translation>部门模式 — 每人须登录；空闲时会话锁定</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>at least one letter</source>
        <translation>至少一个字母</translation>
    </message>
    <message>
        <source>at least one digit</source>
        <translation>至少一个数字</translation>
    </message>
    <message>
        <source>at least one symbol</source>
        <translation>至少一个符号</translation>
    </message>
    <message>
        <source>beside the database, in the folder 'backups'</source>
        <translation>数据库所在位置的“backups”文件夹</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Back up automatically when the database is closed</source>
        <translation>关闭数据库时自动备份</translation>
    </message>
    <message>
        <source>Electronic signatures required on</source>
        <translation>以下操作须电子签名</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>Personal user:</source>
        <translation>个人用户：</translation>
    </message>
    <message>
        <source>Lock the session after:</source>
        <translation>空闲多久后锁定会话：</translation>
    </message>
    <message>
        <source>Lock an account after failed attempts:</source>
        <translation>登录失败几次后锁定账户：</translation>
    </message>
    <message>
        <source>… for:</source>
        <translation>… 锁定时长：</translation>
    </message>
    <message>
        <source>Password rules</source>
        <translation>密码规则</translation>
    </message>
    <message>
        <source>Minimum length:</source>
        <translation>最小长度：</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup folder:</source>
        <translation>备份文件夹：</translation>
    </message>
    <message>
        <source>Keep the last:</source>
        <translation>保留最近的份数：</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>Saved. A change of mode applies the next time the database is opened.</source>
        <translation>已保存。模式的更改在下次打开数据库时生效。</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The account is locked until %1 (UTC) after too many failed attempts.</source>
        <translation>失败次数过多，账户已锁定至 %1（UTC）。</translation>
    </message>
    <message>
        <source>The account is locked after too many failed attempts.</source>
        <translation>失败次数过多，账户已锁定。</translation>
    </message>
    <message>
        <source>No user is set up for this database.</source>
        <translation>此数据库尚未设置用户。</translation>
    </message>
    <message>
        <source>This database is in department mode: sign in with your password.</source>
        <translation>此数据库为部门模式：请使用密码登录。</translation>
    </message>
    <message>
        <source>This is the last active administrator; make someone else administrator first.</source>
        <translation>这是最后一位有效的管理员；请先指定其他人为管理员。</translation>
    </message>
    <message>
        <source>You cannot deactivate your own account.</source>
        <translation>不能停用自己的账户。</translation>
    </message>
    <message>
        <source>Say why the account is deactivated or activated again.</source>
        <translation>请说明停用或重新启用账户的原因。</translation>
    </message>
    <message>
        <source>The administrator role keeps 'Manage users' and 'Edit role permissions'.</source>
        <translation>管理员角色必须保留“管理用户”和“编辑角色权限”。</translation>
    </message>
</context>
<context>
    <name>SignInTab</name>
    <message>
        <source>All events</source>
        <translation>全部事件</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>%1 event(s)</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>the newest %1 shown</source>
        <translation>显示最新 %1 条</translation>
    </message>
    <message>
        <source>Export the sign-in history</source>
        <translation>导出登录记录</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1 (%2).</source>
        <translation>无法写入 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>TrailTab</name>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>record id</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>记录：</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>%1 entries, the newest %2 shown</source>
        <translation>共 %1 条，显示最新的 %2 条</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>Entry %1 — %2 %3 %4 by %5</source>
        <translation>第 %1 条 — %5：%2 %3 %4</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>Checking the hash chain…</source>
        <translation>正在校验哈希链…</translation>
    </message>
    <message>
        <source>Verifying the audit trail</source>
        <translation>正在校验审计追踪</translation>
    </message>
    <message>
        <source>OK: %1 entries, the hash chain is unbroken.</source>
        <translation>正常：共 %1 条，哈希链完整。</translation>
    </message>
    <message>
        <source>Broken: entry %1 does not match (%2). Entries from there on cannot be trusted.</source>
        <translation>已断裂：第 %1 条不符（%2）。自该条起的记录不可信。</translation>
    </message>
    <message>
        <source>its content does not match its hash: it was edited</source>
        <translation>内容与哈希不符：已被修改</translation>
    </message>
    <message>
        <source>it does not chain to the entry before it</source>
        <translation>与前一条记录的链接不符</translation>
    </message>
    <message>
        <source>entries before it are missing</source>
        <translation>此前有记录缺失</translation>
    </message>
    <message>
        <source>entries at the end were removed or added outside the application</source>
        <translation>末尾的记录在程序之外被删除或添加</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>QualityBridge is locked</source>
        <translation>QualityBridge 已锁定</translation>
    </message>
    <message>
        <source>The session was locked after a period without use. Enter the password of %1 to continue.</source>
        <translation>会话因长时间未操作已锁定。请输入 %1 的密码以继续。</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>UserRolesDialog</name>
    <message>
        <source>Roles of %1</source>
        <translation>%1 的角色</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>请至少选择一个角色。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>New user…</source>
        <translation>新建用户…</translation>
    </message>
    <message>
        <source>Roles…</source>
        <translation>角色…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Enable…</source>
        <translation>启用…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
</TS>