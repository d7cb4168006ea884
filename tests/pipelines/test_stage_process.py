"""The stages in a process of their own: answers, drops, errors, stats, and a process that dies."""

from __future__ import annotations

import asyncio
import json
import os

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from pipelines.stage_process import StageError, StageProcessPipeline
from tests.pipelines.stage_doubles import STAGES


def _run(items: list[dict]):
    crawler = get_crawler()
    pipeline = StageProcessPipeline(crawler, STAGES)

    async def one(item):
        try:
            return await pipeline.process_item(item)
        except (DropItem, StageError) as exc:
            return exc

    async def main():
        await pipeline.open_spider()
        done = await asyncio.gather(*(one(item) for item in items))
        await pipeline.close_spider()
        return done

    return asyncio.run(main()), crawler.stats


def test_items_go_through_the_stages_in_another_process_and_their_stats_come_back():
    done, stats = _run([{"n": n} for n in range(6)])
    kept = [d for d in done if isinstance(d, dict)]
    assert [d["n"] for d in kept] == [0, 2, 4]
    assert {d["marked_in"] for d in kept} != {os.getpid()}
    assert [str(d) for d in done if isinstance(d, DropItem)] == ["odd: 1", "odd: 3", "odd: 5"]
    assert stats.get_value("test/marked") == 6 and stats.get_value("test/dropped") == 3
    assert stats.get_value("test/closed") is True  # the stages' close_spider ran, its stats too


def test_a_batch_stage_takes_items_together_and_may_drop_some():
    done, stats = _run([{"n": 2 * k, "reject": k == 3} for k in range(40)])
    assert all(d["batched"] for d in done if isinstance(d, dict)) and len([d for d in done if isinstance(d, dict)]) == 39
    assert [str(d) for d in done if isinstance(d, DropItem)] == ["rejected in a batch"]
    assert stats.get_value("test/largest_batch") > 1


def test_a_stage_error_is_raised_in_the_crawl_with_its_traceback():
    done, _ = _run([{"n": 0, "fail": True}, {"n": 2}])
    assert isinstance(done[0], StageError) and "ValueError: a stage bug" in str(done[0])
    assert done[1]["n"] == 2


def test_when_the_stage_process_dies_its_items_are_spooled_not_lost(tmp_path, monkeypatch):
    monkeypatch.setenv("JOBS_VAR_DIR", str(tmp_path))
    done, stats = _run([{"n": 0, "source": "test", "die": True}, *({"n": 2 * k, "source": "test"} for k in range(1, 4))])
    lost = [d for d in done if isinstance(d, DropItem)]
    assert lost and all("item kept in" in str(d) for d in lost)
    assert all(isinstance(d, dict | DropItem) for d in done)
    spooled = [json.loads(line) for f in tmp_path.rglob("*.jsonl") for line in f.read_text().splitlines()]
    assert len(spooled) == len(lost) and {e["raw"]["n"] for e in spooled} >= {0}
    assert stats.get_value("jobs/error/stage_process") == len(lost)


@pytest.mark.parametrize("mode", ["0", "1"])
def test_the_item_pipelines_setting_follows_jobs_pipeline_process(mode, monkeypatch):
    import importlib

    import pipelines

    monkeypatch.setenv("JOBS_PIPELINE_PROCESS", mode)
    reloaded = importlib.reload(pipelines)
    try:
        offloaded = {"pipelines.stage_process.StageProcessPipeline": 100}
        setting = reloaded.ITEM_PIPELINES
        assert setting == (dict(reloaded.STAGES) if mode == "0" else offloaded)
    finally:
        monkeypatch.delenv("JOBS_PIPELINE_PROCESS")
        importlib.reload(pipelines)

