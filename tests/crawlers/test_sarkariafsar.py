import json

from crawlers.spiders.sarkariafsar import SarkariafsarSpider
from tests.crawlers.conftest import PAGES, captured_response, parse_all, spider_for

FEED = "https://www.sarkariafsar.com/feed/posts.json"


def _items(frozen):
    frozen("sarkariafsar")
    return parse_all(spider_for(SarkariafsarSpider), captured_response("sarkariafsar", FEED))


def test_one_item_per_post(frozen):
    items = _items(frozen)
    assert len(items) == 26
    assert len({i["source_url"] for i in items}) == 26


def test_a_whole_post(frozen):
    item = dict(next(i for i in _items(frozen) if i["title"].startswith("Yantra India")))
    post = next(p for p in json.loads((PAGES / "sarkariafsar" / "posts.json").read_text())["jobs"]
                if p["title"].startswith("Yantra India"))
    assert item["source_url"] == FEED + "#yantra-india-limited-yil-apprentice-recruitment-2026"
    assert item["source_kind"] == "aggregator"
    assert "organisation" not in item  # each post names its organisation; the normaliser finds it
    assert item["important_dates"][:3] == [
        "Notification Date : 24 January 2026",
        "Online Apply Start Date : 01 February 2026",
        "Online Apply Last Date : 03 March 2026",
    ]
    assert item["application_fee"] == post["applicationFee"]
    assert item["age_limit"] == post["ageLimit"]
    assert [t["headers"] for t in item["vacancy_tables"]] == [t["headers"] for t in post["vacancyDetails"]]
    assert item["links"] == [{"label": lk["label"], "url": lk["url"]} for lk in post["importantLinks"] if lk["url"]]


def test_a_broken_feed_is_an_error_not_a_crash(frozen):
    from scrapy.http import TextResponse

    frozen("sarkariafsar")
    spider = spider_for(SarkariafsarSpider)
    response = TextResponse(FEED, body=b'{"jobs": [ {"title": "cut', encoding="utf-8")
    assert list(spider.parse(response)) == []
    assert spider.crawler.stats.get_value("jobs/error/broken") == 1
