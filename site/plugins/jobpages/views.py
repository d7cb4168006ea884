"""Pure functions from the snapshot to what the templates show (no Pelican, no I/O)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from slugify import slugify

from jobcore.schema import STAGE_LABELS, JobPosting, Stage

LATEST_ON_HOME = 30


def days_left(last: dt.date | None, today: dt.date) -> int | None:
    return (last - today).days if last else None


def is_archived(job: JobPosting, today: dt.date) -> bool:
    """Past its last date (or its expiry), or a 2+ year-old notice with no dates at all."""
    if job.apply_last:
        return job.apply_last < today
    if job.expires_on:
        return job.expires_on < today
    dated = [d for d in (job.notice_date, job.exam_date, job.result_date) if d]
    return bool(dated) and max(dated) < today - dt.timedelta(days=365)


def job_view(record: dict, today: dt.date) -> dict:
    job = JobPosting.model_validate(record["facts"])
    return {
        "slug": record["slug"],
        "url": f"jobs/{record['slug']}/",
        "job": job,
        "stage_label": STAGE_LABELS[Stage(job.stage)],
        "org": job.organisation_short or job.organisation,
        "org_slug": slugify(job.organisation_short or job.organisation),
        "events": record["events"],
        "seo": record["seo"],
        "provenance": record["provenance"],
        "days_left": days_left(job.apply_last, today),
        "archived": is_archived(job, today),
        "last_seen": record["last_seen"],
        "first_seen": record["first_seen"],
        "lastmod": max([record["last_seen"]] + [e["first_seen"] for e in record["events"]]),
    }


def sort_latest(views: list[dict]) -> list[dict]:
    """Newest first by the job's latest event, then by slug (a total, stable order)."""
    def key(v):
        dates = [e["date"] for e in v["events"] if e["date"]] or [v["first_seen"]]
        return (max(dates), v["slug"])

    return sorted(views, key=key, reverse=True)


def by_organisation(views: list[dict]) -> dict[str, dict]:
    groups: dict[str, dict] = defaultdict(lambda: {"name": "", "full": "", "jobs": []})
    for view in views:
        group = groups[view["org_slug"]]
        group["name"], group["full"] = view["org"], view["job"].organisation
        group["jobs"].append(view)
    return {slug: {**g, "jobs": sort_latest(g["jobs"])} for slug, g in sorted(groups.items())}


def home_sections(views: list[dict], today: dt.date) -> dict:
    live = [v for v in views if not v["archived"]]
    closing = sorted(
        (v for v in live if v["days_left"] is not None and 0 <= v["days_left"] <= 15),
        key=lambda v: (v["days_left"], v["slug"]),
    )
    def stage_in(*stages):
        return [v for v in sort_latest(live) if v["job"].stage.value in stages][:10]
    return {
        "latest": sort_latest(live)[:LATEST_ON_HOME],
        "closing_soon": closing[:10],
        "admit_cards": stage_in("admit_card"),
        "answer_keys": stage_in("answer_key"),
        "results": stage_in("result", "marks", "score_card", "cutoff"),
        "archived_count": len(views) - len(live),
    }
