"""Complaint handling ratings as transaction-survey answers (the complaints side).

A closed complaint with the customer's rating (1–5, complaints domain) is one respondent of the
transaction survey "after a closed complaint": the complaint's customer and contact answer the
handling question with the rating. :func:`closed_ratings` reads them in the form the
transaction survey's sync stores (one row per complaint, the latest close and rating — a
reopened and closed-again complaint answers once, with its last rating).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.models.complaints.tables import Complaint
from app.models.core.database import Database

#: The scale of the complaint rating (``complaints.rating`` BETWEEN 1 AND 5).
RATING_SCALE = (1, 5)


@dataclass(frozen=True)
class HandlingRating:
    complaint_id: int
    number: str
    customer_id: int
    contact_id: int | None
    rating: int
    comment: str
    closed_at: datetime


def closed_ratings(db_or_session, *, closed_from: datetime | None = None, closed_to: datetime | None = None,
                   complaint_ids: list[int] | None = None) -> list[HandlingRating]:
    """Closed, rated complaints (optionally closed in [from, to), or only ``complaint_ids``), by close time."""
    if isinstance(db_or_session, Database):
        with db_or_session.read() as s:
            return closed_ratings(s, closed_from=closed_from, closed_to=closed_to, complaint_ids=complaint_ids)
    c = Complaint
    q = (select(c.id, c.number, c.customer_id, c.contact_id, c.rating, c.rating_comment, c.closed_at)
         .where(c.state == "closed", c.rating.is_not(None), c.closed_at.is_not(None)))
    if closed_from is not None:
        q = q.where(c.closed_at >= closed_from)
    if closed_to is not None:
        q = q.where(c.closed_at < closed_to)
    if complaint_ids is not None:
        q = q.where(c.id.in_(complaint_ids))
    return [HandlingRating(int(i), n, int(cu), ct, int(r), rc or "", at)
            for i, n, cu, ct, r, rc, at in db_or_session.execute(q.order_by(c.closed_at, c.id))]
