"""Crawl metrics: the textfile after every run, and the push to a (loopback) pushgateway."""

from __future__ import annotations

import datetime as dt
import logging

from prometheus_client.parser import text_string_to_metric_families

from services.metrics import export_run, push_run, write_textfile

FINISHED = dt.datetime(2026, 2, 15, 6, 0, tzinfo=dt.UTC)


def run(source="upsc", status="ok", **counts):
    return {"source": source, "status": status, "pages": 3, "items": 12, "inserted": 2,
            "updated": 1, "unchanged": 9, "quarantined": 0, "errors": 0, "duration_s": 4.5,
            "finished_at": FINISHED, "last_success": FINISHED, **counts}


def samples(path):
    return {(s.name, s.labels.get("source")): s.value
            for family in text_string_to_metric_families(path.read_text())
            for s in family.samples}


def test_textfile_holds_each_sources_newest_run(tmp_path):
    path = write_textfile([run(), run("ssc", items=40, duration_s=9.0)], tmp_path / "jobs.prom")
    values = samples(path)
    assert values[("jobs_crawl_items", "upsc")] == 12
    assert values[("jobs_crawl_items", "ssc")] == 40
    assert values[("jobs_crawl_duration_seconds", "ssc")] == 9.0
    assert values[("jobs_crawl_last_success_timestamp_seconds", "upsc")] == FINISHED.timestamp()


def test_a_failed_run_reads_as_no_success(tmp_path):
    path = write_textfile([run(status="failed", items=0, errors=1, last_success=None)],
                          tmp_path / "jobs.prom")
    values = samples(path)
    assert values[("jobs_crawl_success", "upsc")] == 0
    assert values[("jobs_crawl_errors", "upsc")] == 1
    assert ("jobs_crawl_last_success_timestamp_seconds", "upsc") not in values


def test_push_puts_the_run_under_its_source(pushgateway):
    assert push_run(run(items=7), pushgateway.url)
    assert pushgateway.requests == [("PUT", "/metrics/job/jobs_crawl/source/upsc")]
    assert pushgateway.value("jobs_crawl_items", job="jobs_crawl", source="upsc") == 7


def test_a_gateway_that_is_down_costs_one_warning_line(caplog, unused_port):
    with caplog.at_level(logging.WARNING, logger="services.metrics"):
        assert not push_run(run(), f"http://127.0.0.1:{unused_port}", timeout=2)
    [record] = caplog.records
    assert "metrics push" in record.getMessage() and "\n" not in record.getMessage()


def test_after_a_run_the_textfile_lists_every_source_and_the_run_is_pushed(
        clean_db, tmp_path, monkeypatch, pushgateway):
    from core.storage.database import session_scope
    from core.storage.tables import CrawlRun

    with session_scope() as session:
        session.add(CrawlRun(source="ssc", started_at=FINISHED, finished_at=FINISHED, status="ok",
                             items=40, errors=0, duration_s=9.0))
    monkeypatch.setenv("JOBS_METRICS_FILE", str(tmp_path / "metrics" / "jobs.prom"))
    monkeypatch.setenv("JOBS_PUSHGATEWAY_URL", pushgateway.url)
    # a crawl process that died before recording its run: the summary alone is exported
    summary = run(status="failed", items=0, errors=1)
    del summary["finished_at"], summary["last_success"]
    export_run(summary)
    values = samples(tmp_path / "metrics" / "jobs.prom")
    assert ("jobs_crawl_last_run_timestamp_seconds", "upsc") in values
    assert values[("jobs_crawl_items", "ssc")] == 40
    assert values[("jobs_crawl_success", "upsc")] == 0
    assert pushgateway.value("jobs_crawl_success", source="upsc") == 0
