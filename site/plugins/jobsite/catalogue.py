"""The jobs of one build, read once from the snapshot: their rows, listings and related jobs.

Every plugin works from the same ``Catalogue``: the first that asks (``catalogue_of``) reads
the snapshot and keeps the catalogue in the build's context for the others.

Reading it means validating every record into its row (``views.row_static``). A record whose
line is unchanged since the last build takes its row from the row cache; the others are
validated in slices, in a process pool when there are many (``pool.run_sliced``). A job's full
view (``views.job_view``, for its own page) is not kept: the job pages read and validate their
record again (``Catalogue.job_view``), which keeps a build's memory to its rows.
"""

from __future__ import annotations

import datetime as dt
import logging
from contextlib import closing
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from core.config import PROJECT_ROOT
from core.storage.snapshot import RecordReader, iter_snapshot

from .manifest import code_hash
from .overrides import read_overrides
from .pool import run_sliced, worker_count
from .rowcache import RowCache
from .views import (
    LISTING_KINDS,
    job_view,
    listings,
    related_jobs,
    row_digest,
    row_static,
    row_view,
    sort_latest,
)

log = logging.getLogger(__name__)
CONTEXT_KEY = "JOBS_CATALOGUE"
PER_PAGE = 50
# What a job's row is computed from: the row cache is dropped when any of it changes.
ROW_CODE = tuple(Path(__file__).resolve().parent / name for name in ("views.py", "taxonomy.py")) + (
    PROJECT_ROOT / "core" / "domain" / "schema.py",)
VALIDATE_SLICE = 250  # records per task of the pool that validates them
ARCHIVE = ("archive/", "Archive: closed jobs",
           "Jobs past their last date. Their pages stay here for reference.")


@dataclass(frozen=True)
class ListingPage:
    url: str
    number: int
    count: int
    jobs: list[dict]
    prev: str | None
    next: str | None


@dataclass(frozen=True)
class Listing:
    """The jobs of one group (an organisation, a category, a state…) or of the archive."""

    kind: str  # one of LISTING_KINDS' kinds, or "archive"
    url: str  # e.g. "categories/police/"
    heading: str
    intro: str
    jobs: list[dict]  # rows, newest first
    trail: tuple[tuple[str, str], ...]  # (name, URL) of the pages above it, below the home page

    def pages(self, per_page: int = PER_PAGE) -> list[ListingPage]:
        chunks = [self.jobs[i:i + per_page] for i in range(0, len(self.jobs), per_page)] or [[]]
        base, count = self.url, len(chunks)
        return [ListingPage(url=base if n == 1 else f"{base}page/{n}/", number=n, count=count,
                            jobs=chunk,
                            prev=None if n == 1 else (base if n == 2 else f"{base}page/{n - 1}/"),
                            next=f"{base}page/{n + 1}/" if n < count else None)
                for n, chunk in enumerate(chunks, start=1)]


@dataclass(frozen=True)
class GroupIndex:
    """The page that lists a kind's groups (``categories/``…)."""

    kind: str
    url: str
    heading: str
    groups: list[dict]  # {name, full, url, jobs}, by slug


class Catalogue:
    def __init__(self, snapshot: Path, today: dt.date, overrides: dict[str, dict],
                 rows: list[dict], sources: dict[str, tuple]):
        self.snapshot, self.today, self.overrides = snapshot, today, overrides
        self.rows = rows  # one row view per valid job, in snapshot order
        self.sources = sources  # slug → (line digest, offset, length, record or None)
        self.groups = listings(rows)  # kind → slug → {name, full, url, jobs}
        for row in rows:
            row_digest(row)

    @cached_property
    def live(self) -> list[dict]:
        """Open jobs, newest first."""
        return sort_latest([v for v in self.rows if not v["archived"]])

    @cached_property
    def related(self) -> dict[str, list[dict]]:
        """slug → the rows of the jobs its page shows as related."""
        return related_jobs(self.rows)

    @cached_property
    def indexes(self) -> list[GroupIndex]:
        return [GroupIndex(kind, base, heading, list(self.groups[kind].values()))
                for kind, base, heading, _ in LISTING_KINDS]

    @cached_property
    def listings(self) -> list[Listing]:
        """Every listing: each group of each kind, then the archive."""
        found = []
        for kind, base, index_heading, pattern in LISTING_KINDS:
            for group in self.groups[kind].values():
                found.append(Listing(
                    kind, group["url"], pattern.format(name=group["name"]),
                    group["full"] if group["full"] != group["name"] else "", group["jobs"],
                    ((index_heading, base),)))
        url, heading, intro = ARCHIVE
        archived = sort_latest([v for v in self.rows if v["archived"]])
        found.append(Listing("archive", url, heading, intro, archived, ()))
        return found

    def job_view(self, slug: str, reader: RecordReader | None) -> dict:
        """The full view of a job (for its own page), from its record read again through
        ``reader`` (an open ``RecordReader`` of the snapshot)."""
        _, offset, length, record = self.sources[slug]
        if record is None:
            record = reader.read(offset, length)
        return job_view(record, self.today, self.overrides.get(slug))


