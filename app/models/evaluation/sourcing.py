"""Sourcing plan of an evaluated period: per purchased item, its current suppliers with grade,
score, recorded order share and the share suggested from grade × score, and the item's
supplier-count strategy (domain.md §2.1 "number of suppliers", §2.8 "orders are linked to
grades").

Read-only: one transaction over the stored results of the period (``evaluation_runs`` /
``evaluation_results``) and the supplier–item links (``parts``, ``supplier_parts``,
``suppliers``), then the vectorised engines ``app.engines.grading.order_shares`` and
``sourcing_strategy``. Plain SQLAlchemy selects, so it runs on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd
from sqlalchemy import and_, select

from app.engines.grading import (
    DEVELOP_NEW_SOURCES, DEVELOP_SECOND_SOURCE, MAINTAIN, NO_GRADED_SOURCE, NO_SOURCE, PHASE_OUT_D,
    SHIFT_SHARE_TO_BEST, SINGLE_SOURCE_OK, URGE_IMPROVEMENT_SEEK_BETTER, GradePolicy, apply_holds, order_shares,
    sourcing_strategy,
)
from app.engines.indicators import Period
from app.engines.scoring import SchemeError
from app.models.core.database import Database
from app.models.evaluation.service import EvaluationError
from app.models.evaluation.tables import EvaluationResult, EvaluationRun, EvaluationSchemeRecord
from app.models.suppliers.corrective import car_counts
from app.models.suppliers.master import mandatory_certificate_states
from app.models.suppliers.tables import Part, Supplier, SupplierPart, SupplierStatus

#: Supplier statuses that may receive orders: on the qualified supplier list (domain.md §2.4).
CURRENT_STATUSES: tuple[str, ...] = (SupplierStatus.APPROVED.value, SupplierStatus.CONDITIONAL.value)
#: Why a linked supplier is not counted as a current source of the item.
LINK_INACTIVE = "link_inactive"

#: Strategy codes from the most to the least urgent; items are listed in this order.
STRATEGY_ORDER: tuple[str, ...] = (
    NO_SOURCE, DEVELOP_NEW_SOURCES, DEVELOP_SECOND_SOURCE, URGE_IMPROVEMENT_SEEK_BETTER, PHASE_OUT_D,
    NO_GRADED_SOURCE, SHIFT_SHARE_TO_BEST, MAINTAIN, SINGLE_SOURCE_OK,
)
_RANK = {code: i for i, code in enumerate(STRATEGY_ORDER)}


def strategy_rank(codes: tuple[str, ...] | list[str]) -> int:
    """Urgency of an item's strategy (0 = most urgent): the rank of its most urgent code."""
    return min((_RANK.get(c, len(STRATEGY_ORDER)) for c in codes), default=len(STRATEGY_ORDER))


@dataclass(frozen=True)
class SourcingSupplier:
    """A current supplier of an item in the period."""

    supplier_id: int
    code: str
    name_zh: str
    name_en: str
    status: str
    grade: str | None  # None: no score this period, or not evaluated in it
    score: float | None
    current_share: float | None  # the link's recorded share; None when the item records none
    suggested_share: float  # 0..1, from grade weight × score (sums to 1 per item when any weight)
    #: what purchasing must know beside the share (grading.apply_holds): "certificate_expired"
    #: (a mandatory certificate expired), "overdue_car" (an overdue corrective action request)
    holds: tuple[str, ...] = ()


@dataclass(frozen=True)
class OtherLink:
    """A supplier linked to the item that is not a current source, and why."""

    supplier_id: int
    code: str
    name_zh: str
    name_en: str
    status: str
    reason: str  # LINK_INACTIVE or the supplier's status (potential, under_evaluation, suspended, disqualified)


@dataclass(frozen=True)
class SourcingItem:
    part_id: int
    code: str
    name_zh: str
    name_en: str
    category: str
    importance_class: str
    strategy: tuple[str, ...]
    suppliers: tuple[SourcingSupplier, ...]
    not_current: tuple[OtherLink, ...]

    @property
    def rank(self) -> int:
        return strategy_rank(self.strategy)


@dataclass(frozen=True)
class SourcingPlan:
    period: str
    period_kind: str
    scheme_name: str
    scheme_version: int
    run_at: datetime
    share_weight: dict[str, float]
    items: list[SourcingItem]

    def strategy_counts(self) -> dict[str, int]:
        """Items per strategy code (an item with two codes counts under both), in STRATEGY_ORDER."""
        counts = {code: 0 for code in STRATEGY_ORDER}
        for item in self.items:
            for code in item.strategy:
                counts[code] = counts.get(code, 0) + 1
        return {code: n for code, n in counts.items() if n}


_LINK_COLUMNS = ("part_id", "part_code", "part_zh", "part_en", "category", "importance_class", "supplier_id",
                 "share", "active", "supplier_code", "supplier_zh", "supplier_en", "status", "score", "grade")


