"""Crawl runs as plain dicts, read from the ``crawl_runs`` rows that ``crawlers.health`` writes:
the newest run of each source, and each source's recent runs (for the health page)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.storage.tables import CrawlRun

FIELDS = ("source", "status", "started_at", "finished_at", "pages", "items", "inserted",
          "updated", "unchanged", "quarantined", "errors", "duration_s")


def run_dict(row: CrawlRun) -> dict:
    run = {name: getattr(row, name) for name in FIELDS}
    run["problems"] = [{"url": e.get("url"), "reason": e.get("reason")}
                       for e in (row.error_log or []) if isinstance(e, dict)]
    return run


def last_successes(session: Session) -> dict:
    """When each source last finished a run that was not a failure."""
    query = (select(CrawlRun.source, func.max(CrawlRun.finished_at))
             .where(CrawlRun.status != "failed").group_by(CrawlRun.source))
    return dict(session.execute(query).all())


def latest_runs(session: Session) -> dict[str, dict]:
    """The newest run of every source that ever ran, with its ``last_success`` (or None)."""
    rows = session.scalars(select(CrawlRun).distinct(CrawlRun.source)
                           .order_by(CrawlRun.source, CrawlRun.id.desc())).all()
    successes = last_successes(session)
    return {row.source: {**run_dict(row), "last_success": successes.get(row.source)} for row in rows}


def recent_runs(session: Session, per_source: int = 30) -> dict[str, list[dict]]:
    """The newest ``per_source`` runs of every source, oldest first."""
    ranked = (select(CrawlRun, func.row_number().over(partition_by=CrawlRun.source,
                                                      order_by=CrawlRun.id.desc()).label("n"))
              .subquery())
    query = (select(CrawlRun).join(ranked, ranked.c.id == CrawlRun.id)
             .where(ranked.c.n <= per_source).order_by(CrawlRun.source, CrawlRun.id))
    runs: dict[str, list[dict]] = {}
    for row in session.scalars(query):
        runs.setdefault(row.source, []).append(run_dict(row))
    return runs
