"""Customer satisfaction records (migration 0010_satisfaction).

A **survey** (purpose, scale) has **versions**; a released version is frozen (a change is a new
version, copied). A version holds the **indicator tree** (``sat_nodes``: goal → dimensions →
indicators; each indicator is a question, optionally with an importance question, and may be
assigned to a latent variable of the CSI model through ``latent``), the **AHP** pairwise
judgements per parent node, the **CSI model** (kind, its blocks and paths), the **Kano** question
pairs and an optional NPS question. A **wave** is one run of a version in a period to a set of
**targets** (customers/contacts); each **respondent** (one per customer and contact in a wave)
has **answers** keyed by question code and kind; a blank answer is no row.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean, CheckConstraint, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.core.base import Base, utcnow
from app.models.customers import tables as _customer_tables  # noqa: F401  (customers, contacts)

PURPOSES = ("periodic", "transaction", "kano", "lost_customer")
VERSION_STATES = ("draft", "released", "retired")
NODE_KINDS = ("goal", "dimension", "indicator")
WEIGHT_METHODS = ("direct", "ahp", "derived")
MODEL_KINDS = ("ccsi", "acsi", "ecsi", "custom")
WAVE_STATES = ("planned", "open", "closed")
SOURCES = ("entry", "import", "complaint")
ANSWER_KINDS = ("rating", "importance", "kano_functional", "kano_dysfunctional", "nps")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class Survey(Base):
    __tablename__ = "sat_surveys"
    __table_args__ = (
        CheckConstraint(f"purpose IN ({_in(PURPOSES)})", name="purpose"),
        CheckConstraint("scale_min < scale_max", name="scale"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_zh: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120), default="")
    purpose: Mapped[str] = mapped_column(String(16), default="periodic")
    scale_min: Mapped[int] = mapped_column(Integer, default=1)
    scale_max: Mapped[int] = mapped_column(Integer, default=10)
    languages: Mapped[str] = mapped_column(String(20), default="zh_CN,en")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SurveyVersion(Base):
    __tablename__ = "sat_survey_versions"
    __table_args__ = (
        UniqueConstraint("survey_id", "version"),
        CheckConstraint(f"state IN ({_in(VERSION_STATES)})", name="state"),
        CheckConstraint(f"model_kind IN ({_in(MODEL_KINDS)})", name="model_kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("sat_surveys.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(10), default="draft")
    #: the CSI model the indicators' ``latent`` assignments belong to; blocks/paths below
    model_kind: Mapped[str] = mapped_column(String(8), default="ccsi")
    #: the NPS question ("how likely are you to recommend us", 0–10); empty = none
    nps_zh: Mapped[str] = mapped_column(Text, default="")
    nps_en: Mapped[str] = mapped_column(Text, default="")
    based_on_id: Mapped[int | None] = mapped_column(ForeignKey("sat_survey_versions.id", ondelete="SET NULL"),
                                                    nullable=True)
    released_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    released_by: Mapped[str] = mapped_column(String(120), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SurveyNode(Base):
    """A node of the indicator tree; an indicator is a question (``code`` = its column)."""

    __tablename__ = "sat_nodes"
    __table_args__ = (
        UniqueConstraint("version_id", "code"),
        CheckConstraint(f"kind IN ({_in(NODE_KINDS)})", name="kind"),
        CheckConstraint(f"weight_method IN ({_in(WEIGHT_METHODS)})", name="weight_method"),
        CheckConstraint("weight IS NULL OR weight >= 0", name="weight"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("sat_survey_versions.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sat_nodes.id", ondelete="CASCADE"), nullable=True,
                                                  index=True)
    kind: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(20))
    text_zh: Mapped[str] = mapped_column(Text, default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: the weight among its siblings (direct, or the AHP/derived result stored when released)
    weight: Mapped[float | None] = mapped_column(Float, nullable=True)
    #: how this node's children are weighted
    weight_method: Mapped[str] = mapped_column(String(8), default="direct")
    importance_question: Mapped[bool] = mapped_column(Boolean, default=False)
    #: the latent variable (block name of the version's CSI model) this indicator measures
    latent: Mapped[str] = mapped_column(String(40), default="")


class AhpJudgement(Base):
    """One pairwise judgement between two children of ``parent_id`` (Saaty 1/9 … 9)."""

    __tablename__ = "sat_ahp"
    __table_args__ = (
        UniqueConstraint("parent_id", "row_id", "col_id"),
        CheckConstraint("value > 0", name="value"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int] = mapped_column(ForeignKey("sat_nodes.id", ondelete="CASCADE"), index=True)
    row_id: Mapped[int] = mapped_column(ForeignKey("sat_nodes.id", ondelete="CASCADE"))
    col_id: Mapped[int] = mapped_column(ForeignKey("sat_nodes.id", ondelete="CASCADE"))
    value: Mapped[float] = mapped_column(Float)


class ModelBlock(Base):
    """A latent variable of the version's CSI model (its items: the indicators naming it)."""

    __tablename__ = "sat_model_blocks"
    __table_args__ = (UniqueConstraint("version_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("sat_survey_versions.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    label_zh: Mapped[str] = mapped_column(String(80), default="")
    label_en: Mapped[str] = mapped_column(String(80), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ModelPath(Base):
    __tablename__ = "sat_model_paths"
    __table_args__ = (UniqueConstraint("version_id", "source", "target"),
                      CheckConstraint("source <> target", name="loop"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("sat_survey_versions.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(40))


class KanoPair(Base):
    """A Kano attribute asked twice: functional (if present) and dysfunctional (if absent)."""

    __tablename__ = "sat_kano_pairs"
    __table_args__ = (UniqueConstraint("version_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("sat_survey_versions.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    attribute_zh: Mapped[str] = mapped_column(String(200), default="")
    attribute_en: Mapped[str] = mapped_column(String(200), default="")
    functional_zh: Mapped[str] = mapped_column(Text, default="")
    functional_en: Mapped[str] = mapped_column(Text, default="")
    dysfunctional_zh: Mapped[str] = mapped_column(Text, default="")
    dysfunctional_en: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Wave(Base):
    __tablename__ = "sat_waves"
    __table_args__ = (
        CheckConstraint(f"state IN ({_in(WAVE_STATES)})", name="state"),
        CheckConstraint("period_end >= period_start", name="period"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("sat_survey_versions.id", ondelete="RESTRICT"), index=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(8), default="planned")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class WaveTarget(Base):
    __tablename__ = "sat_wave_targets"
    __table_args__ = (UniqueConstraint("wave_id", "customer_id", "contact_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("sat_waves.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("customer_contacts.id", ondelete="SET NULL"),
                                                   nullable=True)


class Respondent(Base):
    """One answered questionnaire: a customer (and contact) in a wave. The service refuses the
    same customer and contact twice in a wave (also when the contact is empty); the database
    too, except for the transaction survey after complaints, where each rated complaint is one
    respondent (a contact may rate two complaints in a quarter) and a complaint answers once."""

    __tablename__ = "sat_respondents"
    __table_args__ = (
        Index("uq_sat_respondents_person", "wave_id", "customer_id", "contact_id", unique=True,
              sqlite_where=text("complaint_id IS NULL"), postgresql_where=text("complaint_id IS NULL")),
        CheckConstraint(f"source IN ({_in(SOURCES)})", name="source"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    wave_id: Mapped[int] = mapped_column(ForeignKey("sat_waves.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("customer_contacts.id", ondelete="SET NULL"),
                                                   nullable=True)
    source: Mapped[str] = mapped_column(String(10), default="entry")
    #: a transaction survey after a closed complaint (complaints domain); no foreign key, so the
    #: satisfaction tables do not depend on the complaint migration
    complaint_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True, unique=True)
    answered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Answer(Base):
    __tablename__ = "sat_answers"
    __table_args__ = (CheckConstraint(f"kind IN ({_in(ANSWER_KINDS)})", name="kind"),)

    respondent_id: Mapped[int] = mapped_column(ForeignKey("sat_respondents.id", ondelete="CASCADE"), primary_key=True)
    #: the question: an indicator's code, a Kano pair's code, or "NPS"
    question: Mapped[str] = mapped_column(String(20), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True, default="rating")
    value: Mapped[float] = mapped_column(Float)
