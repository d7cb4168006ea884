"""CrawlHealth: one crawl-run row per spider run, and a loud failure for a source gone silent."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time

from scrapy import signals
from scrapy.exceptions import NotConfigured

log = logging.getLogger(__name__)


def run_summary(stats: dict, may_be_empty: bool, reason: str) -> dict:
    """The crawl-run figures from a finished crawl's Scrapy stats (a pure function)."""
    items = stats.get("item_scraped_count", 0) + stats.get("item_dropped_count", 0)
    errors = sum(v for k, v in stats.items() if k.startswith("jobs/error/"))
    status, problem = "ok", None
    if reason != "finished":
        status, problem = "failed", f"crawl ended: {reason}"
    elif items == 0 and not may_be_empty:
        status, problem = "failed", "no items from this source (has the page changed, or is it down?)"
    elif errors:
        status = "partial"
    return {
        "status": status,
        "problem": problem,
        "pages": stats.get("response_received_count", 0),
        "items": items,
        "inserted": stats.get("jobs/store/insert", 0),
        "updated": stats.get("jobs/store/update", 0),
        "unchanged": stats.get("jobs/store/noop", 0),
        "quarantined": sum(v for k, v in stats.items() if k.startswith("jobs/quarantine/")),
        "errors": errors + (1 if problem else 0),
    }


def _json_safe(stats: dict) -> dict:
    out = {}
    for key, value in stats.items():
        if isinstance(value, dt.datetime | dt.date):
            value = value.isoformat()
        elif not isinstance(value, int | float | str | bool | list | dict | type(None)):
            value = str(value)
        out[key] = value
    return out


class CrawlHealth:
    """Writes the crawl_runs row and the source's last_scraped/last_success (JOBS_RECORD_RUNS)."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.started = time.monotonic()
        self.started_at = dt.datetime.now(dt.UTC)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("JOBS_RECORD_RUNS", True):
            raise NotConfigured
        return cls(crawler)

    async def spider_closed(self, spider, reason):
        stats = self.crawler.stats.get_stats()
        summary = run_summary(stats, getattr(spider, "may_be_empty", False), reason)
        summary["duration_s"] = round(time.monotonic() - self.started, 3)
        self.crawler.stats.set_value("jobs/run", summary)
        if summary["problem"]:
            log.error("%s: FAILED: %s", spider.name, summary["problem"])
        # In a thread: the commit waits for the disk, and the other spiders crawl meanwhile.
        await asyncio.to_thread(self._record_or_log, spider, summary, stats)

    def _record_or_log(self, spider, summary: dict, stats: dict) -> None:
        try:
            self._record(spider, summary, stats)
        except Exception as exc:  # the database may be gone; the crawl's items are already handled
            log.error("%s: could not record the crawl run: %s", spider.name, exc)

    def _record(self, spider, summary: dict, stats: dict) -> None:
        # Here, not at the top: the database layer takes ~1 s to import, and parse-only crawls
        # (tests, `-s ITEM_PIPELINES={}`, JOBS_RECORD_RUNS=0) never record a run.
        from core.storage.database import session_scope
        from core.storage.store import upsert_source
        from core.storage.tables import CrawlRun

        finished = dt.datetime.now(dt.UTC)
        with session_scope() as session:
            session.add(
                CrawlRun(
                    source=spider.name,
                    started_at=self.started_at,
                    finished_at=finished,
                    status=summary["status"],
                    pages=summary["pages"],
                    items=summary["items"],
                    inserted=summary["inserted"],
                    updated=summary["updated"],
                    unchanged=summary["unchanged"],
                    quarantined=summary["quarantined"],
                    errors=summary["errors"],
                    duration_s=summary["duration_s"],
                    stats=_json_safe({k: v for k, v in stats.items() if k != "jobs/error_log"}),
                    error_log=(stats.get("jobs/error_log") or []) + (
                        [{"url": (spider.start_urls or [None])[0], "reason": summary["problem"]}]
                        if summary["problem"] else []
                    ),
                )
            )
            fields = {
                "name": spider.organisation or spider.name,
                "kind": spider.source_kind,
                "base_url": (spider.start_urls or [""])[0],
                "category": spider.category,
                "state": spider.state,
                "last_scraped": finished,
            }
            if summary["status"] != "failed":
                fields["last_success"] = finished
            upsert_source(session, spider.name, **fields)
