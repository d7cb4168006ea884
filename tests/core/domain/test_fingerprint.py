"""The natural key (organisation + advt/exam + year) and the readable, stable slug."""

from core.domain.fingerprint import advt_key, job_fingerprint, job_slug
from core.domain.schema import JobPosting


def job(title, **fields):
    base = {"source": "t", "source_url": "https://example.in/", "organisation": "Railway Recruitment Board",
            "organisation_short": "RRB", "title": title}
    return JobPosting.model_validate({**base, **fields})


def test_advt_numbers_written_differently_give_one_key():
    assert advt_key("CEN-02/2018") == advt_key("CEN 02-2018") == advt_key("CEN 02/2018") == "cen-2-2018"
    assert advt_key("Advt. No. 03/2025") == advt_key("03/2025")


def test_the_key_ignores_the_stage_words_an_aggregator_adds():
    titles = ["Rajasthan Police Constable Online Form 2025", "Rajasthan Police Constable Admit Card 2025",
              "Rajasthan Police Constable Result 2025", "Rajasthan Police Constable Recruitment 2025"]
    keys = {job_fingerprint(job(t, organisation="Rajasthan Police", organisation_short="Rajasthan Police")) for t in titles}
    assert keys == {"rajasthan-police/rajasthan-police-constable/2025"}


def test_the_advertisement_number_keys_the_job_not_the_title_or_url():
    a = job("RRB Group-D Recruitment 2026", advt_no="CEN 09/2025", source_url="https://a.in/1")
    b = job("Level 1 posts notice", advt_no="CEN-09/2025", source_url="https://b.in/2")
    assert job_fingerprint(a) == job_fingerprint(b) == "rrb/advt-cen-9-2025"


def test_a_different_year_is_a_different_job():
    assert job_fingerprint(job("NTPC Recruitment 2025")) != job_fingerprint(job("NTPC Recruitment 2026"))


def test_slug_is_organisation_subject_year_and_a_hash():
    j = job("Recruitment to 47 Posts of Junior Engineer 2025", organisation="Union Public Service Commission",
            organisation_short="UPSC")
    slug = job_slug(j, job_fingerprint(j))
    assert slug.startswith("upsc-junior-engineer-2025-")
    assert len(slug.rsplit("-", 1)[1]) == 6


def test_slug_has_no_leftover_leading_to_or_of():
    j = job("Of the Posts of Sub Inspector 2025", organisation="Rajasthan Public Service Commission", organisation_short="RPSC")
    assert job_slug(j, "x").startswith("rpsc-posts-sub-inspector-2025-")


def test_slug_does_not_repeat_an_organisation_in_the_title():
    j = job("Rajasthan Police Constable Joining Order 2026", organisation="Rajasthan Police", organisation_short="Rajasthan Police")
    assert job_slug(j, "k").startswith("rajasthan-police-constable-2026-")


def test_slug_is_a_pure_function_of_the_job_and_key():
    j = job("RRB Group-D Recruitment 2026")
    assert job_slug(j, "rrb/x") == job_slug(j, "rrb/x") != job_slug(j, "rrb/y")
