"""JobSpider helpers, follow_document, politeness settings and the crawl-run summary."""

from pathlib import Path

from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.project import get_project_settings
from twisted.python.failure import Failure

from crawlers.base import JobSpider, clean_text, undecodable_share
from crawlers.health import run_summary
from tests.crawlers.conftest import captured_file, spider_for

FIXTURES = Path(__file__).resolve().parent / "pages" / "_fixtures"
BOARD = "http://bad-input.example/notices.html"


class BoardSpider(JobSpider):
    name = "board"
    organisation = "Fixture Board"
    state = "BR"


def board_response(body=b"<html><body></body></html>"):
    return HtmlResponse(BOARD, body=body, encoding="utf-8", request=Request(BOARD))


def test_project_settings_are_polite(monkeypatch):
    monkeypatch.delenv("JOBS_REPLAY", raising=False)
    import importlib

    import crawlers.settings

    importlib.reload(crawlers.settings)
    try:
        settings = get_project_settings()
        assert settings.getbool("ROBOTSTXT_OBEY")
        assert settings.getbool("AUTOTHROTTLE_ENABLED")
        assert 1 <= settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2
        assert settings.getfloat("DOWNLOAD_DELAY") > 0
        agent = settings.get("USER_AGENT")
        assert "Scrapy" not in agent and "+http" in agent and "@" in agent
        assert settings.get("HTTPCACHE_DIR") and settings.getint("HTTPCACHE_EXPIRATION_SECS") > 0
        assert "crawlers.health.CrawlHealth" in settings.getdict("EXTENSIONS")
    finally:
        importlib.reload(crawlers.settings)


def test_http_cache_is_for_development_only(monkeypatch):
    import importlib

    import crawlers.settings

    monkeypatch.setenv("JOBS_HTTPCACHE", "1")
    try:
        assert importlib.reload(crawlers.settings).HTTPCACHE_ENABLED is True
        monkeypatch.delenv("JOBS_HTTPCACHE")
        assert importlib.reload(crawlers.settings).HTTPCACHE_ENABLED is False
    finally:
        importlib.reload(crawlers.settings)


def test_links_in_keeps_labelled_document_links_only():
    body = (b'<ul><li><a href="/pdf/a b.pdf">Notice</a> <a href="#top">Top</a> '
            b'<a href="javascript:__doPostBack(\'x\',\'\')">View Pdf</a> <a href="/x.html"></a></li></ul>')
    links = BoardSpider().links_in(board_response(body), board_response(body).css("li"))
    assert links == [{"label": "Notice", "url": "http://bad-input.example/pdf/a%20b.pdf"}]


def test_clean_text_folds_space_and_nbsp():
    assert clean_text([" Advt.\u00a0No.", "\n 05/2018 ", None]) == "Advt. No. 05/2018"


def test_make_job_carries_source_metadata_and_drops_empty_fields(frozen):
    frozen("2018-03-15")
    item = spider_for(BoardSpider).make_job(board_response(), title="Clerk", advt_no="", links=[])
    assert dict(item) == {
        "source": "board", "source_kind": "official", "source_url": BOARD,
        "organisation": "Fixture Board", "state": "BR", "title": "Clerk", "scraped_at": "2018-03-15",
    }


def _fetched(spider, request, body: bytes, **kwargs) -> list:
    import asyncio

    response = Response(request.url, body=body, request=request, **kwargs)

    async def collect():
        return [x async for x in request.callback(response, **request.cb_kwargs)]

    return asyncio.run(collect())


def test_follow_document_reads_the_pdf_into_the_item():
    spider = spider_for(BoardSpider)
    item = spider.make_job(board_response(), title="JHT 2018")
    request = spider.follow_document(board_response(), "/pdf/ssc_jht2018_notice.pdf", item)
    assert request.dont_filter and item["pdf_url"] == "http://bad-input.example/pdf/ssc_jht2018_notice.pdf"
    [out] = _fetched(spider, request, captured_file("_fixtures", request.url).read_bytes())
    [document] = out["documents"]
    assert out is item and document["url"] == request.url and document["problem"] is None
    assert "22-10-2018 to 19-11-2018" in document["pages"][0]


