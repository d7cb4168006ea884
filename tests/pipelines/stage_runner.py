"""Run items through the project's stages as Scrapy's scraper does: in order, concurrently."""

from __future__ import annotations

import asyncio

from scrapy.exceptions import DropItem
from scrapy.utils.misc import load_object
from scrapy.utils.test import get_crawler
from sqlalchemy import func, select

from core.storage.database import session_scope
from pipelines import ITEM_PIPELINES


def raw(n: int, **fields) -> dict:
    return {"source": "stagetest", "source_kind": "official", "source_url": f"https://rrb.example.in/notice-{n}",
            "organisation": "Railway Recruitment Board", "title": f"Recruitment of Technicians Advt. {n}/2026",
            "important_dates": ["Last Date : 02-03-2026"], **fields}


def stages(crawler):
    return [load_object(path).from_crawler(crawler) for path, _ in sorted(ITEM_PIPELINES.items(), key=lambda kv: kv[1])]


def crawl(items, crawler=None):
    """Every item through every stage, concurrently, as Scrapy's scraper does."""
    crawler = crawler or get_crawler()
    chain = stages(crawler)

    async def one(item):
        try:
            for stage in chain:
                item = stage.process_item(item)
                if asyncio.iscoroutine(item):
                    item = await item
            return item
        except DropItem as exc:
            return exc

    async def main():
        done = await asyncio.gather(*(one(item) for item in items))
        for stage in chain:
            stage.close_spider()
        return done

    return asyncio.run(main()), crawler.stats


def count(table) -> int:
    with session_scope() as session:
        return session.scalar(select(func.count()).select_from(table))
