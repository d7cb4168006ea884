"""Test-only extension: writes a finished crawl's stats to JOBS_STATS_FILE as JSON."""

import json

from scrapy import signals


class StatsDump:
    def __init__(self, crawler):
        self.crawler = crawler
        self.path = crawler.settings.get("JOBS_STATS_FILE")
        # After CrawlHealth (connected earlier) has put its "jobs/run" summary in the stats.
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def closed(self, spider, reason):
        if self.path:
            stats = {k: v for k, v in self.crawler.stats.get_stats().items()}
            with open(self.path, "w", encoding="utf-8") as out:
                json.dump(stats, out, default=str)
