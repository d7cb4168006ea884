"""JobPosting rules that are not a parser's: kinds from stages, half-year ages, windows."""

import datetime as dt

import pytest
from pydantic import ValidationError

from core.domain.schema import JobPosting, NoticeKind

BASE = {"source": "upsc", "source_url": "https://upsc.gov.in/n", "organisation": "UPSC", "title": "NDA (II) 2026"}


@pytest.mark.parametrize(("stage", "kind"), [("online_form", "recruitment"), ("date_extended", "corrigendum"),
                                             ("admit_card", "admit_card"), ("marks", "result"),
                                             ("admission", "not_job")])
def test_a_notice_without_a_kind_takes_the_kind_of_its_stage(stage, kind):
    assert JobPosting(**BASE, stage=stage).kind == NoticeKind(kind)


def test_a_kind_given_is_kept_with_its_reason():
    job = JobPosting(**BASE, stage="other", kind="not_job", kind_reason="tender: hiring of taxis")
    assert job.kind == NoticeKind.not_job and job.kind_reason == "tender: hiring of taxis"


def test_ages_can_be_half_years_and_stay_whole_numbers_when_whole():
    job = JobPosting(**BASE, age_min=16.5, age_max=19)
    assert job.model_dump(mode="json")["age_min"] == 16.5 and job.model_dump(mode="json")["age_max"] == 19


def test_a_date_of_birth_window_must_not_end_before_it_starts():
    with pytest.raises(ValidationError, match="date of birth window"):
        JobPosting(**BASE, dob_from=dt.date(2008, 1, 1), dob_to=dt.date(2005, 1, 1))


def test_evidence_needs_an_absolute_document_url():
    with pytest.raises(ValidationError):
        JobPosting(**BASE, evidence={"apply_last": {"document": "notice.pdf", "quote": "Last date"}})
