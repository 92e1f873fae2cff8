"""Agreement template as a workbook (one row per clause, the columns templates.XLSX_COLUMNS), the
file ``templates.parse_template_xlsx`` reads back."""

from __future__ import annotations

import os

from app.models.agreements import templates
from app.models.core.database import Database
from app.reports.tabular import write_xlsx


def write_template_xlsx(db: Database, template_id: int, path: str | os.PathLike[str]) -> None:
    clauses = templates.template_clauses(db, template_id)
    order = templates.template_area_order(db, template_id)
    write_xlsx(path, templates.XLSX_COLUMNS, [templates.clause_cells(c, order) for c in clauses], title="template",
               widths=(6, 60, 60, 10, 24, 6, 6, 8, 16, 6, 8, 8, 10, 10, 8, 8))
