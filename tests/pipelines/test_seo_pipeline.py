"""The seo_text stage in Scrapy: wiring, stats, and a real re-crawl that makes no LLM call."""

from __future__ import annotations

import pytest
from scrapy.utils.test import get_crawler
from sqlalchemy import select

from core.storage.database import session_scope
from core.storage.tables import CrawlRun, Job
from tests.pipelines.fake_openai import FakeOpenAI
from tests.pipelines.stage_runner import crawl, raw


@pytest.fixture
def fake(monkeypatch):
    server = FakeOpenAI().start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setenv("JOBS_LLM_MODEL", "fake-model")
    yield server
    server.stop()


def test_the_stage_writes_llm_text_and_counts_it_in_scrapy_stats(clean_db, fake):
    crawler = get_crawler()
    crawl([raw(1)], crawler)
    with session_scope() as session:
        row = session.scalars(select(Job)).one()
    assert row.seo_origin == "llm"
    assert crawler.stats.get_value("jobs/seo/llm_call") == 1
    assert crawler.stats.get_value("jobs/seo/written") == 1


def test_the_stage_overlaps_llm_calls_up_to_the_cap(clean_db, fake, monkeypatch):
    monkeypatch.setenv("JOBS_LLM_CONCURRENCY", "3")
    fake.latency = 0.2
    crawl([raw(n) for n in range(6)])
    assert fake.calls() == 6 and fake.max_in_flight == 3


def test_without_an_llm_the_stage_writes_the_template(clean_db, monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    crawler = get_crawler()
    crawl([raw(1)], crawler)
    with session_scope() as session:
        assert session.scalars(select(Job.seo_origin)).one() == "template"
    assert crawler.stats.get_value("jobs/seo/template") == 1


@pytest.mark.slow
def test_a_recrawl_of_unchanged_pages_makes_no_llm_call(clean_db, fake, monkeypatch):
    from services.crawl import run_spider

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
