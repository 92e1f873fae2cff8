"""The response entry grid: a keyboard journey with ASCII digits and Enter, refusals on the
cell, undo/redo, and the item model under qtmodeltester."""

from PySide6.QtCore import Qt

from app.views.satisfaction.entry import (
    COL_CONTACT, COL_CUSTOMER, FIRST_QUESTION, CustomerChoice, EntryGrid, EntryModel, Question,
)

QUESTIONS = [Question("q1", "产品质量", "Product quality", 1, 5),
             Question("q2", "交付准时", "On-time delivery", 1, 5),
             Question("nps", "推荐意愿", "Would recommend", 0, 10)]
CUSTOMERS = [CustomerChoice(1, "C0001", "Alpha", ((11, "Wang Li"), (12, "Zhao Min"))),
             CustomerChoice(2, "C0002", "Beta", ((21, "Li Na"),))]


def _grid(qtbot, saved):
    grid = EntryGrid(QUESTIONS, CUSTOMERS, on_save=lambda entries: saved.extend(entries) or len(entries))
    qtbot.addWidget(grid)
    grid.resize(900, 400)
    grid.show()
    grid.view.setFocus()
    return grid


def test_keyboard_journey_digits_and_enter(qtbot):
    saved = []
    grid = _grid(qtbot, saved)
    v = grid.view
    qtbot.keyClicks(v, "C0001")
    qtbot.keyClick(v, Qt.Key.Key_Return)
    assert v.currentIndex().column() == COL_CONTACT
    qtbot.keyClicks(v, "2")
    qtbot.keyClick(v, Qt.Key.Key_Return)
    assert v.currentIndex().column() == FIRST_QUESTION
    qtbot.keyClicks(v, "4")  # 1–5: one digit is the answer, the cursor moves on by itself
    assert v.currentIndex().column() == FIRST_QUESTION + 1
    qtbot.keyClick(v, Qt.Key.Key_Return)  # blank = no answer
    qtbot.keyClicks(v, "10")
    qtbot.keyClick(v, Qt.Key.Key_Return)
    # past the last question: the next row's customer, a new row added
    assert (v.currentIndex().row(), v.currentIndex().column()) == (1, COL_CUSTOMER)
    qtbot.keyClicks(v, "c0002")
    qtbot.keyClick(v, Qt.Key.Key_Return)
    qtbot.keyClick(v, Qt.Key.Key_Return)  # no contact
    qtbot.keyClicks(v, "5")
    qtbot.keyClicks(v, "3")
    m = grid.model
    assert m.cell_text(0, COL_CUSTOMER) == "C0001 Alpha"
    assert m.cell_text(0, COL_CONTACT) == "Zhao Min"
    entries = grid.entries()
    assert [(e.row, e.customer_id, e.contact_id, e.answers) for e in entries] == [
        (1, 1, 12, {"q1": 4, "nps": 10}), (2, 2, None, {"q1": 5, "q2": 3})]
    assert grid.save()
    assert len(saved) == 2 and "2" in grid.message.text()


def _at_first_question(qtbot):
    """An empty grid with customer C0001 typed and the cursor on the first question."""
    grid = _grid(qtbot, [])
    qtbot.keyClicks(grid.view, "C0001")
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    return grid


def test_out_of_scale_refused_on_the_cell(qtbot):
    grid = _at_first_question(qtbot)
    v, m = grid.view, grid.model
    qtbot.keyClicks(v, "7")  # scale 1–5
    assert v.currentIndex().column() == FIRST_QUESTION  # stays on the cell
    assert (0, FIRST_QUESTION) in m.refusals
    msg = grid.message.text()
    assert "q1" in msg and "1–5" in msg and "7" in msg
    assert m.data(m.index(0, FIRST_QUESTION)) == "7"
    assert m.data(m.index(0, FIRST_QUESTION), Qt.ItemDataRole.ToolTipRole) == msg
    assert not grid.save()  # a refused cell blocks saving
    qtbot.keyClicks(v, "3")
    assert m.value(0, FIRST_QUESTION) == 3 and not m.refusals
    assert grid.message.text() == grid.hint          # put right: the red message goes
    # 0–10 scale: 11 refused, 0 accepted
    qtbot.keyClick(v, Qt.Key.Key_Return)
    qtbot.keyClicks(v, "11")
    qtbot.keyClick(v, Qt.Key.Key_Return)
    assert "nps" in grid.message.text() and "0–10" in grid.message.text()
    qtbot.keyClick(v, Qt.Key.Key_Escape)
    qtbot.keyClicks(v, "0")
    qtbot.keyClick(v, Qt.Key.Key_Return)
    assert m.value(0, FIRST_QUESTION + 2) == 0 and not m.refusals


def test_a_letter_is_told_it_is_not_a_number(qtbot):
    grid = _at_first_question(qtbot)
    v, m = grid.view, grid.model
    assert not m.commit_text(0, FIRST_QUESTION, "x")     # pasted or typed into the cell
    assert "x is not a number" in grid.message.text() and "outside" not in grid.message.text()


