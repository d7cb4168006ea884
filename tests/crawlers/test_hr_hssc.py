import pytest

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.hr_hssc import HrHsscSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


@pytest.fixture
def spider():
    return spider_for(HrHsscSpider)


@pytest.fixture
def items(frozen, spider):
    frozen("hr_hssc")
    return parse_all(spider, captured_response("hr_hssc"))


def test_banners_result_and_interview_rows(items):
    assert len(items) == 26
    assert [i.get("notice_kind") for i in items[-2:]] == ["Results", "Interviews/Corrigendum"]


def test_one_whole_advertisement_banner(items):
    assert dict(items[0]) == {
        "source": "hr_hssc",
        "source_kind": "official",
        "source_url": "http://adv12018.hryssc.in",
        "organisation": "Haryana Staff Selection Commission",
        "state": "HR",
        "category": "State SSC",
        "title": "Click here for Advt. 01/2018",
        "advt_no": "Advt. 01/2018",
        "links": [{"label": "Click here for Advt. 01/2018", "url": "http://adv12018.hryssc.in"}],
        "scraped_at": "2018-03-14",
    }


def test_each_advertisement_links_to_its_own_portal(items):
    banners = [i for i in items if i.get("advt_no") and i["source_url"].endswith(("hryssc.in", "hryssc.in/"))]
    assert len(banners) == 21
    assert len({i["source_url"] for i in banners}) == 21
    assert {"Advt no 4/2016", "ADVT. NO. 7/2015", "Advt. 11/2017"} <= {i["advt_no"] for i in banners}


def test_advt_no_stays_raw_and_the_normaliser_reads_it(items):
    item = next(i for i in items if i.get("advt_no") == "Advt no 4/2016")
    assert normalise_job(dict(item))["advt_no"].endswith("4/2016")


def test_result_and_interview_rows_have_no_link_but_a_distinct_key(items):
    result, interview = items[-2:]
    assert result["title"] == "Interview Notice for the post of Agriculture Inspector ( Soil Conservaion)"
    assert result["advt_no"] == "Advt. No. 6/2016 cat 37"
    assert interview["title"] == "Corrigendum Regarding Advt. No.12/2015 Cat.No. 1,2,3,4,5 and 6"
    assert interview["notice_date"] == "29/02/2016"
    for row in (result, interview):
        assert row["source_url"].startswith("http://hssc.gov.in/#")
        assert "links" not in row


def test_calendar_postbacks_and_portal_buttons_are_ignored(items, spider):
    assert spider.crawler.stats.get_value("jobs/skipped/postback") == 2
    assert not any("javascript" in i["source_url"] for i in items)
    titles = {i["title"] for i in items}
    assert "Apply Job Online" not in titles
    assert not any("preferences of departments" in t for t in titles)  # hidden banner


def test_every_item_validates(items):
    for item in items:
        assert isinstance(validate_job(normalise_job(dict(item)), dict(item)), JobPosting)
    assert len({i["source_url"] for i in items}) == len(items)
