"""The Waves and answers tab on the demo database: the open wave first with its response rate,
the entry grid wired to the service (typed answers saved and counted), an answer file imported
with a mapping; a closed wave is read-only."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings

from app.models.admin import identity
from app.models.satisfaction import waves
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner
from app.views.satisfaction.page import SatisfactionPage


@pytest.fixture
def ctx(demo_db, tmp_path):
    identity.sign_in_personal(demo_db)
    c = AppContext(database=demo_db, tasks=TaskRunner(), language="en",
                   settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield c
    c.tasks.wait(10000)


def test_open_wave_entry_and_import(qtbot, ctx, tmp_path):
    page = SatisfactionPage(ctx)
    qtbot.addWidget(page)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["Waves and answers", "Survey design", "CSI model", "Plan waves", "Analysis"]
    tab = page.parts["waves"]
    wid = tab.wave.currentData()
    info, items = waves.wave_questions(ctx.database, wid)
    assert info.state == "open" and tab.grid.isEnabled() and tab.import_button.isEnabled()
    assert "0 of" in tab.status.text()
    targets = waves.wave_targets(ctx.database, wid)
    first = targets[0]
    typed = [waves.Typed(1, first.customer_id, first.contact_id, {items[0].code: 8, items[1].code: 9})]
    assert tab._save(wid, typed) == 1
    # a file for the next two targets, headers named differently: the mapping is given
    f = tmp_path / "answers.csv"
    lines = ["cust,who," + ",".join(f"col{k}" for k in range(len(items)))]
    for t in targets[1:3]:
        lines.append(f"{t.customer_code},{t.contact_name}," + ",".join("7" for _ in items))
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    mapping = {"customer": "cust", "contact": "who", **{it.code: f"col{k}" for k, it in enumerate(items)}}
    assert tab.import_file(str(f), mapping) == 2
    assert "3 of" in tab.status.text() and "2 answer sheet(s) imported" in tab.status.text()


def test_closed_wave_is_read_only(qtbot, ctx):
    page = SatisfactionPage(ctx)
    qtbot.addWidget(page)
    tab = page.parts["waves"]
    conn = sqlite3.connect(ctx.database.path)
    closed = conn.execute("SELECT id FROM sat_waves WHERE state = 'closed' ORDER BY id LIMIT 1").fetchone()[0]
    conn.close()
    tab.wave.setCurrentIndex(tab.wave.findData(closed))
    assert "closed" in tab.status.text() and not tab.import_button.isEnabled() and not tab.grid.isEnabled()