def test_unknown_customer_and_contact_refused(qtbot):
    grid = _grid(qtbot, [])
    v, m = grid.view, grid.model
    qtbot.keyClicks(v, "X9")
    qtbot.keyClick(v, Qt.Key.Key_Return)
    assert v.currentIndex().column() == COL_CUSTOMER and "X9" in grid.message.text()
    m.commit_text(0, COL_CUSTOMER, "C0002")
    assert not m.commit_text(0, COL_CONTACT, "3")
    assert "C0002" in m.refusals[(0, COL_CONTACT)][1]
    assert m.commit_text(0, COL_CONTACT, "li")
    assert m.value(0, COL_CONTACT) == 21


def test_undo_redo(qtbot):
    grid = _grid(qtbot, [])
    m = grid.model
    m.commit_text(0, COL_CUSTOMER, "C0001")
    m.commit_text(0, COL_CONTACT, "1")
    m.commit_text(0, FIRST_QUESTION, "5")
    m.commit_text(0, FIRST_QUESTION, "2")
    m.stack.undo()
    assert m.value(0, FIRST_QUESTION) == 5
    m.stack.undo()
    assert m.value(0, FIRST_QUESTION) is None
    m.stack.redo()
    assert m.value(0, FIRST_QUESTION) == 5
    # changing the customer drops a contact that is not theirs; undo brings it back
    m.commit_text(0, COL_CUSTOMER, "C0002")
    assert m.value(0, COL_CONTACT) is None
    m.stack.undo()
    assert (m.value(0, COL_CUSTOMER), m.value(0, COL_CONTACT)) == (1, 11)
    # Ctrl+Z through the keyboard
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert m.value(0, FIRST_QUESTION) is None


def test_answers_without_customer_are_a_problem(qtbot):
    grid = _grid(qtbot, [])
    grid.model.commit_text(0, FIRST_QUESTION, "4")
    assert not grid.save()
    assert "Row 1" in grid.message.text()


def test_model_tester(qtmodeltester):
    m = EntryModel(QUESTIONS, CUSTOMERS)
    m.commit_text(0, COL_CUSTOMER, "C0001")
    m.commit_text(0, FIRST_QUESTION, "9")
    m.add_row()
    qtmodeltester.check(m, force_py=True)


def test_duplicate_respondent_refused(qtbot):
    grid = EntryGrid(QUESTIONS, CUSTOMERS, answered={(1, 11)})
    qtbot.addWidget(grid)
    m = grid.model
    m.commit_text(0, COL_CUSTOMER, "C0001")
    assert not m.commit_text(0, COL_CONTACT, "1")  # Wang Li answered in the wave already
    assert "already answered" in m.refusals[(0, COL_CONTACT)][1] and m.value(0, COL_CONTACT) is None
    assert m.commit_text(0, COL_CONTACT, "2")
    m.add_row()
    m.commit_text(1, COL_CUSTOMER, "C0001")
    assert not m.commit_text(1, COL_CONTACT, "zhao")
    assert "row 1" in m.refusals[(1, COL_CONTACT)][1]
    # two rows of one customer without contacts: a problem at save
    m.commit_text(1, COL_CONTACT, "")
    m.commit_text(1, COL_CUSTOMER, "C0002")
    m.add_row()
    m.commit_text(2, COL_CUSTOMER, "C0002")
    assert any("row 2" in p for p in m.problems())


def test_f4_chooses_customer_and_contact_from_a_list(qtbot):
    from PySide6.QtCore import QTimer

    grid = _grid(qtbot, [])
    v, m = grid.view, grid.model

    def pick(text):
        def run():
            d = v.chooser
            qtbot.keyClicks(d.filter, text)
            qtbot.keyClick(d.filter, Qt.Key.Key_Down) if text == "" else None
            qtbot.keyClick(d.filter, Qt.Key.Key_Return)
        QTimer.singleShot(0, run)

    pick("beta")
    qtbot.keyClick(v, Qt.Key.Key_F4)
    assert m.value(0, COL_CUSTOMER) == 2 and v.currentIndex().column() == COL_CONTACT
    pick("li")
    qtbot.keyClick(v, Qt.Key.Key_F4)
    assert m.value(0, COL_CONTACT) == 21 and v.currentIndex().column() == FIRST_QUESTION
    m.add_row()
    v.setCurrentIndex(m.index(1, COL_CUSTOMER))
    pick("")  # Down then Enter: the second customer of the list
    qtbot.keyClick(v, Qt.Key.Key_F4)
    assert m.value(1, COL_CUSTOMER) == 2


def test_paste_from_a_spreadsheet_is_one_undo_step(qtbot):
    from PySide6.QtGui import QGuiApplication

    grid = _grid(qtbot, [])
    v, m = grid.view, grid.model
    QGuiApplication.clipboard().setText("C0001\t2\t4\t\t10\r\nC0002\t\t9\t3\t0\r\n")
    qtbot.keyClick(v, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert m.rowCount() == 2
    assert [(e.customer_id, e.contact_id, e.answers) for e in grid.entries()] == [
        (1, 12, {"q1": 4, "nps": 10}), (2, None, {"q2": 3, "nps": 0})]
    assert (1, FIRST_QUESTION) in m.refusals  # 9 on a 1–5 scale, refused on its cell
    m.stack.undo()
    assert grid.entries() == []
