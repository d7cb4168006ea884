"""``jobs spool list | replay``: notices kept in ``var/spool`` while the database was gone.

``replay`` runs each kept raw item through the ingest path again (``core.ingest.replay_spool``);
items the database still refuses are spooled again.
"""

from __future__ import annotations


def add_parser(subparsers):
    parser = subparsers.add_parser("spool", help="list or replay items kept while the database was down")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="how many items each source has waiting, and why")
    actions.add_parser("replay", help="store the waiting items now (those that fail stay)")
    parser.set_defaults(func=run)


def run(args) -> int:
    from core import config
    from core.ingest import replay_spool
    from core.storage.spool import read_spool, spool_files

    if args.action == "list":
        files = spool_files()
        for path in files:
            entries = list(read_spool(path))
            reasons = sorted({e.get("reason", "")[:60] for e in entries})
            print(f"{path.stem:<20} {len(entries):>5} item(s)  {'; '.join(reasons)}")
        print(f"{len(files)} source(s) with waiting items")
        return 0
    totals = {"stored": 0, "quarantined": 0, "left": 0}
    for source, counts in replay_spool(config.today()).items():
        print(f"{source:<20} stored {counts['stored']}, quarantined {counts['quarantined']}, "
              f"still waiting {counts['left']}")
        totals = {k: totals[k] + counts[k] for k in totals}
    print(f"spool: {totals['stored']} stored, {totals['quarantined']} quarantined, {totals['left']} still waiting")
    return 1 if totals["left"] else 0
