"""Storage of jobs, their notices and revisions, quarantine and crawl runs in PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from jobcore.fingerprint import job_fingerprint, job_slug, job_year
from jobcore.merge import canonical_json, facts_hash, merge_notices, notice_key
from jobcore.near_duplicates import best_match
from jobcore.schema import JobPosting
from jobcore.tables import CrawlRun, Job, JobEvent, JobRevision, Quarantine, Source

Outcome = Literal["insert", "update", "noop"]

# Columns of ``jobs`` copied from the merged JobPosting (the rest lives in ``facts``).
JOB_COLUMNS = (
    "organisation", "organisation_short", "department", "category", "state", "title",
    "description", "stage", "advt_no", "exam_year", "total_posts", "qualification",
    "apply_start", "apply_last", "fee_last", "exam_date", "admit_card_date", "result_date",
    "application_link", "notification_pdf", "salary_min", "salary_max", "age_min", "age_max",
    "age_as_on", "source", "source_url",
)


class MergeConflict(ValueError):
    """A notice contradicts the job's other notices (e.g. its last date precedes their start)."""


@dataclass(frozen=True)
class StoreResult:
    outcome: Outcome
    job_id: int
    slug: str
    fingerprint: str


def _event_date(job: JobPosting) -> dt.date | None:
    by_stage = {
        "admit_card": job.admit_card_date,
        "answer_key": job.answer_key_date,
        "result": job.result_date,
        "exam_date": job.exam_date,
        "online_form": job.apply_start,
    }
    return job.notice_date or by_stage.get(job.stage.value) or job.apply_start


def _event_link(job: JobPosting) -> str | None:
    for link in job.links:
        if link.kind not in ("official_website", "other"):
            return link.url
    return job.notification_pdf or job.application_link or job.source_url


def _diff(old: dict, new: dict) -> dict:
    keys = sorted(set(old) | set(new))
    return {k: [old.get(k), new.get(k)] for k in keys if old.get(k) != new.get(k)}


def upsert_job(session: Session, posting: JobPosting, seen_on: dt.date) -> StoreResult:
    """Store one notice under its job; insert, update or leave the job unchanged."""
    fingerprint = job_fingerprint(posting)
    data = posting.model_dump(mode="json")
    n_key = notice_key(posting)
    n_hash = facts_hash(data)

    job = session.scalars(
        select(Job).where(Job.fingerprint == fingerprint).with_for_update()
    ).one_or_none()
    if job is None:
        job = _near_duplicate(session, posting)
        if job is not None:
            fingerprint = job.fingerprint

    if job is None:
        merged, provenance = merge_notices([posting])
        merged_data = merged.model_dump(mode="json")
        job = Job(
            fingerprint=fingerprint,
            slug=_free_slug(session, job_slug(posting, fingerprint)),
            facts=merged_data,
            provenance=provenance,
            content_hash=facts_hash(merged_data),
            first_seen=seen_on,
            last_seen=seen_on,
            fees=merged_data["fees"],
            **{c: getattr(merged, c) for c in JOB_COLUMNS if c != "stage"},
            stage=merged.stage.value,
        )
        session.add(job)
        session.flush()
        session.add(_new_event(job.id, posting, data, n_key, n_hash, seen_on))
        session.flush()
        return StoreResult("insert", job.id, job.slug, fingerprint)

    events = {e.notice_key: e for e in job.events}
    event = events.get(n_key)
    job.last_seen = max(job.last_seen, seen_on)
    if event is not None and event.facts_hash == n_hash:
        event.last_seen = max(event.last_seen, seen_on)
        return StoreResult("noop", job.id, job.slug, fingerprint)

    notices = [JobPosting.model_validate(e.facts) for k, e in events.items() if k != n_key]
    try:
        merged, provenance = merge_notices([*notices, posting])
    except ValidationError as exc:
        raise MergeConflict(
            f"contradicts the other notices of job {job.slug}: {exc.errors()[0]['msg']}"
        ) from exc

    if event is None:
        session.add(_new_event(job.id, posting, data, n_key, n_hash, seen_on))
    else:
        event.facts, event.facts_hash, event.last_seen = data, n_hash, seen_on
        event.stage, event.event_date, event.link = posting.stage.value, _event_date(posting), _event_link(posting)

    merged_data = merged.model_dump(mode="json")
    new_hash = facts_hash(merged_data)
    if new_hash == job.content_hash:
        # The facts are the same, but which notice gave them may not be (an official notice
        # repeating the aggregator's facts): keep provenance a function of the set of notices.
        if job.provenance != provenance:
            job.provenance = provenance
        session.flush()
        return StoreResult("noop", job.id, job.slug, fingerprint)

    session.add(JobRevision(job_id=job.id, source=posting.source, changes=_diff(job.facts, merged_data)))
    job.facts, job.provenance, job.content_hash = merged_data, provenance, new_hash
    job.fees = merged_data["fees"]
    for column in JOB_COLUMNS:
        setattr(job, column, getattr(merged, column))
    job.stage = merged.stage.value
    job.updated_at = func.now()
    session.flush()
    return StoreResult("update", job.id, job.slug, fingerprint)


