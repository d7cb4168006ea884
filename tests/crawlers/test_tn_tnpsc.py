import pytest

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.tn_tnpsc import TnTnpscSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


@pytest.fixture
def items(frozen):
    frozen("tn_tnpsc")
    return parse_all(spider_for(TnTnpscSpider), captured_response("tn_tnpsc"))


def test_ticker_and_whats_new_give_four_notices(items):
    assert len(items) == 4


def test_one_whole_notice(items):
    title = "Combined Civil Services Examination - II (Group - II A Services), 2017-2018 Marks and Rank"
    assert dict(items[1]) == {
        "source": "tn_tnpsc",
        "source_kind": "official",
        "source_url": "http://www.tnpsc.gov.in/ResultGet-g2a2017rank.html",
        "organisation": "Tamil Nadu Public Service Commission",
        "state": "TN",
        "category": "State PSC",
        "title": title,
        "notice_kind": "Marks and Rank",
        "links": [{"label": title, "url": "http://www.tnpsc.gov.in/ResultGet-g2a2017rank.html"}],
        "scraped_at": "2018-03-23",
    }


def test_rank_lists_in_both_boxes_are_yielded_once(items):
    urls = [i["source_url"].lower() for i in items]
    assert len(urls) == len(set(urls))
    assert sum("rank.html" in u for u in urls) == 3


def test_whats_new_pdf_behind_an_empty_outer_anchor(items):
    planner = items[-1]
    assert planner["title"] == "Annual planner-2018"
    assert planner["pdf_url"] == "http://tnpsc.gov.in/2018_ARP_FINAL.pdf"


def test_welcome_departmental_exam_and_instructions_are_not_notices(items):
    titles = " ".join(i["title"] for i in items)
    assert "Welcome" not in titles
    assert "Departmental" not in titles
    assert "Instructions" not in titles


def test_every_item_validates(items):
    for item in items:
        assert isinstance(validate_job(normalise_job(dict(item)), dict(item)), JobPosting)
