"""What the commands print, in the language of ``--lang`` (commands run without a Qt translator).

One lookup function, named fields in braces::

    from app.commands.messages import t
    print(t("import.done", rows=12, kind="deliveries", file="d.csv", encoding="utf-8"))

The language is set once per run by ``app.cli.main`` (:func:`set_language`): ``--lang`` before
or after the subcommand, else ``QUALITYBRIDGE_LANG``, else the GUI's saved language, else the
locale. :func:`error_text` turns an exception into the line to print: errors that carry a
``key`` (database, CSV reader) are looked up with their ``params``; a few messages of other
services are recognised by pattern; anything else is printed as it is.

Add a key to both languages (``tests/e2e/core/test_cli_language.py`` checks they match).
"""

from __future__ import annotations

import configparser
import os
import re
from pathlib import Path

LANGS = ("zh_CN", "en")

EN: dict[str, str] = {
    # framing
    "error": "error: {message}",
    "warning": "warning: {message}",
    "interrupted": "interrupted",
    "usage": "{message} (see 'qualitybridge {command}--help')",
    "unexpected": "unexpected error ({kind}); nothing more was done. Details are in the log file {log}",
    "unexpected_nolog": "unexpected error ({kind}: {detail}); nothing more was done",
    "cannot_write": "cannot write {path}: {reason}",
    "cannot_read": "cannot read {path}: {reason}",
    "bad_suffix": "cannot write {path}: use a {suffixes} file name",
    "folder_missing": "cannot write there: the folder {folder} does not exist",
    "out_suffix": "--out must end with {suffixes}, not '{suffix}'",
    "not_negative": "{option} must not be negative",
    "empty_value": "{option} needs a value, not an empty text",
    "int_range": "{option}: {value} is not a whole number from {lo} to {hi}",
    "not_a_number": "{option}: {value!r} is not a number",
    # database (app.models.core.database)
    "db.busy": "{name} is in use by another program; nothing was changed. Try again when it has finished.",
    "db.folder": "{path} is a folder, not a database file.",
    "db.no_folder": "The folder {folder} does not exist.",
    "db.missing": "{path} does not exist.",
    "db.not_sqlite": "{name} is not a QualityBridge database (not an SQLite file).",
    "db.read_only_file": "{path} is read-only; copy it to a writable folder to open it.",
    "db.read_only_folder": "The folder {folder} is read-only; QualityBridge needs to write beside the database.",
    "db.unreadable": "{path} cannot be read ({reason}).",
    "db.damaged": "{name} is damaged and cannot be opened ({detail}).",
    "db.newer": "{name} was written by a newer version of QualityBridge (schema {revision}). Install the newer "
                "version to open it; this file was not changed.",
    "db.links": "Updating the database would break links between records in {tables}; nothing was changed.",
    "db.memory": "QualityBridge needs a database file, not an in-memory database.",
    "db.cannot_open": "Could not open {name}: {detail}",
    # demo / check
    "demo.written": "demo database written to {path} in {seconds:.2f} s ({first} to {last})",
    "demo.exists": "{path} already exists; use --force to overwrite it.",
    "demo.end_month": "--end-month must look like 2026-10, not {text!r}",
    "check.database": "database: {path}",
    "check.schema": "schema:   {revisions} (this version expects {expected})",
    "check.note": "note:     {note}",
    "check.sound": "result:   sound",
    "check.problem": "problem:  {problem}",
    "check.problems": "result:   {n} problem(s)",
    # evaluation
    "evaluate.done": "{period}: {suppliers} suppliers, {scored} scored ({grades}); scheme {scheme} v{version}; "
                     "{seconds:.3f} s",
    "export.done": "{n} suppliers written to {path}",
    "sourcing.done": "{n} items written to {path}",
    "period.not_evaluated": "period {period} has not been evaluated; run 'qualitybridge evaluate' first",
    "period.bad": "bad period {text!r}: use YYYY-MM, YYYY-Qn or YYYY",
    "period.month": "bad month in period {text!r}",
    "period.year": "period {text!r}: the year must be between {lo} and {hi}",
    "scheme.unknown": "no evaluation scheme named {name} (known: {known})",
    # import (app.models.core.csv_reader and the importers)
    "import.map_format": "--map needs COLUMN=HEADER, got {item!r}",
    "import.refused": "{file} refused, nothing imported ({n} problem(s)):",
    "import.more": "… and {n} more problem(s) not shown",
    "import.done": "imported {rows} {kind} rows from {file} ({encoding})",
    "import.done_lines": "imported {rows} {kind} rows from {file} ({encoding}), {lines} new order lines",
    "row": "line {line}: {reason}",
    "row_col": "line {line} ({column}): {reason}",
    "csv.empty": "the file is empty",
    "csv.no_rows": "the file has a header but no data rows",
    "csv.encoding": "unknown text encoding; save the file as UTF-8 or GB18030",
    "csv.not_encoding": "the file is not valid {encoding} ({reason})",
    "csv.xlsx": "this is an Excel workbook (.xlsx), not a CSV file: save it as CSV (comma delimited) first",
    "csv.xls": "this is an old Excel workbook (.xls), not a CSV file: save it as CSV (comma delimited) first",
    "csv.binary": "this is not a text file ({what}); import a CSV file",
    "csv.delimiter": "the columns are separated by {sep!r}, not by commas: save the file as CSV (comma delimited)",
    "csv.header": "unreadable CSV header ({detail})",
    "csv.missing_column": "missing column {column!r}",
    "csv.duplicate_header": "column {header!r} appears twice (columns {first} and {second}); remove one",
    "csv.map_unknown": "the column mapping names an unknown column {column!r} (columns: {known})",
    "csv.unclosed_quote": "a quote opened on this line is never closed",
    "csv.unreadable": "unreadable CSV ({detail})",
    "csv.value_missing": "value missing",
    "csv.nul": "the text contains a NUL or control character",
    "csv.bad_date": "bad date {text!r} (use YYYY-MM-DD)",
    "csv.no_day": "bad date {text!r} (no such day)",
    "csv.date_range": "date {text} is outside {lo}–{hi}",
    "csv.not_number": "not a number: {text!r}",
    "csv.negative": "negative quantity {text}",
    "csv.zero": "quantity must be greater than zero",
    "csv.too_large": "{text} is implausibly large (at most {limit:,})",
    "csv.not_whole": "not a whole number: {text}",
    "csv.unknown_value": "unknown value {text!r} (use {choices})",
    "csv.too_long": "longer than {limit} characters ({length})",
    "csv.out_of_range": "{value} is outside {lo:,} to {hi:,}",
    "import.unknown_supplier": "unknown supplier {code!r}",
    "import.unknown_part": "unknown part {code!r}",
    "import.sample_gt_lot": "sample size is larger than the lot",
    "import.defectives_gt_lot": "more defective units than the lot holds",
    "import.defectives_gt_sample": "{defectives} defective units in a sample of {sample}",
    "import.accepted_disposition": "an accepted lot has no disposition",
    "import.line_conflict_db": "order {po} line {line_no} already exists with a different supplier, quantity or "
                               "due date",
    "import.line_conflict_file": "order {po} line {line_no} has different supplier, quantity or due date on another "
                                 "row",
    "import.duplicate_row": "duplicate of line {other}",
    "import.delivery_stored": "duplicate: this delivery is already in the database",
    "import.duplicate_lot": "duplicate lot {lot!r} (also on line {other})",
    "import.lot_stored": "duplicate: lot {lot!r} is already in the database",
    # suppliers
    "print.written": "{what} written to {path}",
    "print.blank_checklist": "blank {template} checklist",
    "print.audit": "audit {id} report",
    "print.blank_survey": "blank survey",
    "print.survey": "survey {id}",
    "qualified.done": "{n} qualified-list entries ({expiring} expiring or expired) written to {path}",
    "supplier.unknown_code": "no supplier with code {code}",
    "screenshots.none": "no screens were rendered",
    "survey.not_found": "data file not found: {path}",
    "survey.unreadable": "{path}: not a readable CSV file ({detail})",
    "survey.encoding": "{path}: unknown text encoding; save the file as UTF-8 or GB18030",
    # complaints (app/commands/complaints.py)
    "complaints.bad_period": "bad period '{period}': use YYYY-MM, YYYY-Qn, YYYY or FROM..TO (e.g. 2025-01..2026-06)",
    "complaints.exported": "{n} complaints ({overdue} overdue) written to {path}",
    "complaints.not_found": "no complaint with id {id}",
    "complaints.letter": "reply letter of {number} ({language}) written to {path}",
    "complaints.listed": "{n} open complaints, {overdue} overdue",
    "complaints.report": "monthly complaint report ({n} complaints received) written to {path}",
    # customers (app/commands/customers.py, app.models.customers.imports)
    "customers.imported": "{file}: {created} new and {updated} updated customer(s), {contacts} contact(s)",
    "customers.exported": "{n} customer(s) written to {path}",
    "customers.contact_exported": "personal data of contact {id} written to {path}",
    "customers.erased": "contact {id}: name, phone and e-mail erased; the record stays anonymised",
    "customers.password": "--user {user} needs the password in the environment variable QUALITYBRIDGE_PASSWORD",
    "customers.no_file": "{path} does not exist",
    "customers.repeat": "code {code} repeats line {first}",
    "customers.name_required": "a Chinese or English name is required",
    "customers.no_owner": "there is no active user {user!r}",
    "customers.reason_required": "a value class set by hand needs a reason (value_class_reason)",
    "customers.bad_email": "{text!r} is not an e-mail address",
    "customers.contact_name": "contact details need a contact_name",
    # supplierfix (issue 10 §11): the printed audit's result and findings, in the report's words
    "print.audit_result": "result: {result} ({percent}); findings: {findings}",
    "print.audit_open": "the audit is a draft, not completed yet: no result ({reason})",
    "print.no_findings": "none",
    "car.summary": "{open} open corrective action requests, {overdue} overdue (open until closed or cancelled; overdue = the current step is past due)",
    "car.step_due": "step due {date}",
    "car.late": "{days} days overdue",
    # admin-wiring: who runs a command (--user), refusals
    "user.department": "this database is in department mode: give --user NAME (password from the prompt or "
                       "QUALITYBRIDGE_PASSWORD)",
    "user.no_user": "no personal user is set up for this database: give --user NAME",
    "user.bad_credentials": "wrong user name or password",
    "user.locked": "the account is locked until {until} (UTC) after too many failed attempts",
    "user.no_password": "no password given for {user} (type it at the prompt or set QUALITYBRIDGE_PASSWORD)",
    "user.signature_required": "this action needs an electronic signature; use the application to sign it",
    "user.prompt": "password for {user}: ",
    "approval.recorded": "{supplier}: approval step {step} recorded ({result}); the flow is {status}",
    "approval.none": "{supplier} has no approval flow yet",
    "approval.record": "approval record of {supplier}",
    # agreements (质量协议)
    "agreement.none": "supplier {code} has no quality agreement{which}",
    "agreement.ambiguous": "supplier {code} has several agreements ({numbers}); choose one with --agreement",
    "agreement.no_version": "agreement {number} has no version {which}",
    "agreement.written": "agreement {number} version {version} written to {path}",
    "agreement.breaches": "{n} breach(es) of {suppliers} supplier(s), liability CNY {amount}, written to {path}",
    "agreement.bad_suffix": "{path}: use {suffixes}",
}

