"""The Scrapy stages wired as a crawl wires them (``get_crawler``), on real PostgreSQL.

The item leaves the stages exactly as the spider yielded it; what became of it is in the stats.
"""

from __future__ import annotations

import copy

import pytest
from scrapy.exceptions import DropItem
from sqlalchemy import select

from core import ingest
from core.storage.database import session_scope
from core.storage.tables import Job, JobEvent, Quarantine
from crawlers.items import RawJob
from tests.pipelines.stage_runner import count, crawl, raw


def test_items_come_out_as_the_spider_yielded_them_and_outcomes_go_to_stats(clean_db):
    items = [RawJob(**raw(1)), raw(2)]
    before = copy.deepcopy([dict(i) for i in items])
    done, stats = crawl(items)
    assert done[0] is items[0] and done[1] is items[1]
    assert [dict(i) for i in done] == before
    assert stats.get_value("jobs/store/insert") == 2 and count(Job) == 2


def test_a_burst_of_notices_is_stored_in_batches_and_a_recrawl_is_a_noop(clean_db):
    done, stats = crawl([raw(n) for n in range(120)])
    assert stats.get_value("jobs/store/insert") == 120 and count(Job) == 120
    done, stats = crawl([raw(n) for n in range(120)])
    assert stats.get_value("jobs/store/noop") == 120 and stats.get_value("jobs/store/insert") is None
    assert count(Job) == 120 and count(JobEvent) == 120


def test_rejected_and_repeated_items_are_dropped_with_their_reason_and_counted(clean_db):
    done, stats = crawl([raw(1), raw(1), raw(2, organisation=None)])
    assert isinstance(done[1], DropItem) and "duplicate" in str(done[1])
    assert isinstance(done[2], DropItem) and "missing required fact: organisation" in str(done[2])
    assert stats.get_value("jobs/duplicate/same_notice") == 1
    assert stats.get_value("jobs/quarantine/missing_required_fact") == 1
    assert count(Quarantine) == 1


def test_a_parser_crash_quarantines_the_item(clean_db, monkeypatch):
    monkeypatch.setattr(ingest, "normalise_job", lambda data: 1 / 0)
    done, stats = crawl([raw(1)])
    assert isinstance(done[0], DropItem) and "normalise failed: ZeroDivisionError" in str(done[0])
    assert stats.get_value("jobs/quarantine/normalise_failed") == 1
    with session_scope() as session:
        assert session.scalars(select(Quarantine.source)).one() == "stagetest"


@pytest.mark.parametrize("notices", [2, 40])
def test_notices_of_one_job_crawled_together_merge_into_one_job(clean_db, notices):
    items = [raw(7)] + [raw(7, source_url=f"https://rrb.example.in/admit-{n}", title=f"Advt. 7/2026 Admit Card {n}")
                        for n in range(notices - 1)]
    done, stats = crawl(items)
    assert count(Job) == 1 and count(JobEvent) == notices


def test_a_database_that_is_down_spools_every_item(clean_db, monkeypatch):
    from core.storage.spool import read_spool, spool_files, spool_path

    for path in spool_files():
        path.unlink()
    monkeypatch.setenv("JOBS_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1")
    monkeypatch.setattr(ingest, "ATTEMPTS", 1)
    done, stats = crawl([raw(n) for n in range(3)])
    assert all(isinstance(d, DropItem) and "database unavailable" in str(d) for d in done)
    assert stats.get_value("jobs/spooled/database") == 3
    assert len(list(read_spool(spool_path("stagetest")))) == 3
