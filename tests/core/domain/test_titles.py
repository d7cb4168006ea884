"""tidy_title on the real titles the issue names: link text, file names, capitals."""

import pytest

from core.domain.schema import Stage
from core.domain.titles import looks_like_file_name, proper_case, tidy_title


@pytest.mark.parametrize(("title", "url", "organisation", "short", "expected"), [
    ("Ntpc Advt Jd Merged (1)",
     "https://www.ntpc.co.in/sites/default/files/inline-files/NTPC-ADVT-JD_merged%20(1).pdf",
     "NTPC (National Thermal Power Corporation)", "NTPC", "NTPC Recruitment"),
    ("1787115841 Detailednotificationyp Iii Website",
     "https://www.icmr.gov.in/icmrobject/uploads/Recruitment/1787115841_detailednotificationYP-III_website.pdf",
     "ICMR (Ministry/Research Lab)", "ICMR", "ICMR Detailed Notification YP III"),
    ("1785310868 Yp Iivacancynotificationhindi", None, "ICMR (Ministry/Research Lab)", "ICMR",
     "ICMR YP II Vacancy Notification"),
    ("Advt Chsle 2026 20260610 163723", None, "AR Staff Selection Board", "APSSB", "APSSB Advt CHSLE 2026"),
])
def test_a_file_name_is_not_a_title(title, url, organisation, short, expected):
    found = tidy_title(title, url, organisation, short)
    assert found.text == expected and found.reason.startswith("the title was a file name")


def test_a_readable_title_made_from_its_file_name_gets_its_acronyms_back():
    found = tidy_title("Advertisement Guest Faculty Iiit Bhagalpur",
                       "https://www.iiitbh.ac.in/sites/default/files/2026/Recruitment/"
                       "Advertisement-Guest-Faculty-IIIT-Bhagalpur.pdf", "IIITBH (Elite Academic/Research)", "IIITBH")
    assert found.text == "IIITBH Advertisement Guest Faculty IIIT Bhagalpur"


@pytest.mark.parametrize(("title", "advt_no", "stage", "expected"), [
    ("Click here for Advt. 7/2016", "7/2016", Stage.other, "HSSC Recruitment Advt. 7/2016"),
    ("Click here for Police Recruitment", None, Stage.recruitment, "HSSC Police Recruitment"),
    ("Click here for Advt no 4/2016 Punjabi Teacher", "4/2016", Stage.other, "HSSC Advt no 4/2016 Punjabi Teacher"),
])
def test_link_text_loses_its_link_words(title, advt_no, stage, expected):
    found = tidy_title(title, None, "Haryana Staff Selection Commission", "HSSC", advt_no, 2016, stage)
    assert found.text == expected and found.reason.startswith("the title was link text")


def test_an_apply_link_under_a_cen_number_becomes_an_online_form_title():
    found = tidy_title("CEN-01/2018 - Click here to apply for the Posts of ALP & Technicians", None,
                       "Railway Recruitment Board", "RRB", "CEN 01/2018", 2018, Stage.online_form)
    assert found.text == "RRB CEN-01/2018 ALP & Technicians Online Form"


def test_a_real_title_is_kept():
    title = "Recruitment of Assistant Professor in Medical Colleges(Super Specialist)Department Advt.No.-07/2026"
    assert tidy_title(title, "https://jpsc.gov.in/exam_files.php?id=13045", "JH PSC", "JPSC") == \
        type(tidy_title(title))(title, None)


@pytest.mark.parametrize(("title", "expected"), [
    ("JUNIOR ASSISTANT & JUNIOR CLERK-2015: NOTICE", "Junior Assistant & Junior Clerk-2015: Notice"),
    ("ASSISTANT TRAINING OFFICER (ADVT. NO. 2779/OSSC DT.17.08.2016): SCHEDULE OF VIVA VOCE TEST FOR "
     "DEGREE/DIPLOMA/MCA CANDIDATES",
     "Assistant Training Officer (Advt. No. 2779/OSSC Dt.17.08.2016): Schedule of Viva Voce Test for "
     "Degree/Diploma/MCA Candidates"),
    ("INDICATIVE ADVERTISEMENT FOR THE POST OF SUB-INSPECTOR OF POLICE, DETECTIVE DOG SQUAD (K-9 SQUAD)",
     "Indicative Advertisement for the Post of Sub-Inspector of Police, Detective Dog Squad (K-9 Squad)"),
    ("JUNIOR M.V.I.: SUPPLEMENTARY SELECT LIST", "Junior M.V.I.: Supplementary Select List"),
    ("MODEL ANSWER KEY TO JS (GE & OL)-2015 HELD ON DT.09.07.2017",
     "Model Answer Key to JS (GE & OL)-2015 Held on Dt.09.07.2017"),
    ("RRB NTPC CEN 01/2019 RESULT FOR PWBD CANDIDATES", "RRB NTPC CEN 01/2019 Result for PwBD Candidates"),
])
def test_titles_in_capitals_get_proper_case_and_keep_acronyms(title, expected):
    assert proper_case(title) == expected


def test_a_url_encoded_title_is_decoded():
    found = tidy_title("Detailed%20Advertisement%20 %20Non%20Executive%20Posts%202026", None, "PGCIL", "PGCIL")
    assert (found.text, found.reason) == ("Detailed Advertisement Non Executive Posts 2026", "the title was URL-encoded")


@pytest.mark.parametrize("title", ["Recruitment Rule Iiit Bhagalpur11", "Notice_Final_Result_Technician(1).pdf",
                                   "Advt Chsle 2026 20260610 163723"])
def test_file_names_are_recognised(title):
    assert looks_like_file_name(title)


@pytest.mark.parametrize("title", ["SSC CHSL 10+2 Tier I Admit Card", "Railway RRB Group D 62907 Post Online Form 2018",
                                   "CEN-01/2018 - Detailed Centralised Employment Notice"])
def test_real_titles_are_not_file_names(title):
    assert not looks_like_file_name(title)
