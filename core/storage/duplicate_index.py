"""Candidates for the near-duplicate check, kept in memory per organisation.

Loading and validating every stored job of an organisation for each new notice was most of a
crawl's store time. The index loads an organisation's jobs once per process, then only asks the
database for rows added since (by id), and is told about the jobs this process writes. After a
rolled-back transaction it is reset, because it may hold jobs that were never committed.
"""

from __future__ import annotations

import itertools

from pydantic import ValidationError
from sqlalchemy import text
from sqlalchemy.orm import Session

from core.domain.fingerprint import job_year
from core.domain.near_duplicates import best_of, scored_match, subject
from core.domain.schema import JobPosting

LIMIT = 500  # candidates per organisation and year window, oldest first
_SINCE_BY = (
    "SELECT j.id, j.organisation_short, j.organisation,"
    " CASE WHEN j.id = ANY(CAST(:held AS bigint[])) THEN NULL ELSE j.facts END AS facts"
    " FROM jobs j JOIN unnest(CAST(:{0}_names AS text[]), CAST(:{0}_highs AS bigint[])) AS k(name, high)"
    " ON j.{1} = k.name AND j.id > k.high"
)
# Each organisation's jobs above its own high-water mark, by short name and by full name.
_SINCE = text(f"{_SINCE_BY.format('short', 'organisation_short')} UNION ALL "
              f"{_SINCE_BY.format('full', 'organisation')} ORDER BY id")


def organisation_of(posting: JobPosting) -> tuple[bool, str]:
    """The index key: the short name where there is one, else the full name."""
    return (bool(posting.organisation_short), posting.organisation_short or posting.organisation)


class NearDuplicateIndex:
    def __init__(self) -> None:
        self._jobs: dict[tuple[bool, str], dict[int, JobPosting]] = {}
        self._high_water: dict[tuple[bool, str], int] = {}
        # Changes whenever a key's candidates do (never repeating): a match memo is good while it holds.
        self._generation: dict[tuple[bool, str], int] = {}
        self._generations = itertools.count(1)
        self._sorted: dict[tuple[bool, str], tuple] = {}  # per key: generation, candidates and subjects by id

    def reset(self) -> None:
        self._jobs.clear()
        self._high_water.clear()
        self._generation.clear()
        self._sorted.clear()

    def _changed(self, key: tuple[bool, str]) -> None:
        self._generation[key] = next(self._generations)

    def note(self, job_id: int, merged: JobPosting) -> None:
        """This process stored ``merged`` as job ``job_id`` (inserted or updated)."""
        # Under each key a refresh would find it by: its short name and its full name.
        for key in ((True, merged.organisation_short), (False, merged.organisation)):
            if key in self._jobs:
                self._jobs[key][job_id] = merged
                self._changed(key)

    def refresh(self, session: Session, keys: set[tuple[bool, str]]) -> None:
        """Read, in one query, the jobs of these organisations stored since each one's last look."""
        if not keys:
            return
        high = {key: self._high_water.get(key, 0) for key in keys}
        # The jobs this process wrote since are held already: their facts are not sent again.
        held = {job_id: job for key in keys for job_id, job in self._jobs.get(key, {}).items() if job_id > high[key]}
        by_kind = {kind: sorted((name, h) for (short, name), h in high.items() if short == kind) for kind in (True, False)}
        rows = session.execute(_SINCE, {
            "held": sorted(held),
            **{f"{prefix}_{part}": [pair[n] for pair in by_kind[kind]]
               for kind, prefix in ((True, "short"), (False, "full")) for n, part in enumerate(("names", "highs"))},
        })
        for key in keys:
            self._jobs.setdefault(key, {})
        for job_id, short, name, facts in rows:  # a job may come twice: under its short and its full name
            for key in ((True, short), (False, name)):
                if key in keys and job_id > self._high_water.get(key, 0):
                    self._high_water[key] = job_id
                    try:
                        self._jobs[key][job_id] = held[job_id] if job_id in held else JobPosting.model_validate(facts)
                    except ValidationError:
                        continue
                    self._changed(key)

    def match(self, posting: JobPosting, extra: list[tuple[int, JobPosting]] = (), memo: dict | None = None) -> int | None:
        """The id of the stored job of the same organisation and year that ``posting`` duplicates.

        Its organisation must have been ``refresh``-ed; ``extra`` are more candidates (jobs of
        this batch not written yet) under their own keys, after the stored ones. With ``memo``
        (a dict kept by the caller), the stored candidates are scored once per posting for as
        long as they do not change: a batch asks first to load the matched jobs together.
        """
        key = organisation_of(posting)
        year = job_year(posting)

        def fits(job: JobPosting) -> bool:
            return not year or job.exam_year is None or abs(job.exam_year - year) <= 1

        generation = self._generation.get(key)
        known = memo.get(id(posting)) if memo is not None else None
        if known is not None and known[0] is posting and known[1] == generation:
            room, stored = known[2:]
        else:
            every, subjects = self._by_id(key, generation)
            kept = [n for n, (_, job) in enumerate(every) if fits(job)][:LIMIT]
            if len(kept) < len(every):
                stored = scored_match(posting, [every[n] for n in kept], [subjects[n] for n in kept])
            else:
                stored = scored_match(posting, every, subjects)
            room = LIMIT - len(kept)
            if memo is not None:  # the posting is held by the memo, so its id is not reused
                memo[id(posting)] = (posting, generation, room, stored)
        pending = [(k, job) for k, job in extra if organisation_of(job) == key and fits(job)][:room]
        found = best_of([m for m in (stored, scored_match(posting, pending)) if m is not None])
        return found[1] if found else None

    def _by_id(self, key: tuple[bool, str], generation: int | None) -> tuple[list, list[str]]:
        """The key's candidates oldest first and their subjects, kept until they change."""
        cached = self._sorted.get(key)
        if cached is None or cached[0] != generation:
            every = sorted(self._jobs.get(key, {}).items())
            cached = self._sorted[key] = (generation, every, [subject(job) for _, job in every])
        return cached[1:]
