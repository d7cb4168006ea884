"""The one ingest path on real PostgreSQL: stored, quarantined, spooled, duplicate; release; replay."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from core import ingest
from core.ingest import Ingest, StillRejected, release, replay_spool
from core.storage.database import session_scope
from core.storage.quarantine import quarantine_item
from core.storage.spool import read_spool, spool_files, spool_path
from core.storage.tables import Job, JobEvent, Quarantine

DAY = dt.date(2026, 2, 15)
AGGREGATOR = "https://www.sarkariafsar.com/feed/posts.json"


def raw(n: int, **fields) -> dict:
    return {"source": "ingesttest", "source_kind": "official", "source_url": f"https://rrb.example.in/notice-{n}",
            "organisation": "Railway Recruitment Board", "title": f"Recruitment of Technicians CEN {n:02d}/2026",
            "important_dates": ["Last Date : 02-03-2026"], **fields}


def count(table) -> int:
    with session_scope() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_every_raw_notice_ends_stored_quarantined_or_duplicate_with_a_reason(clean_db):
    run = Ingest()
    outcomes = run.run([raw(1), raw(2), raw(1), raw(3, organisation=None), raw(4, title="")], DAY)
    run.close()
    assert [o.kind for o in outcomes] == ["stored", "stored", "duplicate", "quarantined", "quarantined"]
    assert outcomes[3].reason == "missing required fact: organisation"
    assert count(Job) == 2 and count(Quarantine) == 2
    assert run.stats.get_value("jobs/store/insert") == 2
    assert run.stats.get_value("jobs/duplicate/same_notice") == 1
    assert run.stats.get_value("jobs/quarantine/missing_required_fact") == 2


def test_a_second_run_of_the_same_notices_changes_nothing(clean_db):
    notices = [raw(n) for n in range(1, 6)]
    Ingest().run(notices, DAY)
    again = Ingest().run(notices, DAY)
    assert {o.result.outcome for o in again} == {"noop"}
    assert count(Job) == 5 and count(JobEvent) == 5


def test_a_parser_bug_costs_one_notice_not_the_run(clean_db, monkeypatch):
    def broken(data):
        if data["source_url"].endswith("-2"):
            raise RuntimeError("boom")
        return real(data)

    real = ingest.normalise_job
    monkeypatch.setattr(ingest, "normalise_job", broken)
    outcomes = Ingest().run([raw(1), raw(2), raw(3)], DAY)
    assert [o.kind for o in outcomes] == ["stored", "quarantined", "stored"]
    assert outcomes[1].reason == "normalise failed: RuntimeError: boom"


def test_a_database_that_goes_away_spools_every_notice_and_replay_stores_them(clean_db, pg_url, monkeypatch):
    for path in spool_files():
        path.unlink()
    monkeypatch.setenv("JOBS_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    run = Ingest()
    run.store.retry_delay = 0
    outcomes = run.run([raw(n) for n in range(5)] + [raw(9, organisation=None)], DAY)
    assert [o.kind for o in outcomes] == ["spooled"] * 6
    assert all("database unavailable" in o.reason for o in outcomes)
    kept = list(read_spool(spool_path("ingesttest")))
    assert len(kept) == 6 and all(k["reason"].startswith("database unavailable") for k in kept)

    # Still down: the replay keeps every item. Back up: it stores them and empties the spool.
    assert replay_spool(DAY) == {"ingesttest": {"stored": 0, "quarantined": 0, "left": 6}}
    monkeypatch.setenv("JOBS_DATABASE_URL", pg_url)
    assert replay_spool(DAY) == {"ingesttest": {"stored": 5, "quarantined": 1, "left": 0}}
    assert spool_files() == [] and count(Job) == 5 and count(Quarantine) == 1


def test_release_refuses_an_item_that_still_fails_and_accepts_a_fixed_one(clean_db):
    item = {"source": "sarkariafsar", "source_kind": "aggregator", "source_url": f"{AGGREGATOR}#vdo",
            "title": "Village Development Officer Recruitment 2025"}
    with session_scope() as session:
        quarantine_item(session, "sarkariafsar", item["source_url"], "missing required fact: organisation", item)
        item_id = session.scalars(select(Quarantine.id)).one()
    with pytest.raises(StillRejected, match="still fails: missing required fact: organisation"):
        release(item_id, seen_on=DAY)
    assert count(Job) == 0
    stored = release(item_id, {"organisation": "RSSB"}, DAY)
    assert stored.outcome == "insert"
    with session_scope() as session:
        assert session.get(Job, stored.job_id).organisation_short == "RSSB"
        assert session.get(Quarantine, item_id).released_at is not None
    with pytest.raises(StillRejected, match="already released"):
        release(item_id, seen_on=DAY)
    with pytest.raises(LookupError):
        release(item_id + 1000, seen_on=DAY)


TENDER = {"source": "ingesttest", "source_kind": "official", "organisation": "Railway Recruitment Board",
          "source_url": "http://rrbcdg.gov.in/uploads/TENDER_OF_AC_TAXI_16-17.PDF", "title": "Tender for Taxi Hiring 2016-17"}


def test_a_notice_that_is_not_a_job_is_stored_apart_with_its_kind_and_counted_as_stored(clean_db):
    from core.storage.tables import OtherNotice

    run = Ingest()
    [outcome] = run.run([TENDER], DAY)
    assert outcome.kind == "stored" and run.stats.get_value("jobs/store/not_job") == 1
    assert count(Job) == 0 and count(OtherNotice) == 1
    with session_scope() as session:
        row = session.scalars(select(OtherNotice)).one()
        assert (row.kind, row.kind_reason, row.first_seen) == ("not_job", "a tender: the title says 'Tender'", DAY)


def test_a_recrawled_non_job_notice_changes_nothing_but_its_last_seen_day(clean_db):
    from core.storage.tables import OtherNotice

    Ingest().run([TENDER], DAY)
    [again] = Ingest().run([TENDER], DAY + dt.timedelta(days=1))
    assert again.result.change == "noop" and count(OtherNotice) == 1
    with session_scope() as session:
        assert session.scalars(select(OtherNotice.last_seen)).one() == DAY + dt.timedelta(days=1)


def test_a_batch_of_jobs_and_non_jobs_stores_each_where_it_belongs(clean_db):
    from core.storage.tables import OtherNotice

    outcomes = Ingest().run([raw(1), TENDER, raw(2)], DAY)
    assert [o.result.outcome for o in outcomes] == ["insert", "not_job", "insert"]
    assert count(Job) == 2 and count(OtherNotice) == 1
