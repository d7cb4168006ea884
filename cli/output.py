"""How the ``jobs`` command prints: one console, and the per-source crawl table."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

COLUMNS = ("source", "status", "pages", "items", "inserted", "updated", "unchanged", "quarantined", "errors", "s")


def console() -> Console:
    return Console(highlight=False, width=None if sys.stdout.isatty() else 120)


def runs_table(runs: list[dict]) -> Table:
    table = Table(title="Sources")
    for column in COLUMNS:
        table.add_column(column, justify="left" if column in ("source", "status") else "right")
    for r in runs:
        table.add_row(r["source"], r["status"],
                      *(str(r[k]) for k in ("pages", "items", "inserted", "updated", "unchanged", "quarantined", "errors")),
                      f"{r['duration_s'] or 0:.1f}")
    return table
