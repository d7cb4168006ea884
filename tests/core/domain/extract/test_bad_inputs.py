"""Every bad input and non-job document of ``bad/``: read without a crash, the problem recorded
where the file cannot give facts, and no fact that its own document does not state."""

import re

import pytest

from core.domain.extract.notice_facts import extract_facts
from tests.core.domain.extract.documents import labelled
from tests.core.domain.extract.label_checks import BAD, load

BAD_INPUTS = load(BAD / "labels.json")
# What the reader says of each file whose label names a problem it can see in the bytes.
PROBLEMS = {
    "no text layer": "no text layer",
    "legacy font": "unreadable text",
    "broken": "not a PDF",  # its "%PDF" header was mangled with the rest of its bytes
    "truncated": "broken PDF",
    "bad OCR text layer": "unreadable text",
}
# Read fine, though the label names a problem: a gazette whose legacy-font words are only its
# running header (0.2 % of its words), and files whose problem is what they are, not their bytes.
READABLE = {"cbdt-gazette-notification-01-2020", "upsc-cms-2025-written-result"}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("label", BAD_INPUTS, ids=[b["id"] for b in BAD_INPUTS])
def test_a_bad_input_is_recorded_with_its_reason_and_nothing_is_invented(label):
    document = labelled(label["file"].rsplit(".", 1)[0])
    extraction = extract_facts([document])
    expected = PROBLEMS.get(label["problem"]) if label["id"] not in READABLE else None
    if expected:
        assert document.problem.startswith(expected)
        assert extraction.facts == {} and extraction.problems == [f"{document.url}: {document.problem}"]
    else:
        assert document.problem is None
        for name, fact in extraction.facts.items():
            assert _squash(fact.quote) in _squash(document.pages[fact.page - 1]), name


def test_the_roll_numbers_of_a_long_result_list_are_not_posts():
    facts = extract_facts([labelled("upsc-cms-2025-written-result")]).facts
    assert "posts" not in facts and "total_posts" not in facts
