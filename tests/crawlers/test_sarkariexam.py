from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.sarkariexam import SarkariexamSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for

GAUHATI = "http://www.sarkariexam.com/gauhati-high-court-recruitment/81376"


def _crawl(frozen):
    frozen("sarkariexam")
    spider = spider_for(SarkariexamSpider)
    return spider, parse_all(spider, captured_response("sarkariexam"))


def _items(frozen):
    return _crawl(frozen)[1]


def test_one_item_per_row_and_kind(frozen):
    items = _items(frozen)
    assert len(items) == 85
    assert dict(next(i for i in items if i["source_url"] == GAUHATI)) == {
        "source": "sarkariexam",
        "source_kind": "aggregator",
        "source_url": GAUHATI,
        "organisation": "Gauhati High Court",
        "scraped_at": "2018-03-16",
        "title": "Gauhati High Court Stenographer Form 2018",  # the <sup>New</sup> marker is not title
        "notice_kind": "Latest Jobs",
        "links": [
            {"label": "Gauhati High Court Stenographer Form 2018", "url": GAUHATI},
            {"label": "Notification PDF",
             "url": "http://www.sarkariexam.com/wp-content/uploads/2017/08/Guwahati-High-Court-Online-Form-2017-LDC-watermark-1.pdf"},
        ],
        "pdf_url": "http://www.sarkariexam.com/wp-content/uploads/2017/08/Guwahati-High-Court-Online-Form-2017-LDC-watermark-1.pdf",
    }


def test_the_duplicated_mobile_layout_gives_no_duplicates(frozen):
    keys = [(i["source_url"], i["notice_kind"]) for i in _items(frozen)]
    assert len(keys) == len(set(keys))


def test_typo_host_pdf_links_are_repaired_and_counted(frozen):
    spider, items = _crawl(frozen)
    assert not any("sarkariexaam" in lk["url"] for i in items for lk in i["links"])
    assert spider.crawler.stats.get_value("jobs/repaired/typo_host") == 5
    assert sum(1 for i in items if i.get("pdf_url")) == 61


def test_mixed_new_updates_box_takes_the_kind_from_each_title(frozen):
    by_url = {(i["source_url"]): i for i in _items(frozen)}
    assert by_url["http://www.sarkariexam.com/rajasthan-reet-answer-key/301619"]["notice_kind"] == "Answer Key"
    assert by_url["http://www.sarkariexam.com/gate-exam-result-2014/10071"]["notice_kind"] == "Result"


def test_categories_services_syllabus_and_admissions_are_dropped(frozen):
    items = _items(frozen)
    assert not any("/category/" in i["source_url"] for i in items)
    titles = " ".join(i["title"] for i in items)
    for not_a_job in ("Syllabus", "Rojgar Mela", "Scholarship", "Khasra", "Pan Card", "Polytechnic",
                      "Admission Online Form", "Annual Exam"):
        assert not_a_job not in titles


def test_every_item_validates(frozen):
    for item in map(dict, _items(frozen)):
        assert isinstance(validate_job(normalise_job(item), item), JobPosting)
