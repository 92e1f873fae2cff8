"""Electronic signatures in the GUI: the reusable dialog (password again + meaning), the one call
every signed action goes through (``run_signed``), and a record's signature list with "changed
after signing" for records edited since (21 CFR Part 11 §11.50, §11.70, §11.200)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

CTX = "Signature"

MEANINGS = {
    "authored": QT_TRANSLATE_NOOP("Signature", "Authored"),
    "reviewed": QT_TRANSLATE_NOOP("Signature", "Reviewed"),
    "approved": QT_TRANSLATE_NOOP("Signature", "Approved"),
    "verified": QT_TRANSLATE_NOOP("Signature", "Verified"),
}

ACCESS_CODES = {
    "bad_credentials": QT_TRANSLATE_NOOP("Signature", "Wrong password. The signature was refused and nothing was changed."),
    "locked": QT_TRANSLATE_NOOP("Signature", "Too many failed attempts: the account is locked until {until} (UTC)."),
    "signature_required": QT_TRANSLATE_NOOP("Signature", "This action needs your electronic signature (password and meaning)."),
    "no_user": QT_TRANSLATE_NOOP("Signature", "A signature needs a signed-in user."),
}


PRINT_RECORD = QT_TRANSLATE_NOOP("Signature", "&Print approval record…")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def print_record_label() -> str:
    """The approval view's print button: the approval record with its signature manifest."""
    return _tr(PRINT_RECORD)


def ui_language() -> str:
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


def access_text(exc: BaseException) -> str | None:
    """A refusal in the UI language: a missing permission names it; a wrong password, a locked
    account or a missing signature says so. ``None`` for any other error."""
    from app.models.admin.identity import AccessError
    from app.models.admin.permissions import PermissionDenied

    if isinstance(exc, PermissionDenied):
        return exc.text(ui_language())
    if isinstance(exc, AccessError) and exc.code in ACCESS_CODES:
        until = exc.params.get("until")
        return _tr(ACCESS_CODES[exc.code]).replace("{until}", f"{until:%H:%M}" if until is not None else "")
    return None


def needs_signature(ctx, action: str) -> bool:
    """Whether the action asks for a signature: the administrator's list says so, and the actor
    is a person (system jobs have no password to sign with)."""
    from app.models.admin import signatures

    actor = ctx.database.actor
    if actor is None or getattr(actor, "system", False):
        return False
    with ctx.database.read() as s:
        return signatures.is_required(s, action)


class SignatureDialog(QDialog):
    """Sign one action: who signs (the signed-in user, shown), the password again, the meaning
    and an optional comment. With ``run`` the dialog performs the action itself, so a wrong
    password is refused here and may be typed again (each failure counts toward the lockout)."""

    def __init__(self, ctx, action: str, run: Callable | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.models.admin import signatures

        self.ctx, self.action, self.run = ctx, action, run
        self.failure: BaseException | None = None
        self.request = None
        self.setObjectName("signatureDialog")
        lang = ctx.language
        signable = signatures.signables()[action]
        self.setWindowTitle(self.tr("Electronic signature"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        head = QLabel(signable.label(lang))
        head.setObjectName("signatureAction")
        head.setWordWrap(True)
        head.setStyleSheet("font-size: 12pt; font-weight: 600;")
        layout.addWidget(head)
        form = QFormLayout()
        actor = ctx.database.actor
        self.signer = QLabel(f"{actor.name} ({actor.username})" if actor is not None else "")
        self.signer.setObjectName("signatureSigner")
        form.addRow(self.tr("Signed by:"), self.signer)
        self.password = QLineEdit()
        self.password.setObjectName("signaturePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password:"), self.password)
        self.meaning = QComboBox()
        self.meaning.setObjectName("signatureMeaning")
        for key, text in MEANINGS.items():
            self.meaning.addItem(_tr(text), key)
        self.meaning.setCurrentIndex(max(self.meaning.findData(signable.meaning), 0))
        form.addRow(self.tr("Meaning:"), self.meaning)
        self.comment = QPlainTextEdit()
        self.comment.setObjectName("signatureComment")
        self.comment.setMaximumHeight(70)
        form.addRow(self.tr("Comment:"), self.comment)
        layout.addLayout(form)
        note = QLabel(self.tr("Your signature binds your name, the time (UTC), the meaning and the record's "
                              "current content. A later change of the record shows as \"changed after signing\"."))
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(mid);")
        layout.addWidget(note)
        self.message = QLabel()
        self.message.setObjectName("signatureMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Sign"))
        buttons.accepted.connect(self.sign)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.password.setFocus()

    def sign(self) -> None:
        from app.models.admin.identity import AccessError
        from app.models.admin.signatures import SignatureRequest

        if not self.password.text():
            self.message.setText(self.tr("Type your password to sign."))
            return
        request = SignatureRequest(self.password.text(), self.meaning.currentData(), self.comment.toPlainText().strip())
        self.password.clear()
        if self.run is None:
            self.request = request
            self.accept()
            return
        try:
            self.run(request)
        except AccessError as exc:  # wrong password, locked account: refused here, nothing changed
            self.message.setText(access_text(exc) or str(exc))
            self.password.setFocus()
            return
        except Exception as exc:  # the action's own rule: the caller reports it
            self.failure = exc
            self.reject()
            return
        self.request = request
        self.accept()


def run_signed(parent: QWidget | None, ctx, action: str, run: Callable) -> bool:
    """Perform ``run(signature)``: through the signature dialog when the action needs one, with
    ``None`` otherwise. Returns False when the user cancelled; the action's own errors are raised."""
    if not needs_signature(ctx, action):
        run(None)
        return True
    dialog = SignatureDialog(ctx, action, run, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if dialog.failure is not None:
        raise dialog.failure
    return accepted


def signature_lines(states, lang: str) -> list[tuple[str, bool]]:
    """One line per signature (name, meaning, date/time UTC, state) and whether it is still valid."""
    out = []
    for st in states:
        out.append((f"{st.full_name} ({st.username}) · {st.meaning_label(lang)} · "
                    f"{st.signed_at:%Y-%m-%d %H:%M} UTC · {st.state_label(lang)}", st.valid))
    return out


class SignatureList(QLabel):
    """The signatures on a record, each marked valid or "changed after signing" (red)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureList")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.states = []
        self.hide()

    def show_record(self, ctx, entity: str, record_id) -> None:
        from html import escape

        from app.models.admin import signatures

        self.states = signatures.signature_states(ctx.database, entity, record_id) if record_id is not None else []
        if not self.states:
            self.clear()
            self.hide()
            return
        rows = []
        for text, valid in signature_lines(self.states, ctx.language):
            colour = "#1e8449" if valid else "#c0392b"
            mark = "✔" if valid else "✖"
            rows.append(f'<span style="color:{colour}">{mark} {escape(text)}</span>')
        heading = escape(QCoreApplication.translate("Signature", "Electronic signatures:"))
        self.setText(f"<b>{heading}</b><br>" + "<br>".join(rows))
        self.show()
