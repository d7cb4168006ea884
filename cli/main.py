"""The ``jobs`` command: migrate, crawl, build, publish, serve, demo."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from pathlib import Path

from core import config

DEMO_TODAY = "2026-02-15"  # the newest capture date among the demo's sources


def _console():
    from rich.console import Console

    return Console(highlight=False, width=None if sys.stdout.isatty() else 120)


def cmd_migrate(args) -> int:
    from core.storage.migrate import upgrade

    upgrade()
    print("database is at the newest schema")
    return 0


def _runs_table(runs: list[dict]):
    from rich.table import Table

    table = Table(title="Sources")
    for column in ("source", "status", "pages", "items", "inserted", "updated", "unchanged", "quarantined", "errors", "s"):
        table.add_column(column, justify="left" if column in ("source", "status") else "right")
    for r in runs:
        table.add_row(r["source"], r["status"], *(str(r[k]) for k in ("pages", "items", "inserted", "updated", "unchanged", "quarantined", "errors")), f"{r['duration_s'] or 0:.1f}")
    return table


def cmd_crawl(args) -> int:
    from rich.progress import Progress

    from core.storage.migrate import upgrade
    from services.crawl import run_spider, spider_names

    upgrade()
    names = args.sources or spider_names()
    unknown = sorted(set(names) - set(spider_names()))
    if unknown:
        raise SystemExit(f"no such source: {', '.join(unknown)} (see `scrapy list`)")
    runs = []
    with Progress(transient=True) as progress:
        bar = progress.add_task("crawling", total=len(names))
        for name in names:
            progress.update(bar, description=f"crawling {name}")
            runs.append(run_spider(name))
            progress.advance(bar)
    console = _console()
    console.print(_runs_table(runs))
    for r in runs:
        for problem in r["problems"]:
            console.print(f"[red]{r['source']}[/red]: {problem}")
    return 1 if any(r["status"] == "failed" for r in runs) else 0


def cmd_build(args) -> int:
    from core.storage.database import session_scope
    from core.storage.snapshot import take_snapshot, write_snapshot
    from services.build import build_site

    snapshot = Path(args.snapshot) if args.snapshot else config.var_dir() / "snapshot.json"
    if not args.snapshot:
        with session_scope() as session:
            write_snapshot(take_snapshot(session), snapshot)
    output = Path(args.output) if args.output else config.site_output_dir()
    pages = build_site(snapshot, output, config.today().isoformat(), config.site_url())
    print(f"built {pages} pages into {output}")
    return 0


def cmd_publish(args) -> int:
    from services.publish import publish_folder

    output = config.site_output_dir()
    if not (output / "index.html").exists():
        raise SystemExit(f"nothing to publish: build the site first (`jobs build`); {output} is empty")
    release, changed = publish_folder(output, config.publish_dir())
    print(f"published {output} to {config.publish_dir()} ({'new release ' + release.name if changed else 'unchanged'})")
    return 0


def cmd_serve(args) -> int:
    import functools
    import http.server

    root = config.publish_dir() if config.publish_dir().exists() else config.site_output_dir()
    if not root.exists():
        raise SystemExit("no site yet: run `make demo` first")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root.resolve()))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        print(f"serving {root} at http://{args.host}:{args.port}/ (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


def cmd_demo(args) -> int:
    os.environ.setdefault("JOBS_REPLAY", "1")
    os.environ.setdefault("JOBS_TODAY", DEMO_TODAY)
    started = time.monotonic()
    from core.storage.database import database_url
    from core.storage.migrate import upgrade

    console = _console()
    with console.status("starting the embedded database"):
        database_url()
        upgrade()
    with console.status("running the daily flow (Prefect, ephemeral mode): crawl → store → build → publish"):
        from flows.daily import daily

        if not os.environ.get("JOBS_DEBUG"):
            import logging

            for name in ("prefect", "prefect.flow_runs", "prefect.task_runs"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
        result = daily()
    console.print(_runs_table(result["runs"]))
    totals = {k: sum(r[k] for r in result["runs"]) for k in ("items", "inserted", "updated", "unchanged", "quarantined", "errors")}
    console.print(
        f"{len(result['runs'])} sources · {totals['items']} items: {totals['inserted']} new, "
        f"{totals['updated']} updated, {totals['unchanged']} unchanged, {totals['quarantined']} quarantined · "
        f"{result['jobs']} jobs · {result['pages']} pages built in {result['site']}"
    )
    published = result["published"]
    console.print(f"published to {published['target']} ({'new release' if published['changed'] else 'unchanged'}) "
                  f"· today is {config.today()} · {time.monotonic() - started:.0f} s")
    console.print("serve it with: [bold]make serve[/bold]  (http://localhost:8000/)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jobs", description="Sarkari Jobs Pipeline")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("migrate", help="bring the database to the newest schema").set_defaults(func=cmd_migrate)
    crawl = sub.add_parser("crawl", help="crawl sources (all by default), one process per spider")
    crawl.add_argument("sources", nargs="*", help="spider names (see `scrapy list`)")
    crawl.set_defaults(func=cmd_crawl)
    build = sub.add_parser("build", help="build the static site from the database")
    build.add_argument("--snapshot", help="build from this snapshot file instead of the database")
    build.add_argument("--output", help="output folder (default site/output)")
    build.set_defaults(func=cmd_build)
    sub.add_parser("publish", help="publish the built site to the CDN target (a local folder by default)").set_defaults(func=cmd_publish)
    serve = sub.add_parser("serve", help="serve the published site on localhost")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    serve.set_defaults(func=cmd_serve)
    sub.add_parser("demo", help="run the whole daily job on the captured pages (embedded defaults)").set_defaults(func=cmd_demo)
    for module in _command_modules():
        module.add_parser(sub)
    return parser


def _command_modules():
    """Further subcommands: each ``cli/commands/<name>.py`` has ``add_parser(subparsers)``."""
    import importlib
    import pkgutil

    from cli import commands

    return [
        importlib.import_module(f"cli.commands.{info.name}")
        for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name)
    ]


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except SystemExit:
        raise
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get("JOBS_DEBUG"):
            raise
        print(f"jobs {args.command}: error: {exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
              " (set JOBS_DEBUG=1 for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
