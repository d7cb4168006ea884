"""The database side of the store stage: batches of notices written in one transaction.

A batch that fails on the database is retried notice by notice; a notice that still cannot be
written is kept in the spool, and one that contradicts its job's other notices is quarantined.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError, OperationalError

from jobcore import config
from jobcore.database import session_scope
from jobcore.duplicate_index import NearDuplicateIndex
from jobcore.migrate import ensure_schema
from jobcore.store import JobStore, MergeConflict, StoreResult, quarantine_item
from pipelines.spool import json_ready, spool_item

log = logging.getLogger(__name__)
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
        try:
            ensure_schema()
        except Exception as exc:  # the database is down: each batch will spool and say so
            log.warning("could not check the database schema: %s", exc)
        self.index = NearDuplicateIndex()
        self.retry_delay = retry_delay

    def write_batch(self, entries: list) -> list[Written]:
        seen_on = config.today()
        try:
            with session_scope() as session:
                store = JobStore(session, self.index)
                store.prefetch([job for job, _ in entries])
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