ZH: dict[str, str] = {
    "error": "错误：{message}",
    "warning": "警告：{message}",
    "interrupted": "已中断",
    "usage": "{message}（参见 'qualitybridge {command}--help'）",
    "unexpected": "意外错误（{kind}），未再执行任何操作。详细信息见日志文件 {log}",
    "unexpected_nolog": "意外错误（{kind}：{detail}），未再执行任何操作",
    "cannot_write": "无法写入 {path}：{reason}",
    "cannot_read": "无法读取 {path}：{reason}",
    "bad_suffix": "无法写入 {path}：请使用 {suffixes} 文件名",
    "folder_missing": "无法写入：文件夹 {folder} 不存在",
    "out_suffix": "--out 的扩展名必须是 {suffixes}，而不是 '{suffix}'",
    "not_negative": "{option} 不能为负数",
    "empty_value": "{option} 需要一个值，不能为空",
    "int_range": "{option}：{value} 不是 {lo} 到 {hi} 之间的整数",
    "not_a_number": "{option}：{value!r} 不是数字",
    "db.busy": "{name} 正被其他程序使用；未做任何更改。请等其完成后重试。",
    "db.folder": "{path} 是文件夹，不是数据库文件。",
    "db.no_folder": "文件夹 {folder} 不存在。",
    "db.missing": "{path} 不存在。",
    "db.not_sqlite": "{name} 不是 QualityBridge 数据库（不是 SQLite 文件）。",
    "db.read_only_file": "{path} 是只读的；请将其复制到可写的文件夹后再打开。",
    "db.read_only_folder": "文件夹 {folder} 是只读的；QualityBridge 需要在数据库旁写入文件。",
    "db.unreadable": "无法读取 {path}（{reason}）。",
    "db.damaged": "{name} 已损坏，无法打开（{detail}）。",
    "db.newer": "{name} 由更新版本的 QualityBridge 写入（架构 {revision}）。请安装新版本后打开；此文件未被更改。",
    "db.links": "更新数据库会破坏 {tables} 中记录之间的关联；未做任何更改。",
    "db.memory": "QualityBridge 需要数据库文件，而不是内存数据库。",
    "db.cannot_open": "无法打开 {name}：{detail}",
    "demo.written": "演示数据库已写入 {path}，用时 {seconds:.2f} 秒（{first} 至 {last}）",
    "demo.exists": "{path} 已存在；使用 --force 覆盖。",
    "demo.end_month": "--end-month 的格式应为 2026-10，而不是 {text!r}",
    "check.database": "数据库：{path}",
    "check.schema": "架构：  {revisions}（此版本需要 {expected}）",
    "check.note": "说明：  {note}",
    "check.sound": "结果：  完好",
    "check.problem": "问题：  {problem}",
    "check.problems": "结果：  {n} 个问题",
    "evaluate.done": "{period}：供应商 {suppliers} 家，已评分 {scored} 家（{grades}）；评价方案 {scheme} v{version}；"
                     "{seconds:.3f} 秒",
    "export.done": "已将 {n} 家供应商写入 {path}",
    "sourcing.done": "已将 {n} 项物料写入 {path}",
    "period.not_evaluated": "期间 {period} 尚未评价；请先运行 'qualitybridge evaluate'",
    "period.bad": "期间 {text!r} 无效：请使用 YYYY-MM、YYYY-Qn 或 YYYY",
    "period.month": "期间 {text!r} 中的月份无效",
    "period.year": "期间 {text!r}：年份必须在 {lo} 到 {hi} 之间",
    "scheme.unknown": "没有名为 {name} 的评价方案（已有：{known}）",
    "import.map_format": "--map 需要 列=表头 的形式，而不是 {item!r}",
    "import.refused": "{file} 被拒绝，未导入任何数据（{n} 个问题）：",
    "import.more": "……另有 {n} 个问题未显示",
    "import.done": "已从 {file} 导入 {rows} 行{kind}（{encoding}）",
    "import.done_lines": "已从 {file} 导入 {rows} 行{kind}（{encoding}），新建订单行 {lines} 行",
    "row": "第 {line} 行：{reason}",
    "row_col": "第 {line} 行（{column}）：{reason}",
    "csv.empty": "文件为空",
    "csv.no_rows": "文件只有表头，没有数据行",
    "csv.encoding": "无法识别的文本编码；请将文件另存为 UTF-8 或 GB18030",
    "csv.not_encoding": "文件不是有效的 {encoding} 编码（{reason}）",
    "csv.xlsx": "这是 Excel 工作簿（.xlsx），不是 CSV 文件：请先另存为 CSV（逗号分隔）",
    "csv.xls": "这是旧版 Excel 工作簿（.xls），不是 CSV 文件：请先另存为 CSV（逗号分隔）",
    "csv.binary": "这不是文本文件（{what}）；请导入 CSV 文件",
    "csv.delimiter": "各列以 {sep!r} 分隔，而不是逗号：请另存为 CSV（逗号分隔）",
    "csv.header": "无法读取 CSV 表头（{detail}）",
    "csv.missing_column": "缺少列 {column!r}",
    "csv.duplicate_header": "列 {header!r} 出现了两次（第 {first} 列和第 {second} 列）；请删除其中一列",
    "csv.map_unknown": "列映射指定了未知的列 {column!r}（可用的列：{known}）",
    "csv.unclosed_quote": "此行开始的引号没有闭合",
    "csv.unreadable": "无法读取的 CSV（{detail}）",
    "csv.value_missing": "缺少数值",
    "csv.nul": "文本中含有 NUL 或控制字符",
    "csv.bad_date": "日期 {text!r} 无效（请使用 YYYY-MM-DD）",
    "csv.no_day": "日期 {text!r} 无效（没有这一天）",
    "csv.date_range": "日期 {text} 超出 {lo}–{hi} 的范围",
    "csv.not_number": "不是数字：{text!r}",
    "csv.negative": "数量为负：{text}",
    "csv.zero": "数量必须大于零",
    "csv.too_large": "{text} 大得不合理（最多 {limit:,}）",
    "csv.not_whole": "不是整数：{text}",
    "csv.unknown_value": "未知的值 {text!r}（可用：{choices}）",
    "csv.too_long": "超过 {limit} 个字符（{length}）",
    "csv.out_of_range": "{value} 超出 {lo:,} 到 {hi:,} 的范围",
    "import.unknown_supplier": "未知的供应商 {code!r}",
    "import.unknown_part": "未知的物料 {code!r}",
    "import.sample_gt_lot": "样本量大于批量",
    "import.defectives_gt_lot": "不合格品数多于批量",
    "import.defectives_gt_sample": "样本量为 {sample}，不合格品数却为 {defectives}",
    "import.accepted_disposition": "接收的批次不应有处置方式",
    "import.line_conflict_db": "订单 {po} 第 {line_no} 行已存在，但供应商、数量或交期不同",
    "import.line_conflict_file": "订单 {po} 第 {line_no} 行在另一行中的供应商、数量或交期不同",
    "import.duplicate_row": "与第 {other} 行重复",
    "import.delivery_stored": "重复：此交货记录已在数据库中",
    "import.duplicate_lot": "批号 {lot!r} 重复（另见第 {other} 行）",
    "import.lot_stored": "重复：批号 {lot!r} 已在数据库中",
    "print.written": "{what}已写入 {path}",
    "print.blank_checklist": "空白 {template} 检查表",
    "print.audit": "审核 {id} 报告",
    "print.blank_survey": "空白调查表",
    "print.survey": "调查表 {id}",
    "qualified.done": "已将 {n} 条合格供方名录条目（{expiring} 条即将到期或已过期）写入 {path}",
    "supplier.unknown_code": "没有代码为 {code} 的供应商",
    "screenshots.none": "没有渲染任何界面",
    "survey.not_found": "找不到数据文件：{path}",
    "survey.unreadable": "{path}：不是可读的 CSV 文件（{detail}）",
    "survey.encoding": "{path}：无法识别的文本编码；请将文件另存为 UTF-8 或 GB18030",
    # complaints (app/commands/complaints.py)
    "complaints.bad_period": "期间“{period}”无效：请用 YYYY-MM、YYYY-Qn、YYYY 或 起..止（如 2025-01..2026-06）",
    "complaints.exported": "已将 {n} 条投诉（{overdue} 条超期）写入 {path}",
    "complaints.not_found": "没有编号为 {id} 的投诉",
    "complaints.letter": "已将 {number} 的答复函（{language}）写入 {path}",
    "complaints.listed": "未关闭投诉 {n} 条，其中超期 {overdue} 条",
    "complaints.report": "已将顾客投诉月报（本期收到 {n} 条投诉）写入 {path}",
    # customers (app/commands/customers.py, app.models.customers.imports)
    "customers.imported": "{file}：新增 {created} 个、更新 {updated} 个顾客，{contacts} 个联系人",
    "customers.exported": "已将 {n} 个顾客写入 {path}",
    "customers.contact_exported": "已将联系人 {id} 的个人数据写入 {path}",
    "customers.erased": "联系人 {id}：姓名、电话和电子邮件已删除；记录以匿名方式保留",
    "customers.password": "--user {user} 需要在环境变量 QUALITYBRIDGE_PASSWORD 中提供密码",
    "customers.no_file": "{path} 不存在",
    "customers.repeat": "代码 {code} 与第 {first} 行重复",
    "customers.name_required": "必须填写中文或英文名称",
    "customers.no_owner": "没有启用的用户 {user!r}",
    "customers.reason_required": "手动设定的价值类别需要填写原因（value_class_reason）",
    "customers.bad_email": "{text!r} 不是电子邮件地址",
    "customers.contact_name": "填写联系人信息时必须填写联系人姓名（contact_name）",
    # supplierfix (issue 10 §11): the printed audit's result and findings, in the report's words
    "print.audit_result": "结论：{result}（{percent}）；不符合项：{findings}",
    "print.audit_open": "审核为草稿、尚未完成：暂无结论（{reason}）",
    "print.no_findings": "无",
    "car.summary": "未关闭的纠正措施要求 {open} 项，逾期 {overdue} 项（关闭或取消前均为未关闭；逾期 = 当前步骤已过期限）",
    "car.step_due": "当前步骤期限 {date}",
    "car.late": "逾期 {days} 天",
    # admin-wiring: who runs a command (--user), refusals
    "user.department": "此数据库为部门模式：请用 --user 用户名 登录（密码在提示时输入，或设置 QUALITYBRIDGE_PASSWORD）",
    "user.no_user": "此数据库未设置个人用户：请用 --user 用户名",
    "user.bad_credentials": "用户名或密码错误",
    "user.locked": "多次登录失败，账户已锁定至 {until}（UTC）",
    "user.no_password": "未提供 {user} 的密码（在提示时输入，或设置 QUALITYBRIDGE_PASSWORD）",
    "user.signature_required": "此操作需要电子签名；请在应用程序中签名",
    "user.prompt": "{user} 的密码：",
    "approval.recorded": "{supplier}：认可步骤 {step} 已记录（{result}）；流程状态：{status}",
    "approval.none": "{supplier} 尚无认可流程",
    "approval.record": "{supplier} 的供应商认可记录",
    # agreements (质量协议)
    "agreement.none": "供应商 {code} 没有质量协议{which}",
    "agreement.ambiguous": "供应商 {code} 有多份协议（{numbers}）；请用 --agreement 选择一份",
    "agreement.no_version": "协议 {number} 没有{which}版本",
    "agreement.written": "协议 {number} 第 {version} 版已写入 {path}",
    "agreement.breaches": "{suppliers} 家供应商共 {n} 次违约，违约金 {amount} 元，已写入 {path}",
    "agreement.bad_suffix": "{path}：请使用 {suffixes}",
}

