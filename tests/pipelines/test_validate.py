"""validate_job: a JobPosting, or a Rejection with a reason that names the problem."""

import datetime as dt

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting, Rejection
from core.domain.validate import validate_job

RAW = {"source": "test", "source_kind": "aggregator", "source_url": "https://example.in/post",
       "title": "RSSB VDO Recruitment 2025", "important_dates": ["Online Apply Start Date : 19 June 2025",
                                                                  "Online Apply Last Date : 25 July 2025"]}


def test_a_good_item_is_a_jobposting():
    job = validate_job(normalise_job(RAW), RAW)
    assert isinstance(job, JobPosting) and job.organisation_short == "RSSB"


def test_missing_organisation_is_rejected_with_the_raw_item():
    raw = {**RAW, "title": "Village Officer Recruitment 2025"}
    result = validate_job(normalise_job(raw), raw)
    assert isinstance(result, Rejection)
    assert result.reason == "missing required fact: organisation"
    assert result.raw == raw and result.source == "test"


def test_last_date_before_start_is_rejected():
    facts = {**normalise_job(RAW), "apply_last": dt.date(2025, 6, 1)}
    result = validate_job(facts, RAW)
    assert isinstance(result, Rejection) and "before the start date" in result.reason


def test_a_negative_fee_is_rejected():
    facts = normalise_job(RAW)
    facts["fees"] = {"general": -600}
    result = validate_job(facts, RAW)
    assert isinstance(result, Rejection) and result.reason == "negative fee for general"


def test_total_posts_that_is_not_a_number_is_rejected():
    facts = {**normalise_job(RAW), "total_posts": "many"}
    result = validate_job(facts, RAW)
    assert isinstance(result, Rejection) and result.reason.startswith("total_posts:")


def test_a_relative_url_is_rejected():
    facts = {**normalise_job(RAW), "source_url": "/post/1"}
    assert isinstance(validate_job(facts, RAW), Rejection)
