"""A crawl follows notice PDFs into ``documents``: the real SSC notice, the real CSBC syllabus
(legacy font), a cut file, a scan and a 404, each recorded with its reason."""

import pytest


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
    [document] = jht["documents"]
    assert (document["url"], document["problem"], document["page_count"]) == (jht["pdf_url"], None, 37)
    assert "22-10-2018 to 19-11-2018" in document["pages"][0]


@pytest.mark.slow
def test_an_unreadable_document_keeps_its_reason_and_no_text(board_crawl):
    problems = {d["url"].rsplit("/", 1)[1]: d["problem"] for i in board_crawl["items"]
                for d in i.get("documents", []) if d["problem"]}
    assert problems["scanned_notice.pdf"].startswith("no text layer")
    assert problems["csbc_advt01_2020_syllabus.pdf"].startswith("unreadable text")
    assert problems["ssc_jht2018_notice_truncated.pdf"].startswith("broken PDF")
    assert problems["missing.pdf"] == "HTTP 404"
    assert all(not d["pages"] for i in board_crawl["items"] for d in i.get("documents", []) if d["problem"])


@pytest.mark.slow
def test_crawl_records_each_document_problem_with_its_url(board_crawl):
    log = {e["url"].rsplit("/", 1)[1]: e["reason"] for e in board_crawl["stats"]["jobs/error_log"]}
    assert set(log) == {"csbc_advt01_2020_syllabus.pdf", "ssc_jht2018_notice_truncated.pdf",
                        "scanned_notice.pdf", "missing.pdf"}
    assert log["scanned_notice.pdf"] == "PDF no text layer (an image-only PDF: needs OCR)"
    assert log["ssc_jht2018_notice_truncated.pdf"].startswith("PDF broken PDF")
    assert log["csbc_advt01_2020_syllabus.pdf"].startswith("PDF unreadable text")
    assert log["missing.pdf"] == "HTTP 404"
