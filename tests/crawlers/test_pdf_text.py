"""pdf_text on the real SSC notice, the real CSBC syllabus (legacy font), a cut file and a scan."""

from pathlib import Path

import pytest

from crawlers.pdf_text import pdf_text
from tests.crawlers.image_pdf import image_only_pdf

FIXTURES = Path(__file__).resolve().parent / "pages" / "_fixtures"


@pytest.fixture(scope="module")
def ssc_notice() -> bytes:
    return (FIXTURES / "ssc_jht2018_notice.pdf").read_bytes()


def test_real_notice_text_is_extracted_with_its_dates(ssc_notice):
    result = pdf_text(ssc_notice)
    assert (result.pages, result.readable, result.problem) == (37, True, None)
    assert "Date for submission of online applications: 22-10-2018 to 19-11-2018" in result.text
    assert "Junior Hindi Translator" in result.text


def test_legacy_font_hindi_is_reported_unreadable_not_passed_on():
    result = pdf_text((FIXTURES / "csbc_advt01_2020_syllabus.pdf").read_bytes())
    assert result.pages == 33
    assert result.readable is False
    assert result.problem.startswith("unreadable text")


def test_truncated_pdf_is_a_problem_not_a_crash(ssc_notice):
    result = pdf_text(ssc_notice[: len(ssc_notice) // 4])
    assert result.readable is False
    assert result.problem.startswith("broken PDF")
    assert result.text == ""


def test_image_only_pdf_has_no_text_layer():
    result = pdf_text(image_only_pdf())
    assert (result.pages, result.readable, result.text) == (1, False, "")
    assert "no text layer" in result.problem


def test_committed_scan_fixture_is_the_generated_one():
    assert (FIXTURES / "scanned_notice.pdf").read_bytes() == image_only_pdf()


@pytest.mark.parametrize("body", [b"", b"<html><body>Not Found</body></html>", b"%PDF-1.4\n%%EOF"])
def test_non_pdf_and_empty_bodies_are_problems(body):
    result = pdf_text(body)
    assert result.readable is False and result.problem
