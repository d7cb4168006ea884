"""The one ingest path: a raw notice becomes stored, quarantined or spooled, always with a reason.

    raw ─ normalise ─ validate ─┬─ store (a batch per transaction) ─ SEO text
                                └─ Rejection ─ quarantine
    (the database unavailable: the raw item goes to the spool, durably, and is replayed later)

The Scrapy stages (``pipelines/``), ``jobs quarantine release``, ``jobs spool replay``,
``jobs normalise``, the flows and the ingest benchmark all call the functions here, so a notice
meets the same code whichever way it comes in.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sqlalchemy.exc import IntegrityError, OperationalError

from core import config
from core.domain.merge import facts_hash, notice_key
from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting, NoticeKind, Rejection
from core.domain.validate import validate_job
from core.seo.counters import Counters
from core.seo.llm_client import LlmClient
from core.seo.writer import SeoWriter, write_template_batch
from core.storage.database import session_scope
from core.storage.duplicate_index import NearDuplicateIndex
from core.storage.migrate import ensure_schema
from core.storage.other_notices import OtherNoticeResult, store_other_notices
from core.storage.quarantine import quarantine_item, reason_key
from core.storage.spool import json_ready, read_spool, spool_files, spool_items, take_for_replay
from core.storage.store import JobStore, MergeConflict, StoreResult
from core.storage.tables import Quarantine

log = logging.getLogger(__name__)

OutcomeKind = Literal["stored", "quarantined", "spooled", "duplicate"]
UNAVAILABLE = "database unavailable"
ATTEMPTS = 3


@dataclass(frozen=True)
class Outcome:
    """What became of one raw notice."""

    kind: OutcomeKind
    reason: str = ""
    result: StoreResult | OtherNoticeResult | None = None

    @property
    def stats_keys(self) -> tuple[str, ...]:
        """The Scrapy stats keys this outcome counts under (``jobs/<outcome>/<reason>``)."""
        if self.kind == "stored" and isinstance(self.result, OtherNoticeResult):
            # a row of other_notices: stored like a job's notice (a re-crawl is a noop), and counted apart
            return (f"jobs/store/{self.result.change}", f"jobs/not_job/{self.result.change}")
        if self.kind == "stored":
            return (f"jobs/store/{self.result.outcome}",)
        if self.kind == "quarantined":
            return (f"jobs/quarantine/{reason_key(self.reason)}",)
        if self.kind == "spooled":
            return ("jobs/spooled/database", "jobs/error/database")
        return ("jobs/duplicate/same_notice",)


def normalise(raw: dict) -> dict | Rejection:
    """``normalise_job``, with a parser bug costing this one notice (a Rejection), never the run."""
    try:
        return normalise_job(raw)
    except Exception as exc:
        log.exception("normalise failed for %s", raw.get("source_url"))
        return rejection(raw, f"normalise failed: {exc.__class__.__name__}: {exc}"[:300])


def rejection(raw: dict, reason: str) -> Rejection:
    return Rejection(reason=reason, source=str(raw.get("source") or "unknown"),
                     source_url=raw.get("source_url") if isinstance(raw.get("source_url"), str) else None,
                     raw=json_ready(raw))


def prepare(raw: dict) -> JobPosting | Rejection:
    """Normalise and validate one raw notice."""
    facts = normalise(raw)
    return facts if isinstance(facts, Rejection) else validate_job(facts, raw)


def same_notice_key(job: JobPosting) -> tuple[str, str]:
    """Two items with this key in one run are the same notice with the same facts."""
    return notice_key(job), facts_hash(job.model_dump(mode="json"))


def _spool(entries: list[tuple[str, dict]], reason: str) -> list[Outcome]:
    """Keep raw items in the spool, grouped by source; raises ``SpoolUnavailable`` if it can't."""
    by_source: dict[str, list[tuple[dict, str]]] = {}
    for source, raw in entries:
        by_source.setdefault(source, []).append((json_ready(raw), reason))
    paths = {source: spool_items(source, items) for source, items in by_source.items()}
    return [Outcome("spooled", f"{reason}; item kept in {paths[source]}") for source, _ in entries]


def quarantine(rejections: list[Rejection]) -> list[Outcome]:
    """Write rejected notices to quarantine in one transaction (to the spool if the database is gone)."""
    if not rejections:
        return []
    try:
        with session_scope() as session:
            for r in rejections:
                quarantine_item(session, r.source, r.source_url, r.reason, json_ready(r.raw))
    except OperationalError as exc:
        log.warning("could not quarantine %d notices: %s", len(rejections), exc.__class__.__name__)
        return _spool([(r.source, r.raw) for r in rejections], f"{UNAVAILABLE}: {_first_line(exc.orig)}")
    for r in rejections:
        log.warning("quarantined %s item from %s: %s", r.source, r.source_url, r.reason)
    return [Outcome("quarantined", r.reason) for r in rejections]


