"""Stage 400: upsert the notice under its job in PostgreSQL; count insert / update / noop.

The notices of a page are written together, one transaction per batch, in a worker thread
(``pipelines.batching``), so the reactor never waits on the database. A notice that cannot be
written is kept in the spool (``var/spool``); one that contradicts its job's other notices is
quarantined (``core.ingest.NoticeStore``). Nothing is dropped without a record.
"""

from __future__ import annotations

import logging

from core.ingest import NoticeStore
from pipelines.batching import Batcher
from pipelines.stage import PipelineStage

log = logging.getLogger(__name__)


class StorePipeline(PipelineStage):
    def __init__(self, crawler, batch_size: int = 200):
        super().__init__(crawler)
        self.store = NoticeStore()
        self.batches = Batcher(self.store.store, max_size=batch_size, name="store")

    async def process_item(self, item):
        notice = self.notice(item)
        outcome = await self.batches.submit((notice.job, notice.raw))
        if outcome.kind != "stored":
            self.drop(item, outcome)
        self.count(outcome)
        notice.stored = outcome.result
        log.debug("%s: %s job %s", notice.job.source, outcome.result.outcome, outcome.result.slug)
        return item

    def close_spider(self):
        self.batches.close()
