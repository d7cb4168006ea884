"""Pay as printed and its bounds: levels, pay bands, scales, consolidated amounts."""

from core.domain.extract.document import Table
from core.domain.extract.pay import pay
from tests.core.domain.extract.documents import document


def values(*pages: str, tables=None) -> dict:
    return {name: fact.value for name, fact in pay(document(*pages, tables=tables)).items()}


def test_a_pay_column_gives_every_distinct_pay_and_the_overall_bounds():
    table = Table(page=1, rows=[["Code", "Name of the post", "Pay scale"],
                                ["A", "Junior Translator", "Level-6 (Rs.35400- 112400)"],
                                ["B", "Senior Translator", "Level-7 (Rs.44900- 142400)"],
                                ["C", "Junior Hindi Translator", "Level-6 (Rs.35400- 112400)"]])
    assert values("Level-6 (Rs.35400- 112400) Level-7 (Rs.44900- 142400)", tables=[table]) == {
        "pay": "Level-6 (Rs.35400- 112400); Level-7 (Rs.44900- 142400)", "salary_min": 35400, "salary_max": 142400}


def test_a_grade_pay_is_printed_but_is_not_a_bound():
    assert values("Scale of Pay: PB:4 (Rs. 37,400-67,000) with Grade Pay of Rs. 8,700/-") == {
        "pay": "PB:4 (Rs. 37,400-67,000) with Grade Pay of Rs. 8,700/-", "salary_min": 37400, "salary_max": 67000}


def test_a_scale_of_pay():
    assert values("3. Scale of Pay : ₹ 27,900 – 63,700/-") == {
        "pay": "₹ 27,900 – 63,700/-", "salary_min": 27900, "salary_max": 63700}


def test_a_pay_level_in_words():
    assert values("Online Registration for CEN No.02/2018 (Recruitment for Posts in Level 1 of 7th CPC Pay Matrix)") == {
        "pay": "Level 1 of 7th CPC Pay Matrix"}


def test_a_consolidated_monthly_amount():
    assert values("Compensation : Rs. 40,000 p.m.") == {"pay": "Rs. 40,000", "salary_min": 40000, "salary_max": 40000}


def test_allowances_are_not_pay_and_a_ceiling_is_only_a_maximum():
    assert values("(i) The salary would be fixed in the scale of Pay Band-4. (A maximum amount of Rs. 1, 30,000/-. "
                  "Per month may be given). (iii) In addition to the salary an allowance of Rs. 25,000/- per month "
                  "will be given.") == {"pay": "Pay Band-4", "salary_max": 130000}


def test_a_pay_level_without_any_word_of_pay_is_not_pay():
    assert values("Non Technical Popular Categories - Under Graduate (Level 2 & 3)") == {}
