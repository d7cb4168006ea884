from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.navy import NavySpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


def _items(frozen):
    frozen("navy")
    return parse_all(spider_for(NavySpider), captured_response("navy"))


def test_whats_new_and_current_events(frozen):
    items = _items(frozen)
    assert len(items) == 3
    assert dict(items[1]) == {
        "source": "navy",
        "source_kind": "official",
        "source_url": "http://joinindiannavy.gov.in/#call-up-letters-for-aa-144-batch-for-pft-and-medical-examination-have-been-uploaded",
        "organisation": "Indian Navy",
        "category": "Defence",
        "scraped_at": "2018-03-15",
        "title": "Call-up letters for AA 144 batch for PFT and Medical Examination have been uploaded.",
        "notice_kind": "Admit Card",
    }


def test_items_without_links_get_a_title_fragment(frozen):
    unlinked = [i for i in _items(frozen) if not i.get("links")]
    assert len(unlinked) == 2
    assert all(i["source_url"].startswith("http://joinindiannavy.gov.in/#") for i in unlinked)
    assert len({i["source_url"] for i in unlinked}) == 2


def test_advisory_and_commented_out_ticker_are_dropped(frozen):
    titles = " ".join(i["title"] for i in _items(frozen))
    assert "Aadhaar" not in titles
    assert "Global Design Competition" not in titles  # inside an HTML comment


def test_current_event_keeps_its_link_and_date(frozen):
    event = _items(frozen)[2]
    assert event["notice_kind"] == "Merit List"
    assert event["notice_date"] == "22/02/2018"
    assert event["source_url"].startswith("http://joinindiannavy.gov.in/en/event/merit-list-")


def test_board_may_be_empty():
    assert NavySpider.may_be_empty is True


def test_every_item_validates(frozen):
    for item in map(dict, _items(frozen)):
        assert isinstance(validate_job(normalise_job(item), item), JobPosting)
