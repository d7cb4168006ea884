"""Storage of jobs, their notices and revisions, quarantine and crawl runs in PostgreSQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.domain.fingerprint import job_fingerprint, job_slug
from core.domain.merge import facts_hash, merge_notices, notice_key
from core.domain.schema import JobPosting
from core.storage import store_writes
from core.storage.duplicate_index import NearDuplicateIndex, organisation_of
from core.storage.job_rows import EventRow, JobRow
from core.storage.tables import CrawlRun, Job, Source

Outcome = Literal["insert", "update", "noop"]
PENDING_KEY = 10**15  # near-duplicate keys of jobs not written yet sort after every stored id

class MergeConflict(ValueError):
    """A notice contradicts the job's other notices (e.g. its last date precedes their start)."""


@dataclass
class StoreResult:
    outcome: Outcome
    job_id: int | None  # None until ``JobStore.finish`` has written a new job
    slug: str
    fingerprint: str
    content_hash: str | None = None
    merged: JobPosting | None = None  # the job as its notices describe it, when this batch merged it


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


def _event_columns(posting: JobPosting) -> dict:
    return {"stage": posting.stage.value, "kind": posting.kind.value, "title": posting.title, "event_date": _event_date(posting),
            "link": _event_link(posting), "source": posting.source, "source_kind": posting.source_kind,
            "source_url": posting.source_url}


def _diff(old: dict, new: dict) -> dict:
    keys = sorted(set(old) | set(new))
    return {k: [old.get(k), new.get(k)] for k in keys if old.get(k) != new.get(k)}


