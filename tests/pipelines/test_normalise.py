"""normalise_job on real values and on garbage: never raises; unreadable → None + warning."""

import datetime as dt

import pytest

from core.domain.normalise import find_advt_no, normalise_job
from core.domain.validate import validate_job

BASE = {"source": "test", "source_kind": "official", "source_url": "https://rrbcdg.gov.in/notice.pdf",
        "organisation": "Railway Recruitment Board", "title": "CEN-02/2018 - Corrigendum-2 to Detailed CEN"}


def test_cen_number_from_an_rrb_title():
    assert find_advt_no("CEN-02/2018 - Corrigendum-2 to Detailed CEN") == "CEN 02/2018"


@pytest.mark.parametrize(("text", "advt"), [
    ("(Advt No. : 03/2025)", "03/2025"), ("(ADVERTISEMENT No. 1457)", "1457"),
    ("(Advt. No. CEN 09/2025)", "CEN 09/2025"), ("(Advt.No. 01/2026)", "01/2026"),
    ("(Advt. No. 1803/7014/CSSC/ESTT/2025)", "1803/7014/CSSC/ESTT/2025"), ("no number here", None),
    ("Advt. No. 05 of 2025-26", "05/2025-26"), ("Advt. No. 12 of 2024", "12/2024"),
])
def test_advertisement_numbers_in_summaries(text, advt):
    assert find_advt_no(text) == advt


def test_upsssc_visible_upto_with_a_stray_quote():
    facts = normalise_job({**BASE, "expires": "23/04/2018'"})
    assert facts["expires_on"] == dt.date(2018, 4, 23)


def test_rrb_portal_deadline_with_a_time():
    facts = normalise_job({**BASE, "important_dates": [
        "Opening date for Online Registration : 10.02.2018 at 10.00 hrs",
        "Closing date for Online Registration : 31.03.2018 at 23.59 hrs"]})
    assert (facts["apply_start"], facts["apply_last"]) == (dt.date(2018, 2, 10), dt.date(2018, 3, 31))


def test_important_dates_to_named_fields_and_extra_events():
    facts = normalise_job({**BASE, "important_dates": [
        "Online Apply Start Date : 28 April 2025", "Online Apply Last Date : 25 May 2025",
        "Last Date For Fee Payment : 25 May 2025", "Correction Date : 26 May 2025 to 04 June 2025",
        "Exam Date : 13-14 September 2025", "Admit Card : 11 September 2025", "Answer Key : 17 September 2025",
        "Result Date : 14 November 2025", "PET / PST Date : 08 December 2025"]})
    assert facts["correction_start"] == dt.date(2025, 5, 26) and facts["correction_end"] == dt.date(2025, 6, 4)
    assert (facts["exam_date"], facts["exam_date_end"]) == (dt.date(2025, 9, 13), dt.date(2025, 9, 14))
    assert facts["admit_card_date"] == dt.date(2025, 9, 11)
    assert facts["answer_key_date"] == dt.date(2025, 9, 17)
    assert facts["result_date"] == dt.date(2025, 11, 14)
    assert [(e.label, e.date) for e in facts["events"]] == [("PET / PST Date", dt.date(2025, 12, 8))]


def test_a_tentative_month_is_null_with_a_warning():
    facts = normalise_job({**BASE, "important_dates": ["Online Apply Start Date : February 2026 Tentative"]})
    assert facts["apply_start"] is None
    assert any("not a day-exact date" in w for w in facts["warnings"])


def test_an_exam_before_the_applications_open_is_dropped_with_a_warning():
    facts = normalise_job({**BASE, "important_dates": [
        "Online Apply Start Date : 11 December 2024", "Exam Date : 13 April 2024"]})
    assert facts["exam_date"] is None
    assert any("before applications open" in w for w in facts["warnings"])


def test_promotional_links_are_dropped_and_others_classified():
    facts = normalise_job({**BASE, "links": [
        {"label": "Apply Online", "url": "https://rrbcdg.gov.in/apply"},
        {"label": "Download Notification", "url": "https://rrbcdg.gov.in/cen.pdf"},
        {"label": "Join Our WhatsApp Channel", "url": "https://whatsapp.com/channel/x"},
        {"label": "Download Admit Card", "url": "https://rrbcdg.gov.in/admit"},
        {"label": "Official Website", "url": "https://rrbcdg.gov.in/"},
        {"label": "Bad", "url": "javascript:alert(1)"}]})
    assert [link.kind for link in facts["links"]] == ["apply_online", "notification_pdf", "admit_card", "official_website"]
    assert facts["application_link"] == "https://rrbcdg.gov.in/apply"


HOSTILE = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>Title", "\u202eevil\u202c", "9" * 400,
    "-500", "₹ -600/-", "\x00\x01\x02", "💥" * 50, "A" * 100_000, "%s%n{0}", "१२/०३/२०२६",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_in_every_text_field_never_crash(value):
    raw = {**BASE, "title": f"RRB {value} Recruitment 2026", "summary": value, "notice_date": value,
           "expires": value, "advt_no": value, "important_dates": [f"Online Apply Last Date : {value}", value],
           "application_fee": [f"General : {value}", value], "age_limit": [f"Maximum Age : {value}", value],
           "vacancy_tables": [{"headers": ["Post Name", "No. Of Post"], "rows": [{"Post Name": value, "No. Of Post": value}]}],
           "links": [{"label": value, "url": value}]}
    facts = normalise_job(raw)
    result = validate_job(facts, raw)
    text = repr(facts)
    assert "<script" not in text and "\u202e" not in text and "onerror" not in text
    assert facts["fees"].general is None or facts["fees"].general >= 0
    assert result is not None


@pytest.mark.parametrize("value", [None, 42, 3.5, ["x"], {"a": 1}, True])
def test_values_of_the_wrong_type_never_crash(value):
    raw = {**BASE, "summary": value, "important_dates": value, "application_fee": value, "age_limit": value,
           "vacancy_tables": value, "links": value, "notice_date": value, "advt_no": value}
    facts = normalise_job(raw)
    assert facts["title"] == BASE["title"]


def test_a_huge_post_count_is_not_a_number_of_posts():
    raw = {**BASE, "vacancy_tables": [{"headers": ["Post Name", "No. Of Post"], "rows": [{"Post Name": "X", "No. Of Post": "9" * 30}]}]}
    facts = normalise_job(raw)
    assert facts["total_posts"] is None
    assert any("posts" in w for w in facts["warnings"])


def test_later_stage_links_are_notices_not_other():
    facts = normalise_job({**BASE, "links": [
        {"label": "Download Joining Order", "url": "https://police.rajasthan.gov.in/joining.html"},
        {"label": "Online Choice Filling", "url": "https://updeled.gov.in/choice"},
        {"label": "Download Rank Card", "url": "https://updeled.gov.in/rank"}]})
    assert [link.kind for link in facts["links"]] == ["notice", "notice", "result"]
