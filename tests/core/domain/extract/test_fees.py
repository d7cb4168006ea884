"""Fees per category from a notice's fee paragraph and fee tables."""

from core.domain.extract.document import Table
from core.domain.extract.fees import fees
from tests.core.domain.extract.documents import document


def fee_values(*pages: str, tables=None) -> dict:
    return {name: fact.value for name, fact in fees(document(*pages, tables=tables)).items()}


def test_a_fee_and_its_exemptions():
    assert fee_values("10. Application Fee: (a) Fee payable: Rs 100/- (Rs one hundred only) (b) Fee can be paid "
                      "through SBI Challan. (c) Women candidates and candidates belonging to Scheduled Caste (SC), "
                      "Scheduled Tribe (ST) and Persons with disability (PwD) are exempted from payment of fee.") == {
        "fees.general": 100, "fees.female": 0, "fees.sc_st": 0, "fees.pwd": 0}


def test_no_application_fee_is_a_general_fee_of_nothing():
    assert fee_values("There is no application fee.") == {"fees.general": 0}


def test_named_payers_and_exempted_categories_in_one_sentence():
    assert fee_values("Applicant belonging to the category UR/OBC/EWS Male/trans-man have to pay a fee of Rs.100/- "
                      "for each set of five options.Payment of fee is exempted for all female/trans-woman candidates, "
                      "all SC/ST candidates and all PwD candidates.") == {
        "fees.general": 100, "fees.obc": 100, "fees.ews": 100, "fees.female": 0, "fees.sc_st": 0, "fees.pwd": 0}


def test_each_amount_goes_to_the_categories_named_before_it():
    assert fee_values("Application fee: General/OBC: Rs. 500/-, SC/ST: Rs. 250/-") == {
        "fees.general": 500, "fees.obc": 500, "fees.sc_st": 250}


def test_a_table_read_as_text_is_too_ambiguous_to_read():
    assert fee_values("FEE DETAILS FOR GENERAL/OBC FOR SC/ST/PH Rs.1400/- (INR) Rs.750/- (INR)") == {}


def test_a_fee_table_pairs_categories_and_amounts_by_column():
    table = Table(page=1, rows=[["FEE DETAILS", "FOR GENERAL/OBC", "", "FOR SC/ST/PH"],
                                ["", "Rs.1400/- (INR)", "", "Rs.750/- (INR)"]])
    assert fee_values("FEE DETAILS FOR GENERAL/OBC FOR SC/ST/PH Rs.1400/- (INR) Rs.750/- (INR)", tables=[table]) == {
        "fees.general": 1400, "fees.obc": 1400, "fees.sc_st": 750, "fees.pwd": 750}


def test_a_late_fee_is_not_the_application_fee():
    assert fee_values("A late fee of Rs. 200/- will be charged after the last date.") == {}
