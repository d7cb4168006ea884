"""One search document per job, built from a snapshot record: plain text, stable id, filter fields.

Scraped text is untrusted. A document holds *plain text* (tags and encoded tags stripped, entities
decoded), never HTML: whoever shows it (Meilisearch results in the browser, Pagefind) must insert
it as text. Escaping here would show ``&amp;`` to readers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re

import nh3

from core.domain.schema import STAGE_LABELS, Stage

SUMMARY_CHARS = 600
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_NO_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "textarea", "title"}


def plain_text(value) -> str | None:
    """Markup-free text: tags removed (script/style with their content), entities decoded.

    Repeated until stable so that encoded markup (``&lt;script&gt;``) is stripped too.
    """
    if value is None:
        return None
    text = str(value)
    for _ in range(3 if ("<" in text or "&" in text) else 0):
        cleaned = html.unescape(nh3.clean(text, tags=set(), clean_content_tags=_NO_CONTENT))
        if cleaned == text:
            break
        text = cleaned
    text = _SPACE.sub(" ", _CONTROL.sub("", text.replace("\u00a0", " "))).strip()
    return text or None


def day_timestamp(value: str | None) -> int | None:
    """An ISO date as Unix seconds at 00:00 UTC (Meilisearch filters and sorts numbers)."""
    if not value:
        return None
    return calendar.timegm(dt.date.fromisoformat(value[:10]).timetuple())


def _texts(values) -> list[str]:
    seen: list[str] = []
    for value in values or []:
        text = plain_text(value)
        if text and text not in seen:
            seen.append(text)
    return seen


def job_url(slug: str) -> str:
    """The job page's path from the site root (the site's URL scheme: ``jobs/<slug>/``)."""
    return f"/jobs/{slug}/"


def search_document(record: dict) -> dict:
    """The search document of one snapshot job record (see ``core.storage.snapshot.job_record``)."""
    facts = record["facts"]
    seo = record.get("seo") or {}
    stage = facts.get("stage") or Stage.other.value
    posts = facts.get("posts") or []
    qualifications = _texts([*(facts.get("qualification") or []),
                             *(p.get("qualification") for p in posts)])
    summary = plain_text(seo.get("summary") or facts.get("description") or "") or ""
    if len(summary) > SUMMARY_CHARS:
        summary = summary[:SUMMARY_CHARS].rsplit(" ", 1)[0] + "…"
    return {
        "id": record["slug"],
        "url": job_url(record["slug"]),
        "title": plain_text(facts.get("title")),
        "organisation": plain_text(facts.get("organisation")),
        "organisation_short": plain_text(facts.get("organisation_short")),
        "department": plain_text(facts.get("department")),
        "category": plain_text(facts.get("category")),
        "state": plain_text(facts.get("state")),
        "stage": stage,
        "stage_label": STAGE_LABELS[Stage(stage)],
        "advt_no": plain_text(facts.get("advt_no")),
        "exam_year": facts.get("exam_year"),
        "total_posts": facts.get("total_posts"),
        "posts": _texts(p.get("name") for p in posts),
        "qualification": qualifications,
        "summary": summary,
        "last_date": day_timestamp(facts.get("apply_last")),
        "last_date_iso": facts.get("apply_last"),
        "notice_date": day_timestamp(facts.get("notice_date")),
        "updated": day_timestamp(record.get("last_seen")),
        "content_hash": record.get("content_hash"),
    }


def search_documents(snapshot: dict) -> list[dict]:
    """Every job's document, in the snapshot's (slug) order."""
    return [search_document(r) for r in snapshot["jobs"]]


def document_text(document: dict) -> str:
    """The searchable body of a document as one string (Pagefind indexes text, not fields)."""
    parts = [document["title"], document["organisation"], document["organisation_short"],
             document["department"], document["advt_no"], *document["posts"],
             *document["qualification"], document["state"], document["category"],
             document["stage_label"], document["summary"]]
    return "\n".join(p for p in parts if p)
