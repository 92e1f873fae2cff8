"""The column-mapping dialog: guessed and remembered columns, refusals that say which."""

from app.models.satisfaction.imports import Item
from app.views.satisfaction.mapping import MappingDialog

ITEMS = [Item("q1", "产品质量", "Product quality", 1, 5), Item("q2", "交付准时", "On-time delivery", 1, 5)]


def test_guess_remembered_and_refusals(qtbot):
    d = MappingDialog(["Kunde", "Product quality", "Frage 2"], ITEMS, initial={"customer": "Kunde", "q1": "gone"})
    qtbot.addWidget(d)
    ok = d.buttons.button(d.buttons.StandardButton.Ok)
    assert d.mapping() == {"customer": "Kunde", "q1": "Product quality"}
    assert ok.isEnabled()
    d.combos["q2"].setCurrentIndex(d.combos["q2"].findData("Product quality"))
    assert not ok.isEnabled() and "Product quality" in d.message.text()
    d.combos["q2"].setCurrentIndex(d.combos["q2"].findData("Frage 2"))
    d.combos["customer"].setCurrentIndex(0)
    assert not ok.isEnabled() and "customer" in d.message.text()
    d.combos["customer"].setCurrentIndex(d.combos["customer"].findData("Kunde"))
    assert ok.isEnabled() and d.mapping() == {"customer": "Kunde", "q1": "Product quality", "q2": "Frage 2"}
