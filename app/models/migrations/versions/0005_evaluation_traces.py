"""Evaluation results keyed by (period, supplier), calculation traces stored once per period.

Why: storing the monthly grades was most of the cost of an evaluation. Per-row JSON traces had
to be formatted for 2,000 suppliers, a second index on (supplier_id, period) dirtied a page per
supplier on every new period, and ``grade IN ('A', …)`` CHECKs build a temporary table per row
in SQLite. Now:

* ``evaluation_results`` holds what reports query — score, grade, history, treatment, missing —
  with the primary key (period, supplier_id), so a new period appends in key order (on SQLite a
  WITHOUT ROWID table: one b-tree instead of a table plus its key index). The run's
  scheme name, version and method live on ``evaluation_runs``/``evaluation_schemes`` (they were
  repeated on every row). ``period`` refers to ``evaluation_runs.period`` (unique), so deleting a
  run cascades along the key's leading column.
* ``evaluation_traces`` holds one row per period: ``columns`` (JSON list of column names) and
  ``data``, a float64 matrix in NumPy's ``.npy`` format, one row per supplier. Columns are
  ``supplier_id``, then ``<indicator>.numerator``, ``.denominator``, ``.score``, ``.weight`` per
  indicator of the scheme, then ``fuzzy.A``…``fuzzy.D`` (fuzzy runs) or ``demerit.<class>``
  (demerit runs). Values and contributions follow from these by definition.

Existing results are kept: their JSON traces are converted period by period.

Revision ID: 0005_evaluation_traces
Revises: 0003_evaluation
"""
import io
import json

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0005_evaluation_traces"
down_revision = "0003_evaluation"
branch_labels = None
depends_on = None

# Frozen copies of the format at the time of this migration (the app's code may move on).
FIELDS = ("numerator", "denominator", "score", "weight")
DEMERIT_CLASSES = ("critical_defects", "major_defects", "minor_defects", "rejected_lots",
                   "late_deliveries", "overdue_cars")
# Equality chains, not IN lists: SQLite evaluates a CHECK's IN list through a temporary table.
GRADE_OK = "{c} IS NULL OR {c} = 'A' OR {c} = 'B' OR {c} = 'C' OR {c} = 'D'"
OLD_INDEXES = ("pk_evaluation_results", "uq_evaluation_results_period_supplier_id",
               "ix_evaluation_results_supplier_period")


def _new_results_table() -> None:
    op.create_table(
        "evaluation_results",
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("grade", sa.String(1), nullable=True),
        sa.Column("previous_grade", sa.String(1), nullable=True),
        sa.Column("periods_in_grade", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(5), nullable=True),
        sa.Column("treatment", sa.String(12), nullable=False),
        sa.Column("missing", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("period", "supplier_id", name="pk_evaluation_results"),
        sa.ForeignKeyConstraint(["period"], ["evaluation_runs.period"], ondelete="CASCADE",
                                name="fk_evaluation_results_period_evaluation_runs"),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="CASCADE",
                                name="fk_evaluation_results_supplier_id_suppliers"),
        sa.CheckConstraint(GRADE_OK.format(c="grade"), name=op.f("ck_evaluation_results_grade")),
        sa.CheckConstraint(GRADE_OK.format(c="previous_grade"), name=op.f("ck_evaluation_results_previous_grade")),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)",
                           name=op.f("ck_evaluation_results_score_range")),
        sa.CheckConstraint("(score IS NULL) = (grade IS NULL)", name=op.f("ck_evaluation_results_grade_iff_score")),
        # Small rows looked up by their key: SQLite keeps them in the key's own b-tree.
        sqlite_with_rowid=False,
    )


def _npy(matrix: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, np.ascontiguousarray(matrix, dtype=np.float64), allow_pickle=False)
    return buf.getvalue()


def _matrix_from_json(rows: list[tuple[int, str]]) -> tuple[list[str], np.ndarray] | None:
    """One period's per-row JSON traces (format of 0003) as the column matrix of this revision."""
    parsed = [(sid, json.loads(t or "{}")) for sid, t in rows]
    keys = next((t["keys"] for _, t in parsed if t.get("keys")), None)
    if keys is None:
        return None
    columns = ["supplier_id"] + [f"{k}.{f}" for k in keys for f in FIELDS]
    sample = next(t for _, t in parsed if t.get("keys"))
    if "fuzzy" in sample:
        columns += [f"fuzzy.{g}" for g in "ABCD"]
    elif "demerit" in sample:
        columns += [f"demerit.{c}" for c in DEMERIT_CLASSES[:len(sample["demerit"])]]
    out = np.full((len(parsed), len(columns)), np.nan)
    for i, (sid, t) in enumerate(parsed):
        values = [sid] + list(t.get("v", [])) + list(t.get("fuzzy", t.get("demerit", [])))
        values = [np.nan if v is None else v for v in values][:len(columns)]
        out[i, :len(values)] = values
    return columns, out


