"""identify_notice through normalise_job, on raw items as the captured boards give them."""

from core.domain.normalise import normalise_job

IBPS_ROW = {
    "source": "notice_board", "source_kind": "official", "organisation": "IBPS (Institute of Banking Personnel Selection)",
    "source_url": "https://ibpsreg.ibps.in/sbijajul26/",
    "title": "SBI Recruitment of Junior Associates Registration From 11-Aug-2026",
    "links": [{"label": "SBI Recruitment of Junior Associates Registration From 11-Aug-2026",
               "url": "https://ibpsreg.ibps.in/sbijajul26/"}],
}


def test_an_ibps_notice_for_sbi_is_an_sbi_job_with_its_official_apply_link():
    facts = normalise_job(IBPS_ROW)
    assert (facts["organisation_short"], facts["department"], facts["kind"]) == (
        "SBI", "Conducted by Institute of Banking Personnel Selection", "recruitment")


def test_a_tender_is_normalised_as_not_a_job_with_its_reason():
    facts = normalise_job({"source": "rrb_chandigarh", "organisation": "Railway Recruitment Board",
                           "source_url": "http://rrbcdg.gov.in/uploads/TENDER_OF_AC_TAXI.PDF",
                           "title": "Tender for Taxi Hiring 2016-17"})
    assert (facts["kind"], facts["kind_reason"]) == ("not_job", "a tender: the title says 'Tender'")


def test_an_aggregators_apply_button_never_becomes_the_apply_link():
    facts = normalise_job({
        "source": "sarkariexam", "source_kind": "aggregator", "organisation": "ISRO",
        "source_url": "http://www.sarkariexam.com/isro-application-form/59957",
        "title": "ISRO Scientist / Engineer Online Form 2018",
        "links": [{"label": "Apply Online", "url": "http://www.sarkariexam.com/isro-application-form/59957"},
                  {"label": "Notification PDF", "url": "http://www.sarkariexam.com/wp-content/uploads/isro.pdf"}]})
    assert (facts["application_link"], facts["notification_pdf"]) == (None, None)
    assert {lk.kind for lk in facts["links"]} == {"other"}


def test_link_text_becomes_a_title_with_the_reason_in_the_warnings():
    facts = normalise_job({"source": "hr_hssc", "organisation": "Haryana Staff Selection Commission",
                           "source_url": "http://adv72016.hryssc.in/", "title": "Click here for Advt. 7/2016",
                           "advt_no": "Advt. 7/2016",
                           "links": [{"label": "Click here for Advt. 7/2016", "url": "http://adv72016.hryssc.in/"}]})
    assert facts["title"] == "HSSC Recruitment Advt. 7/2016"
    assert any(w.startswith("title rewritten: the title was link text") for w in facts["warnings"])
