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
    assert outcome.kind == "stored" and run.stats.get_value("jobs/not_job/insert") == 1
    assert run.stats.get_value("jobs/store/insert") == 1  # stored: scraped = stored + quarantined + … holds
    assert count(Job) == 0 and count(OtherNotice) == 1
    with session_scope() as session:
        row = session.scalars(select(OtherNotice)).one()
        assert (row.kind, row.kind_reason, row.first_seen) == ("not_job", "a tender: the title says 'Tender'", DAY)


def test_a_recrawled_non_job_notice_changes_nothing_but_its_last_seen_day(clean_db):
    from core.storage.tables import OtherNotice

    Ingest().run([TENDER], DAY)
    run = Ingest()
    [again] = run.run([TENDER], DAY + dt.timedelta(days=1))
    assert again.result.change == "noop" and count(OtherNotice) == 1
    assert run.stats.get_value("jobs/store/noop") == 1  # a second crawl is unchanged, as for jobs
    with session_scope() as session:
        assert session.scalars(select(OtherNotice.last_seen)).one() == DAY + dt.timedelta(days=1)


def test_a_batch_of_jobs_and_non_jobs_stores_each_where_it_belongs(clean_db):
    from core.storage.tables import OtherNotice

    outcomes = Ingest().run([raw(1), TENDER, raw(2)], DAY)
    assert [o.result.outcome for o in outcomes] == ["insert", "not_job", "insert"]
    assert count(Job) == 2 and count(OtherNotice) == 1


# RRB ALP 2018 (CEN 01/2018) and RRB Group D 2018 (CEN 02/2018) as the captured boards give them.
def _board(title, url, date):
    return {"source": "rrb_chandigarh", "source_kind": "official", "organisation": "Railway Recruitment Board",
            "source_url": url, "title": title, "notice_date": date, "links": [{"label": title, "url": url}]}


def _aggregator(source, title, url, **fields):
    return {"source": source, "source_kind": "aggregator", "source_url": url, "title": title,
            "notice_kind": "Latest Jobs", "links": [{"label": title, "url": url}], **fields}


ALP_2018 = [
    _aggregator("sarkariresult", "Railway RRB ALP, Technician 26502 Post Online Form 2018",
                "http://www.sarkariresult.com/page/rrb012018.php"),
    _board("CEN-01/2018 - Detailed Centralised Employment Notice for Recruitment of Assistant Loco Pilot (ALP) & "
           "Technicians.", "http://rrbcdg.gov.in/uploads/Detailed-CEN-01-2018.pdf", "02-02-2018"),
    _board("CEN-01/2018 - Click here to apply for the Posts of ALP & Technicians",
           "https://www.rly-rect-appn.in/alptech2017", "02-02-2018"),
    _board("CEN-01/2018 - Corrigendum to Detailed CEN (ALP & Technician)",
           "http://rrbcdg.gov.in/uploads/Corrigendum--CEN-01-2018.pdf", "01-03-2018"),
    _aggregator("rojgarresult", "Railway RRB ALP | Technician Online Form 2018",
                "http://www.rojgarresult.com/2018/rrbalptechnician.php", important_dates=["Last Date : 31 March 2018"]),
    _aggregator("sarkariexam", "RRB ALP Recruitment Bharti 2018 For 26502 Post (Last Date Extended)",
                "http://www.sarkariexam.com/rrb-alp-recruitment-bharti-2018/297658"),
]
GROUP_D_2018 = [
    _board("CEN-02/2018 - Detailed Centralized Employment Notification for the Recruitment of various posts in "
           "Level-1 of 7th CPC Pay Matrix.", "http://rrbcdg.gov.in/uploads/Detailed-CEN-2-18--English.pdf", "09-02-2018"),
    _aggregator("sarkariresult", "Railway RRB Group D 62907 Post Online Form 2018 (Updated)",
                "http://www.sarkariresult.com/page/rrb022018.php"),
    _aggregator("rojgarresult", "RRB Railway Group D Online Form 2018", "http://www.rojgarresult.com/2018/rrbgroupd.php",
                important_dates=["Last Date : 31 March 2018"]),
    _aggregator("sarkariexam", "Railway Group D Form 2018 – Last Date Extended till 31st March",
                "http://www.sarkariexam.com/railway-recruitment-cell-recruitment/79320", organisation="Railway"),
]


def test_one_recruitment_reported_by_a_board_and_three_aggregators_is_one_job(clean_db):
    Ingest().run(ALP_2018, DAY)
    assert count(Job) == 1 and count(JobEvent) == len(ALP_2018)


def test_rrb_group_d_2018_is_one_job_whichever_source_came_first(clean_db):
    Ingest().run(GROUP_D_2018[1:], DAY)
    Ingest().run(GROUP_D_2018[:1], DAY)
    assert count(Job) == 1


def test_two_recruitments_of_one_board_are_never_merged(clean_db):
    Ingest().run(ALP_2018 + GROUP_D_2018, DAY)
    assert count(Job) == 2


def test_a_cancellation_with_the_same_number_joins_its_recruitment_as_a_corrigendum(clean_db):
    notice = {"source": "ingesttest", "organisation": "Odisha Staff Selection Commission",
              "source_url": "http://ossc.gov.in/archive.php"}
    Ingest().run([{**notice, "title": "ADVERTISEMENT NO. 2779/OSSC FOR THE POST OF ASSISTANT TRAINING OFFICER"}], DAY)
    [cancelled] = Ingest().run([{**notice, "title": "CANCELLATION OF ADVERTISEMENT NO. 2779/OSSC OF ASSISTANT "
                                                    "TRAINING OFFICER"}], DAY)
    assert count(Job) == 1 and cancelled.result.job_id is not None
    with session_scope() as session:
        kinds = session.scalars(select(JobEvent.kind).order_by(JobEvent.id)).all()
    assert kinds == ["recruitment", "corrigendum"]
