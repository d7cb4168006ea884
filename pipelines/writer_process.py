"""The database writes of a crawl in a child process, so they use the second CPU core.

A crawl process is CPU-bound (parsing, normalising, and SQLAlchemy's per-row work all share one
interpreter lock), so the store and the template SEO text run their batches in one child
process per crawl process. The child keeps its own state (the near-duplicate index) between
batches. If the child dies, the batch is written in this process instead: never lost.
``JOBS_WRITER_PROCESS=0`` keeps everything in the crawl process.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

log = logging.getLogger(__name__)


def enabled() -> bool:
    return os.environ.get("JOBS_WRITER_PROCESS", "1").strip().lower() not in ("0", "false", "no", "")


def _init_child() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s [%(name)s] %(levelname)s: %(message)s")


class WriterProcess:
    def __init__(self):
        from jobcore.database import database_url

        database_url()  # an embedded server is started here and its URL exported to the child
        self._pool = self._start()

    @staticmethod
    def _start() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"), initializer=_init_child)

    def run(self, function: Callable[[list], list], entries: list) -> list:
        try:
            return self._pool.submit(function, entries).result()
        except BrokenProcessPool:
            log.error("the writer process died; writing %d entries in the crawl process", len(entries))
            self._pool = self._start()
            return function(entries)

    def close(self) -> None:
        self._pool.shutdown(wait=True)