def _first_line(error) -> str:
    return (str(error).strip().splitlines() or [error.__class__.__name__])[0][:200]


class NoticeStore:
    """Stores batches of (JobPosting, raw item), one transaction per batch.

    A batch the database refuses is retried notice by notice; a notice that still cannot be
    written goes to the spool, and one that contradicts its job's other notices to quarantine.
    """

    def __init__(self, retry_delay: float = 0.5):
        try:
            ensure_schema()
        except Exception as exc:  # the database is down: each batch will spool and say so
            log.warning("could not check the database schema: %s", _first_line(exc))
        self.index = NearDuplicateIndex()
        self.retry_delay = retry_delay

    def store(self, entries: list[tuple[JobPosting, dict]], seen_on: dt.date | None = None) -> list[Outcome]:
        seen_on = seen_on or config.today()
        if not entries:
            return []
        try:
            with session_scope() as session:
                store = JobStore(session, self.index)
                store.prefetch([job for job, _ in entries if job.kind is not NoticeKind.not_job])
                done = [self._one(store, job, raw, seen_on) for job, raw in entries]
                store.finish()
                return done
        except Exception as exc:
            self.index.reset()  # it may hold jobs of the rolled-back transaction
            if not isinstance(exc, IntegrityError | OperationalError):
                log.exception("a batch of %d notices failed", len(entries))
            log.info("a batch of %d notices failed (%s); writing them one by one",
                     len(entries), exc.__class__.__name__)
        done: list[Outcome] = []
        for n, (job, raw) in enumerate(entries):
            if done and done[-1].kind == "spooled" and done[-1].reason.startswith(UNAVAILABLE):
                # The database is gone: keep the rest of the batch without retrying each.
                reason = done[-1].reason.split(";")[0]
                return done + _spool([(j.source, r) for j, r in entries[n:]], reason)
            done.append(self._retried(job, raw, seen_on))
        return done

    @staticmethod
    def _one(store: JobStore, job: JobPosting, raw: dict, seen_on: dt.date) -> Outcome:
        if job.kind is NoticeKind.not_job:  # kept apart, never a job (core.storage.other_notices)
            return Outcome("stored", result=store_other_notices(store.session, [job], seen_on)[0])
        try:
            return Outcome("stored", result=store.upsert(job, seen_on))
        except MergeConflict as exc:
            quarantine_item(store.session, job.source, job.source_url, str(exc), json_ready(raw))
            return Outcome("quarantined", str(exc))

    def _retried(self, job: JobPosting, raw: dict, seen_on: dt.date) -> Outcome:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with session_scope() as session:
                    store = JobStore(session, self.index)
                    outcome = self._one(store, job, raw, seen_on)
                    store.finish()
                    return outcome
            except IntegrityError as exc:
                # Another process inserted the same job at the same moment: read it and merge.
                self.index.reset()
                error = f"database refused the notice: {_first_line(exc.orig)}"
            except OperationalError as exc:
                self.index.reset()
                error = f"{UNAVAILABLE}: {_first_line(exc.orig)}"
                log.warning("database unavailable (%s); retrying", exc.__class__.__name__)
                if attempt < ATTEMPTS:
                    time.sleep(self.retry_delay * attempt)
            except Exception as exc:  # a bug must not lose the notice
                log.exception("storing %s failed", job.source_url)
                error = f"store failed: {exc!r}"[:300]
                break
        return _spool([(job.source, raw)], error)[0]


class SeoText:
    """SEO text for the jobs a batch stored: the template in one transaction, or the LLM (when
    ``OPENAI_BASE_URL``/``OPENAI_API_KEY`` is set) with calls overlapping in threads."""

    def __init__(self, stats, client: LlmClient | None = None):
        self.stats = stats
        self.client = client
        self.writer = SeoWriter(client, stats) if client else None
        self._threads = (ThreadPoolExecutor(max_workers=client.settings.concurrency, thread_name_prefix="seo")
                         if client else None)

    @classmethod
    def from_env(cls, stats) -> SeoText:
        return cls(stats, LlmClient.from_env(stats))

    def write(self, stored: list[StoreResult | OtherNoticeResult]) -> list[str]:
        """Per job: ``written``, ``unchanged`` or ``missing`` (``jobs seo`` writes it later);
        ``not_job`` for a notice that is not a job notice (it has no page to write for)."""
        jobs = [r for r in stored if isinstance(r, StoreResult)]
        if len(jobs) < len(stored):
            done = iter(self.write(jobs))
            return [next(done) if isinstance(r, StoreResult) else "not_job" for r in stored]
        if not stored:
            return []
        if self.writer is None:
            done = write_template_batch([(r.job_id, r.outcome, r.slug, r.merged, r.content_hash) for r in stored])
            for state in done:
                if state == "written":
                    self.stats.inc_value("jobs/seo/template")
                    self.stats.inc_value("jobs/seo/written")
                elif state == "unchanged":
                    self.stats.inc_value("jobs/seo/unchanged")
            return done
        texts = self._threads.map(lambda r: self.writer.write_job(r.job_id, r.outcome), stored)
        return ["written" if text else "unchanged" for text in texts]

    def close(self) -> None:
        if self._threads is not None:
            self._threads.shutdown(wait=True)


