"""All rules over a notice's documents: which document wins, what a result may give."""

import datetime as dt

from core.domain.extract.document import Document
from core.domain.extract.notice_facts import extract_facts
from tests.core.domain.extract.documents import document, labelled


def test_the_first_document_that_states_a_fact_wins():
    first = document("Applications are invited. Last date for receipt of applications: 03.12.2025",
                     url="https://board.example/detail.html")
    second = document("Applications are invited. Last date for receipt of applications: 10.12.2025")
    fact = extract_facts([first, second]).facts["apply_last"]
    assert (fact.value, fact.document) == (dt.date(2025, 12, 3), "https://board.example/detail.html")


def test_a_result_gives_its_number_and_date_but_no_recruitment_facts():
    facts = extract_facts([labelled("rrb-bsp-cen-01-2019-level2-cutoff-2023-03-17")]).facts
    assert set(facts) == {"advt_no", "notice_date"}  # not its "Pay Level - 2" nor its category columns


def test_an_unreadable_document_adds_its_problem_and_no_fact():
    scan = Document(url="https://board.example/scan.pdf", kind="pdf", problem="no text layer (an image-only PDF: needs OCR)")
    extraction = extract_facts([scan])
    assert (extraction.facts, extraction.problems) == (
        {}, ["https://board.example/scan.pdf: no text layer (an image-only PDF: needs OCR)"])


def test_a_document_without_an_absolute_address_cannot_be_cited():
    extraction = extract_facts([document("Last date for receipt of applications: 03.12.2025", url="notice.pdf")])
    assert extraction.facts == {} and extraction.problems[0].startswith("notice.pdf: not an absolute")
