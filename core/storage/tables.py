"""SQLAlchemy 2 models. The schema itself is created by Alembic (``migrations/``)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


def _now():
    return func.now()


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="official")
    base_url: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(80))
    state: Mapped[str | None] = mapped_column(String(10))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_scraped: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_success: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class Job(Base):
    """One recruitment through its whole life, merged from its notices."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(300), unique=True)
    slug: Mapped[str] = mapped_column(String(200), unique=True)

    organisation: Mapped[str] = mapped_column(Text)
    organisation_short: Mapped[str | None] = mapped_column(String(80))
    department: Mapped[str | None] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(80))
    state: Mapped[str | None] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="active")
    stage: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(20), default="recruitment", index=True)
    advt_no: Mapped[str | None] = mapped_column(String(200))
    exam_year: Mapped[int | None] = mapped_column(Integer)
    total_posts: Mapped[int | None] = mapped_column(Integer)
    qualification: Mapped[list | None] = mapped_column(JSONB)

    notification_date: Mapped[dt.date | None] = mapped_column(Date)
    apply_start: Mapped[dt.date | None] = mapped_column(Date)
    apply_last: Mapped[dt.date | None] = mapped_column(Date)
    fee_last: Mapped[dt.date | None] = mapped_column(Date)
    exam_date: Mapped[dt.date | None] = mapped_column(Date)
    admit_card_date: Mapped[dt.date | None] = mapped_column(Date)
    result_date: Mapped[dt.date | None] = mapped_column(Date)

    application_link: Mapped[str | None] = mapped_column(Text)
    notification_pdf: Mapped[str | None] = mapped_column(Text)
    salary_min: Mapped[int | None] = mapped_column(Integer)
    salary_max: Mapped[int | None] = mapped_column(Integer)
    age_min: Mapped[float | None] = mapped_column(Float)
    age_max: Mapped[float | None] = mapped_column(Float)
    age_as_on: Mapped[dt.date | None] = mapped_column(Date)
    fees: Mapped[dict | None] = mapped_column(JSONB)

    is_featured: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    seo_title: Mapped[str | None] = mapped_column(Text)
    seo_description: Mapped[str | None] = mapped_column(Text)
    seo_summary: Mapped[str | None] = mapped_column(Text)
    seo_faq: Mapped[list | None] = mapped_column(JSONB)
    seo_origin: Mapped[str | None] = mapped_column(String(20))

    source: Mapped[str] = mapped_column(String(80))
    source_url: Mapped[str] = mapped_column(Text)
    facts: Mapped[dict] = mapped_column(JSONB)
    provenance: Mapped[dict | None] = mapped_column(JSONB)
    content_hash: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[dt.date] = mapped_column(Date)
    last_seen: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_now())
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_now())

    events: Mapped[list[JobEvent]] = relationship(
        back_populates="job", cascade="all, delete-orphan", order_by="JobEvent.id"
    )

    __table_args__ = (
        Index("ix_jobs_organisation_short", "organisation_short"),
        Index("ix_jobs_organisation", "organisation"),
        Index("ix_jobs_apply_last", "apply_last"),
    )


class JobEvent(Base):
    """One notice of a job (a lifecycle stage) with its date, link and normalised facts."""

    __tablename__ = "job_events"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    notice_key: Mapped[str] = mapped_column(String(64))
    stage: Mapped[str] = mapped_column(String(30))
    kind: Mapped[str] = mapped_column(String(20), default="recruitment")
    title: Mapped[str] = mapped_column(Text)
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    link: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(80))
    source_kind: Mapped[str] = mapped_column(String(20))
    source_url: Mapped[str] = mapped_column(Text)
    facts: Mapped[dict] = mapped_column(JSONB)
    facts_hash: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[dt.date] = mapped_column(Date)
    last_seen: Mapped[dt.date] = mapped_column(Date)

    job: Mapped[Job] = relationship(back_populates="events")

    __table_args__ = (
        UniqueConstraint("job_id", "notice_key", name="uq_job_events_notice"),
        Index("ix_job_events_notice_key", "notice_key"),
    )


class JobRevision(Base):
    """What changed in a job's merged facts, and which notice changed it."""

    __tablename__ = "job_revisions"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"), index=True)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_now())
    source: Mapped[str] = mapped_column(String(80))
    changes: Mapped[dict] = mapped_column(JSONB)

    job: Mapped[Job] = relationship()


class CrawlRun(Base):
    __tablename__ = "crawl_runs"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    source: Mapped[str] = mapped_column(String(80), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    status: Mapped[str] = mapped_column(String(20), default="running")
    pages: Mapped[int] = mapped_column(Integer, default=0)
    items: Mapped[int] = mapped_column(Integer, default=0)
    inserted: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    duration_s: Mapped[float | None] = mapped_column(Float)
    stats: Mapped[dict | None] = mapped_column(JSONB)
    error_log: Mapped[list | None] = mapped_column(JSONB)


class Quarantine(Base):
    """A raw item that could not become a job, kept with the reason until an editor releases it."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    raw_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(80), index=True)
    source_url: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[dict] = mapped_column(JSONB)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_now())
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_now())
    times_seen: Mapped[int] = mapped_column(Integer, default=1)
    released_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class SeoCache(Base):
    """LLM (or template) SEO text keyed by a hash of the facts, the prompt version and the model."""

    __tablename__ = "seo_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(120))
    prompt_version: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict] = mapped_column(JSONB)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_now())


class OtherNotice(Base):
    """A notice that is not a job notice (a tender, a circular, a transfer order…): kept with its
    kind and the reason, never a job, a page or a search document (``core.storage.other_notices``)."""

    __tablename__ = "other_notices"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    notice_key: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(80), index=True)
    source_kind: Mapped[str] = mapped_column(String(20))
    source_url: Mapped[str] = mapped_column(Text)
    organisation: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))
    kind_reason: Mapped[str | None] = mapped_column(Text)
    facts: Mapped[dict] = mapped_column(JSONB)
    facts_hash: Mapped[str] = mapped_column(String(64))
    first_seen: Mapped[dt.date] = mapped_column(Date)
    last_seen: Mapped[dt.date] = mapped_column(Date)


class LlmFactCache(Base):
    """An LLM's answer about one notice document, keyed by the document's hash, the prompt
    version and the model: an unchanged document is never asked about twice. The answer is
    checked against the document each time it is used, so the check can change without a purge."""

    __tablename__ = "llm_fact_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    document_hash: Mapped[str] = mapped_column(String(64), index=True)
    model: Mapped[str] = mapped_column(String(120))
    prompt_version: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict] = mapped_column(JSONB)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=_now())
