"""Age limits, their as-on date and date-of-birth windows as official notices state them."""

import datetime as dt

import pytest

from core.domain.extract.ages import age_limits
from core.domain.extract.document import Table
from tests.core.domain.extract.documents import document

D = dt.date


def ages(*pages: str, tables=None) -> dict:
    return {name: fact.value for name, fact in age_limits(document(*pages, tables=tables)).items()}


@pytest.mark.parametrize(("text", "expected"), [
    ("5.0 Age Limit (as on 01.07.2024): 18-33 years.", {"age_min": 18, "age_max": 33, "age_as_on": D(2024, 7, 1)}),
    ("5 AGE LIMIT: (a) Not exceeding 30 years as on 01.01.2019.", {"age_max": 30, "age_as_on": D(2019, 1, 1)}),
    ("Age limit 21yrs. minimum and45 yrs maximum", {"age_min": 21, "age_max": 45}),
    ("The minimum and maximum of age … shall be 18 and 40 years respectively as on 20.07.2021",
     {"age_min": 18, "age_max": 40, "age_as_on": D(2021, 7, 20)}),
    ("6. Age : 18-36. Only candidates born after", {"age_min": 18, "age_max": 36}),
    ("Age Limit: Minimum 16½ years and maximum 25 years", {"age_min": 16.5, "age_max": 25}),
    ("आयु सीमा : 18 से 40 वर्ष", {"age_min": 18, "age_max": 40}),
])
def test_age_limits_in_their_printed_forms(text, expected):
    assert ages(text) == expected


def test_the_general_limit_is_kept_not_the_relaxed_one():
    assert ages("AGE 35 Years for Men, 40 Years for Women")["age_max"] == 35


def test_a_relaxation_is_not_a_limit():
    assert ages("Age relaxation: SC/ST 5 years, OBC 3 years. Relaxation in upper age limit is subject to the "
                "condition that maximum age of the applicant on the crucial date shall not exceed 55 years.") == {}


def test_the_as_on_date_may_be_stated_elsewhere():
    assert ages("Eligibility Criteria: as on 28.03.2023\nUpper age limit: 40 years") == {
        "age_max": 40, "age_as_on": D(2023, 3, 28)}


def test_a_date_of_birth_window_in_words():
    assert ages("Only candidates born between 02.01.1989 and 01.01.2007 (both dates included)") == {
        "dob_from": D(1989, 1, 2), "dob_to": D(2007, 1, 1)}


def test_a_date_of_birth_table_gives_the_general_category_bounds():
    table = Table(page=1, rows=[
        ["Age Group (in years)", "Upper limit of Date of Birth (Not before)", "", "", "Lower limit of Date of Birth (Not after)"],
        ["", "UR & EWS", "OBC (NCL)", "SC & ST", "All candidates"],
        ["18 – 33", "02.07.1991", "02.07.1988", "02.07.1986", "01.07.2006"],
    ])
    found = ages("18 – 33 02.07.1991 02.07.1988 02.07.1986 01.07.2006", tables=[table])
    assert (found["dob_from"], found["dob_to"]) == (D(1991, 7, 2), D(2006, 7, 1))


def test_the_relaxations_of_a_relaxation_table():
    table = Table(page=1, rows=[["Code No.", "Category", "Age Relaxation permissible beyond the Upper age limit."],
                                ["01", "SC/ ST", "5 years"], ["02", "OBC", "3 years"], ["03", "PwD", "10 years"]])
    found = ages("AGE LIMIT: Not exceeding 30 years as on 01.01.2019. 01 SC/ ST 5 years 02 OBC 3 years", tables=[table])
    assert found["age_relaxation"] == "SC/ ST: 5 years; OBC: 3 years; PwD: 10 years"
