"""Age limits: years, per-category maxima kept, birth-date bounds, as-on dates, fractions."""

import datetime as dt

from core.domain.fields.ages import parse_ages


def test_years():
    ages = parse_ages(["Minimum Age : 21 Years", "Maximum Age : 30 Years"])
    assert (ages.minimum, ages.maximum) == (21, 30)


def test_per_category_maxima_are_kept_in_notes():
    lines = ["Minimum Age : 21 Years", "Maximum Age : 37 Years (Male)",
             "Maximum Age : 40 Years (Female UR, BC/ EBC-Male & Female)", "Maximum Age : 42 Years (SC/ ST-Male & Female)"]
    ages = parse_ages(lines)
    assert (ages.minimum, ages.maximum) == (21, 42)
    assert ages.notes == lines[1:]


def test_per_post_ranges():
    ages = parse_ages(["Office Assistant : 18-28 Years", "Officer Scale-III : 21-40 Years"])
    assert (ages.minimum, ages.maximum) == (18, 40)


def test_a_fractional_minimum_is_not_rounded():
    ages = parse_ages(["Agniveer GD : 17.5 to 22 Years (01/10/2005 to 01/04/2009)",
                       "JCO Religious Teacher : 27-34 Years as on 01 July 2026"])
    assert ages.minimum is None and ages.maximum == 34
    assert ages.as_on == dt.date(2026, 7, 1)
    assert any("17.5" in w for w in ages.warnings)


def test_birth_date_bounds_without_an_as_on_date_give_no_years():
    ages = parse_ages(["Minimum Age : 01/01/2008", "Maximum Age : 02/01/2002 (Male)"])
    assert (ages.minimum, ages.maximum) == (None, None)
    assert ages.warnings and "Maximum Age : 02/01/2002 (Male)" in ages.notes


def test_birth_date_bounds_with_an_as_on_date_give_years():
    ages = parse_ages(["Age as on 01/01/2026", "Minimum Age : 01/01/2008", "Maximum Age : 02/01/2001"])
    assert (ages.minimum, ages.maximum, ages.as_on) == (18, 24, dt.date(2026, 1, 1))


def test_relaxation_text_is_kept():
    ages = parse_ages(["Maximum Age : 40 Years", "RSSB provides age relaxation as per their regulations."])
    assert "relaxation" in ages.relaxation


def test_not_applicable_is_empty():
    ages = parse_ages(["Minimum Age : N/A", "Maximum Age : NA"])
    assert (ages.minimum, ages.maximum) == (None, None)
