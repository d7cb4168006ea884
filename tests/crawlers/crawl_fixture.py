"""Run one real Scrapy crawl through the replay in a subprocess; items and stats as JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_SPIDERS = "crawlers.spiders,tests.crawlers.fixture_spiders"


def crawl(spider: str, tmp_path: Path, *args: str, settings: dict | None = None,
          env: dict | None = None, timeout: float = 120, pipelines: bool = False) -> dict:
    """``scrapy crawl`` with JOBS_REPLAY=1 and no item pipelines (``pipelines=True``: the
    project's, into JOBS_DATABASE_URL); returns the exported items, stats and log."""
    items_file, stats_file = tmp_path / f"{spider}-items.jsonl", tmp_path / f"{spider}-stats.json"
    command = [
        sys.executable, "-m", "scrapy", "crawl", spider, *args,
        "-O", f"{items_file}:jsonlines",
        "-s", f"SPIDER_MODULES={FIXTURE_SPIDERS}",
        *([] if pipelines else ["-s", "ITEM_PIPELINES={}"]),
        "-s", "EXTENSIONS={\"crawlers.health.CrawlHealth\": 500, \"tests.crawlers.stats_dump.StatsDump\": 600}",
        "-s", f"JOBS_STATS_FILE={stats_file}",
        "-s", "RETRY_TIMES=0",
        "-s", "LOG_LEVEL=INFO",
    ]
    for key, value in (settings or {}).items():
        command += ["-s", f"{key}={value}"]
    full_env = {**os.environ, "JOBS_REPLAY": "1", "JOBS_RECORD_RUNS": "0",
                "SCRAPY_SETTINGS_MODULE": "crawlers.settings", **(env or {})}
    proc = subprocess.run(command, cwd=ROOT, env=full_env, capture_output=True, text=True,
                          timeout=timeout)
    items = [json.loads(line) for line in items_file.read_text().splitlines()] if items_file.exists() else []
    stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    return {"items": items, "stats": stats, "log": proc.stderr, "returncode": proc.returncode}
