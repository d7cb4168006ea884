"""Near duplicates: same organisation and year, similar subject, facts that do not contradict."""

import datetime as dt

from core.domain.near_duplicates import best_match, contradiction, is_near_duplicate, subject
from core.domain.schema import JobPosting


def job(title, **fields):
    base = {"source": "t", "source_url": "https://example.in/", "organisation": "Rajasthan Police",
            "organisation_short": "Rajasthan Police", "title": title}
    return JobPosting.model_validate({**base, **fields})


def test_subject_drops_organisation_stage_and_filler_words():
    assert subject(job("Rajasthan Police Constable Bharti 2025 Online Form")) == "constable"


def test_the_same_recruitment_titled_differently_is_a_near_duplicate():
    assert is_near_duplicate(job("Rajasthan Police Constable Bharti 2025"),
                             job("Rajasthan Police Constable Recruitment 2025 Apply Online"))


def test_a_re_titled_page_a_year_later_with_the_same_dates_is_the_same_job():
    dates = {"apply_start": dt.date(2025, 4, 28), "apply_last": dt.date(2025, 5, 25)}
    assert is_near_duplicate(job("Rajasthan Police Constable Recruitment 2025", **dates),
                             job("Rajasthan Police Constable Joining Order 2026", **dates))
    assert contradiction(job("Rajasthan Police Constable Recruitment 2025"),
                         job("Rajasthan Police Constable Joining Order 2026")) == "different years"


def test_different_subjects_with_identical_dates_are_different_jobs():
    dates = {"organisation": "Bihar Public Service Commission", "organisation_short": "BPSC",
             "apply_start": dt.date(2026, 1, 12), "apply_last": dt.date(2026, 2, 2)}
    assert not is_near_duplicate(job("Bihar BPSC ACF Recruitment 2026", **dates),
                                 job("Bihar BPSC Factory Inspector Recruitment 2026", **dates))


def test_contradicting_facts_are_never_near_duplicates():
    a = job("Rajasthan Police Constable Recruitment 2025", apply_last=dt.date(2025, 5, 25))
    assert "too far apart" in contradiction(a, job("Rajasthan Police Constable Bharti 2025", apply_last=dt.date(2025, 11, 1)))
    assert contradiction(job("X 2025", advt_no="01/2025"), job("X 2025", advt_no="02/2025")) == "different advertisement numbers"
    other_org = job("Rajasthan Police Constable 2025", organisation="Rajasthan Public Service Commission", organisation_short="RPSC")
    assert contradiction(job("Rajasthan Police Constable 2025"), other_org) == "different organisations"


def test_best_match_is_order_independent():
    posting = job("Rajasthan Police Constable Bharti 2025")
    candidates = [(7, job("Rajasthan Police Constable Recruitment 2025")), (3, job("Rajasthan Police Constable Online Form 2025")),
                  (5, job("Rajasthan Police SI Recruitment 2025"))]
    assert best_match(posting, candidates) == best_match(posting, candidates[::-1]) == 3