def sourcing_plan(db: Database, period_text: str, *, as_of: date | None = None) -> SourcingPlan:
    """The sourcing plan of an evaluated period; ``EvaluationError`` for a bad or unevaluated period.

    Every item (part) is listed, also those without any supplier (strategy ``no_source``).

    A *current* supplier of an item is one whose link is active **and** whose status is approved
    or conditionally approved — the suppliers on the qualified list, the only ones that may get
    orders. Linked suppliers that are potential or under evaluation (candidates, not yet
    approved), suspended (blocked: no new orders) or disqualified, and links marked inactive,
    are listed as ``not_current`` with the reason; they count neither for the strategy nor for
    the shares.

    Grade and score are the stored result of the period (None when the supplier had no score or
    was not evaluated in it). The strategy comes from the grades of the current suppliers
    (``sourcing_strategy``); the suggested share from the grade weights of the scheme version the
    period was evaluated with (``order_shares``). The current share is the link's recorded share;
    when every current link of an item records 0, the item has no recorded split and the current
    share is None.

    Each current supplier carries its ``holds`` as of ``as_of`` (today): an expired mandatory
    certificate or an overdue corrective action request (the grade list's rule,
    ``grading.apply_holds``; suppliers whose status forbids orders are already not counted).

    Items are ordered by urgency of their strategy (``STRATEGY_ORDER``), then by code; suppliers
    by suggested share, score and code.
    """
    try:
        label = Period.parse(period_text).label
    except ValueError as exc:
        raise EvaluationError(str(exc)) from exc
    with db.begin() as session:
        run = session.scalar(select(EvaluationRun).where(EvaluationRun.period == label))
        if run is None:
            raise EvaluationError(f"period {label} has not been evaluated; run 'qualitybridge evaluate' first")
        scheme_rec = session.get(EvaluationSchemeRecord, run.scheme_id)
        try:
            policy = scheme_rec.scheme().policy
        except (SchemeError, ValueError) as exc:
            raise EvaluationError(f"scheme {scheme_rec.name} v{scheme_rec.version} is invalid: {exc}") from exc
        rows = session.execute(
            select(Part.id, Part.code, Part.name_zh, Part.name_en, Part.category, Part.importance_class,
                   SupplierPart.supplier_id, SupplierPart.share, SupplierPart.active,
                   Supplier.code, Supplier.name_zh, Supplier.name_en, Supplier.status,
                   EvaluationResult.score, EvaluationResult.grade)
            .select_from(Part)
            .outerjoin(SupplierPart, SupplierPart.part_id == Part.id)
            .outerjoin(Supplier, Supplier.id == SupplierPart.supplier_id)
            .outerjoin(EvaluationResult, and_(EvaluationResult.supplier_id == SupplierPart.supplier_id,
                                              EvaluationResult.period == label))
            .order_by(Part.code, Supplier.code)).all()
        plan_head = (label, run.period_kind, scheme_rec.name, scheme_rec.version, run.run_at)
        today = as_of or date.today()
        certificates = mandatory_certificate_states(session, today)
        cars = car_counts(session, today)
    holds = {}
    for sid in {int(r[6]) for r in rows if r[6] is not None}:
        cert = certificates.get(sid)
        _, h = apply_holds((), None, certificate_expired=bool(cert and cert.expired),
                           overdue_cars=cars.get(sid, (0, 0))[1])
        if h:
            holds[sid] = h
    items = _build_items(pd.DataFrame.from_records([tuple(r) for r in rows], columns=list(_LINK_COLUMNS)), policy,
                         holds)
    return SourcingPlan(*plan_head, dict(policy.share_weight), items)


def _build_items(links: pd.DataFrame, policy: GradePolicy,
                 holds: dict[int, tuple[str, ...]] | None = None) -> list[SourcingItem]:
    holds = holds or {}
    linked = links["supplier_id"].notna()
    active = links["active"].astype(object).map(lambda v: bool(v) if pd.notna(v) else False)  # NULL: no link
    current = linked & active & links["status"].isin(CURRENT_STATUSES)
    cur = links[current].copy()
    cur["grade"] = cur["grade"].astype(object).where(cur["grade"].notna(), None)
    cur["score"] = pd.to_numeric(cur["score"], errors="coerce").astype(float)
    shares = order_shares(cur.assign(item=cur["part_id"], supplier=cur["supplier_id"]), policy)
    cur["suggested"] = shares["share"].to_numpy(dtype=float) if len(cur) else np.zeros(0)
    cur["share"] = pd.to_numeric(cur["share"], errors="coerce").fillna(0.0).astype(float)
    recorded = cur.groupby("part_id")["share"].transform("sum") > 0 if len(cur) else pd.Series(dtype=bool)
    cur["current"] = cur["share"].where(recorded, np.nan)

    by_part_current: dict[int, list[SourcingSupplier]] = {}
    for r in cur.sort_values(["part_id", "suggested", "score", "supplier_code"],
                             ascending=[True, False, False, True], na_position="last").itertuples(index=False):
        by_part_current.setdefault(int(r.part_id), []).append(SourcingSupplier(
            int(r.supplier_id), r.supplier_code, r.supplier_zh or "", r.supplier_en or "", r.status, r.grade,
            None if r.score != r.score else round(float(r.score), 4),
            None if r.current != r.current else round(float(r.current), 6), round(float(r.suggested), 6),
            holds.get(int(r.supplier_id), ())))
    by_part_other: dict[int, list[OtherLink]] = {}
    for r in links[linked & ~current].itertuples(index=False):
        # The supplier's own status says more than the link's flag (a suspended supplier is blocked
        # for every item); an approved supplier that is not counted has its link switched off.
        reason = r.status if r.status not in CURRENT_STATUSES else LINK_INACTIVE
        by_part_other.setdefault(int(r.part_id), []).append(OtherLink(
            int(r.supplier_id), r.supplier_code, r.supplier_zh or "", r.supplier_en or "", r.status, reason))

    items = []
    parts = links.drop_duplicates("part_id")
    for p in parts.itertuples(index=False):
        suppliers = tuple(by_part_current.get(int(p.part_id), ()))
        items.append(SourcingItem(int(p.part_id), p.part_code, p.part_zh or "", p.part_en or "", p.category or "",
                                  p.importance_class, sourcing_strategy([s.grade for s in suppliers]), suppliers,
                                  tuple(by_part_other.get(int(p.part_id), ()))))
    items.sort(key=lambda it: (it.rank, it.code))
    return items
