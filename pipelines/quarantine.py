"""Quarantine a rejected item (raw data + reason) before it is dropped: nothing is lost silently."""

from __future__ import annotations

import datetime as dt
import logging
import re

from scrapy.exceptions import DropItem

from jobcore.database import session_scope
from jobcore.store import quarantine_item
from pipelines.spool import json_ready

log = logging.getLogger(__name__)


def reason_key(reason: str) -> str:
    """A stats-key-friendly form of a reason: ``missing required fact: title`` → ``missing_required_fact``."""
    head = reason.split(":", 1)[0]
    return re.sub(r"[^a-z0-9]+", "_", head.lower()).strip("_")[:40] or "invalid"


def quarantine_and_drop(stats, source: str, source_url: str | None, reason: str, raw: dict):
    """Write the item to quarantine, count it, and drop it with the reason."""
    with session_scope() as session:
        quarantine_item(session, source, source_url, reason, json_ready(raw))
    stats.inc_value(f"jobs/quarantine/{reason_key(reason)}")
    log.warning("quarantined %s item from %s: %s", source, source_url, reason)
    raise DropItem(f"quarantined: {reason}")


class StillRejected(ValueError):
    """A released item that still cannot become a job; it stays in quarantine."""


def release_item(session, item_id: int, seen_on, patch: dict | None = None):
    """Re-run a quarantined raw item through normalise → validate → store; mark it released.

    ``patch`` overrides raw fields (an editor's fix, e.g. the organisation a source left out).
    Raises ``LookupError`` for an unknown id and ``StillRejected`` (nothing changes) when the
    item still fails.
    """
    from jobcore.schema import Rejection
    from jobcore.store import MergeConflict, upsert_job
    from jobcore.tables import Quarantine
    from pipelines.normalise import normalise_job
    from pipelines.validate import validate_job

    row = session.get(Quarantine, item_id)
    if row is None:
        raise LookupError(f"no quarantined item {item_id}")
    if row.released_at is not None:
        raise StillRejected(f"item {item_id} was already released on {row.released_at:%Y-%m-%d %H:%M}")
    raw = {**row.raw, **(patch or {})}
    result = validate_job(normalise_job(raw), raw)
    if isinstance(result, Rejection):
        raise StillRejected(f"item {item_id} still fails: {result.reason}")
    try:
        with session.begin_nested():
            stored = upsert_job(session, result, seen_on)
    except MergeConflict as exc:
        raise StillRejected(f"item {item_id} still fails: {exc}") from exc
    if patch:
        row.raw = raw
    row.released_at = dt.datetime.now(dt.UTC)
    session.flush()
    return stored
