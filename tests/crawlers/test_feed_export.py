"""``scrapy crawl upsc -O file`` with the project's pipelines: the file holds the flat RawJobs
the spider yielded, and what the stages made of them is in the crawl's stats."""

import pytest

from crawlers.items import RawJob
from crawlers.spiders.upsc import UpscSpider
from tests.crawlers.conftest import captured_response, manifest, parse_all, spider_for
from tests.crawlers.crawl_fixture import crawl

TODAY = manifest("upsc")["capture_date"]


@pytest.fixture
def exported(clean_db, tmp_path):
    result = crawl("upsc", tmp_path, pipelines=True, env={"JOBS_TODAY": TODAY}, timeout=180)
    assert result["returncode"] == 0, result["log"][-3000:]
    return result


@pytest.mark.slow
def test_each_exported_line_is_the_raw_job_the_spider_yielded(exported, frozen):
    frozen("upsc")
    yielded = [dict(item) for item in parse_all(spider_for(UpscSpider), captured_response("upsc"))]
    assert yielded and exported["items"] == yielded
    assert all(set(line) <= set(RawJob.fields) for line in exported["items"])


@pytest.mark.slow
def test_the_stages_outcomes_are_in_the_crawl_stats(exported):
    stats = exported["stats"]
    assert stats["item_scraped_count"] == len(exported["items"]) > 0
    assert stats.get("jobs/store/insert", 0) + stats.get("jobs/store/update", 0) \
        + stats.get("jobs/store/noop", 0) == len(exported["items"])
