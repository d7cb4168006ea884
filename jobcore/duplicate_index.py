"""Candidates for the near-duplicate check, kept in memory per organisation.

Loading and validating every stored job of an organisation for each new notice was most of a
crawl's store time. The index loads an organisation's jobs once per process, then only asks the
database for rows added since (by id), and is told about the jobs this process writes. After a
rolled-back transaction it is reset, because it may hold jobs that were never committed.
"""

from __future__ import annotations

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from jobcore.fingerprint import job_year
from jobcore.near_duplicates import best_match
from jobcore.schema import JobPosting
from jobcore.tables import Job

LIMIT = 500  # candidates per organisation and year window, oldest first


def _organisation(posting: JobPosting) -> tuple[bool, str]:
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
        key = _organisation(merged)
        if key in self._jobs:
            self._jobs[key][job_id] = merged

    def _refresh(self, session: Session, key: tuple[bool, str]) -> dict[int, JobPosting]:
        short, name = key
        column = Job.organisation_short if short else Job.organisation
        jobs = self._jobs.setdefault(key, {})
        query = select(Job.id, Job.facts).where(column == name, Job.id > self._high_water.get(key, 0))
        for job_id, facts in session.execute(query.order_by(Job.id)):
            self._high_water[key] = job_id
            try:
                jobs[job_id] = JobPosting.model_validate(facts)
            except ValidationError:
                continue
        return jobs

    def match(self, session: Session, posting: JobPosting, refresh: bool = True,
              extra: list[tuple[int, JobPosting]] = ()) -> int | None:
        """The id of the stored job of the same organisation and year that ``posting`` duplicates.

        ``refresh=False`` skips asking for jobs other processes added since the last look;
        ``extra`` are more candidates (jobs of this batch not written yet) under their own keys.
        """
        key = _organisation(posting)
        jobs = self._refresh(session, key) if refresh or key not in self._jobs else self._jobs[key]
        year = job_year(posting)
        same = _organisation
        candidates = [
            (job_id, job) for job_id, job in [*sorted(jobs.items()), *(e for e in extra if same(e[1]) == key)]
            if not year or job.exam_year is None or abs(job.exam_year - year) <= 1
        ][:LIMIT]
        return best_match(posting, candidates)
