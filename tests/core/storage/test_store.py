"""The store on real PostgreSQL: insert / update / noop, revisions, lifecycle events, merging."""

import datetime as dt

from sqlalchemy import func, select

from core.domain.schema import JobPosting
from core.storage.store import upsert_job, upsert_jobs
from core.storage.tables import Job, JobEvent, JobRevision

DAY = dt.date(2026, 2, 15)
AGGREGATOR = "https://www.sarkariafsar.com/feed/posts.json"


def notice(**fields) -> JobPosting:
    base = {
        "source": "sarkariafsar", "source_kind": "aggregator", "source_url": f"{AGGREGATOR}#rrb-group-d",
        "organisation": "Railway Recruitment Board", "organisation_short": "RRB",
        "title": "RRB Group-D Recruitment 2026", "stage": "recruitment", "advt_no": "CEN 09/2025",
        "apply_start": dt.date(2026, 1, 31), "apply_last": dt.date(2026, 3, 2), "total_posts": 22195,
        "fees": {"general": 500, "sc_st": 250},
    }
    return JobPosting.model_validate({**base, **fields})


def count(session, table) -> int:
    return session.scalar(select(func.count()).select_from(table))


def test_insert_then_the_same_notice_again_is_a_noop(db_session):
    first = upsert_job(db_session, notice(), DAY)
    again = upsert_job(db_session, notice(), DAY + dt.timedelta(days=1))
    assert (first.outcome, again.outcome) == ("insert", "noop")
    assert again.job_id == first.job_id and again.slug == first.slug
    assert count(db_session, Job) == 1 and count(db_session, JobRevision) == 0
    assert db_session.get(Job, first.job_id).last_seen == DAY + dt.timedelta(days=1)


def test_a_changed_fact_updates_the_job_and_keeps_a_revision(db_session):
    first = upsert_job(db_session, notice(), DAY)
    second = upsert_job(db_session, notice(apply_last=dt.date(2026, 3, 10)), DAY)
    assert second.outcome == "update" and second.job_id == first.job_id
    revision = db_session.scalars(select(JobRevision)).one()
    assert revision.changes["apply_last"] == ["2026-03-02", "2026-03-10"]
    assert db_session.get(Job, first.job_id).apply_last == dt.date(2026, 3, 10)


def test_a_new_stage_appends_a_lifecycle_event_under_the_same_slug(db_session):
    first = upsert_job(db_session, notice(), DAY)
    admit = notice(title="RRB Group-D Admit Card 2026", stage="admit_card", source_url=f"{AGGREGATOR}#rrb-group-d-admit-card",
                   admit_card_date=dt.date(2026, 6, 1), notice_date=dt.date(2026, 6, 1),
                   links=[{"label": "Download Admit Card", "url": "https://rrbapply.gov.in/admit", "kind": "admit_card"}])
    second = upsert_job(db_session, admit, DAY)
    assert second.outcome == "update" and second.slug == first.slug
    job = db_session.get(Job, first.job_id)
    assert job.stage == "admit_card" and job.title == "RRB Group-D Recruitment 2026"
    events = db_session.scalars(select(JobEvent).where(JobEvent.job_id == job.id).order_by(JobEvent.id)).all()
    assert [(e.stage, e.event_date, e.link) for e in events][1] == (
        "admit_card", dt.date(2026, 6, 1), "https://rrbapply.gov.in/admit")
    assert len(events) == 2


def test_official_facts_win_over_the_aggregator_with_per_field_provenance(db_session):
    upsert_job(db_session, notice(), DAY)
    official = notice(source="rrb_chandigarh", source_kind="official", source_url="https://rrbcdg.gov.in/cen-09-2025.pdf",
                      title="CEN 09/2025 Level 1 Posts", apply_last=dt.date(2026, 3, 5), fees={}, total_posts=None)
    result = upsert_job(db_session, official, DAY)
    job = db_session.get(Job, result.job_id)
    assert result.outcome == "update" and count(db_session, Job) == 1
    assert job.apply_last == dt.date(2026, 3, 5)
    assert job.provenance["apply_last"] == "rrb_chandigarh"
    assert job.provenance["total_posts"] == "sarkariafsar"  # the official notice does not say it
    assert job.provenance["fees.general"] == "sarkariafsar" and job.fees["general"] == 500


