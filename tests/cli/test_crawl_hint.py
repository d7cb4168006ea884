"""``jobs crawl`` offline: the failing URL is shown, and a hint about replaying captured pages."""

from __future__ import annotations

from cli.commands.crawl import replay_hint

OFFLINE = [{"source": "upsc", "status": "failed",
            "problems": ["CannotResolveHostError (http://upsc.gov.in/)"]}]


def test_an_unreachable_site_gets_the_replay_hint(monkeypatch):
    monkeypatch.delenv("JOBS_REPLAY", raising=False)
    assert "JOBS_REPLAY=1" in replay_hint(OFFLINE)


def test_no_hint_when_already_replaying(monkeypatch):
    monkeypatch.setenv("JOBS_REPLAY", "1")
    assert replay_hint(OFFLINE) is None


def test_no_hint_for_a_source_that_answered_with_nothing(monkeypatch):
    monkeypatch.delenv("JOBS_REPLAY", raising=False)
    silent = [{"source": "upsc", "status": "failed", "problems": [
        "no items from this source (has the page changed, or is it down?) (http://upsc.gov.in/)"]}]
    assert replay_hint(silent) is None
