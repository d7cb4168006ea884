"""The seo_text stage in Scrapy: wiring, stats, and a real re-crawl that makes no LLM call."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from scrapy.utils.test import get_crawler
from sqlalchemy import select

from jobcore.database import session_scope
from jobcore.store import upsert_job
from jobcore.tables import CrawlRun, Job
from pipelines.seo_text import SeoTextPipeline
from tests.pipelines.fake_openai import FakeOpenAI
from tests.pipelines.seo_jobs import recruitment


@pytest.fixture
def fake(monkeypatch):
    server = FakeOpenAI().start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setenv("JOBS_LLM_MODEL", "fake-model")
    yield server
    server.stop()


def _envelope(posting):
    with session_scope() as session:
        result = upsert_job(session, posting, dt.date(2026, 1, 20))
    return {"job": posting, "stored": {"outcome": result.outcome, "job_id": result.job_id,
                                       "slug": result.slug}}


def _run(pipeline, *items):
    async def main():
        done = await asyncio.gather(*(pipeline.process_item(item) for item in items))
        await pipeline.close_spider()
        return done

    return asyncio.run(main())


def test_the_stage_writes_llm_text_and_counts_it_in_scrapy_stats(clean_db, fake):
    crawler = get_crawler()
    pipeline = SeoTextPipeline.from_crawler(crawler)
    item = _envelope(recruitment())
    assert _run(pipeline, item) == [item]
    with session_scope() as session:
        row = session.get(Job, item["stored"]["job_id"])
    assert row.seo_origin == "llm"
    assert crawler.stats.get_value("jobs/seo/llm_call") == 1
    assert crawler.stats.get_value("jobs/seo/written") == 1


def test_the_stage_overlaps_llm_calls_up_to_the_cap(clean_db, fake, monkeypatch):
    monkeypatch.setenv("JOBS_LLM_CONCURRENCY", "3")
    fake.latency = 0.2
    items = [_envelope(recruitment(title=f"Exam {n} 2026", advt_no=f"{n}/2026")) for n in range(6)]
    pipeline = SeoTextPipeline.from_crawler(get_crawler())
    _run(pipeline, *items)
    assert fake.calls() == 6 and fake.max_in_flight == 3


def test_without_an_llm_the_stage_writes_the_template(clean_db, monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    crawler = get_crawler()
    item = _envelope(recruitment())
    _run(SeoTextPipeline.from_crawler(crawler), item)
    with session_scope() as session:
        assert session.get(Job, item["stored"]["job_id"]).seo_origin == "template"
    assert crawler.stats.get_value("jobs/seo/template") == 1


@pytest.mark.slow
def test_a_recrawl_of_unchanged_pages_makes_no_llm_call(clean_db, fake, monkeypatch):
    from jobcore.crawl import run_spider

    monkeypatch.setenv("JOBS_REPLAY", "1")
    monkeypatch.setenv("JOBS_TODAY", "2018-03-15")
    monkeypatch.setenv("JOBS_RECORD_RUNS", "1")
    first = run_spider("upsc")
    assert first["status"] == "ok" and first["inserted"] > 0
    calls = fake.calls()
    assert calls > 0
    second = run_spider("upsc")
    assert second["inserted"] == 0 and second["unchanged"] > 0
    assert fake.calls() == calls
    with session_scope() as session:
        runs = session.scalars(select(CrawlRun).where(CrawlRun.source == "upsc")
                               .order_by(CrawlRun.id)).all()
        origins = set(session.scalars(select(Job.seo_origin)))
    assert runs[0].stats.get("jobs/seo/llm_call") == calls
    assert "jobs/seo/llm_call" not in runs[1].stats
    assert runs[1].stats.get("jobs/seo/unchanged", 0) > 0
    assert origins <= {"llm", "template"} and "llm" in origins
