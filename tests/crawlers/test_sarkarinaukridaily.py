from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.sarkarinaukridaily import SarkarinaukridailySpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for

OAVS = "http://www.sarkarinaukridaily.in/oavs-recruitment/"


def _items(frozen):
    frozen("sarkarinaukridaily")
    return parse_all(spider_for(SarkarinaukridailySpider), captured_response("sarkarinaukridaily"))


def test_article_rows(frozen):
    items = _items(frozen)
    assert len(items) == 13  # 15 articles, minus current affairs and a Khasra verification post
    title = ("OAVS Recruitment 2018 – Odisha Adarsha Vidyalaya Sangathan – 1544 TGT, PGT, Principle Vacancy"
             " – Last Date 10 April")
    assert dict(items[1]) == {
        "source": "sarkarinaukridaily",
        "source_kind": "aggregator",
        "source_url": OAVS,
        "organisation": "Odisha Adarsha Vidyalaya Sangathan",
        "state": "OD",
        "category": "Teaching",
        "scraped_at": "2018-03-19",
        "title": title,
        "notice_kind": "Latest Jobs",
        "notice_date": "19 Mar 2018 4:32 PM",
        "summary": "OAVS Recruitment 2018 Odisha Adarsha Vidyalaya Sangathan (OAVS) invites application for the"
                   " post of 1544 TGT, PGT, Principle on Regular basis. Apply Online before 10 April 2018."
                   " Qualification/eligibility conditions, how to apply & other rules are given ...",
        "important_dates": ["Last Date : 10 April 2018"],
        "links": [{"label": title, "url": OAVS}],
    }


def test_unclosed_articles_are_read_one_at_a_time(frozen):
    items = _items(frozen)
    assert len({i["source_url"] for i in items}) == 13
    first = items[0]  # its <article> holds every later article
    assert first["title"] == ("High Court Of Allahabad – Stenographer Gr.-III , Drivers Gr.-IV & Group ‘D’"
                              " Cadre Posts Revised Answer Key")
    assert first["notice_date"] == "19 Mar 2018 4:54 PM"
    assert "OAVS" not in first["summary"] and "Read More" not in first["summary"]


def test_slider_duplicates_and_non_job_posts_are_ignored(frozen):
    urls = [i["source_url"] for i in _items(frozen)]
    assert urls.count("http://www.sarkarinaukridaily.in/railway-recruitment-board/") == 1  # also in the slider
    assert not any("current-affairs" in u or "khasra" in u for u in urls)


def test_deadline_gets_the_posts_year_and_kind_comes_from_category_classes(frozen):
    by_url = {i["source_url"]: i for i in _items(frozen)}
    assert str(normalise_job(dict(by_url[OAVS]))["apply_last"]) == "2018-04-10"
    assert by_url["http://www.sarkarinaukridaily.in/hnl-recruitment/"]["important_dates"] == [
        "Walk-in-Interview : 26 March 2018"]
    ceil = by_url["http://www.sarkarinaukridaily.in/ceil-recruitment/"]
    assert ceil["important_dates"] == ["Last Date : 15 Days from the Date of Publication"]  # kept raw
    assert by_url["http://www.sarkarinaukridaily.in/asrb-answer-key/"]["notice_kind"] == "Answer Key"
    assert by_url["http://www.sarkarinaukridaily.in/northeast-frontier-railway-recruitment/"]["category"] == "Railway"


def test_organisation_is_the_row_not_the_aggregator(frozen):
    by_url = {i["source_url"]: i for i in _items(frozen)}
    assert by_url["http://www.sarkarinaukridaily.in/asrb-answer-key/"]["organisation"] == (
        "Agricultural Scientists Recruitment Board")
    assert "organisation" not in by_url["http://www.sarkarinaukridaily.in/railway-recruitment-board/"]


def test_every_item_validates(frozen):
    for item in map(dict, _items(frozen)):
        assert isinstance(validate_job(normalise_job(item), item), JobPosting)
