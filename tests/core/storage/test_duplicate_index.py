"""The near-duplicate index on real PostgreSQL: what other writers stored, and what it holds itself."""

import datetime as dt

from core.domain.schema import JobPosting
from core.storage import duplicate_index
from core.storage.duplicate_index import NearDuplicateIndex
from core.storage.store import upsert_jobs
from tests.core.storage.test_store import DAY, notice

POLICE = {"organisation": "Rajasthan Police", "organisation_short": "Rajasthan Police", "advt_no": None,
          "apply_start": dt.date(2025, 4, 28), "apply_last": dt.date(2025, 5, 25), "total_posts": 10036}


def constable(**fields):
    return notice(**{**POLICE, "title": "Rajasthan Police Constable Bharti 2025", "source": "aggregator_a",
                     "source_url": "https://a.example/raj-police", **fields})


def joining_order():
    return notice(**POLICE, title="Rajasthan Police Constable Joining Order 2026", stage="joining_order",
                  source_url="https://b.example/raj-police-joining")


def _facts_read(monkeypatch) -> list:
    """The facts the index reads from the database (each one validated into a JobPosting)."""
    read = []

    class Spy:
        @staticmethod
        def model_validate(facts):
            read.append(facts["title"])
            return JobPosting.model_validate(facts)

    monkeypatch.setattr(duplicate_index, "JobPosting", Spy)
    return read


def test_a_job_another_writer_stored_is_read_and_matched(db_session, monkeypatch):
    mine, theirs = NearDuplicateIndex(), NearDuplicateIndex()
    upsert_jobs(db_session, [constable(title="Rajasthan Police SI Bharti 2025", total_posts=1015)], DAY, mine)
    [first] = upsert_jobs(db_session, [constable()], DAY, theirs)
    read = _facts_read(monkeypatch)
    [second] = upsert_jobs(db_session, [joining_order()], DAY, mine)
    assert second.outcome == "update" and second.job_id == first.job_id
    assert read == ["Rajasthan Police Constable Bharti 2025"]  # only the job it did not write


def test_the_jobs_it_wrote_are_not_read_back(db_session, monkeypatch):
    index = NearDuplicateIndex()
    read = _facts_read(monkeypatch)
    [first] = upsert_jobs(db_session, [constable()], DAY, index)
    [second] = upsert_jobs(db_session, [joining_order()], DAY, index)
    assert second.outcome == "update" and second.job_id == first.job_id
    assert read == []  # the second batch matched the job it held, without its facts sent again


def test_a_job_held_under_its_short_name_is_held_under_its_full_name_too(db_session, monkeypatch):
    index = NearDuplicateIndex()
    [first] = upsert_jobs(db_session, [constable(organisation_short="RP")], DAY, index)
    read = _facts_read(monkeypatch)
    full_name = constable(organisation_short=None, title="Rajasthan Police Driver Bharti 2025",
                          source_url="https://a.example/raj-police-driver")
    upsert_jobs(db_session, [constable(organisation_short="RP", stage="admit_card"), full_name], DAY, index)
    held = index._jobs[(True, "RP")][first.job_id]
    assert index._jobs[(False, "Rajasthan Police")][first.job_id] is held and read == []
