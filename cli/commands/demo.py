"""``jobs demo``: the whole daily job on the captured pages, with embedded defaults."""

from __future__ import annotations

import logging
import os
import time

from cli.output import console, runs_table
from core import config

DEMO_TODAY = "2026-02-15"  # the newest capture date among the demo's sources


def add_parser(subparsers) -> None:
    subparsers.add_parser("demo", help="run the whole daily job on the captured pages (embedded defaults)"
                          ).set_defaults(func=run)


def run(args) -> int:
    os.environ.setdefault("JOBS_REPLAY", "1")
    os.environ.setdefault("JOBS_TODAY", DEMO_TODAY)
    started = time.monotonic()
    # imported when run (cli/commands/__init__.py): Prefect and the database layer
    from core.storage.database import database_url
    from core.storage.migrate import upgrade

    out = console()
    with out.status("starting the embedded database"):
        database_url()
        upgrade()
    with out.status("running the daily flow (Prefect, ephemeral mode): crawl → store → build → publish"):
        from flows.daily import daily

        if not os.environ.get("JOBS_DEBUG"):
            for name in ("prefect", "prefect.flow_runs", "prefect.task_runs"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
        result = daily()
    out.print(runs_table(result["runs"]))
    totals = {k: sum(r[k] for r in result["runs"]) for k in ("items", "inserted", "updated", "unchanged", "quarantined", "errors")}
    out.print(
        f"{len(result['runs'])} sources · {totals['items']} items: {totals['inserted']} new, "
        f"{totals['updated']} updated, {totals['unchanged']} unchanged, {totals['quarantined']} quarantined · "
        f"{result['jobs']} jobs · {result['pages']} pages built in {result['site']}"
    )
    published = result["published"]
    out.print(f"published to {published['target']} ({'new release' if published['changed'] else 'unchanged'}) "
              f"· today is {config.today()} · {time.monotonic() - started:.0f} s")
    out.print("serve it with: [bold]make serve[/bold]  (http://localhost:8000/)")
    return 0
