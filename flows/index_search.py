"""Flow: push the jobs to the search index (Meilisearch with MEILI_URL, else a Pagefind bundle)."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, task

from core import config
from search_index import index_search as index_jobs


@task(retries=2, retry_delay_seconds=[5, 30])
def index_documents(snapshot: Path, output: Path) -> dict:
    return index_jobs(snapshot, output)


@flow(name="index-search")
def index_search() -> dict:
    """Run after build-site and before publish-site: the Pagefind bundle is part of the site."""
    return index_documents(config.var_dir() / "snapshot.json", config.site_output_dir())


if __name__ == "__main__":
    print(index_search())
