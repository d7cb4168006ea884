"""Stage 400: upsert the notice under its job in PostgreSQL; count insert / update / noop.

One writer thread per crawl process (``BatchWriter``) collects the notices and hands a batch at
a time to a writer child process (``pipelines.writer_process``), which writes it in one
transaction (``pipelines.notice_writer``). A notice that cannot be written is kept in the spool
(``var/spool``); one that contradicts its job's other notices is quarantined. Nothing is
dropped without a record.
"""

from __future__ import annotations

import asyncio
import logging

from scrapy.exceptions import DropItem

from pipelines import writer_process
from pipelines.batch_writer import BatchWriter, Shared
from pipelines.notice_writer import NoticeWriter, Written, write_notices
from pipelines.quarantine import reason_key

log = logging.getLogger(__name__)
BATCH_SIZE = 100


# A batch this big means the crawl makes notices faster than this process writes them: from
# then on the batches go to a writer child process (small crawls never pay for starting one).
CHILD_AFTER = 50


class _Writes:
    def __init__(self):
        self.local = NoticeWriter()
        self.child: writer_process.WriterProcess | None = None

    def __call__(self, entries: list) -> list[Written]:
        if self.child is None and len(entries) >= CHILD_AFTER and writer_process.enabled():
            self.child = writer_process.WriterProcess()
        if self.child is not None:
            return self.child.run(write_notices, entries)
        return self.local.write_batch(entries)

    def close(self) -> None:
        if self.child is not None:
            self.child.close()


def _make_writer(batch_size: int = BATCH_SIZE) -> tuple[_Writes, BatchWriter]:
    writes = _Writes()
    writer = BatchWriter(writes, batch_size)
    writer.on_close(writes.close)
    return writes, writer


_SHARED = Shared(_make_writer)


class StorePipeline:
    def __init__(self, stats, batch_size: int | None = None):
        self.stats = stats
        if batch_size is None:
            self.writes, self.writer = _SHARED.acquire()
            self._release = _SHARED.release
        else:  # a writer of its own (tests)
            self.writes, self.writer = _make_writer(batch_size)
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
