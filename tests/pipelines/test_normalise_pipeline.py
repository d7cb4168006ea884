"""NormalisePipeline wiring: the envelope, warnings counted, a parser crash quarantined not fatal."""

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobcore.tables import Quarantine
from pipelines.normalise import NormalisePipeline

RAW = {"source": "sarkariafsar", "source_kind": "aggregator", "source_url": "https://www.sarkariafsar.com/feed/posts.json#x",
       "title": "RSSB VDO Recruitment 2025", "important_dates": ["Online Apply Start Date : February 2026 Tentative"]}


def pipeline():
    return NormalisePipeline.from_crawler(get_crawler())


def test_the_envelope_keeps_the_raw_item_and_counts_warnings():
    stage = pipeline()
    item = stage.process_item(dict(RAW))
    assert item["raw"] == RAW and item["facts"]["organisation_short"] == "RSSB"
    assert stage.stats.get_value("jobs/warning/normalise") == 1


def test_a_parser_crash_quarantines_the_item(clean_db, monkeypatch):
    import pipelines.normalise as module

    def broken(raw):
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "normalise_job", broken)
    stage = pipeline()
    with pytest.raises(DropItem, match="quarantined: normalise failed: RuntimeError: boom"):
        stage.process_item(dict(RAW))
    with Session(clean_db) as session:
        row = session.scalars(select(Quarantine)).one()
    assert row.source == "sarkariafsar" and row.raw["title"] == RAW["title"]
    assert stage.stats.get_value("jobs/quarantine/normalise_failed") == 1
