"""The loopback replay: captured status, headers and redirects; misses, delays and cut bodies."""

import http.client
import time
from pathlib import Path

import pytest

from crawlers.replay import ReplayServer, load_captures, replay_key
from tests.crawlers.conftest import captured_file
from tests.crawlers.crawl_fixture import crawl

PAGES = Path(__file__).resolve().parent / "pages"


@pytest.fixture(scope="module")
def server():
    return ReplayServer.shared(PAGES)


def get(server, url, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request(method, server.url_for(url).removeprefix(server.base_url))
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


def test_captured_page_keeps_its_headers(server):
    response, body = get(server, "http://bad-input.example/whole.html")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("X-Powered-By") == "ASP.NET"
    assert body == captured_file("_fixtures", "http://bad-input.example/whole.html").read_bytes()


def test_captured_redirect_keeps_status_and_location(server):
    response, body = get(server, "http://www.upsc.gov.in/")
    assert (response.status, response.getheader("Location"), body) == (301, "http://upsc.gov.in/", b"")


def test_captured_500_is_a_500(server):
    response, body = get(server, "http://bad-input.example/error.html")
    assert response.status == 500
    assert b"Server Error" in body


def test_uncaptured_url_is_a_counted_404(server):
    before = len(server.misses)
    response, _ = get(server, "http://bad-input.example/never-captured.html")
    assert (response.status, response.getheader("X-Replay")) == (404, "miss")
    assert server.misses[before:] == ["http://bad-input.example/never-captured.html"]


def test_delay_holds_the_answer_back(server):
    started = time.monotonic()
    response, _ = get(server, "http://bad-input.example/slow.html", method="HEAD")
    assert response.status == 200
    assert time.monotonic() - started >= 4


def test_truncate_sends_part_of_the_body_and_closes(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("GET", server.url_for("http://bad-input.example/truncated.html").removeprefix(server.base_url))
    response = conn.getresponse()
    assert int(response.getheader("Content-Length")) > 3000
    with pytest.raises(http.client.IncompleteRead) as cut:
        response.read()
    assert len(cut.value.partial) == 3000


def test_keys_ignore_fragment_and_host_case():
    assert replay_key("http://UPSC.gov.in/#top") == replay_key("http://upsc.gov.in/")


def test_manifest_options_are_loaded():
    captures = load_captures(PAGES)
    assert captures[replay_key("http://bad-input.example/slow.html")].delay == 4
    assert captures[replay_key("http://bad-input.example/truncated.html")].truncate == 3000
    assert captures[replay_key("http://bad-input.example/error.html")].status == 500
    pdf = captures[replay_key("http://bad-input.example/pdf/scanned_notice.pdf")]
    assert pdf.headers["Content-Type"] == "application/pdf"


def test_a_page_stored_once_is_found_from_every_manifest_naming_it():
    captures = load_captures(PAGES)
    shared = captures[replay_key("http://bad-input.example/whole.html")].file
    assert shared == captures[replay_key("http://upsc.gov.in/")].file
    assert shared.parent == PAGES / "notice_board" / "real"


def test_a_folder_linked_into_another_root_still_finds_the_shared_page(tmp_path):
    # the crawl bench builds its replay root from links to these folders
    (tmp_path / "upsc").symlink_to(PAGES / "upsc")
    capture = load_captures(tmp_path)[replay_key("http://upsc.gov.in/")]
    assert capture.file == PAGES / "notice_board" / "real" / "upsc_gov_in_home_whatsnew_2018.html"


def test_an_entry_whose_file_is_missing_is_not_served(tmp_path, caplog):
    (tmp_path / "board").mkdir()
    (tmp_path / "board" / "urls.json").write_text(
        '{"urls": {"http://board.example/": "../elsewhere/home.html"}}', encoding="utf-8")
    assert load_captures(tmp_path) == {}
    assert "elsewhere/home.html, which does not exist" in caplog.text


@pytest.fixture(scope="module")
def scrapy_crawl(tmp_path_factory):
    urls = ["http://bad-input.example/not-captured.html", "http://bad-input.example/slow.html",
            "http://bad-input.example/truncated.html", "http://upsc.gov.in/"]
    return crawl("fixture_pages", tmp_path_factory.mktemp("replay"), "-a", f"urls={','.join(urls)}",
                 settings={"DOWNLOAD_TIMEOUT": 1})


@pytest.mark.slow
def test_scrapy_counts_the_miss_but_not_robots_txt(scrapy_crawl):
    stats = scrapy_crawl["stats"]
    assert stats["jobs/replay/miss"] == 1
    assert stats["robotstxt/response_status_count/404"] >= 1


@pytest.mark.slow
def test_scrapy_times_out_on_a_delayed_capture(scrapy_crawl):
    assert {"url": "http://bad-input.example/slow.html", "reason": "DownloadTimeoutError"} in (
        scrapy_crawl["stats"]["jobs/error_log"]
    )


@pytest.mark.slow
def test_scrapy_sees_data_loss_on_a_truncated_capture(scrapy_crawl):
    assert scrapy_crawl["stats"]["downloader/exception_type_count/scrapy.exceptions.ResponseDataLossError"] == 1


@pytest.mark.slow
def test_real_page_comes_through_the_real_download_path(scrapy_crawl):
    titles = {i["source_url"]: i["title"] for i in scrapy_crawl["items"]}
    assert titles == {"http://upsc.gov.in/": "Welcome to UPSC | UPSC"}
