"""``jobs build``: snapshot the database and build the static site from it.

Without MEILI_URL the search is a Pagefind bundle inside the site, so the build rewrites it too
(an earlier bundle would list yesterday's jobs); with MEILI_URL, ``jobs index`` updates the index.
"""

from __future__ import annotations

import os
from pathlib import Path

from core import config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("build", help="build the static site from the database")
    parser.add_argument("--snapshot", help="build from this snapshot file instead of the database")
    parser.add_argument("--output", help="output folder (default site/output)")
    parser.add_argument("--no-search", action="store_true",
                        help="leave the Pagefind search bundle as it is (it may then be stale)")
    parser.set_defaults(func=run)


def run(args) -> int:
    # imported when run (cli/commands/__init__.py): Pelican and the database layer
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
    if not args.no_search and not os.environ.get("MEILI_URL", "").strip():
        from search_index import index_search

        search = index_search(snapshot, output)
        print(f"search bundle: {search['documents']} jobs in {search['bundle']}")
    return 0