def upgrade() -> None:
    bind = op.get_bind()
    op.rename_table("evaluation_results", "evaluation_results_0003")
    if bind.dialect.name == "postgresql":
        # Index names are per schema in PostgreSQL; free them for the new table.
        for name in OLD_INDEXES:
            op.execute(f"ALTER INDEX IF EXISTS {name} RENAME TO {name}_0003")
    elif bind.dialect.name == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_evaluation_results_supplier_period")
    _new_results_table()
    op.create_table(
        "evaluation_traces",
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("period", name="pk_evaluation_traces"),
        sa.ForeignKeyConstraint(["period"], ["evaluation_runs.period"], ondelete="CASCADE",
                                name="fk_evaluation_traces_period_evaluation_runs"),
    )
    op.execute("INSERT INTO evaluation_results (period, supplier_id, score, grade, previous_grade,"
               " periods_in_grade, change, treatment, missing)"
               " SELECT period, supplier_id, score, grade, previous_grade, periods_in_grade, change, treatment,"
               " missing FROM evaluation_results_0003")
    traces = sa.table("evaluation_traces", sa.column("period"), sa.column("columns"),
                      sa.column("data", sa.LargeBinary()))
    periods = [r[0] for r in bind.execute(sa.text("SELECT DISTINCT period FROM evaluation_results_0003"))]
    for period in periods:
        rows = bind.execute(sa.text("SELECT supplier_id, trace FROM evaluation_results_0003 WHERE period = :p"
                                    " ORDER BY supplier_id"), {"p": period}).all()
        converted = _matrix_from_json([(r[0], r[1]) for r in rows])
        if converted is not None:
            columns, matrix = converted
            bind.execute(traces.insert().values(period=period, columns=json.dumps(columns), data=_npy(matrix)))
    op.drop_table("evaluation_results_0003")


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT e.period, e.supplier_id, r.id, r.period_kind, s.name, s.version, s.config, e.score, e.grade,"
        " e.previous_grade, e.periods_in_grade, e.change, e.treatment, e.missing"
        " FROM evaluation_results e JOIN evaluation_runs r ON r.period = e.period"
        " JOIN evaluation_schemes s ON s.id = r.scheme_id")).all()
    traces = {}
    for period, columns, data in bind.execute(sa.text("SELECT period, columns, data FROM evaluation_traces")):
        columns = json.loads(columns)
        matrix = np.load(io.BytesIO(bytes(data)), allow_pickle=False)
        keys = [c[:-len(".numerator")] for c in columns if c.endswith(".numerator")]
        extra = [i for i, c in enumerate(columns) if c.startswith(("fuzzy.", "demerit."))]
        kind = "fuzzy" if any(columns[i].startswith("fuzzy.") for i in extra) else "demerit"
        for row in matrix:
            v = [None if np.isnan(x) else float(x) for x in row[1:1 + 4 * len(keys)]]
            trace = {"keys": keys, "v": v}
            if extra:
                trace[kind] = [float(row[i]) for i in extra]
            traces[(period, int(row[0]))] = json.dumps(trace)
    op.drop_table("evaluation_traces")
    op.drop_table("evaluation_results")
    op.create_table(
        "evaluation_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(10), nullable=False),
        sa.Column("period_kind", sa.String(8), nullable=False),
        sa.Column("scheme_name", sa.String(80), nullable=False),
        sa.Column("scheme_version", sa.Integer(), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("grade", sa.String(1), nullable=True),
        sa.Column("previous_grade", sa.String(1), nullable=True),
        sa.Column("periods_in_grade", sa.Integer(), nullable=False),
        sa.Column("change", sa.String(5), nullable=True),
        sa.Column("treatment", sa.String(12), nullable=False),
        sa.Column("missing", sa.Text(), nullable=False),
        sa.Column("trace", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evaluation_results"),
        sa.ForeignKeyConstraint(["run_id"], ["evaluation_runs.id"], ondelete="CASCADE",
                                name="fk_evaluation_results_run_id_evaluation_runs"),
        sa.ForeignKeyConstraint(["supplier_id"], ["suppliers.id"], ondelete="CASCADE",
                                name="fk_evaluation_results_supplier_id_suppliers"),
        sa.UniqueConstraint("period", "supplier_id", name="uq_evaluation_results_period_supplier_id"),
        sa.CheckConstraint("grade IS NULL OR grade IN ('A', 'B', 'C', 'D')", name="ck_evaluation_results_grade"),
        sa.CheckConstraint("previous_grade IS NULL OR previous_grade IN ('A', 'B', 'C', 'D')",
                           name="ck_evaluation_results_previous_grade"),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="ck_evaluation_results_score_range"),
        sa.CheckConstraint("(score IS NULL) = (grade IS NULL)", name="ck_evaluation_results_grade_iff_score"),
    )
    op.create_index("ix_evaluation_results_supplier_period", "evaluation_results", ["supplier_id", "period"])
    old = sa.table("evaluation_results", *(sa.column(c) for c in (
        "run_id", "supplier_id", "period", "period_kind", "scheme_name", "scheme_version", "method", "score",
        "grade", "previous_grade", "periods_in_grade", "change", "treatment", "missing", "trace")))
    batch = []
    for (period, sid, run_id, kind, name, version, config, score, grade, prev, streak, change, treatment,
         missing) in rows:
        batch.append({"run_id": run_id, "supplier_id": sid, "period": period, "period_kind": kind,
                      "scheme_name": name, "scheme_version": version,
                      "method": json.loads(config).get("method", "weighted"), "score": score, "grade": grade,
                      "previous_grade": prev, "periods_in_grade": streak, "change": change,
                      "treatment": treatment, "missing": missing, "trace": traces.get((period, sid), "{}")})
    if batch:
        bind.execute(old.insert(), batch)
