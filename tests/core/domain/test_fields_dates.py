"""Dates in every form the real captures use."""

import datetime as dt

import pytest

from core.domain.fields.dates import find_dates, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("17-03-2018", D(2018, 3, 17), None),
        ("10.02.2018 at 10.00 hrs", D(2018, 2, 10), None),  # rrbonlinereg, time ignored
        ("31.03.2018 at 23.59 hrs", D(2018, 3, 31), None),  # rrbonlinereg fee deadline
        ("23/04/2018'", D(2018, 4, 23), None),  # UPSSSC "Visible upto", stray quote
        ("27th February 2025", D(2025, 2, 27), None),
        ("13-14 September 2025", D(2025, 9, 13), D(2025, 9, 14)),
        ("05 - 06 April 2026", D(2026, 4, 5), D(2026, 4, 6)),
        ("26 May 2025 to 04 June 2025", D(2025, 5, 26), D(2025, 6, 4)),
        ("31 January - 06 February 2026", D(2026, 1, 31), D(2026, 2, 6)),
        ("13, 16, 17 & 18 February 2026", D(2026, 2, 13), D(2026, 2, 18)),
        ("06, 07, 13, & 14 December 2025", D(2025, 12, 6), D(2025, 12, 14)),
        ("08, 09, 10 June 2026", D(2026, 6, 8), D(2026, 6, 10)),
        ("06 January 2026 Available now", D(2026, 1, 6), None),
        ("16 January 2026 (with no late fee)", D(2026, 1, 16), None),
        ("15 मार्च 2026", D(2026, 3, 15), None),
        ("02 फ़रवरी 2026", D(2026, 2, 2), None),
    ],
)
def test_a_date_and_its_range_end(text, start, end):
    value = parse_date(text)
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize("text", ["Notify Soon", "Notified Soon", "Before Exam", "Available Now",
                                  "Will Be Updated Here Soon", "Notify Later", "03 Days Before Exam"])
def test_placeholders_are_not_yet_known_rather_than_a_date(text):
    value = parse_date(text)
    assert value.start is None and value.pending


@pytest.mark.parametrize("text", ["February 2026 Tentative", "January, February 2026", "November 2025"])
def test_a_month_is_not_a_day_exact_date(text):
    value = parse_date(text)
    assert value.start is None and value.approximate and not value.pending


@pytest.mark.parametrize("text", ["00 May 2025", "31/02/2025", "99-99-9999", "", "   ", "date"])
def test_impossible_dates_are_empty(text):
    assert parse_date(text).start is None


def test_find_dates_keeps_the_order_of_appearance():
    assert find_dates("from 10.02.2018 at 10.00 hrs to 31.03.2018 at 23.59 hrs") == [D(2018, 2, 10), D(2018, 3, 31)]
