import json
import re
import subprocess
from pathlib import Path

import pytest

from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting
from core.domain.validate import validate_job
from crawlers.engines.charset import true_charset_response
from crawlers.spiders.ar_appsc import ArAppscSpider
from tests.crawlers.conftest import captured_response, parse_all, spider_for

ROOT = Path(__file__).resolve().parents[2]

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_HREF = re.compile(r"""<a\s[^>]*href\s*=\s*["']?([^"'\s>]+)""", re.I)


@pytest.fixture
def items(frozen):
    frozen("ar_appsc")
    return parse_all(spider_for(ArAppscSpider), captured_response("ar_appsc"))


def test_the_live_notice_column(items):
    assert len(items) == 24


def test_one_whole_notice_with_its_apply_online_link(items):
    assert dict(items[0]) == {
        "source": "ar_appsc",
        "source_kind": "official",
        "source_url": "http://appsc.gov.in/ADVT-JE-Civil-2018.pdf",
        "organisation": "Arunachal Pradesh Public Service Commission",
        "state": "AR",
        "category": "State PSC",
        "title": "Advertisement for the post of Junior Engineer(Civil)/AUPO",
        "notice_kind": "Advertisement",
        "links": [
            {"label": "Advertisement for the post of Junior Engineer(Civil)/AUPO",
             "url": "http://appsc.gov.in/ADVT-JE-Civil-2018.pdf"},
            {"label": "Apply online", "url": "http://www.appsconline.in"},
        ],
        "pdf_url": "http://appsc.gov.in/ADVT-JE-Civil-2018.pdf",
        "scraped_at": "2018-03-15",
    }


def test_notices_inside_html_comments_are_not_scraped(items):
    page = captured_response("ar_appsc")
    commented = [href for block in _COMMENT.findall(page.text) for href in _HREF.findall(block)]
    assert len(commented) == 309  # the ~150 old notices, most with two links
    live = set(page.css("a::attr(href)").getall())  # lxml drops comments
    only_commented = {h for h in commented if h not in live}
    assert len(only_commented) > 250
    scraped = {i["source_url"].rsplit("/", 1)[-1].replace("%20", " ") for i in items}
    assert not scraped & only_commented
    assert "HDOAPPFORM2017.pdf" in only_commented
    assert "HDOAPPFORM2017.pdf" not in scraped


def test_windows_1252_declared_but_utf8_bytes(items):
    page = captured_response("ar_appsc")
    assert page.encoding == "cp1252"
    assert "Copyright</font><font size=\"1\">\u00c2\u00a9" in page.text  # mojibake
    fixed = true_charset_response(page)
    assert fixed.encoding == "utf-8"
    assert "Copyright</font><font size=\"1\">©" in fixed.text


def test_notice_kinds_come_from_the_titles(items):
    kinds = {i.get("notice_kind") for i in items}
    assert {"Advertisement", "Notification", "Accepted List", "Result Notification", "Addendum"} <= kinds
    assert items[-1]["notice_date"] == "09-05-2017"  # Advt_APPPSC_09-05-2017.pdf


def test_every_item_validates(items):
    for item in items:
        assert isinstance(validate_job(normalise_job(dict(item)), dict(item)), JobPosting)


@pytest.mark.slow
def test_real_crawl_through_the_replay_server(tmp_path):
    """Served with the windows-1252 header the real server sent; commented notices stay out."""
    out = tmp_path / "items.jsonl"
    done = subprocess.run(
        [str(ROOT / ".venv/bin/scrapy"), "crawl", "ar_appsc", "-s", "JOBS_REPLAY=tests/crawlers/pages",
         "-s", "JOBS_RECORD_RUNS=0", "-s", "ITEM_PIPELINES={}", "-O", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    items = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(items) == 24
    assert not any(i["source_url"].endswith("HDOAPPFORM2017.pdf") for i in items)
