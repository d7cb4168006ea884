"""Scrapy settings. JOBS_* environment variables choose database, replay, LLM… (core.config)."""

import os
from pathlib import Path

from pipelines import ITEM_PIPELINES  # noqa: F401  (the pipeline order lives with the pipelines)

BOT_NAME = "sarkari_jobs"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"
COMMANDS_MODULE = "crawlers.commands"

USER_AGENT = os.environ.get(
    "JOBS_USER_AGENT",
    "SarkariJobsBot/0.1 (+https://github.com/sarkari-jobs-pipeline; jobs-bot@example.org)",
)
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.5
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
HTTPCACHE_ENABLED = os.environ.get("JOBS_HTTPCACHE", "0") == "1"
HTTPCACHE_DIR = "httpcache"
HTTPCACHE_EXPIRATION_SECS = 6 * 3600

# The replay folder of captured pages (tests, demo, benchmarks); unset = the real sites.
JOBS_REPLAY = os.environ.get("JOBS_REPLAY") or None
if JOBS_REPLAY == "1":
    JOBS_REPLAY = str(Path(__file__).resolve().parent.parent / "tests" / "crawlers" / "pages")
DOWNLOAD_HANDLERS = {
    "http": "crawlers.replay.ReplayDownloadHandler",
    "https": "crawlers.replay.ReplayDownloadHandler",
}
EXTENSIONS = {
    "crawlers.health.CrawlHealth": 500,
}

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = os.environ.get("JOBS_LOG_LEVEL", "INFO")

PLAYWRIGHT_BROWSER_TYPE = "chromium"
PLAYWRIGHT_LAUNCH_OPTIONS = {
    "executable_path": os.environ.get("JOBS_CHROMIUM", "/usr/bin/chromium"),
    "headless": True,
    "args": [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ],
}

# Write a crawl_runs row per run (off for parse-only tests that have no database).
JOBS_RECORD_RUNS = os.environ.get("JOBS_RECORD_RUNS", "1") != "0"

if JOBS_REPLAY:
    # Captured pages on loopback: politeness delays would only slow tests, benchmarks and the demo.
    DOWNLOAD_DELAY = 0
    AUTOTHROTTLE_ENABLED = False
    ROBOTSTXT_OBEY = os.environ.get("JOBS_REPLAY_ROBOTS", "1") == "1"
