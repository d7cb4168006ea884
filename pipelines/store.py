"""Stage 400: upsert the notice under its job in PostgreSQL; count insert / update / noop.

One writer thread per crawl process (``BatchWriter``) collects the notices and writes a batch
at a time, one transaction each (``pipelines.notice_writer``), so the reactor never waits on
the database. A notice that cannot be written is kept in the spool
(``var/spool``); one that contradicts its job's other notices is quarantined. Nothing is
dropped without a record.
"""

from __future__ import annotations

import asyncio
import logging

from scrapy.exceptions import DropItem

from pipelines.batch_writer import BatchWriter, Shared
from pipelines.notice_writer import NoticeWriter, Written
from pipelines.quarantine import reason_key
from pipelines.stage import PipelineStage

log = logging.getLogger(__name__)
BATCH_SIZE = 100


def _make_writer(batch_size: int = BATCH_SIZE) -> tuple[NoticeWriter, BatchWriter]:
    notices = NoticeWriter()
    return notices, BatchWriter(notices.write_batch, batch_size)


_SHARED = Shared(_make_writer)


def _or_drop(outcome, item, written):
    try:
        return outcome(item, written)
    except DropItem as exc:
        return exc


class StorePipeline(PipelineStage):
    def __init__(self, stats, batch_size: int | None = None):
        super().__init__(stats)
        if batch_size is None:
            self.notices, self.writer = _SHARED.acquire()
            self._release = _SHARED.release
        else:  # a writer of its own (tests)
            self.notices, self.writer = _make_writer(batch_size)
            self._release = self.writer.close

    async def process_item(self, item):
        written: Written = await asyncio.wrap_future(self.writer.submit((item["job"], item["raw"])))
        return self._outcome(item, written)

    def process_batch(self, items: list) -> list:
        """The stage process's way: a whole batch in one transaction, on the caller's thread."""
        written = self.notices.write_batch([(item["job"], item["raw"]) for item in items])
        return [_or_drop(self._outcome, item, w) for item, w in zip(items, written, strict=True)]

    def _outcome(self, item, written: Written):
        job = item["job"]
        if written.kind == "quarantined":
            self.stats.inc_value(f"jobs/quarantine/{reason_key(written.reason)}")
            log.warning("quarantined %s item from %s: %s", job.source, job.source_url, written.reason)
            raise DropItem(f"quarantined: {written.reason}")
        if written.kind == "spooled":
            self.stats.inc_value("jobs/error/database")
            raise DropItem(written.reason)
        result = written.result
        self.stats.inc_value(f"jobs/store/{result.outcome}")
        item["stored"] = {"outcome": result.outcome, "job_id": result.job_id, "slug": result.slug,
                          "content_hash": result.content_hash}
        item["merged"] = result.merged  # for the SEO stage, which takes it out of the item
        return item

    def close_spider(self):
        self._release()
