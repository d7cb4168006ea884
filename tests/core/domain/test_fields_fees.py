"""Fees per category, Nil/exempt as 0, payment modes, ranges and oddities."""

from core.domain.fields.fees import parse_fees


def test_categories_from_a_real_post():
    fees, warnings = parse_fees(["For General, OBC, EWS : ₹ 600/-", "For SC / ST : ₹ 400/-"])
    assert (fees.general, fees.obc, fees.ews, fees.sc_st) == (600, 600, 600, 400)
    assert warnings == []


def test_no_fee_is_zero_not_missing():
    fees, _ = parse_fees(["General, OBC : ₹ 200/-", "SC / ST, Female : ₹ 00/- No Fee"])
    assert (fees.general, fees.sc_st, fees.female) == (200, 0, 0)


def test_nil_and_exempt_are_zero():
    fees, _ = parse_fees(["General : Rs. 100", "SC/ST/PwD : Nil", "Female : Exempted"])
    assert (fees.general, fees.sc_st, fees.pwd, fees.female) == (100, 0, 0, 0)


def test_all_candidates_fills_every_category():
    fees, _ = parse_fees(["For All Category Candidates : ₹ 100/-"])
    assert (fees.general, fees.sc_st, fees.female, fees.pwd) == (100, 100, 100, 100)


def test_a_range_is_not_one_amount():
    fees, warnings = parse_fees(["For General, OBC, EWS : ₹ 1000/- To 2000/-"])
    assert fees.general is None
    assert "range" in warnings[0]


def test_two_fees_without_a_category_say_nothing_per_category():
    fees, _ = parse_fees(["For Counselling Registration Fee : ₹ 250/-", "Seat Acceptance Fee : ₹ 3000/-"])
    assert fees.general is None and len(fees.notes) == 2


def test_correction_charge_and_employee_fees_are_not_category_fees():
    fees, _ = parse_fees(["For General, OBC : ₹ 600/-", "For Correction Charge : ₹ 300/-",
                          "For OICL Employees : ₹ 250/-"])
    assert fees.general == 600 and fees.sc_st is None


def test_payment_modes():
    fees, _ = parse_fees(["Payment Mode (Online): Debit Card Credit Card Internet Banking IMPS Cash Card / Mobile Wallet"])
    assert fees.payment_modes == ["Debit Card", "Credit Card", "Net Banking", "IMPS", "Wallet"]


def test_a_huge_fee_is_ignored_with_a_warning():
    fees, warnings = parse_fees(["General : ₹ 99999999999/-"])
    assert fees.general is None and warnings
