"""A wave's responses: summary rows, response rate, sorting keeps the summary on top."""

from PySide6.QtCore import Qt

from app.views.satisfaction.entry import Question
from app.views.satisfaction.responses import ResponseRow, ResponsesModel, ResponsesView

QS = [Question("q1", "质量", "Quality", 1, 5), Question("nps", "推荐", "Recommend", 0, 10)]
ROWS = [ResponseRow("C2", "Beta", "Li", {"q1": 2, "nps": 9}), ResponseRow("C1", "Alpha", "", {"q1": 5}),
        ResponseRow("C3", "Gamma", "Wu", {"q1": 4, "nps": 6})]


def test_summary_and_rate(qtbot):
    v = ResponsesView(QS, ROWS, targets=12)
    qtbot.addWidget(v)
    assert v.rate_label.text() == "3 of 12 targets answered (response rate 25.0 %)"
    m = v.model
    assert [m.data(m.index(0, c)) for c in (0, 3, 4)] == ["Answers", "3", "2"]
    assert [m.data(m.index(1, c)) for c in (0, 3, 4)] == ["Mean", "3.67", "7.50"]
    v.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    p = v.proxy
    assert [p.data(p.index(r, 0)) for r in range(5)] == ["Answers", "Mean", "C1", "C3", "C2"]
    v.table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    assert [p.data(p.index(r, 0)) for r in range(5)] == ["Answers", "Mean", "C3", "C2", "C1"]
    assert ResponsesView(QS, [], targets=0).rate_label.text() == "0 respondent(s); the wave has no targets"


def test_model_tester(qtmodeltester):
    qtmodeltester.check(ResponsesModel(QS, ROWS), force_py=True)
