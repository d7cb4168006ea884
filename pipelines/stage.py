"""The framework side every stage shares: Scrapy builds it with the crawl's stats."""

from __future__ import annotations


class PipelineStage:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)
