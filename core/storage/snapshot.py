"""A sorted, self-contained snapshot of every job: the only input of a site build.

The file is JSON with one job record per line (keys sorted, compact), so any JSON reader takes
it whole while the site build streams it record by record (``iter_snapshot``) and hashes each
record's line as its identity, without holding the whole file and every parsed record at once.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

if TYPE_CHECKING:  # the site build reads snapshots without importing the database layer
    from sqlalchemy.orm import Session

    from core.storage.tables import Job

SNAPSHOT_VERSION = 1


def _loads(text: bytes | memoryview):
    """A record's line parsed by orjson: twice as fast as ``json`` on these records, and a
    build parses every record it has no cached row for.

    What orjson refuses (NaN, Infinity, lone surrogates) is read by ``json``. An integer beyond
    64 bits would come back as a float; the database layer already reads every JSON column
    with orjson (``core.storage.database``), so a snapshot taken from it holds no such number."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(bytes(text))


def job_record(job: Job) -> dict:
    events = sorted(
        (
            {
                "stage": e.stage,
                "title": e.title,
                "date": e.event_date.isoformat() if e.event_date else None,
                "link": e.link,
                "source": e.source,
                "source_kind": e.source_kind,
                "source_url": e.source_url,
                "first_seen": e.first_seen.isoformat(),
            }
            for e in job.events
        ),
        key=lambda e: (e["date"] or "", e["title"], e["source_url"]),
    )
    return {
        "slug": job.slug,
        "fingerprint": job.fingerprint,
        "facts": job.facts,
        "provenance": job.provenance or {},
        "events": events,
        "seo": {
            "title": job.seo_title,
            "description": job.seo_description,
            "summary": job.seo_summary,
            "faq": job.seo_faq or [],
            "origin": job.seo_origin,
        },
        "is_featured": job.is_featured,
        "priority": job.priority,
        "content_hash": job.content_hash,
        "first_seen": job.first_seen.isoformat(),
        "last_seen": job.last_seen.isoformat(),
    }


def take_snapshot(session: Session) -> dict:
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from core.storage.tables import Job

    # a job stored as not a job notice before notices were kept apart (core.storage.other_notices)
    # is no page either
    jobs = session.scalars(select(Job).where(Job.kind != "not_job").options(selectinload(Job.events))
                           .order_by(Job.slug)).all()
    return {"version": SNAPSHOT_VERSION, "jobs": [job_record(j) for j in jobs]}


_HEAD = b'{"jobs": ['
_CR, _COMMA, _BRACE = ord("\r"), ord(","), ord("{")


def record_line(record: dict) -> bytes:
    """A record as it stands on its line of the snapshot file (canonical: keys sorted)."""
    return json.dumps(record, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode("utf-8")


def write_snapshot(snapshot: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    rest = {k: v for k, v in snapshot.items() if k != "jobs"}
    tail = json.dumps(rest, sort_keys=True, ensure_ascii=False)[1:-1].encode("utf-8")
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as out:
        out.write(_HEAD + b"\n")
        out.write(b",\n".join(record_line(r) for r in snapshot.get("jobs", [])))
        out.write(b"\n]" + (b", " + tail if tail else b"") + b"}\n")
    tmp.replace(path)
    return path


def read_snapshot(path: Path) -> dict:
    return json.loads(Path(path).read_bytes())


class SnapshotLine:
    """One job of a snapshot file: the sha1 of its record's line, where the line is, and the
    record itself (parsed on first use: a build that has the job in its cache never parses it)."""

    __slots__ = ("digest", "offset", "length", "_text", "_record")

    def __init__(self, digest: str, offset: int, length: int,
                 text: bytes | memoryview | None = None,
                 record: dict | None = None):
        self.digest, self.offset, self.length = digest, offset, length
        self._text, self._record = text, record

    @property
    def record(self) -> dict:
        if self._record is None:
            self._record = _loads(self._text)
            self._text = None
        return self._record


def iter_snapshot(path: Path) -> Iterator[SnapshotLine]:
    """The jobs of a snapshot file one at a time, in file order.

    A file in ``write_snapshot``'s layout is read line by line; any other JSON snapshot is read
    whole (its records then get the digest of their canonical line and ``offset`` -1).
    """
    with Path(path).open("rb") as stream:
        first = stream.readline()
        if first.rstrip(b"\r\n") != _HEAD:
            data = json.loads(first + stream.read())
            for record in data.get("jobs", []):
                yield SnapshotLine(hashlib.sha1(record_line(record)).hexdigest(), -1, 0,
                                   record=record)
            return
        # this loop is the whole read of a build: each line is found and hashed in place, in a
        # memory map of the file (never copied out of it); a line's text is a view of the map
        data = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
    view, start, size = memoryview(data), len(first), len(data)
    while start < size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size  # the last line, with no newline after it
        stop = end
        while stop > start and data[stop - 1] == _CR:
            stop -= 1
        if stop > start and data[stop - 1] == _COMMA:
            stop -= 1
        if data[start] != _BRACE:
            return  # the closing line
        text = view[start:stop]
        yield SnapshotLine(hashlib.sha1(text).hexdigest(), start, stop - start, text=text)
        start = end + 1


def read_record(path: Path, offset: int, length: int) -> dict:
    """The record of the line at ``offset`` (as ``iter_snapshot`` found it), read again."""
    with Path(path).open("rb") as stream:
        stream.seek(offset)
        return _loads(stream.read(length))


class RecordReader:
    """Reads records back by (offset, length) through one open file.

    ``os.pread`` leaves the file position alone, so the processes a build forks share the
    descriptor safely; one open file instead of one ``open`` per record.
    """

    def __init__(self, path: Path):
        self.fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))

    def read(self, offset: int, length: int) -> dict:
        return _loads(os.pread(self.fd, length, offset))

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1
