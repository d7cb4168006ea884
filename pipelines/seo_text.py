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

from pipelines.batch_writer import BatchWriter, Shared
from pipelines.seo.llm_client import LlmClient
from pipelines.seo.template import template_seo
from pipelines.seo.writer import SeoWriter, write_template_batch

__all__ = ["SeoTextPipeline", "template_seo"]
# Template text (no LLM): one writer thread per crawl process, a batch of jobs per transaction.
_TEMPLATE = Shared(lambda: (None, BatchWriter(write_template_batch, name="seo")))


def _entry(item) -> tuple:
    """What the template writer needs; the merged job (the store's, for this stage) leaves the item."""
    stored = item["stored"]
    return (stored["job_id"], stored["outcome"], stored["slug"], item.pop("merged", None), stored.get("content_hash"))


class SeoTextPipeline:
    def __init__(self, stats, client: LlmClient | None):
        self.writer = SeoWriter(client, stats)
        # With an LLM: one thread per allowed concurrent call, so that waiting jobs queue here.
        self._threads = ThreadPoolExecutor(max_workers=client.settings.concurrency, thread_name_prefix="seo") if client else None
        self.stats = stats
        self._batches = None if client else _TEMPLATE.acquire()[1]

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, LlmClient.from_env(crawler.stats))

    async def process_item(self, item):
        stored = item.get("stored")
        if stored and self._batches is not None:
            self._count(await asyncio.wrap_future(self._batches.submit(_entry(item))))
        elif stored:
            item.pop("merged", None)
            await asyncio.get_running_loop().run_in_executor(
                self._threads, self.writer.write_job, stored["job_id"], stored["outcome"]
            )
        return item

    async def process_batch(self, items: list) -> list:
        """The stage process's way: template text for the batch in one transaction; LLM calls overlap."""
        if self._batches is None:
            return await asyncio.gather(*(self.process_item(item) for item in items), return_exceptions=True)
        stored = [item for item in items if item.get("stored")]
        for done in write_template_batch([_entry(item) for item in stored]) if stored else []:
            self._count(done)
        return items

    def _count(self, done: str) -> None:
        if done == "written":
            self.stats.inc_value("jobs/seo/template")
            self.stats.inc_value("jobs/seo/written")
        elif done == "unchanged":
            self.stats.inc_value("jobs/seo/unchanged")

    async def close_spider(self):
        if self._threads is not None:
            self._threads.shutdown(wait=True)
        if self._batches is not None:
            _TEMPLATE.release()
