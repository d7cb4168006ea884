"""Alerts to a webhook (``JOBS_ALERT_WEBHOOK``): a JSON POST with a timeout and a few retries.

The payload carries a ``text`` line (what Slack, Mattermost and most chat webhooks show) and
the structured fields for anything else. An alert that cannot be delivered costs one warning
line; it never fails the crawl or the health check that raised it.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from urllib.parse import urlsplit

import httpx

from core import config

log = logging.getLogger(__name__)

TIMEOUT_S = 5.0
RETRY_DELAYS_S = (1.0, 3.0)  # so three attempts in all


def post_alert(payload: dict, url: str, *, timeout: float = TIMEOUT_S,
               retry_delays: tuple[float, ...] = RETRY_DELAYS_S) -> bool:
    """POST ``payload`` as JSON; retry on network errors, timeouts, 429 and 5xx answers."""
    problem, attempts = "", 0
    for delay in (*retry_delays, None):
        attempts += 1
        try:
            answer = httpx.post(url, json=payload, timeout=timeout)
        except httpx.HTTPError as exc:
            problem = f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__
        else:
            if answer.is_success:
                return True
            problem = f"HTTP {answer.status_code}"
            if answer.status_code < 500 and answer.status_code != 429:
                break  # the webhook refuses this payload: asking again will not help
        if delay is not None:
            time.sleep(delay)
    log.warning("alert to %s not delivered after %d attempt(s): %s",
                urlsplit(url).netloc or url, attempts, problem)
    return False


def crawl_alert(run: dict) -> dict | None:
    """The alert for a crawl run, or None when the run needs none (a pure function)."""
    if run["status"] != "failed":
        return None
    problems = run.get("problems") or []
    first = problems[0] if problems else None
    reason = (first.get("reason") if isinstance(first, dict) else first) or "no reason recorded"
    url = first.get("url") if isinstance(first, dict) else None
    return {
        "event": "source_failed",
        "source": run["source"],
        "status": run["status"],
        "items": run.get("items", 0),
        "errors": run.get("errors", 0),
        "reason": reason,
        "url": url,
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "text": f"jobs: source {run['source']} failed: {reason}" + (f" ({url})" if url else ""),
    }


def health_alert(report: dict) -> dict | None:
    """The alert for a health report that is not OK, or None (a pure function)."""
    if report["status"] == "ok":
        return None
    bad = [c for c in report["checks"] if c["status"] != "ok"]
    return {
        "event": "health",
        "status": report["status"],
        "problems": [{"check": c["name"], "status": c["status"], "detail": c["detail"]} for c in bad],
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "text": f"jobs health: {report['status'].upper()}: "
                + "; ".join(f"{c['name']}: {c['detail']}" for c in bad),
    }


def alert_run(run: dict) -> bool | None:
    """After a crawl run: alert the webhook if the source failed (None: nothing to send)."""
    url, payload = config.alert_webhook(), crawl_alert(run)
    if not url or payload is None:
        return None
    return post_alert(payload, url)
