"""Facts the rules missed, from an LLM's checked answers (``FactFiller.fill``).

Optional: with no ``OPENAI_BASE_URL``/``OPENAI_API_KEY`` there is no client and nothing here
runs; the rule-based facts stand alone. With one, each readable document of a notice is asked
about once — the answer is cached by the document's hash, so an unchanged recrawl makes no call —
and only a fact the rules left empty is taken, only when the check finds it in the document
(``core.domain.extract.llm_answer``), with the page and quote the check found.
"""

from __future__ import annotations

import hashlib
import logging

from core.domain.extract.document import Document, documents_in
from core.domain.extract.llm_answer import (
    ANSWER_SCHEMA,
    FIELDS,
    PROMPT_VERSION,
    accepted_facts,
    build_messages,
)
from core.domain.extract.notice_facts import Extraction
from core.domain.extract.overlay import overlay
from core.domain.schema import Fees
from core.llm.fact_cache import cache_get, cache_key, cache_put
from core.seo.llm_client import LlmClient, LlmUnavailable
from core.storage.database import session_scope

log = logging.getLogger(__name__)


def _missing(job: dict, field: str) -> bool:
    if field.startswith("fees."):
        fees = job.get("fees")
        return not isinstance(fees, Fees) or getattr(fees, field[5:]) is None
    return job.get(field) in (None, "", [])


def _document_hash(document: Document) -> str:
    return document.hash or hashlib.sha256("\f".join(document.pages).encode()).hexdigest()


class FactFiller:
    def __init__(self, client: LlmClient, stats, refresh: bool = False):
        self.client = client
        self.stats = stats
        self.refresh = refresh

    @classmethod
    def from_env(cls, stats, environ=None) -> FactFiller | None:
        client = LlmClient.from_env(stats, environ)
        return cls(client, stats) if client else None

    def answer_for(self, document: Document) -> str | None:
        """The model's answer about ``document``: from the cache, else one call (then cached)."""
        digest = _document_hash(document)
        key = cache_key(digest, PROMPT_VERSION, self.client.model)
        if not self.refresh:
            with session_scope() as session:
                cached = cache_get(session, key)
            if cached is not None:
                self.stats.inc_value("jobs/extract/llm_cache_hit")
                return cached["content"]
        try:
            content = self.client.complete(build_messages(document), schema=ANSWER_SCHEMA)
        except LlmUnavailable as exc:  # not cached: the next crawl asks again
            log.warning("LLM facts for %s: unavailable (%s)", document.url, exc)
            self.stats.inc_value(f"jobs/extract/llm_unavailable/{exc.reason}")
            return None
        with session_scope() as session:
            cache_put(session, key, digest, self.client.model, PROMPT_VERSION, {"content": content})
        return content

    def fill(self, job: dict, raw: dict) -> dict:
        """``job`` (``normalise_job``'s dict) with the facts it lacks that an LLM found and the
        check confirmed; each such fact is named in ``warnings``."""
        for document in documents_in(raw):
            missing = [field for field in FIELDS if _missing(job, field)]
            if not missing or not document.readable:
                continue
            content = self.answer_for(document)
            if content is None:
                continue
            accepted, rejected = accepted_facts(content, document)
            for reason in rejected:
                self.stats.inc_value(f"jobs/extract/llm_reject/{reason.split(': ')[-1].replace(' ', '_')}")
            taken = {name: fact for name, fact in accepted.items() if name in missing}
            if taken:
                self.stats.inc_value("jobs/extract/llm_fact", len(taken))
                overlay(job, Extraction(facts=taken))
                job["warnings"].append("read by the LLM and found in the document: " + ", ".join(sorted(taken)))
        return job
