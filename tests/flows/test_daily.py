"""End to end: the daily flow on the replayed captures, twice: no new rows, an identical site."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from core.storage.tables import CrawlRun, Job, JobEvent, Quarantine
from services.build import tree_digest

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("prefect")]


@pytest.fixture(scope="module")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def flow_env(monkeypatch, tmp_path, pg_url, clean_db):
    monkeypatch.setenv("JOBS_REPLAY", "1")
    monkeypatch.setenv("JOBS_TODAY", "2026-02-15")
    monkeypatch.setenv("JOBS_RECORD_RUNS", "1")
    monkeypatch.setenv("JOBS_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("JOBS_SITE_OUTPUT", str(tmp_path / "output"))
    monkeypatch.setenv("JOBS_PUBLISH_DIR", str(tmp_path / "public"))
    monkeypatch.setenv("JOBS_SITE_URL", "https://jobs.example.org")
    return tmp_path


def _counts(engine):
    from sqlalchemy.orm import Session

    with Session(engine) as session:
        return {
            "jobs": session.scalar(select(func.count()).select_from(Job)),
            "events": session.scalar(select(func.count()).select_from(JobEvent)),
            "quarantine": session.scalar(select(func.count()).select_from(Quarantine)),
            "runs": session.scalar(select(func.count()).select_from(CrawlRun)),
        }


def test_daily_flow_twice_on_every_source(prefect_harness, flow_env, clean_db):
    """Every spider, two at a time, as ``make demo`` runs them: sources overlap (aggregators and
    boards announce the same jobs), and the second run must still be a no-op."""
    from flows.daily import daily
    from services.crawl import spider_names

    sources = spider_names()
    assert len(sources) >= 16
    first = daily(sources=None)
    assert {r["source"]: r["status"] for r in first["runs"]} == dict.fromkeys(sources, "ok")
    assert sum(r["inserted"] for r in first["runs"]) > 0
    counts = _counts(clean_db)
    assert counts["jobs"] == first["jobs"] > 50
    assert counts["runs"] == len(sources)

    output = flow_env / "output"
    public = flow_env / "public"
    job_pages = sorted(output.glob("jobs/*/index.html"))
    assert len(job_pages) == counts["jobs"]
    index = (output / "sitemap.xml").read_text()
    assert "<sitemapindex" in index
    sitemap = "".join(p.read_text() for p in sorted((output / "sitemaps").glob("*.xml")))
    for page in job_pages:
        assert f"https://jobs.example.org/jobs/{page.parent.name}/" in sitemap
    assert "Sitemap: https://jobs.example.org/sitemap.xml" in (output / "robots.txt").read_text()
    home = (output / "index.html").read_text()
    archive = "".join(p.read_text() for p in sorted((output / "archive").rglob("index.html")))
    assert any(p.parent.name.startswith("indian-army-agniveer") for p in job_pages)
    assert "Indian Army Agniveer" not in archive  # open on 2026-02-15
    assert "Rajasthan Police Constable" not in home  # closed: in the archive
    assert "Rajasthan Police Constable" in archive
    assert (public / "index.html").read_text() == home
    digest = tree_digest(output)

    second = daily(sources=None)
    assert sum(r["inserted"] + r["updated"] for r in second["runs"]) == 0
    assert sum(r["unchanged"] for r in second["runs"]) == sum(r["items"] for r in second["runs"])
    after = _counts(clean_db)
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in counts.items() if k != "runs"}
    assert tree_digest(output) == digest
    assert second["published"]["changed"] is False, (first["published"], second["published"])


def test_job_page_shows_the_facts(prefect_harness, flow_env, clean_db):
    from flows.daily import daily

    daily(sources=["sarkariafsar"])
    page = next((flow_env / "output" / "jobs").glob("yantra-india*/index.html")).read_text()
    assert "03 Mar 2026" in page  # last date to apply
    text = re.sub(r"<[^>]+>", " ", page)
    assert "Yantra India Limited" in text
