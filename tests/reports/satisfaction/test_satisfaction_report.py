"""The satisfaction report's drawings on the stored mobi ECSI wave: the path diagram's coefficient
labels (white boxes) overlap neither each other nor a latent-variable box; each chart is left out
when the wave lacks its data; the IPA and Kano charts label every point, no two labels on each
other."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from reportlab.graphics.shapes import Rect, String
from reportlab.lib import colors

from app.models.admin.identity import Actor
from app.models.satisfaction.analysis import analyse_wave
from app.reports import satisfaction_report as sr
from tests.models.satisfaction.world import MOBI, store_wave

WIDTH = 480.0


@pytest.fixture(scope="module")
def waves(tmp_path_factory):
    from app.models.core.database import open_database

    db = open_database(tmp_path_factory.mktemp("rep") / "s.sqlite3")
    db.actor = Actor.system_job("pytest")
    data = pd.read_csv(MOBI, index_col=0)
    sid, vid, _w, customers = store_wave(db, data)
    store_wave(db, data, code="W2", survey_id=sid, version_id=vid, customers=customers,
               kano=[(1, 5), (1, 4), (5, 1)], nps=[10, 9, 6, 3])
    out = analyse_wave(db, "W1", resamples=0), analyse_wave(db, "W2", resamples=0)
    db.dispose()
    return out


def _box(r: Rect) -> tuple[float, float, float, float]:
    return r.x, r.y, r.x + r.width, r.y + r.height


def _meets(a, b) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 1e-6 and min(a[3], b[3]) - max(a[1], b[1]) > 1e-6


def _text_boxes(drawing, font="Helvetica", size=6.5):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    out = []
    for s in drawing.contents:
        if isinstance(s, String) and s.fontSize == size and s.textAnchor == "start":
            out.append((s.x, s.y, s.x + stringWidth(s.text, font, size), s.y + size * 0.8))
    return out


def test_path_labels_overlap_neither_each_other_nor_a_box(waves):
    plain, _ = waves
    d = sr.path_drawing(plain, WIDTH, "Helvetica", "en")
    rects = [s for s in d.contents if isinstance(s, Rect)]
    labels = [_box(r) for r in rects if r.fillColor == colors.white and r.strokeColor is not None]
    boxes = [_box(r) for r in rects if r.fillColor == colors.HexColor("#e8f0fa")]
    assert len(labels) == len(plain.pls.paths) == 12 and len(boxes) == 7
    for a, b in itertools.combinations(labels, 2):
        assert not _meets(a, b), (a, b)
    for a in labels:
        for b in boxes:
            assert not _meets(a, b), (a, b)


def test_charts_are_left_out_without_their_data(waves):
    plain, full = waves
    assert sr.kano_drawing(plain, WIDTH, "Helvetica", "en") is None
    assert sr.nps_drawing(plain, WIDTH, "Helvetica", "en") is None
    for f in (sr.ipa_drawing, sr.kano_drawing, sr.nps_drawing, sr.path_drawing):
        assert f(full, WIDTH, "Helvetica", "zh_CN") is not None, f.__name__


def test_ipa_and_kano_label_every_point_without_overlap(waves):
    _plain, full = waves
    ipa = sr.ipa_drawing(full, WIDTH, "Helvetica", "en")
    names = {s.text for s in ipa.contents if isinstance(s, String)}
    assert set(full.ipa.table.index) <= names and "concentrate here" in names
    kano = sr.kano_drawing(full, WIDTH, "Helvetica", "en")
    names = {s.text for s in kano.contents if isinstance(s, String)}
    assert {"attractive", "one-dimensional", "must-be", "indifferent"} <= names
    for chart in (ipa, kano):
        for a, b in itertools.combinations(_text_boxes(chart), 2):
            assert not _meets(a, b), (a, b)


def test_nps_bars_follow_the_answers(waves):
    _plain, full = waves
    d = sr.nps_drawing(full, WIDTH, "Helvetica", "en")
    title = next(s.text for s in d.contents if isinstance(s, String) and s.text.startswith("Likelihood to recommend ("))
    assert f"NPS = {full.nps:+.1f}" in title
    bars = [s for s in d.contents if isinstance(s, Rect) and s.width > 20 and s.height > 0 and s.y > 30]
    assert len(bars) == len(set(full.data.nps.round().astype(int)))  # one visible bar per answered score
