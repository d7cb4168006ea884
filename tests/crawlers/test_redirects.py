"""The base spider follows the three captured soft redirects and real 301/302s, through the replay."""

import pytest

from crawlers.redirects import soft_redirect_target
from tests.crawlers.conftest import captured_response
from tests.crawlers.crawl_fixture import crawl

SOFT = {
    "http://employmentnews.gov.in/": "http://employmentnews.gov.in/NewEmp/Home.aspx",  # JS setTimeout
    "http://mpsc.gov.in/": "https://mpsc.gov.in:443/1035/Home",  # IIS "Object moved"
    "http://tspsc.gov.in/": "http://tspsc.gov.in/TSPSCWEB0508/indexnew.jsp",  # meta refresh
}


@pytest.fixture(scope="module")
def redirected(tmp_path_factory):
    urls = [*SOFT, "http://bad-input.example/found.html"]
    result = crawl("fixture_pages", tmp_path_factory.mktemp("redirects"), "-a", f"urls={','.join(urls)}")
    assert result["returncode"] == 0, result["log"][-2000:]
    return result


@pytest.mark.parametrize("start", list(SOFT))
def test_target_is_read_from_the_capture(start):
    assert soft_redirect_target(captured_response("redirects", start)) == SOFT[start]


@pytest.mark.slow
@pytest.mark.parametrize("start", list(SOFT))
def test_crawl_follows_soft_redirect(redirected, start):
    [item] = [i for i in redirected["items"] if i["source_url"] == SOFT[start]]
    assert item["title"].endswith("(synthetic redirect target)")


@pytest.mark.slow
def test_js_and_iis_redirects_are_followed_by_the_base_spider(redirected):
    # Scrapy's MetaRefreshMiddleware takes the meta refresh itself; JobSpider.soft_redirect the rest.
    assert redirected["stats"]["jobs/redirect/soft"] == 2
    assert not any(i["source_url"] in SOFT for i in redirected["items"])


@pytest.mark.slow
def test_302_then_301_arrive_at_the_final_page(redirected):
    stats = redirected["stats"]
    assert stats["downloader/response_status_count/302"] == 1
    assert stats["downloader/response_status_count/301"] == 1
    [item] = [i for i in redirected["items"] if "bad-input.example" in i["source_url"]]
    assert item["source_url"] == "http://bad-input.example/whole.html"
    assert item["title"] == "Welcome to UPSC | UPSC"


def test_a_real_page_is_not_a_redirect():
    assert soft_redirect_target(captured_response("upsc")) is None