CATALOGUE = {"en": EN, "zh_CN": ZH}
KIND_NAMES = {"zh_CN": {"deliveries": "交货记录", "inspection lots": "检验批"}, "en": {}}

_language = "en"


def set_language(lang: str | None) -> str:
    global _language
    _language = normalise(lang) if lang else default_language()
    return _language


def language() -> str:
    return _language


def normalise(lang: str | None) -> str:
    if lang and lang.replace("-", "_").lower().startswith("zh"):
        return "zh_CN"
    return "en"


def _saved_gui_language() -> str | None:
    """The language chosen in the GUI (QSettings' ini file on Linux/macOS), read without Qt."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    ini = Path(base) / "QualityBridge" / "QualityBridge.conf"
    try:
        parser = configparser.ConfigParser(interpolation=None)
        parser.read(ini, encoding="utf-8")
        return parser.get("ui", "language", fallback=None)
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None


def default_language() -> str:
    """``QUALITYBRIDGE_LANG``, else the GUI's saved language, else the locale (LC_ALL,
    LC_MESSAGES, LANG); English when none says Chinese."""
    env = os.environ.get("QUALITYBRIDGE_LANG")
    if env:
        return normalise(env)
    saved = _saved_gui_language()
    if saved:
        return normalise(saved)
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return normalise(value)
    return "en"


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text of ``key`` in ``lang`` (default: the run's language) with ``params`` filled in."""
    table = CATALOGUE.get(lang or _language, EN)
    template = table.get(key) or EN.get(key)
    if template is None:
        return key
    params = localised_params(params, lang or _language)
    try:
        return template.format(**params)
    except (KeyError, ValueError, IndexError):
        return EN.get(key, key).format_map(_Lenient(params))


