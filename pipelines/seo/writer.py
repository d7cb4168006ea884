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

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from jobcore.database import session_scope
from jobcore.schema import JobPosting
from jobcore.tables import Job
from pipelines.seo.cache import cache_get, cache_key, cache_put
from pipelines.seo.fact_check import check_answer
from pipelines.seo.llm_client import LlmClient, LlmUnavailable
from pipelines.seo.prompt import PROMPT_VERSION, build_messages, facts_block
from pipelines.seo.template import template_seo

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


def write_template_batch(entries: list[tuple[int, str]], refresh: bool = False) -> list[str]:
    """Template text for a batch of (job id, store outcome) in one transaction (no LLM set up).

    Returns per entry ``written``, ``unchanged`` (facts unchanged, text there) or ``missing``.
    The template is a pure function of the facts, so reading and writing in one locked
    transaction needs no "superseded" check. A transaction the database aborts (a deadlock
    with another crawl process) is tried again; the text is never worth failing an item for,
    and ``jobs seo`` writes whatever is still missing.
    """
    ids = sorted({job_id for job_id, _ in entries})
    for attempt in range(1, 4):
        try:
            with session_scope() as session:
                rows = {row.id: row for row in session.scalars(
                    select(Job).where(Job.id.in_(ids)).order_by(Job.id).with_for_update())}
                done, written = [], set()
                for job_id, outcome in entries:
                    row = rows.get(job_id)
                    if row is None:
                        done.append("missing")
                    elif job_id in written or (outcome == "noop" and row.seo_title and not refresh):
                        done.append("unchanged")
                    else:
                        text = template_seo(JobPosting.model_validate(row.facts), row.slug)
                        row.seo_title, row.seo_description = text["title"], text["description"]
                        row.seo_summary, row.seo_faq = text["summary"], text["faq"]
                        row.seo_origin = text["origin"]
                        written.add(job_id)
                        done.append("written")
                return done
        except OperationalError as exc:
            log.warning("SEO text for %d jobs: %s (attempt %d)", len(ids), exc.__class__.__name__, attempt)
            time.sleep(0.2 * attempt)
    return ["missing"] * len(entries)
