"""Candidates for the near-duplicate check, kept in memory per organisation.

Loading and validating every stored job of an organisation for each new notice was most of a
crawl's store time. The index loads an organisation's jobs once per process, then only asks the
database for rows added since (by id), and is told about the jobs this process writes. After a
rolled-back transaction it is reset, because it may hold jobs that were never committed.
"""

from __future__ import annotations

from pydantic import ValidationError
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from jobcore.fingerprint import job_year
from jobcore.near_duplicates import best_match
from jobcore.schema import JobPosting
from jobcore.tables import Job

LIMIT = 500  # candidates per organisation and year window, oldest first


def organisation_of(posting: JobPosting) -> tuple[bool, str]:
    """The index key: the short name where there is one, else the full name."""
    return (bool(posting.organisation_short), posting.organisation_short or posting.organisation)


class NearDuplicateIndex:
    def __init__(self) -> None:
        self._jobs: dict[tuple[bool, str], dict[int, JobPosting]] = {}
        self._high_water: dict[tuple[bool, str], int] = {}

    def reset(self) -> None:
        self._jobs.clear()
        self._high_water.clear()

    def note(self, job_id: int, merged: JobPosting) -> None:
        """This process stored ``merged`` as job ``job_id`` (inserted or updated)."""
        key = organisation_of(merged)
        if key in self._jobs:
            self._jobs[key][job_id] = merged

    def refresh(self, session: Session, keys: set[tuple[bool, str]]) -> None:
        """Read, in one query, the jobs of these organisations stored since the last look."""
        if not keys:
            return
        shorts = sorted(name for short, name in keys if short)
        names = sorted(name for short, name in keys if not short)
        low = min(self._high_water.get(key, 0) for key in keys)
        where = []
        if shorts:
            where.append(Job.organisation_short.in_(shorts))
        if names:
            where.append(Job.organisation.in_(names))
        query = (select(Job.id, Job.organisation_short, Job.organisation, Job.facts)
                 .where(or_(*where), Job.id > low).order_by(Job.id))
        for key in keys:
            self._jobs.setdefault(key, {})
        for job_id, short, name, facts in session.execute(query):
            for key in ((True, short), (False, name)):
                if key in keys and job_id > self._high_water.get(key, 0):
                    self._high_water[key] = job_id
                    try:
                        self._jobs[key][job_id] = JobPosting.model_validate(facts)
                    except ValidationError:
                        continue

    def match(self, posting: JobPosting, extra: list[tuple[int, JobPosting]] = ()) -> int | None:
        """The id of the stored job of the same organisation and year that ``posting`` duplicates.

        Its organisation must have been ``refresh``-ed; ``extra`` are more candidates (jobs of
        this batch not written yet) under their own keys.
        """
        key = organisation_of(posting)
        jobs = self._jobs.get(key, {})
        year = job_year(posting)
        candidates = [
            (job_id, job) for job_id, job in [*sorted(jobs.items()), *(e for e in extra if organisation_of(e[1]) == key)]
            if not year or job.exam_year is None or abs(job.exam_year - year) <= 1
        ][:LIMIT]
        return best_match(posting, candidates)
