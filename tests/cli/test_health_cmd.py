"""``jobs health`` and ``jobs sources`` on the command line, against the session's database."""

from __future__ import annotations

import json

import pytest

from cli.main import main
from tests.services.loopback import Webhook, serving


@pytest.fixture
def scratch(clean_db, tmp_path, monkeypatch):
    monkeypatch.setenv("JOBS_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("JOBS_PUBLISH_DIR", str(tmp_path / "public"))
    monkeypatch.delenv("JOBS_S3_BUCKET", raising=False)
    return tmp_path


def test_health_writes_the_editors_page_and_alerts_when_not_ok(scratch, monkeypatch):
    with serving(Webhook()) as hook:
        monkeypatch.setenv("JOBS_ALERT_WEBHOOK", hook.url)
        code = main(["health", "--html", str(scratch / "health" / "sources.html"), "--alert"])
    assert code == 1  # nothing crawled or published yet: warnings
    page = (scratch / "health" / "sources.html").read_text()
    assert "never crawled" in page and "<strong>upsc</strong>" in page
    [alert] = hook.received
    assert alert["json"]["event"] == "health" and alert["json"]["status"] == "warning"


def test_sources_lists_every_spider_with_its_health(scratch, capsys):
    from services.crawl import spider_names

    assert main(["sources", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [s["source"] for s in listed] == spider_names()
    assert {s["status"] for s in listed} == {"warning"}
