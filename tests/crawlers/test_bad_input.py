"""Bad input: each failure is recorded in crawl_runs with its URL, and the other sources still run."""

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.storage.tables import CrawlRun
from services.crawl import run_spider
from tests.crawlers.crawl_fixture import FIXTURE_SPIDERS

BAD = {
    "http://bad-input.example/truncated.html": "ResponseDataLossError",
    "http://bad-input.example/error.html": "HTTP 500",
    "http://bad-input.example/slow.html": "DownloadTimeoutError",
    "http://bad-input.example/wrong-encoding.html": "encoding: ",
    "http://bad-input.example/pdf/scanned_notice.pdf": "PDF no text layer",
    "http://bad-input.example/pdf/ssc_jht2018_notice_truncated.pdf": "PDF broken PDF",
    "http://bad-input.example/pdf/csbc_advt01_2020_syllabus.pdf": "PDF unreadable text",
    "http://bad-input.example/pdf/missing.pdf": "HTTP 404",
}
PAGES = [u for u in BAD if not u.endswith(".pdf")] + ["http://bad-input.example/notices.html"]
SETTINGS = ["-s", f"SPIDER_MODULES={FIXTURE_SPIDERS}", "-s", "RETRY_TIMES=0",
            "-s", "DOWNLOAD_TIMEOUT=2"]


@pytest.fixture(scope="module")
def runs(pg_url, pg_engine):
    """Sources in sequence, as the daily flow runs them: broken, silent, quiet, healthy."""
    mp = pytest.MonkeyPatch()
    mp.setenv("JOBS_REPLAY", "1")
    mp.setenv("JOBS_RECORD_RUNS", "1")
    mp.setenv("JOBS_TODAY", "2018-03-15")
    from sqlalchemy import text

    with pg_engine.begin() as conn:
        conn.execute(text("TRUNCATE crawl_runs, sources RESTART IDENTITY CASCADE"))
    summaries = {
        "fixture_pages": run_spider("fixture_pages", timeout=120,
                                    extra_args=[*SETTINGS, "-a", f"urls={','.join(PAGES)}"]),
        "fixture_silent": run_spider("fixture_silent", timeout=120, extra_args=SETTINGS),
        "fixture_quiet": run_spider("fixture_quiet", timeout=120, extra_args=SETTINGS),
        "upsc": run_spider("upsc", timeout=120, extra_args=SETTINGS),
    }
    with Session(pg_engine) as session:
        rows = {r.source: r for r in session.scalars(select(CrawlRun))}
        session.expunge_all()
    mp.undo()
    yield summaries, rows
    from core.storage.tables import Base

    with pg_engine.begin() as conn:
        names = ", ".join(t.name for t in Base.metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.mark.slow
@pytest.mark.parametrize("url", list(BAD))
def test_each_bad_input_is_recorded_with_its_url(runs, url):
    _, rows = runs
    reasons = [e["reason"] for e in rows["fixture_pages"].error_log if e["url"] == url]
    assert reasons and reasons[0].startswith(BAD[url]), rows["fixture_pages"].error_log


@pytest.mark.slow
def test_a_source_with_errors_but_items_is_partial(runs):
    summaries, rows = runs
    run = rows["fixture_pages"]
    assert run.status == summaries["fixture_pages"]["status"] == "partial"
    assert run.errors >= len(BAD)
    # Every notice of the PDF board still arrives, with or without its PDF text.
    assert run.items >= 5


@pytest.mark.slow
def test_a_source_with_no_items_fails_loudly(runs):
    summaries, rows = runs
    run = rows["fixture_silent"]
    assert run.status == "failed" and run.items == 0
    assert {"url": "http://bad-input.example/error.html", "reason": "HTTP 500"} in run.error_log
    assert any(e["reason"].startswith("no items from this source") for e in run.error_log)
    assert summaries["fixture_silent"]["status"] == "failed"


@pytest.mark.slow
def test_a_source_that_may_be_empty_is_ok_with_no_items(runs):
    _, rows = runs
    assert (rows["fixture_quiet"].status, rows["fixture_quiet"].items) == ("ok", 0)


@pytest.mark.slow
def test_the_next_source_still_runs(runs):
    summaries, rows = runs
    run = rows["upsc"]
    assert (run.status, run.items, run.errors) == ("ok", 21, 0)
    assert run.pages >= 1 and run.duration_s > 0
    assert summaries["upsc"]["inserted"] == run.inserted > 0
