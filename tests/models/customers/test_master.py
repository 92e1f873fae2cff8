"""Customer master services: every field error at once, owner, value class with reason, duplicate,
delete, contacts with groups, parts we supply with their suppliers, permissions and the trail."""

from __future__ import annotations

from datetime import date

import pytest

from app.models.admin import identity, trail, users
from app.models.admin.permissions import PermissionDenied
from app.models.customers import master
from app.models.customers.errors import NotFoundError, ValidationError


def _new(db, **extra) -> int:
    values = {"code": "C-100", "name_zh": "华东汽车", "name_en": "East China Motors", "industry": "Automotive",
              "region": "Shanghai", "since": "2021-03-01", **extra}
    return master.create_customer(db, values)


def test_create_and_grid_row(cdb):
    cid = _new(cdb, owner_user_id=cdb.cqe_id, key_account="yes")
    row = master.get_customer(cdb, cid).row
    assert (row.code, row.customer_type, row.lifecycle, row.key_account, row.owner_name, row.since,
            row.contacts, row.parts) == ("C-100", "external", "current", True, "李娜", date(2021, 3, 1), 0, 0)
    frame = master.customer_grid(cdb)
    assert list(frame.columns) == list(master.GRID_COLUMNS) and len(frame) == 1
    assert frame.iloc[0]["owner_name"] == "李娜"


def test_every_field_error_at_once(cdb):
    with pytest.raises(ValidationError) as err:
        master.create_customer(cdb, {"code": "bad code!", "name_zh": "", "name_en": "", "lifecycle": "gone",
                                     "customer_type": "partner", "since": "2021-13-45", "region": "x" * 81,
                                     "owner_user_id": 999, "value_class": "important"})
    fields = err.value.by_field()
    assert set(fields) == {"code", "name_zh", "lifecycle", "customer_type", "since", "region", "owner_user_id",
                           "value_class"}
    assert "reason" in fields["value_class"] and "80" in fields["region"]
    assert "必须填写原因" in err.value.by_field("zh_CN")["value_class"]
    assert master.customer_rows(cdb) == []


def test_duplicate_code_refused_on_create_and_update(cdb):
    a = _new(cdb)
    b = _new(cdb, code="C-200")
    with pytest.raises(ValidationError) as err:
        _new(cdb)
    assert err.value.problems[0].key == "duplicate_code"
    with pytest.raises(ValidationError):
        master.update_customer(cdb, b, {"code": "C-100"})
    assert master.update_customer(cdb, a, {"code": "C-100", "lifecycle": "lost"}).lifecycle == "lost"


def test_value_class_by_hand_needs_a_reason_and_is_trailed(cdb):
    cid = _new(cdb)
    with pytest.raises(ValidationError) as err:
        master.update_customer(cdb, cid, {"value_class": "important"})
    assert err.value.problems[0].key == "reason_required"
    master.set_value_class(cdb, cid, "important", reason="Top-3 revenue, 8 years")
    detail = master.get_customer(cdb, cid)
    assert detail.row.value_class == "important" and detail.value_class_reason == "Top-3 revenue, 8 years"
    last = trail.history(cdb, "customers", cid)[-1]
    assert last.action == "update" and last.reason == "Top-3 revenue, 8 years"
    assert last.changes["value_class"] == [None, "important"] and last.username == "system:pytest"
    master.set_value_class(cdb, cid, None, reason="")  # clearing needs no reason
    assert master.get_customer(cdb, cid).value_class_reason == ""


def test_update_reports_name_and_owner(cdb):
    cid = _new(cdb)
    with pytest.raises(ValidationError) as err:
        master.update_customer(cdb, cid, {"name_zh": "", "name_en": "", "owner_user_id": 12345})
    assert set(err.value.by_field()) == {"name_zh", "owner_user_id"}
    assert master.update_customer(cdb, cid, {"owner_user_id": cdb.cqe_id}).owner_name == "李娜"
    assert master.update_customer(cdb, cid, {"owner_user_id": None}).owner_name == ""
    assert master.validate_field("lifecycle", "lost") is None and master.validate_field("code", "") is not None


