<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
</TS>