"""A content-hash manifest: a file is rendered and written only when the inputs it shows changed.

Each plugin keeps one manifest of the files it writes (``<build state>/<plugin>.json``). Each
output path is recorded with a key, a hash of everything the file displays. A later build that
computes the same key for a path that still exists skips it; paths of the plugin's last build
that it no longer makes are deleted. ``written``/``removed`` say what a build changed (for
IndexNow, the build's report and the tests).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC


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


def code_hash(*roots: Path) -> str:
    """A digest of the files under ``roots`` (folders or single files), for a manifest's salt:
    a change of the code or the theme that makes the files rewrites them all."""
    digest = hashlib.sha1()
    for root in roots:
        for path in [root] if root.is_file() else sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root.parent if root.is_file() else root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def manifest_file(state: Path, plugin: str) -> Path:
    return Path(state) / f"{plugin}.json"


def write_text(root: str, path: str, text: str) -> None:
    """Write ``text`` to ``root/path`` as UTF-8, making its folder if needed."""
    target = os.path.join(root, path)
    try:
        fd = os.open(target, _WRITE, 0o644)
    except FileNotFoundError:  # a new folder (a build writes thousands of files: no check first)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        fd = os.open(target, _WRITE, 0o644)
    try:
        data = memoryview(text.encode("utf-8"))
        while data:
            data = data[os.write(fd, data):]
    finally:
        os.close(fd)


class IncrementalWriter:
    def __init__(self, output: Path, manifest: Path, salt: str):
        self.output, self.manifest, self.salt = Path(output), Path(manifest), salt
        old = json.loads(self.manifest.read_text()) if self.manifest.exists() else {}
        self.old: dict[str, str] = old.get("files", {}) if old.get("salt") == salt else {}
        self.previous: set[str] = set(old.get("files", {}))
        self.new: dict[str, str] = {}
        self.written: list[str] = []
        self.removed: list[str] = []
        self._root = str(output)

    def changed(self, path: str, key: str) -> bool:
        """Record ``path``'s key; True if the file must be (re)written."""
        if path in self.new:
            raise ValueError(f"two files want the same path {path}")
        self.new[path] = key
        if self.old.get(path) == key and os.path.isfile(os.path.join(self._root, path)):
            return False
        self.written.append(path)
        return True

    def text(self, path: str, text: str) -> None:
        """A file that is its own key (a sitemap, robots.txt): written if its text changed."""
        if self.changed(path, text_key(text)):
            write_text(self._root, path, text)

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


def build_reports(state: Path) -> dict[str, dict]:
    """plugin → the report of its last build (``files``, ``written``, ``removed``)."""
    reports = {}
    for path in sorted(Path(state).glob("*.json")) if Path(state).is_dir() else ():
        try:
            reports[path.stem] = json.loads(path.read_text())
        except ValueError:  # a damaged manifest: that plugin rewrites everything next time
            continue
    return reports