class _Validation:
    """Validates the records of ``missing`` (indexes into ``lines``), slice by slice."""

    def __init__(self, snapshot: Path, lines: list[tuple], missing: list[int], today: dt.date,
                 overrides: dict[str, dict]):
        self.snapshot, self.lines, self.missing = snapshot, lines, missing
        self.today, self.overrides = today, overrides

    def __call__(self, start: int, stop: int) -> list[tuple[int, dict | None, str]]:
        """(line index, its row or None, why it is not valid) for ``missing[start:stop]``."""
        found = []
        with closing(RecordReader(self.snapshot)) as reader:
            for i in self.missing[start:stop]:
                _, offset, length, record, _ = self.lines[i]
                if record is None:
                    record = reader.read(offset, length)
                try:
                    view = job_view(record, self.today, self.overrides.get(record.get("slug")))
                except ValidationError as exc:  # a corrupt record must not take the site down
                    found.append((i, None, f"job {record.get('slug')} skipped: invalid facts: "
                                           f"{exc.errors()[0]['msg']}"))
                    continue
                found.append((i, row_static(view), ""))
        return found


def today_of(settings) -> dt.date:
    value = settings.get("JOBS_TODAY") or ""
    return dt.date.fromisoformat(value) if value else dt.date.today()


def read_catalogue(settings) -> Catalogue:
    snapshot = Path(settings["JOBS_SNAPSHOT"])
    today = today_of(settings)
    overrides = read_overrides(Path(settings["PATH"]) / "overrides")
    if not snapshot.exists():
        log.warning("no snapshot at %s: building a site with no jobs", snapshot)
        return Catalogue(snapshot, today, overrides, [], {})
    cache = RowCache(Path(settings["JOBS_BUILD_STATE"]) / "rows.pickle", code_hash(*ROW_CODE))
    lines = []  # (digest, offset, length, record or None, cached row or None)
    for line in iter_snapshot(snapshot):
        static = cache.get(line.digest)
        if static is not None and static["slug"] in overrides:
            static = None  # an override changes the facts: always validated afresh
        lines.append((line.digest, line.offset, line.length,
                      line.record if line.offset < 0 else None, static))
    missing = [i for i, line in enumerate(lines) if line[4] is None]
    validate = _Validation(snapshot, lines, missing, today, overrides)
    found = {}
    for part in run_sliced(validate, len(missing), size=VALIDATE_SLICE,
                           workers=worker_count(settings.get("JOBS_BUILD_WORKERS"))):
        for i, static, reason in part:
            if static is None:
                log.warning(reason)
            else:
                found[i] = static
    rows, sources = [], {}
    for i, (digest, offset, length, record, static) in enumerate(lines):
        static = static or found.get(i)
        if static is None:
            continue  # invalid: skipped (and logged)
        if static["slug"] not in overrides:
            cache.put(digest, static)
        rows.append(row_view(static, today))
        sources[static["slug"]] = (digest, offset, length, record)
    cache.save()
    return Catalogue(snapshot, today, overrides, rows, sources)


def catalogue_of(generator) -> Catalogue:
    """The build's catalogue, read by the first plugin that asks and kept in its context."""
    found = generator.context.get(CONTEXT_KEY)
    if found is None:
        found = generator.context[CONTEXT_KEY] = read_catalogue(generator.settings)
    return found