class Ingest:
    """Raw notices in, outcomes out: the whole path for callers outside a crawl.

    ``run`` takes any iterable (a feed file, the spool, one released item) and works through it
    in batches; notices repeated within one run are counted as duplicates, as in a crawl.
    """

    def __init__(self, stats=None, seo: SeoText | None = None, batch_size: int = 500):
        self.stats = stats if stats is not None else Counters()
        self.store = NoticeStore()
        self.seo = seo if seo is not None else SeoText.from_env(self.stats)
        self.batch_size = batch_size
        self._seen: set[tuple[str, str]] = set()

    def run(self, raws: Iterable[dict], seen_on: dt.date | None = None) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for batch in _batches(raws, self.batch_size):
            outcomes += self.batch(batch, seen_on)
        return outcomes

    def batch(self, raws: list[dict], seen_on: dt.date | None = None) -> list[Outcome]:
        prepared = [prepare(raw) for raw in raws]
        outcomes: list[Outcome | None] = [None] * len(raws)
        rejected = [n for n, p in enumerate(prepared) if isinstance(p, Rejection)]
        for n, outcome in zip(rejected, quarantine([prepared[n] for n in rejected]), strict=True):
            outcomes[n] = outcome
        to_store = []
        for n, job in enumerate(prepared):
            if isinstance(job, Rejection):
                continue
            key = same_notice_key(job)
            if key in self._seen:
                outcomes[n] = Outcome("duplicate", f"duplicate notice in this run: {job.title}")
            else:
                self._seen.add(key)
                to_store.append(n)
        stored = self.store.store([(prepared[n], raws[n]) for n in to_store], seen_on)
        for n, outcome in zip(to_store, stored, strict=True):
            outcomes[n] = outcome
        self.seo.write([o.result for o in stored if o.kind == "stored"])
        for outcome in outcomes:
            for key in outcome.stats_keys:
                self.stats.inc_value(key)
        return outcomes

    def close(self) -> None:
        self.seo.close()


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# What the CLI and the flows call ------------------------------------------------------------


class StillRejected(ValueError):
    """A released item that still cannot become a job; it stays in quarantine."""


def release(item_id: int, patch: dict | None = None, seen_on: dt.date | None = None) -> StoreResult:
    """Run a quarantined raw item through the ingest path again and mark it released.

    ``patch`` overrides raw fields (an editor's fix, e.g. the organisation a source left out).
    Raises ``LookupError`` for an unknown id and ``StillRejected`` (nothing changes) when the
    item still fails.
    """
    with session_scope() as session:
        row = session.get(Quarantine, item_id)
        if row is None:
            raise LookupError(f"no quarantined item {item_id}")
        if row.released_at is not None:
            raise StillRejected(f"item {item_id} was already released on {row.released_at:%Y-%m-%d %H:%M}")
        raw = {**row.raw, **(patch or {})}
    job = prepare(raw)
    if isinstance(job, Rejection):
        raise StillRejected(f"item {item_id} still fails: {job.reason}")
    ingest = Ingest()
    try:
        [outcome] = ingest.batch([raw], seen_on)
    finally:
        ingest.close()
    if outcome.kind != "stored":
        raise StillRejected(f"item {item_id} still fails: {outcome.reason}")
    with session_scope() as session:
        row = session.get(Quarantine, item_id)
        if patch:
            row.raw = json_ready(raw)
        row.released_at = dt.datetime.now(dt.UTC)
    return outcome.result


def replay_spool(seen_on: dt.date | None = None) -> dict[str, dict[str, int]]:
    """Store (or quarantine) every item waiting in the spool; per source: stored, quarantined, left.

    Each file is moved aside first, so an item the database refuses again is spooled anew
    instead of being lost or read twice.
    """
    totals: dict[str, dict[str, int]] = {}
    files = spool_files()
    if not files:
        return totals
    ingest = Ingest(batch_size=200)
    try:
        for path in files:
            source = path.stem
            aside = take_for_replay(path)
            outcomes = ingest.run((entry["raw"] for entry in read_spool(aside)), seen_on)
            aside.unlink()
            counts = totals.setdefault(source, {"stored": 0, "quarantined": 0, "left": 0})
            for outcome in outcomes:
                kind = {"stored": "stored", "duplicate": "stored", "quarantined": "quarantined"}.get(outcome.kind, "left")
                counts[kind] += 1
    finally:
        ingest.close()
    return totals


def spool_entries(path: Path) -> list[dict]:
    return list(read_spool(path))
