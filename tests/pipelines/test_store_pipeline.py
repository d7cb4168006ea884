"""The store stage in Scrapy on real PostgreSQL: batches, outcomes, quarantine, a database that goes away."""

from __future__ import annotations

import asyncio
import datetime as dt
import json

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from sqlalchemy import func, select

from jobcore.commands.spool import replay_file
from jobcore.database import session_scope
from jobcore.tables import Job, JobEvent, Quarantine
from pipelines.spool import spool_path
from pipelines.store import StorePipeline
from tests.pipelines.seo_jobs import recruitment


def _item(posting):
    raw = {"source": posting.source, "source_kind": posting.source_kind, "source_url": posting.source_url,
           "organisation": posting.organisation, "title": posting.title, "advt_no": posting.advt_no,
           "important_dates": [f"Last Date : {posting.apply_last:%d-%m-%Y}"] if posting.apply_last else []}
    return {"job": posting, "raw": raw}


def _run(pipeline, items):
    async def one(item):
        try:
            return await pipeline.process_item(item)
        except DropItem as exc:
            return exc

    async def main():
        return await asyncio.gather(*(one(item) for item in items))

    try:
        return asyncio.run(main())
    finally:
        pipeline.close_spider()


def _count(table) -> int:
    with session_scope() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_a_burst_of_notices_is_stored_in_batches_and_counted(clean_db):
    crawler = get_crawler()
    pipeline = StorePipeline(crawler.stats, batch_size=100)
    postings = [recruitment(title=f"Exam {n} 2026", advt_no=f"{n}/2026") for n in range(120)]
    done = _run(pipeline, [_item(p) for p in postings])
    assert [d["stored"]["outcome"] for d in done] == ["insert"] * 120
    assert crawler.stats.get_value("jobs/store/insert") == 120 and _count(Job) == 120

    again = StorePipeline(crawler.stats, batch_size=8)
    assert {d["stored"]["outcome"] for d in _run(again, [_item(p) for p in postings])} == {"noop"}
    assert _count(Job) == 120 and _count(JobEvent) == 120


def test_a_notice_that_contradicts_its_job_is_quarantined_and_the_batch_goes_on(clean_db):
    crawler = get_crawler()
    first = recruitment(title="Exam 1 2026", advt_no="1/2026")
    _run(StorePipeline(crawler.stats), [_item(first)])
    # A newer notice of the same advertisement whose last date is before the stored start date.
    clash = recruitment(title="Exam 1 2026 Corrigendum", advt_no="1/2026", source_url="https://example.in/clash",
                        notice_date=dt.date(2026, 1, 20), apply_start=None,
                        apply_last=first.apply_start - dt.timedelta(days=30))
    other = recruitment(title="Exam 2 2026", advt_no="2/2026")
    done = _run(StorePipeline(crawler.stats), [_item(clash), _item(other)])
    assert isinstance(done[0], DropItem) and "contradicts" in str(done[0])
    assert done[1]["stored"]["outcome"] == "insert"
    with session_scope() as session:
        row = session.scalars(select(Quarantine)).one()
        assert row.source_url == "https://example.in/clash" and "contradicts" in row.reason


def test_a_database_that_goes_away_spools_every_notice_and_replay_stores_them(clean_db, pg_url, monkeypatch):
    monkeypatch.setenv("JOBS_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    crawler = get_crawler()
    pipeline = StorePipeline(crawler.stats, batch_size=50)
    pipeline.notices.retry_delay = 0
    postings = [recruitment(title=f"Exam {n} 2026", advt_no=f"{n}/2026", source="spooltest") for n in range(5)]
    path = spool_path("spooltest")
    path.unlink(missing_ok=True)
    done = _run(pipeline, [_item(p) for p in postings])
    assert all(isinstance(d, DropItem) and "database unavailable" in str(d) for d in done)
    assert crawler.stats.get_value("jobs/error/database") == 5
    kept = [json.loads(line) for line in path.read_text().splitlines()]
    assert sorted(k["raw"]["title"] for k in kept) == sorted(p.title for p in postings)
    assert all(k["reason"].startswith("database unavailable") for k in kept)

    # Still down: the replay keeps every item. Back up: it stores them and empties the spool.
    assert replay_file(path, dt.date(2026, 1, 20)) == {"stored": 0, "quarantined": 0, "left": 5}
    monkeypatch.setenv("JOBS_DATABASE_URL", pg_url)
    assert replay_file(path, dt.date(2026, 1, 20)) == {"stored": 5, "quarantined": 0, "left": 0}
    assert not path.exists() and _count(Job) == 5


@pytest.mark.parametrize("batch_size", [1, 100])
def test_notices_of_one_job_in_one_batch_merge_into_one_job(clean_db, batch_size):
    crawler = get_crawler()
    base = recruitment(title="Exam 7 2026", advt_no="7/2026")
    admit = recruitment(title="Exam 7 2026 Admit Card", advt_no="7/2026", stage="admit_card",
                        source_url="https://example.in/exam-7-admit")
    done = _run(StorePipeline(crawler.stats, batch_size=batch_size), [_item(base), _item(admit)])
    assert [d["stored"]["outcome"] for d in done] == ["insert", "update"]
    assert _count(Job) == 1 and _count(JobEvent) == 2
