"""Every spider the SpiderLoader finds: pages and test exist; a real crawl through the replay
yields items that validate, with absolute URLs and distinct notices.

One subprocess crawls all plain spiders in one reactor (tests/crawlers/crawl_all.py); each
browser (scrapy-playwright) spider gets its own process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from crawlers.replay import capture_file
from tests.crawlers.crawl_all import needs_own_process

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LOADER = SpiderLoader.from_settings(get_project_settings())
SPIDERS = sorted(LOADER.list())


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("every_spider")
    plain = [n for n in SPIDERS if not needs_own_process(LOADER.load(n))]
    groups = [plain] + [[n] for n in SPIDERS if n not in plain]
    env = {**os.environ, "JOBS_REPLAY": "1", "JOBS_RECORD_RUNS": "0",
           "SCRAPY_SETTINGS_MODULE": "crawlers.settings"}
    results = {}
    for number, names in enumerate(g for g in groups if g):
        target = out / f"group{number}.json"
        proc = subprocess.run([sys.executable, "-m", "tests.crawlers.crawl_all", str(target), *names],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr[-3000:]
        results.update(json.loads(target.read_text(encoding="utf-8")))
    return results


def capture_date(slug: str) -> str:
    return json.loads((HERE / "pages" / slug / "urls.json").read_text(encoding="utf-8"))["capture_date"]


def test_spiders_are_found():
    assert len(SPIDERS) >= 3


@pytest.mark.parametrize("slug", SPIDERS)
def test_pages_folder_and_test_exist(slug):
    path = HERE / "pages" / slug / "urls.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    assert manifest["capture_date"] and manifest["urls"]
    for entry in manifest["urls"].values():
        file = entry if isinstance(entry, str) else entry.get("file")
        assert file is None or capture_file(path, file).is_file(), file
    assert (HERE / f"test_{slug}.py").is_file()


@pytest.mark.slow
@pytest.mark.parametrize("slug", SPIDERS)
def test_crawl_through_the_replay_yields_items(crawled, slug):
    result = crawled[slug]
    assert result["reason"] == "finished"
    assert result["stats"].get("response_received_count", 0) >= 1
    assert not result["stats"].get("jobs/replay/miss"), result["stats"].get("jobs/error_log")
    if not result["may_be_empty"]:
        assert result["items"], f"{slug}: no items; errors: {result['stats'].get('jobs/error_log')}"


@pytest.mark.slow
@pytest.mark.parametrize("slug", SPIDERS)
def test_every_item_validates_with_absolute_urls_and_distinct_notices(crawled, slug, monkeypatch):
    from core.domain.merge import notice_key
    from core.domain.normalise import normalise_job
    from core.domain.schema import JobPosting
    from core.domain.validate import validate_job

    monkeypatch.setenv("JOBS_TODAY", capture_date(slug)[:10])
    keys, problems = [], []
    for raw in crawled[slug]["items"]:
        urls = [raw["source_url"], raw.get("pdf_url"), *(link["url"] for link in raw.get("links", []))]
        for url in filter(None, urls):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                problems.append(f"not absolute: {url}")
        job = validate_job(normalise_job(raw), raw)
        if isinstance(job, JobPosting):
            keys.append(notice_key(job))
        else:
            problems.append(f"{raw.get('title')!r}: {job}")
    assert not problems, problems[:10]
    assert len(keys) == len(set(keys)), "two items are the same notice"
