"""A writer thread that takes work one item at a time and does it in batches.

Items submitted while the thread is busy wait in a queue; the thread then takes up to
``batch_size`` of them at once, so a busy crawl commits many notices per transaction while a
quiet one still writes each notice straight away. The crawl's reactor thread never waits on
the database.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future

_STOP = object()


class BatchWriter:
    def __init__(self, write_batch: Callable[[list], list], batch_size: int = 100, name: str = "store"):
        self._write_batch = write_batch
        self._batch_size = batch_size
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._closers: list[Callable[[], None]] = []
        self._thread.start()

    def on_close(self, closer: Callable[[], None]) -> None:
        """Call ``closer`` once the thread has written everything (e.g. stop a child process)."""
        self._closers.append(closer)

    def submit(self, entry) -> Future:
        future: Future = Future()
        self._queue.put((entry, future))
        return future

    def close(self) -> None:
        self._queue.put(_STOP)
        self._thread.join()
        for closer in self._closers:
            closer()

    def _take(self) -> tuple[list, bool]:
        first = self._queue.get()
        if first is _STOP:
            return [], True
        batch = [first]
        while len(batch) < self._batch_size:
            try:
                more = self._queue.get_nowait()
            except queue.Empty:
                break
            if more is _STOP:
                return batch, True
            batch.append(more)
        return batch, False

    def _run(self) -> None:
        stop = False
        while not stop:
            batch, stop = self._take()
            if not batch:
                continue
            try:
                results = self._write_batch([entry for entry, _ in batch])
            except BaseException as exc:  # handed to every waiting item, never lost in the thread
                for _, future in batch:
                    future.set_exception(exc)
                continue
            for (_, future), result in zip(batch, results, strict=True):
                future.set_result(result)


class Shared:
    """One ``BatchWriter`` per process shared by every spider of a crawl process (refcounted).

    One thread makes bigger batches than one per spider, holds one connection, and its
    transactions cannot deadlock with each other.
    """

    def __init__(self, make: Callable[[], tuple[object, BatchWriter]]):
        self._make = make
        self._lock = threading.Lock()
        self._users = 0
        self._made: tuple[object, BatchWriter] | None = None

    def acquire(self) -> tuple[object, BatchWriter]:
        with self._lock:
            if self._users == 0:
                self._made = self._make()
            self._users += 1
            return self._made

    def release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._users == 0:
                self._made[1].close()
                self._made = None
