"""``jobs normalise FILE``: normalise an aggregator's detail posts and print one JSON line each.

The posts go through the same functions as a crawl (``post_to_raw`` → ``normalise_job`` →
``validate_job``), so this is the way to check the normaliser on real data.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FEED_URL = "https://www.sarkariafsar.com/feed/posts.json"
SOURCE = "sarkariafsar"

KEYS = (
    "title", "organisation", "organisation_short", "advt_no", "stage", "apply_start",
    "apply_last", "fee_last", "exam_date", "fee_general", "fee_sc_st", "age_min", "age_max",
    "age_as_on", "total_posts",
)


def posts_in(data) -> list:
    """The posts of a feed file: ``{"jobs": [...]}`` or a bare list."""
    if isinstance(data, dict):
        data = data.get("jobs") or data.get("posts") or []
    return data if isinstance(data, list) else []


def normalised_row(post, feed_url: str = FEED_URL) -> dict:
    """The printed facts of one post; ``rejected`` holds the reason when it cannot be a job."""
    # imported when run (cli/commands/__init__.py): the ingest path
    from core.domain.fields.aggregator_post import post_to_raw
    from core.domain.schema import Rejection
    from core.domain.validate import validate_job
    from core.ingest import normalise

    raw = {"source": SOURCE, "source_kind": "aggregator", **post_to_raw(post, feed_url)}
    facts = normalise(raw)
    if isinstance(facts, Rejection):
        return {**dict.fromkeys(KEYS), "rejected": facts.reason, "warnings": []}
    fees = facts.get("fees")
    fees = fees.model_dump() if hasattr(fees, "model_dump") else (fees or {})
    row = {key: facts.get(key) for key in KEYS if not key.startswith("fee_") or key == "fee_last"}
    row["fee_general"], row["fee_sc_st"] = fees.get("general"), fees.get("sc_st")
    row = {key: row.get(key) for key in KEYS}
    result = validate_job(facts, raw)
    row["rejected"] = getattr(result, "reason", None)
    row["warnings"] = facts.get("warnings") or []
    return json.loads(json.dumps(row, default=str, ensure_ascii=False))


def add_parser(subparsers):
    parser = subparsers.add_parser(
        "normalise", help="normalise a JSON file of aggregator detail posts; one JSON line per post"
    )
    parser.add_argument("file", help="JSON file shaped like the sarkariafsar feed ({\"jobs\": [...]})")
    parser.add_argument("--feed-url", default=FEED_URL, help="the feed's URL (for source_url)")
    parser.set_defaults(func=run)


def run(args) -> int:
    try:
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"jobs normalise: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    for post in posts_in(data):
        print(json.dumps(normalised_row(post, args.feed_url), ensure_ascii=False))
    return 0
