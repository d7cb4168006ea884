"""When the database is gone, a raw item is kept in a local spool file rather than lost.

An item counts as spooled only once its line is on disk (written and fsynced); when even that
fails (a full disk), ``SpoolUnavailable`` is raised so that the caller can stop instead of
dropping the item.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

from core import config


class SpoolUnavailable(OSError):
    """The spool could not be written either: the item has nowhere to go."""


def json_ready(raw: dict) -> dict:
    """Raw scraped data as plain JSON values (dates and other objects as text)."""
    return json.loads(json.dumps(raw, default=str, ensure_ascii=False))


def spool_dir() -> Path:
    return config.var_dir() / "spool"


def spool_path(source: str) -> Path:
    folder = spool_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{source}.jsonl"


def spool_items(source: str, entries: list[tuple[dict, str]]) -> Path:
    """Append (raw item, reason) pairs to the source's spool file, durably, in one write."""
    path = spool_path(source)
    data = "".join(json.dumps({"reason": reason, "raw": raw}, default=str, ensure_ascii=False) + "\n"
                   for raw, reason in entries).encode()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            written = os.write(fd, data)
            if written != len(data):
                raise OSError(f"short write ({written} of {len(data)} bytes)")
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise SpoolUnavailable(f"cannot write the spool {path}: {exc.strerror or exc}") from exc
    return path


def spool_item(source: str, raw: dict, reason: str) -> Path:
    return spool_items(source, [(raw, reason)])


def spool_files() -> list[Path]:
    """Spool files waiting to be replayed, with any left by a replay that was interrupted."""
    folder = spool_dir()
    if not folder.is_dir():
        return []
    return sorted([*folder.glob("*.jsonl"), *folder.glob("*.replaying")])


def read_spool(path: Path) -> Iterator[dict]:
    """The entries of one spool file ({"reason", "raw"}); a torn last line is skipped."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    yield json.loads(line)
                except ValueError:
                    continue


def take_for_replay(path: Path) -> Path:
    """Move a spool file aside before replaying it, so that what is spooled again meanwhile
    goes to a new file; an interrupted replay leaves the ``.replaying`` file for the next one."""
    if path.suffix == ".replaying":
        return path
    aside = path.with_suffix(".replaying")
    if aside.exists():  # an earlier interrupted replay: keep both, in one file
        with aside.open("a", encoding="utf-8") as out:
            out.write(path.read_text(encoding="utf-8"))
        path.unlink()
    else:
        os.replace(path, aside)
    return aside


def spooled_count() -> int:
    return sum(1 for path in spool_files() for _ in read_spool(path))
