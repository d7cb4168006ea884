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
