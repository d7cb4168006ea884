from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.rrb_portal import RrbPortalSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for

PDF = "http://www.rrbonlinereg.com/documents/Detailed_CEN_2_18_English.pdf"


def _items(frozen):
    frozen("rrb_portal")
    return parse_all(spider_for(RrbPortalSpider), captured_response("rrb_portal"))


def test_one_item_for_the_cen(frozen):
    items = _items(frozen)
    assert len(items) == 1
    assert dict(items[0]) == {
        "source": "rrb_portal",
        "source_kind": "official",
        "source_url": "http://www.rrbonlinereg.com/",
        "organisation": "Railway Recruitment Board",
        "category": "Railway",
        "scraped_at": "2018-03-15",
        "title": "Online Registration for CEN No.02/2018 (Recruitment for Posts in Level 1 of 7th CPC Pay Matrix)",
        "notice_kind": "Online Registration",
        "advt_no": "CEN.No.02/2018",
        "summary": "Candidates who have submitted their Application before 20.00 hrs on 28.02.2018 can modify"
                   " their Application details (PWD Disability details (if applicable), Post preference,"
                   " Bank details & Exam language) as per the Corrigendum.",
        "important_dates": [
            "Opening Date & Time for On-Line Registration and submission of Application : 10.02.2018 at 10.00 hrs",
            "Closing Date & Time for submission of On-Line application : 31.03.2018 at 23.59 hrs",
            "Last Date & Time for Payment of Application Fee – Online payment (Net Banking/Credit Card/Debit Card)"
            " : 30.03.2018 at 22.00 hrs",
            "Last Date & Time for Payment of Application Fee – SBI Bank Challan : 28.03.2018 at 15.00 hrs",
            "Last Date & Time for Payment of Application Fee – Post Office Challan : 27.03.2018 at 15.00 hrs",
        ],
        "links": [
            {"label": "CEN.No.02/2018", "url": PDF},
            {"label": "Click here to view vacancy table", "url": "https://jobsearch.rrbonlinereg.in/jbst/FrmSearch.aspx"},
            {"label": "Corrigendum CEN 02-2018",
             "url": "http://www.rrbonlinereg.com/documents/Corrigendum_CEN_02_2018.pdf"},
            {"label": "New Registration", "url": "http://www.rrbonlinereg.com/rrb-apply.html"},
        ],
        "pdf_url": PDF,
    }


def test_per_channel_fee_deadlines_keep_their_heading(frozen):
    facts = normalise_job(dict(_items(frozen)[0]))
    assert str(facts["apply_start"]) == "2018-02-10"
    assert str(facts["apply_last"]) == "2018-03-31"
    assert str(facts["fee_last"]) == "2018-03-30"  # the first channel; the others stay as events
    assert {e.label.split(" – ")[1] for e in facts["events"]} == {"SBI Bank Challan", "Post Office Challan"}


def test_commented_out_links_are_not_scraped(frozen):
    urls = [lk["url"] for lk in _items(frozen)[0]["links"]]
    assert not any("coming_soon" in u for u in urls)


def test_item_validates(frozen):
    item = dict(_items(frozen)[0])
    assert isinstance(validate_job(normalise_job(item), item), JobPosting)
