"""Text for one job: cache → LLM → fact check, with the template whenever the LLM can't be used.

Stats (Scrapy stats in a crawl, ``Counters`` in ``jobs seo``): ``jobs/seo/llm_call``,
``jobs/seo/cache_hit``, ``jobs/seo/accepted``, ``jobs/seo/reject/<reason>``,
``jobs/seo/fallback`` and ``jobs/seo/fallback/<reason>``, ``jobs/seo/template`` (no LLM set up),
``jobs/seo/unchanged`` (facts unchanged: nothing to do), ``jobs/seo/written``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict

from psycopg.types.json import Jsonb
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from core.domain.schema import JobPosting
from core.seo.cache import cache_get, cache_key, cache_put
from core.seo.fact_check import check_answer
from core.seo.llm_client import LlmClient, LlmUnavailable
from core.seo.prompt import PROMPT_VERSION, build_messages, facts_block
from core.seo.template import template_seo
from core.storage.database import session_scope
from core.storage.store_writes import JOBS, among
from core.storage.tables import Job

log = logging.getLogger(__name__)


class SeoWriter:
    def __init__(self, client: LlmClient | None, stats, refresh: bool = False):
        self.client = client
        self.stats = stats
        self.refresh = refresh
        # Several notices of one job in one crawl: their writes take turns, so the second one
        # finds the first one's answer in the cache instead of paying for the same facts again.
        self._job_locks: defaultdict[int, threading.Lock] = defaultdict(threading.Lock)
        self._locks_lock = threading.Lock()

    def _fallback(self, job: JobPosting, seed: str, reason: str) -> dict:
        self.stats.inc_value("jobs/seo/fallback")
        self.stats.inc_value(f"jobs/seo/fallback/{reason}")
        return template_seo(job, seed)

    def text_for(self, job: JobPosting, seed: str) -> dict:
        """The SEO text for ``job``; ``seed`` (the slug) picks the template's wording."""
        if self.client is None:
            self.stats.inc_value("jobs/seo/template")
            return template_seo(job, seed)
        facts = facts_block(job)
        key = cache_key(facts, PROMPT_VERSION, self.client.model)
        if not self.refresh:
            with session_scope() as session:
                cached = cache_get(session, key)
            if cached is not None:
                self.stats.inc_value("jobs/seo/cache_hit")
                if cached.get("status") == "ok":
                    return {**cached["text"], "origin": "llm"}
                return self._fallback(job, seed, "cached_reject")
        try:
            content = self.client.complete(build_messages(facts))
        except LlmUnavailable as exc:
            log.warning("SEO text for %s: LLM unavailable (%s); using the template", seed, exc)
            return self._fallback(job, seed, exc.reason)
        answer, problem = check_answer(content, facts)
        if problem:
            self.stats.inc_value(f"jobs/seo/reject/{problem.reason}")
            log.warning("SEO text for %s rejected: %s (%s); using the template",
                        seed, problem.reason, problem.detail)
            # A rejected answer is cached too, so the same facts do not pay for it again.
            payload = {"status": "rejected", "reason": problem.reason, "detail": problem.detail}
            with session_scope() as session:
                cache_put(session, key, self.client.model, PROMPT_VERSION, payload)
            return self._fallback(job, seed, "rejected")
        self.stats.inc_value("jobs/seo/accepted")
        with session_scope() as session:
            cache_put(session, key, self.client.model, PROMPT_VERSION, {"status": "ok", "text": answer})
        return {**answer, "origin": "llm"}

    def write_job(self, job_id: int, outcome: str = "update") -> dict | None:
        """Write the text on the job row; a noop (facts unchanged) with text already there is free."""
        with self._locks_lock:
            lock = self._job_locks[job_id]
        with lock:
            return self._write_job(job_id, outcome)

    def _write_job(self, job_id: int, outcome: str) -> dict | None:
        with session_scope() as session:
            row = session.get(Job, job_id)
            if row is None:
                return None
            if outcome == "noop" and row.seo_title and not self.refresh:
                self.stats.inc_value("jobs/seo/unchanged")
                return None
            job, seed, seen_hash = JobPosting.model_validate(row.facts), row.slug, row.content_hash
        text = self.text_for(job, seed)
        with session_scope() as session:
            row = session.scalars(select(Job).where(Job.id == job_id).with_for_update()).one()
            if row.content_hash != seen_hash:
                # The job changed while we wrote; the item that changed it writes the newer text.
                self.stats.inc_value("jobs/seo/superseded")
                return None
            row.seo_title, row.seo_description = text["title"], text["description"]
            row.seo_summary, row.seo_faq, row.seo_origin = text["summary"], text["faq"], text["origin"]
        self.stats.inc_value("jobs/seo/written")
        return text


