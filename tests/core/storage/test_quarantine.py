"""Quarantine rows on real PostgreSQL: one row per raw item, counted when seen again."""

from sqlalchemy import select

from core.storage.quarantine import quarantine_item, reason_key
from core.storage.tables import Quarantine


def test_a_rejected_item_is_quarantined_once_and_counted(db_session):
    raw = {"title": "<b>no organisation</b>", "source_url": "https://example.in/x"}
    assert quarantine_item(db_session, "test", raw["source_url"], "missing required fact: organisation", raw) == "insert"
    assert quarantine_item(db_session, "test", raw["source_url"], "missing required fact: organisation", raw) == "noop"
    row = db_session.scalars(select(Quarantine)).one()
    assert (row.source, row.reason, row.raw, row.times_seen) == ("test", "missing required fact: organisation", raw, 2)
    assert row.created_at is not None and row.released_at is None


def test_a_reason_becomes_a_short_stats_key():
    assert reason_key("missing required fact: title") == "missing_required_fact"
    assert reason_key("") == "invalid"