class _Lenient(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Messages of services this package does not own, recognised by their (stable) English text.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^period (?P<period>\S+) has not been evaluated"), "period.not_evaluated"),
    (re.compile(r"^bad period (?P<text>'.*'): use"), "period.bad"),
    (re.compile(r"^bad month in period (?P<text>'.*')$"), "period.month"),
    (re.compile(r"^period (?P<text>'.*'): the year must be between (?P<lo>\d+) and (?P<hi>\d+)$"), "period.year"),
    (re.compile(r"^no evaluation scheme named (?P<name>'.*') \(known: (?P<known>.*)\)$"), "scheme.unknown"),
    (re.compile(r"^no supplier with code (?P<code>.+)$"), "supplier.unknown_code"),
    # the sampling engine's refusals (qualitybridge plan)
    (re.compile(r"^AQL (?P<aql>\S+) is not a preferred AQL of .*; nearest preferred: (?P<near>.*)$"),
     "sampling.not_preferred"),
    (re.compile(r"^(?:inspection level must be one of .*, got|unknown inspection level) (?P<text>'[^']*')"),
     "sampling.level"),
    (re.compile(r"^AQL must be (?:a number such as 1.0|a positive number), got (?P<text>.*)$"), "sampling.aql"),
    (re.compile(r"^severity must be one of .*, got (?P<text>.*)$"), "sampling.severity"),
    (re.compile(r"^lot size must be at least 2 items .*, got (?P<value>.*)$"), "sampling.lot_small"),
    (re.compile(r"^lot size (?P<value>\d+) is implausibly large"), "sampling.lot_large"),
]


#: argparse's own refusals (its texts are English), rendered in Chinese runs
_ARGPARSE_ZH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^the following arguments are required: (?P<names>.*)$"), "缺少必需的参数：{names}"),
    (re.compile(r"^unrecognized arguments: (?P<names>.*)$"), "无法识别的参数：{names}"),
    (re.compile(r"^argument (?P<arg>\S+): expected one argument$"), "参数 {arg} 需要一个值"),
    (re.compile(r"^argument (?P<arg>\S+): invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)$"),
     "参数 {arg}：无效的选择 {value}（可选：{choices}）"),
    (re.compile(r"^argument (?P<arg>\S+): invalid (?P<kind>\S+) value: (?P<value>.*)$"), "参数 {arg}：无效的值 {value}"),
    (re.compile(r"^argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)$"), "参数 {arg} 不能与 {other} 同时使用"),
    (re.compile(r"^one of the arguments (?P<names>.*) is required$"), "必须给出以下参数之一：{names}"),
]

#: what SQLite and the operating system say, for a detail shown inside a Chinese line
_DETAIL_ZH = {
    "unable to open database file": "无法打开数据库文件",
    "database or disk is full": "数据库或磁盘已满",
    "disk I/O error": "磁盘读写错误",
    "attempt to write a readonly database": "试图写入只读数据库",
    "file is not a database": "文件不是数据库",
    "database disk image is malformed": "数据库文件已损坏",
    "Permission denied": "权限不足",
    "No such file or directory": "文件或文件夹不存在",
    "Is a directory": "这是一个文件夹",
    "Read-only file system": "只读文件系统",
    "No space left on device": "磁盘空间不足",
}


def argparse_text(message: str, lang: str | None = None) -> str:
    """argparse's refusal in the run's language (an option our own check already names is not
    named twice: "argument --x: --x: …" → "--x: …")."""
    message = re.sub(r"^argument (\S+): \1: ", r"\1: ", message)
    if (lang or _language) == "en":
        return message
    for pattern, text in _ARGPARSE_ZH:
        m = pattern.match(message)
        if m:
            return text.format(**m.groupdict())
    return message


def detail_text(detail: str, lang: str | None = None) -> str:
    """An OS or SQLite detail (``[Errno 13] Permission denied: 'x'``) in the run's language."""
    if (lang or _language) == "en" or not isinstance(detail, str):
        return detail
    for en, zh in _DETAIL_ZH.items():
        if en in detail:
            detail = detail.replace(en, zh)
    return detail


def error_text(exc: BaseException | str, lang: str | None = None) -> str:
    """The user's line for an error: by its ``key``/``params`` when it has them, else by a known
    pattern, else its own text (one line)."""
    if hasattr(exc, "permission") and callable(getattr(exc, "text", None)):  # PermissionDenied: names what is missing
        return exc.text(lang or _language)
    access = getattr(exc, "code", None)
    if isinstance(exc, Exception) and type(exc).__name__ in ("AccessError", "SignatureRequired") \
            and f"user.{access}" in EN:
        params = dict(getattr(exc, "params", None) or {})
        until = params.pop("until", None)
        return t(f"user.{access}", lang, **params, until=f"{until:%H:%M}" if until is not None else "")
    key = getattr(exc, "key", None)
    params = getattr(exc, "params", None)
    if key and isinstance(params, dict) and key in EN:
        return t(key, lang, **params)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if (lang or _language) != "en":
        for pattern, pkey in _PATTERNS:
            m = pattern.match(text)
            if m:
                values = {k: v.strip("'") if k in ("text", "name") else v for k, v in m.groupdict().items()}
                return t(pkey, lang, **values)
    return text


def row_text(err, lang: str | None = None) -> str:
    """A CSV row error (``RowError``) as one line in the run's language."""
    key = getattr(err, "key", None)
    reason = t(key, lang, **(err.params or {})) if key and key in EN else err.reason
    if err.column:
        return t("row_col", lang, line=err.line, column=err.column, reason=reason)
    return t("row", lang, line=err.line, reason=reason)


def kind_name(kind: str, lang: str | None = None) -> str:
    return KIND_NAMES.get(lang or _language, {}).get(kind, kind)


# ---------------------------------------------------------------------------- supplierui (issue 10, point 13)
# Refusals that stayed English under --lang zh_CN: the database check's findings, records and
# templates that do not exist, model and column errors of the satisfaction engines, and the
# operating system's reasons (strerror) for a file that cannot be read or written.
EN.update({
    "check.not_a_file": "{path} does not exist or is not a file.",
    "check.not_sqlite": "{name} is not an SQLite database.",
    "check.cannot_open": "{name} cannot be opened read-only ({detail}).",
    "check.integrity": "integrity: {detail}",
    "check.foreign_key": "foreign key: {table} row {row} points to a missing {parent} row",
    "check.damaged": "damaged: {detail}",
    "check.no_schema": "no QualityBridge schema version: not a QualityBridge database",
    "check.newer": "schema {revisions} is newer than this version of QualityBridge",
    "check.older": "schema is older than this version; it will be upgraded (with a backup) when opened",
    "record.missing": "{what} {id} does not exist",
    "template.unknown": "no checklist template '{name}'",
    "model.not_found": "model file not found: {path}",
    "columns.missing": "column(s) not in the data: {columns}",
    "text.nul": "a value contains a NUL character",
    "approval.order": "step '{step}' cannot be done before '{before}'",
    "aql.not_preferred": "AQL {aql} is not a preferred AQL of {standard}; nearest preferred: {near}",
})
ZH.update({
    "check.not_a_file": "{path} 不存在或不是文件。",
    "check.not_sqlite": "{name} 不是 SQLite 数据库。",
    "check.cannot_open": "无法以只读方式打开 {name}（{detail}）。",
    "check.integrity": "完整性：{detail}",
    "check.foreign_key": "外键：{table} 第 {row} 行指向不存在的 {parent} 记录",
    "check.damaged": "已损坏：{detail}",
    "check.no_schema": "没有 QualityBridge 架构版本：不是 QualityBridge 数据库",
    "check.newer": "架构 {revisions} 比此版本的 QualityBridge 更新",
    "check.older": "架构比此版本旧；打开时将自动升级（并先备份）",
    "record.missing": "{what} {id} 不存在",
    "template.unknown": "没有检查表模板“{name}”",
    "model.not_found": "找不到模型文件：{path}",
    "columns.missing": "数据中没有这些列：{columns}",
    "text.nul": "取值中含有 NUL 字符",
    "approval.order": "步骤“{step}”不能在“{before}”之前记录",
    "aql.not_preferred": "AQL {aql} 不是 {standard} 的优先 AQL；最接近的优先值：{near}",
})
#: what a "does not exist" names, in Chinese
RECORD_NAMES_ZH = {"audit": "审核", "survey": "调查表", "supplier": "供应商", "corrective action": "纠正措施",
                   "contact": "联系人", "certificate": "证书", "plan": "发展计划", "entry": "条目", "flow": "认可流程"}
