"""Storage of jobs, their notices and revisions, quarantine and crawl runs in PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session, selectinload

from jobcore.duplicate_index import NearDuplicateIndex
from jobcore.fingerprint import job_fingerprint, job_slug
from jobcore.merge import canonical_json, facts_hash, merge_notices, notice_key
from jobcore.schema import JobPosting
from jobcore.tables import CrawlRun, Job, JobEvent, JobRevision, Quarantine, Source

Outcome = Literal["insert", "update", "noop"]
PENDING_KEY = 10**15  # near-duplicate keys of jobs not written yet sort after every stored id

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


@dataclass
class StoreResult:
    outcome: Outcome
    job_id: int | None  # None until ``JobStore.finish`` has written a new job
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


class JobStore:
    """Upserts notices under their jobs in one session; reuse it for a batch of notices.

    Which job a notice belongs to is decided once, when it is first stored, and then kept:
    a notice seen again goes to the job that already holds it, whatever was stored since. That
    makes re-crawls no-ops even where near-duplicate matching depends on what was stored first
    (two spiders crawling at once), and it keeps every published URL stable.
    """

    def __init__(self, session: Session, index: NearDuplicateIndex | None = None):
        self.session = session
        self.index = index if index is not None else NearDuplicateIndex()
        # What ``prefetch`` read for a batch, kept up to date with the batch's own writes.
        self._notice_job: dict[str, int] = {}
        self._by_fingerprint: dict[str, Job] = {}
        self._locked: dict[int, Job] = {}
        self._taken_slugs: set[str] = set()
        self._looked_up: set[str] = set()
        self._refreshed: set[tuple[bool, str]] = set()
        # Jobs added in this batch and not written yet (one INSERT for all of them at the end).
        self._pending: list[tuple[Job, JobPosting, StoreResult]] = []
        self._pending_notices: dict[str, Job] = {}

    def prefetch(self, postings: list[JobPosting]) -> None:
        """Read, in three queries, what upserting ``postings`` one by one would ask for each."""
        keys = {notice_key(p) for p in postings}
        fingerprints = {job_fingerprint(p) for p in postings}
        rows = self.session.execute(
            select(JobEvent.notice_key, JobEvent.job_id).where(JobEvent.notice_key.in_(keys))
            .order_by(JobEvent.job_id.desc())
        )
        self._notice_job.update({key: job_id for key, job_id in rows})  # the oldest job wins
        jobs = self.session.scalars(
            select(Job).where(Job.fingerprint.in_(fingerprints) | Job.id.in_(set(self._notice_job.values())))
            .options(selectinload(Job.events)).order_by(Job.id).with_for_update(of=Job)
        ).all()
        self._by_fingerprint.update({job.fingerprint: job for job in jobs})
        self._locked.update({job.id: job for job in jobs})
        self._looked_up |= keys | fingerprints
        slugs = {job_slug(p, job_fingerprint(p)) for p in postings}
        self._taken_slugs |= set(self.session.scalars(select(Job.slug).where(Job.slug.in_(slugs))))
        self._looked_up |= {f"slug:{s}" for s in slugs}

    def _lock(self, job_id: int) -> Job:
        if job_id not in self._locked:
            self._locked[job_id] = self.session.get(Job, job_id, with_for_update=True)
        return self._locked[job_id]

    def _job_of_notice(self, n_key: str) -> Job | None:
        if n_key in self._pending_notices:
            return self._pending_notices[n_key]
        if n_key in self._notice_job:
            return self._lock(self._notice_job[n_key])
        if n_key in self._looked_up:
            return None
        query = (
            select(Job).join(JobEvent, JobEvent.job_id == Job.id)
            .where(JobEvent.notice_key == n_key).order_by(Job.id).limit(1).with_for_update(of=Job)
        )
        return self.session.scalars(query).first()

    def _job_of_fingerprint(self, fingerprint: str) -> Job | None:
        if fingerprint in self._by_fingerprint or fingerprint in self._looked_up:
            return self._by_fingerprint.get(fingerprint)
        return self.session.scalars(
            select(Job).where(Job.fingerprint == fingerprint).with_for_update()
        ).one_or_none()

    def _job_for(self, posting: JobPosting, n_key: str, fingerprint: str) -> Job | None:
        job = self._job_of_notice(n_key) or self._job_of_fingerprint(fingerprint)
        if job is None:
            organisation = (bool(posting.organisation_short), posting.organisation_short or posting.organisation)
            pending = {PENDING_KEY + n: (job, merged) for n, (job, merged, _) in enumerate(self._pending)
                       if merged is not None}
            match = self.index.match(self.session, posting, refresh=organisation not in self._refreshed,
                                     extra=[(key, merged) for key, (_, merged) in pending.items()])
            self._refreshed.add(organisation)
            if match is not None:
                job = pending[match][0] if match in pending else self._lock(match)
        return job

    def _slug_for(self, posting: JobPosting, fingerprint: str) -> str:
        slug = job_slug(posting, fingerprint)
        if f"slug:{slug}" in self._looked_up and slug not in self._taken_slugs:
            free = slug
        else:
            free = _free_slug(self.session, slug, self._taken_slugs)
        self._taken_slugs.add(free)
        return free

    def upsert(self, posting: JobPosting, seen_on: dt.date) -> StoreResult:
        """Store one notice under its job; insert, update or leave the job unchanged."""
        session = self.session
        fingerprint = job_fingerprint(posting)
        data = posting.model_dump(mode="json")
        n_key = notice_key(posting)
        n_hash = facts_hash(data)

        job = self._job_for(posting, n_key, fingerprint)
        if job is None:
            merged, provenance = merge_notices([posting])
            merged_data = merged.model_dump(mode="json")
            job = Job(
                fingerprint=fingerprint,
                slug=self._slug_for(posting, fingerprint),
                facts=merged_data,
                provenance=provenance,
                content_hash=facts_hash(merged_data),
                first_seen=seen_on,
                last_seen=seen_on,
                fees=merged_data["fees"],
                **{c: getattr(merged, c) for c in JOB_COLUMNS if c != "stage"},
                stage=merged.stage.value,
            )
            job.events.append(_new_event(posting, data, n_key, n_hash, seen_on))
            session.add(job)
            self._by_fingerprint[fingerprint] = job
            result = StoreResult("insert", None, job.slug, fingerprint)
            self._pending.append((job, merged, result))
            self._pending_notices[n_key] = job
            return result

        events = {e.notice_key: e for e in job.events}
        event = events.get(n_key)
        if event is not None and event.facts_hash == n_hash:
            job.last_seen = max(job.last_seen, seen_on)
            event.last_seen = max(event.last_seen, seen_on)
            return StoreResult("noop", job.id, job.slug, job.fingerprint)

        notices = [JobPosting.model_validate(e.facts) for k, e in events.items() if k != n_key]
        try:
            merged, provenance = merge_notices([*notices, posting])
        except ValidationError as exc:
            raise MergeConflict(
                f"contradicts the other notices of job {job.slug}: {exc.errors()[0]['msg']}"
            ) from exc

        job.last_seen = max(job.last_seen, seen_on)
        if event is None:
            job.events.append(_new_event(posting, data, n_key, n_hash, seen_on))
            self._pending_notices[n_key] = job
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
            return self._result("noop", job)

        session.add(JobRevision(job=job, source=posting.source, changes=_diff(job.facts, merged_data)))
        job.facts, job.provenance, job.content_hash = merged_data, provenance, new_hash
        job.fees = merged_data["fees"]
        for column in JOB_COLUMNS:
            setattr(job, column, getattr(merged, column))
        job.stage = merged.stage.value
        job.updated_at = func.now()
        if job.id is None:  # added earlier in this batch: noted once written
            result = StoreResult("update", None, job.slug, job.fingerprint)
            self._pending.append((job, merged, result))
            return result
        self.index.note(job.id, merged)
        return StoreResult("update", job.id, job.slug, job.fingerprint)

    def _result(self, outcome: Outcome, job: Job) -> StoreResult:
        result = StoreResult(outcome, job.id, job.slug, job.fingerprint)
        if job.id is None:
            self._pending.append((job, None, result))
        return result

    def finish(self) -> None:
        """Write what the batch added (one statement per table) and give every result its job id."""
        self.session.flush()
        for job, merged, result in self._pending:
            result.job_id = job.id
            self._locked[job.id] = job
            if merged is not None:
                self.index.note(job.id, merged)
        self._pending.clear()


def upsert_job(session: Session, posting: JobPosting, seen_on: dt.date) -> StoreResult:
    """Store one notice under its job (see ``JobStore``)."""
    store = JobStore(session)
    result = store.upsert(posting, seen_on)
    store.finish()
    return result


def upsert_jobs(session: Session, postings: list[JobPosting], seen_on: dt.date,
                index: NearDuplicateIndex | None = None) -> list[StoreResult]:
    """Store a batch of notices in one session, reading what they need up front."""
    store = JobStore(session, index)
    store.prefetch(postings)
    with session.no_autoflush:
        results = [store.upsert(p, seen_on) for p in postings]
    store.finish()
    return results


def _new_event(posting, data, n_key, n_hash, seen_on) -> JobEvent:
    return JobEvent(
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


def _free_slug(session: Session, slug: str, taken: set[str] = frozenset()) -> str:
    candidate, n = slug, 2
    while candidate in taken or session.scalar(select(func.count()).select_from(Job).where(Job.slug == candidate)):
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
