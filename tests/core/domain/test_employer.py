"""credit_employer on the IBPS board's real titles and the commissions' department notices."""

import pytest

from core.domain.employer import credit_employer

IBPS = ("Institute of Banking Personnel Selection", "IBPS")


@pytest.mark.parametrize(("title", "short"), [
    ("SBI Recruitment of Junior Associates Registration From 11-Aug-2026", "SBI"),
    ("NBL Notification For The Posts Of Specialist Officers Registration From 15-Aug-2026", "Nainital Bank"),
    ("AIIMS Recruitment to Various Group-A Non-Faculty Posts Registration From 08-Aug-2026", "AIIMS"),
    ("AAI Recruitment of Managers and Junior Executives Registration From 08-Aug-2026", "AAI"),
    ("IOB Recruitment of Local Bank Officer in JMGS - I Registration From 08-Aug-2026", "IOB"),
])
def test_an_agency_publishing_for_a_bank_or_psu_credits_it(title, short):
    assert credit_employer(*IBPS, title).short == short


def test_the_agency_stays_as_the_body_that_conducts_the_recruitment():
    found = credit_employer(*IBPS, "SBI Recruitment of Junior Associates Registration From 11-Aug-2026")
    assert (found.organisation, found.department) == ("State Bank of India",
                                                      "Conducted by Institute of Banking Personnel Selection")


def test_an_agencys_own_exam_named_after_other_banks_is_its_own():
    # IBPS RRB: IBPS's exam for the Regional Rural Banks, not the Railway Recruitment Board
    assert credit_employer(*IBPS, "IBPS RRB XIV 14th Office Assistant, Scale-II, III Score Card 2026") is None


def test_a_body_that_is_no_agency_keeps_its_notices():
    assert credit_employer("Railway Recruitment Board", "RRB", "SBI collect fee payment notice") is None


@pytest.mark.parametrize(("title", "department"), [
    ("Forest Ranger in Assam Forest Service under Environment & Forest Department.", "Environment & Forest Department"),
    ("Senior Information & Public Relation Officer under Information and Public Relation Department, Assam.",
     "Information and Public Relation Department, Assam"),
    ("09 Posts of Junior Works Manager (Metallurgical) in Ministry of Defence", "Ministry of Defence"),
])
def test_the_department_a_commission_recruits_for_is_kept(title, department):
    found = credit_employer("Assam Public Service Commission", "APSC", title)
    assert (found.organisation, found.department) == ("Assam Public Service Commission", department)


def test_a_department_the_source_gave_is_not_replaced():
    assert credit_employer("Railway Recruitment Board", "RRB", "Posts under Works Department",
                           department="RRB Chandigarh") is None
