from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.sarkariresult import SarkariresultSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for


def _items(frozen):
    frozen("sarkariresult")
    return parse_all(spider_for(SarkariresultSpider), captured_response("sarkariresult"))


def test_job_boxes_give_one_item_per_row(frozen):
    items = _items(frozen)
    assert len(items) == 60
    sscje = next(i for i in items if i["source_url"].endswith("/ssc/sscje2016.php"))
    assert dict(sscje) == {
        "source": "sarkariresult",
        "source_kind": "aggregator",
        "source_url": "http://www.sarkariresult.com/ssc/sscje2016.php",
        "scraped_at": "2018-03-15",
        "title": "SSC JE 2016 Final Result, Cutoff",
        "notice_kind": "Result",
        "links": [{"label": "SSC JE 2016 Final Result, Cutoff", "url": "http://www.sarkariresult.com/ssc/sscje2016.php"}],
    }


def test_notice_kind_comes_from_the_box_heading(frozen):
    kinds = {}
    for item in _items(frozen):
        kinds[item["notice_kind"]] = kinds.get(item["notice_kind"], 0) + 1
    # Admit Card's heading has no div#font; the Answer Key box swallows the next box (broken </a).
    assert kinds == {"Result": 17, "Answer Key": 6, "Admit Card": 14, "Latest Jobs": 23}


def test_syllabus_admission_certificate_and_services_are_not_jobs(frozen):
    titles = " ".join(i["title"] for i in _items(frozen))
    for not_a_job in ("Syllabus", "Pan Card", "Voter ID", "Ration Card", "Scholarship", "UP Bar Declaration"):
        assert not_a_job not in titles


def test_course_and_entrance_exam_rows_are_dropped(frozen):
    titles = {i["title"] for i in _items(frozen)}
    assert "CCC Admit Card March 2018" not in titles  # a computer course, in the Admit Card box
    assert "JEEMAIN 2018 Admit Card" not in titles
    assert "SSC CHSL 10+2 Tier I Admit Card" in titles


def test_nested_empty_wrapper_links_and_padded_hrefs(frozen):
    items = _items(frozen)
    assert all(len(i["links"]) == 1 and i["links"][0]["url"] == i["source_url"] for i in items)
    lok_sabha = next(i for i in items if i["title"].startswith("Lok Sabha"))
    assert lok_sabha["source_url"] == "http://www.sarkariresult.com/page/loksabhaclerk.php"  # href had a space


def test_organisation_is_the_row_not_the_aggregator(frozen):
    items = {i["title"]: i for i in _items(frozen)}
    assert items["IDBI Bank Assistant Manager Interview Result, Waiting, Merit List"]["organisation"] == "IDBI Bank"
    assert "organisation" not in items["SSC CPO SI 2018 Online Form"]  # the normaliser knows SSC
    assert not any("sarkari" in (i.get("organisation") or "").lower() for i in items.values())


def test_every_item_validates(frozen):
    for item in map(dict, _items(frozen)):
        assert isinstance(validate_job(normalise_job(item), item), JobPosting)
