"""A content-hash manifest: a file is rendered and written only when the inputs it shows changed.

Each output path is recorded with a key, a hash of everything the page displays. A later build
that computes the same key for a path that still exists skips it; paths of the last build that
are gone are deleted. ``written``/``removed`` say what a build changed (for IndexNow and tests).

``changed`` says whether a path must be written (and records its key); ``Saver`` writes the
files. The build's helper processes (``forked``) save their share of the pages with a ``Saver``
of their own.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def key_of(*parts) -> str:
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha1(text.encode()).hexdigest()


def plain_key(*parts) -> str:
    """``key_of`` for parts made only of strings, numbers, booleans, None and tuples, lists and
    dicts of them (a page's key: the digests of its rows and what it says around them): their
    ``repr`` is exact and the same in every run (a dict in the order it was built), and several
    times faster than JSON. A rebuild works out the key of every page."""
    return hashlib.sha1(repr(parts).encode()).hexdigest()


def text_key(text: str) -> str:
    """The key of a file that is the text itself (a sitemap, robots.txt)."""
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
    """Writes files under ``root``: one ``open``/``write``/``close`` per file, no read.

    The writes are made in the rendering thread: every process of a build keeps a core busy,
    so a writer thread has no idle core to overlap with and only adds its hand-offs (it cost
    more CPU per file than the write itself).
    """

    def __init__(self, root: Path):
        self.root = str(root)
        self.folders: set[str] = set()
        self.count = 0

    def _folder(self, folder: str) -> None:
        try:
            os.mkdir(folder)
        except FileExistsError:
            pass
        except FileNotFoundError:  # its parent is new too
            os.makedirs(folder, exist_ok=True)
        self.folders.add(folder)

    def save(self, path: str, text: str) -> None:
        target = os.path.join(self.root, path)
        folder = os.path.dirname(target)
        if folder not in self.folders:
            self._folder(folder)
        fd = os.open(target, _WRITE, 0o644)
        try:
            data = memoryview(text.encode("utf-8"))
            while data:
                data = data[os.write(fd, data):]
        finally:
            os.close(fd)
        self.count += 1

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
