"""Stage 300: the same notice twice in one crawl is processed once (counted, not stored twice).

Across crawls and sources, de-duplication is by the job's natural key in the store.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem

from jobcore.fingerprint import job_fingerprint
from jobcore.merge import facts_hash, notice_key
from pipelines.stage import PipelineStage


class DedupePipeline(PipelineStage):
    def __init__(self, stats):
        super().__init__(stats)
        self.seen: set[tuple[str, str]] = set()

    def process_item(self, item):
        job = item["job"]
        key = (notice_key(job), facts_hash(job.model_dump(mode="json")))
        item["fingerprint"] = job_fingerprint(job)
        if key in self.seen:
            self.stats.inc_value("jobs/duplicate/same_notice")
            raise DropItem(f"duplicate notice in this crawl: {job.title}")
        self.seen.add(key)
        return item
