"""The survey design tab on a real database: a new survey, its tree built with the keyboard
actions (undo/redo), AHP weights and CR live as judgements are typed (CR ≥ 0.10 refused), a Kano
pair and the NPS text, release (refused until complete, then frozen and read-only), a new version
copied from it; read-only for a user without satisfaction.design."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.models.admin.identity import Actor
from app.models.satisfaction import design
from app.views.core.context import AppContext
from app.views.core.tasks import TaskRunner


@pytest.fixture
def ctx(db, tmp_path, qapp):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(database=db, tasks=TaskRunner(), language="en", settings=settings)


@pytest.fixture
def tab(ctx, qtbot):
    from app.views.satisfaction.design_tab import DesignTab

    w = DesignTab(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    return w


def _node(tab, code):
    return next(n for n in tab.nodes.values() if n.code == code)


def test_design_journey(tab, ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert not tab.create_survey({"code": "bad code", "name_zh": "", "purpose": "periodic", "scale_min": 1,
                                  "scale_max": 5})
    assert tab.message.text()  # the refusal, in red
    assert tab.create_survey({"code": "CSAT", "name_zh": "顾客满意度", "name_en": "Customer satisfaction",
                              "purpose": "periodic", "scale_min": 1, "scale_max": 5})
    assert tab.version.state == "draft" and tab.editable()
    # goal → two dimensions → one question each, with the buttons (Ins/Del/Ctrl+↑ run the same slots)
    tab.select_node(_node(tab, "TOTAL").id)
    tab.add_child()
    tab.code.setText("D_QUAL")
    tab.text_zh.setText("质量")
    tab.text_en.setText("Quality")
    tab.save_node()
    tab.select_node(_node(tab, "TOTAL").id)
    tab.add_child()
    tab.code.setText("D_DELIV")
    tab.text_zh.setText("交付")
    tab.text_en.setText("Delivery")
    tab.save_node()
    tab.select_node(_node(tab, "TOTAL").id)
    tab.add_child()
    tab.code.setText("D_PRICE")
    tab.text_zh.setText("价格")
    tab.text_en.setText("Price")
    tab.save_node()
    for dim, q in (("D_QUAL", "Q1"), ("D_DELIV", "DL1"), ("D_PRICE", "PR1")):
        tab.select_node(_node(tab, dim).id)
        tab.add_child()
        tab.code.setText(q)
        tab.text_zh.setText(f"题目{q}")
        tab.text_en.setText(f"Question {q}")
        tab.importance.setChecked(q == "Q1")
        tab.save_node()
    assert {n.code for n in tab.nodes.values()} == {"TOTAL", "D_QUAL", "D_DELIV", "D_PRICE", "Q1", "DL1", "PR1"}
    assert _node(tab, "Q1").importance_question
    # move D_PRICE up, undo, redo; delete it, undo brings it back with its question
    tab.select_node(_node(tab, "D_PRICE").id)
    tab.move(-1)
    order = lambda: [n.code for n in sorted(tab.nodes.values(), key=lambda n: n.position) if n.kind == "dimension"]  # noqa: E731
    assert order() == ["D_QUAL", "D_PRICE", "D_DELIV"]
    tab.undo.undo()
    assert order() == ["D_QUAL", "D_DELIV", "D_PRICE"]
    tab.undo.redo()
    assert order() == ["D_QUAL", "D_PRICE", "D_DELIV"]
    tab.select_node(_node(tab, "D_PRICE").id)
    tab.delete_node()
    assert "PR1" not in {n.code for n in tab.nodes.values()}
    tab.undo.undo()
    assert {"D_PRICE", "PR1"} <= {n.code for n in tab.nodes.values()}

    # AHP on the goal's three dimensions (rows/cols in tree order): Saaty's example, CR 0.033
    tab.select_node(_node(tab, "TOTAL").id)
    codes = [c.code for c in tab.ahp_children]
    assert len(codes) == 3 and "comparison(s) still to enter" in tab.ahp_result.text()
    tab.set_judgement(0, 1, "3")
    tab.set_judgement(0, 2, "5")
    tab.set_judgement(1, 2, "3")
    assert tab.ahp.item(1, 0).text() == "1/3"          # the lower triangle mirrors
    text = tab.ahp_result.text()
    assert "CR = 0.033" in text and f"{codes[0]} 0.637" in text and "color: #1e8449" in tab.ahp_result.styleSheet()
    # inconsistent: A ≫ B, B ≫ C but C ≫ A — red live, and the service refuses to save it
    tab.set_judgement(0, 2, "1/9")
    assert "inconsistent" in tab.ahp_result.text() and "#c0392b" in tab.ahp_result.styleSheet()
    tab.save_ahp()
    assert design.ahp_state(ctx.database, _node(tab, "TOTAL").id).weights is None
    assert "0.10" in tab.message.text()
    tab.set_judgement(0, 2, "5")
    tab.save_ahp()
    assert [round(w, 3) for w in design.ahp_state(ctx.database, _node(tab, "TOTAL").id).weights] == [0.637, 0.258, 0.105]
    tab.set_judgement(0, 1, "seven")
    assert "Saaty" in tab.ahp_result.text()

    # Kano pair and NPS
    tab.add_kano("K1", "快速响应")
    assert [p.code for p in tab.kano_rows] == ["K1"]
    tab.kano.item(0, 2).setText("Fast response")               # typed in the cell
    assert tab.kano_rows[0].attribute_en == "Fast response"
    tab.kano.item(0, 1).setText("")                            # the Chinese attribute is required
    assert tab.kano_rows[0].attribute_zh == "快速响应" and tab.kano.item(0, 1).text() == "快速响应"
    tab.undo.undo()
    assert tab.kano_rows[0].attribute_en == ""
    tab.undo.redo()
    assert tab.kano_rows[0].attribute_en == "Fast response"
    tab.nps_zh.setText("您向同事推荐我们的可能性有多大？")
    tab.nps_en.setText("How likely are you to recommend us?")
    tab.save_nps()
    tab.grab().save(str(tmp_path / "design.png"))

    # release: the dimensions' single questions are directly weighted — give them weights first
    tab.release()
    assert tab.version.state == "draft" and tab.message.text()
    for q in ("Q1", "DL1", "PR1"):
        tab.select_node(_node(tab, q).id)
        tab.weight.setText("1")
        tab.save_node()
    tab.release()
    assert tab.version.state == "released", tab.message.text()
    assert not tab.editable() and not tab.add_button.isEnabled() and not tab.save_ahp_button.isEnabled()
    # a new version is an editable copy
    tab.new_version()
    assert tab.version.version == 2 and tab.version.state == "draft"
    assert {"Q1", "DL1", "PR1"} <= {n.code for n in tab.nodes.values()}


def test_read_only_without_the_design_permission(db, ctx, qtbot):
    from app.views.satisfaction.design_tab import DesignTab

    design.create_survey(db, "CSAT", "顾客满意度")
    db.actor = Actor(None, "viewer", "Viewer", ("auditor",), frozenset({"satisfaction.view"}))
    tab = DesignTab(ctx)
    qtbot.addWidget(tab)
    assert tab.version is not None and tab.version.state == "draft"
    assert not tab.editable()
    assert not tab.new_survey_button.isEnabled() and not tab.release_button.isEnabled()
    assert not tab.code.isEnabled() and "may not" in tab.state.text()


def test_chinese_screen(db, tmp_path, qapp, qtbot):
    from app.views.satisfaction.design_tab import DesignTab

    design.create_survey(db, "CSAT", "顾客满意度")
    zh = AppContext(database=db, tasks=TaskRunner(), language="zh_CN",
                    settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    tab = DesignTab(zh)
    qtbot.addWidget(tab)
    assert tab.survey.currentText().endswith("顾客满意度")


def test_kano_pairs_in_both_languages_reordered_and_deleted_with_undo(tab, ctx, qtbot, monkeypatch):
    """Every text of a Kano pair is a cell (Chinese and English questions), Ctrl+↑/↓ reorders the
    pairs, Delete removes one after asking and Ctrl+Z puts it back in its place."""
    from PySide6.QtCore import Qt

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    ok = tab.create_survey({"code": "KANO1", "name_zh": "卡诺研究", "name_en": "Kano study", "purpose": "kano",
                            "scale_min": 1, "scale_max": 5})
    assert ok, tab.message.text()
    tab.add_kano("K1", "快速响应", "Fast response")
    tab.add_kano("K2", "在线追踪")
    tab.add_kano("K3", "免费样品", "Free samples")
    headers = [tab.kano.horizontalHeaderItem(c).text() for c in range(tab.kano.columnCount())]
    assert headers == ["Code", "Attribute", "Attribute (English)", "If present", "If present (English)", "If absent",
                       "If absent (English)"]
    k1 = tab.kano_rows[0]
    assert (k1.functional_zh, k1.functional_en) == ("如果产品具备“快速响应”，您的感受是？",
                                                    "If the product has “Fast response”, how do you feel?")
    assert k1.dysfunctional_en == "If the product does not have “Fast response”, how do you feel?"
    assert tab.kano_rows[1].functional_en == ""              # no English attribute yet: left to be typed

    tab.kano.item(1, 4).setText("If you can track the order online, how do you feel?")
    tab.kano.item(1, 6).setText("If you cannot track the order online, how do you feel?")
    k2 = next(p for p in design.kano_pairs(ctx.database, tab.version.id) if p.code == "K2")
    assert k2.functional_en.startswith("If you can track") and k2.dysfunctional_en.startswith("If you cannot")

    # keyboard: K3 up twice, then back down by undo
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(tab.isActiveWindow)
    tab.kano.setFocus()
    tab.kano.setCurrentCell(2, 0)
    qtbot.keyClick(tab.kano, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(tab.kano, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [p.code for p in tab.kano_rows] == ["K3", "K1", "K2"]
    assert tab.kano.currentRow() == 0
    tab.undo.undo()
    assert [p.code for p in tab.kano_rows] == ["K1", "K3", "K2"]
    tab.undo.redo()
    assert [p.code for p in tab.kano_rows] == ["K3", "K1", "K2"]
    tab.kano.setCurrentCell(0, 0)
    tab.move_kano(-1)
    assert [p.code for p in tab.kano_rows] == ["K3", "K1", "K2"]

    # delete the middle pair with the Delete key, undo puts it back in its place with every text
    tab.kano.setCurrentCell(1, 0)
    qtbot.keyClick(tab.kano, Qt.Key.Key_Delete)
    assert [p.code for p in tab.kano_rows] == ["K3", "K2"]
    assert "K1" in tab.message.text()
    tab.undo.undo()
    assert [p.code for p in tab.kano_rows] == ["K3", "K1", "K2"]
    back = tab.kano_rows[1]
    assert (back.attribute_en, back.functional_en) == (k1.attribute_en, k1.functional_en)
    tab.undo.redo()
    assert [p.code for p in tab.kano_rows] == ["K3", "K2"]


def test_tree_cells_are_edited_in_place_with_undo_and_refusals_put_the_stored_value_back(tab, ctx, qtbot):
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    assert tab.create_survey({"code": "INPLACE", "name_zh": "就地编辑", "name_en": "In place", "purpose": "periodic",
                              "scale_min": 1, "scale_max": 5})
    tab.select_node(_node(tab, "TOTAL").id)
    tab.add_child()
    dim = tab.selected_node()

    def item_of(node_id):
        it = QTreeWidgetItemIterator(tab.tree)
        while it.value():
            if it.value().data(0, 0x0100) == node_id:
                return it.value()
            it += 1

    item = item_of(dim.id)
    item.setText(1, "交付")                                   # Chinese text typed in its cell
    qtbot.waitUntil(lambda: tab.nodes[dim.id].text_zh == "交付")
    item_of(dim.id).setText(3, "0.4")                        # the weight
    qtbot.waitUntil(lambda: tab.nodes[dim.id].weight == 0.4)
    tab.undo.undo()
    assert tab.nodes[dim.id].weight is None and tab.nodes[dim.id].text_zh == "交付"
    tab.undo.redo()
    assert tab.nodes[dim.id].weight == 0.4
    item_of(dim.id).setText(3, "heavy")                      # refused: the message names the weight
    qtbot.waitUntil(lambda: "weight" in tab.message.text())
    assert item_of(dim.id).text(3) == "0.400" and tab.nodes[dim.id].weight == 0.4
    item_of(dim.id).setText(0, "bad code")                   # a code with a space is refused too
    qtbot.waitUntil(lambda: item_of(dim.id).text(0) == dim.code)


def test_the_tree_shows_each_dimensions_questions_in_their_order(demo_db, qtbot, tmp_path):
    """A question at position 0 under a later dimension is not put after its sibling (DL1 before DL2)."""
    from PySide6.QtCore import Qt

    from app.views.satisfaction.design_tab import DesignTab

    ctx = AppContext(database=demo_db, tasks=TaskRunner(), language="en",
                     settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    tab = DesignTab(ctx)
    qtbot.addWidget(tab)
    i = tab.survey.findText("CCSI", Qt.MatchFlag.MatchStartsWith)
    tab.survey.setCurrentIndex(i)
    top = tab.tree.topLevelItem(0)
    dims = {top.child(k).text(0): top.child(k) for k in range(top.childCount())}
    delivery = dims["D_DELIVERY"]
    assert [delivery.child(k).text(0) for k in range(delivery.childCount())] == ["DL1", "DL2"]
    assert list(dims)[:3] == ["D_PRODUCT", "D_DELIVERY", "D_PRICE"]
