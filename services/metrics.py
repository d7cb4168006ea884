"""Crawl metrics in the Prometheus/OpenMetrics text format: a textfile (for node_exporter's
textfile collector, or any scraper) rewritten after every crawl run, and a push of the run to a
Prometheus pushgateway when ``JOBS_PUSHGATEWAY_URL`` is set.

Every metric is a gauge labelled by ``source`` holding that source's newest run, so the textfile
shows every source and a push (grouped by ``source``) replaces only its own source's values.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

from prometheus_client import CollectorRegistry, Gauge, push_to_gateway, write_to_textfile

from core import config

log = logging.getLogger(__name__)

JOB = "jobs_crawl"
PUSH_TIMEOUT_S = 10
# (metric name, help, key of the run dict)
COUNTS = (
    ("jobs_crawl_pages", "Pages fetched by the source's newest crawl run", "pages"),
    ("jobs_crawl_items", "Items the source's newest crawl run yielded", "items"),
    ("jobs_crawl_inserted", "New notices stored by the newest run", "inserted"),
    ("jobs_crawl_updated", "Notices updated by the newest run", "updated"),
    ("jobs_crawl_unchanged", "Notices seen again unchanged by the newest run", "unchanged"),
    ("jobs_crawl_quarantined", "Items quarantined by the newest run", "quarantined"),
    ("jobs_crawl_errors", "Errors in the newest run (a failed or silent source counts one)", "errors"),
    ("jobs_crawl_duration_seconds", "How long the newest run took", "duration_s"),
)
_write_lock = threading.Lock()  # the daily flow crawls two sources at a time, in threads


def _timestamp(value) -> float | None:
    return value.timestamp() if isinstance(value, dt.datetime) else None


def crawl_registry(runs: list[dict]) -> CollectorRegistry:
    """A registry holding the gauges of these runs (one per source; a pure function)."""
    registry = CollectorRegistry()
    gauges = [(Gauge(name, text, ["source"], registry=registry), key) for name, text, key in COUNTS]
    success = Gauge("jobs_crawl_success", "1 if the newest run succeeded (ok or partial), "
                    "0 if it failed or yielded nothing", ["source"], registry=registry)
    last_run = Gauge("jobs_crawl_last_run_timestamp_seconds", "When the newest run finished",
                     ["source"], registry=registry)
    last_success = Gauge("jobs_crawl_last_success_timestamp_seconds",
                         "When the source last finished a run that did not fail", ["source"],
                         registry=registry)
    for run in sorted(runs, key=lambda r: r["source"]):
        source = run["source"]
        for gauge, key in gauges:
            gauge.labels(source).set(run.get(key) or 0)
        success.labels(source).set(0 if run["status"] == "failed" else 1)
        if (finished := _timestamp(run.get("finished_at"))) is not None:
            last_run.labels(source).set(finished)
        if (succeeded := _timestamp(run.get("last_success"))) is not None:
            last_success.labels(source).set(succeeded)
    return registry


def write_textfile(runs: list[dict], path: Path) -> Path:
    """Write the runs' metrics to ``path`` atomically (prometheus_client renames a temp file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_to_textfile(str(path), crawl_registry(runs))
    return path


def push_run(run: dict, gateway: str, timeout: float = PUSH_TIMEOUT_S) -> bool:
    """PUT one run's metrics to the pushgateway under ``job=jobs_crawl, source=<slug>``.

    A gateway that is down costs one warning line, never the crawl.
    """
    try:
        push_to_gateway(gateway, job=JOB, registry=crawl_registry([run]),
                        grouping_key={"source": run["source"]}, timeout=timeout)
    except Exception as exc:  # urllib raises several kinds; a push is best-effort
        log.warning("metrics push to %s failed for %s: %s", gateway, run["source"], exc)
        return False
    return True


def newest_runs(run: dict | None = None) -> list[dict]:
    """Every source's newest run from the database, with ``run`` (just finished) in its place.

    ``run`` may not be in the database at all (a crawl process that died before recording).
    """
    from core.storage.database import session_scope
    from services.run_history import latest_runs

    with session_scope() as session:
        runs = latest_runs(session)
    if run is not None:
        stored = runs.get(run["source"], {})
        runs[run["source"]] = {"last_success": stored.get("last_success"), **run,
                               "finished_at": run.get("finished_at") or dt.datetime.now(dt.UTC)}
    return list(runs.values())


def export_run(run: dict) -> None:
    """After a crawl run: rewrite the textfile, and push the run when a gateway is configured."""
    runs = newest_runs(run)
    try:
        with _write_lock:
            write_textfile(runs, config.metrics_file())
    except OSError as exc:  # a full disk or a read-only folder must not fail the crawl
        log.warning("metrics textfile %s not written: %s", config.metrics_file(), exc)
    if gateway := config.pushgateway_url():
        push_run(next(r for r in runs if r["source"] == run["source"]), gateway)
