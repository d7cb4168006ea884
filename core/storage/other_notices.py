"""Notices that are not job notices, stored apart from jobs: insert, update or noop by notice key.

They never reach ``jobs``, so no snapshot, page, feed or search document is made from them; an
editor finds them (and why each was judged so) in ``other_notices``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from core.domain.merge import facts_hash, notice_key
from core.domain.schema import JobPosting
from core.storage.tables import OtherNotice


@dataclass
class OtherNoticeResult:
    """What became of a notice that is not a job notice: stored in ``other_notices``."""

    change: Literal["insert", "update", "noop"]
    notice_key: str
    kind: str
    reason: str | None
    outcome: str = "not_job"  # stats: jobs/store/<change> and jobs/not_job/<change>
    job_id: None = None
    slug: str = ""


def store_other_notices(session: Session, postings: list[JobPosting], seen_on: dt.date) -> list[OtherNoticeResult]:
    """Upsert ``postings`` (all of kind ``not_job``) in one statement per change; re-crawling the
    same notices changes nothing but their last-seen day."""
    if not postings:
        return []
    rows = {}
    for posting in postings:
        data = posting.model_dump(mode="json")
        rows[notice_key(posting)] = {
            "notice_key": notice_key(posting), "source": posting.source, "source_kind": posting.source_kind,
            "source_url": posting.source_url, "organisation": posting.organisation, "title": posting.title,
            "kind": posting.kind.value, "kind_reason": posting.kind_reason, "facts": data,
            "facts_hash": facts_hash(data), "first_seen": seen_on, "last_seen": seen_on,
        }
    stored = {key: (digest, last) for key, digest, last in session.execute(
        select(OtherNotice.notice_key, OtherNotice.facts_hash, OtherNotice.last_seen)
        .where(OtherNotice.notice_key.in_(rows)))}
    changes = {}
    for key, row in rows.items():
        if key not in stored:
            changes[key] = "insert"
        elif stored[key][0] != row["facts_hash"]:
            changes[key] = "update"
        else:
            changes[key] = "noop"
    written = [row for key, row in rows.items() if changes[key] != "noop" or seen_on > stored[key][1]]
    if written:
        statement = insert(OtherNotice).values(written)
        session.execute(statement.on_conflict_do_update(
            index_elements=[OtherNotice.notice_key],
            set_={**{name: statement.excluded[name] for name in (
                "source", "source_kind", "source_url", "organisation", "title", "kind", "kind_reason",
                "facts", "facts_hash")},
                "last_seen": func.greatest(OtherNotice.last_seen, statement.excluded.last_seen)},
        ))
    return [OtherNoticeResult(changes[notice_key(p)], notice_key(p), p.kind.value, p.kind_reason) for p in postings]
