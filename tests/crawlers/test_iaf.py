from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.iaf import IafSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


def _items(frozen):
    frozen("iaf")
    return parse_all(spider_for(IafSpider), captured_response("iaf"))


def test_whats_new_recruitment_items(frozen):
    items = _items(frozen)
    assert len(items) == 2
    assert dict(items[0]) == {
        "source": "iaf",
        "source_kind": "official",
        "source_url": "http://indianairforce.nic.in/content/career-and-recruitments",
        "organisation": "Indian Air Force",
        "category": "Defence",
        "scraped_at": "2018-03-18",
        "title": "CAREER AND RECRUITMENTS",
        "notice_kind": "Recruitment",
        "notice_date": "04 Aug 2016",
        "links": [{"label": "CAREER AND RECRUITMENTS",
                   "url": "http://indianairforce.nic.in/content/career-and-recruitments"}],
    }


def test_pensioner_rescue_and_honours_items_are_dropped(frozen):
    titles = " ".join(i["title"] for i in _items(frozen)).lower()
    for dropped in ("pensioner", "flood rescue", "honorary commission"):
        assert dropped not in titles


def test_menus_and_press_releases_are_not_items(frozen):
    titles = {i["title"] for i in _items(frozen)}
    assert "COMMEMORATIVE TREK TO TOLOLING HEIGHTS" not in titles
    assert "Public Notice: Beware of Fake IAF Websites" not in titles
    assert all(i["source_url"].startswith("http://indianairforce.nic.in/content/") for i in _items(frozen))


def test_date_split_over_elements_is_joined(frozen):
    seminar = _items(frozen)[1]
    assert seminar["title"] == "DGR ESM EMPLOYMENT SEMINAR AT HAKIMPET ON 20 JAN 18"
    assert seminar["notice_date"] == "28 Dec 2017"  # <span>28 Dec</span> 2017
    assert str(normalise_job(dict(seminar))["notice_date"]) == "2017-12-28"


def test_every_item_validates(frozen):
    for item in map(dict, _items(frozen)):
        assert isinstance(validate_job(normalise_job(item), item), JobPosting)