def test_contacts_with_groups(cdb):
    cid = _new(cdb)
    kid = master.add_contact(cdb, cid, {"name": "王芳", "role": "SQE", "phone": "021-5555", "email": "wf@oem.example.cn",
                                        "preferred_language": "zh_CN", "groups": ["quality", "management"]})
    c = master.get_contact(cdb, kid)
    assert c.groups == ("quality", "management") and c.active
    assert master.update_contact(cdb, kid, {"groups": "quality, purchasing"}).groups == ("quality", "purchasing")
    with pytest.raises(ValidationError) as err:
        master.add_contact(cdb, cid, {"name": "", "email": "not-mail", "preferred_language": "de", "groups": ["sales"]})
    assert set(err.value.by_field()) == {"name", "email", "preferred_language", "groups"}
    assert master.get_customer(cdb, cid).row.contacts == 1
    # personal values never enter the trail, only which personal fields changed
    entries = trail.history(cdb, "customer_contacts", kid)
    assert all("王芳" not in str(e.changes) and "wf@oem" not in str(e.changes) for e in entries)
    assert any(e.changes.get("personal_fields") == ["email", "name", "phone"] for e in entries)
    other = master.add_contact(cdb, cid, {"name": "Tom", "groups": ["quality"], "active": False})
    assert [c.id for c in master.contacts_in_group(cdb, cid, "quality")] == [kid]  # the inactive one left out
    assert master.contacts_in_group(cdb, cid, "logistics") == []
    with pytest.raises(ValidationError):
        master.contacts_in_group(cdb, cid, "sales")
    master.delete_contact(cdb, kid)
    assert [c.id for c in master.list_contacts(cdb, cid)] == [other]


def test_parts_we_supply_show_their_suppliers(cdb):
    cid = _new(cdb)
    link = master.link_part(cdb, cid, "P-100", customer_part_no="EC-4711")
    master.link_part(cdb, cid, 2)
    with pytest.raises(ValidationError) as err:
        master.link_part(cdb, cid, "P-100")
    assert err.value.problems[0].key == "part_linked"
    with pytest.raises(ValidationError):
        master.link_part(cdb, cid, "P-999")
    rows = master.list_parts(cdb, cid)
    assert [(r.part_code, r.customer_part_no, r.suppliers) for r in rows] == \
        [("P-100", "EC-4711", ("S1", "S2")), ("P-200", "", ("S2",))]
    assert list(master.part_choices(cdb, exclude_customer=cid)["code"]) == []
    master.update_part_link(cdb, link, customer_part_no="EC-4712")
    master.unlink_part(cdb, link)
    assert [r.part_code for r in master.list_parts(cdb, cid)] == ["P-200"]
    assert master.customers_of_part(cdb, 2) == [(cid, "C-100")]


def test_duplicate_copies_contacts_and_parts(cdb):
    cid = _new(cdb, owner_user_id=cdb.cqe_id)
    master.add_contact(cdb, cid, {"name": "Tom", "groups": ["logistics"], "preferred_language": "en"})
    master.link_part(cdb, cid, "P-100")
    copy = master.duplicate_customer(cdb, cid)
    row = master.get_customer(cdb, copy).row
    assert (row.code, row.lifecycle, row.owner_user_id, row.contacts, row.parts) == ("C-100-COPY", "potential", None, 1, 1)
    assert master.list_contacts(cdb, copy)[0].groups == ("logistics",)
    assert master.customer_rows(cdb)[1].code == "C-100-COPY"
    assert master.get_customer(cdb, master.duplicate_customer(cdb, cid)).row.code == "C-100-COPY2"


def test_delete_takes_contacts_and_links_and_is_trailed(cdb):
    cid = _new(cdb)
    master.add_contact(cdb, cid, {"name": "Tom", "groups": ["quality"]})
    master.link_part(cdb, cid, "P-100")
    master.delete_customer(cdb, cid)
    with pytest.raises(NotFoundError):
        master.get_customer(cdb, cid)
    assert master.counts(cdb) == {"customers": 0, "contacts": 0, "customer_parts": 0}
    assert trail.history(cdb, "customers", cid)[-1].action == "delete"


def test_permissions(cdb):
    cid = _new(cdb)
    users.create_user(cdb, "zhao", "赵磊", "Viewer2026", ["viewer"])
    identity.sign_in(cdb, "zhao", "Viewer2026")
    for call in (lambda: _new(cdb, code="C-9"), lambda: master.update_customer(cdb, cid, {"region": "x"}),
                 lambda: master.add_contact(cdb, cid, {"name": "x"}), lambda: master.link_part(cdb, cid, 1),
                 lambda: master.delete_customer(cdb, cid), lambda: master.duplicate_customer(cdb, cid)):
        with pytest.raises(PermissionDenied) as err:
            call()
        assert err.value.permission == "customers.edit"
    identity.sign_in(cdb, "li.na", "Customer2026")  # the customer quality engineer may
    master.update_customer(cdb, cid, {"region": "Suzhou"})
    entry = trail.history(cdb, "customers", cid)[-1]
    assert entry.username == "li.na" and entry.changes == {"region": ["Shanghai", "Suzhou"]}
