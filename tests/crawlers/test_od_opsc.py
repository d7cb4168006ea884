import json
import subprocess
from pathlib import Path

import pytest

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.spiders.od_opsc import OdOpscSpider
from tests.crawlers.conftest import captured_response, manifest, parse_all, spider_for

ROOT = Path(__file__).resolve().parents[2]

PAGE = "https://www.opsc.gov.in/"


@pytest.fixture
def spider():
    return spider_for(OdOpscSpider)


@pytest.fixture
def items(frozen, spider):
    frozen("od_opsc")
    return parse_all(spider, captured_response("od_opsc"))


def test_whats_new_rows_without_the_software_tender(items):
    assert len(items) == 9
    assert not any("Sealed proposals" in i["title"] for i in items)


def test_one_whole_notice(items):
    assert dict(items[2]) == {
        "source": "od_opsc",
        "source_kind": "official",
        "source_url": f"{PAGE}#19-feb-2026-post-graduate-teacher-odia-advt-no-25-of-2023-24-rejection-notice",
        "organisation": "Odisha Public Service Commission",
        "state": "OD",
        "category": "State PSC",
        "title": "Post Graduate Teacher (Odia) (Advt. No. 25 of 2023-24) - Rejection Notice",
        "notice_date": "19 Feb 2026",
        "advt_no": "Advt. No. 25 of 2023-24",
        "notice_kind": "Rejection Notice",
        "scraped_at": "2026-02-19",
    }


def test_utf16_page_is_decoded_by_its_bom_despite_a_utf8_header():
    page = captured_response("od_opsc")
    header = manifest("od_opsc")["urls"][PAGE]["headers"]["Content-Type"]
    assert header.endswith("charset=utf-8")
    assert page.body[:2] == b"\xff\xfe"
    assert page.encoding == "utf-16-le"
    assert "What's New" in page.text


def test_date_split_over_three_spans_is_joined(items):
    assert [i["notice_date"] for i in items[:4]] == ["19 Feb 2026", "19 Feb 2026", "19 Feb 2026", "17 Feb 2026"]
    assert str(normalise_job(dict(items[3]))["notice_date"]) == "2026-02-17"


def test_postback_buttons_never_become_links(items, spider):
    assert spider.crawler.stats.get_value("jobs/skipped/postback") == 10
    assert not any("links" in i or "pdf_url" in i for i in items)
    assert all(i["source_url"].startswith(PAGE + "#") and "javascript" not in i["source_url"] for i in items)
    assert len({i["source_url"] for i in items}) == 9


def test_every_item_validates(items):
    for item in items:
        assert isinstance(validate_job(normalise_job(dict(item)), dict(item)), JobPosting)


@pytest.mark.slow
def test_real_crawl_through_the_replay_server(tmp_path):
    """The real download path: the replay sends charset=utf-8, the BOM still wins."""
    out = tmp_path / "items.jsonl"
    done = subprocess.run(
        [str(ROOT / ".venv/bin/scrapy"), "crawl", "od_opsc", "-s", "JOBS_REPLAY=tests/crawlers/pages",
         "-s", "JOBS_RECORD_RUNS=0", "-s", "ITEM_PIPELINES={}", "-O", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(items) == 9
    assert items[0]["title"] == "Odisha Civil Services, 2025 (Advt. No. 05 of 2025-26) - 2nd Addendum to Advertisement"
    assert "'jobs/replay/hit': 1" in done.stderr
