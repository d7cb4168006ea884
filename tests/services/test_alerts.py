"""Alerts: a JSON POST to a loopback webhook, with a timeout, retries and one line on failure."""

from __future__ import annotations

import logging

import pytest

from services.alerts import alert_run, crawl_alert, health_alert, post_alert
from tests.services.loopback import Webhook, serving

FAILED = {"source": "ssc", "status": "failed", "items": 0, "errors": 1,
          "problems": [{"url": "https://ssc.gov.in/", "reason": "no items from this source"}]}


def test_a_failed_source_is_posted_as_json(webhook, monkeypatch):
    monkeypatch.setenv("JOBS_ALERT_WEBHOOK", webhook.url)
    assert alert_run(FAILED) is True
    [got] = webhook.received
    assert got["content_type"] == "application/json"
    assert got["json"]["source"] == "ssc" and got["json"]["url"] == "https://ssc.gov.in/"
    assert got["json"]["text"] == "jobs: source ssc failed: no items from this source (https://ssc.gov.in/)"


@pytest.mark.parametrize("status", ["ok", "partial"])
def test_a_run_that_did_not_fail_sends_nothing(webhook, monkeypatch, status):
    monkeypatch.setenv("JOBS_ALERT_WEBHOOK", webhook.url)
    assert alert_run({**FAILED, "status": status, "problems": []}) is None
    assert webhook.attempts == 0


def test_no_webhook_configured_sends_nothing(monkeypatch):
    monkeypatch.delenv("JOBS_ALERT_WEBHOOK", raising=False)
    assert alert_run(FAILED) is None


def test_a_webhook_that_fails_twice_gets_the_alert_on_the_third_attempt():
    with serving(Webhook(fail=2)) as hook:
        assert post_alert(crawl_alert(FAILED), hook.url, retry_delays=(0, 0))
        assert hook.attempts == 3 and len(hook.received) == 1


def test_a_webhook_that_never_answers_in_time_costs_one_warning_line(caplog):
    with serving(Webhook(delay_s=1.0)) as hook, caplog.at_level(logging.WARNING):
        assert not post_alert(crawl_alert(FAILED), hook.url, timeout=0.2, retry_delays=(0,))
        assert hook.attempts == 2
    [record] = caplog.records
    message = record.getMessage()
    assert "not delivered after 2 attempt(s)" in message and "Timeout" in message
    assert "\n" not in message


def test_a_refused_payload_is_not_retried():
    with serving(Webhook(fail=99, fail_status=400)) as hook:
        assert not post_alert(crawl_alert(FAILED), hook.url, retry_delays=(0, 0))
        assert hook.attempts == 1


@pytest.mark.parametrize("status", ["warning", "critical"])
def test_a_health_report_that_is_not_ok_names_its_bad_checks(status):
    report = {"status": status, "checks": [
        {"name": "database", "status": "ok", "detail": "reachable"},
        {"name": "source ssc", "status": status, "detail": "last success 3 days ago"}]}
    alert = health_alert(report)
    assert alert["text"] == f"jobs health: {status.upper()}: source ssc: last success 3 days ago"
    assert [p["check"] for p in alert["problems"]] == ["source ssc"]
