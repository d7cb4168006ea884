"""``jobs quarantine list | show ID | release ID``: inspect rejected items and release them."""

from __future__ import annotations

import json
import sys


def add_parser(subparsers):
    parser = subparsers.add_parser("quarantine", help="list, show or release quarantined items")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="items waiting in quarantine (newest first)")
    listing.add_argument("--all", action="store_true", help="include released items")
    listing.add_argument("--source", help="only this source")
    show = actions.add_parser("show", help="one item: source, reason, times seen, raw data")
    show.add_argument("id", type=int, help="the item's id (from `jobs quarantine list`)")
    release = actions.add_parser(
        "release", help="re-run an item through normalise, validate and store (after a fix)"
    )
    release.add_argument("id", type=int, help="the item's id (from `jobs quarantine list`)")
    release.add_argument(
        "--set", action="append", default=[], metavar="FIELD=VALUE",
        help="override a raw field before the re-run (repeatable)",
    )
    parser.set_defaults(func=run)


def _patch(pairs: list[str]) -> dict:
    patch = {}
    for pair in pairs:
        field, sep, value = pair.partition("=")
        if not sep or not field.strip():
            raise SystemExit(f"jobs quarantine release: --set wants FIELD=VALUE, not {pair!r}")
        patch[field.strip()] = value
    return patch


def run(args) -> int:
    from sqlalchemy import select

    from core import config
    from core.storage.database import session_scope
    from core.storage.tables import Quarantine

    with session_scope() as session:
        if args.action == "list":
            query = select(Quarantine).order_by(Quarantine.last_seen.desc(), Quarantine.id.desc())
            if not args.all:
                query = query.where(Quarantine.released_at.is_(None))
            if args.source:
                query = query.where(Quarantine.source == args.source)
            rows = session.scalars(query).all()
            for row in rows:
                title = str((row.raw or {}).get("title") or "")[:60]
                state = f"released {row.released_at:%Y-%m-%d}" if row.released_at else f"seen {row.times_seen}x"
                print(f"{row.id:>6}  {row.source:<18} {row.last_seen:%Y-%m-%d %H:%M}  {state:<18} "
                      f"{row.reason[:70]}  | {title}")
            print(f"{len(rows)} item(s)")
            return 0
        if args.action == "show":
            row = session.get(Quarantine, args.id)
            if row is None:
                print(f"jobs quarantine: no item {args.id}", file=sys.stderr)
                return 1
            print(json.dumps({
                "id": row.id, "source": row.source, "source_url": row.source_url,
                "reason": row.reason, "first_seen": row.created_at.isoformat(),
                "last_seen": row.last_seen.isoformat(), "times_seen": row.times_seen,
                "released_at": row.released_at.isoformat() if row.released_at else None,
                "raw": row.raw,
            }, indent=2, ensure_ascii=False, default=str))
            return 0
    from core.ingest import StillRejected, release

    try:
        stored = release(args.id, _patch(args.set), config.today())
    except (LookupError, StillRejected) as exc:
        print(f"jobs quarantine: {exc.args[0]}; nothing changed", file=sys.stderr)
        return 1
    print(f"released item {args.id}: {stored.outcome} job {stored.slug} (id {stored.job_id})")
    return 0
