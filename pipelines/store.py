"""Stage 400: upsert the notice under its job in PostgreSQL; count insert / update / noop."""

from __future__ import annotations

import logging
import time

from scrapy.exceptions import DropItem
from sqlalchemy.exc import IntegrityError, OperationalError

from jobcore import config
from jobcore.database import session_scope
from jobcore.store import MergeConflict, upsert_job
from pipelines.quarantine import quarantine_and_drop
from pipelines.spool import spool_item

log = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        job = item["job"]
        seen_on = config.today()
        for attempt in (1, 2, 3):
            try:
                with session_scope() as session:
                    result = upsert_job(session, job, seen_on)
                break
            except MergeConflict as exc:
                quarantine_and_drop(self.stats, job.source, job.source_url, str(exc), item["raw"])
            except IntegrityError:
                # Another process inserted the same job at the same moment: read it and merge.
                if attempt == 3:
                    raise
            except OperationalError as exc:
                if attempt == 3:
                    path = spool_item(job.source, item["raw"], f"database unavailable: {exc.orig}")
                    self.stats.inc_value("jobs/error/database")
                    raise DropItem(f"database unavailable; item kept in {path}") from exc
                log.warning("database unavailable (%s); retrying", exc.__class__.__name__)
                time.sleep(0.5 * attempt)
        self.stats.inc_value(f"jobs/store/{result.outcome}")
        item["stored"] = {"outcome": result.outcome, "job_id": result.job_id, "slug": result.slug}
        return item
