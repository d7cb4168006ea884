"""The framework side every stage shares: Scrapy builds it with the crawl's stats."""

from __future__ import annotations

from collections.abc import Mapping


def item_dict(item) -> dict:
    """The item as a plain dict. Spiders yield dicts or ``RawJob`` items of plain values, which a
    copy of the top level turns into one; ``ItemAdapter.asdict`` walks every nested value (a
    third of a millisecond per item) and is kept for other item types."""
    if isinstance(item, Mapping):
        return dict(item)
    from itemadapter import ItemAdapter

    return ItemAdapter(item).asdict()


class PipelineStage:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)