_PATTERNS += [
    (re.compile(r"^(?P<path>.+) does not exist or is not a file\.$"), "check.not_a_file"),
    (re.compile(r"^(?P<name>.+) is not an SQLite database\.$"), "check.not_sqlite"),
    (re.compile(r"^(?P<name>.+) cannot be opened read-only \((?P<detail>.*)\)\.$"), "check.cannot_open"),
    (re.compile(r"^integrity: (?P<detail>.*)$"), "check.integrity"),
    (re.compile(r"^foreign key: (?P<table>\S+) row (?P<row>\S+) points to a missing (?P<parent>\S+) row$"),
     "check.foreign_key"),
    (re.compile(r"^damaged: (?P<detail>.*)$"), "check.damaged"),
    (re.compile(r"^no QualityBridge schema version"), "check.no_schema"),
    (re.compile(r"^schema (?P<revisions>.+) is newer than this version of QualityBridge$"), "check.newer"),
    (re.compile(r"^schema is older than this version"), "check.older"),
    (re.compile(r"^(?P<what>" + "|".join(RECORD_NAMES_ZH) + r") (?P<id>\S+) does not exist$"), "record.missing"),
    (re.compile(r"^no checklist template (?P<name>'.*')$"), "template.unknown"),
    (re.compile(r"^model file not found: (?P<path>.+)$"), "model.not_found"),
    (re.compile(r"^column\(s\) not in the data: (?P<columns>.+?)(?: \(need .*\))?$"), "columns.missing"),
    (re.compile(r"^embedded null byte$"), "text.nul"),
    (re.compile(r"^step '(?P<step>[^']+)' cannot be done before '(?P<before>[^']+)'$"), "approval.order"),
    (re.compile(r"^AQL (?P<aql>\S+) is not a preferred AQL of (?P<standard>.+?); nearest preferred: (?P<near>.+)$"),
     "aql.not_preferred"),
]

#: the operating system's reasons (``strerror``) users meet, in Chinese
OS_REASONS_ZH = {
    "No such file or directory": "文件或文件夹不存在",
    "Permission denied": "没有权限",
    "Is a directory": "这是一个文件夹",
    "Not a directory": "路径中有一项不是文件夹",
    "Read-only file system": "文件系统为只读",
    "No space left on device": "磁盘空间不足",
    "File exists": "文件已存在",
    "Operation not permitted": "不允许此操作",
    "File name too long": "文件名过长",
    "Device or resource busy": "设备或资源正忙",
    "Invalid argument": "参数无效",
    "unable to open database file": "无法打开数据库文件",
    "database is locked": "数据库正被其他程序使用",
    "file is not a database": "不是数据库文件",
    "attempt to write a readonly database": "数据库为只读",
}


def localised_params(params: dict, lang: str) -> dict:
    """Parameters as the language needs them: an OS reason (``reason=exc.strerror``) in Chinese,
    and the record a "does not exist" names."""
    if lang != "zh_CN":
        return params
    out = dict(params)
    for name in ("reason", "detail"):
        value = out.get(name)
        if value is not None and str(value) in OS_REASONS_ZH:
            out[name] = OS_REASONS_ZH[str(value)]
    if "step" in out and "before" in out:  # approval steps by their Chinese titles
        from app.flows.approval import STEP_TITLES

        for name in ("step", "before"):
            out[name] = STEP_TITLES.get(str(out[name]), (out[name],))[0]
    message = out.get("message")
    if isinstance(message, str) and message.strip() and "\n" not in message and "command" not in out:  # a service's own line
        out["message"] = error_text(message, lang)
    near = out.get("near")
    if isinstance(near, str):
        out["near"] = near.replace(" or ", " 或 ")
    what = out.get("what")
    if isinstance(what, str) and what in RECORD_NAMES_ZH:
        out["what"] = RECORD_NAMES_ZH[what]
    if out.get("detail") is not None:
        out["detail"] = detail_text(str(out["detail"]), lang)
    return out


# --- admin (administration commands: backup, restore, audit verify, users) -----------------------
EN.update({
    "admin.no_tty": "no terminal to ask for the new password: set QUALITYBRIDGE_NEW_PASSWORD",
    "admin.prompt_new_password": "New password:",
    "admin.prompt_repeat": "Repeat the new password:",
    "admin.passwords_differ": "the two passwords differ; nothing was changed",
    "access.last_admin": "this is the last active administrator; make someone else administrator first",
    "access.self": "you cannot deactivate your own account",
    "access.reason_required": "say why the account is deactivated (--reason)",
    "access.not_found": "no such user",
    "backup.done": "backup written to {path} ({pages} pages, {seconds:.2f} s)",
    "backup.cancelled": "the backup was cancelled; no file was written",
    "backup.postgres": "a PostgreSQL database is backed up with the server's own tool: {command}",
    "backup.no_folder": "cannot write there: the folder {folder} does not exist",
    "backup.same_file": "a backup cannot replace the database itself ({path})",
    "backup.is_folder": "{path} is a folder: give a file name for the backup",
    "backup.cannot_write": "cannot write the backup {path}: {reason}",
    "backup.source_busy": "{name} is in use by another program; no backup was written. Try again when it has "
                          "finished.",
    "restore.postgres": "a PostgreSQL database is restored with the server's own tool: {command}",
    "restore.missing": "{path} does not exist",
    "restore.not_sqlite": "{name} is not a QualityBridge backup (not an SQLite file); nothing was changed",
    "restore.damaged": "{name} is damaged ({detail}); nothing was changed",
    "restore.not_qb": "{name} is not a QualityBridge database; nothing was changed",
    "restore.newer": "{name} was written by a newer version of QualityBridge (schema {revision}); nothing was changed",
    "restore.same_file": "a database cannot be restored from itself ({path})",
    "restore.need_yes": "restoring replaces the database: add --yes to confirm",
    "restore.no_file": "name the backup to restore: qualitybridge restore FILE --db PATH",
    "restore.confirm": "Replace {db} with {file}? The current file is kept as a backup. [y/N]",
    "restore.not_done": "not restored; nothing was changed",
    "restore.done": "{db} restored from {file}; the previous file was kept as {kept}",
    "users.header": "user name|full name|roles|state|last sign-in",
    "users.active": "active",
    "users.inactive": "disabled",
    "users.locked": "locked until {until}",
    "users.count": "{n} user(s)",
    "users.unknown": "no user named {username}",
    "users.added": "user {username} created ({roles})",
    "users.disabled": "user {username} disabled",
    "users.reset": "password of {username} reset; it must be changed at the next sign-in",
})
ZH.update({
    "admin.no_tty": "没有终端可以询问新密码：请设置 QUALITYBRIDGE_NEW_PASSWORD",
    "admin.prompt_new_password": "新密码：",
    "admin.prompt_repeat": "再次输入新密码：",
    "admin.passwords_differ": "两次输入的密码不一致；未做任何更改",
    "access.last_admin": "这是最后一位有效的管理员；请先指定其他人为管理员",
    "access.self": "不能停用自己的账户",
    "access.reason_required": "请说明停用账户的原因（--reason）",
    "access.not_found": "没有该用户",
    "backup.done": "备份已写入 {path}（{pages} 页，{seconds:.2f} 秒）",
    "backup.cancelled": "备份已取消；未写入任何文件",
    "backup.postgres": "PostgreSQL 数据库请使用服务器自带的工具备份：{command}",
    "backup.no_folder": "无法写入：文件夹 {folder} 不存在",
    "backup.same_file": "备份不能覆盖数据库本身（{path}）",
    "backup.is_folder": "{path} 是文件夹：请给出备份的文件名",
    "backup.cannot_write": "无法写入备份 {path}：{reason}",
    "backup.source_busy": "{name} 正被其他程序使用；未写入备份。请等其完成后重试。",
    "restore.postgres": "PostgreSQL 数据库请使用服务器自带的工具恢复：{command}",
    "restore.missing": "{path} 不存在",
    "restore.not_sqlite": "{name} 不是 QualityBridge 备份（不是 SQLite 文件）；未做任何更改",
    "restore.damaged": "{name} 已损坏（{detail}）；未做任何更改",
    "restore.not_qb": "{name} 不是 QualityBridge 数据库；未做任何更改",
    "restore.newer": "{name} 由更新版本的 QualityBridge 写入（数据库结构 {revision}）；未做任何更改",
    "restore.same_file": "数据库不能从自身恢复（{path}）",
    "restore.need_yes": "恢复会替换数据库：请加 --yes 确认",
    "restore.no_file": "请指定要恢复的备份：qualitybridge restore 文件 --db 路径",
    "restore.confirm": "用 {file} 替换 {db}？当前文件将保留为备份。[y/N]",
    "restore.not_done": "未恢复；未做任何更改",
    "restore.done": "{db} 已从 {file} 恢复；原文件保留为 {kept}",
    "users.header": "用户名|姓名|角色|状态|最近登录",
    "users.active": "有效",
    "users.inactive": "已停用",
    "users.locked": "锁定至 {until}",
    "users.count": "共 {n} 个用户",
    "users.unknown": "没有名为 {username} 的用户",
    "users.added": "已创建用户 {username}（{roles}）",
    "users.disabled": "已停用用户 {username}",
    "users.reset": "已重置 {username} 的密码；下次登录时须更改",
})


