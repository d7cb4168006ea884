"""``jobs crawl [SOURCE…]``: crawl sources, one Scrapy process per spider, and print the counts."""

from __future__ import annotations

from cli.output import console, runs_table


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("crawl", help="crawl sources (all by default), one process per spider")
    parser.add_argument("sources", nargs="*", help="spider names (see `scrapy list`)")
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
    return 1 if any(r["status"] == "failed" for r in runs) else 0