def _near_duplicate(session: Session, posting: JobPosting) -> Job | None:
    """The stored job of the same organisation and year that ``posting`` nearly duplicates."""
    org = posting.organisation_short or posting.organisation
    column = Job.organisation_short if posting.organisation_short else Job.organisation
    year = job_year(posting)
    query = select(Job).where(column == org)
    if year:
        query = query.where((Job.exam_year == year) | Job.exam_year.is_(None) | (Job.exam_year == year + 1)
                            | (Job.exam_year == year - 1))
    rows = session.scalars(query.order_by(Job.id).limit(500)).all()
    candidates = []
    for row in rows:
        try:
            candidates.append((row.id, JobPosting.model_validate(row.facts)))
        except ValidationError:
            continue
    match = best_match(posting, candidates)
    if match is None:
        return None
    return session.scalars(select(Job).where(Job.id == match).with_for_update()).one()


def _new_event(job_id, posting, data, n_key, n_hash, seen_on) -> JobEvent:
    return JobEvent(
        job_id=job_id,
        notice_key=n_key,
        stage=posting.stage.value,
        title=posting.title,
        event_date=_event_date(posting),
        link=_event_link(posting),
        source=posting.source,
        source_kind=posting.source_kind,
        source_url=posting.source_url,
        facts=data,
        facts_hash=n_hash,
        first_seen=seen_on,
        last_seen=seen_on,
    )


def _free_slug(session: Session, slug: str) -> str:
    candidate, n = slug, 2
    while session.scalar(select(func.count()).select_from(Job).where(Job.slug == candidate)):
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def raw_hash(source: str, raw: dict) -> str:
    return hashlib.sha256(f"{source}\n{canonical_json(raw)}".encode()).hexdigest()


def quarantine_item(
    session: Session, source: str, source_url: str | None, reason: str, raw: dict
) -> Literal["insert", "noop"]:
    """Keep a rejected item with its reason; the same raw item seen again is counted, not copied."""
    statement = (
        pg_insert(Quarantine)
        .values(raw_hash=raw_hash(source, raw), source=source, source_url=source_url, reason=reason, raw=raw)
        .on_conflict_do_update(
            index_elements=[Quarantine.raw_hash],
            set_={"reason": reason, "last_seen": func.now(), "times_seen": Quarantine.times_seen + 1},
        )
        .returning(Quarantine.times_seen)
    )
    times_seen = session.execute(statement).scalar_one()
    return "insert" if times_seen == 1 else "noop"


def upsert_source(session: Session, slug: str, **fields) -> Source:
    source = session.scalars(select(Source).where(Source.slug == slug)).one_or_none()
    if source is None:
        source = Source(slug=slug, **fields)
        session.add(source)
    else:
        for key, value in fields.items():
            setattr(source, key, value)
    session.flush()
    return source


def start_run(session: Session, source: str, started_at: dt.datetime) -> CrawlRun:
    run = CrawlRun(source=source, started_at=started_at, status="running")
    session.add(run)
    session.flush()
    return run
