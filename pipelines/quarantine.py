"""Quarantine a rejected item (raw data + reason) before it is dropped: nothing is lost silently."""

from __future__ import annotations

import json
import logging
import re

from scrapy.exceptions import DropItem

from jobcore.database import session_scope
from jobcore.store import quarantine_item

log = logging.getLogger(__name__)


def reason_key(reason: str) -> str:
    """A stats-key-friendly form of a reason: ``missing required fact: title`` → ``missing_required_fact``."""
    head = reason.split(":", 1)[0]
    return re.sub(r"[^a-z0-9]+", "_", head.lower()).strip("_")[:40] or "invalid"


def json_ready(raw: dict) -> dict:
    return json.loads(json.dumps(raw, default=str, ensure_ascii=False))


def quarantine_and_drop(stats, source: str, source_url: str | None, reason: str, raw: dict):
    """Write the item to quarantine, count it, and drop it with the reason."""
    with session_scope() as session:
        quarantine_item(session, source, source_url, reason, json_ready(raw))
    stats.inc_value(f"jobs/quarantine/{reason_key(reason)}")
    log.warning("quarantined %s item from %s: %s", source, source_url, reason)
    raise DropItem(f"quarantined: {reason}")
