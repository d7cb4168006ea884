"""A real crawl run ends in metrics and, when it failed, an alert: ``services.crawl.run_spider``
with a source whose page is gone (an empty replay folder answers 404 to everything)."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from services.crawl import run_spider


@pytest.mark.slow
def test_a_silent_source_is_exported_pushed_and_alerted(clean_db, tmp_path, monkeypatch,
                                                        pushgateway, webhook):
    (tmp_path / "replay").mkdir()
    monkeypatch.setenv("JOBS_REPLAY", str(tmp_path / "replay"))
    monkeypatch.setenv("JOBS_RECORD_RUNS", "1")
    monkeypatch.setenv("JOBS_METRICS_FILE", str(tmp_path / "jobs.prom"))
    monkeypatch.setenv("JOBS_PUSHGATEWAY_URL", pushgateway.url)
    monkeypatch.setenv("JOBS_ALERT_WEBHOOK", webhook.url)
    run = run_spider("upsc", timeout=180)
    assert run["status"] == "failed"
    text = (tmp_path / "jobs.prom").read_text()
    success = {s.labels["source"]: s.value for f in text_string_to_metric_families(text)
               for s in f.samples if s.name == "jobs_crawl_success"}
    assert success == {"upsc": 0}
    assert pushgateway.value("jobs_crawl_items", source="upsc") == 0
    [alert] = webhook.received
    assert alert["json"]["source"] == "upsc" and "http://upsc.gov.in/" in alert["json"]["text"]
