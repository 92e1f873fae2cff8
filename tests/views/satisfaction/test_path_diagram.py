"""The on-screen PLS path diagram for the ECSI model fitted on the stored mobi wave: every
coefficient label sits on its own arrow, no two labels overlap, and none covers a box or an index
text — at the Analysis tab's size and at a wide one (labels are placed again on resize). The
same placement rule is the printed diagram's (tests/engines/test_label_layout.py)."""

from __future__ import annotations

import itertools

import pandas as pd
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRectF

from app.models.admin.identity import Actor
from app.models.satisfaction.analysis import analyse_wave
from app.views.satisfaction.charts import PathDiagram
from tests.models.satisfaction.world import MOBI, store_wave


@pytest.fixture(scope="module")
def ecsi(tmp_path_factory):
    from app.models.core.database import open_database

    db = open_database(tmp_path_factory.mktemp("pd") / "s.sqlite3")
    db.actor = Actor.system_job("pytest")
    store_wave(db, pd.read_csv(MOBI, index_col=0))
    result = analyse_wave(db, "W1", resamples=0)
    db.dispose()
    return result


def _show(qtbot, result, size):
    diagram = PathDiagram()
    qtbot.addWidget(diagram)
    labels = {k: v["en"] for k, v in (result.data.model or {}).get("labels", {}).items()}
    diagram.resize(*size)
    diagram.show()
    qtbot.waitExposed(diagram)
    diagram.show_model(list(result.pls.model.blocks), {tuple(k.split("->")): v for k, v in result.pls.paths.items()},
                       r2={k: float(v) for k, v in result.pls.r2.items()},
                       index={lv: ci.index for lv, ci in result.latent_ci.items()}, labels=labels)
    qtbot.wait(50)
    return diagram


@pytest.mark.parametrize("size", [(980, 330), (1280, 800)])
def test_coefficient_labels_do_not_overlap(qtbot, ecsi, size, tmp_path):
    diagram = _show(qtbot, ecsi, size)
    rects = diagram.label_rects()
    assert len(rects) == len(ecsi.pls.paths) == 12  # the mobi ECSI model's paths
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), (a, b)
    vb = diagram.getViewBox()
    assert len(diagram._index_items) == len(diagram.positions) == 7  # no label covers an index text …
    for item in diagram._index_items:
        for r in rects:
            assert not r.intersects(item.sceneBoundingRect())
    for (x, y) in diagram.positions.values():  # … nor a box
        box = QRectF(vb.mapViewToScene(pg.Point(x, y)),
                     vb.mapViewToScene(pg.Point(x + diagram.box_w, y + diagram.BOX_H))).normalized()
        for r in rects:
            assert not r.intersects(box), (r, box)
    diagram.grab().save(f"/tmp/rep/pd-{size[0]}.png")


def test_labels_are_placed_again_on_resize(qtbot, ecsi):
    diagram = _show(qtbot, ecsi, (1280, 800))
    diagram.resize(1000, 420)

    def apart() -> bool:  # the labels are placed again once the resize has been laid out
        return not any(a.intersects(b) for a, b in itertools.combinations(diagram.label_rects(), 2))

    qtbot.waitUntil(apart, timeout=3000)

