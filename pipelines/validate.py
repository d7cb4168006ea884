"""Stage 200: normalised facts → JobPosting, or a Rejection with the reason (then quarantine)."""

from __future__ import annotations

from core.domain.schema import Rejection
from core.domain.validate import validate_job
from core.ingest import quarantine
from pipelines.batching import Batcher
from pipelines.stage import PipelineStage


class ValidatePipeline(PipelineStage):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.quarantine = Batcher(quarantine, name="quarantine")

    async def process_item(self, item):
        notice = self.notice(item)
        result = validate_job(notice.facts, notice.raw)
        if isinstance(result, Rejection):
            self.drop(item, await self.quarantine.submit(result))
        notice.facts, notice.job = None, result  # the job holds the facts, validated
        return item

    def close_spider(self):
        self.quarantine.close()
