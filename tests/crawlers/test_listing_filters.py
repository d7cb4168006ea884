"""Aggregator row kinds: box headings and titles, with the stage words of core.domain.stages."""

import pytest

from crawlers.engines.listing_filters import box_kind, row_kind, title_kind


@pytest.mark.parametrize(("heading", "kind"), [
    ("Admit Card", "Admit Card"), ("Call Letters", "Admit Card"), ("Answer Keys", "Answer Key"),
    ("Exam Result", "Result"), ("Top Online Form", "Latest Jobs"), ("Syllabus", None),
])
def test_box_heading_kind(heading, kind):
    assert box_kind(heading) == kind


@pytest.mark.parametrize(("title", "kind"), [
    ("UPSC CDS I Marks 2025", "Result"),
    ("SSC GD Constable Cut Off 2018", "Result"),
    ("FCI Delhi Watchman PET Call Letter", "Admit Card"),
    ("NEET PG Counselling 2018", None),
    ("B.Ed Entrance Exam Admission 2018", None),
    ("IBPS RRB Officer Online Form 2018", "Latest Jobs"),
])
def test_title_kind(title, kind):
    assert title_kind(title) == kind


def test_a_mixed_box_takes_the_titles_kind():
    assert row_kind("New Updates", "SSC CGL Answer Key 2018") == "Answer Key"
