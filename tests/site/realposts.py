"""Snapshots for site tests and the bench, made from the real aggregator posts (no database).

The posts go through the real normaliser, validator and merge, and become snapshot records in
the format of ``core.storage.snapshot.job_record``.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict
from pathlib import Path

from slugify import slugify

from core.domain.fingerprint import job_fingerprint, job_slug
from core.domain.merge import facts_hash, merge_notices
from core.domain.normalise import normalise_job
from core.domain.schema import JobPosting, Rejection
from core.domain.validate import validate_job
from core.seo.template import template_seo
from core.storage.snapshot import SNAPSHOT_VERSION, write_snapshot
from core.storage.store import _event_date, _event_link

POSTS = Path("/work/shared/realpages/aggregator__sarkariafsar_scraped_detail_posts.json")
FEED_URL = "https://www.sarkariafsar.com/feed/posts.json"
CAPTURE_DAY = "2026-01-20"


def raw_job(post: dict) -> dict:
    """The RawJob the sarkariafsar spider makes of one post."""
    raw = {
        "source": "sarkariafsar",
        "source_kind": "aggregator",
        "source_url": f"{FEED_URL}#{slugify(post.get('title') or '')}",
        "title": post.get("title"),
        "summary": post.get("shortInfo"),
        "important_dates": post.get("importantDates", []),
        "application_fee": post.get("applicationFee", []),
        "age_limit": post.get("ageLimit", []),
        "vacancy_tables": [{"headers": t.get("headers", []), "rows": t.get("rows", [])}
                           for t in post.get("vacancyDetails", [])],
        "other_details": post.get("otherDetails", []),
        "links": [{"label": link.get("label"), "url": link.get("url")}
                  for link in post.get("importantLinks", []) if link.get("url")],
        "scraped_at": CAPTURE_DAY,
    }
    return {k: v for k, v in raw.items() if v not in (None, "", [])}


@functools.cache
def _real_facts() -> tuple[str, ...]:
    posts = json.loads(POSTS.read_text(encoding="utf-8"))["jobs"]
    out = []
    for post in posts:
        raw = raw_job(post)
        job = validate_job(normalise_job(raw), raw)
        if not isinstance(job, Rejection):
            out.append(job.model_dump_json())
    return tuple(out)


def real_postings() -> list[JobPosting]:
    return [JobPosting.model_validate_json(text) for text in _real_facts()]


def record(notices: list[JobPosting], seen_on: dt.date, slug: str | None = None) -> dict:
    """One snapshot record for the job these notices describe."""
    job, provenance = merge_notices(notices)
    fingerprint = job_fingerprint(notices[0])
    facts = job.model_dump(mode="json")
    events = sorted(
        ({"stage": n.stage.value, "title": n.title,
          "date": (d.isoformat() if (d := _event_date(n)) else None), "link": _event_link(n),
          "source": n.source, "source_kind": n.source_kind, "source_url": n.source_url,
          "first_seen": seen_on.isoformat()} for n in notices),
        key=lambda e: (e["date"] or "", e["title"], e["source_url"]))
    return {
        "slug": slug or job_slug(notices[0], fingerprint),
        "fingerprint": fingerprint,
        "facts": facts,
        "provenance": provenance,
        "events": events,
        "seo": template_seo(job),
        "is_featured": False,
        "priority": 0,
        "content_hash": facts_hash(facts),
        "first_seen": seen_on.isoformat(),
        "last_seen": seen_on.isoformat(),
    }


def snapshot_of(postings: list[JobPosting], seen_on: dt.date = dt.date(2026, 1, 20)) -> dict:
    jobs: dict[str, list[JobPosting]] = defaultdict(list)
    for posting in postings:
        jobs[job_fingerprint(posting)].append(posting)
    records = [record(notices, seen_on) for _, notices in sorted(jobs.items())]
    return {"version": SNAPSHOT_VERSION, "jobs": sorted(records, key=lambda r: r["slug"])}


ORG_VARIANTS = ("", "Uttar Pradesh ", "Bihar ", "Rajasthan ", "Madhya Pradesh ", "Haryana ",
                "West Bengal ", "Maharashtra ", "Karnataka ", "Gujarat ")


def expanded_postings(count: int) -> list[JobPosting]:
    """``count`` distinct jobs made from the real posts: organisation, title and dates varied."""
    base = real_postings()
    out = []
    capture = dt.date.fromisoformat(CAPTURE_DAY)
    for i in range(count):
        src = base[i % len(base)]
        n = i // len(base)
        # dates move together so the last date lands between 30 days ago and 90 days ahead
        anchor = src.apply_last or src.exam_date or src.notice_date or capture
        shift = capture + dt.timedelta(days=(i * 7) % 120 - 30) - anchor
        data = src.model_dump()
        variant = ORG_VARIANTS[n % len(ORG_VARIANTS)]
        data["organisation"] = f"{variant}{src.organisation}".strip()
        if src.organisation_short:
            data["organisation_short"] = f"{src.organisation_short} {n % 40}" if n % 40 else src.organisation_short
        data["title"] = f"{src.title} (Batch {n + 1})" if n else src.title
        data["source_url"] = f"{src.source_url}-{n}"
        data["advt_no"] = f"{src.advt_no or 'ADVT'}-{i}/{2026 - n % 3}"
        for field in ("notice_date", "apply_start", "apply_last", "fee_last", "correction_start",
                      "correction_end", "exam_date", "exam_date_end", "admit_card_date",
                      "answer_key_date", "result_date", "expires_on"):
            if data[field]:
                data[field] = data[field] + shift
        data["events"] = [{**e, "date": e["date"] + shift if e["date"] else None,
                           "end_date": e["end_date"] + shift if e["end_date"] else None}
                          for e in data["events"]]
        out.append(JobPosting.model_validate(data))
    return out


def write_snapshot_file(snapshot: dict, path: Path) -> Path:
    return write_snapshot(snapshot, path)
