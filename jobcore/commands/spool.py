"""``jobs spool list | replay``: notices kept in ``var/spool`` while the database was gone.

``replay`` runs each kept raw item through normalise → validate → store again (a rejected one
goes to quarantine); items that still cannot be written stay in the spool.
"""

from __future__ import annotations

import json
import os


def add_parser(subparsers):
    parser = subparsers.add_parser("spool", help="list or replay items kept while the database was down")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="how many items each source has waiting, and why")
    actions.add_parser("replay", help="store the waiting items now (those that fail stay)")
    parser.set_defaults(func=run)


def spool_files():
    from jobcore import config

    folder = config.var_dir() / "spool"
    return sorted(folder.glob("*.jsonl")) if folder.is_dir() else []


def replay_file(path, seen_on) -> dict:
    """Store or quarantine every item of one spool file; rewrite it with what is left."""
    from sqlalchemy.exc import OperationalError

    from jobcore.database import session_scope
    from jobcore.schema import Rejection
    from jobcore.store import MergeConflict, quarantine_item, upsert_job
    from pipelines.normalise import normalise_job
    from pipelines.spool import json_ready
    from pipelines.validate import validate_job

    counts = {"stored": 0, "quarantined": 0, "left": 0}
    left = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        raw = entry["raw"]
        source = str(raw.get("source") or path.stem)
        try:
            with session_scope() as session:
                result = validate_job(normalise_job(raw), raw)
                if isinstance(result, Rejection):
                    quarantine_item(session, source, raw.get("source_url"), result.reason, json_ready(raw))
                    counts["quarantined"] += 1
                    continue
                try:
                    with session.begin_nested():
                        upsert_job(session, result, seen_on)
                    counts["stored"] += 1
                except MergeConflict as exc:
                    quarantine_item(session, source, raw.get("source_url"), str(exc), json_ready(raw))
                    counts["quarantined"] += 1
        except OperationalError as exc:
            left.append(json.dumps({**entry, "reason": f"database unavailable: {exc.orig}"}, ensure_ascii=False))
            counts["left"] += 1
    if left:
        tmp = path.with_suffix(".tmp")
        tmp.write_text("\n".join(left) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    else:
        path.unlink()
    return counts


def run(args) -> int:
    from jobcore import config

    files = spool_files()
    if args.action == "list":
        for path in files:
            entries = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
            reasons = sorted({e.get("reason", "")[:60] for e in entries})
            print(f"{path.stem:<20} {len(entries):>5} item(s)  {'; '.join(reasons)}")
        print(f"{len(files)} source(s) with waiting items")
        return 0
    totals = {"stored": 0, "quarantined": 0, "left": 0}
    for path in files:
        counts = replay_file(path, config.today())
        print(f"{path.stem:<20} stored {counts['stored']}, quarantined {counts['quarantined']}, "
              f"still waiting {counts['left']}")
        totals = {k: totals[k] + counts[k] for k in totals}
    print(f"spool: {totals['stored']} stored, {totals['quarantined']} quarantined, {totals['left']} still waiting")
    return 1 if totals["left"] else 0
