"""The clause grid: item model checks, Excel paste round trip (Chinese, multi-line, quotes), undo
and redo of paste, move, delete, fill down, find & replace, keyboard, read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.engines import agreements as eng
from app.models.agreements.service import Clause
from app.models.agreements.templates import default_clauses
from app.views.agreements.grid import COL_AQL, COL_DOCS, COL_EN, COL_NO, COL_PARTY, COL_ZH, ClauseEditor


def _editor(qtbot, clauses=None):
    ed = ClauseEditor("en", template_source=default_clauses)
    qtbot.addWidget(ed)
    ed.load(clauses if clauses is not None else default_clauses(), read_only=False)
    ed.resize(1200, 700)
    return ed


def test_model_passes_qtmodeltester(qtbot, qtmodeltester):
    ed = _editor(qtbot)
    qtmodeltester.check(ed.model, force_py=True)
    m = ed.model
    assert m.rowCount() == len(default_clauses()) + 8
    assert m.cell_text(0, COL_NO).startswith("1  Quality management")
    assert m.cell_text(1, COL_NO) == "1.1"
    r = m.header_row(3) + 1
    assert m.cell_text(r, COL_NO) == "3.1" and m.cell_text(r, COL_AQL) == "1.0 / II"
    assert "Lot pass rate >= 98 %" in m.cell_text(m.header_row(7) + 1, COL_AQL)


def test_excel_paste_round_trip_with_chinese_multiline_and_quotes(qtbot):
    ed = _editor(qtbot, [Clause(area=1, text_zh="旧", text_en="old")])
    m = ed.model
    text = ('x\t"供方应建立质量管理体系，\n并保持认证有效。"\t"The supplier shall keep ""ISO 9001""."\t供方\tGB/T 19001\t1.0 / II\r\n'
            'y\t第二条\tSecond\tBoth parties\t\t0.65\r\n'
            'z\t第三条\t"Line 1\nLine 2"\tpurchaser\t\t\r\n')
    ed.table.setCurrentIndex(m.index(1, COL_NO))
    ed.table.paste_text(text)
    cl = m.numbered()
    assert [(c.number, c.text_zh, c.text_en, c.party, c.documents, c.aql, c.level) for c in cl] == [
        ("1.1", "供方应建立质量管理体系，\n并保持认证有效。", 'The supplier shall keep "ISO 9001".', "supplier", "GB/T 19001",
         "1.0", "II"),
        ("1.2", "第二条", "Second", "both", "", "0.65", ""),
        ("1.3", "第三条", "Line 1\nLine 2", "purchaser", "", "", ""),
    ]
    assert m.stack.count() == 1  # one undo step
    # copy the same rectangle back: Excel text again (number column included)
    ed.table.selectAll()
    rows, cols = ed.table.selected_cells()
    copied = ed.table.ops.copy_text(rows, cols)
    assert eng.decode_tsv(copied)[0][:3] == ["1.1", "供方应建立质量管理体系，\n并保持认证有效。", 'The supplier shall keep "ISO 9001".']
    # …and pasting the copy over the rows changes nothing
    ed.table.setCurrentIndex(m.index(1, COL_NO))
    ed.table.clearSelection()
    ed.table.setCurrentIndex(m.index(1, COL_NO))
    before = m.clauses
    ed.table.ops.paste_text(copied, 1, COL_NO)
    assert m.clauses == before
    m.stack.undo()
    assert [c.text_zh for c in m.clauses] == ["旧"]
    m.stack.redo()
    assert len(m.clauses) == 3


def test_paste_300_by_6_is_one_undo_step(qtbot):
    ed = _editor(qtbot, [])
    m = ed.model
    rows = [[f"{i}", f"第{i}条 质量要求\n细则", f"Clause {i}", "supplier", f"DOC-{i}", "1.0 / II"] for i in range(300)]
    ed.table.ops.paste_text(eng.encode_tsv(rows), m.header_row(5), COL_NO)
    assert len(m.clauses) == 300 and {c.area for c in m.clauses} == {5}
    assert m.numbered()[-1].number == "5.300"
    assert m.stack.count() == 1
    m.stack.undo()
    assert m.clauses == []


def test_move_delete_fill_down_undo_redo(qtbot):
    ed = _editor(qtbot, [Clause(area=1, text_zh="甲", key="a"), Clause(area=1, text_zh="乙", key="b"),
                         Clause(area=2, text_zh="丙", key="c")])
    m, ops = ed.model, ed.table.ops
    keys = lambda: [(c.area, c.key) for c in m.clauses]  # noqa: E731
    ops.move_rows([2], 1)  # 乙 is last in area 1 → moves into area 2
    assert keys() == [(1, "a"), (2, "b"), (2, "c")]
    ops.move_rows([m.row_of_clause(1)], 1)  # within area 2: after 丙
    assert keys() == [(1, "a"), (2, "c"), (2, "b")]
    m.stack.undo()
    m.stack.undo()
    assert keys() == [(1, "a"), (1, "b"), (2, "c")]
    ops.delete_rows([1, 2])
    assert keys() == [(2, "c")]
    m.stack.undo()
    assert keys() == [(1, "a"), (1, "b"), (2, "c")]
    m.stack.redo()
    assert keys() == [(2, "c")]
    m.stack.undo()
    ops.fill_down([1, 2, m.row_of_clause(2)], [COL_ZH, COL_PARTY])
    assert [c.text_zh for c in m.clauses] == ["甲", "甲", "甲"]
    m.stack.undo()
    assert [c.text_zh for c in m.clauses] == ["甲", "乙", "丙"]


def test_find_replace_and_cell_edit_are_undoable(qtbot):
    ed = _editor(qtbot)
    m = ed.model
    n_before = sum(c.text_zh.count("供方") for c in m.clauses)
    assert len(ed.table.ops.find("供方")) > 5
    n = ed.table.ops.replace_all("供方", "乙方")
    assert n == n_before + sum(c.documents.count("供方") for c in default_clauses())
    assert not any("供方" in c.text_zh for c in m.clauses)
    m.stack.undo()
    assert sum(c.text_zh.count("供方") for c in m.clauses) == n_before
    idx = m.index(1, COL_EN)
    assert m.setData(idx, "Edited\nsecond line")
    assert m.clauses[0].text_en == "Edited\nsecond line"
    assert not m.setData(m.index(1, COL_PARTY), "nobody")  # unknown party refused
    assert m.setData(m.index(1, COL_PARTY), "purchaser")
    m.stack.undo()
    m.stack.undo()
    assert m.clauses[0].text_en == default_clauses()[0].text_en


def test_keyboard_copy_paste_delete_and_read_only(qtbot):
    ed = _editor(qtbot, [Clause(area=1, text_zh="甲", text_en="A"), Clause(area=1, text_zh="乙", text_en="B")])
    ed.show()
    t, m = ed.table, ed.model
    from PySide6.QtCore import QItemSelectionModel

    def go(r, c):
        t.selectionModel().setCurrentIndex(m.index(r, c), QItemSelectionModel.SelectionFlag.ClearAndSelect)

    t.setFocus()
    go(1, COL_ZH)
    qtbot.keyClick(t, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "甲\r\n"
    go(2, COL_ZH)
    qtbot.keyClick(t, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [c.text_zh for c in m.clauses] == ["甲", "甲"]
    qtbot.keyClick(t, Qt.Key.Key_Delete)
    assert [c.text_zh for c in m.clauses] == ["甲", ""]
    qtbot.keyClick(t, Qt.Key.Key_Return)  # Enter moves down
    assert t.currentIndex().row() == 3
    go(2, COL_ZH)
    qtbot.keyClick(t, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [c.text_zh for c in m.clauses] == ["甲", "甲"]
    ed.load(m.clauses, read_only=True)
    assert not (m.flags(m.index(1, COL_ZH)) & Qt.ItemFlag.ItemIsEditable)
    assert not m.setData(m.index(1, COL_ZH), "x")
    t.setCurrentIndex(m.index(2, COL_ZH))
    t.paste_text("changed\r\n")
    assert [c.text_zh for c in m.clauses] == ["甲", "甲"] and m.stack.count() == 0
    assert m.cell_text(1, COL_DOCS) == ""


def test_move_whole_area_by_keyboard_is_one_undo_step_and_renumbers(qtbot, qtmodeltester):
    ed = _editor(qtbot, [Clause(area=2, text_zh="乙一", key="b1"), Clause(area=2, text_zh="乙二", key="b2"),
                         Clause(area=3, text_zh="丙一", key="c1"), Clause(area=1, text_zh="甲一", key="a1")])
    ed.show()
    t, m = ed.table, ed.model
    from PySide6.QtCore import QItemSelectionModel

    t.setFocus()
    row = m.row_of_clause(next(i for i, c in enumerate(m.clauses) if c.key == "c1"))
    t.selectionModel().setCurrentIndex(m.index(row, COL_ZH), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert m.number(row) == "3.1"
    qtbot.keyClick(t, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert m.area_order == (1, 3, 2, 4, 5, 6, 7, 8) and m.stack.count() == 1
    numbers = {c.key: c.number for c in m.numbered()}
    assert numbers == {"a1": "1.1", "c1": "2.1", "b1": "3.1", "b2": "3.2"}
    assert m.cell_text(m.header_row(3), COL_NO).startswith("2  ")  # the heading moved with its clauses
    assert m.clause_at(t.currentIndex().row()).key == "c1"  # the cursor stays on the clause
    qtmodeltester.check(m, force_py=True)
    ed.move_area(-1)  # to the top; the edge stops it afterwards
    ed.move_area(-1)
    assert m.area_order[0] == 3 and m.stack.count() == 2
    m.stack.undo()
    m.stack.undo()
    assert m.area_order == eng.DEFAULT_AREA_ORDER
    assert {c.key: c.number for c in m.numbered()} == {"a1": "1.1", "b1": "2.1", "b2": "2.2", "c1": "3.1"}
    m.stack.redo()
    assert m.area_order == (1, 3, 2, 4, 5, 6, 7, 8)
    # clause moves cross into the neighbouring area in the new order: 甲一 (area 1) down → area 3
    ed.table.ops.move_rows([m.row_of_clause(0)], 1)
    assert [(c.area, c.key) for c in m.clauses][:2] == [(3, "a1"), (3, "c1")]
    ed.load(m.clauses, read_only=True, area_order=m.area_order)
    assert not ed.table.ops.move_area(3, 1) and m.area_order == (1, 3, 2, 4, 5, 6, 7, 8)
