"""``jobs restore DUMP``: put a ``jobs backup`` dump back into the database (one transaction)."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "restore", help="restore a dump from `jobs backup` into the database (replaces its data)")
    parser.add_argument("dump", help="the dump file, or `latest` for the newest in the backup folder")
    parser.add_argument("--yes", action="store_true",
                        help="do it: the database's tables are replaced by the dump's")
    parser.set_defaults(func=run)


def run(args) -> int:
    from core import config
    from services.backup import BackupError, dumps, restore

    if args.dump == "latest":
        kept = dumps(config.backup_dir()) if config.backup_dir().is_dir() else []
        if not kept:
            raise SystemExit(f"jobs restore: no dumps in {config.backup_dir()}")
        dump = kept[0]
    else:
        dump = Path(args.dump)
    if not args.yes:
        print(f"jobs restore: this replaces the database's tables with {dump}; "
              "add --yes to do it (then run `jobs migrate`)", file=sys.stderr)
        return 2
    try:
        result = restore(dump)
    except BackupError as exc:
        raise SystemExit(f"jobs restore: {exc}") from exc
    print(json.dumps(result, sort_keys=True))
    return 0
