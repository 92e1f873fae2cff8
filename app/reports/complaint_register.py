"""The complaint register (投诉台账): every complaint of a period with state, SLA and costs, as
xlsx or CSV through ``app.reports.tabular`` (text stays text, CSV with a BOM for Excel)."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd

from app.engines import sla
from app.reports.tabular import write_by_suffix, write_csv, write_xlsx

HEADERS = {
    "zh_CN": ["编号", "接收时间", "顾客代码", "顾客名称", "类型", "严重度", "优先级", "状态", "当前步骤", "标题",
              "缺陷", "零件", "追溯供应商", "SCAR", "涉及数量", "质量成本", "顾客评分", "重开次数", "关闭时间",
              "时限节点", "剩余/超期（工作分钟）", "到期时间", "超期", "等待顾客"],
    "en": ["Number", "Received", "Customer code", "Customer", "Type", "Severity", "Priority", "State", "Current step",
           "Title", "Defect", "Part", "Traced supplier", "SCAR", "Qty affected", "Cost of poor quality", "Rating",
           "Reopened", "Closed", "SLA milestone", "Left / overdue (working minutes)", "Due", "Overdue",
           "Waiting on customer"],
}
LABELS = {
    "zh_CN": {"quality": "质量", "delivery": "交付", "commercial": "商务", "documentation": "文件资料",
              "service_enquiry": "服务咨询", "repair": "维修", "return": "退货", "critical": "严重", "major": "主要",
              "minor": "一般", "high": "高", "normal": "中", "low": "低", "open": "处理中", "waiting": "等待顾客",
              "closed": "已关闭", "first_response": "首次响应", "containment": "遏制", "root_cause": "根本原因",
              "closure": "关闭", True: "是", False: "否"},
    "en": {True: "yes", False: "no"},
}


def _clean(v):
    if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if hasattr(v, "item"):
        return v.item()
    return v


def register_rows(frame: pd.DataFrame, lang: str = "en") -> list[list]:
    lab = LABELS.get(lang, LABELS["en"])
    name = "customer_name_zh" if lang == "zh_CN" else "customer_name_en"
    other = "customer_name_en" if lang == "zh_CN" else "customer_name_zh"
    rows = []
    for r in frame.to_dict("records"):
        rows.append([_clean(x) for x in (
            r["number"], r["received_at"], r["customer_code"], r[name] or r[other],
            lab.get(r["complaint_type"], r["complaint_type"]), lab.get(r["severity"], r["severity"]),
            lab.get(r["priority"], r["priority"]), lab.get(r["state"], r["state"]), r["current_step"], r["title"],
            r["defect"], r["part_code"], r["supplier_code"], r["car_number"],
            r["qty_affected"], r["cost_total"], r["rating"], r["reopen_count"], r["closed_at"],
            lab.get(r["milestone"], r["milestone"]) if isinstance(r["milestone"], str) else None,
            r["left"], r["due_at"], lab.get(bool(r["overdue"]), r["overdue"]), lab.get(bool(r["paused"]), r["paused"]))])
    return rows


def write_register(frame: pd.DataFrame, path: str | os.PathLike[str], *, lang: str = "en") -> Path:
    header = HEADERS.get(lang, HEADERS["en"])
    rows = register_rows(frame, lang)
    title = "投诉台账" if lang == "zh_CN" else "Complaint register"
    return write_by_suffix(path, {
        ".csv": lambda p: write_csv(p, header, rows),
        ".xlsx": lambda p: write_xlsx(p, header, rows, title=title, date_format="yyyy-mm-dd hh:mm",
                                      widths=[15, 17, 12, 24, 10, 8, 8, 10, 10, 30, 16, 12, 12, 15, 9, 11, 8, 8, 17,
                                              12, 14, 17, 7, 9]),
    })


def left_text(minutes, calendar: sla.Calendar, lang: str) -> str:
    return "" if minutes is None or (isinstance(minutes, float) and math.isnan(minutes)) else \
        sla.format_minutes(int(minutes), calendar, lang)
