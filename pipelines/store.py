"""Stage 400: upsert the notice under its job in PostgreSQL; count insert / update / noop.

The database work runs in one writer thread per crawl process (``BatchWriter``), a batch of
notices per transaction. A batch that fails on the database is retried notice by notice; a
notice that still cannot be written is kept in the spool (``var/spool``), and one that
contradicts its job's other notices is quarantined. Nothing is dropped without a record.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass

from scrapy.exceptions import DropItem
from sqlalchemy.exc import IntegrityError, OperationalError

from jobcore import config
from jobcore.database import session_scope
from jobcore.duplicate_index import NearDuplicateIndex
from jobcore.store import JobStore, MergeConflict, StoreResult, quarantine_item
from pipelines import writer_process
from pipelines.batch_writer import BatchWriter, Shared
from pipelines.quarantine import json_ready, reason_key
from pipelines.spool import spool_item

log = logging.getLogger(__name__)
BATCH_SIZE = 100
ATTEMPTS = 3
UNAVAILABLE = "database unavailable"


@dataclass(frozen=True)
class Written:
    """What became of one notice: stored, quarantined or spooled (with the reason)."""

    kind: str  # "stored" | "quarantined" | "spooled"
    result: StoreResult | None = None
    reason: str = ""


def _store_one(store: JobStore, job, raw: dict, seen_on) -> Written:
    try:
        return Written("stored", store.upsert(job, seen_on))
    except MergeConflict as exc:
        quarantine_item(store.session, job.source, job.source_url, str(exc), json_ready(raw))
        return Written("quarantined", reason=str(exc))


class NoticeWriter:
    """Writes batches of (JobPosting, raw item) in one transaction; the pure part of the stage."""

    def __init__(self, retry_delay: float = 0.5):
        self.index = NearDuplicateIndex()
        self.retry_delay = retry_delay

    def write_batch(self, entries: list) -> list[Written]:
        seen_on = config.today()
        try:
            with session_scope() as session:
                store = JobStore(session, self.index)
                store.prefetch([job for job, _ in entries])
                with session.no_autoflush:
                    written = [_store_one(store, job, raw, seen_on) for job, raw in entries]
                store.finish()
                return written
        except Exception as exc:
            # The index may hold jobs of the rolled-back transaction.
            self.index.reset()
            if not isinstance(exc, IntegrityError | OperationalError):
                log.exception("a batch of %d notices failed", len(entries))
            log.info("a batch of %d notices failed (%s); writing them one by one",
                     len(entries), exc.__class__.__name__)
            written: list[Written] = []
            for job, raw in entries:
                if written and written[-1].reason.startswith(UNAVAILABLE):
                    # The database is gone: keep the rest of the batch without retrying each.
                    path = spool_item(job.source, raw, written[-1].reason.split(";")[0])
                    written.append(Written("spooled", reason=f"{UNAVAILABLE}; item kept in {path}"))
                else:
                    written.append(self.write_one(job, raw, seen_on))
            return written

    def write_one(self, job, raw: dict, seen_on) -> Written:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with session_scope() as session:
                    store = JobStore(session, self.index)
                    written = _store_one(store, job, raw, seen_on)
                    store.finish()
                    return written
            except IntegrityError as exc:
                # Another process inserted the same job at the same moment: read it and merge.
                self.index.reset()
                error = f"database refused the notice: {exc.orig}"
            except OperationalError as exc:
                self.index.reset()
                error = f"{UNAVAILABLE}: {exc.orig}"
                log.warning("database unavailable (%s); retrying", exc.__class__.__name__)
                if attempt < ATTEMPTS:
                    time.sleep(self.retry_delay * attempt)
            except Exception as exc:  # a bug must not lose the notice
                log.exception("storing %s failed", job.source_url)
                error = f"store failed: {exc!r}"
                break
        path = spool_item(job.source, raw, error)
        return Written("spooled", reason=f"{error}; item kept in {path}")


_NOTICES: NoticeWriter | None = None  # the writer of this process (the child's, or the crawl's)


def write_notices(entries: list) -> list[Written]:
    """Write a batch with this process's NoticeWriter (picklable: runs in the writer process)."""
    global _NOTICES
    if _NOTICES is None:
        _NOTICES = NoticeWriter()
    return _NOTICES.write_batch(entries)


def _make_writer(batch_size: int = BATCH_SIZE) -> tuple[object, BatchWriter]:
    if writer_process.enabled():
        child = writer_process.WriterProcess()
        writer = BatchWriter(lambda entries: child.run(write_notices, entries), batch_size)
        writer.on_close(child.close)
        return child, writer
    notices = NoticeWriter()
    return notices, BatchWriter(notices.write_batch, batch_size)


_SHARED = Shared(_make_writer)


class StorePipeline:
    def __init__(self, stats, batch_size: int | None = None):
        self.stats = stats
        if batch_size is None:
            _, self.writer = _SHARED.acquire()
            self._release = _SHARED.release
        else:  # a writer of its own (tests)
            self.notices, self.writer = _make_writer(batch_size)
            self._release = self.writer.close

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    async def process_item(self, item):
        job = item["job"]
        written: Written = await asyncio.wrap_future(self.writer.submit((job, item["raw"])))
        if written.kind == "quarantined":
            self.stats.inc_value(f"jobs/quarantine/{reason_key(written.reason)}")
            log.warning("quarantined %s item from %s: %s", job.source, job.source_url, written.reason)
            raise DropItem(f"quarantined: {written.reason}")
        if written.kind == "spooled":
            self.stats.inc_value("jobs/error/database")
            raise DropItem(written.reason)
        result = written.result
        self.stats.inc_value(f"jobs/store/{result.outcome}")
        item["stored"] = {"outcome": result.outcome, "job_id": result.job_id, "slug": result.slug}
        return item

    def close_spider(self):
        self._release()
