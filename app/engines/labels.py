"""One vocabulary for the supplier side, in both languages: the words screens, printed reports
and commands use for the stored codes (issue 10 §9, §11). Pure: no Qt, no database.

``word(kind, code, lang)`` gives the label; unknown codes come back as they are. The Qt screens
call it with the interface language instead of keeping their own translations, so the audit
wizard, the printed audit report, its rule text and the CLI can never disagree.

Severity of audit findings follows the usual supplier-audit grading (VDA 6.3 / IATF 16949 audit
practice): observation 观察项 (no nonconformity), minor 一般不符合, major 严重不符合, critical
致命不符合 — each Chinese word used for one level only (English: Observation / Minor / Major /
Critical, the usual audit terms).
"""

from __future__ import annotations

LANGS = ("zh_CN", "en")

VOCABULARY: dict[str, dict[str, tuple[str, str]]] = {
    # audit finding severity (app.engines.audit.SEVERITIES)
    "severity": {
        "observation": ("观察项", "Observation"),
        "minor": ("一般不符合", "Minor"),
        "major": ("严重不符合", "Major"),
        "critical": ("致命不符合", "Critical"),
    },
    # audit result (app.engines.audit.AUDIT_RESULTS)
    "audit_result": {
        "approved": ("批准", "Approved"),
        "conditional": ("有条件批准", "Conditionally approved"),
        "not_approved": ("不批准", "Not approved"),
    },
    # why the result is what it is (app.engines.audit.AuditScore.reason)
    "audit_reason": {
        "score": ("按得分判定", "by score"),
        "critical_finding": ("存在致命不符合", "a critical finding"),
        "major_finding": ("存在严重不符合", "a major finding"),
        "incomplete": ("尚有条款未评分", "items not yet scored"),
        "no_applicable_items": ("没有适用的条款", "no applicable items"),
        "not_completed": ("审核尚未完成", "the audit is not completed"),
    },
    # audit type (app.engines.audit.AUDIT_TYPES)
    "audit_type": {
        "qms": ("质量管理体系审核", "Quality management system audit"),
        "process": ("过程审核", "Process audit"),
        "product": ("产品审核", "Product audit"),
    },
    # why the audit is held (app.engines.audit.AUDIT_OCCASIONS)
    "occasion": {
        "selection": ("供应商选择", "Supplier selection"),
        "first_supply": ("首次供货 / 首件", "First supply / first article"),
        "periodic": ("定期（监督）审核", "Periodic (surveillance)"),
        "problem": ("质量问题触发", "Quality problem"),
        "reapproval": ("再认可", "Re-approval"),
    },
    # survey recommendation (app.engines.survey.RECOMMENDATIONS)
    "survey_recommendation": {
        "recommend": ("建议进入现场审核", "Recommended for the on-site audit"),
        "conditional": ("有条件进入下一步（需补充资料或整改）", "Proceed with conditions (more evidence or improvements needed)"),
        "reject": ("不建议选用", "Not recommended"),
    },
    # state of a survey or audit record
    "record_status": {
        "draft": ("草稿", "Draft"),
        "submitted": ("已提交", "Submitted"),
        "completed": ("已完成", "Completed"),
    },
    # supplier status (app.models.suppliers.tables.SupplierStatus)
    "supplier_status": {
        "potential": ("潜在", "Potential"),
        "under_evaluation": ("评价中", "Under evaluation"),
        "approved": ("已认可", "Approved"),
        "conditional": ("有条件认可", "Conditionally approved"),
        "suspended": ("已暂停", "Suspended"),
        "disqualified": ("已取消资格", "Disqualified"),
    },
    # state of (mandatory) certificates
    "certificate": {
        "valid": ("有效", "Valid"),
        "expiring": ("即将到期", "Expiring soon"),
        "expired": ("已过期", "Expired"),
        "open_ended": ("无到期日", "No expiry"),
        "none": ("无体系证书", "No QMS certificate"),
    },
    # why a grade's suggested actions were overridden (app.engines.grading.apply_holds)
    "hold": {
        "disqualified": ("已取消资格：不分配订单", "disqualified: no orders"),
        "suspended": ("已暂停：不下新订单", "suspended: no new orders"),
        "not_approved": ("未批准（不在合格供应商名录）：不分配订单", "not approved (not on the qualified list): no orders"),
        "certificate_expired": ("必备体系证书已过期：不放宽检验", "mandatory certificate expired: no reduced inspection"),
        "overdue_car": ("有逾期纠正措施：不放宽检验", "overdue corrective action: no reduced inspection"),
        "agreement_breaches": ("协议目标违约达到设定次数：等级降一级", "agreement target breaches reached the set number: grade lowered one letter"),
    },
    # corrective action request status
    "car_status": {
        "open": ("未回复", "Open"),
        "answered": ("已回复", "Answered"),
        "verified": ("已验证", "Verified"),
        "closed": ("已关闭", "Closed"),
        "cancelled": ("已取消", "Cancelled"),
    },
}


def word(kind: str, code: object, lang: str = "en") -> str:
    """The label of ``code`` in the vocabulary ``kind``; the code itself when unknown."""
    if code is None:
        return ""
    pair = VOCABULARY[kind].get(str(code))
    if pair is None:
        return str(code)
    return pair[0] if lang == "zh_CN" else pair[1]


def words(kind: str, lang: str = "en") -> dict[str, str]:
    """Every label of one vocabulary, by code, in one language."""
    return {code: (zh if lang == "zh_CN" else en) for code, (zh, en) in VOCABULARY[kind].items()}


def audit_rule_text(lang: str, approved: float, conditional: float) -> str:
    """The printed decision rule of an audit, in the vocabulary's words (app.engines.audit.audit_result:
    a critical nonconformity means not approved, a major one at most conditionally approved)."""
    r, sev = words("audit_result", lang), words("severity", lang)
    if lang == "zh_CN":
        return (f"≥ {approved:.0f}% {r['approved']}；≥ {conditional:.0f}% {r['conditional']}；其余{r['not_approved']}。"
                f"有{sev['critical']} → {r['not_approved']}；有{sev['major']} → 最多{r['conditional']}。")
    return (f">= {approved:.0f}% {r['approved'].lower()}; >= {conditional:.0f}% {r['conditional'].lower()}; "
            f"otherwise {r['not_approved'].lower()}. A {sev['critical'].lower()} finding means "
            f"{r['not_approved'].lower()}; a {sev['major'].lower()} finding at most {r['conditional'].lower()}.")


def local_name(name_zh: str | None, name_en: str | None, lang: str) -> str:
    """A name in the reader's language, falling back to the other language's name when that one
    is empty (a supplier recorded with only an English name still prints its name in Chinese)."""
    first, second = (name_zh, name_en) if lang == "zh_CN" else (name_en, name_zh)
    return (first or "").strip() or (second or "").strip()
