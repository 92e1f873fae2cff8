from PySide6.QtCore import Qt

from app.views.core.overview import OverviewPage
from app.views.core.table_models import SORT_ROLE


def test_overview_figures_match_the_database(qtbot, qtmodeltester, demo_db, tmp_path):
    from PySide6.QtCore import QSettings

    from app.views.core.context import AppContext
    from app.views.core.tasks import TaskRunner

    ctx = AppContext(demo_db, TaskRunner(), "en", QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    page = OverviewPage(ctx)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)
    with demo_db.engine.connect() as conn:
        n = conn.exec_driver_sql("SELECT count(*) FROM suppliers").scalar()
    assert page.cards.itemAt(0).widget().value_label.text() == f"{n:,}"
    # sorted by days left on native integers, not strings ("-5" < "10" < "9" would be wrong)
    page.proxy.sort(5, Qt.SortOrder.AscendingOrder)
    days = [page.proxy.index(r, 5).data(SORT_ROLE) for r in range(page.proxy.rowCount())]
    assert days == sorted(days)
    if page.proxy.rowCount():
        code = page.proxy.index(0, 0).data()
        page.filter_edit.setText(code)
        assert all(page.proxy.index(r, 0).data() == code for r in range(page.proxy.rowCount()))
