"""Stages for the stage-process tests: each does one visible thing to an item."""

from __future__ import annotations

import asyncio
import os

from scrapy.exceptions import DropItem

from pipelines.stage import PipelineStage


class Mark(PipelineStage):
    def process_item(self, item):
        self.stats.inc_value("test/marked")
        return {**item, "marked_in": os.getpid()}


class DropOdd(PipelineStage):
    async def process_item(self, item):
        await asyncio.sleep(0)
        if item["n"] % 2:
            self.stats.inc_value("test/dropped")
            raise DropItem(f"odd: {item['n']}")
        return item


class Fail(PipelineStage):
    def process_item(self, item):
        if item.get("fail"):
            raise ValueError("a stage bug")
        if item.get("die"):
            os._exit(3)  # the stage process dies, as if killed
        return item

    def close_spider(self):
        self.stats.set_value("test/closed", True)


class Batched(PipelineStage):
    """Takes what arrived together at once, as the store does; drops items marked ``reject``."""

    def process_batch(self, items):
        self.stats.max_value("test/largest_batch", len(items))
        return [DropItem("rejected in a batch") if item.get("reject") else {**item, "batched": True}
                for item in items]


STAGES = {f"{__name__}.Mark": 100, f"{__name__}.DropOdd": 200, f"{__name__}.Fail": 300,
          f"{__name__}.Batched": 400}
