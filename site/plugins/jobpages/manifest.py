"""A content-hash manifest: a file is rendered and written only when the inputs it shows changed.

Each output path is recorded with a key, a hash of everything the page displays. A later build
that computes the same key for a path that still exists skips it; paths of the last build that
are gone are deleted. ``written``/``removed`` say what a build changed (for IndexNow and tests).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path


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

    def write(self, path: str, key: str, render: Callable[[], str]) -> bool:
        if path in self.new:
            raise ValueError(f"two pages want the same path {path}")
        self.new[path] = key
        target = self.output / path
        if self.old.get(path) == key and target.is_file():
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(render().encode("utf-8"))
        self.written.append(path)
        return True

    def write_text(self, path: str, text: str) -> bool:
        return self.write(path, key_of(text), lambda: text)

    def finish(self) -> dict:
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
