"""The snapshot is sorted and complete, so a build is a pure function of it."""

from __future__ import annotations

import datetime as dt

from core.domain.schema import JobPosting
from core.storage.snapshot import read_snapshot, take_snapshot, write_snapshot
from core.storage.store import upsert_job


def _posting(title: str, **extra) -> JobPosting:
    return JobPosting(source="upsc", source_url=f"https://upsc.gov.in/{title.replace(' ', '-')}",
                      organisation="Union Public Service Commission", organisation_short="UPSC",
                      title=title, **extra)


def test_snapshot_is_sorted_by_slug_and_byte_stable(db_session, tmp_path):
    for title in ("Zoologist Recruitment 2018", "Assistant Engineer Recruitment 2018", "Foreman Result 2018"):
        upsert_job(db_session, _posting(title), dt.date(2018, 3, 15))
    snapshot = take_snapshot(db_session)
    slugs = [job["slug"] for job in snapshot["jobs"]]
    assert slugs == sorted(slugs) and len(slugs) == 3
    first = write_snapshot(snapshot, tmp_path / "a.json").read_bytes()
    second = write_snapshot(take_snapshot(db_session), tmp_path / "b.json").read_bytes()
    assert first == second
    assert read_snapshot(tmp_path / "a.json") == snapshot


def test_snapshot_record_carries_events_and_seo(db_session):
    upsert_job(db_session, _posting("Engineering Services Examination 2018", notice_date=dt.date(2018, 1, 2)),
               dt.date(2018, 3, 15))
    record = take_snapshot(db_session)["jobs"][0]
    assert record["events"][0]["date"] == "2018-01-02"
    assert set(record["seo"]) == {"title", "description", "summary", "faq", "origin"}
    assert record["facts"]["organisation_short"] == "UPSC"


def test_a_job_stored_as_not_a_job_notice_is_left_out(db_session):
    upsert_job(db_session, _posting("Tender for Taxi Hiring 2016-17", kind="not_job",
                                    kind_reason="a tender: the title says 'Tender'"), dt.date(2018, 3, 15))
    upsert_job(db_session, _posting("Assistant Engineer Recruitment 2018"), dt.date(2018, 3, 15))
    assert [j["facts"]["title"] for j in take_snapshot(db_session)["jobs"]] == ["Assistant Engineer Recruitment 2018"]