# --- inspection (issue 13): sampling plans and the inspection commands -------------------------
EN.update({
    "plan.header": "GB/T 2828.1-2012 {severity} inspection, level {level}, AQL {aql:g}, lot of {lot_size}",
    "plan.letter": "code letter {letter}",
    "plan.arrow": "code letter {letter} (arrow from {requested}: {table_n} samples of letter {letter})",
    "plan.line": "n = {n}, Ac = {ac}, Re = {re}",
    "plan.hundred": "n = {n} (100 % inspection: the table's sample size {table_n} is not smaller than the lot), "
                    "Ac = {ac}, Re = {re}",
    "plan.bad": "{message}",
    "inspection.switching": "switching updated for the supplier × part pairs in the file",
    "inspection.exported": "{n} lots written to {path}",
    "inspection.record": "inspection record of lot {lot}",
    "inspection.sheet": "blank inspection sheet of {supplier} × {part}",
    "inspection.recomputed": "switching replayed for {pairs} pairs from {lots} lots; {changed} states corrected",
})
ZH.update({
    "plan.header": "GB/T 2828.1-2012 {severity}，检验水平 {level}，AQL {aql:g}，批量 {lot_size}",
    "plan.letter": "样本量字码 {letter}",
    "plan.arrow": "样本量字码 {letter}（由 {requested} 沿箭头取 {letter} 的样本量 {table_n}）",
    "plan.line": "n = {n}，Ac = {ac}，Re = {re}",
    "plan.hundred": "n = {n}（全检：表中样本量 {table_n} 不小于批量），Ac = {ac}，Re = {re}",
    "plan.bad": "{message}",
    "inspection.switching": "已按文件中的供应商 × 物料更新转移规则状态",
    "inspection.exported": "已将 {n} 个检验批写入 {path}",
    "inspection.record": "批 {lot} 的检验记录",
    "inspection.sheet": "{supplier} × {part} 的空白检验单",
    "inspection.recomputed": "已按 {lots} 个检验批重算 {pairs} 个供应商 × 物料的转移状态；更正 {changed} 个",
})


# --- sampling engine refusals, as the plan command shows them ---------------------------------------
EN.update({
    "sampling.not_preferred": "AQL {aql} is not a preferred AQL of GB/T 2828.1-2012 Tables 2-A/2-B/2-C; "
                              "nearest preferred: {near}",
    "sampling.level": "unknown inspection level {text}; use S-1, S-2, S-3, S-4, I, II or III",
    "sampling.aql": "the AQL must be a positive number such as 1.0, not {text}",
    "sampling.severity": "the severity must be normal, tightened or reduced, not {text}",
    "sampling.lot_small": "the lot size must be at least 2 items, not {value}",
    "sampling.lot_large": "a lot of {value} items is implausibly large",
})
ZH.update({
    "sampling.not_preferred": "AQL {aql} 不是 GB/T 2828.1-2012 表 2-A/2-B/2-C 的优先 AQL；最接近的优先值：{near}",
    "sampling.level": "未知的检验水平 {text}；可用 S-1、S-2、S-3、S-4、I、II 或 III",
    "sampling.aql": "AQL 必须是正数（如 1.0），不能是 {text}",
    "sampling.severity": "检验严格度必须是 normal（正常）、tightened（加严）或 reduced（放宽），不能是 {text}",
    "sampling.lot_small": "批量至少为 2 件，不能是 {value}",
    "sampling.lot_large": "批量 {value} 件大得不合理",
})


# --- crm sales (issue 16): qualitybridge sales pipeline|reminders --------------------------------
EN.update({
    "sales.stage": "{stage}: {n} opportunities, expected {expected}, weighted {weighted}",
    "sales.win_rate": "win rate (won / closed): {rate}",
    "sales.reminders": "{n} reminder(s) due on {day}, {overdue} overdue",
    "sales.reminder": "{day}  {subject}  ({customer})",
    "sales.reminder_overdue": "{day}  {subject}  ({customer})  overdue",
    "sales.bad_date": "'{value}' is not a date (YYYY-MM-DD)",
})
ZH.update({
    "sales.stage": "{stage}：{n} 个销售机会，预计 {expected}，加权 {weighted}",
    "sales.win_rate": "赢单率（赢单 / 已结束）：{rate}",
    "sales.reminders": "{day} 到期提醒 {n} 条，其中逾期 {overdue} 条",
    "sales.reminder": "{day}  {subject}（{customer}）",
    "sales.reminder_overdue": "{day}  {subject}（{customer}）已逾期",
    "sales.bad_date": "“{value}”不是日期（YYYY-MM-DD）",
})


# --- satisfaction responses (waves, entry, answer import) ------------------------------------------
EN.update({
    "satisfaction.out_of_scale": "{text!r} is not an answer to {item} (scale {lo}–{hi}; leave blank for no answer)",
    "satisfaction.no_customer": "customer {code!r} was not asked in this wave (not one of its targets)",
    "satisfaction.no_answers": "the answer sheet has no answer at all (a respondent who answered nothing is not stored)",
    "satisfaction.contact_needed": "{code} was asked through its contacts: name the contact who answered",
    "satisfaction.no_contact": "{name!r} is not a contact of {code}",
    "satisfaction.repeat": "{code} answers twice (also line {first})",
    "satisfaction.answered": "{code} has already answered in this wave",
    "satisfaction.no_item_columns": "no column of the file is a question of the survey (map the columns)",
    "satisfaction.no_items": "the survey version has no questions",
    "satisfaction.no_file": "{path} does not exist",
    "satisfaction.bad_workbook": "not a readable xlsx workbook ({detail})",
})
ZH.update({
    "satisfaction.out_of_scale": "{text!r} 不是题目 {item} 的答案（量表 {lo}–{hi}；未作答请留空）",
    "satisfaction.no_customer": "顾客 {code!r} 不是本批次的调查对象",
    "satisfaction.no_answers": "该答卷没有任何答案（未作答的受访者不予保存）",
    "satisfaction.contact_needed": "{code} 是通过联系人调查的：请填写作答的联系人",
    "satisfaction.no_contact": "{name!r} 不是 {code} 的联系人",
    "satisfaction.repeat": "{code} 重复作答（另见第 {first} 行）",
    "satisfaction.answered": "{code} 已在本轮调查中作答",
    "satisfaction.no_item_columns": "文件中没有任何一列是本问卷的题目（请映射列）",
    "satisfaction.no_items": "该问卷版本没有题目",
    "satisfaction.no_file": "{path} 不存在",
    "satisfaction.bad_workbook": "不是可读的 xlsx 工作簿（{detail}）",
})


