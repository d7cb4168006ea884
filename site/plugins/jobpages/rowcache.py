"""The rows of the last build, by the digest of each job's snapshot line.

A job's row (``views.row_static``) is a pure function of its record and of the code that
computes it, so a rebuild takes the row of every unchanged record from here instead of parsing
and validating the record again. The file sits next to the build's manifest and is dropped when
the code (``salt``) changes; it holds only the rows of the last build.
"""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

log = logging.getLogger(__name__)
VERSION = 1


class RowCache:
    def __init__(self, manifest: Path, salt: str):
        self.path = manifest.with_suffix(".rows.pickle")
        self.salt = salt
        self.old: dict[str, dict] = {}
        self.new: dict[str, dict] = {}
        try:
            with self.path.open("rb") as stream:
                data = pickle.load(stream)
            if data.get("version") == VERSION and data.get("salt") == salt:
                self.old = data["rows"]
        except FileNotFoundError:
            pass
        except Exception as exc:  # a damaged cache only costs time
            log.warning("row cache %s ignored: %s", self.path, exc)

    def get(self, digest: str) -> dict | None:
        return self.old.get(digest)

    def put(self, digest: str, row: dict) -> None:
        self.new[digest] = row

    def save(self) -> None:
        if self.new.keys() == self.old.keys():
            return  # the same records as last time: nothing to write
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("wb") as stream:
            pickle.dump({"version": VERSION, "salt": self.salt, "rows": self.new}, stream,
                        protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(self.path)