def write_template_batch(entries: list[tuple], refresh: bool = False) -> list[str]:
    """Template text for a batch of jobs in one transaction (no LLM set up).

    An entry is (job id, store outcome) or (job id, outcome, slug, merged JobPosting, content
    hash) as the store hands them over: then the text is written from those facts without reading
    the job, guarded by the content hash (a job changed since is written by the item that
    changed it). The others are read, and only when their text is missing (or ``refresh``).
    Returns per entry ``written``, ``unchanged`` (facts unchanged, text there) or ``missing``.
    A transaction the database aborts (a deadlock with another crawl process) is tried again;
    the text is never worth failing an item for, and ``jobs seo`` writes whatever is still missing.
    """
    for attempt in range(1, 4):
        try:
            with session_scope() as session:
                return _write_templates(session, entries, refresh)
        except OperationalError as exc:
            log.warning("SEO text for %d jobs: %s (attempt %d)", len(entries), exc.__class__.__name__, attempt)
            time.sleep(0.2 * attempt)
    return ["missing"] * len(entries)


# One statement for the whole batch: the rows go as one JSON document (no array of long texts
# to escape); a job whose content hash moved on since is left to the item that changed it.
_TEXT_FIELDS = ("title", "description", "summary", "faq", "origin")
_SET_TEXTS = text(
    "UPDATE jobs SET seo_title = v.title, seo_description = v.description, seo_summary = v.summary,"
    " seo_faq = v.faq, seo_origin = v.origin"
    " FROM jsonb_to_recordset(CAST(:rows AS jsonb))"
    " AS v(id bigint, hash text, title text, description text, summary text, faq jsonb, origin text)"
    " WHERE jobs.id = v.id AND jobs.content_hash = v.hash"
)


def _write_templates(session, entries: list[tuple], refresh: bool) -> list[str]:
    known = {e[0]: e for e in entries if len(e) == 5 and e[3] is not None and e[1] != "noop"}
    unknown = sorted({e[0] for e in entries} - set(known))
    query = select(JOBS.c.id, JOBS.c.slug, JOBS.c.facts, JOBS.c.content_hash, JOBS.c.seo_title).where(
        among(JOBS.c.id, unknown))
    rows = {row.id: row for row in session.execute(query)} if unknown else {}
    done, updates = [], {}
    for entry in entries:
        job_id, outcome = entry[0], entry[1]
        row = rows.get(job_id)
        if job_id in updates:
            done.append("unchanged")
        elif job_id in known:
            _, _, slug, merged, content_hash = known[job_id]
            updates[job_id] = (template_seo(merged, slug), content_hash)
            done.append("written")
        elif row is None:
            done.append("missing")
        elif outcome == "noop" and row.seo_title and not refresh:
            done.append("unchanged")
        else:
            updates[job_id] = (template_seo(JobPosting.model_validate(row.facts), row.slug), row.content_hash)
            done.append("written")
    if updates:
        rows = [{"id": job_id, "hash": content_hash, **{k: text[k] for k in _TEXT_FIELDS}}
                for job_id, (text, content_hash) in sorted(updates.items())]
        session.execute(_SET_TEXTS, {"rows": Jsonb(rows)})
    return done