class JobStore:
    """Upserts notices under their jobs in one session; reuse it for a batch of notices.

    Which job a notice belongs to is decided once, when it is first stored, and then kept:
    a notice seen again goes to the job that already holds it, whatever was stored since. That
    makes re-crawls no-ops even where near-duplicate matching depends on what was stored first
    (two spiders crawling at once), and it keeps every published URL stable.

    ``prefetch`` reads (and locks) what a batch needs in a few queries, ``upsert`` decides in
    memory, and ``finish`` writes the batch with one statement per kind of change
    (``core.storage.store_writes``).
    """

    def __init__(self, session: Session, index: NearDuplicateIndex | None = None):
        self.session = session
        self.index = index if index is not None else NearDuplicateIndex()
        self._jobs: dict[int, JobRow] = {}  # stored jobs read by this batch, by id
        self._by_fingerprint: dict[str, JobRow] = {}
        self._by_notice: dict[str, JobRow] = {}
        self._taken_slugs: set[str] = set()
        self._looked_up: set[str] = set()  # notice keys, fingerprints and "slug:…" already asked for
        self._new: list[JobRow] = []  # jobs this batch inserts
        self._results: list[tuple[JobRow, StoreResult]] = []
        self._keys: dict[int, tuple[JobPosting, str, str, str]] = {}
        self._matches: dict = {}  # the index's memo of near-duplicate scores, per posting

    def _keys_of(self, posting: JobPosting) -> tuple[str, str]:
        """Notice key and fingerprint of ``posting``, computed once per batch."""
        known = self._keys.get(id(posting))
        if known is None or known[0] is not posting:  # the posting is held, so its id is not reused
            known = (posting, notice_key(posting), job_fingerprint(posting))
            self._keys[id(posting)] = known
        return known[1:]

    def prefetch(self, postings: list[JobPosting]) -> None:
        """Read, in a few queries, what upserting ``postings`` one by one would ask for each."""
        known = [(p, *self._keys_of(p)) for p in postings]
        keys = {k for _, k, _ in known} - self._looked_up
        fingerprints = {f for _, _, f in known} - self._looked_up
        job_ids = store_writes.job_ids_of_notices(self.session, keys)
        for row in store_writes.load_jobs(self.session, fingerprints, set(job_ids.values())):
            self._keep(row)
        for key, job_id in job_ids.items():
            self._by_notice.setdefault(key, self._jobs[job_id])
        self._looked_up |= keys | fingerprints
        unknown = [(p, f) for p, k, f in known if k not in self._by_notice and f not in self._by_fingerprint]
        # Slugs only for what may be a new job (a near duplicate does not need one either).
        slugs = {job_slug(p, f) for p, f in unknown}
        self._taken_slugs |= store_writes.taken_slugs(self.session, slugs)
        self._looked_up |= {f"slug:{s}" for s in slugs}
        self.index.refresh(self.session, {organisation_of(p) for p in postings})
        # The stored jobs these are near duplicates of, read together rather than one by one.
        matched = {self.index.match(p, memo=self._matches) for p, _ in unknown} - {None} - set(self._jobs)
        for row in store_writes.load_jobs(self.session, set(), matched):
            self._keep(row)

    def _keep(self, row: JobRow) -> JobRow:
        if row.id in self._jobs:
            return self._jobs[row.id]
        self._jobs[row.id] = row
        self._by_fingerprint.setdefault(row.fingerprint, row)
        for key in row.events:
            self._by_notice.setdefault(key, row)
        return row

    def _stored(self, job_id: int) -> JobRow:
        if job_id not in self._jobs:
            self._keep(*store_writes.load_jobs(self.session, set(), {job_id}))
        return self._jobs[job_id]

    def _job_for(self, posting: JobPosting, n_key: str, fingerprint: str) -> JobRow | None:
        if n_key not in self._looked_up or fingerprint not in self._looked_up:
            self.prefetch([posting])
        job = self._by_notice.get(n_key) or self._by_fingerprint.get(fingerprint)
        if job is None:
            pending = {PENDING_KEY + n: row for n, row in enumerate(self._new)}
            match = self.index.match(posting, [(key, row.merged) for key, row in pending.items()], self._matches)
            if match is not None:
                job = pending[match] if match in pending else self._stored(match)
        return job

    def _slug_for(self, slug: str) -> str:
        if f"slug:{slug}" in self._looked_up and slug not in self._taken_slugs:
            free = slug
        else:
            free = _free_slug(self.session, slug, self._taken_slugs)
        self._taken_slugs.add(free)
        return free

    def upsert(self, posting: JobPosting, seen_on: dt.date) -> StoreResult:
        """Store one notice under its job; insert, update or leave the job unchanged."""
        n_key, fingerprint = self._keys_of(posting)
        data = posting.model_dump(mode="json")
        n_hash = facts_hash(data)

        job = self._job_for(posting, n_key, fingerprint)
        if job is None:
            merged, provenance = merge_notices([posting])
            merged_data = merged.model_dump(mode="json")
            event = EventRow(None, n_key, data, n_hash, seen_on, _event_columns(posting), "new", posting)
            job = JobRow(None, fingerprint, self._slug_for(job_slug(posting, fingerprint)), merged_data, provenance,
                         facts_hash(merged_data), seen_on, seen_on, {n_key: event}, merged)
            self._new.append(job)
            self._by_fingerprint[fingerprint] = job
            self._by_notice[n_key] = job
            return self._result("insert", job)

        event = job.events.get(n_key)
        if event is not None and event.facts_hash == n_hash:
            self._seen(job, event, seen_on)
            return self._result("noop", job)

        notices = [e.as_posting() for k, e in job.events.items() if k != n_key]
        try:
            merged, provenance = merge_notices([*notices, posting])
        except ValidationError as exc:
            raise MergeConflict(
                f"contradicts the other notices of job {job.slug}: {exc.errors()[0]['msg']}"
            ) from exc

        if event is None:
            event = EventRow(None, n_key, data, n_hash, seen_on, _event_columns(posting), "new", posting)
            job.events[n_key] = event
            self._by_notice[n_key] = job
        else:
            event.facts, event.facts_hash, event.posting = data, n_hash, posting
            event.columns = _event_columns(posting)
            if event.state == "stored":
                event.state = "changed"
        self._seen(job, event, seen_on)

        merged_data = merged.model_dump(mode="json")
        new_hash = facts_hash(merged_data)
        if new_hash == job.content_hash:
            # The facts are the same, but which notice gave them may not be (an official notice
            # repeating the aggregator's facts): keep provenance a function of the set of notices.
            if job.provenance != provenance:
                job.provenance, job.merged, job.changed = provenance, merged, True
            return self._result("noop", job)

        job.revisions.append({"source": posting.source, "changes": _diff(job.facts, merged_data)})
        job.facts, job.provenance, job.content_hash, job.merged = merged_data, provenance, new_hash, merged
        job.changed = True
        if job.id is not None:
            self.index.note(job.id, merged)
        return self._result("update", job)

    @staticmethod
    def _seen(job: JobRow, event: EventRow, seen_on: dt.date) -> None:
        if seen_on > job.last_seen:
            job.last_seen = job.seen_on = seen_on
        if seen_on > event.last_seen:
            event.last_seen = seen_on
            if event.state == "stored":
                event.state = "changed"

    def _result(self, outcome: Outcome, job: JobRow) -> StoreResult:
        result = StoreResult(outcome, job.id, job.slug, job.fingerprint, job.content_hash, job.merged)
        self._results.append((job, result))
        return result

    def finish(self) -> None:
        """Write what the batch changed (one statement per kind) and give every result its job id."""
        # In id order, so that what is written (and its ids) does not depend on the order jobs were read in.
        store_writes.write_batch(self.session, self._new, [self._jobs[i] for i in sorted(self._jobs)])
        for job in self._new:
            self._jobs[job.id] = job
            self.index.note(job.id, job.merged)
        for job, result in self._results:
            result.job_id = job.id
        for job in self._jobs.values():
            job.changed, job.seen_on, job.revisions = False, None, []
            for event in job.events.values():
                event.state = "stored"
        self._new.clear()
        self._results.clear()
        self._keys.clear()
        self._matches.clear()


def upsert_job(session: Session, posting: JobPosting, seen_on: dt.date) -> StoreResult:
    """Store one notice under its job (see ``JobStore``)."""
    return upsert_jobs(session, [posting], seen_on)[0]


def upsert_jobs(session: Session, postings: list[JobPosting], seen_on: dt.date,
                index: NearDuplicateIndex | None = None) -> list[StoreResult]:
    """Store a batch of notices in one session, reading what they need up front."""
    store = JobStore(session, index)
    store.prefetch(postings)
    results = [store.upsert(p, seen_on) for p in postings]
    store.finish()
    return results


def _free_slug(session: Session, slug: str, taken: set[str] = frozenset()) -> str:
    candidate, n = slug, 2
    while candidate in taken or session.scalar(select(func.count()).select_from(Job).where(Job.slug == candidate)):
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


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

