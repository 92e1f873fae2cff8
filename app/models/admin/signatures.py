"""Electronic signatures in the manner of 21 CFR Part 11 (§11.50 signature manifestations,
§11.70 signature/record linking, §11.200 two components: user and password).

A signature binds the signer, the time, the **meaning** (authored, reviewed, approved, verified)
and a SHA-256 hash of the signed record's content. The content is what a domain says it is: each
signable record type registers a function that gives the record's content as plain data
(``register``). When the record later changes, its content hash no longer matches and the
signature shows as "changed after signing" (``signature_states``).

Which actions require a signature is a setting the administrator edits (``required_actions``);
the defaults are the approval step of the approval flow, completed audit reports, corrective
action verification and closure, quality agreement versions and concessions. The domain service
that performs such an action calls ``sign(session, ...)`` inside its own transaction, so the
action and its signature commit together or not at all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import select

from app.models.admin import trail
from app.models.admin.identity import AccessError, confirm_password
from app.models.core.base import utcnow
from app.models.admin.permissions import requires
from app.models.admin.tables import Signature

MEANINGS = ("authored", "reviewed", "approved", "verified")
MEANING_LABELS = {
    "authored": ("编制", "Authored"),
    "reviewed": ("审核", "Reviewed"),
    "approved": ("批准", "Approved"),
    "verified": ("验证", "Verified"),
}
REQUIRED_KEY = "admin.signature_actions"


@dataclass(frozen=True)
class Signable:
    action: str  # e.g. "approval.approve"
    entity: str  # the table the record id refers to
    zh: str
    en: str
    meaning: str  # the meaning this action's signature normally carries
    content: Callable[[Any, str], dict]  # (session, record_id) -> the signed content
    default_required: bool = True

    def label(self, lang: str = "en") -> str:
        return self.zh if lang == "zh_CN" else self.en


_REGISTRY: dict[str, Signable] = {}


def register(signable: Signable) -> Signable:
    """Declare a signable action (at import of the domain's service module)."""
    if signable.meaning not in MEANINGS:
        raise ValueError(f"unknown signature meaning {signable.meaning}")
    _REGISTRY[signable.action] = signable
    return signable


def signables() -> dict[str, Signable]:
    return dict(_REGISTRY)


def content_hash(content: dict) -> str:
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=trail.jsonable)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stored_required(session) -> set[str] | None:
    from app.models.core.settings import AppSetting

    row = session.get(AppSetting, REQUIRED_KEY)
    return set(json.loads(row.value)) if row is not None else None


def required_actions(session) -> set[str]:
    stored = _stored_required(session)
    if stored is None:
        return {a for a, s in _REGISTRY.items() if s.default_required}
    return stored


def is_required(session, action: str) -> bool:
    return action in required_actions(session)


@requires("admin.settings")
def set_required_actions(db, actions: set[str]) -> None:
    from app.models.core.settings import AppSetting

    unknown = set(actions) - set(_REGISTRY)
    if unknown:
        raise AccessError(f"unknown signable action(s): {', '.join(sorted(unknown))}", "invalid")
    with db.begin() as s:
        before = sorted(required_actions(s))
        text = json.dumps(sorted(actions))
        row = s.get(AppSetting, REQUIRED_KEY)
        if row is None:
            s.add(AppSetting(key=REQUIRED_KEY, value=text))
        else:
            row.value = text
        trail.record(s, "settings", "signature_requirements", "", {"actions": [before, sorted(actions)]})


@dataclass(frozen=True)
class SignatureRequest:
    """What the signature dialog collects: the password again and the meaning."""

    password: str
    meaning: str
    comment: str = ""


class SignatureRequired(AccessError):
    code = "signature_required"


@dataclass(frozen=True)
class Signer:
    """A signer whose password was just confirmed (``authenticate``), ready to sign in the
    action's own transaction."""

    user_id: int
    username: str
    full_name: str
    action: str
    meaning: str
    comment: str
    confirmed_at: datetime


