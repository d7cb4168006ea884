"""Stage 150 in a crawl: without an LLM it makes no call; with one, a checked fact is stored."""

from __future__ import annotations

import json

import pytest
from scrapy.utils.test import get_crawler

from core.domain.extract.document import Document
from core.storage.database import session_scope
from core.storage.tables import Job
from tests.pipelines.fake_openai import FakeOpenAI
from tests.pipelines.stage_runner import crawl, raw

PDF = "https://rrb.example.in/cen-07-2026.pdf"
TEXT = "Advt. 7/2026. Applications are invited. The portal closes on 02-03-2026 at midnight."
ANSWER = json.dumps({"facts": [{"field": "apply_last", "value": "2026-03-02",
                                "quote": "The portal closes on 02-03-2026"}]})


def notice() -> dict:
    document = Document(url=PDF, kind="pdf", pages=[TEXT], page_count=1, hash="b" * 64)
    return raw(7, important_dates=[], documents=[document.to_record()])


@pytest.fixture
def fake(monkeypatch):
    server = FakeOpenAI().start()  # the SEO stage's calls get good SEO text
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setenv("JOBS_LLM_RETRIES", "0")
    yield server
    server.stop()


def fact_calls(fake) -> int:
    return sum(1 for r in fake.requests if r.get("response_format", {}).get("json_schema", {}).get("name") == "notice_facts")


def _stored_last_date():
    with session_scope() as session:
        row = session.query(Job).one()
        return row.apply_last, row.facts["evidence"].get("apply_last")


def test_without_an_llm_the_rule_facts_are_stored_alone(clean_db, monkeypatch):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    crawl([notice()])
    assert _stored_last_date() == (None, None)


def test_a_checked_llm_fact_is_stored_with_its_evidence(clean_db, fake):
    fake.script, fake.replies = ["reply"], [ANSWER]
    crawl([notice()], get_crawler())
    last, evidence = _stored_last_date()
    assert str(last) == "2026-03-02"
    assert evidence == {"document": PDF, "page": 1, "quote": "The portal closes on 02-03-2026"}


def test_a_recrawl_of_the_unchanged_document_makes_no_call(clean_db, fake):
    fake.script, fake.replies = ["reply"], [ANSWER]
    crawl([notice()])
    crawl([notice()])
    assert fact_calls(fake) == 1