def test_the_merge_does_not_depend_on_the_order_notices_arrive_in(db_session):
    a = notice()
    b = notice(source="rrb_chandigarh", source_kind="official", source_url="https://rrbcdg.gov.in/cen.pdf",
               title="CEN 09/2025 Level 1 Posts", apply_last=dt.date(2026, 3, 5))
    facts = []
    for order in ((a, b), (b, a)):
        savepoint = db_session.begin_nested()
        for n in order:
            result = upsert_job(db_session, n, DAY)
        job = db_session.get(Job, result.job_id)
        facts.append((job.facts, job.provenance, job.content_hash))
        savepoint.rollback()
    assert facts[0] == facts[1]


def test_a_re_crawl_of_every_notice_is_a_noop(db_session):
    notices = [notice(), notice(title="RRB Group-D Admit Card 2026", stage="admit_card", source_url=f"{AGGREGATOR}#admit")]
    for n in notices:
        upsert_job(db_session, n, DAY)
    assert [upsert_job(db_session, n, DAY).outcome for n in notices] == ["noop", "noop"]


def test_near_duplicates_within_an_organisation_merge_into_one_job(db_session):
    police = {"organisation": "Rajasthan Police", "organisation_short": "Rajasthan Police", "advt_no": None,
              "apply_start": dt.date(2025, 4, 28), "apply_last": dt.date(2025, 5, 25), "total_posts": 10036}
    first = upsert_job(db_session, notice(**police, title="Rajasthan Police Constable Bharti 2025",
                                          source="aggregator_a", source_url="https://a.example/raj-police"), DAY)
    second = upsert_job(db_session, notice(**police, title="Rajasthan Police Constable Joining Order 2026", stage="joining_order",
                                           source_url=f"{AGGREGATOR}#raj-police-joining"), DAY)
    assert second.outcome == "update" and second.job_id == first.job_id
    assert count(db_session, Job) == 1 and count(db_session, JobEvent) == 2


def test_different_jobs_of_one_organisation_with_the_same_dates_stay_apart(db_session):
    bpsc = {"organisation": "Bihar Public Service Commission", "organisation_short": "BPSC", "advt_no": None,
            "apply_start": dt.date(2026, 1, 12), "apply_last": dt.date(2026, 2, 2), "total_posts": None}
    upsert_job(db_session, notice(**bpsc, title="Bihar BPSC ACF Recruitment 2026", source_url=f"{AGGREGATOR}#acf"), DAY)
    second = upsert_job(db_session, notice(**bpsc, title="Bihar BPSC Factory Inspector Recruitment 2026",
                                           source_url=f"{AGGREGATOR}#fi"), DAY)
    assert second.outcome == "insert" and count(db_session, Job) == 2


def test_the_slug_is_readable_and_stable(db_session):
    result = upsert_job(db_session, notice(advt_no=None, organisation="Rajasthan Police", organisation_short="Rajasthan Police",
                                           title="Rajasthan Police Constable Recruitment 2025 Online Form"), DAY)
    assert result.slug.startswith("rajasthan-police-constable-2025-") and len(result.slug.rsplit("-", 1)[1]) == 6


def test_a_batch_merges_near_duplicates_and_stages_it_has_not_written_yet(db_session):
    police = {"organisation": "Rajasthan Police", "organisation_short": "Rajasthan Police", "advt_no": None,
              "apply_start": dt.date(2025, 4, 28), "apply_last": dt.date(2025, 5, 25), "total_posts": 10036}
    batch = [
        notice(**police, title="Rajasthan Police Constable Bharti 2025", source="aggregator_a",
               source_url="https://a.example/raj-police"),
        notice(**police, title="Rajasthan Police Constable Joining Order 2026", stage="joining_order",
               source_url=f"{AGGREGATOR}#raj-police-joining"),
        notice(),
        notice(title="RRB Group-D Admit Card 2026", stage="admit_card", source_url=f"{AGGREGATOR}#admit",
               admit_card_date=dt.date(2026, 6, 1), notice_date=dt.date(2026, 6, 1)),
    ]
    results = upsert_jobs(db_session, batch, DAY)
    assert [r.outcome for r in results] == ["insert", "update", "insert", "update"]
    assert results[0].job_id == results[1].job_id and results[2].job_id == results[3].job_id
    assert count(db_session, Job) == 2 and count(db_session, JobEvent) == 4 and count(db_session, JobRevision) == 2
    # The same batch again, one notice at a time: every notice stays with its job.
    assert [upsert_job(db_session, n, DAY).outcome for n in batch] == ["noop"] * 4
