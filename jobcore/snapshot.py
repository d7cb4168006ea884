"""A sorted, self-contained snapshot of every job: the only input of a site build."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from jobcore.tables import Job

SNAPSHOT_VERSION = 1


def job_record(job: Job) -> dict:
    events = sorted(
        (
            {
                "stage": e.stage,
                "title": e.title,
                "date": e.event_date.isoformat() if e.event_date else None,
                "link": e.link,
                "source": e.source,
                "source_kind": e.source_kind,
                "source_url": e.source_url,
                "first_seen": e.first_seen.isoformat(),
            }
            for e in job.events
        ),
        key=lambda e: (e["date"] or "", e["title"], e["source_url"]),
    )
    return {
        "slug": job.slug,
        "fingerprint": job.fingerprint,
        "facts": job.facts,
        "provenance": job.provenance or {},
        "events": events,
        "seo": {
            "title": job.seo_title,
            "description": job.seo_description,
            "summary": job.seo_summary,
            "faq": job.seo_faq or [],
            "origin": job.seo_origin,
        },
        "is_featured": job.is_featured,
        "priority": job.priority,
        "content_hash": job.content_hash,
        "first_seen": job.first_seen.isoformat(),
        "last_seen": job.last_seen.isoformat(),
    }


def take_snapshot(session: Session) -> dict:
    jobs = session.scalars(select(Job).options(selectinload(Job.events)).order_by(Job.slug)).all()
    return {"version": SNAPSHOT_VERSION, "jobs": [job_record(j) for j in jobs]}


def write_snapshot(snapshot: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(snapshot, sort_keys=True, ensure_ascii=False, indent=1)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def read_snapshot(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
