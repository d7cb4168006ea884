"""Stage 500: SEO title, meta description, summary and FAQ for a job whose facts changed.

Runs after the store because the text is written for the *job* (all its notices merged). The
embedded default is the deterministic template; an LLM is used when ``OPENAI_BASE_URL`` or
``OPENAI_API_KEY`` is set (see ``pipelines.seo``). The work runs in a thread so that LLM calls
(capped by ``JOBS_LLM_CONCURRENCY``) overlap instead of blocking the crawl; it needs the
asyncio reactor, which ``crawlers.settings`` selects.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from pipelines.seo.llm_client import LlmClient
from pipelines.seo.template import template_seo
from pipelines.seo.writer import SeoWriter

__all__ = ["SeoTextPipeline", "template_seo"]


class SeoTextPipeline:
    def __init__(self, stats, client: LlmClient | None):
        self.writer = SeoWriter(client, stats)
        # One thread per allowed concurrent LLM call, so that waiting jobs queue here.
        workers = client.settings.concurrency if client else 1
        self._threads = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="seo")

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, LlmClient.from_env(crawler.stats))

    async def process_item(self, item):
        stored = item.get("stored")
        if stored:
            await asyncio.get_running_loop().run_in_executor(
                self._threads, self.writer.write_job, stored["job_id"], stored["outcome"]
            )
        return item

    async def close_spider(self):
        self._threads.shutdown(wait=True)
