"""Stage 300: the same notice twice in one crawl is processed once (counted, not stored twice).

Across crawls and sources, de-duplication is by the job's natural key in the store.
"""

from __future__ import annotations

from core.ingest import Outcome, same_notice_key
from pipelines.stage import PipelineStage


class DedupePipeline(PipelineStage):
    def __init__(self, crawler):
        super().__init__(crawler)
        self.seen: set[tuple[str, str]] = set()

    def process_item(self, item):
        job = self.notice(item).job
        key = same_notice_key(job)
        if key in self.seen:
            self.drop(item, Outcome("duplicate", f"duplicate notice in this crawl: {job.title}"))
        self.seen.add(key)
        return item
