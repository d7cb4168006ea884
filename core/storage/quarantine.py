"""Quarantine: a raw item that cannot become a job, kept with its reason until an editor acts."""

from __future__ import annotations

import hashlib
import re
from typing import Literal

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from core.domain.merge import canonical_json
from core.storage.tables import Quarantine


def reason_key(reason: str) -> str:
    """A stats-key-friendly form of a reason: ``missing required fact: title`` → ``missing_required_fact``."""
    head = reason.split(":", 1)[0]
    return re.sub(r"[^a-z0-9]+", "_", head.lower()).strip("_")[:40] or "invalid"


def raw_hash(source: str, raw: dict) -> str:
    return hashlib.sha256(f"{source}\n{canonical_json(raw)}".encode()).hexdigest()


def quarantine_item(
    session: Session, source: str, source_url: str | None, reason: str, raw: dict
) -> Literal["insert", "noop"]:
    """Keep a rejected item with its reason; the same raw item seen again is counted, not copied."""
    statement = (
        pg_insert(Quarantine)
        .values(raw_hash=raw_hash(source, raw), source=source, source_url=source_url, reason=reason, raw=raw)
        .on_conflict_do_update(
            index_elements=[Quarantine.raw_hash],
            set_={"reason": reason, "last_seen": func.now(), "times_seen": Quarantine.times_seen + 1},
        )
        .returning(Quarantine.times_seen)
    )
    times_seen = session.execute(statement).scalar_one()
    return "insert" if times_seen == 1 else "noop"
