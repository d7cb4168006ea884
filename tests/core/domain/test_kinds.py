"""classify_notice on real titles from the captured boards and the official-postings scrape."""

import pytest

from core.domain.kinds import classify_notice
from core.domain.schema import NoticeKind


@pytest.mark.parametrize(("title", "reason_start"), [
    ("Tender for Taxi Hiring 2016-17", "a tender"),
    ("ECA Empanelment - Notice and link for downloading of Request For Qualification (RFQ).", "a tender"),
    ("Advertisement No.01/AHEC/POL/2026 : Empanelment of Superannuated Officers as Inquiring Authority",
     "an empanelment"),
    ("चतुर्थ श्रेणी कर्मचारी पदस्थापन आदेश(अनुसूचित क्षेत्र) 15/08/2026", "a transfer or posting order"),
    ("अतिरिक्त कार्यभार आदेश (श्री खेमाराम, प्रर्वतन अधिकारी) 19/08/2026", "a transfer or posting order"),
    ("कार्यमुक्त आदेश (श्री महावीर प्रसाद व्यास) 17/08/2026", "a transfer or posting order"),
    ("Ho Msme Bilingual Common Loan Application Form Pmmy", "a loan or scheme form"),
    ("10 e-Inner Line Permit online application portal of Govt of Arunachal Pradesh will remain temporary "
     "unavailable for 2 days due to Schedule Data Center", "a portal notice"),
    ("Notice-1-Recruitment Portal Unavailable from 12 AM to 01 AM for 1 Hour on 30th April 2026", "a portal notice"),
    ("Annual planner-2018", "a calendar"),
    ("Recruitment Rules of Scientific Attache", "recruitment rules"),
    ("Seeking comments from the stakeholders on draft recruitment rules for the posts of Scientists in ANRF",
     "recruitment rules"),
    ("District Employment and Career Guidance Centre is conducting a Private Sector Job Fair on 22.08.2026",
     "a job fair or seminar"),
    ("Advertisement For Premises Nadia Regional Office", "premises or a licence"),
    ("Notification For Change Of Address of Railway Recruitment Board Chandigarh", "a general notice"),
    ("Submission of Application forms for Compassionate Ground Appointment", "a compassionate appointment"),
])
def test_notices_that_are_not_jobs_say_why(title, reason_start):
    found = classify_notice(title)
    assert found.kind is NoticeKind.not_job and found.reason.startswith(reason_start)


@pytest.mark.parametrize("title", [
    "CAREER AND RECRUITMENTS",
    "Current Openings / Results / Updates",
    "Acts and Rules Forms Notice Advertisement Press Release",
    "Advertisements",
])
def test_menu_links_are_not_jobs(title):
    assert classify_notice(title).reason.startswith("a menu link")


@pytest.mark.parametrize("title", [
    "Suggestions regarding enhancement of delegation of financial powers, in prescribed format, for smooth "
    "functioning of all department Category : Group T Posted On : 20/08/2026",
    "Withdrawal of austerity measure on Motor Cycle Advance Category : Group T Posted On : 14/08/2026",
    "Initiation of making payment through SBMS with IndusInd Bank Category : IFMS Posted On : 03/08/2026",
    "Notification for Girl Child Protection Scheme Maturity",
    "Office of International Affairs (OIA)",
])
def test_circulars_and_notices_naming_no_post_are_not_jobs(title):
    assert classify_notice(title, organisation="WB Finance Department").kind is NoticeKind.not_job


@pytest.mark.parametrize(("title", "source_kind"), [
    ("UPBEd 2018 Online Form", "aggregator"),
    ("UP Polytechnic JEECUP Online Counseling 2025", "aggregator"),
    ("GATE 2018 Result", "aggregator"),
    ("Information Notice Regarding State Quota Seats", "official"),
])
def test_admissions_and_entrance_tests_are_not_jobs(title, source_kind):
    assert classify_notice(title, source_kind=source_kind).reason.split(":")[0] in (
        "an admission or entrance test", "an entrance test")


@pytest.mark.parametrize("title", ["CSIR NET Online Form 2018", "Haryana TET Final Answer Key 2018",
                                   "MP CPCT Result with Marks 2018", "Rajasthan REET Answer key"])
def test_eligibility_tests_are_not_jobs(title):
    assert classify_notice(title, source_kind="aggregator").reason.startswith("an eligibility test")


def test_a_board_recruiting_through_an_entrance_test_names_the_interview():
    found = classify_notice("GATE-2024 साक्षात्कार के लिए कट-ऑफ अंक - दूसरा राउंड", organisation="PGCIL")
    assert found.kind is NoticeKind.result


