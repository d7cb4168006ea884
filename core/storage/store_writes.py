"""The SQL side of ``core.storage.store.JobStore``: a batch's reads and writes as Core statements.

A batch of notices costs a few queries to read (and lock) the jobs it touches and one statement
per kind of change to write them: new jobs (one INSERT … RETURNING), their notices, changed
jobs and notices (executemany UPDATE), raised ``last_seen`` dates and revisions. The ORM's
per-object bookkeeping was most of a crawl's store time.
"""

from __future__ import annotations

from collections import defaultdict

from psycopg.types.json import Jsonb
from sqlalchemy import any_, bindparam, func, literal, or_, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Session

from core.storage.job_rows import EventRow, JobRow
from core.storage.tables import Job, JobEvent, JobRevision

JOBS = Job.__table__
EVENTS = JobEvent.__table__
REVISIONS = JobRevision.__table__
_EVENT_READ = (EVENTS.c.id, EVENTS.c.job_id, EVENTS.c.notice_key, EVENTS.c.facts, EVENTS.c.facts_hash,
               EVENTS.c.last_seen)


def among(column, values) -> object:
    """``column = ANY(:values)``: one array parameter, so one statement whatever the count."""
    return column == any_(literal(sorted(values), ARRAY(column.type)))


def job_ids_of_notices(session: Session, keys: set[str]) -> dict[str, int]:
    """The job holding each stored notice key (the oldest job, should two hold one)."""
    if not keys:
        return {}
    rows = session.execute(
        select(EVENTS.c.notice_key, func.min(EVENTS.c.job_id))
        .where(among(EVENTS.c.notice_key, keys)).group_by(EVENTS.c.notice_key)
    )
    return dict(rows.all())


def load_jobs(session: Session, fingerprints: set[str], ids: set[int]) -> list[JobRow]:
    """The jobs with these fingerprints or ids and all their notices, locked for this transaction."""
    if not fingerprints and not ids:
        return []
    where = []
    if fingerprints:
        where.append(among(JOBS.c.fingerprint, fingerprints))
    if ids:
        where.append(among(JOBS.c.id, ids))
    rows = session.execute(
        select(JOBS.c.id, JOBS.c.fingerprint, JOBS.c.slug, JOBS.c.facts, JOBS.c.provenance,
               JOBS.c.content_hash, JOBS.c.first_seen, JOBS.c.last_seen)
        .where(or_(*where)).order_by(JOBS.c.id).with_for_update()
    ).all()
    if not rows:
        return []
    jobs = {r.id: JobRow(r.id, r.fingerprint, r.slug, r.facts, r.provenance, r.content_hash,
                         r.first_seen, r.last_seen, {}) for r in rows}
    for e in session.execute(select(*_EVENT_READ).where(among(EVENTS.c.job_id, jobs)).order_by(EVENTS.c.id)):
        jobs[e.job_id].events[e.notice_key] = EventRow(e.id, e.notice_key, e.facts, e.facts_hash, e.last_seen)
    return list(jobs.values())


def taken_slugs(session: Session, slugs: set[str]) -> set[str]:
    if not slugs:
        return set()
    return set(session.scalars(select(JOBS.c.slug).where(among(JOBS.c.slug, slugs))))


def _copy(session: Session, table, rows: list[dict]) -> None:
    """COPY ``rows`` into ``table``: no statement to build or parse, whatever the batch size."""
    # COPY applies the database's defaults only: add the ones SQLAlchemy would have supplied.
    defaults = {c.name: c.default.arg for c in table.c
                if c.default is not None and c.default.is_scalar and c.name not in rows[0]}
    rows = [{**defaults, **row} for row in rows] if defaults else rows
    columns = list(rows[0])
    json_columns = {name for name in columns if isinstance(table.c[name].type, JSONB)}
    cursor = session.connection().connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([Jsonb(row[c]) if c in json_columns and row[c] is not None else row[c]
                            for c in columns])


def _new_ids(session: Session, table, count: int) -> list[int]:
    return list(session.scalars(
        text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :n)"),
        {"table": table.name, "n": count},
    ))


def _touch(session: Session, table, ids_by_day: dict) -> None:
    for day, ids in sorted(ids_by_day.items()):
        session.execute(update(table).where(among(table.c.id, ids), table.c.last_seen < day)
                        .values(last_seen=day))


def write_batch(session: Session, new: list[JobRow], stored: list[JobRow]) -> None:
    """Write the batch: insert ``new`` jobs (setting their ids), update what changed in ``stored``."""
    if new:
        for job, job_id in zip(new, _new_ids(session, JOBS, len(new)), strict=True):
            job.id = job_id
        _copy(session, JOBS, [{"id": job.id, **job.columns(), "fingerprint": job.fingerprint, "slug": job.slug,
                               "first_seen": job.first_seen, "last_seen": job.last_seen} for job in new])

    changed = [job for job in stored if job.changed]
    if changed:
        session.execute(
            update(JOBS).where(JOBS.c.id == bindparam("job_id")).values(updated_at=func.now()),
            [{**job.columns(), "job_id": job.id, "last_seen": job.last_seen} for job in changed],
        )
    touched_jobs: dict = defaultdict(set)
    for job in stored:
        if job.seen_on and not job.changed:
            touched_jobs[job.seen_on].add(job.id)
    _touch(session, JOBS, touched_jobs)

    new_events, changed_events, touched_events = [], [], defaultdict(set)
    for job in [*new, *stored]:
        for event in job.events.values():
            if event.state == "new":
                new_events.append({**event.columns, "job_id": job.id, "notice_key": event.notice_key,
                                   "facts": event.facts, "facts_hash": event.facts_hash,
                                   "first_seen": event.last_seen, "last_seen": event.last_seen})
            elif event.state == "changed" and event.columns:
                changed_events.append({**event.columns, "event_id": event.id, "facts": event.facts,
                                       "facts_hash": event.facts_hash, "last_seen": event.last_seen})
            elif event.state == "changed":
                touched_events[event.last_seen].add(event.id)
    if new_events:
        _copy(session, EVENTS, new_events)
    if changed_events:
        session.execute(update(EVENTS).where(EVENTS.c.id == bindparam("event_id")), changed_events)
    _touch(session, EVENTS, touched_events)

    revisions = [{"job_id": job.id, **revision} for job in [*new, *stored] for revision in job.revisions]
    if revisions:
        _copy(session, REVISIONS, revisions)
