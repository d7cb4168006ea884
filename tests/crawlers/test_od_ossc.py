import pytest

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.engines.fragments import FragmentKeys
from crawlers.spiders.od_ossc import OdOsscSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for

ARCHIVE = "http://ossc.gov.in/archive.php"


@pytest.fixture
def items(frozen):
    frozen("od_ossc")
    return parse_all(spider_for(OdOsscSpider), captured_response("od_ossc"))


def test_what_is_new_rows_without_tenders(items):
    page = captured_response("od_ossc")
    assert len(page.css("ul.list2 li")) == 279
    assert len(items) == 257  # 22 quotation / tender call notices left out
    assert not any("QUOTATION" in i["title"] or "TENDER" in i["title"] for i in items)


def test_one_whole_notice(items):
    title = "ASSISTANT TRAINING OFFICER (ADVT. NO. 2779/OSSC DT.17.08.2016): SHORT NOTICE"
    assert dict(items[7]) == {
        "source": "od_ossc",
        "source_kind": "official",
        "source_url": f"{ARCHIVE}#assistant-training-officer-advt-no-2779-ossc-dt-17-08-2016-short-notice",
        "organisation": "Odisha Staff Selection Commission",
        "state": "OD",
        "category": "State SSC",
        "title": title,
        "notice_kind": "SHORT NOTICE",
        "advt_no": "ADVT. NO. 2779/OSSC DT.17.08.2016",
        "links": [{"label": title, "url": ARCHIVE}],
        "scraped_at": "2018-03-15",
    }


def test_every_row_links_to_archive_php_but_each_notice_is_distinct(items):
    assert {link["url"] for i in items for link in i["links"]} == {ARCHIVE}
    assert all(i["source_url"].startswith(ARCHIVE + "#") for i in items)
    assert len({i["source_url"] for i in items}) == len(items)


def test_a_repeated_title_is_numbered_from_the_bottom(items):
    newer, older = items[2], items[7]
    assert newer["title"] == older["title"]
    assert newer["source_url"] == older["source_url"] + "-2"


def test_fragments_stay_put_when_new_rows_arrive_on_top():
    before = FragmentKeys(ARCHIVE).urls(["A: NOTICE", "B: RESULT", "A: NOTICE"])
    after = FragmentKeys(ARCHIVE).urls(["C: NEW", "A: NOTICE", "A: NOTICE", "B: RESULT", "A: NOTICE"])
    assert before[1:] == after[3:]
    long_a, long_b = FragmentKeys(ARCHIVE).urls(["X " * 50 + "ONE", "X " * 50 + "TWO"])
    assert long_a != long_b and len(long_a.split("#")[1]) <= 80


def test_dates_only_inside_titles(items):
    def row(fragment_start):
        return next(i for i in items if i["source_url"].startswith(f"{ARCHIVE}#{fragment_start}"))

    answer_key = row("model-answer-key-to-js-ge-ol-2015")
    assert answer_key["notice_date"] == "09.07.2017"
    assert str(normalise_job(dict(answer_key))["notice_date"]) == "2017-07-09"
    # the advertisement's own date stays with the advertisement number
    corrigendum = row("corrigendum-to-advertisement-no-4428")
    assert corrigendum["advt_no"] == "ADVERTISEMENT NO-4428/DT.28.09.2015"
    assert "notice_date" not in corrigendum


def test_every_item_validates(items):
    for item in items:
        assert isinstance(validate_job(normalise_job(dict(item)), dict(item)), JobPosting)
