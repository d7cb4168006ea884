"""pdf_text on the real SSC notice, the real CSBC syllabus (legacy font), a cut file and a scan."""

from pathlib import Path

import pytest

from crawlers.pdf_text import pdf_text
from tests.crawlers.conftest import captured_file
from tests.crawlers.image_pdf import image_only_pdf

FIXTURES = Path(__file__).resolve().parent / "pages" / "_fixtures"


@pytest.fixture(scope="module")
def ssc_notice() -> bytes:
    return captured_file("_fixtures", "http://bad-input.example/pdf/ssc_jht2018_notice.pdf").read_bytes()


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


@pytest.fixture(scope="module")
def board_crawl(tmp_path_factory):
    from tests.crawlers.crawl_fixture import crawl

    return crawl("fixture_pages", tmp_path_factory.mktemp("pdfs"), "-a",
                 "urls=http://bad-input.example/notices.html")


@pytest.mark.slow
def test_crawl_follows_notice_pdfs_and_keeps_every_notice(board_crawl):
    items = {i["title"]: i for i in board_crawl["items"]}
    assert len(items) == 5
    jht = items["Junior Hindi Translator Examination 2018 notice"]
    assert jht["pdf_url"] == "http://bad-input.example/pdf/ssc_jht2018_notice.pdf"
    assert "22-10-2018 to 19-11-2018" in jht["pdf_text"]
    assert [t for t, i in items.items() if "pdf_text" in i] == [jht["title"]]


@pytest.mark.slow
def test_crawl_records_each_pdf_problem_with_its_url(board_crawl):
    log = {e["url"].rsplit("/", 1)[1]: e["reason"] for e in board_crawl["stats"]["jobs/error_log"]}
    assert log == {
        "csbc_advt01_2020_syllabus.pdf": log["csbc_advt01_2020_syllabus.pdf"],
        "ssc_jht2018_notice_truncated.pdf": "PDF broken PDF: PdfStreamError: Stream has ended unexpectedly",
        "scanned_notice.pdf": "PDF no text layer (an image-only PDF: needs OCR)",
        "missing.pdf": "HTTP 404",
    }
    assert log["csbc_advt01_2020_syllabus.pdf"].startswith("PDF unreadable text")
