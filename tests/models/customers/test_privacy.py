"""Privacy requests: one contact's personal data exported (JSON, xlsx) and erased with a reason;
the row id stays, nothing personal is left in the row, the legacy columns or the trail."""

from __future__ import annotations

import json
import sqlite3

import pytest
from openpyxl import load_workbook

from app.models.admin import trail
from app.models.customers import master, privacy
from app.models.customers.errors import CustomerError, ValidationError


@pytest.fixture
def contact(cdb):
    cid = master.create_customer(cdb, {"code": "C-1", "name_zh": "华东汽车"})
    with cdb.begin() as s:  # the 0002 single contact is the same person
        from app.models.customers.tables import Customer
        cust = s.get(Customer, cid)
        cust.contact_name, cust.contact_phone, cust.contact_email = "王芳", "021-1234", "wf@oem.example.cn"
    kid = master.add_contact(cdb, cid, {"name": "王芳", "role": "质量经理", "phone": "021-1234",
                                        "email": "wf@oem.example.cn", "groups": ["quality", "management"]})
    return cid, kid


def test_export_json_and_xlsx(cdb, contact, tmp_path):
    _cid, kid = contact
    data = json.loads(privacy.export_contact_data(cdb, kid, tmp_path / "p.json").read_text(encoding="utf-8"))
    assert (data["name"], data["email"], data["groups"], data["customer_code"]) == \
        ("王芳", "wf@oem.example.cn", ["quality", "management"], "C-1")
    assert data["exported_by"] == "pytest" and data["changes"][0]["action"] == "create"
    wb = load_workbook(privacy.export_contact_data(cdb, kid, tmp_path / "p.xlsx", lang="zh_CN"))
    cells = {r[0]: r[1] for r in wb.active.iter_rows(values_only=True) if r and r[0]}
    assert cells["姓名"] == "王芳" and cells["分组"] == "quality, management"
    assert [e.action for e in trail.history(cdb, "customer_contacts", kid)].count("privacy_export") == 2
    with pytest.raises(CustomerError):
        privacy.export_contact_data(cdb, kid, tmp_path / "p.txt")


def test_erase_anonymises_and_keeps_the_row(cdb, contact):
    cid, kid = contact
    with pytest.raises(ValidationError):
        privacy.erase_contact(cdb, kid, reason=" ")
    privacy.erase_contact(cdb, kid, reason="erasure request of 2026-11-30")
    c = master.get_contact(cdb, kid)
    assert (c.id, c.name, c.phone, c.email, c.active, c.role) == (kid, f"[erased {kid}]", "", "", False, "质量经理")
    assert c.erased_at is not None and c.groups == ("quality", "management")
    assert master.get_customer(cdb, cid).row.contacts == 0  # erased contacts are not counted
    with pytest.raises(CustomerError):
        master.update_contact(cdb, kid, {"name": "again"})
    with pytest.raises(CustomerError):
        privacy.erase_contact(cdb, kid, reason="twice")
    entry = trail.history(cdb, "customer_contacts", kid)[-1]
    assert entry.action == "erase" and entry.reason == "erasure request of 2026-11-30"
    conn = sqlite3.connect(cdb.path)
    try:
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    assert "王芳" not in dump and "wf@oem.example.cn" not in dump and "021-1234" not in dump


def test_privacy_needs_its_permission(cdb, contact, tmp_path):
    from app.models.admin import identity, users
    from app.models.admin.permissions import PermissionDenied

    _cid, kid = contact
    users.create_user(cdb, "zhao", "赵磊", "Viewer2026", ["viewer"])
    identity.sign_in(cdb, "zhao", "Viewer2026")
    for call in (lambda: privacy.export_contact_data(cdb, kid, tmp_path / "p.json"),
                 lambda: privacy.erase_contact(cdb, kid, reason="x")):
        with pytest.raises(PermissionDenied) as err:
            call()
        assert err.value.permission == "customers.privacy"
    assert not (tmp_path / "p.json").exists() and master.get_contact(cdb, kid).name == "王芳"
