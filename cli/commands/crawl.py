"""``jobs crawl [SOURCE…]``: crawl sources, one Scrapy process per spider, and print the counts."""

from __future__ import annotations

from cli.output import console, runs_table
from core import config

# How Scrapy/Twisted name a site that cannot be reached (in a run's problems).
NETWORK_ERRORS = ("CannotResolveHost", "DNSLookup", "ConnectionRefused", "ConnectError",
                  "TCPTimedOut", "TimeoutError", "ResponseNeverReceived", "NoRoute")


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("crawl", help="crawl sources (all by default), one process per spider")
    parser.add_argument("sources", nargs="*", help="spider names (see `jobs sources`)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from rich.progress import Progress

    # imported when run (cli/commands/__init__.py): Scrapy and the database layer
    from core.storage.migrate import upgrade
    from services.crawl import run_spider, spider_names

    upgrade()
    known = spider_names()
    names = args.sources or known
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise SystemExit(f"no such source: {', '.join(unknown)} (see `scrapy list`)")
    runs = []
    with Progress(transient=True) as progress:
        bar = progress.add_task("crawling", total=len(names))
        for name in names:
            progress.update(bar, description=f"crawling {name}")
            runs.append(run_spider(name))
            progress.advance(bar)
    out = console()
    out.print(runs_table(runs))
    for r in runs:
        for problem in r["problems"]:
            out.print(f"[red]{r['source']}[/red]: {problem}")
    if hint := replay_hint(runs):
        out.print(hint)
    return 1 if any(r["status"] == "failed" for r in runs) else 0


def replay_hint(runs: list[dict]) -> str | None:
    """When real sites could not be reached, say how to crawl the captured pages instead."""
    if config.replay_dir() is not None:
        return None
    unreachable = any(name in problem for r in runs for problem in r["problems"]
                      for name in NETWORK_ERRORS)
    return ("hint: the sites could not be reached (offline?); JOBS_REPLAY=1 crawls the captured "
            "pages in tests/crawlers/pages instead") if unreachable else None
