"""What every stage shares: the crawl's stats, and the notice that travels beside each item.

Scrapy hands each stage the item the spider yielded; the stages never change it, so feed exports
get the flat RawJob. What they make of it (facts, the validated job, the store's result) is kept
per crawl in ``Notice`` records, found by the item's identity, and the last stage forgets it.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from core.domain.schema import JobPosting
from core.ingest import Outcome, StoreResult


def item_dict(item) -> dict:
    """The item as a plain dict. Spiders yield dicts or ``RawJob`` items of plain values, which a
    copy of the top level turns into one; ``ItemAdapter.asdict`` walks every nested value and is
    kept for other item types."""
    if isinstance(item, Mapping):
        return dict(item)
    return ItemAdapter(item).asdict()


@dataclass
class Notice:
    """What the stages know about one item."""

    raw: dict
    facts: dict | None = None
    job: JobPosting | None = None
    stored: StoreResult | None = None


_NOTICES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # crawler → {id(item): Notice}


class PipelineStage:
    def __init__(self, crawler):
        self.crawler = crawler
        self.stats = crawler.stats
        self.notices: dict[int, Notice] = _NOTICES.setdefault(crawler, {})

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def close_spider(self):
        pass

    def start(self, item) -> Notice:
        notice = self.notices[id(item)] = Notice(item_dict(item))
        return notice

    def notice(self, item) -> Notice:
        return self.notices[id(item)]

    def finish(self, item) -> Notice | None:
        return self.notices.pop(id(item), None)

    def count(self, outcome: Outcome) -> None:
        for key in outcome.stats_keys:
            self.stats.inc_value(key)

    def drop(self, item, outcome: Outcome):
        """Count the outcome, forget the item's notice and drop it with the reason."""
        self.count(outcome)
        self.finish(item)
        raise DropItem(f"{outcome.kind}: {outcome.reason}")
