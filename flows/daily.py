"""The daily flow: crawl every source → build the site → index it → publish it."""

from __future__ import annotations

from prefect import flow

from flows.build_site import build_site
from flows.crawl_sources import crawl_sources
from flows.index_search import index_search
from flows.publish_site import publish_site


@flow(name="daily", log_prints=True)
def daily(sources: list[str] | None = None) -> dict:
    """Crawl ``sources`` (all spiders by default), then rebuild and publish the site."""
    runs = crawl_sources(sources)
    built = build_site()
    search = index_search()
    published = publish_site()
    return {"runs": runs, **built, "search": search, "published": published}


if __name__ == "__main__":
    print(daily())
