"""Electronic signatures: password again, meaning, bound to the record's content hash."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models.admin import identity, signatures, trail, users
from app.models.admin.identity import AccessError
from app.models.admin.signatures import Signable, SignatureRequest, SignatureRequired
from app.models.suppliers.tables import Supplier


def _content(session, record_id: str) -> dict:
    sup = session.get(Supplier, int(record_id))
    return {"code": sup.code, "name_zh": sup.name_zh, "name_en": sup.name_en, "status": sup.status}


signatures.register(Signable("test.supplier_release", "suppliers", "放行供应商（测试）", "Release supplier (test)",
                             "approved", _content, default_required=False))


@pytest.fixture
def signed_in(db):
    db.actor = None
    identity.create_first_administrator(db, "wang.qm", "王芳 Wang Fang", "Quality2026")
    with db.begin() as s:
        sup = Supplier(code="S0100", name_zh="宁波恒达五金有限公司", name_en="Ningbo Hengda Hardware")
        s.add(sup)
        s.flush()
        db.test_supplier = sup.id
    return db


def _release(db, request):
    signer = signatures.authenticate(db, "test.supplier_release", request)
    with db.begin() as s:
        s.get(Supplier, db.test_supplier).status = "approved"
        if signer is not None:
            signatures.sign(s, signer, db.test_supplier)


def test_signature_binds_user_time_meaning_and_content(signed_in):
    _release(signed_in, SignatureRequest("Quality2026", "approved", "首批样品合格"))
    [state] = signatures.signature_states(signed_in, "suppliers", signed_in.test_supplier)
    assert state.valid and state.meaning == "approved" and state.username == "wang.qm"
    assert state.full_name == "王芳 Wang Fang" and state.comment == "首批样品合格" and len(state.content_hash) == 64
    assert state.meaning_label("zh_CN") == "批准" and state.state_label("en") == "valid"
    sign_entries = [e for e in trail.history(signed_in, "suppliers", signed_in.test_supplier) if e.action == "sign"]
    assert sign_entries and sign_entries[0].changes["content_sha256"] == state.content_hash


def test_a_later_change_shows_as_changed_after_signing(signed_in):
    _release(signed_in, SignatureRequest("Quality2026", "approved"))
    with signed_in.begin() as s:
        s.get(Supplier, signed_in.test_supplier).name_en = "Ningbo Hengda Hardware Holdings"
    [state] = signatures.signature_states(signed_in, "suppliers", signed_in.test_supplier)
    assert not state.valid and state.state_label("zh_CN") == "签名后已更改"


def test_wrong_password_signs_nothing_changes_nothing_and_counts_toward_lockout(signed_in):
    with pytest.raises(AccessError):
        _release(signed_in, SignatureRequest("not-my-password1", "approved"))
    assert signatures.signature_states(signed_in, "suppliers", signed_in.test_supplier) == []
    with signed_in.begin() as s:
        assert s.get(Supplier, signed_in.test_supplier).status != "approved"
        from app.models.admin.tables import User
        assert s.scalar(select(User.failed_attempts).where(User.username == "wang.qm")) == 1


def test_required_signature_is_refused_when_missing(signed_in):
    _release(signed_in, None)  # not required by default: the action goes through unsigned
    signatures.set_required_actions(signed_in, {"test.supplier_release"})
    with pytest.raises(SignatureRequired):
        _release(signed_in, None)
    with pytest.raises(AccessError):
        signatures.set_required_actions(signed_in, {"no.such.action"})


def test_meaning_must_be_one_of_the_four(signed_in):
    with pytest.raises(AccessError):
        _release(signed_in, SignatureRequest("Quality2026", "liked"))


def test_signature_needs_a_real_user_not_a_system_job(db):
    with pytest.raises(AccessError):
        signatures.authenticate(db, "test.supplier_release", SignatureRequest("x", "approved"))
    assert users.list_users(db) == []
