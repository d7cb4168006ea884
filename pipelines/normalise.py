"""Stage 100: raw item → normalised facts (``core.ingest.normalise``); a parser bug quarantines."""

from __future__ import annotations

from core.domain.schema import Rejection, Stage
from core.ingest import normalise, quarantine
from pipelines.batching import Batcher
from pipelines.stage import PipelineStage


class NormalisePipeline(PipelineStage):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.quarantine = Batcher(quarantine, name="quarantine")

    async def process_item(self, item):
        notice = self.start(item)
        facts = normalise(notice.raw)
        if isinstance(facts, Rejection):
            self.drop(item, await self.quarantine.submit(facts))
        if facts["warnings"]:
            self.stats.inc_value("jobs/warning/normalise", len(facts["warnings"]))
        if facts["stage"] == Stage.other.value:
            self.stats.inc_value("jobs/stage/other")
        notice.facts = facts
        return item

    def close_spider(self):
        self.quarantine.close()
