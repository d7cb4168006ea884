"""Flow: crawl sources, one Scrapy process per spider, two at a time."""

from __future__ import annotations

from prefect import flow, task
from prefect.artifacts import create_table_artifact
from prefect.task_runners import ThreadPoolTaskRunner

from core import config
from core.ingest import replay_spool as core_replay_spool
from core.storage.migrate import upgrade
from services.crawl import run_spider, spider_names


@task(retries=2, retry_delay_seconds=[2, 10])
def migrate_database() -> None:
    upgrade()


@task
def replay_spool() -> dict:
    """Notices kept in the spool while the database was down are stored before the crawl."""
    totals = {"stored": 0, "quarantined": 0, "left": 0}
    for counts in core_replay_spool(config.today()).values():
        totals = {k: totals[k] + counts[k] for k in totals}
    return totals


@task
def crawl_source(slug: str) -> dict:
    """A failed source is reported in its result; it never fails the other sources."""
    return run_spider(slug)


@flow(name="crawl-sources", task_runner=ThreadPoolTaskRunner(max_workers=2))
def crawl_sources(sources: list[str] | None = None) -> list[dict]:
    migrate_database()
    replay_spool()
    runs = [future.result() for future in crawl_source.map(sources or spider_names())]
    create_table_artifact(key="crawl-runs", table=runs, description="Per-source crawl results")
    return runs


if __name__ == "__main__":
    for run in crawl_sources():
        print(run)
