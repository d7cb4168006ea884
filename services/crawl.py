"""Run one spider in its own process (the Twisted reactor starts once per process)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings
from sqlalchemy import select

from core.config import PROJECT_ROOT
from core.storage.database import database_url, session_scope
from core.storage.tables import CrawlRun
from services.alerts import alert_run
from services.metrics import export_run


def spider_names() -> list[str]:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawlers.settings")
    return sorted(SpiderLoader.from_settings(get_project_settings()).list())


def run_spider(slug: str, timeout: float = 900, extra_args: list[str] | None = None) -> dict:
    """Crawl one source; returns its crawl-run figures. A failed source never raises."""
    env = {**os.environ, "JOBS_DATABASE_URL": database_url(), "SCRAPY_SETTINGS_MODULE": "crawlers.settings"}
    started = time.time()
    command = [sys.executable, "-m", "scrapy", "crawl", slug, "-s", "LOG_LEVEL=WARNING", *(extra_args or [])]
    try:
        proc = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout)
        returncode, log_tail = proc.returncode, proc.stderr[-4000:]
    except subprocess.TimeoutExpired:
        returncode, log_tail = -1, f"crawl of {slug} timed out after {timeout:.0f} s"
    with session_scope() as session:
        run = session.scalars(
            select(CrawlRun).where(CrawlRun.source == slug).order_by(CrawlRun.id.desc()).limit(1)
        ).one_or_none()
        recorded = run is not None and run.started_at.timestamp() >= started - 1
        if recorded:
            summary = {
                "source": slug, "status": run.status, "pages": run.pages, "items": run.items,
                "inserted": run.inserted, "updated": run.updated, "unchanged": run.unchanged,
                "quarantined": run.quarantined, "errors": run.errors, "duration_s": run.duration_s,
                "problems": [_problem(e) for e in (run.error_log or [])][:5],
            }
    if not recorded:
        summary = {"source": slug, "status": "failed", "pages": 0, "items": 0, "inserted": 0,
                   "updated": 0, "unchanged": 0, "quarantined": 0, "errors": 1,
                   "duration_s": round(time.time() - started, 3),
                   "problems": [_last_error_line(log_tail) or f"scrapy exited with {returncode}"]}
    if returncode != 0 and summary["status"] == "ok":
        summary["status"] = "partial"
    export_run(summary)
    alert_run(summary)
    return summary


def _problem(entry: dict) -> str:
    """An error-log entry as one line: the reason and the URL it happened on."""
    reason, url = entry.get("reason") or "error", entry.get("url")
    return f"{reason} ({url})" if url else reason


def _last_error_line(log: str) -> str | None:
    lines = [line for line in log.splitlines() if line.strip()]
    for line in reversed(lines):
        if "Error" in line or "ERROR" in line:
            return line.strip()[:300]
    return lines[-1][:300] if lines else None
