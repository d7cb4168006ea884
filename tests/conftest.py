"""Shared fixtures: a real throwaway PostgreSQL server per test session, "today", paths."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "crawlers" / "pages"
ARTIFACTS = ROOT / "test-artifacts"

# Never touch the developer's embedded database, Prefect home or published site from tests.
_SCRATCH = Path(tempfile.mkdtemp(prefix="jobs-tests-"))
os.environ["JOBS_VAR_DIR"] = str(_SCRATCH / "var")
(_SCRATCH / "run").mkdir(mode=0o700)
os.environ["XDG_RUNTIME_DIR"] = str(_SCRATCH / "run")
os.environ["PREFECT_HOME"] = str(_SCRATCH / "prefect")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ["JOBS_SITE_OUTPUT"] = str(_SCRATCH / "site-output")
os.environ["JOBS_PUBLISH_DIR"] = str(_SCRATCH / "public")
os.environ.setdefault("JOBS_RECORD_RUNS", "0")
os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawlers.settings")
os.environ.pop("OPENAI_BASE_URL", None) if not os.environ.get("JOBS_LIVE_LLM") else None


@pytest.fixture(scope="session")
def pg_url():
    """A real PostgreSQL 16 server (pgserver) for this test session, migrated to head."""
    from core.storage.embedded_db import sqlalchemy_url, start_embedded
    from core.storage.migrate import upgrade

    server = start_embedded(Path(tempfile.mkdtemp(prefix="jobs-pg-")) / "pgdata", cleanup_mode="delete")
    url = sqlalchemy_url(server.get_uri())
    upgrade(url)
    previous = os.environ.get("JOBS_DATABASE_URL")
    os.environ["JOBS_DATABASE_URL"] = url
    yield url
    if previous is None:
        os.environ.pop("JOBS_DATABASE_URL", None)
    else:
        os.environ["JOBS_DATABASE_URL"] = previous
    server.cleanup()


@pytest.fixture(scope="session")
def pg_engine(pg_url):
    from sqlalchemy import create_engine

    engine = create_engine(pg_url, future=True)
    yield engine
    engine.dispose()


@pytest.fixture
def db_session(pg_engine):
    """A session inside a transaction that is rolled back after the test."""
    from sqlalchemy.orm import Session

    connection = pg_engine.connect()
    transaction = connection.begin()
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    yield session
    session.close()
    transaction.rollback()
    connection.close()


@pytest.fixture
def clean_db(pg_engine):
    """For tests that commit (real crawls, flows): every table empty before and after."""
    from sqlalchemy import text

    from core.storage.tables import Base

    def truncate():
        with pg_engine.begin() as conn:
            names = ", ".join(t.name for t in Base.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))

    truncate()
    yield pg_engine
    truncate()


@pytest.fixture
def today(monkeypatch):
    """Set JOBS_TODAY; use as ``today("2018-03-15")``."""
    def set_today(value: str):
        monkeypatch.setenv("JOBS_TODAY", value)
        import datetime as dt

        return dt.date.fromisoformat(value)

    return set_today


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, with the project's launch options (never a download)."""
    from playwright.sync_api import sync_playwright

    from crawlers.settings import PLAYWRIGHT_LAUNCH_OPTIONS

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=PLAYWRIGHT_LAUNCH_OPTIONS["executable_path"],
            args=PLAYWRIGHT_LAUNCH_OPTIONS["args"],
        )
        yield chromium
        chromium.close()
