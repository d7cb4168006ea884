"""The daily flow: crawl every source → snapshot → build the site → publish it."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task
from prefect.artifacts import create_table_artifact
from prefect.task_runners import ThreadPoolTaskRunner

import flows  # noqa: F401  (Prefect defaults before Prefect is imported)
from jobcore import config
from jobcore.build import build_site
from jobcore.crawl import run_spider, spider_names
from jobcore.database import session_scope
from jobcore.migrate import upgrade
from jobcore.publish import publish_folder
from jobcore.snapshot import take_snapshot, write_snapshot


@task(retries=2, retry_delay_seconds=[2, 10])
def migrate_database() -> None:
    upgrade()


@task
def crawl_source(slug: str) -> dict:
    return run_spider(slug)


@task(retries=2, retry_delay_seconds=[2, 10])
def snapshot_jobs(path: Path) -> int:
    with session_scope() as session:
        snapshot = take_snapshot(session)
    write_snapshot(snapshot, path)
    return len(snapshot["jobs"])


@task
def render_site(snapshot: Path, output: Path) -> int:
    return build_site(snapshot, output, config.today().isoformat(), config.site_url())


@task
def publish_site(output: Path, target: Path) -> dict:
    release, changed = publish_folder(output, target)
    return {"target": str(target), "release": release.name, "changed": changed}


@flow(name="daily", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=2))
def daily(sources: list[str] | None = None) -> dict:
    """Crawl ``sources`` (all spiders by default), then rebuild and publish the site."""
    migrate_database()
    names = sources or spider_names()
    runs = [future.result() for future in crawl_source.map(names)]
    snapshot = config.var_dir() / "snapshot.json"
    jobs = snapshot_jobs(snapshot)
    output = config.site_output_dir()
    pages = render_site(snapshot, output)
    published = publish_site(output, config.publish_dir())
    create_table_artifact(key="crawl-runs", table=runs, description="Per-source crawl results")
    return {"runs": runs, "jobs": jobs, "pages": pages, "site": str(output), "published": published}


if __name__ == "__main__":
    print(daily())
