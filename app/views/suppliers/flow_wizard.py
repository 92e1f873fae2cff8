"""A QWizard that only *renders* a plain flow object (``app.flows``): the flow owns navigation
(``next_page``), validation (``validate_page``) and the state; the wizard maps page keys to
QWizardPage ids, shows the flow's messages and autosaves the draft after every change.

After Electrum's wizard split (``electrum/wizard.py`` holds the navigation map, the Qt wizard
only draws pages), so the flows are tested without Qt and drafts survive closing the app.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

AUTOSAVE_MS = 300  # debounce typing; choices and page changes save at once


class FlowPage(QWizardPage):
    """One page of a flow: ``load()`` fills widgets from the flow state, widgets write back
    through the wizard, ``validatePage`` asks the flow."""

    def __init__(self, wizard: "FlowWizard", key: str) -> None:
        super().__init__()
        self.flow_wizard = wizard
        self.key = key
        self.outer = QVBoxLayout(self)
        self.counter = QLabel()
        self.counter.setObjectName("pageCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setStyleSheet("color: palette(mid);")
        self.outer.addWidget(self.counter)
        self.body = QVBoxLayout()
        self.outer.addLayout(self.body, 1)
        self.messages = QLabel()
        self.messages.setObjectName("pageMessages")
        self.messages.setWordWrap(True)
        self.messages.setStyleSheet("color: #c0392b;")
        self.outer.addWidget(self.messages)
        self.field_widgets: dict[str, QWidget] = {}

    @property
    def flow(self):
        return self.flow_wizard.flow

    def load(self) -> None:
        """Fill the widgets from the flow's state (override)."""

    def initializePage(self) -> None:  # noqa: N802
        self.load()

    def cleanupPage(self) -> None:  # noqa: N802
        """Keep what was entered when going back (QWizard would reset the fields)."""

    def show_messages(self, messages) -> None:
        lang = self.flow_wizard.lang
        self.messages.setText("\n".join(m.text(lang) for m in messages))
        bad = {m.field for m in messages}
        for key, widget in self.field_widgets.items():
            widget.setStyleSheet("border: 1px solid #c0392b;" if key in bad else "")

    def validatePage(self) -> bool:  # noqa: N802
        messages = self.flow.validate_page(self.key)
        self.show_messages(messages)
        return not messages


class FlowWizard(QWizard):
    """Base for the survey and audit wizards."""

    draft_saved = Signal(int)

    def __init__(self, ctx, flow, *, draft_id: int | None = None,
                 saver: Callable[[object, int | None], int] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.flow = flow
        self.lang = ctx.language
        self.draft_id = draft_id
        self.saver = saver
        self.flow_pages: dict[str, FlowPage] = {}
        self._ids: dict[str, int] = {}
        self._resuming = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_draft)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.currentIdChanged.connect(self._page_changed)
        self.resize(900, 680)

    # ----- pages ------------------------------------------------------------------------------
    def add_flow_page(self, page: FlowPage) -> None:
        self._ids[page.key] = self.addPage(page)
        self.flow_pages[page.key] = page

    def remove_flow_page(self, key: str) -> None:
        page_id = self._ids.pop(key, None)
        self.flow_pages.pop(key, None)
        if page_id is not None:
            self.removePage(page_id)

    def key_of(self, page_id: int) -> str | None:
        return next((k for k, i in self._ids.items() if i == page_id), None)

    def current_key(self) -> str | None:
        return self.key_of(self.currentId())

    def nextId(self) -> int:  # noqa: N802 - the flow decides where to go
        key = self.current_key()
        if key is None:
            return -1
        nxt = self.flow.next_page(key)
        return self._ids.get(nxt, -1) if nxt else -1

    def page_position(self, key: str) -> tuple[int, int]:
        """(number of the page, pages in all) on the flow's path from here (branches included)."""
        try:
            path = self.flow.path()
        except Exception:  # a flow without a path: count the pages the wizard holds
            path = list(self.flow_pages)
        if key not in path:
            path = list(self.flow_pages)
        return (path.index(key) + 1 if key in path else 1), max(len(path), 1)

    def update_counter(self, key: str | None = None) -> None:
        key = key or self.current_key()
        page = self.flow_pages.get(key or "")
        if page is not None:
            n, total = self.page_position(key)
            page.counter.setText(QCoreApplication.translate("FlowWizard", "Page %1 of %2").replace("%1", str(n)).replace("%2", str(total)))

    def _page_changed(self, page_id: int) -> None:
        key = self.key_of(page_id)
        if key is None:
            return
        self.update_counter(key)
        visited = [self.key_of(i) for i in self.visitedIds()]
        self.flow.history = [k for k in visited if k and k != key]
        self.flow.current = key
        if not self._resuming:
            self.save_draft()

    def resume(self) -> None:
        """Walk forward to the page the draft was left on (each page validated on the way)."""
        target = self.flow.current
        self._resuming = True
        try:
            self.restart()
            while self.current_key() != target:
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self._resuming = False

    # ----- drafts -----------------------------------------------------------------------------
    def changed(self, immediate: bool = False) -> None:
        """Call after every edit: saves the draft (debounced for typing)."""
        if self._resuming:
            return
        if immediate:
            self.save_draft()
        else:
            self._timer.start()

    def save_draft(self) -> int | None:
        self._timer.stop()
        if self.saver is None:
            return self.draft_id
        self.draft_id = self.saver(self.flow, self.draft_id)
        self.draft_saved.emit(self.draft_id)
        return self.draft_id

    def done(self, result: int) -> None:
        if self._timer.isActive():
            self.save_draft()
        super().done(result)
