"""Stage 500: SEO title, meta description, summary and FAQ for a job whose facts changed.

Runs after the store because the text is written for the *job* (all its notices merged). The
embedded default is the deterministic template; an LLM is used when ``OPENAI_BASE_URL`` or
``OPENAI_API_KEY`` is set (``core.seo``). Jobs are written in batches off the reactor thread.
"""

from __future__ import annotations

from core.ingest import SeoText
from pipelines.batching import Batcher
from pipelines.stage import PipelineStage


class SeoTextPipeline(PipelineStage):
    def __init__(self, crawler, seo: SeoText | None = None):
        super().__init__(crawler)
        self.seo = seo or SeoText.from_env(self.stats)
        self.batches = Batcher(self.seo.write, name="seo")

    async def process_item(self, item):
        notice = self.finish(item)
        if notice is not None and notice.stored is not None:
            await self.batches.submit(notice.stored)
        return item

    def close_spider(self):
        self.batches.close()
        self.seo.close()