def test_follow_document_reads_a_detail_page_into_the_item():
    spider = spider_for(BoardSpider)
    item = spider.make_job(board_response(), title="CEN 02/2018")
    request = spider.follow_document(board_response(), "/cen-02-2018.html", item)
    body = b"<html><body><p>Closing Date | 31.03.2018 at 23.59 hrs</p></body></html>"
    [out] = _fetched(spider, request, body, headers={"Content-Type": "text/html"})
    assert "pdf_url" not in out
    assert out["documents"][0]["kind"] == "html" and out["documents"][0]["pages"] == ["Closing Date | 31.03.2018 at 23.59 hrs"]


def test_follow_document_keeps_a_scan_as_a_problem_and_records_it():
    spider = spider_for(BoardSpider)
    item = spider.make_job(board_response(), title="Scanned")
    request = spider.follow_document(board_response(), "/pdf/scanned_notice.pdf", item)
    [out] = _fetched(spider, request, (FIXTURES / "scanned_notice.pdf").read_bytes())
    [document] = out["documents"]
    assert document["problem"].startswith("no text layer") and document["pages"] == []
    [error] = spider.crawler.stats.get_value("jobs/error_log")
    assert error["url"] == request.url and "no text layer" in error["reason"]


def test_follow_document_yields_the_item_when_the_download_fails():
    spider = spider_for(BoardSpider)
    item = spider.make_job(board_response(), title="Missing")
    request = spider.follow_document(board_response(), "/pdf/missing.pdf", item)
    failure = Failure(TimeoutError("took too long"))
    failure.request = request
    assert list(request.errback(failure)) == [item]
    assert item["documents"] == [{"url": "http://bad-input.example/pdf/missing.pdf", "kind": "pdf", "hash": None,
                                  "page_count": 0, "pages": [], "tables": [], "problem": "TimeoutError", "notes": []}]
    assert spider.crawler.stats.get_value("jobs/error_log") == [
        {"url": "http://bad-input.example/pdf/missing.pdf", "reason": "TimeoutError"}
    ]


def test_undecodable_share_counts_replacement_characters():
    wrong = (FIXTURES / "wrong_encoding.html").read_bytes().decode("utf-8", errors="replace")
    assert undecodable_share(wrong) > 0.01
    assert undecodable_share("साफ़ हिन्दी text – fine") == 0


def test_summary_ok():
    stats = {"item_scraped_count": 20, "item_dropped_count": 1, "response_received_count": 3,
             "jobs/store/insert": 18, "jobs/quarantine/no_title": 1}
    summary = run_summary(stats, may_be_empty=False, reason="finished")
    assert summary == {"status": "ok", "problem": None, "pages": 3, "items": 21, "inserted": 18,
                       "updated": 0, "unchanged": 0, "quarantined": 1, "errors": 0}


def test_summary_with_errors_is_partial():
    summary = run_summary({"item_scraped_count": 2, "jobs/error/http": 2, "jobs/error/pdf": 1},
                          may_be_empty=False, reason="finished")
    assert (summary["status"], summary["errors"]) == ("partial", 3)


def test_zero_items_fail_unless_may_be_empty():
    failed = run_summary({"response_received_count": 1}, may_be_empty=False, reason="finished")
    assert failed["status"] == "failed" and "no items" in failed["problem"]
    assert run_summary({}, may_be_empty=True, reason="finished")["status"] == "ok"


def test_a_crawl_that_did_not_finish_failed():
    summary = run_summary({"item_scraped_count": 4}, may_be_empty=False, reason="shutdown")
    assert (summary["status"], summary["problem"]) == ("failed", "crawl ended: shutdown")
