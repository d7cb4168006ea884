"""``jobs health``: the rules (a pure function of the facts), then the facts from a real
database, spool and publish folder, and the exit code a monitor reads."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from services.health import Facts, check_health, judge
from services.health_page import health_html, health_markdown

NOW = dt.datetime(2026, 2, 15, 12, 0, tzinfo=dt.UTC)
SOURCES = {"upsc": {"organisation": "Union Public Service Commission"},
           "ssc": {"organisation": "Staff Selection Commission"}}
PUBLISHED = {"at": NOW - dt.timedelta(hours=2), "target": "public", "release": "abc"}


def a_run(hours_ago: float, status="ok", items=10, errors=0, problems=()):
    return {"finished_at": NOW - dt.timedelta(hours=hours_ago), "status": status, "items": items,
            "errors": errors, "problems": list(problems)}


def healthy(**changes) -> Facts:
    facts = Facts(sources=dict(SOURCES),
                  runs={"upsc": [a_run(30), a_run(6)], "ssc": [a_run(5)]},
                  last_success={"upsc": NOW - dt.timedelta(hours=6), "ssc": NOW - dt.timedelta(hours=5)},
                  publish=dict(PUBLISHED))
    for name, value in changes.items():
        setattr(facts, name, value)
    return facts


def check(report, name):
    return next(c for c in report["checks"] if c["name"] == name)


def test_all_well_is_ok_and_exit_zero():
    report = judge(healthy(), NOW, 26)
    assert (report["status"], report["exit_code"]) == ("ok", 0)


def test_an_unreachable_database_is_critical():
    report = judge(healthy(database_error="OperationalError: connection refused"), NOW, 26)
    assert (report["status"], report["exit_code"]) == ("critical", 2)
    assert check(report, "database")["detail"] == "unreachable: OperationalError: connection refused"


def test_a_source_without_success_within_the_maximum_age_is_a_warning():
    facts = healthy(last_success={"upsc": NOW - dt.timedelta(hours=30), "ssc": NOW})
    report = judge(facts, NOW, 26)
    assert check(report, "source upsc") == {"name": "source upsc", "status": "warning",
                                            "detail": "last success 30 h ago"}
    assert report["exit_code"] == 1


def test_a_failed_newest_run_names_its_reason():
    problem = {"url": "https://upsc.gov.in/", "reason": "CannotResolveHostError"}
    facts = healthy(runs={"upsc": [a_run(6), a_run(1, "failed", 0, 1, [problem])], "ssc": [a_run(5)]})
    assert check(judge(facts, NOW, 26), "source upsc")["detail"] == (
        "newest run failed: CannotResolveHostError; last success 6 h ago")


def test_zero_items_raises_the_alarm_unless_the_source_may_be_empty():
    facts = healthy(runs={"upsc": [a_run(1, "partial", items=0)], "ssc": [a_run(1, "ok", items=0)]})
    facts.sources["ssc"] = {**facts.sources["ssc"], "may_be_empty": True}
    by_source = {s["source"]: s for s in judge(facts, NOW, 26)["sources"]}
    assert by_source["upsc"]["zero_item_alarm"] and by_source["upsc"]["status"] == "warning"
    assert not by_source["ssc"]["zero_item_alarm"] and by_source["ssc"]["status"] == "ok"


def test_error_rate_is_the_share_of_recent_runs_that_failed_or_had_errors():
    runs = [a_run(40), a_run(30, "partial", errors=2), a_run(20, "failed", 0, 1), a_run(10)]
    facts = healthy(runs={"upsc": runs, "ssc": [a_run(5)]})
    upsc = next(s for s in judge(facts, NOW, 26)["sources"] if s["source"] == "upsc")
    assert upsc["error_rate"] == 0.5 and upsc["items_per_run"] == [10, 10, 0, 10]


def test_a_source_never_crawled_is_a_warning():
    facts = healthy(runs={"ssc": [a_run(5)]})
    assert check(judge(facts, NOW, 26), "source upsc")["detail"] == "never crawled"


def test_items_waiting_in_the_spool_are_a_warning():
    report = judge(healthy(spooled={"upsc": 3}), NOW, 26)
    assert check(report, "spool")["status"] == "warning" and report["exit_code"] == 1


def test_quarantined_items_are_reported_not_judged():
    report = judge(healthy(quarantined={"upsc": 40}), NOW, 26)
    assert check(report, "quarantine")["detail"] == "40 item(s) waiting for an editor"
    assert report["status"] == "ok"


@pytest.mark.parametrize(("publish", "status"), [
    ({}, "warning"),
    ({**PUBLISHED, "at": NOW - dt.timedelta(hours=50)}, "warning"),
    ({"error": "publish target unreachable: ClientError: 404"}, "critical"),
])
def test_publish_never_stale_or_unreachable(publish, status):
    assert check(judge(healthy(publish=publish), NOW, 26), "publish")["status"] == status


def test_the_page_is_for_editors_only_and_escapes_scraped_text():
    problem = {"url": "https://upsc.gov.in/?q=<script>", "reason": "<script>alert(1)</script>"}
    facts = healthy(runs={"upsc": [a_run(2), a_run(1, "failed", 0, 1, [problem])], "ssc": [a_run(5)]})
    page = health_html(judge(facts, NOW, 26))
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count('<rect class="failed"') == 1 and page.count('<rect class="ok"') == 2


def test_markdown_has_a_row_per_source():
    text = health_markdown(judge(healthy(), NOW, 26))
    assert "| upsc | ok | 2026-02-15 06:00 UTC | 10 10 | 0% | 0 |  |" in text
    assert text.count("\n| ssc |") == 1


def test_facts_come_from_the_database_spool_and_publish_folder(clean_db, tmp_path, monkeypatch):
    from core.storage.database import session_scope
    from core.storage.spool import spool_item
    from core.storage.tables import CrawlRun, Quarantine

    monkeypatch.setenv("JOBS_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("JOBS_PUBLISH_DIR", str(tmp_path / "public"))
    monkeypatch.delenv("JOBS_S3_BUCKET", raising=False)
    now = dt.datetime.now(dt.UTC)
    with session_scope() as session:
        for hours, status, items in ((30, "ok", 12), (2, "failed", 0)):
            session.add(CrawlRun(source="upsc", started_at=now - dt.timedelta(hours=hours),
                                 finished_at=now - dt.timedelta(hours=hours), status=status,
                                 items=items, errors=int(status == "failed")))
        session.add(Quarantine(raw_hash="h1", source="upsc", reason="no title", raw={}))
    spool_item("ssc", {"title": "x"}, "database down")
    report = check_health(max_age_hours=26, sources=SOURCES)
    upsc = next(s for s in report["sources"] if s["source"] == "upsc")
    assert upsc["items_per_run"] == [12, 0] and upsc["quarantined"] == 1
    assert upsc["hours_since_success"] == pytest.approx(30, abs=0.2)
    assert report["spooled"] == {"ssc": 1}
    assert check(report, "publish")["detail"] == "never published"


def test_the_command_exits_critical_when_the_database_is_unreachable(monkeypatch, capsys, tmp_path):
    import socket

    from cli.main import main

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("JOBS_DATABASE_URL", f"postgresql://postgres@127.0.0.1:{port}/jobs")
    monkeypatch.setenv("JOBS_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("JOBS_PUBLISH_DIR", str(tmp_path / "public"))
    assert main(["health", "--format", "json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["checks"][0]["detail"].startswith("unreachable: OperationalError")
