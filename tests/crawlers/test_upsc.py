from crawlers.spiders.upsc import UpscSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


def test_whats_new_rows(frozen):
    frozen("upsc")
    items = parse_all(spider_for(UpscSpider), captured_response("upsc"))
    assert len(items) == 21
    first = dict(items[1])
    assert first == {
        "source": "upsc",
        "source_kind": "official",
        "source_url": "http://upsc.gov.in/whats-new/Recruitment%20to%2047%20Posts%20of%20Public%20Prosecutors%20in%20CBI",
        "organisation": "Union Public Service Commission",
        "category": "UPSC",
        "title": "Recruitment to 47 Posts of Public Prosecutors in CBI",
        "notice_kind": "Interview Details",
        "links": [{
            "label": "Interview Details: Recruitment to 47 Posts of Public Prosecutors in CBI",
            "url": "http://upsc.gov.in/whats-new/Recruitment%20to%2047%20Posts%20of%20Public%20Prosecutors%20in%20CBI",
        }],
        "scraped_at": "2018-03-15",
    }


def test_advertisement_rows_carry_their_number(frozen):
    frozen("upsc")
    items = parse_all(spider_for(UpscSpider), captured_response("upsc"))
    adverts = [i for i in items if i.get("advt_no")]
    assert [i["advt_no"] for i in adverts] == ["Advertisement No.05 - 2018", "Advertisement No.04 - 2018"]


def test_relative_and_encoded_links_become_absolute(frozen):
    frozen("upsc")
    items = parse_all(spider_for(UpscSpider), captured_response("upsc"))
    assert all(i["source_url"].startswith("http://upsc.gov.in/whats-new/") for i in items)
    assert all(" " not in i["source_url"] for i in items)
