"""``jobs backup``: dump the database (pg_dump, custom format) and keep the newest N dumps."""

from __future__ import annotations

import json
from pathlib import Path


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "backup", help="dump the database (pg_dump custom format) and prune old dumps")
    parser.add_argument("--dir", help="where to write the dump (default JOBS_BACKUP_DIR, var/backups)")
    parser.add_argument("--keep", type=int, metavar="N",
                        help="keep the newest N dumps (default JOBS_BACKUP_KEEP, 48)")
    parser.add_argument("--list", action="store_true", help="list the dumps kept, newest first")
    parser.set_defaults(func=run)


def run(args) -> int:
    from core import config
    from services.backup import BackupError, backup, dumps

    directory = Path(args.dir).absolute() if args.dir else config.backup_dir()
    if args.list:
        kept = dumps(directory) if directory.is_dir() else []
        for path in kept:
            print(f"{path}  {path.stat().st_size:>12,} bytes")
        print(f"{len(kept)} dump(s) in {directory}")
        return 0
    if args.keep is not None and args.keep < 1:
        raise SystemExit("jobs backup: --keep must be at least 1")
    try:
        result = backup(directory=directory, keep=args.keep)
    except BackupError as exc:
        raise SystemExit(f"jobs backup: {exc}") from exc
    print(json.dumps(result, sort_keys=True))
    return 0
