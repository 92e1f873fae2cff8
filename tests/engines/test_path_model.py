"""The model checks: a valid CCSI model, a cycle named, empty/unknown/isolated blocks, paths to
unknown blocks, satisfaction missing or not caused by the exogenous blocks, few items a warning."""

from __future__ import annotations

import json
from pathlib import Path

from app.engines import path_model as pm

CCSI = json.loads((Path(__file__).parents[2] / "resources" / "models" / "ccsi.json").read_text(encoding="utf-8"))


def _ccsi():
    blocks = list(CCSI["blocks"])
    paths = [tuple(p) for p in CCSI["paths"]]
    items = {c: b for b, cols in CCSI["blocks"].items() for c in cols}
    return blocks, paths, items


def keys(problems):
    return [p.key for p in problems]


def test_the_standard_ccsi_model_is_valid():
    blocks, paths, items = _ccsi()
    assert pm.check(blocks, paths, items, satisfaction="Satisfaction") == []


def test_a_cycle_is_refused_and_names_its_blocks():
    blocks, paths, items = _ccsi()
    problems = pm.check(blocks, paths + [("Loyalty", "BrandImage")], items, satisfaction="Satisfaction")
    cycles = [p for p in problems if p.key == "satisfaction.model.cycle"]
    assert cycles and all(p.is_error for p in cycles)
    text = cycles[0].params["blocks"]
    assert "Loyalty" in text and "BrandImage" in text and text.split(" → ")[0] == text.split(" → ")[-1]


def test_find_cycles_reports_each_cycle_once():
    cycles = pm.find_cycles(["A", "B", "C", "D"], [("A", "B"), ("B", "A"), ("C", "D"), ("D", "C"), ("A", "C")])
    assert sorted(sorted(set(c)) for c in cycles) == [["A", "B"], ["C", "D"]]
    assert pm.find_cycles(["A", "B"], [("A", "B")]) == []


def test_a_block_without_items_and_an_unknown_latent():
    blocks, paths, items = _ccsi()
    items = {k: v for k, v in items.items() if v != "PerceivedValue"}
    items["X1"] = "Nonsense"
    problems = pm.check(blocks, paths, items, satisfaction="Satisfaction")
    assert keys(problems) == ["satisfaction.model.unknown_latent", "satisfaction.model.empty_block"]
    assert problems[0].params == {"item": "X1", "block": "Nonsense"}
    assert problems[1].params == {"block": "PerceivedValue"}


def test_paths_to_and_from_unknown_blocks():
    blocks, paths, items = _ccsi()
    problems = pm.check(blocks, paths + [("Ghost", "Satisfaction"), ("Loyalty", "Nowhere")], items,
                        satisfaction="Satisfaction")
    assert keys(problems) == ["satisfaction.model.unknown_source", "satisfaction.model.unknown_target"]
    assert problems[0].params["block"] == "Ghost" and problems[1].params["block"] == "Nowhere"


def test_satisfaction_missing_or_unreachable():
    blocks, paths, items = _ccsi()
    assert "satisfaction.model.no_satisfaction" in keys(pm.check(blocks, paths, items, satisfaction=None))
    # satisfaction only causes loyalty: it is exogenous itself, nothing explains it
    cut = [(a, b) for a, b in paths if b != "Satisfaction"]
    problems = pm.check(blocks, cut, items, satisfaction="Satisfaction")
    assert keys(problems) == ["satisfaction.model.unreachable"]
    # two separate parts: satisfaction's part is a cycle only, so no exogenous block reaches it
    problems = pm.check(["A", "B", "Satisfaction"], [("A", "B"), ("B", "Satisfaction"), ("Satisfaction", "B")],
                        {"a": "A", "a2": "A", "b": "B", "b2": "B", "s": "Satisfaction", "s2": "Satisfaction"},
                        satisfaction="Satisfaction")
    assert "satisfaction.model.cycle" in keys(problems) and "satisfaction.model.unreachable" not in keys(problems)
    problems = pm.check(["B", "Satisfaction"], [("B", "Satisfaction"), ("Satisfaction", "B")],
                        {"b": "B", "b2": "B", "s": "Satisfaction", "s2": "Satisfaction"}, satisfaction="Satisfaction")
    assert "satisfaction.model.unreachable" in keys(problems)


def test_an_isolated_block_and_few_items_warning():
    blocks, paths, items = _ccsi()
    items["Z1"] = "Extra"
    problems = pm.check(blocks + ["Extra"], paths, items, satisfaction="Satisfaction")
    assert keys(problems) == ["satisfaction.model.isolated", "satisfaction.model.few_items"]
    assert problems[-1].severity == pm.WARNING and not problems[-1].is_error
    assert pm.check([], [], {}, satisfaction=None)[0].key == "satisfaction.model.no_blocks"


def test_satisfaction_block_by_name_or_label():
    assert pm.satisfaction_block([("A", "", ""), ("satisfaction", "", "")]) == "satisfaction"
    assert pm.satisfaction_block([("A", "", ""), ("CS", "顾客满意", "")]) == "CS"
    assert pm.satisfaction_block([("A", "", "Overall satisfaction")]) == "A"
    assert pm.satisfaction_block([("A", "形象", "Image")]) is None
