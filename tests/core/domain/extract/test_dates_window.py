"""The notice date and the application window, from the words before each date."""

import datetime as dt

import pytest

from core.domain.extract.dates_window import application_window, notice_date
from tests.core.domain.extract.documents import document

D = dt.date


def window(*lines: str) -> dict:
    return {name: fact.value for name, fact in application_window(document("\n".join(lines))).items()}


def test_a_submission_range_gives_the_start_and_the_last_date():
    assert window("Date for submission of online applications: 22-10-2018 to 19-11-2018") == {
        "apply_start": D(2018, 10, 22), "apply_last": D(2018, 11, 19)}


def test_the_fee_deadline_is_the_fee_last_date():
    assert window("Last date for making online fee payment: 21-11-2018 (5.00 PM)") == {"fee_last": D(2018, 11, 21)}


def test_a_table_row_of_a_detail_page_is_read():
    assert window("Closing Date & Time for submission of On-Line application | 31.03.2018 at 23.59 hrs") == {
        "apply_last": D(2018, 3, 31)}


def test_a_written_or_walk_in_test_is_the_exam_date():
    assert window("Walk-in-test cum Interview to be held on 31.05.2018 at 10.00 AM") == {"exam_date": D(2018, 5, 31)}


def test_an_interview_alone_is_not_an_exam():
    assert window("Eligible candidates have to report for walk-in-interview at Computer Centre on 02/11/2013") == {}


def test_a_date_broken_over_two_lines_is_read_as_flowing_text():
    assert window("Last date of receipt of application: 1", "st April 2016 till 1730 hrs.") == {"apply_last": D(2016, 4, 1)}


@pytest.mark.parametrize("line", [
    "its commencement of business took place on 1st October 2021 notified by DDP.",
    "NOTE: Candidates with relaxed age can submit applications from 31.01.2024 12:00 PM onwards",
    "Last Date & Time for submission of Bids : 11.11.2013",
    "must have completed age of 17 years on or before 31st December, 2017",
])
def test_other_dates_in_a_notice_are_not_its_window(line):
    assert window(line) == {}


def test_the_first_statement_of_a_field_wins():
    assert window("Last date for receipt of application: 19-11-2018",
                  "Candidates must apply before the last date i.e. 19-12-2018")["apply_last"] == D(2018, 11, 19)


@pytest.mark.parametrize(("text", "date"), [
    ("No.RRB/BSP/01-2019/NTPC/ Part Panel/Level-5/730 Dated: 24.11.2023", D(2023, 11, 24)),
    ("Advt. No. NITJSR/ESTT/ 807/2013 Date 05/07/2013", D(2013, 7, 5)),
    ("Chairpersons\nDate: 29.01.2024 Railway Recruitment Boards", D(2024, 1, 29)),
    ("(TO BE UPLODADED ON THE COMMISSION’S WEBSITE ON 22-10-2018)", D(2018, 10, 22)),
    ("18 and 40 years respectively as on 20.07.2021 the date of notification of the vacancies.", D(2021, 7, 20)),
    ("Dated: 30th October, 2022", D(2022, 10, 30)),
])
def test_the_notice_date_as_notices_print_it(text, date):
    assert notice_date(document(text)).value == date


def test_a_date_a_sentence_refers_to_is_not_the_notice_date():
    assert notice_date(document("In continuation of DRA Notice No. 355/2025 dated 11.11.2025, Addendum")) is None


def test_the_evidence_quotes_the_line_on_its_page():
    fact = application_window(document("Intro", "Last date for receipt of applications : 03.12.2025 Wednesday"))["apply_last"]
    assert (fact.page, fact.quote) == (2, "Last date for receipt of applications : 03.12.2025 Wednesday")
