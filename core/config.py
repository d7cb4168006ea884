"""Every JOBS_* setting in one place, read from the environment when asked for (never at import)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def var_dir() -> Path:
    """Project-local state (embedded database, Prefect home, caches); ignored by git."""
    path = Path(os.environ.get("JOBS_VAR_DIR", PROJECT_ROOT / "var"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def runtime_dir() -> Path:
    """XDG_RUNTIME_DIR, or a project-local one set as the default for this process and its children.

    pgserver asks platformdirs for a runtime folder to keep its lock in; without XDG_RUNTIME_DIR
    platformdirs warns and falls back to /tmp. Called before pgserver is imported.
    """
    value = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if value:
        return Path(value)
    path = var_dir() / "run"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = str(path)
    return path


def today() -> dt.date:
    """The day the pipeline believes it is: JOBS_TODAY (ISO date) or the real date.

    The captures are from 2018 to 2026, so the demo and tests pin "today" to a capture date.
    """
    value = os.environ.get("JOBS_TODAY", "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise SystemExit(f"JOBS_TODAY must be an ISO date (YYYY-MM-DD), not {value!r}") from exc


def replay_dir() -> Path | None:
    """JOBS_REPLAY: a folder of captured pages (each sub-folder with a urls.json) to replay."""
    value = os.environ.get("JOBS_REPLAY", "").strip()
    if not value or value == "0":
        return None
    if value == "1":
        return PROJECT_ROOT / "tests" / "crawlers" / "pages"
    return Path(value).resolve()


def site_output_dir() -> Path:
    return Path(os.environ.get("JOBS_SITE_OUTPUT", PROJECT_ROOT / "site" / "output")).resolve()


def publish_dir() -> Path:
    # absolute(), not resolve(): the target is a symlink to the current release.
    return Path(os.environ.get("JOBS_PUBLISH_DIR", PROJECT_ROOT / "public")).absolute()


def site_url() -> str:
    return os.environ.get("JOBS_SITE_URL", "http://localhost:8000").rstrip("/")


def metrics_file() -> Path:
    """JOBS_METRICS_FILE: the OpenMetrics textfile written after every crawl run."""
    value = os.environ.get("JOBS_METRICS_FILE", "").strip()
    return Path(value) if value else var_dir() / "metrics" / "jobs.prom"


def pushgateway_url() -> str | None:
    """JOBS_PUSHGATEWAY_URL: a Prometheus pushgateway that gets each crawl run's metrics."""
    return os.environ.get("JOBS_PUSHGATEWAY_URL", "").strip() or None


def alert_webhook() -> str | None:
    """JOBS_ALERT_WEBHOOK: a URL that gets a JSON POST when a source fails or health is bad."""
    return os.environ.get("JOBS_ALERT_WEBHOOK", "").strip() or None


def backup_dir() -> Path:
    """JOBS_BACKUP_DIR: where ``jobs backup`` writes its dumps."""
    value = os.environ.get("JOBS_BACKUP_DIR", "").strip()
    return Path(value).absolute() if value else var_dir() / "backups"


def backup_keep() -> int:
    """JOBS_BACKUP_KEEP: how many dumps ``jobs backup`` keeps (48: two days of hourly dumps)."""
    return _positive_int("JOBS_BACKUP_KEEP", 48)


def health_max_age_hours() -> float:
    """JOBS_HEALTH_MAX_AGE_HOURS: a source or publish older than this is stale (default 26 h:
    the daily flow runs twice a day, so one missed run is tolerated, two are not)."""
    value = os.environ.get("JOBS_HEALTH_MAX_AGE_HOURS", "").strip()
    try:
        hours = float(value) if value else 26.0
    except ValueError as exc:
        raise SystemExit(f"JOBS_HEALTH_MAX_AGE_HOURS must be a number, not {value!r}") from exc
    return hours


def _positive_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise SystemExit(f"{name} must be a whole number of at least 1, not {value!r}")
    return int(value)
