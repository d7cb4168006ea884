"""LLM facts for what the rules missed: checked, cached by document hash, never over a rule's.

Real PostgreSQL (the cache is the ``llm_fact_cache`` table) and the fake OpenAI server.
"""

from __future__ import annotations

import json
import os

import pytest
from sqlalchemy import func, select

from core.domain.extract.document import Document
from core.domain.normalise import normalise_job
from core.llm.fact_filler import FactFiller
from core.seo.counters import Counters
from core.storage.database import session_scope
from core.storage.tables import LlmFactCache
from tests.pipelines.fake_openai import FakeOpenAI

PDF = "https://board.example/advt-05-2025.pdf"
TEXT = ("Advt. No. 05/2025\nApplications are invited for the post of Junior Clerk.\n"
        "Applications reach us by the third of December: 03.12.2025 is the day they close.")


def raw(text: str = TEXT) -> dict:
    document = Document(url=PDF, kind="pdf", pages=[text], page_count=1, hash="a" * 64)
    return {"source": "board", "source_url": "https://board.example/notices.html", "organisation": "Fixture Board",
            "title": "Junior Clerk", "documents": [document.to_record()]}


ANSWER = json.dumps({"facts": [
    {"field": "apply_last", "value": "2025-12-03", "quote": "03.12.2025 is the day they close"},
    {"field": "advt_no", "value": "99/2025", "quote": "Advt. No. 05/2025"},
    {"field": "total_posts", "value": "12", "quote": "twelve posts"},
]})


@pytest.fixture
def fake(monkeypatch):
    server = FakeOpenAI(default="reply").start()
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "test")
    monkeypatch.setenv("JOBS_LLM_MODEL", "fake-model")
    monkeypatch.setenv("JOBS_LLM_RETRIES", "0")
    yield server
    server.stop()


def _fill(raw_job: dict) -> tuple[dict, Counters]:
    stats = Counters()
    return FactFiller.from_env(stats).fill(normalise_job(raw_job), raw_job), stats


def test_a_fact_the_rules_missed_is_taken_with_its_evidence(clean_db, fake):
    fake.replies = [ANSWER]
    job, stats = _fill(raw())
    assert str(job["apply_last"]) == "2025-12-03"
    assert job["evidence"]["apply_last"] == {"document": PDF, "page": 1, "quote": "03.12.2025 is the day they close"}
    assert stats.get_value("jobs/extract/llm_fact") == 1


def test_a_rule_fact_is_not_replaced_and_an_unsupported_one_is_not_taken(clean_db, fake):
    fake.replies = [ANSWER]
    job, stats = _fill(raw())
    assert job["advt_no"] == "05/2025" and job["total_posts"] is None
    assert stats.get_value("jobs/extract/llm_reject/quote_not_in_the_document") == 1


def test_an_unchanged_document_is_not_asked_about_twice(clean_db, fake):
    fake.replies = [ANSWER]
    _fill(raw())
    job, stats = _fill(raw())
    assert fake.calls() == 1 and stats.get_value("jobs/extract/llm_cache_hit") == 1
    assert str(job["apply_last"]) == "2025-12-03"
    with session_scope() as session:
        assert session.scalar(select(func.count()).select_from(LlmFactCache)) == 1


def test_an_unavailable_llm_leaves_the_rule_facts_and_caches_nothing(clean_db, fake):
    fake.script = ["500"]
    job, stats = _fill(raw())
    assert job["apply_last"] is None and job["advt_no"] == "05/2025"
    assert stats.get_value("jobs/extract/llm_unavailable/http_500") == 1
    with session_scope() as session:
        assert session.scalar(select(func.count()).select_from(LlmFactCache)) == 0


def test_without_a_configured_llm_there_is_no_filler():
    assert FactFiller.from_env(Counters(), environ={}) is None


@pytest.mark.live
@pytest.mark.skipif(not os.environ.get("OPENAI_API_KEY"), reason="OPENAI_API_KEY is not set")
def test_a_real_model_only_adds_facts_the_document_states(clean_db):
    from tests.core.domain.extract.documents import labelled

    document = labelled("aweil-chartered-accountant-2023")
    job, _ = _fill({**raw(), "documents": [document.to_record()]})
    text = "".join(document.pages).replace(" ", "").replace("\n", "")
    for name, evidence in job["evidence"].items():
        assert evidence["quote"].replace(" ", "") in text, name
