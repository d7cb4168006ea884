"""``jobs build``: snapshot the database and build the static site from it."""

from __future__ import annotations

from pathlib import Path

from core import config


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser("build", help="build the static site from the database")
    parser.add_argument("--snapshot", help="build from this snapshot file instead of the database")
    parser.add_argument("--output", help="output folder (default site/output)")
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
    return 0
