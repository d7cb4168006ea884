"""A content-hash manifest: a file is rendered and written only when the inputs it shows changed.

Each output path is recorded with a key, a hash of everything the page displays. A later build
that computes the same key for a path that still exists skips it; paths of the last build that
are gone are deleted. ``written``/``removed`` say what a build changed (for IndexNow and tests).

``changed`` says whether a path must be written (and records its key); ``Saver`` writes files
from a small pool of threads, so the file system's work overlaps the rendering. The build's
helper processes (``forked``) save their share of the pages with a ``Saver`` of their own.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

SAVE_THREADS = 1
MAX_PENDING = 256  # pages rendered but not yet saved (bounds the memory they hold)


def key_of(*parts) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha1(text.encode()).hexdigest()


class IncrementalWriter:
    def __init__(self, output: Path, manifest: Path, salt: str):
        self.output, self.manifest, self.salt = output, manifest, salt
        old = json.loads(manifest.read_text()) if manifest.exists() else {}
        self.old: dict[str, str] = old.get("files", {}) if old.get("salt") == salt else {}
        self.previous: set[str] = set(old.get("files", {}))
        self.new: dict[str, str] = {}
        self.written: list[str] = []
        self.removed: list[str] = []
        self._root = str(output)

    def changed(self, path: str, key: str) -> bool:
        """Record ``path``'s key; True if the file must be (re)written."""
        if path in self.new:
            raise ValueError(f"two pages want the same path {path}")
        self.new[path] = key
        if self.old.get(path) == key and os.path.isfile(os.path.join(self._root, path)):
            return False
        self.written.append(path)
        return True

    def finish(self) -> dict:
        """Delete what the last build made and this one did not; save the manifest."""
        for path in sorted(self.previous - set(self.new)):
            target = self.output / path
            if target.is_file():
                target.unlink()
                self.removed.append(path)
        report = {"salt": self.salt, "files": dict(sorted(self.new.items())),
                  "written": sorted(self.written), "removed": self.removed}
        self.manifest.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.manifest.with_suffix(".tmp")
        tmp.write_text(json.dumps(report, indent=0, sort_keys=True))
        tmp.replace(self.manifest)
        return report


class Saver:
    """Writes files under ``root`` from a pool of threads; ``close`` waits for every write."""

    def __init__(self, root: Path):
        self.root = str(root)
        self.folders: set[str] = set()
        self.pool = ThreadPoolExecutor(SAVE_THREADS, thread_name_prefix="jobpages-save")
        self.pending: deque = deque()
        self.count = 0

    def _save(self, target: str, data: bytes) -> None:
        folder = os.path.dirname(target)
        if folder not in self.folders:
            os.makedirs(folder, exist_ok=True)
            self.folders.add(folder)
        with open(target, "wb") as stream:
            stream.write(data)

    def save(self, path: str, text: str) -> None:
        self.pending.append(self.pool.submit(self._save, os.path.join(self.root, path),
                                             text.encode("utf-8")))
        self.count += 1
        if len(self.pending) > MAX_PENDING:
            self.pending.popleft().result()  # a failed write fails the build

    def close(self) -> None:
        try:
            while self.pending:
                self.pending.popleft().result()
        finally:
            self.pool.shutdown()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