@pytest.mark.parametrize("title", [
    "Notice 1 Dated 06 04 2026",
    "सूचना-1 दिनांक 17 दिसंबर 2024",
    "Notice_4_Date of CBT and Eligibility Status",
    "ADDENDUM",
    "FAQ for Aptitude Test.",
])
def test_a_notice_naming_no_post_exam_or_advertisement_is_not_a_job(title):
    assert classify_notice(title, organisation="PGCIL (Power Grid Corporation of India)").kind is NoticeKind.not_job


def test_the_publishers_own_name_does_not_name_a_recruitment():
    found = classify_notice("Notice for Mandating Aadhaar Card For future RRB Examinations",
                            organisation="Railway Recruitment Board", organisation_short="RRB")
    assert found.kind is NoticeKind.not_job


@pytest.mark.parametrize(("title", "label", "kind"), [
    ("Syllabus- JE(Civil)", "Syllabus", NoticeKind.syllabus),
    ("COURSES OF STUDIES FOR PHYSICAL EDUCATION INSTRUCTOR", None, NoticeKind.syllabus),
    ("SOIL CONSERVATION EXTENSION WORKER-2017 (MAIN): MODEL ANSWER KEY TO PAPER-I (GS & LA)", None,
     NoticeKind.answer_key),
    ("CPSE-2013-SELECT LIST", None, NoticeKind.result),
    ("LIBRARY ATTENDANT-2015;-DEFECTIVE APPLICATIONS", None, NoticeKind.result),
    ("APPOINTMENT LETTER FOR SAILOR [MR(CHEF)] - 04/2018 batch has been uploaded .", "Appointment Letter",
     NoticeKind.result),
    ("Assistant Professor (Broad Speciality) (Advt. No. 03 of 2025-26) - Download Admission Certificate & "
     "Instructions", None, NoticeKind.admit_card),
    ("Click here to download Interview Letter for the Post of Village Development officer under the Advt. "
     "No.03-Exam/2016.", None, NoticeKind.admit_card),
    ("e-Admit Card for the Combined Competitive (Main) Examination-2016", "Notification", NoticeKind.admit_card),
    ("Fishery Development Officer under Fishery Department (Advt. No. 01/2018)", "Corrigendum",
     NoticeKind.corrigendum),
    ("Cancellation notice of recruitment of Junior Assistant at IIIT Bhagalpur", None, NoticeKind.corrigendum),
    ("नोटिस दिनांक. 19 जुलाई 2022 - ग्राम विकास अधिकारी ऑनलाइन आवेदन विंडो का विस्तार", None, NoticeKind.corrigendum),
    ("JUNIOR ASSISTANT & JUNIOR CLERK-2015: NOTICE", "NOTICE", NoticeKind.corrigendum),
    ("SENIOR ECONOMIC INVESTIGATOR - 2015: MAIN WRITTEN EXAMINATION POSTPONED", None, NoticeKind.exam_schedule),
    ("UP Police Constable OMR Sheet Instruction 2026", None, NoticeKind.exam_schedule),
    ("Recruitment to 47 Posts of Public Prosecutors in CBI", "Interview Details", NoticeKind.exam_schedule),
])
def test_lifecycle_notices_get_their_kind(title, label, kind):
    assert classify_notice(title, label).kind is kind


@pytest.mark.parametrize("title", [
    "INDICATIVE ADVERTISEMENT FOR THE POST OF SOIL CONSERVATION EXTENSION WORKER ON CONTRACTUAL BASIS.",
    "NFR Recruitment 2018 – Northeast Frontier Railway – 09 Medical Practitioner Vacancy – Walk-in-interview 29 March",
])
def test_words_of_a_post_or_a_walk_in_are_not_lifecycle_words(title):
    assert classify_notice(title).kind is NoticeKind.recruitment


@pytest.mark.parametrize("title", [
    "Click here for Police Recruitment",
    "Army Agniveer Recruitment Rally",
    "Centralized Employment Notice No. 03/2015",
    "Advertisement No. 1/2018",
    "Ntpc Advt Jd Merged (1)",
    "[IITH] Web Developer (Computer Centre) [contract]",
    "Tenure Track Faculty Positions",
    "Recruitment under Matra-Vandana Yojna",
    "उ० प्र० अधीनस्थ सेवा चयन आयोग के विज्ञापन संख्या 01-परीक्षा /2018 के अंतर्गत सम्मिलित व्यायाम प्रशिक्षक",
])
def test_recruitments(title):
    assert classify_notice(title, organisation="NTPC").kind is NoticeKind.recruitment


def test_an_aggregators_post_is_named_by_its_organisation():
    found = classify_notice("IDBI Merit List, Interview Result 2018", "Result", organisation="IDBI",
                            source_kind="aggregator")
    assert found.kind is NoticeKind.result


def test_every_decision_carries_a_reason():
    found = classify_notice("Tender for Taxi Hiring 2016-17")
    assert found.reason == "a tender: the title says 'Tender'"
