"""The files a plugin must write in this build, and the writing of a slice of them.

A plugin first works out every file's key (``manifest.IncrementalWriter.changed``) and adds the
changed ones here with what makes their text; ``write`` then writes them all, in a process pool
(``pool.run_sliced``: the pool's processes inherit the plan) or in this process.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .manifest import write_text
from .pool import processes_for, run_sliced


class FilePlan:
    def __init__(self, output: Path, *, workers: int, size: int):
        self.output, self.workers, self.size = str(output), workers, size
        self.files: list[tuple[str, Callable[..., str], tuple]] = []

    def add(self, path: str, make: Callable[..., str], *args) -> None:
        """``path`` gets ``make(*args)``."""
        self.files.append((path, make, args))

    def __call__(self, start: int, stop: int) -> int:
        for path, make, args in self.files[start:stop]:
            write_text(self.output, path, make(*args))
        return stop - start

    @property
    def processes(self) -> int:
        return processes_for(len(self.files), workers=self.workers, size=self.size)

    def write(self) -> int:
        """Write every file of the plan; returns how many."""
        return sum(run_sliced(self, len(self.files), workers=self.workers, size=self.size))