# --- satisfaction analysis (survey analyse) ---------------------------------------------------------
EN.update({
    "survey.analysis_head": "Wave {wave} of survey {survey}: {n} respondent(s), {targets} asked, response rate {rate}",
    "survey.analysis_csi": "Weighted CSI {index} (95 % CI {low}–{high})",
    "survey.analysis_latent": "  {name}: {index} (95 % CI {low}–{high}){r2}",
    "survey.analysis_pls": "PLS ({model}, {rows} complete answers): latent index 0–100",
    "survey.analysis_path": "  {path}: {coef}{ci}",
    "survey.analysis_nps": "NPS {nps} ({promoters} promoters, {passives} passives, {detractors} detractors)",
    "survey.analysis_kano": "  Kano {attribute}: {category} (Better {better}, Worse {worse})",
    "survey.analysis_priority": "  priority: {item} — importance {importance}, performance {performance}",
    "survey.analysis_problem": "  not computed: {detail}",
    "survey.analysis_written": "Analysis of wave {wave} written to {path}",
    "survey.analysis_bad_out": "{path}: the analysis is written as .pdf (report), .xlsx or .json",
    "survey.wave_unknown": "there is no survey wave {wave}",
    "survey.sheet_unknown": "there is no answer sheet {sheet}",
    "survey.wave_empty": "wave {wave} has no answers yet",
    "survey.survey_unknown": "there is no survey {survey}",
    "survey.segment_unknown": "unknown segment {segment!r} (use value_class, industry or region)",
    "survey.wave_of_other_survey": "wave {wave} belongs to survey {actual}, not {survey}",
    "survey.wave_closed": "wave {wave} is closed: answers can no longer be added",
    "survey.entry_refused": "{count} problem(s), nothing saved: {first}",
    "survey.imported": "{n} answer sheet(s) imported into wave {wave}",
    "survey.blank_bad_out": "{path}: the blank questionnaire is written as .pdf or .xlsx",
    "survey.blank_written": "Questionnaire {survey} version {version} written to {path}",
    "survey.no_version": "survey {survey} has no version {version}",
})
ZH.update({
    "survey.analysis_head": "调查 {survey} 第 {wave} 批：答卷 {n} 份，调查对象 {targets} 个，回收率 {rate}",
    "survey.analysis_csi": "加权满意度指数 CSI {index}（95% 置信区间 {low}–{high}）",
    "survey.analysis_latent": "  {name}：{index}（95% 置信区间 {low}–{high}）{r2}",
    "survey.analysis_pls": "PLS（{model}，完整答卷 {rows} 份）：潜变量指数 0–100",
    "survey.analysis_path": "  {path}：{coef}{ci}",
    "survey.analysis_nps": "净推荐值 NPS {nps}（推荐者 {promoters}，中立者 {passives}，贬损者 {detractors}）",
    "survey.analysis_kano": "  Kano {attribute}：{category}（Better {better}，Worse {worse}）",
    "survey.analysis_priority": "  优先改进：{item} —— 重要性 {importance}，绩效 {performance}",
    "survey.analysis_problem": "  未能计算：{detail}",
    "survey.analysis_written": "第 {wave} 批的分析已写入 {path}",
    "survey.analysis_bad_out": "{path}：分析结果可写为 .pdf（报告）、.xlsx 或 .json",
    "survey.wave_unknown": "没有调查批次 {wave}",
    "survey.sheet_unknown": "没有答卷 {sheet}",
    "survey.wave_empty": "批次 {wave} 尚无答卷",
    "survey.survey_unknown": "没有调查 {survey}",
    "survey.segment_unknown": "未知的细分维度 {segment!r}（可用 value_class、industry 或 region）",
    "survey.wave_of_other_survey": "批次 {wave} 属于调查 {actual}，不属于 {survey}",
    "survey.wave_closed": "批次 {wave} 已关闭，不能再添加答卷",
    "survey.entry_refused": "{count} 个问题，未保存任何数据：{first}",
    "survey.imported": "已向批次 {wave} 导入 {n} 份答卷",
    "survey.blank_bad_out": "{path}：空白问卷可写为 .pdf 或 .xlsx",
    "survey.blank_written": "问卷 {survey} 第 {version} 版已写入 {path}",
    "survey.no_version": "调查 {survey} 没有第 {version} 版",
})


# --- crmreports (issue 16): qualitybridge report customer|sales|campaign|service|custom ----------
def _crm_report_messages() -> None:
    from app.models.crm.reports_errors import MESSAGES as _REPORT_MESSAGES

    EN.update({k: en for k, (en, _zh) in _REPORT_MESSAGES.items()})
    ZH.update({k: zh.replace("{kind_zh}", "{kind}") for k, (_en, zh) in _REPORT_MESSAGES.items()})


_crm_report_messages()
EN.update({
    "crmreports.written": "{report} written to {path} ({sections} sections)",
})
ZH.update({
    "crmreports.written": "已将{report}写入 {path}（{sections} 个部分）",
})


# --- agreement areas (areas helper: order of the eight content areas) -------------------------------
EN.update({
    "agreement.area_line": "{no}  {label} (content area {area}, {n} clause(s))",
    "agreement.area_heading": "agreement {number} version {version}: content areas in document order",
    "agreement.area_moved": "agreement {number} version {version}: “{label}” moved from {old} to {new}",
    "agreement.area_unmoved": "agreement {number} version {version}: “{label}” is already at {old}; nothing changed",
    "agreement.area_frozen": "agreement {number} version {version} is {state} and cannot be changed; start a new version",
    "agreement.area_step": "--move needs --up or --down",
})
ZH.update({
    "agreement.area_line": "{no}  {label}（内容区域 {area}，{n} 条）",
    "agreement.area_heading": "协议 {number} 第 {version} 版：各内容区域在文本中的顺序",
    "agreement.area_moved": "协议 {number} 第 {version} 版：“{label}”已从第 {old} 章移至第 {new} 章",
    "agreement.area_unmoved": "协议 {number} 第 {version} 版：“{label}”已在第 {old} 章，未作更改",
    "agreement.area_frozen": "协议 {number} 第 {version} 版{state}，不能修改；请新建版本",
    "agreement.area_step": "--move 需要同时给出 --up 或 --down",
})


# --- crm value (issue 16): orders import|list, customers value ------------------------------------------
EN.update({
    "orders.imported": "{file}: {orders} order(s) with {lines} line(s) imported ({linked} line(s) linked to a customer part)",
    "orders.mapping_saved": "column mapping saved as {name!r}",
    "orders.map_or_mapping": "give either --mapping NAME or --map FIELD=HEADER, not both",
    "orders.remember_needs_map": "--remember needs the mapping to save, given with --map FIELD=HEADER",
    "orders.unknown_field": "unknown field(s) {fields}; the fields are {known}",
    "orders.row": "{no}  {day}  {customer}  {lines} line(s)  {amount} {currency}  margin {margin}",
    "orders.listed": "{n} order(s)",
    "orders.bad_limit": "--limit must be at least 1, not {value}",
    "value.written": "{n} customer(s) written to {path}: {important} proposed important, {lost} lost, {risk} at risk",
    "crm.no_customer": "there is no customer {code!r}",
    "crm.order_exists": "order {order} is already in the database",
    "crm.order_mismatch": "order {order}: customer or date differs from line {first}",
})
ZH.update({
    "orders.imported": "{file}：已导入 {orders} 个订单、{lines} 行（其中 {linked} 行关联到顾客零件）",
    "orders.mapping_saved": "列映射已保存为“{name}”",
    "orders.map_or_mapping": "--mapping 名称 与 --map 字段=列标题 只能二选一",
    "orders.remember_needs_map": "--remember 需要用 --map 字段=列标题 给出要保存的映射",
    "orders.unknown_field": "未知字段 {fields}；可用字段为 {known}",
    "orders.row": "{no}  {day}  {customer}  {lines} 行  {amount} {currency}  毛利 {margin}",
    "orders.listed": "共 {n} 个订单",
    "orders.bad_limit": "--limit 至少为 1，不能是 {value}",
    "value.written": "已将 {n} 个顾客写入 {path}：建议重要 {important} 个、流失 {lost} 个，有流失风险 {risk} 个",
    "crm.no_customer": "没有代码为 {code!r} 的顾客",
    "crm.order_exists": "订单 {order} 已在数据库中",
    "crm.order_mismatch": "订单 {order}：顾客或日期与第 {first} 行不一致",
})


