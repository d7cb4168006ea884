from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.rojgarresult import RojgarresultSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for

SUPERVISOR = "http://www.rojgarresult.com/2018/rajasthansupervisor.php"


def _items(frozen):
    frozen("rojgarresult")
    return parse_all(spider_for(RojgarresultSpider), captured_response("rojgarresult"))


def test_job_boxes_give_one_item_per_row(frozen):
    items = _items(frozen)
    assert len(items) == 84
    supervisor = next(i for i in items if i["source_url"] == SUPERVISOR)
    assert dict(supervisor) == {
        "source": "rojgarresult",
        "source_kind": "aggregator",
        "source_url": SUPERVISOR,
        "scraped_at": "2018-03-15",
        "title": "Rajasthan RSMSSB Supervisor Online Form 2018",
        "notice_kind": "Latest Jobs",
        "important_dates": ["Last Date : 04 May 2018"],
        "links": [{"label": "Rajasthan RSMSSB Supervisor Online Form 2018", "url": SUPERVISOR}],
    }


def test_last_date_and_form_start_lines_become_important_dates(frozen):
    dated = [i for i in _items(frozen) if i.get("important_dates")]
    assert len(dated) == 48  # 49 in the page; UP B.Ed (an admission) is dropped
    field_clerk = next(i for i in dated if "Field Clerk" in i["title"])
    assert field_clerk["important_dates"] == ["Form Start : 05 March 2018"]
    assert str(normalise_job(dict(field_clerk))["apply_start"]) == "2018-03-05"
    assert str(normalise_job(dict(next(i for i in dated if i["source_url"] == SUPERVISOR)))["apply_last"]) == "2018-05-04"


def test_padded_hrefs_and_empty_outer_links(frozen):
    items = _items(frozen)
    assert all(" " not in i["source_url"] and len(i["links"]) == 1 for i in items)
    assert any(i["source_url"] == "http://www.rojgarresult.com/2018/jsscstatefield.php" for i in items)


def test_kinds_and_skipped_boxes(frozen):
    items = _items(frozen)
    kinds = {k: sum(i["notice_kind"] == k for i in items) for k in {i["notice_kind"] for i in items}}
    # Recruitment, All India Jobs and Top Online Form are all "Latest Jobs"
    assert kinds == {"Result": 13, "Admit Card": 12, "Answer Key": 11, "Latest Jobs": 48}
    titles = " ".join(i["title"] for i in items)
    for not_a_job in ("Syllabus", "JIPMER MBBS", "Polytechnic", "Khasra", "Rojgar Panjiyan", "DOEACC CCC Online Form"):
        assert not_a_job not in titles


def test_several_rows_can_share_one_page(frozen):
    shared = [i for i in _items(frozen) if i["source_url"].endswith("/sarkariresult/offlineform.php")]
    assert len({i["title"] for i in shared}) == 4


def test_every_item_validates(frozen):
    for item in map(dict, _items(frozen)):
        assert isinstance(validate_job(normalise_job(item), item), JobPosting)
