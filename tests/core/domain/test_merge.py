"""merge_notices: a pure function of the set of notices, official facts first, with provenance."""

import datetime as dt
import itertools

from core.domain.merge import merge_notices
from core.domain.schema import JobPosting


def notice(source, kind, **fields):
    base = {"source": source, "source_kind": kind, "source_url": f"https://{source}.in/n", "organisation": "Railway Recruitment Board",
            "organisation_short": "RRB", "title": "RRB Group-D Recruitment 2026", "advt_no": "CEN 09/2025",
            "stage": "recruitment"}
    return JobPosting.model_validate({**base, **fields})


NOTICES = [
    notice("sarkariafsar", "aggregator", apply_last=dt.date(2026, 3, 2), total_posts=22195, fees={"general": 500}),
    notice("rrb_chandigarh", "official", apply_last=dt.date(2026, 3, 5), title="CEN 09/2025 Level 1"),
    notice("rojgarresult", "aggregator", title="RRB Group D Admit Card 2026", stage="admit_card",
           notice_date=dt.date(2026, 6, 1), admit_card_date=dt.date(2026, 6, 1)),
]


def test_official_facts_win_and_provenance_names_each_source():
    job, provenance = merge_notices(NOTICES)
    assert job.apply_last == dt.date(2026, 3, 5) and provenance["apply_last"] == "rrb_chandigarh"
    assert job.total_posts == 22195 and provenance["total_posts"] == "sarkariafsar"
    assert job.fees.general == 500 and provenance["fees.general"] == "sarkariafsar"
    assert job.admit_card_date == dt.date(2026, 6, 1) and provenance["admit_card_date"] == "rojgarresult"


def test_the_stage_is_the_latest_and_the_title_the_recruitment_one():
    job, provenance = merge_notices(NOTICES)
    assert job.stage.value == "admit_card" and provenance["stage"] == "rojgarresult"
    assert job.title == "CEN 09/2025 Level 1"


def test_every_order_gives_the_same_job():
    results = {merge_notices(list(order))[0].model_dump_json() for order in itertools.permutations(NOTICES)}
    assert len(results) == 1


def test_two_aggregators_with_the_same_title_name_one_source_in_any_order():
    # Two aggregators post the same title on the same day: which one the provenance names must
    # not depend on which spider's item came first.
    same = [notice("sarkariresult", "aggregator", title="CSIR NET Online Form 2018", notice_date=dt.date(2018, 3, 1)),
            notice("sarkariexam", "aggregator", title="CSIR NET Online Form 2018", notice_date=dt.date(2018, 3, 1))]
    results = {tuple(merge_notices(list(order))[1].items()) for order in itertools.permutations(same)}
    assert len(results) == 1


def test_each_fact_keeps_the_evidence_of_the_notice_it_was_taken_from():
    pdf = "https://rrbcdg.gov.in/cen-09-2025.pdf"
    official = notice("rrb_chandigarh", "official", apply_last=dt.date(2026, 3, 5), total_posts=22000,
                      evidence={"apply_last": {"document": pdf, "page": 2, "quote": "Closing date: 05.03.2026"},
                                "total_posts": {"document": pdf, "page": 3, "quote": "Total 22000"}})
    aggregator = notice("sarkariafsar", "aggregator", apply_last=dt.date(2026, 3, 2), fees={"general": 500},
                        evidence={"apply_last": {"document": "https://sarkariafsar.com/x", "quote": "Last Date : 02/03/2026"},
                                  "fees.general": {"document": "https://sarkariafsar.com/x", "quote": "General : 500/-"}})
    job, _ = merge_notices([aggregator, official])
    assert job.evidence["apply_last"].document == pdf and job.evidence["apply_last"].page == 2
    assert job.evidence["fees.general"].quote == "General : 500/-"
    assert set(job.evidence) == {"apply_last", "total_posts", "fees.general"}


def test_a_job_is_a_recruitment_when_any_of_its_notices_is_one():
    admit = notice("rojgarresult", "aggregator", stage="admit_card", notice_date=dt.date(2026, 6, 1))
    assert merge_notices([admit])[0].kind.value == "admit_card"
    assert merge_notices([admit, NOTICES[0]])[0].kind.value == "recruitment"
