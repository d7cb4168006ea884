"""A batch's view of stored jobs and their notices: what ``JobStore`` decides on and
``store_writes`` writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from core.domain.schema import JobPosting

# Columns of ``jobs`` copied from the merged JobPosting (the rest lives in ``facts``).
JOB_COLUMNS = (
    "organisation", "organisation_short", "department", "category", "state", "title",
    "description", "stage", "advt_no", "exam_year", "total_posts", "qualification",
    "apply_start", "apply_last", "fee_last", "exam_date", "admit_card_date", "result_date",
    "application_link", "notification_pdf", "salary_min", "salary_max", "age_min", "age_max",
    "age_as_on", "source", "source_url", "kind",
)


@dataclass
class EventRow:
    """One notice of a job as the batch sees it; ``state`` says what ``finish`` writes."""

    id: int | None
    notice_key: str
    facts: dict
    facts_hash: str
    last_seen: dt.date
    columns: dict = field(default_factory=dict)  # stage, title, link… (only when written)
    state: Literal["stored", "new", "changed"] = "stored"
    posting: JobPosting | None = None

    def as_posting(self) -> JobPosting:
        if self.posting is None:
            self.posting = JobPosting.model_validate(self.facts)
        return self.posting


@dataclass
class JobRow:
    """One job as the batch sees it: read by ``prefetch`` or added by this batch."""

    id: int | None
    fingerprint: str
    slug: str
    facts: dict
    provenance: dict | None
    content_hash: str
    first_seen: dt.date
    last_seen: dt.date
    events: dict[str, EventRow]
    merged: JobPosting | None = None
    changed: bool = False  # facts or provenance to write
    seen_on: dt.date | None = None  # last_seen to raise
    revisions: list[dict] = field(default_factory=list)

    def columns(self) -> dict:
        merged = self.merged
        values = {c: getattr(merged, c) for c in JOB_COLUMNS}
        values["stage"] = merged.stage.value
        values["kind"] = merged.kind.value
        return {**values, "facts": self.facts, "provenance": self.provenance,
                "content_hash": self.content_hash, "fees": self.facts["fees"]}
