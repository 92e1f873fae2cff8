"""Every supplier, evaluation and core service that changes data checks its permission before
anything else: a viewer is refused by each one (naming the permission), and a new changing
service (by its verb) cannot be added without appearing here."""

from __future__ import annotations

import importlib
import inspect

import pytest

from app.models.admin.identity import Actor
from app.models.admin.permissions import PermissionDenied, catalogue

#: (module, function, positional arguments after db, permission)
SERVICES = [
    ("suppliers.master", "create_supplier", ({},), "suppliers.edit"),
    ("suppliers.master", "update_supplier", (1, {}), "suppliers.edit"),
    ("suppliers.master", "duplicate_supplier", (1,), "suppliers.edit"),
    ("suppliers.master", "delete_supplier", (1,), "suppliers.delete"),
    ("suppliers.master", "change_status", (1, "suspended"), "suppliers.status"),
    ("suppliers.master", "add_contact", (1, {}), "suppliers.edit"),
    ("suppliers.master", "update_contact", (1, {}), "suppliers.edit"),
    ("suppliers.master", "delete_contact", (1,), "suppliers.edit"),
    ("suppliers.master", "add_certificate", (1, {}), "suppliers.edit"),
    ("suppliers.master", "update_certificate", (1, {}), "suppliers.edit"),
    ("suppliers.master", "delete_certificate", (1,), "suppliers.edit"),
    ("suppliers.imports", "import_suppliers", ("x.csv",), "suppliers.import"),
    ("suppliers.surveys", "save_survey_draft", (None,), "surveys.edit"),
    ("suppliers.surveys", "submit_survey", (1, None), "surveys.edit"),
    ("suppliers.surveys", "delete_survey", (1,), "surveys.edit"),
    ("suppliers.surveys", "discard_survey_draft", (1,), "surveys.edit"),
    ("suppliers.audits", "save_template", ({},), "audits.templates"),
    ("suppliers.audits", "delete_template", ("x",), "audits.templates"),
    ("suppliers.audits", "reset_template", ("qms",), "audits.templates"),
    ("suppliers.audits", "import_template", ("x.json",), "audits.templates"),
    ("suppliers.audits", "save_audit_draft", (None,), "audits.edit"),
    ("suppliers.audits", "complete_audit", (1, None), "audits.edit"),
    ("suppliers.audits", "delete_audit", (1,), "audits.edit"),
    ("suppliers.audits", "discard_audit_draft", (1,), "audits.edit"),
    ("suppliers.corrective", "create_corrective_action", (1,), "corrective.create"),
    ("suppliers.corrective", "set_8d", (1, "D1", ""), "corrective.edit"),
    ("suppliers.corrective", "answer_car", (1,), "corrective.edit"),
    ("suppliers.corrective", "verify_car", (1,), "corrective.verify"),
    ("suppliers.corrective", "close_car", (1,), "corrective.verify"),
    ("suppliers.corrective", "cancel_car", (1,), "corrective.verify"),
    ("suppliers.approval", "start_approval", (1,), "approval.record"),
    ("suppliers.approval", "record_step", (1, "survey_received"), "approval.record"),
    ("suppliers.approval", "withdraw_qualification", (1,), "approval.approve"),
    ("suppliers.approval", "create_development_plan", (1, {}), "development.edit"),
    ("suppliers.approval", "update_development_plan", (1, {}), "development.edit"),
    ("suppliers.approval", "delete_development_plan", (1,), "development.edit"),
    ("evaluation.service", "evaluate_period", ("2026-01",), "evaluation.run"),
    ("evaluation.imports", "import_csv", ("deliveries", b""), "evaluation.import"),
    ("core.settings", "set_setting", ("x", 1), "admin.settings"),
]
KWARGS = {"change_status": {"reason": "r"}, "create_corrective_action": {"title": "t", "due_on": None},
          "record_step": {"result": "pass"}, "cancel_car": {"reason": "r"}, "withdraw_qualification": {"reason": "r"}}
VERBS = ("create_", "update_", "delete_", "add_", "set_", "save_", "submit_", "import_", "change_", "start_",
         "record_", "withdraw_", "verify_", "close_", "cancel_", "answer_", "complete_", "duplicate_", "reset_",
         "evaluate_", "discard_", "withdraw_", "approve_", "reopen_", "override_", "remove_", "restore_")


@pytest.fixture
def viewer(db):
    db.actor = Actor(6, "zhao.viewer", "赵磊 Zhao Lei", ("viewer",), frozenset({"suppliers.view"}))
    return db


@pytest.mark.parametrize("module,name,args,permission", SERVICES, ids=[s[1] for s in SERVICES])
def test_a_viewer_is_refused_before_anything_happens(viewer, module, name, args, permission):
    assert permission in catalogue()
    fn = getattr(importlib.import_module(f"app.models.{module}"), name)
    with pytest.raises(PermissionDenied) as refused:
        fn(viewer, *args, **KWARGS.get(name, {}))
    assert refused.value.permission == permission and refused.value.username == "zhao.viewer"


def test_every_changing_service_is_listed():
    listed = {(m, n) for m, n, _a, _p in SERVICES}
    found = set()
    for module in {m for m, *_ in SERVICES}:
        mod = importlib.import_module(f"app.models.{module}")
        for name, fn in vars(mod).items():
            if not inspect.isfunction(fn) or fn.__module__ != mod.__name__ or not name.startswith(VERBS):
                continue
            params = list(inspect.signature(fn).parameters)
            if params and params[0] == "db":
                found.add((module, name))
    assert found - listed == set(), "a changing service without a permission check test"


def test_approval_step_needs_approve(viewer):
    from app.models.suppliers import approval

    viewer.actor = Actor(4, "zhang.iqc", "张敏", ("incoming_inspector",), frozenset({"approval.record"}))
    with pytest.raises(PermissionDenied) as refused:
        approval.record_step(viewer, 1, "approval", result="pass")
    assert refused.value.permission == "approval.approve"