def authenticate(db, action: str, request: SignatureRequest | None) -> Signer | None:
    """Before an action's transaction: confirm the signer's password when the action requires a
    signature (or one is offered). Returns ``None`` when no signature is needed; raises
    ``SignatureRequired`` when one is needed but missing, ``AccessError`` for a wrong password."""
    signable = _REGISTRY.get(action)
    if signable is None:
        raise RuntimeError(f"undeclared signable action {action}")
    if request is None and getattr(getattr(db, "actor", None), "system", False):
        return None  # a system job (demo, migration, test fixture) has no password to sign with
    if request is None:
        with db.begin() as s:
            needed = is_required(s, action)
        if not needed:
            return None
        raise SignatureRequired(f"{signable.en} needs an electronic signature (password and meaning)", action=action)
    if request.meaning not in MEANINGS:
        raise AccessError(f"the meaning must be one of {', '.join(MEANINGS)}", "invalid")
    actor = confirm_password(db, request.password, purpose=f"signature {action}")
    return Signer(actor.user_id, actor.username, actor.display_name or actor.username, action, request.meaning,
                  (request.comment or "")[:2000], utcnow())


def sign(session, signer: Signer, record_id: object) -> Signature:
    """Store the signature inside the action's transaction: hash the record's content as it is
    now (after the action's changes) and write a trail entry."""
    signable = _REGISTRY[signer.action]
    session.flush()
    rid = str(record_id)
    digest = content_hash(signable.content(session, rid))
    sig = Signature(entity=signable.entity, record_id=rid, action=signer.action, meaning=signer.meaning,
                    user_id=signer.user_id, username=signer.username, full_name=signer.full_name, content_hash=digest,
                    comment=signer.comment)
    session.add(sig)
    session.flush()
    trail.record(session, "sign", signable.entity, rid, {"action": signer.action, "meaning": signer.meaning,
                                                          "content_sha256": digest, "signature_id": sig.id})
    return sig


@dataclass(frozen=True)
class SignatureState:
    id: int
    action: str
    meaning: str
    username: str
    full_name: str
    signed_at: datetime
    content_hash: str
    valid: bool  # False: the record changed after signing
    comment: str

    def meaning_label(self, lang: str = "en") -> str:
        zh, en = MEANING_LABELS[self.meaning]
        return zh if lang == "zh_CN" else en

    def state_label(self, lang: str = "en") -> str:
        if self.valid:
            return "有效" if lang == "zh_CN" else "valid"
        return "签名后已更改" if lang == "zh_CN" else "changed after signing"


def signature_states_in(session, entity: str, record_id: object) -> list[SignatureState]:
    rid = str(record_id)
    rows = list(session.scalars(select(Signature).where(Signature.entity == entity, Signature.record_id == rid)
                                .order_by(Signature.signed_at, Signature.id)))
    current: dict[str, str] = {}
    out = []
    for sig in rows:
        signable = _REGISTRY.get(sig.action)
        if signable is not None and sig.action not in current:
            current[sig.action] = content_hash(signable.content(session, rid))
        valid = current.get(sig.action) == sig.content_hash
        out.append(SignatureState(sig.id, sig.action, sig.meaning, sig.username, sig.full_name, sig.signed_at,
                                  sig.content_hash, valid, sig.comment))
    return out


def signature_states(db, entity: str, record_id: object) -> list[SignatureState]:
    """Every signature on a record, each with whether the record still has the signed content."""
    with db.begin() as s:
        return signature_states_in(s, entity, record_id)


def record_hash_in(session, action: str, record_id: object) -> str:
    """The SHA-256 of the record's signable content as it is now (what a printed manifest shows
    beside the signatures: equal to a valid signature's hash)."""
    return content_hash(_REGISTRY[action].content(session, str(record_id)))


@dataclass(frozen=True)
class Manifest:
    """What a printed document carries: every signature on the record and the record's hash."""

    signatures: tuple[SignatureState, ...]
    record_hash: str


def manifest_in(session, action: str, record_id: object) -> Manifest:
    entity = _REGISTRY[action].entity
    return Manifest(tuple(signature_states_in(session, entity, record_id)), record_hash_in(session, action, record_id))
