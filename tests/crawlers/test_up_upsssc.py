import pytest

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.up_upsssc import UpUpssscSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


@pytest.fixture
def items(frozen):
    frozen("up_upsssc")
    return parse_all(spider_for(UpUpssscSpider), captured_response("up_upsssc"))


def test_news_and_declaration_rows(items):
    assert len(items) == 3
    assert [i["notice_kind"] for i in items] == [
        "Important News and Alerts", "Important News and Alerts", "Results / Impt. Declarations",
    ]


def test_one_whole_notice(items):
    title = ("आयोग के विज्ञापन संख्या 03- परीक्षा/2016 के अंतर्गत विज्ञापित ग्राम विकास अधिकारी के पदों के "
             "दिनांक 28/03/2018 से शुरू हो रहे साक्षात्कार के संबंध मे सूचना।")
    assert dict(items[1]) == {
        "source": "up_upsssc",
        "source_kind": "official",
        "source_url": "http://upsssc.gov.in/View_Notices.aspx?ID=news&N=545",
        "organisation": "Uttar Pradesh Subordinate Services Selection Commission",
        "state": "UP",
        "category": "State SSC",
        "title": title,
        "summary": "ग्राम विकास अधिकारी के पदों के दिनांक 28/03/2018 से शुरू हो रहे साक्षात्कार के संबंध मे सूचना।",
        "notice_kind": "Important News and Alerts",
        "expires": "30/06/2018'",
        "advt_no": "विज्ञापन संख्या 03- परीक्षा/2016",
        "links": [{"label": title, "url": "http://upsssc.gov.in/View_Notices.aspx?ID=news&N=545"}],
        "scraped_at": "2018-03-15",
    }


def test_visible_upto_keeps_the_stray_quote_raw_and_still_parses(items):
    assert [i["expires"] for i in items] == ["23/04/2018'", "30/06/2018'", "06/06/2018'"]
    assert str(normalise_job(dict(items[0]))["expires_on"]) == "2018-04-23"


def test_hindi_and_english_titles_are_kept_as_written(items):
    assert items[0]["title"].startswith("उ० प्र० अधीनस्थ सेवा चयन आयोग")
    assert items[2]["title"].startswith("Click here to download Interview Letter")
    assert items[2]["advt_no"] == "Advt. No.03-Exam/2016"


def test_serial_numbers_are_not_part_of_titles(items):
    assert not any(i["title"][:1].isdigit() for i in items)


def test_every_item_validates(items):
    for item in items:
        assert isinstance(validate_job(normalise_job(dict(item)), dict(item)), JobPosting)
