"""``jobs index``: index the snapshot for search (Meilisearch if MEILI_URL is set, else Pagefind)."""

from __future__ import annotations

import json
from pathlib import Path

from core import config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "index", help="index the jobs for search (Meilisearch with MEILI_URL, else Pagefind)")
    parser.add_argument("--snapshot", help="snapshot file (default var/snapshot.json)")
    parser.add_argument("--output", help="built site folder for the Pagefind bundle "
                                         "(default site/output)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from search_index import index_search

    snapshot = Path(args.snapshot) if args.snapshot else config.var_dir() / "snapshot.json"
    if not snapshot.exists():
        raise SystemExit(f"no snapshot at {snapshot}: run `jobs build` first")
    output = Path(args.output) if args.output else config.site_output_dir()
    print(json.dumps(index_search(snapshot, output), sort_keys=True))
    return 0