# --- satisfaction: complaint ratings as the transaction survey ----------------------------------------
EN.update({
    "survey.synced": "{survey}: {total} rated complaint(s) read, {stored} answer(s) stored, {updated} updated "
                     "({moved} moved to the quarter of a later close), {waves} new wave(s)",
})
ZH.update({
    "survey.synced": "{survey}：读取已评价投诉 {total} 条，存入答卷 {stored} 份、更新 {updated} 份"
                     "（其中 {moved} 份随重新关闭移至新的季度），新建批次 {waves} 个",
})


# --- satisfaction model editor and wave planning: texts kept in app.models.satisfaction.messages --------
def _sat_model_messages() -> None:
    from app.models.satisfaction.messages import MESSAGES as _MODEL_MESSAGES

    EN.update({k: en for k, (en, _zh) in _MODEL_MESSAGES.items()})
    ZH.update({k: zh for k, (_en, zh) in _MODEL_MESSAGES.items()})


_sat_model_messages()


# --- satdesign (issue 15, survey design): refusals of app.models.satisfaction.design ------------------
def _sat_design_messages() -> None:
    from app.models.satisfaction.design import MESSAGES as _DESIGN_MESSAGES

    EN.update({k: en for k, (en, _zh) in _DESIGN_MESSAGES.items()})
    ZH.update({k: zh for k, (_en, zh) in _DESIGN_MESSAGES.items()})


_sat_design_messages()


# --- satisfaction CLI: survey model / survey wave (issue 15, headless model editor and wave planning) ------
EN.update({
    "survey.option": "{option}: {message}",
    "survey.model.head": "{version} ({state}, model {kind}); satisfaction block: {satisfaction}",
    "survey.model.kind_custom": "custom",
    "survey.model.blocks": "Blocks ({n}):",
    "survey.model.items": "{n} indicator(s)",
    "survey.model.paths": "Paths ({n}):",
    "survey.model.indicators": "Indicators and the block each measures ({n}):",
    "survey.model.none": "(none)",
    "survey.model.problems": "Problems: {errors} error(s), {warnings} warning(s)",
    "survey.model.problem": "{severity}: {text}",
    "survey.model.error": "error",
    "survey.model.warning": "warning",
    "survey.model.invalid": "the model of {version} has {n} error(s)",
    "survey.model.valid": "the model of {version} is valid ({warnings} warning(s))",
    "survey.model.template_applied": "{version}: model {kind} applied — {blocks} block(s), {paths} path(s); "
                                     "{errors} error(s) left (see 'survey model validate')",
    "survey.model.block_added": "{version}: block {block} added ({zh} / {en})",
    "survey.model.block_renamed": "{version}: block {old} renamed {new} ({zh} / {en}); its paths and indicators follow",
    "survey.model.block_relabelled": "{version}: block {block} labelled {zh} / {en}",
    "survey.model.block_deleted": "{version}: block {block} deleted with {paths} path(s); {items} indicator(s) "
                                  "measure no block now",
    "survey.model.path_added": "{version}: path {source} → {target} added{note}",
    "survey.model.path_cycle": " (the paths now form a cycle: the model is invalid until one is deleted)",
    "survey.model.path_deleted": "{version}: path {source} → {target} deleted",
    "survey.model.assigned": "{version}: indicator {item} measures {block} (was {old})",
    "survey.model.unassigned": "{version}: indicator {item} measures no block (was {old})",
    "survey.model.no_item": "{version} has no indicator {item}",
    "survey.model.rename_nothing": "block rename needs --new-name, --label-zh or --label-en",
    "survey.wave.columns": "Wave|Survey|Period|State|Targets|Answers",
    "survey.wave.none": "no survey waves yet",
    "survey.wave.planned": "wave {wave} of {version} planned for {start} – {end} with {n} target(s)",
    "survey.wave.targets_added": "{n} target(s) added to wave {wave} ({total} in all)",
    "survey.wave.targets_removed": "{n} target(s) removed from wave {wave} ({total} left)",
    "survey.wave.opened": "wave {wave} is open: answers may be entered or imported",
    "survey.wave.closed": "wave {wave} is closed",
    "survey.wave.bad_date": "{option}: {value!r} is not a date (YYYY-MM-DD)",
    "survey.wave.unknown_value": "{option}: {value!r} is not used in the customer master (known: {known})",
})
ZH.update({
    "survey.option": "{option}：{message}",
    "survey.model.head": "{version}（{state}，模型 {kind}）；满意度潜变量：{satisfaction}",
    "survey.model.kind_custom": "自定义",
    "survey.model.blocks": "潜变量（{n} 个）：",
    "survey.model.items": "{n} 个指标",
    "survey.model.paths": "路径（{n} 条）：",
    "survey.model.indicators": "指标及其测量的潜变量（{n} 个）：",
    "survey.model.none": "（无）",
    "survey.model.problems": "问题：{errors} 个错误，{warnings} 个警告",
    "survey.model.problem": "{severity}：{text}",
    "survey.model.error": "错误",
    "survey.model.warning": "警告",
    "survey.model.invalid": "{version} 的模型有 {n} 个错误",
    "survey.model.valid": "{version} 的模型有效（{warnings} 个警告）",
    "survey.model.template_applied": "{version}：已套用 {kind} 模型——{blocks} 个潜变量、{paths} 条路径；"
                                     "尚有 {errors} 个错误（见 'survey model validate'）",
    "survey.model.block_added": "{version}：已添加潜变量 {block}（{zh} / {en}）",
    "survey.model.block_renamed": "{version}：潜变量 {old} 已改名为 {new}（{zh} / {en}），其路径和指标随之更新",
    "survey.model.block_relabelled": "{version}：潜变量 {block} 的名称改为 {zh} / {en}",
    "survey.model.block_deleted": "{version}：已删除潜变量 {block} 及其 {paths} 条路径；{items} 个指标现在不测量任何潜变量",
    "survey.model.path_added": "{version}：已添加路径 {source} → {target}{note}",
    "survey.model.path_cycle": "（路径现已构成循环：删除其中一条之前模型无效）",
    "survey.model.path_deleted": "{version}：已删除路径 {source} → {target}",
    "survey.model.assigned": "{version}：指标 {item} 测量 {block}（原为 {old}）",
    "survey.model.unassigned": "{version}：指标 {item} 不再测量任何潜变量（原为 {old}）",
    "survey.model.no_item": "{version} 没有指标 {item}",
    "survey.model.rename_nothing": "block rename 需要 --new-name、--label-zh 或 --label-en",
    "survey.wave.columns": "批次|问卷|期间|状态|调查对象|答卷",
    "survey.wave.none": "尚无调查批次",
    "survey.wave.planned": "已计划 {version} 的批次 {wave}，期间 {start} – {end}，调查对象 {n} 个",
    "survey.wave.targets_added": "已向批次 {wave} 添加 {n} 个调查对象（共 {total} 个）",
    "survey.wave.targets_removed": "已从批次 {wave} 移除 {n} 个调查对象（剩余 {total} 个）",
    "survey.wave.opened": "批次 {wave} 已开始：可以录入或导入答卷",
    "survey.wave.closed": "批次 {wave} 已结束",
    "survey.wave.bad_date": "{option}：{value!r} 不是日期（YYYY-MM-DD）",
    "survey.wave.unknown_value": "{option}：顾客主数据中没有 {value!r}（已有：{known}）",
})


# --- satisfaction CLI: survey version (new draft, release, retire) ---------------------------------------
EN.update({
    "survey.version.row": "{version}  {state}  model {model}  released by {by}",
    "survey.version.created": "{version} created as a draft, copied from {source}",
    "survey.version.released": "{version} released: it is frozen now and can be asked in a wave",
    "survey.version.retired": "{version} retired: its waves and answers stay",
})
ZH.update({
    "survey.version.row": "{version}  {state}  模型 {model}  发布人 {by}",
    "survey.version.created": "已由 {source} 复制建立草稿 {version}",
    "survey.version.released": "{version} 已发布：现已冻结，可用于调查批次",
    "survey.version.retired": "{version} 已停用：其调查批次与答卷保留",
})
