"""Stage 500: SEO title, meta description, summary and FAQ for a job whose facts changed.

The embedded default is the deterministic template (``template_seo``); an LLM is used when
``OPENAI_BASE_URL`` is set (see issue "SEO text with an LLM").
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from jobcore.database import session_scope
from jobcore.schema import JobPosting
from jobcore.tables import Job


def _date(value: dt.date | None) -> str | None:
    return value.strftime("%d %B %Y").lstrip("0") if value else None


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "…"


def template_seo(job: JobPosting) -> dict:
    """Plain, factual SEO text from the job's facts alone."""
    org = job.organisation_short or job.organisation
    stage = job.stage.label
    title = job.title if org.lower() in job.title.lower() else f"{org} {job.title}"
    facts = []
    if job.total_posts:
        facts.append(f"{job.total_posts} posts")
    if job.apply_last:
        facts.append(f"last date {_date(job.apply_last)}")
    if job.fees.general is not None:
        facts.append("no fee" if job.fees.general == 0 else f"fee ₹{job.fees.general}")
    if job.age_max:
        facts.append(f"age up to {job.age_max}")
    description = f"{title}: {stage.lower()} details from {job.organisation}."
    if facts:
        description = f"{title}: " + ", ".join(facts) + f". {stage} details from {org}."
    sentences = [f"{job.organisation} has published the {stage.lower()} notice for {job.title}."]
    if job.total_posts:
        sentences.append(f"There are {job.total_posts} posts in all.")
    if job.apply_start and job.apply_last:
        sentences.append(f"Applications are open from {_date(job.apply_start)} to {_date(job.apply_last)}.")
    elif job.apply_last:
        sentences.append(f"The last date to apply is {_date(job.apply_last)}.")
    sentences.append("Check the official notice before you apply.")
    faq = []
    if job.apply_last:
        faq.append({"q": f"What is the last date for {job.title}?", "a": f"The last date is {_date(job.apply_last)}."})
    if job.fees.general is not None:
        faq.append({"q": "What is the application fee?",
                    "a": "There is no fee." if job.fees.general == 0 else f"₹{job.fees.general} for General candidates."})
    if job.age_min is not None or job.age_max is not None:
        faq.append({"q": "What is the age limit?", "a": f"{job.age_min or '—'} to {job.age_max or '—'} years."})
    return {
        "title": _clip(title, 60),
        "description": _clip(description, 155),
        "summary": " ".join(sentences[:4]),
        "faq": faq,
        "origin": "template",
    }


class SeoTextPipeline:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        stored = item.get("stored") or {}
        with session_scope() as session:
            row = session.scalars(select(Job).where(Job.id == stored["job_id"])).one()
            if stored["outcome"] == "noop" and row.seo_title:
                self.stats.inc_value("jobs/seo/unchanged")
                return item
            job = JobPosting.model_validate(row.facts)
            text = template_seo(job)
            row.seo_title, row.seo_description = text["title"], text["description"]
            row.seo_summary, row.seo_faq, row.seo_origin = text["summary"], text["faq"], text["origin"]
        self.stats.inc_value("jobs/seo/template")
        return item
