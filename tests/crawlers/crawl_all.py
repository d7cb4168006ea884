"""Crawl many spiders through the replay in ONE reactor; write their items and stats as JSON.

    python -m tests.crawlers.crawl_all OUT.json [SPIDER …]     (default: every spider)

Item pipelines and crawl-run recording are off: this is what the spiders yield, raw.
A spider whose custom_settings replace the download handlers (scrapy-playwright) needs its own
process; ``needs_own_process`` says which.
"""

from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawlers.settings")
os.environ.setdefault("JOBS_REPLAY", "1")
os.environ["JOBS_RECORD_RUNS"] = "0"


def needs_own_process(spider_cls) -> bool:
    handlers = (getattr(spider_cls, "custom_settings", None) or {}).get("DOWNLOAD_HANDLERS") or {}
    return any("playwright" in str(h) for h in handlers.values())


def crawl(names: list[str], overrides: dict | None = None) -> dict:
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    settings.set("JOBS_RECORD_RUNS", False, priority="cmdline")
    settings.set("LOG_LEVEL", "WARNING", priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    process = CrawlerProcess(settings)
    results: dict[str, dict] = {}
    handlers = []  # signal receivers are weak references: keep ours alive
    for name in names:
        crawler = process.create_crawler(name)
        result = results[name] = {"items": [], "stats": {}, "reason": None,
                                  "may_be_empty": bool(getattr(crawler.spidercls, "may_be_empty", False))}

        def scraped(item, result=result):
            result["items"].append(dict(item))

        def closed(spider, reason, result=result, crawler=crawler):
            result["reason"] = reason
            result["stats"] = crawler.stats.get_stats()

        handlers += [scraped, closed]
        crawler.signals.connect(scraped, signal=signals.item_scraped)
        crawler.signals.connect(closed, signal=signals.spider_closed)
        process.crawl(crawler)
    process.start()
    return results


def main(argv: list[str]) -> int:
    out, names = argv[0], argv[1:]
    if not names:
        from services.crawl import spider_names

        names = spider_names()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(crawl(names), handle, default=str, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
