"""The rows of the last builds, by the digest of each job's snapshot line.

A job's row (``views.row_static``) is a pure function of its record and of the code that
computes it, so a rebuild takes the row of every unchanged record from here instead of parsing
and validating the record again. The file sits with the build's manifests and is dropped when
the code (``salt``) changes.

It is a sequence of pickles: the rows of a full write, then one small batch per later build
with the rows that build added, so a rebuild after one job changed appends one row instead of
rewriting ten thousand. Once the rows no longer in use make up half the file, it is rewritten
with only the rows of the current build.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

log = logging.getLogger(__name__)
VERSION = 2


class RowCache:
    def __init__(self, path: Path, salt: str):
        self.path = Path(path)
        self.salt = salt
        self.old: dict[str, dict] = {}
        self.used: dict[str, dict] = {}
        try:
            with self.path.open("rb") as stream:
                head = pickle.load(stream)
                if head.get("version") == VERSION and head.get("salt") == salt:
                    self.old = head["rows"]
                    while True:
                        try:
                            self.old.update(pickle.load(stream))
                        except EOFError:
                            break
        except FileNotFoundError:
            pass
        except Exception as exc:  # a damaged cache only costs time
            log.warning("row cache %s ignored: %s", self.path, exc)
            self.old = {}

    def get(self, digest: str) -> dict | None:
        return self.old.get(digest)

    def put(self, digest: str, row: dict) -> None:
        self.used[digest] = row

    def save(self) -> None:
        added = {d: row for d, row in self.used.items() if d not in self.old}
        stale = len(self.old) - (len(self.used) - len(added))
        if self.old and stale <= len(self.used):
            if added:
                with self.path.open("ab") as stream:
                    pickle.dump(added, stream, protocol=pickle.HIGHEST_PROTOCOL)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("wb") as stream:
            pickle.dump({"version": VERSION, "salt": self.salt, "rows": self.used}, stream,
                        protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.path)
