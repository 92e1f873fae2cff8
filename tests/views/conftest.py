"""Every screen is checked in English unless a test installs Chinese itself: an earlier in-process
command (e.g. ``screenshots --lang zh_CN``) may have left translators installed. And every screen is
checked in the application's own font (a Simplified Chinese family first, whose lines are taller
than Qt's default), not in whichever font an earlier test happened to leave."""

import pytest


@pytest.fixture(autouse=True)
def english_interface(qapp):
    from app.views.core.fonts import apply_app_font
    from app.views.core.translation import install_translators

    apply_app_font(qapp)
    install_translators("en")
    yield
    install_translators("en")


@pytest.fixture
def keep():
    """Widgets kept alive until after qtmodeltester's teardown (qtbot holds only weak references):
    request it before ``qtmodeltester`` and append the page."""
    held: list = []
    yield held
    held.clear()
