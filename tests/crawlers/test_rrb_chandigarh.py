from crawlers.spiders.rrb_chandigarh import RrbChandigarhSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


def _items(frozen):
    frozen("rrb_chandigarh")
    return parse_all(spider_for(RrbChandigarhSpider), captured_response("rrb_chandigarh"))


def test_every_dated_row_is_a_notice(frozen):
    items = _items(frozen)
    assert len(items) == 126
    assert dict(items[0]) == {
        "source": "rrb_chandigarh",
        "source_kind": "official",
        "source_url": "http://rrbcdg.gov.in/uploads/corrigendum---2-CEN-02-2018.pdf",
        "organisation": "Railway Recruitment Board",
        "department": "RRB Chandigarh",
        "category": "Railway",
        "scraped_at": "2018-03-17",
        "title": "CEN-02/2018 - Corrigendum-2 to Detailed CEN (Level-1 Posts of 7th CPC Pay Matrix)",
        "notice_date": "17-03-2018",
        "links": [{
            "label": "CEN-02/2018 - Corrigendum-2 to Detailed CEN (Level-1 Posts of 7th CPC Pay Matrix)",
            "url": "http://rrbcdg.gov.in/uploads/corrigendum---2-CEN-02-2018.pdf",
        }],
        "pdf_url": "http://rrbcdg.gov.in/uploads/corrigendum---2-CEN-02-2018.pdf",
    }


def test_rows_without_a_link_keep_their_text(frozen):
    unlinked = [i for i in _items(frozen) if not i.get("links")]
    assert len(unlinked) == 6
    extended = next(i for i in unlinked if i["notice_date"] == "24-02-2018" and "CEN 02-2018" in i["title"])
    assert "shall stand extended to 31.03.2018" in extended["body_text"]
    assert extended["source_url"] == "http://rrbcdg.gov.in/"


def test_broken_hrefs_are_repaired_or_dropped(frozen):
    items = _items(frozen)
    urls = [link["url"] for i in items for link in i.get("links", [])]
    assert "http://satshritech.com/rrb1/uploads/Final-Employment-News-for-RRB-B&W.pdf" in urls
    assert all(u.startswith(("http://", "https://")) and " " not in u for u in urls)


def test_dates_span_six_years(frozen):
    years = {i["notice_date"][-4:] for i in _items(frozen)}
    assert {"2012", "2018"} <= years
